"""Question barrages: three questions or more stacked in one line, line after line.

"What would you love your kitchen to become? What's your dream? What's your vision? What would
make you proud?", then four more of the same, and four more: every stock question asked at once,
so that whichever the coachee takes up, one of them was the right one. Asked once, a few questions
in a breath is how people talk; asked in line after line it is an interview by list, and the
coachee answers one and hears none of them meant (one question at a time: Miller & Rollnick).
Across the project's conversation sets (1,700 conversations in five styles), a line stacking three
questions when at least two of the six lines before it did occurs only in gaming conversations (5
typed, 7 dictated): 14 textbook lines stack three questions typed and 38 dictated, never so. A blind author's
barrage of stock questions otherwise added up to 69, a point short of compassion-led, above two
textbooks of the same set (probe15). The coachee hears such a line as a barrage (it moves nothing)
and the scorecard credits nothing for it.

A question asking leave to ask ("Can I ask you something?") is no question of the barrage. A line
dictated without marks stacks its questions by where they start ("what's your dream what's your
vision what would make you proud").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from simulator.reading.formula import first_of_refrain
from simulator.reading.trainee_text import LINES_REMEMBERED, SENTENCE_END

STACKED = 3
"""How many questions one line must ask to stack them."""

WINDOW = 6
"""How many of the trainee's lines before it a line is compared with."""

STACKED_BEFORE = 2
"""A line is a barrage when it stacks questions and at least this many of the lines in the window did."""

_ASKED = re.compile(r"[^?]*\?")

_LEAVE_TO_ASK = re.compile(
    r"^\W*(?:(?:so|and|but|okay|ok|right|well|look)\W+)*"
    r"(?:(?:can|could|may|might) i|(?:would|do) you mind if i|is it (?:ok|okay|alright) if i)\b",
    re.IGNORECASE,
)
"""A question asking leave to ask, or to say something ("Can I ask you something a bit different?")."""

_SPOKEN_START = re.compile(
    r"\b(?:what|how|who|when|where|why|which)(?:'?s|'re| is| are| was| were| do| does| did| would"
    r"| could| will| can| have| has| makes?| gets?| else| kind| sort| one)\b"
)
"""Where a question starts in a line dictated without marks ("whats" as speech-to-text may spell it)."""


@lru_cache(maxsize=LINES_REMEMBERED)  # each line is compared again on the next WINDOW turns
def questions_in(line: str) -> int:
    """How many questions the line asks, leave to ask not counted: by its question marks, or, with
    none, by where its questions start."""
    text = line.replace("\u2019", "'")
    if "?" not in text:
        return len(_SPOKEN_START.findall(text.lower()))
    asked = (SENTENCE_END.split(found.group(0))[-1] for found in _ASKED.finditer(text))
    return sum(1 for question in asked if question.strip(" ?") and not _LEAVE_TO_ASK.search(question))


def stacks(line: str) -> bool:
    """Whether the line asks `STACKED` questions or more at once."""
    return questions_in(line) >= STACKED


def barrage_of(line: str, earlier: Sequence[str]) -> int | None:
    """The index in `earlier` (the trainee's lines before, oldest first) of the first line in the
    window that stacked questions too, when this line stacks them and at least `STACKED_BEFORE` of
    the window did; else None."""
    if not stacks(line):
        return None
    return first_of_refrain(earlier, stacks, WINDOW, STACKED_BEFORE)
