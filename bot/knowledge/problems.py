"""What is wrong with a knowledge base, in the form editors act on: ``file:line: path: message``."""

from __future__ import annotations

from dataclasses import dataclass

from bot.errors import MediconBotError

__all__ = ["KnowledgeBaseError", "Problem"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.path}: {self.message}"


class KnowledgeBaseError(MediconBotError):
    """The knowledge base did not load; ``problems`` lists every reason, sorted by file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        summary = f"knowledge base has {count} problem{'s' if count != 1 else ''}"
        super().__init__("\n".join([summary, *(str(problem) for problem in self.problems)]))
