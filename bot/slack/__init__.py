"""The Slack edge: the Bolt app, the web and Socket Mode processes, and what they send."""

__all__: list[str] = []
