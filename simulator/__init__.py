"""compassion-coach: practise compassion-led coaching against a scripted virtual coachee."""

__version__ = "0.1.0"
