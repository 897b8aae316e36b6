"""Stances: "I" + a DARN-CAT verb, found by the scan and read into a candidate reading (steps 2 and 3).

A stance is the speaker's own unless reported speech, a condition or a question precedes
it. Its direction comes from its complement (`simulator.talk.direction`); a negation, or a
negated frame ("I don't think I can"), flips it. Each candidate carries its strength for
the combining of step 4 (`simulator.talk.client_talk`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from simulator.talk import lexicon as lex
from simulator.talk.direction import read_direction
from simulator.talk.lexicon import STANCES
from simulator.talk.reading import Kind, Talk, TalkReading

# The subject (after any negated frame: "i don't think i can") is matched; the verb phrase is
# only looked at, so that a fixed cue starting inside it ("i can't afford") is still found.
STANCE = (
    r"(?:(?P<frame>i don't think|i'm not sure|i'm not sure if|i'm not sure whether|i'm not sure that|i doubt"
    r"|i doubt if|i doubt that|i'm not convinced|i'm not convinced that|i don't know if|i don't know whether"
    r"|there's no way|no way) |)i(?="
    + "|".join(f"(?P<s{n}>{pattern})" for n, (pattern, _, _) in enumerate(STANCES))
    + ")"
)

STANCE_META = {f"s{n}": (kind, negated) for n, (_, kind, negated) in enumerate(STANCES)}

_NOT_OWN = re.compile(lex.NOT_OWN)

_COMPLEMENT_END = re.compile(lex.COMPLEMENT_END)

_PAST_ATTEMPT = re.compile(lex.PAST_ATTEMPT)

_CONTROL = re.compile(lex.CONTROL)

_STRENGTH: dict[Kind, float] = {
    "commitment": 3, "activation": 3, "taking_steps": 3, "desire": 2, "ability": 2, "need": 2,
    "reasons": 1, "minimising": 1, "discord": 1, "none": 0,
}  # fmt: skip


class Candidate(NamedTuple):
    """A reading one stance or cue offers, with its strength and where in the line it stands."""

    strength: float
    start: int
    end: int
    reading: TalkReading


def stance_candidate(line: str, match: re.Match[str]) -> Candidate | None:
    """What one stance found by the scan says, or None when it says nothing about change."""
    name = match.lastgroup or ""
    kind, negated = STANCE_META[name]
    if _NOT_OWN.search(line, max(0, match.start() - 20), match.start()):
        return None
    verb_end = match.end(name)
    end_match = _COMPLEMENT_END.search(line, verb_end)
    end = end_match.start() if end_match else len(line)
    complement = line[verb_end : min(end, verb_end + 80)].strip()
    direction, explicit, undesired = read_direction(complement)
    if direction == 0 or (kind == "need" and not explicit and " have to" in match.group(name)):
        return None  # "i have to go to work" is an obligation, not a need to change
    if match.group("frame"):
        negated = not negated
    words = line[match.start() : end]
    if undesired and not negated and kind in ("commitment", "ability"):
        return Candidate(
            1, match.start(), end, TalkReading("change", "reasons", words)
        )  # "i'll end up like dad"
    if (
        negated
        and kind == "need"
        and not complement
        and match.group(name).strip() in ("shouldn't", "mustn't")
    ):
        negated = False  # "i know i shouldn't": the habit is what should stop
    if negated and not explicit and complement:
        return None  # "i don't want to go to court": the unknown thing may be the change or a harm
    sign = -direction if negated else direction
    strength = _STRENGTH[kind]
    if kind == "taking_steps":
        if sign < 0 or not explicit:
            return None  # "i started smoking at fifteen" is a fact, not a step
        if _PAST_ATTEMPT.search(complement):
            strength = 1  # "i've cut down before": an old attempt, easily outweighed
        elif complement.startswith("tried"):
            strength = 2
    if kind == "ability" and sign > 0 and not negated and _CONTROL.match(complement):
        return Candidate(2, match.start(), end, TalkReading("sustain", "minimising", words))
    talk: Talk = "change" if sign > 0 else "sustain"
    return Candidate(strength, match.start(), end, TalkReading(talk, kind, words))
