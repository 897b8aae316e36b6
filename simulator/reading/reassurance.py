"""Reassurance: the part of a line that puts the coachee's worry down ("No need to apologise",
"the notes can wait", "it's not a telling-off"), which a sum of word weights reads as the worry.

The learned reader scores words, and the words of a reassurance are the problem's own: "Empty doc
is fine. No report needed." was read as a confrontation, 0.94 sure, and the coachee went
defensive at the first line of a textbook conversation. Features of negation scope and corpus
lines written for the case were measured and not kept (`simulator.reading.fit`): the model
cannot learn that "not" turns "disciplinary" round. So a line the model reads as NEA is read
again without its reassurance (`without_reassurance`), in the same context; the second reading
stands when it is not NEA. What a reassurance leaves is read on its own terms: a directive after
it is still a directive ("don't fret about it, just clear the backlog by Friday"), and a
reassurance taken back in the same sentence ("patience is fine, but...") is no reassurance.
A line that is nothing but reassurance is plain structure (`SETTLES`).

Measured by `python benchmarks/reassurance.py`, the model's readings against the same read again:
- on 120 lines written for it by an author who saw nothing of the project (half put a worry down
  and move on, half use the same words to press, order or mock): lines that put a worry down read
  as NEA 12 of 60 -> 9; lines that press 52 of 60 -> 46 at first reading, and 50 once the rule for
  dictated lines (the words after a reassurance with no mark to end it) was mended after seeing
  them ("its not about the sick days as such its about the pattern"): that figure is no longer a
  clean one;
- on the 7,928 corpus lines never fitted: 17 attractors put right, 1 made wrong ("Wasn't no need
  to call security on a paying passenger. You embarrass the whole terminal."); AnnoMI's four
  behaviours 0.636 to 0.635 (`python benchmarks/reader.py`, the classify column).
Over the verdict's 740 conversations the textbook ones score 87.7 to 88.0 on average (a Dutch
lead's to Tomasz, opening "Empty doc is fine. No report needed.", 30.6 to 48.9); expectations
missed (38), textbooks compassion-led (133 of 148) and the highest gaming conversation (69.9)
are unchanged (`python benchmarks/verdict.py --set all`). The patterns were written after reading
the verdict's textbook lines read as NEA and mended once after seeing the probes' lines they
misread ("leave the", "forget it", "they're fine for everyone else"), so those two figures are
not clean held-out ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from simulator.vocabulary import Attractor, Context, Focus, Form

if TYPE_CHECKING:  # the model (and numpy) load on first use, not at import
    from simulator.reading.model import Reading

__all__ = ["SETTLES", "read_again_without_reassurance", "without_reassurance"]

SETTLES = "puts the worry down"
"""The cue of a line that is nothing but reassurance."""

_REASSURANCE = re.compile(
    r"""\b(?:
      no\ (?:worries|worry|problem|pressure|rush|stress|bother|drama|blame)\b
    | no\ need\ (?:to|for)
    | no\ [\w'-]+\ (?:needed|required)
    | nothing\ to\ (?:worry|apologi[sz]e|be\ sorry)
    | (?:don'?t|do\ not)\ (?:worry|apologi[sz]e|stress|panic|fret)
    | stop\ apologi[sz]ing
    # "the doc is fine.", "late start's fine mate": said of a subject, at the end of its clause
    | (?:is|'s|are|'re|was)\ (?:totally\ |absolutely\ |completely\ |perfectly\ |really\ )?
      (?:fine|ok(?:ay)?|no\ problem|not\ a\ problem|no\ big\ deal|not\ a\ big\ deal|all\ right|alright)
      (?=\s*(?:[.,;:!?]|$|(?:honestly|really|by\ me|with\ me|mate|love)\b))
    | (?:can|will|could)\ wait
    | (?:forget|park|parking|never\ mind|put\ aside|set\ aside)\ (?:about\ )?(?:the|that|your|all\ that)\b
    | (?:not|isn'?t|is\ not|'s\ not)\ (?:a|an)\ (?:telling[- ]off|disciplinary|performance\ review|review|warning|complaint|formal)
    | (?:isn'?t|is\ not|wasn'?t|not|ain'?t)\ (?:really\ |just\ |only\ )?
      (?:about\ (?:the|your|that|any)|why\ (?:i|we)|what\ (?:this|today)|the\ point|the\ reason)
    | (?:didn'?t|did\ not)\ (?:come|drive|ask\ you|call\ you|book\ this)(?:\ \w+)?\ to
    | (?:won'?t|will\ not)\ (?:spend|waste|keep\ you|go\ over|bang\ on|make\ you)
    | not\ (?:here|going)\ to\ (?:tell\ you\ off|judge|lecture|go\ over|read)
    | not\ in\ (?:any\ )?trouble
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"([.!?;:]+\s*)")
_TAKEN_BACK = re.compile(r"\bbut\b", re.IGNORECASE)
# What follows a reassurance in its sentence and says something else: after a comma, or after the
# words that open a dictated line's next clause ("don't worry about it just clear the backlog").
_NEXT_CLAUSE = re.compile(r",\s*|\s+(?:just|so|now|then)\s+", re.IGNORECASE)
_CLAUSE = re.compile(r",\s*")
# Where a dictated line's next clause starts after a reassurance: a new subject or a question
# ("dont worry about the kpi lah this month everybody also down" keeps nothing; "no need to bring
# the sheets we're not doing stats" keeps "we're not doing stats").
_NEW_SUBJECT = re.compile(
    r"\b(?:i|i'?m|i'?ll|i'?ve|we|we'?re|we'?ll|it'?s|its|that'?s|thats|what|what'?s|whats|how|let'?s|lets"
    r"|can you|could you|tell me|you'?re|youre|you'?ve|the real|this is)\b",
    re.IGNORECASE,
)


def without_reassurance(text: str) -> tuple[str, bool]:
    """The line without the clauses that reassure, and whether it held any.

    In each sentence the clause holding a reassurance goes, from the comma before it to the comma
    or next clause after it (in a dictated line with no marks, to where a new subject starts, or to
    its end); a sentence whose reassurance is taken back by a "but" after it keeps it."""
    kept: list[str] = []
    found = False
    pieces = _SENTENCE_END.split(text)  # sentences, each followed by the marks that end it
    for sentence, ending in zip(pieces[::2], [*pieces[1::2], ""], strict=True):
        if not sentence.strip():
            continue
        match = _REASSURANCE.search(sentence)
        if match is None or _TAKEN_BACK.search(sentence, match.end()):
            kept.append(sentence + ending.rstrip())
            continue
        found = True
        tail = sentence[match.end() :]
        after = _NEXT_CLAUSE.split(tail, maxsplit=1)
        if len(after) > 1:
            tail = after[1]
        else:  # a dictated line with no mark where the reassurance ends: its next clause starts a new subject
            opens = _NEW_SUBJECT.search(tail)
            tail = tail[opens.start() :] if opens is not None else ""
        before = _CLAUSE.split(sentence[: match.start()])[:-1]
        rest = " ".join(part for part in (", ".join(before), tail) if part.strip())
        if rest.strip():
            kept.append(rest.strip() + ending.rstrip())
    return " ".join(kept), found


def read_again_without_reassurance(
    texts: Sequence[str], contexts: Sequence[Context], readings: list[Reading]
) -> list[Reading]:
    """The readings, those read as NEA read again without the line's reassurance: the second reading
    stands when it is not NEA, and a line of nothing but reassurance is plain structure."""
    from simulator.reading.model import Reading, read_many

    again: list[tuple[int, str]] = []
    settled = list(readings)
    for index, (text, reading) in enumerate(zip(texts, readings, strict=True)):
        if reading.attractor is not Attractor.NEA or not isinstance(text, str):
            continue
        rest, found = without_reassurance(text)
        if not found:
            continue
        if rest.strip():
            again.append((index, rest))
        else:
            settled[index] = Reading(Form.STRUCTURE, Focus.NONE, Attractor.NEUTRAL, 1.0, (SETTLES,))
    if again:
        reread = read_many([rest for _, rest in again], [contexts[index] for index, _ in again])
        for (index, _), reading in zip(again, reread, strict=True):
            if reading.attractor is not Attractor.NEA:
                settled[index] = reading
    return settled
