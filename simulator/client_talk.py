"""Reading what a real coachee says as change talk, sustain talk or neither (MI's client language).

Used only for external transcripts, where no simulated coachee exists: a coachee who
talks about wanting, being able to, needing to or going to change (DARN-CAT) is moving
toward change; one defending the status quo is sustaining it. Negated change talk
("I don't want to", "I can't") is sustain talk, so negations are read first.
"""

from __future__ import annotations

import re
from typing import Literal

Talk = Literal["change", "sustain", "neutral"]

_SUSTAIN = re.compile(
    r"""(?<![\w'])(?:
      i\s+(?:don't|do\s+not|dont)\s+(?:want|need|think\s+(?:i|it)|see\s+(?:why|the\s+point|a\s+problem)|have\s+(?:time|a\s+problem))
    | i\s+(?:can't|cannot|cant|couldn't|won't|wont)\b
    | i'm\s+not\s+(?:ready|going\s+to|gonna|sure\s+i\s+(?:can|want))
    | (?:it's|its|it\s+is)\s+not\s+(?:a\s+(?:big\s+)?(?:problem|deal)|that\s+bad|my\s+fault)
    | no\s+(?:way|point|reason\s+to)
    | not\s+(?:really\s+)?(?:a\s+problem|interested|worried)
    | i\s+(?:like|love|enjoy)\s+(?:it|my|the|drinking|smoking|eating|having)
    | (?:it|that)\s+(?:helps?|relaxes?)\s+me
    | everyone\s+(?:does|drinks|smokes)
    | i'm\s+(?:fine|okay|ok)\s+(?:with|as)
    | what's\s+the\s+point
    | too\s+(?:hard|difficult|busy|late)
    )""",
    re.VERBOSE,
)

_CHANGE = re.compile(
    r"""(?<![\w'])(?:
      i\s+(?:want|wanna|would\s+like|'d\s+like|wish|hope)\s+(?:to|i)
    | i'd\s+(?:like|love)\s+to
    | i\s+(?:could|can|might|may)\s+(?:try|start|stop|cut|do|change|give|make|go|ask|walk|talk|be)
    | i\s+(?:need|have|got|ought)\s+to | i've\s+got\s+to | i\s+should
    | i(?:'ll|\s+will)\s+(?!never\b)\w+ | i'm\s+(?:going\s+to|gonna|planning|ready|willing|determined)
    | i\s+(?:plan|intend|promise|decided|commit)
    | i\s+(?:started|tried|began|stopped|quit|cut\s+down|have\s+been\s+(?:trying|cutting|walking))
    | it\s+would\s+(?:help|be\s+(?:good|better|nice))
    | (?:better|healthier)\s+for\s+(?:me|my)
    | i\s+don't\s+want\s+to\s+(?:end\s+up|keep|lose|be\s+like|die)
    )""",
    re.VERBOSE,
)

_CHANGE_FIRST = re.compile(r"i\s+don't\s+want\s+to\s+(?:end\s+up|keep|lose|be\s+like|die)")


def read_talk(text: str) -> Talk:
    """Whether one coachee utterance is change talk, sustain talk or neutral."""
    line = " " + text.lower().replace("\u2019", "'")[:1000]
    if _CHANGE_FIRST.search(line):
        return "change"  # not wanting the status quo is wanting change
    if _SUSTAIN.search(line):
        return "sustain"
    if _CHANGE.search(line):
        return "change"
    return "neutral"
