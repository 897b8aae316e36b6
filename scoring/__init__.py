"""Scoring how compassion-led a conversation was (coaching-model.md §5)."""
