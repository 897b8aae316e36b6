"""Parroting: the coachee's own words handed back word for word, line after line.

"You said 'I'm good with the frightened ones.'", then a stock question, then "You said 'The
patients. That's always been it.'": each quote restates what the coachee said, so each can
pass as a reflection, yet nothing in it was heard and put into the trainee's own words. Said
once, a verbatim restatement is a simple reflection; said line after line it is a refrain,
and a listener hears an echo, not understanding (Miller & Rollnick: a reflection is a guess at
meaning, not a repetition). Across the project's conversation sets (540 conversations in five
styles, seed 0), 11 lines quote the coachee: 7 in gaming conversations and 4 in textbook ones,
each alone; three within six lines of each other occur only in gaming ones. Of the 2,527
therapist lines of the expert-rated AnnoMI sessions, 27 quote the client and none parrots.
Played live against every bundled persona, a trainee who quoted the coachee's last sentence back
between stock questions scored compassion-led on seven of eight (75 to 89) before this was heard.
The coachee hears such a line as parroting (it moves nothing) and the scorecard credits nothing
for it.

A quote may open a question, glued to it in one line ("So I read it every morning. What matters
most to you?"): the statements before the question are looked at alone, since the question only
dilutes the quote. Played live against every bundled persona, a trainee who said the coachee's last
sentence back before a stock question, line after line, scored compassion-led on all eight (83 to
95) before such a line was heard as a quote; now on none.

A line framed as a quote of the coachee ("You said 'I'm fine.'", "'Nobody alone.' That's what you
said.") counts towards the refrain whether or not the coachee said those words: a trainee who
quotes lines the coachee never said, or said in another turn, repeats the frame all the same, and
a misquote is no better heard than a quote. Without quotation marks ("You said you were tired")
a line is a reflection in the trainee's words and counts only if it copies the coachee's. Framed
so, 28 lines of the conversation sets quote: 16 in the two gaming conversations that parrot, and
never more than two in any other conversation; no AnnoMI therapist line does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from simulator.reading.formula import first_of_refrain
from simulator.reading.reflection import SAID_BACK
from simulator.reading.trainee_text import LINES_REMEMBERED, split_lead

RUN = 5
"""How many words in a row a line must copy from a coachee line to quote it."""

SHARE = 0.7
"""How much of the line the copied words must make up: the rest is the frame ("You said ...")."""

WINDOW = 6
"""How many of the trainee's lines before it a line is compared with."""

PARROTED_BEFORE = 2
"""A line is parroting when it quotes and at least this many of the lines in the window did."""

COACHEE_LINES = 2
"""How many of the coachee's last lines a quote may come from."""

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


_PERSON = {
    **SAID_BACK,
    **{"i'd": "you'd", "mine": "yours", "myself": "yourself", "am": "are", "was": "were"},
}
"""The coachee's "I" is the trainee's "you": a line said back with the person turned round ("You
were never late in thirty-one years" for "I was never late in thirty-one years") is the same words."""


@lru_cache(maxsize=LINES_REMEMBERED)  # the coachee's lines come round again: their words are found once
def _words(text: str) -> tuple[str, ...]:
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    return tuple(_PERSON.get(word, word) for word in words)


@lru_cache(maxsize=LINES_REMEMBERED)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(_words(text))


_FRAME = frozenset(
    {"you", "said", "say", "saying", "you're", "so", "heard", "hear", "what", "that", "were", "is"}
    | {"it", "sounds", "like", "ok", "okay", "right", "mm", "yeah"}
)
"""Words a quote is put in ("You said ...", "So what I heard was ...", "Right, sounds like ..."),
up to FRAME_WORDS of them."""

FRAME_WORDS = 4


@lru_cache(maxsize=LINES_REMEMBERED)  # each line is compared again on the next WINDOW turns
def quotes(line: str, coachee_lines: tuple[str, ...]) -> bool:
    """Whether the line hands back one of the coachee lines word for word: it copies RUN or more
    words in a row from it and they make up SHARE or more of the line, or it is nothing but the
    coachee's words in their order: one or more behind a frame of quoting words ("You said
    'Frustrated.'"), two or more with none, unless asked back as a question."""
    ours = _words(line)
    framed = 0
    while framed < min(FRAME_WORDS, len(ours)) and ours[framed] in _FRAME:
        framed += 1
    rest = ours[framed:]
    for said in coachee_lines:
        theirs = _words(said)
        # Every word a quote copies is one of theirs: a line with too few of them is none (most lines).
        if sum(map(_word_set(said).__contains__, ours)) < min(len(rest), SHARE * len(ours)):
            continue
        # Unframed, a bare echo asked back ("The other three?") is a question about their words, not a quote.
        bare_echo = not framed and line.rstrip().endswith("?")
        if (
            len(rest) >= (1 if framed else 2)
            and not bare_echo
            and any(theirs[i : i + len(rest)] == rest for i in range(len(theirs) - len(rest) + 1))
        ):
            return True
        if len(ours) < RUN:
            continue
        runs = {theirs[i : i + RUN] for i in range(len(theirs) - RUN + 1)}
        covered = [False] * len(ours)
        for i in range(len(ours) - RUN + 1):
            if ours[i : i + RUN] in runs:
                covered[i : i + RUN] = [True] * RUN
        if sum(covered) >= SHARE * len(ours):
            return True
    return False


_SAID_FRAME = re.compile(
    r"\byou (?:just |also |even )?(?:said|say|told me|put it|called it)\b|\byour (?:own )?words\b|"
    r"\bthat'?s what you (?:said|told me)\b|\bin your words\b"
)
"""How a trainee says they are quoting the coachee, in a line already lower-cased."""

_QUOTED = re.compile(
    r"(?:^|[\s:,(])['\"\u2018\u201c][^'\"\u2018\u2019\u201c\u201d\s].*?['\"\u2019\u201d](?=[\s.,!?;:)]|$)"
)
"""Words in quotation marks: a mark after a space (or at the start) and one before a space, a
stop or the end, so an apostrophe inside a word ("I'm") neither opens nor closes a quote."""


@lru_cache(maxsize=LINES_REMEMBERED)
def quote_framed(line: str) -> bool:
    """Whether the line presents words in quotation marks as the coachee's ("You said 'Busy.'")."""
    return bool(_QUOTED.search(line)) and bool(_SAID_FRAME.search(line.lower().replace("\u2019", "'")))


def _parrots(line: str, coachee_lines: tuple[str, ...]) -> bool:
    # A quote may open a question ("So you read it every morning. What matters most to you?"):
    # the statements before it are the quote, and the question only dilutes it.
    last = coachee_lines[-COACHEE_LINES:]
    lead = split_lead(line)[0]
    return quote_framed(line) or quotes(line, last) or (bool(lead) and quotes(lead, last))


def parrot_of(
    line: str, coachee_before: tuple[str, ...], earlier: Sequence[tuple[str, tuple[str, ...]]]
) -> int | None:
    """The index in `earlier` (the trainee's lines before this one, each with the coachee lines
    before it, in order) of the first of the last WINDOW lines that quoted the coachee, when
    `line` quotes the coachee lines before it (or is framed as a quote) and at least
    PARROTED_BEFORE of them did; else None."""
    if not _parrots(line, coachee_before):
        return None
    return first_of_refrain(earlier, lambda pair: _parrots(pair[0], pair[1]), WINDOW, PARROTED_BEFORE)
