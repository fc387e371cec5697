"""Answer → Slack payload: Block Kit blocks and a plain-text fallback, in the asked language."""
