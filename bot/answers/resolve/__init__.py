"""Question → Answer: the records of bot.answers.records, built from the knowledge base."""
