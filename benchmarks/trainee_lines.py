"""Trainee lines the benchmarks replay: a spread of compassion-led and compliance-led moves."""

LINES = [
    "Thanks for coming in. What would make this half hour useful for you?",
    "It sounds like the last couple of months have been exhausting.",
    "What are you proudest of in the way you work?",
    "You calm people down when they're most frightened.",
    "What matters most to you about this job?",
    "If work were going really well two years from now, what would you be doing?",
    "Your voice lifts when you talk about teaching.",
    "Against that picture, what's already in place, and what's missing?",
    "Did you finish the notes yesterday?",
    "You should just make a checklist.",
    "Which small step would you most like to try first?",
    "It's your call which of these, if any, you try.",
    "Why didn't you ask for help?",
    "So far you've told me you love the patients and hate the paperwork.",
    "Part of you wants to teach, and part of you worries about the time.",
    "Hello.",
    "Mm-hmm.",
    "What would a great week look like for you?",
    "Let's turn to next steps.",
    "That's not how a charge nurse behaves.",
    "So the audit is what's weighing on you.",
    "You need to get this sorted by Friday.",
    "How would you like to use the rest of our time?",
    "What did you do last time things felt this stuck?",
    "Tell me more about what drew you to this work.",
]
"""Twenty-five lines; the first twenty make one 20-line practice conversation."""

COACHEE_LINES = ["I don't know.", "I want to get back on track.", "I can't see how.", "Maybe I could try."]


def varied_lines() -> tuple[list[str], list[str]]:
    """Every line of the corpus's single-line testing part (authors d, h and n, 2,634), and the
    1,133 of them labelled PEA: a pool a hundred times wider than twenty-five lines on a loop, so
    that what is remembered per line (the question splits, the opening frames) helps no more than
    it would in a real cohort's transcripts."""
    from simulator.reading.fit import TEST_AUTHORS, load_corpus

    records = load_corpus(authors=TEST_AUTHORS, team=False)
    every = [str(record["text"]) for record in records]
    warm = [str(record["text"]) for record in records if record["attractor"] == "PEA"]
    return every, warm
