"""A formula: a line that opens as the trainee's recent lines opened.

"So what I'm hearing is ... Is that right?" fourteen times, or "So you feel ..." every other line,
is a frame said over and over with whatever the coachee said poured in: the words inside change,
so no repeat check catches it, and each line can pass as a reflection. Across the project's
conversation sets (540 conversations in five styles), a line whose first
three words open at least two of the six lines before it occurs only in gaming conversations:
never in a textbook, repaired, warm or blunt one; and no therapist line of the expert-rated
counselling sessions it was checked on (AnnoMI) is one. The coachee hears such a line as a
formula (it moves nothing) and the scorecard credits nothing for it.

A formula may also hide behind a different opener each time ("So", "Right,", "I hear that",
"Sounds like", ...): what the line states, once its opener is set aside, opens with the same
three words as two of the six lines before ("you feel stuck about the rota", "you feel stuck
about Bess"), or ends with the same three ("the rota really matters to you", "Maisie really
matters to you"). Over the same conversation sets (740 conversations) and the AnnoMI therapist
lines (2,527), that happens in no textbook, repaired, warm or blunt conversation, and in one
therapist line, an order (see below); it lowered nine of the verdict's gaming conversations. A
question the line ends with is no part of what it states: stock questions differ from line to
line. Scripts that draw from more frames than the window holds still slip through
(`python benchmarks/live_gaming.py --generated 12`). Measured and not kept: two words for the
stated opening, which caught "That is honest... That is a wonderful first step" in a repaired
conversation.

A formula is also one frame with a word or two changed ("you feel stuck about the rota", "you
feel proud about Bess"; "Bess is on your mind", "the audit is on your mind"): what the line states
is, but for at most two words of each, what one of the six lines before it stated (`same_frame`).
The slot may sit anywhere, so neither the opening nor the closing need match; once is enough,
since the rest of the statement is said again word for word. Over the verdict's conversation sets
(740 conversations, 9,243 lines not gaming) that happens in no textbook, repaired, warm or blunt
line, and in 7 of the 2,527 AnnoMI therapist lines, each the therapist saying their own words
again ("Inner harmony, health, and security." twice). Scripts pouring the coachee's words into six
frames at random had 28 of 162 lines heard as formulas before and 95 after.

Only lines that are not read as NEA are formulas: an order given again is still an order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TypeVar

from simulator.reading.trainee_text import LINES_REMEMBERED, asks, split_lead, without_opener

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


@lru_cache(maxsize=LINES_REMEMBERED)  # each line is compared again on the next WINDOW turns
def opening(line: str) -> tuple[str, ...]:
    """The line's first words after any listening noises, lowered (fewer than OPENER_WORDS: none)."""
    words = _WORD.findall(line.lower().replace("\u2019", "'"))
    start = 0
    while start < len(words) and words[start] in _NOISES:
        start += 1
    opened = tuple(words[start : start + OPENER_WORDS])
    return opened if len(opened) == OPENER_WORDS else ()


STATED_OPENING_WORDS = 3
"""How many first words of what a line states, its opener set aside, make its stated opening."""

STATED_CLOSING_WORDS = 3
"""How many last words of what a line states make its stated closing (from a statement one word longer)."""


@lru_cache(maxsize=LINES_REMEMBERED)
def stated(line: str) -> tuple[str, ...]:
    """The words of what a line states, lowered: its statements before any question it asks
    (`trainee_text.split_lead`), or the whole line when it asks none, its opener set aside."""
    lead, asked = split_lead(line.lower().replace("\u2019", "'"))
    return tuple(_WORD.findall(without_opener(lead or ("" if asks(asked) else asked))))


@lru_cache(maxsize=LINES_REMEMBERED)  # each line is compared again on the next WINDOW turns
def stated_frames(line: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The first and the last words of what a line states (`stated`): () where it states too few."""
    words = stated(line)
    opened = words[:STATED_OPENING_WORDS] if len(words) >= STATED_OPENING_WORDS else ()
    closed = words[-STATED_CLOSING_WORDS:] if len(words) > STATED_CLOSING_WORDS else ()
    return opened, closed


FRAME_WORDS = (3, 12)
"""How many words a statement must have, at least and at most, to be compared as a frame: a
longer one is telling, not filling a slot."""

FRAME_SLOT = 2
"""How many words of each statement may differ for the two to be one frame."""


@lru_cache(maxsize=LINES_REMEMBERED)  # each pair comes round again as the window moves on
def same_frame(ours: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Whether two statements (`stated`) are one frame with different words in its slot: all but at
    most FRAME_SLOT words of each are words of the other, in order, and at least three are."""
    low, high = FRAME_WORDS
    if not (low <= len(ours) <= high and low <= len(theirs) <= high):
        return False
    needed = max(low, len(ours) - FRAME_SLOT, len(theirs) - FRAME_SLOT)
    if _shared(ours, theirs) < needed:
        return False  # fewer words in common, in any order, than the frame needs: no need to line them up
    kept = _common_in_order(ours, theirs)
    return kept >= low and len(ours) - kept <= FRAME_SLOT and len(theirs) - kept <= FRAME_SLOT


def _shared(ours: Sequence[str], theirs: Sequence[str]) -> int:
    """How many words the two share, each as often as both have it: at least as many as they share in order."""
    counts = Counter(theirs)
    shared = 0
    for word in ours:
        if counts[word] > 0:
            counts[word] -= 1
            shared += 1
    return shared


def _common_in_order(ours: Sequence[str], theirs: Sequence[str]) -> int:
    """How many words the two share in the same order (their longest common subsequence)."""
    above = [0] * (len(theirs) + 1)
    for word in ours:
        row = [0]
        for index, other in enumerate(theirs):
            row.append(above[index] + 1 if word == other else max(above[index + 1], row[index]))
        above = row
    return above[-1]


def formula_of(line: str, earlier: Sequence[str], nea: bool = False) -> int | None:
    """The index in `earlier` (the trainee's lines before this one, in order) of the first of the
    last WINDOW lines that opened as `line` does, or whose statements opened or closed as its own
    do, when at least OPENED_BEFORE of them did; else of the first whose statement is one frame
    with its own (`same_frame`); else None. A line read as NEA (`nea`) is never a formula: an order
    given again is still an order."""
    if nea:
        return None
    ours = opening(line)
    if ours:
        found = first_of_refrain(earlier, lambda before: opening(before) == ours, WINDOW, OPENED_BEFORE)
        if found is not None:
            return found
    opened, closed = stated_frames(line)
    if not opened and not closed:
        return None

    def frames_again(before: str) -> bool:
        theirs = stated_frames(before)
        return (bool(opened) and theirs[0] == opened) or (bool(closed) and theirs[1] == closed)

    found = first_of_refrain(earlier, frames_again, WINDOW, OPENED_BEFORE)
    if found is not None:
        return found
    statement = stated(line)
    return first_of_refrain(earlier, lambda before: same_frame(statement, stated(before)), WINDOW, 1)


def first_of_refrain(
    earlier: Sequence[T], says_it_again: Callable[[T], bool], window: int, at_least: int
) -> int | None:
    """The index in `earlier` of the first of its last `window` lines that `says_it_again`, when at
    least `at_least` of them do; else None. What makes a line a refrain (`flattery` and `parrot`
    use it too)."""
    start = max(0, len(earlier) - window)
    said = [index for index in range(start, len(earlier)) if says_it_again(earlier[index])]
    return said[0] if len(said) >= at_least else None
