"""Praise said with "should": "You should be really proud of that.", "you ought to give yourself
some credit", "You should feel good about how you handled her."

The learned reader scores words, and "should" is the strongest word of advice it knows: "You
should be so proud of yourself." was read as advice, 0.89 sure, and a midwife told it answered
"Then don't tell me how." The words that make it praise come after "should" (proud, credit,
feeling good about it), so a line the reader reads as NEA that praises with "should" is read again
with "can" in its place ("You can be proud of that." reads as the affirmation it is), and the
second reading stands when it is not NEA (`reassurance.read_again_without_reassurance`). What
else the line says is read as it was: "You should be proud, but the notes still need doing." is
still NEA, and so are orders ("you should be getting these in on time") and blame ("you ought
to be ashamed"), which the pattern does not name.

Measured on 120 lines written for it by an author who saw nothing of the project
(`benchmarks/should_praise_probe.jsonl`, in `python benchmarks/reassurance.py`: 60 praising with
"should" or "ought to", 60 using the same words to order, blame, mock or take the praise back),
against the model's first reading: praise read as NEA 27 -> 14 of 60, cold lines read as NEA
48 -> 46 of 60 (lost: praise taken back after a comma, "..., but the numbers were wrong", and
sarcasm only the coachee's line shows). No corpus line never fitted changed; over the verdict's
980 conversations, typed and dictated, expectations missed, textbooks compassion-led and the
highest gaming score stayed as they were (52 and 57, 170 and 165 of 196, 69.9; `python
benchmarks/verdict.py --set all [--dictated]`); three gaming streams of praise rose by 1 to 7
points and one, a pasted "you should be really proud of yourself" among backchannels, from 19.4
to 47.3, mixed, no longer held down by the line's misreading.
"""

from __future__ import annotations

import re

_PRAISED = re.compile(
    r"\b(?P<should>should|shoulda|ought to|oughta)(?P<tail>\s+(?:really\s+|honestly\s+|truly\s+|all\s+)?"
    r"(?:be\s+|feel\s+)(?:so\s+|really\s+|very\s+|rightly\s+|dead\s+|well\s+|damn\s+|bloody\s+|super\s+)*"
    r"(?:proud|chuffed|pleased with yourself|pleased with yourselves|good about|great about)"
    r"|\s+(?:really\s+)?give\s+yourself\s+(?:some\s+|a\s+lot\s+of\s+|a\s+bit\s+of\s+|more\s+|real\s+)?"
    r"(?:credit|a\s+pat\s+on\s+the\s+back))\b",
    re.IGNORECASE,
)


def praise_without_should(text: str) -> tuple[str, bool]:
    """The line with the "should" of its praise made "can", and whether it praised so."""
    changed, found = _PRAISED.subn(lambda match: "can" + match.group("tail"), text)
    return changed, bool(found)
