"""Text → Question: what a person typed, read against the knowledge base."""
