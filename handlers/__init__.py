"""Slack surfaces: one package per surface, each with its own ``register()``."""

__all__: list[str] = []
