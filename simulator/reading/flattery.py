"""Flattery: praise heaped on the person, line after line, whatever they say.

"You're an absolute superstar, what's the value you love most about yourself?", then "A legend
like you, what's your big dream?": each line can pass as a values or vision question, and the
praise in it names nothing the coachee did. Praise said once is how people talk; praise in
every other line is a refrain, and a listener hears flattery (an affirmation names something
particular: Miller & Rollnick; praise of the person rather than of what they did is the kind
that rings hollow). Across the project's conversation sets (540 conversations in five styles),
a line praising in these words when at least two of the six lines before it did occurs only in
gaming conversations: never in a textbook, repaired, warm or blunt one; and no therapist line of
the expert-rated counselling sessions it was checked on (AnnoMI) is one. The coachee hears such
a line as flattery (it moves nothing) and the scorecard credits nothing for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from simulator.phrase_scan import Alternatives
from simulator.reading.formula import first_of_refrain

WINDOW = 6
"""How many of the trainee's lines before it a line is compared with."""

PRAISED_BEFORE = 2
"""A line is flattery when it praises and at least this many of the lines in the window did."""

_PRAISE = Alternatives(
    [
        r"\b(?:super ?star|rock ?star|star|legend|hero|genius|diamond|gem|treasure|champion|natural[- ]born"
        r"|amazing|brilliant|incredibl[ey]|fantastic|awesome|wonderful|outstanding|phenomenal|extraordinary"
        r"|exceptional|remarkable|talented|gifted|inspir(?:ing|ational|ation)|special|smashing|superb|fabulous"
        r"|marvell?ous|magnificent|terrific|unbelievabl[ey]|impressive|stunning|so proud|so strong)\b"
    ]
)
"""Words of sweeping praise: a verdict on the person, not a description of anything they did.
("the best", "greatest", "perfect" and "so good" are left out: "your greatest strength", "the
best way" and "that's perfect" are everyday coaching talk.)"""


def praises(line: str) -> bool:
    """Whether the line holds a word of sweeping praise."""
    return _PRAISE.search(line.lower()) is not None  # lower-cased: a case-blind search is slower


def flattery_of(line: str, earlier: Sequence[str]) -> int | None:
    """The index in `earlier` (the trainee's lines before this one, in order) of the first of the
    last WINDOW lines that praised, when `line` praises and at least PRAISED_BEFORE of them did;
    else None."""
    if not praises(line):
        return None
    return first_of_refrain(earlier, praises, WINDOW, PRAISED_BEFORE)
