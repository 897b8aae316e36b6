"""Step 1 of reading coachee language: normalising an utterance into the one form the patterns read.

Caps the length, lower-cases, straightens quotes, mends dictation ("dont" -> "don't",
"gonna" -> "going to", "ill try" -> "i'll try") and drops hedges that never change the
meaning ("really", "just", "i think").
"""

from __future__ import annotations

import re

from simulator.talk.lexicon import HEDGES, SPELLINGS, UNWELL

# Long turns are cut here: the stance of a turn shows in far fewer characters, and the cap
# keeps the reader fast on pasted transcripts.
MAX_CHARS = 2000

# Curly quotes become straight; brackets, quotes, dashes and whitespace become plain spaces.
# Sentence marks get a space after them, so "i know...i want to" still shows the word "i".
_CURLY = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2026": "... "}
    | dict.fromkeys('\u201c\u201d\t\n\r\f\v"()[]*_~-/', " ")
    | {mark: mark + " " for mark in ".,;:!?"}
)

# All the mending of step 1 in one pass: hedges go, spellings are mapped, "ill" becomes
# "i'll" and "i am" becomes "i'm" (except at a clause end: "who i am", "as i am").
_MENDING = re.compile(
    rf"(?<![\w'])(?:(?P<hedge>{HEDGES})(?![\w'])[ ,]*"
    r"|(?P<spelling>" + "|".join(sorted(map(re.escape, SPELLINGS), key=len, reverse=True)) + r")(?![\w'])"
    r"|(?P<ill>ill" + "".join(f"(?<!{word} ill)" for word in UNWELL) + r")(?= \w)"
    r"|(?P<am>i am)(?= (?!i\b)[a-z]))"
)

FILLER_PUNCTUATION = str.maketrans(",.!?", "    ")


def normalise(text: str) -> str:
    """One coachee utterance in the form the patterns read: capped, lower-cased, mended, hedges dropped."""
    line = " ".join(text[:MAX_CHARS].lower().translate(_CURLY).split())
    return _MENDING.sub(_mend, line).strip()


def _mend(match: re.Match[str]) -> str:
    kind = match.lastgroup
    if kind == "spelling":
        return SPELLINGS[match.group()]
    return "" if kind == "hedge" else "i'll" if kind == "ill" else "i'm"
