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

Measured on the 7,928 lines never fitted (testing authors, the conversational testing part and
the twenty probes), `classify` against the same without this: 18 attractors put right, 2 made wrong
("I'm glad you're okay. Now, can you get the visa applications to the embassy by eleven?"); the
probes' mean attractor macro-F1 0.781 to 0.783, the probe of problems named to be put down (do)
0.673 to 0.705, the testing authors 0.907 and AnnoMI's four behaviours 0.636 unchanged
(`python benchmarks/reader.py`). Over the verdict's 740 conversations the textbook ones score 87.7
to 88.1 on average (a Dutch lead's to Tomasz, opening "Empty doc is fine. No report needed.", 30.6
to 48.9), and expectations missed (38), textbooks compassion-led (133 of 148) and the highest
gaming conversation (69.9) are unchanged (`python benchmarks/verdict.py --set all`). The patterns
were written after reading the verdict's textbook lines read as NEA, and mended once after seeing
the probes' lines they misread ("leave the", "forget it", "they're fine for everyone else"): neither
figure is a clean held-out one; the testing authors' and AnnoMI's are, and they did not move.
"""

from __future__ import annotations

import re

__all__ = ["SETTLES", "without_reassurance"]

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
_SENTENCE_END = re.compile(r"[.!?;:]+\s*")
_TAKEN_BACK = re.compile(r"\bbut\b", re.IGNORECASE)
# What follows a reassurance in its sentence and says something else: after a comma, or after the
# words that open a dictated line's next clause ("don't worry about it just clear the backlog").
_NEXT_CLAUSE = re.compile(r",\s*|\s+(?:just|so|now|then)\s+", re.IGNORECASE)
_CLAUSE = re.compile(r",\s*")


def without_reassurance(text: str) -> tuple[str, bool]:
    """The line without the clauses that reassure, and whether it held any.

    In each sentence the clause holding a reassurance goes (from the comma before it to the
    comma or next clause after it); a sentence whose reassurance is taken back by a "but" after
    it keeps it."""
    kept: list[str] = []
    found = False
    for sentence in _SENTENCE_END.split(text):
        if not sentence.strip():
            continue
        match = _REASSURANCE.search(sentence)
        if match is None or _TAKEN_BACK.search(sentence, match.end()):
            kept.append(sentence)
            continue
        found = True
        after = _NEXT_CLAUSE.split(sentence[match.end() :], maxsplit=1)
        before = _CLAUSE.split(sentence[: match.start()])[:-1]
        rest = " ".join(
            part for part in (", ".join(before), after[1] if len(after) > 1 else "") if part.strip()
        )
        if rest.strip():
            kept.append(rest)
    return " ".join(kept), found
