"""A formula: a line that opens as the trainee's recent lines opened.

"So what I'm hearing is ... Is that right?" fourteen times, or "So you feel ..." every other line,
is a frame said over and over with whatever the coachee said poured in: the words inside change,
so no repeat check catches it, and each line can pass as a reflection. Across the project's
conversation sets (540 conversations in five styles), a line whose first
three words open at least two of the six lines before it occurs only in gaming conversations:
never in a textbook, repaired, warm or blunt one; and no therapist line of the expert-rated
counselling sessions it was checked on (AnnoMI) is one. The coachee hears such a line as a
formula (it moves nothing) and the scorecard credits nothing for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")

OPENER_WORDS = 3
"""How many first words make a line's opening."""

WINDOW = 6
"""How many of the trainee's lines before it a line's opening is compared with."""

OPENED_BEFORE = 2
"""A line is a formula when its opening opened at least this many of the lines in the window."""

_WORD = re.compile(r"[a-z0-9']+")

_NOISES = frozenset({"mm", "mmm", "hmm", "mhm", "mm-hmm", "um", "uh", "erm", "er", "ah", "oh"})
"""Listening noises a line may start with ("Mm-hmm. So ..."): they are no part of its opening."""


@lru_cache(maxsize=256)  # each line is compared again on the next WINDOW turns
def opening(line: str) -> tuple[str, ...]:
    """The line's first words after any listening noises, lowered (fewer than OPENER_WORDS: none)."""
    words = _WORD.findall(line.lower().replace("\u2019", "'"))
    start = 0
    while start < len(words) and words[start] in _NOISES:
        start += 1
    opened = tuple(words[start : start + OPENER_WORDS])
    return opened if len(opened) == OPENER_WORDS else ()


def formula_of(line: str, earlier: Sequence[str]) -> int | None:
    """The index in `earlier` (the trainee's lines before this one, in order) of the first of the
    last WINDOW lines that opened as `line` does, when at least OPENED_BEFORE of them did; else None."""
    ours = opening(line)
    if not ours:
        return None
    return first_of_refrain(earlier, lambda before: opening(before) == ours, WINDOW, OPENED_BEFORE)


def first_of_refrain(
    earlier: Sequence[T], says_it_again: Callable[[T], bool], window: int, at_least: int
) -> int | None:
    """The index in `earlier` of the first of its last `window` lines that `says_it_again`, when at
    least `at_least` of them do; else None. What makes a line a refrain (`flattery` and `parrot`
    use it too)."""
    start = max(0, len(earlier) - window)
    said = [index for index in range(start, len(earlier)) if says_it_again(earlier[index])]
    return said[0] if len(said) >= at_least else None
