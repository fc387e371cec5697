"""What people see on Slack's surfaces, built here only: answers shaped per surface, the App Home,
the modals, the welcome and the shortcut's reply. Block Kit in, nothing sent: handlers send."""

__all__: list[str] = []
