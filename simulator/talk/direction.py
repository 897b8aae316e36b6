"""Step 3 of reading coachee language: which way what follows a DARN-CAT verb (its complement) points.

Toward change ("stop", "cut down", "walk to work"), toward the status quo ("keep drinking",
"go on like this"), or to an undesired outcome of it ("end up like my dad"); a "not" in the
complement flips it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from simulator.talk import lexicon as lex
from simulator.talk.lexicon import STEP_DONE

_TRANSPARENT = re.compile(lex.TRANSPARENT)

_NOT = re.compile(lex.NOT)

_STATUS_QUO_MARK = re.compile(lex.STATUS_QUO_MARK)

_KEEP = re.compile(lex.KEEP)

_KEEP_GOOD = re.compile(lex.KEEP_GOOD)

_PROBLEM = re.compile(lex.PROBLEM)

_REDUCTION = re.compile(lex.REDUCTION)

_UNDESIRED = re.compile(lex.UNDESIRED)

_NEUTRAL_VERB = re.compile(lex.NEUTRAL_VERB)

_CHANGE_WORD = re.compile(lex.CHANGE_WORD)

_PROPOSAL = re.compile(lex.PROPOSAL)

# What a complement starts with, in order of precedence: one match instead of five.
_HEAD = re.compile(
    "|".join(
        f"(?P<{name}>{pattern.pattern})"
        for name, pattern in (
            ("keep", _KEEP),
            ("problem", _PROBLEM),
            ("undesired", _UNDESIRED),
            ("change", _CHANGE_WORD),
            ("neutral", _NEUTRAL_VERB),
        )
    )
)


class _Direction(NamedTuple):
    sign: int  # +1 toward change, -1 toward the status quo, 0 neither
    explicit: bool  # a word said so, rather than the default
    undesired: bool = False  # an outcome of the status quo nobody wants ("end up like my dad")


def read_direction(complement: str) -> _Direction:
    """Which way what follows a DARN-CAT verb points."""
    sign = 1
    rest = complement
    for _ in range(3):
        transparent = _TRANSPARENT.match(rest)
        if transparent:
            rest = rest[transparent.end() :]
        negation = _NOT.match(rest)
        if negation:
            sign, rest = -sign, rest[negation.end() :]
        if not transparent and not negation:
            break
    if not rest or rest in STEP_DONE:
        # "i've started (again)" is a step; "i'm trying" alone is often a protest
        return _Direction(sign, complement.startswith(("start", "began", "begun")))
    if _PROPOSAL.fullmatch(rest):
        return _Direction(sign, True)  # "i can't do that": what was proposed, the change
    mark = _STATUS_QUO_MARK.search(rest)
    # "again" marks the status quo in "feel like this again" but not in "start walking again"
    # or, once negated, in "never smoke again" (a problem habit, read below).
    if mark and not (mark.group() == "again" and (sign < 0 or _CHANGE_WORD.match(rest))):
        return _Direction(-sign, True)
    head = _HEAD.match(rest)
    kind = head.lastgroup if head else None
    if head is None:
        return _Direction(sign, False)
    if kind == "keep":
        return _Direction(sign if _KEEP_GOOD.match(rest, head.end()) else -sign, True)
    if kind == "problem":
        return _Direction(sign if _REDUCTION.search(rest) else -sign, True)
    if kind == "undesired":
        return _Direction(-sign, True, undesired=True)
    if kind == "change":
        return _Direction(sign, True)
    return _Direction(0, False)  # "i'd like to say", "i can see that"
