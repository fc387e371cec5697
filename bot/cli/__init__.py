"""The command line: the composition root of every process, the console and the terminal."""

__all__: list[str] = []
