"""What a reading of one coachee utterance is: its talk, the DARN-CAT kind that decided it, and the words."""

from __future__ import annotations

from typing import Literal, NamedTuple

Talk = Literal["change", "sustain", "neutral"]

Kind = Literal[
    "desire",
    "ability",
    "reasons",
    "need",
    "commitment",
    "activation",
    "taking_steps",
    "minimising",
    "discord",
    "none",
]


class TalkReading(NamedTuple):
    """What one coachee utterance is, which DARN-CAT kind decided it, and the words that did."""

    talk: Talk
    kind: Kind
    cue: str


NEUTRAL = TalkReading("neutral", "none", "")
