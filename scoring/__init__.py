"""Scoring how compassion-led a conversation was (COACHING-MODEL.md §5)."""
