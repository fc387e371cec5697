"""Medicon Bot: answers about the Medicon Valley life-science cluster, in Slack and offline."""

__all__: list[str] = []
