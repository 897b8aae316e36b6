"""Reassurance: the part of a line that puts the coachee's worry down ("No need to apologise",
"the notes can wait", "it's not a telling-off") or puts a subject off for later ("the notes are
on my list, but first..."), which a sum of word weights reads as the worry.

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

A subject put off for later is the same trouble in other words: "The notes are on my list, but
first, how are you doing?" was read as a deficit question (NEA), its strongest cue "'but' ->
deficit", learned from yes-but turns. So a line read as NEA or neutral that puts a subject off
("on my list", "later", "can wait", "not yet", "we'll get to it") or says what comes before it
("but first", "before that", "for now") is read again on what follows (`without_put_off`), and the
second reading stands when it is not NEA and differs from the first. A line that presses after
the same opening ("..., but first, why were Tuesday's entries two hours late?") is NEA read again
too. Measured with the corpus authors written for the case (`simulator/reading/corpus/README.md`:
ef and eg, whose lines the patterns were written on; eh, a probe never looked at line by line):
eh's lines put off then kind 56 -> 76 of 100 read right, its cold twins 46 -> 44 of 80, its
ordinary lines 48 -> 47 of 60 (attractor macro-F1 0.611 -> 0.664). Over the testing parts and the
twenty-four earlier probes, 12 attractors put right and 4 made wrong, after the patterns were
mended once on what they first made wrong there (threats about "next time" and "next week",
"before then", "parked the", "to come"): d, h, n unchanged, ap, aq 0.802 -> 0.803, the probes'
mean 0.7804 -> 0.7815, AnnoMI's four behaviours 0.643 -> 0.641 (5 of 2,527 lines changed). The
verdict's 740 conversations: expectations missed 33 -> 31 typed and 39 -> 35 dictated, textbooks
compassion-led 136 -> 137 and 131 -> 133 of 148 (`python benchmarks/verdict.py --set all`).

Blame lifted is reassurance too: "It wasn't your fault." was read as a confrontation, 0.91 sure
("it was not your fault" 0.98, "You did nothing wrong." 0.58, "That's not on you." 0.91), and a
junior doctor told that the night on Ward 9 was not her fault shut down (that line, dictated with
"but im saying it too" after it, still reads so: a "but" after a reassurance takes it back). The
corpus has some twenty such lines in sixty thousand, labelled neutral or PEA, against the many
where "fault" and "wrong" blame. On 120 lines written for it by an author who saw nothing of the project
(`benchmarks/blame_probe.jsonl`: 60 lifting blame, 60 using the same words to blame, mock or take
the reassurance back), against the second reading without these words: lines lifting blame read
as NEA 20 -> 12 of 60, lines that blame 36 -> 34 of 60 ("Sure it wasn't your fault. It never is
with you.", "stop telling me its not your fault and start..."); `python benchmarks/reassurance.py`
shows the model alone against the whole second reading. Nothing changed on the testing parts,
the probes or the 120 lines above, nor on the verdict's 820 conversations
(`python benchmarks/verdict.py --set all`).

A meeting's opening often reassures twice and puts the subject off in the same breath: "its not a
telling off carys i promise the notes and ffion will come into it but thats not where i want to
start" was read as a confrontation, and the "but" kept the reassurance ("but the notes have to
improve" takes it back; "but that's not where I want to start" does not). So a "but" that goes on
to put the subject off takes nothing back, every reassuring clause of a sentence goes ("the doc is
kind of optional, it's a tool, not a status report"), and a line whose rest only puts a subject
off ("the notes will come into it") is nothing but reassurance. Written after reading textbook
openings of the verdict's sets read as NEA: on the 120 + 120 + 120 lines written for these rules
nothing changed; on the corpus lines never fitted, put right 45 -> 49, made wrong 13 -> 13; over
the verdict's 1,060 conversations expectations missed 56 -> 55 typed and 66 -> 64 dictated,
textbooks compassion-led 185 -> 186 and 177 -> 178 of 212, the highest gaming score 69.9 either way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from simulator.reading.praise_with_should import praise_without_should
from simulator.vocabulary import UNCLEAR_BELOW, Attractor, Context, Focus, Form

if TYPE_CHECKING:  # the model (and numpy) load on first use, not at import
    from simulator.reading.model import Reading

__all__ = ["SETTLES", "read_again_without_reassurance", "without_put_off", "without_reassurance"]

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
    | (?:is|'s|are|'re|was)\ (?:totally\ |absolutely\ |completely\ |perfectly\ |really\ |just\ |kind\ of\ |sort\ of\ )?
      (?:fine|ok(?:ay)?|no\ problem|not\ a\ problem|no\ big\ deal|not\ a\ big\ deal|all\ right|alright|optional)
      (?=\s*(?:[.,;:!?]|$|(?:honestly|really|by\ me|with\ me|mate|love)\b))
    | (?:can|will|could)\ wait
    | (?:forget|park|parking|never\ mind|put\ aside|set\ aside)\ (?:about\ )?(?:the|that|your|all\ that)\b
    | (?:not|isn'?t|is\ not|'s\ not)\ (?:a|an)\ (?:telling[- ]off|disciplinary|performance\ review|review|warning|complaint|formal|test|exam|status\ report|report\ card|interrogation|witch[- ]hunt|ambush)
    | (?:isn'?t|is\ not|wasn'?t|not|ain'?t)\ (?:really\ |just\ |only\ )?
      (?:about\ (?:the|your|that|any)|why\ (?:i|we)|what\ (?:this|today)|the\ point|the\ reason)
    | (?:didn'?t|did\ not)\ (?:come|drive|ask\ you|call\ you|book\ this)(?:\ \w+)?\ to
    | (?:won'?t|will\ not)\ (?:spend|waste|keep\ you|go\ over|bang\ on|make\ you)
    | not\ (?:here|going)\ to\ (?:tell\ you\ off|judge|lecture|go\ over|read)
    | not\ in\ (?:any\ )?trouble
    # blame lifted: "it wasn't your fault", "that's not on you", "you did nothing wrong"
    | (?:not|n'?t|wasn'?t|isn'?t|weren'?t|aren'?t|ain'?t)\ (?:really\ |entirely\ |all\ |completely\ )?(?:your|ur|yer|ya)\ fault
    | no\ fault\ of\ (?:your|yours|ur)
    | (?:not|n'?t)\ (?:on|down\ to)\ you\b
    | (?:you'?ve|you\ have|you)\ (?:done|did)\ nothing\ wrong
    | (?:haven'?t|didn'?t|did\ not|have\ not)\ do(?:ne)?\ anything\ wrong
    | not\ (?:to\ blame|blaming\ you)
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"([.!?;:]+\s*)")
_TAKEN_BACK = re.compile(r"\bbut\b", re.IGNORECASE)
# A "but" that goes on to put a subject off takes nothing back: "it's not a telling-off, the notes
# will come into it but that's not where I want to start" reassures twice.
_BUT_PUTS_OFF = re.compile(
    r"but\s+(?:(?:that'?s|thats|it'?s|its|this\s+is)\s+not\s+where|not\s+(?:today|yet|now|first)\b|first\b"
    r"|(?:that|it|those|they)\s+(?:can|will)\s+wait|later\b)",
    re.IGNORECASE,
)
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


_PUT_OFF = re.compile(
    r"""(?<!n't\ )(?<!nt\ )(?<!not\ )(?<!no\ )(?<!never\ )\b(?:
      later|afterwards?|on\ (?:my|the|our|today'?s)\ (?:list|agenda)|at\ some\ point|some\ ?time
    | in\ a\ (?:minute|min|bit|sec|second|moment|while)|(?:can|will|could|it'?ll|they'?ll)\ (?:wait|keep)
    | another\ (?:day|time)|come\ back\ to|park(?:ed|ing)?\ (?:it|that|them|those)
    | not\ (?:yet|first)|comes?\ second|still\ to\ come
    | (?:will|'ll|can|could)\ come\ into\ it|not\ where\ (?:i|we)(?:'d)?\ (?:want|like|wanna|mean)\ to\ (?:start|begin)
    | (?:we'?ll|we\ will|i'?ll)\ (?:get\ (?:on\ |back\ )?to|come\ to)\ (?:it|that|them|those|the)\b(?![^.?!,]{0,20}\b(?:now|today|first)\b)
    )\b""",
    re.VERBOSE | re.IGNORECASE,
)
"""Words that put a subject off for later: "on my list", "can wait", "not yet", "we'll get to it"."""
_COMES_FIRST = re.compile(
    r"\b(?:but\ first|but\ before|before\ (?:that|any\ of\ (?:that|it)|we\ (?:do|get|start|go|dive|look))"
    r"|first\ (?:though|tho|off)|(?:but\ )?tell\ me\ first|for\ now|not\ now|but\ not\ yet)\b",
    re.VERBOSE | re.IGNORECASE,
)
"""Words that say what comes before a subject put off: "but first", "before that", "for now"."""
_CLAUSE_END = re.compile(r"[.,;:!?\u2014]|\s[-\u2013]+\s|\s(?=but\b)", re.IGNORECASE)
"""Where the clause of a subject put off ends: what it says comes first starts after it."""
_WHAT_COMES_FIRST = re.compile(
    r"^(?:\W|\b(?:but|and|so|though|tho|honestly|um|uh|ok(?:ay)?|right|first|firstly|first\ off|first\ up"
    r"|first\ things\ first|for\ now|right\ now|before\ (?:that|then|any\ of\ (?:that|it)|the\ \w+)|not\ yet)\b)+",
    re.IGNORECASE,
)
"""The marks and linking words what comes first opens with ("but first,", "so, before that,"),
taken off so that the act is read on its own words."""


def without_put_off(text: str) -> tuple[str, bool]:
    """What a line says comes first, after the last subject it puts off for later ("The notes are on
    my list, but first, how are you doing?": "how are you doing?"), and whether it put one off and
    says more."""
    marks = [*_PUT_OFF.finditer(text), *_COMES_FIRST.finditer(text)]
    if not marks:
        return text, False
    last = max(marks, key=lambda match: match.end())
    end = _CLAUSE_END.search(text, last.end()) if last.re is _PUT_OFF else None
    rest = text[end.start() if end else last.end() :]
    rest = _WHAT_COMES_FIRST.sub("", rest).strip()
    return rest, bool(rest)


def without_reassurance(text: str) -> tuple[str, bool]:
    """The line without the clauses that reassure, and whether it held any.

    In each sentence each clause holding a reassurance goes, from the comma before it to the comma
    or next clause after it (in a dictated line with no marks, to where a new subject starts, or to
    its end); a reassurance taken back by a "but" after it stays, and the sentence with it."""
    kept: list[str] = []
    found = False
    pieces = _SENTENCE_END.split(text)  # sentences, each followed by the marks that end it
    for sentence, ending in zip(pieces[::2], [*pieces[1::2], ""], strict=True):
        if not sentence.strip():
            continue
        rest = _sentence_without_reassurance(sentence)
        if rest is None:
            kept.append(sentence + ending.rstrip())
            continue
        found = True
        if rest.strip():
            kept.append(rest.strip() + ending.rstrip())
    return " ".join(kept), found


def _sentence_without_reassurance(sentence: str) -> str | None:
    """The sentence without its reassuring clauses, one after another ("the doc is kind of optional,
    it's a tool, not a status report": both go), or None when it holds none."""
    removed = False
    while True:
        match = _REASSURANCE.search(sentence)
        if match is None or _takes_back(sentence, match.end()):
            return sentence if removed else None
        removed = True
        tail = sentence[match.end() :]
        after = _NEXT_CLAUSE.split(tail, maxsplit=1)
        if len(after) > 1:
            tail = after[1]
        else:  # a dictated line with no mark where the reassurance ends: its next clause starts a new subject
            opens = _NEW_SUBJECT.search(tail)
            tail = tail[opens.start() :] if opens is not None else ""
        before = _CLAUSE.split(sentence[: match.start()])[:-1]
        sentence = " ".join(part for part in (", ".join(before), tail) if part.strip())


def _takes_back(sentence: str, after: int) -> bool:
    """Whether a "but" after a reassurance (at `after`) takes it back: any "but" that does not go on
    to put a subject off (`_BUT_PUTS_OFF`)."""
    return any(
        _BUT_PUTS_OFF.match(sentence, but.start()) is None for but in _TAKEN_BACK.finditer(sentence, after)
    )


def read_again_without_reassurance(
    texts: Sequence[str], contexts: Sequence[Context], readings: list[Reading]
) -> list[Reading]:
    """The readings, those not read as PEA read again without what the line puts off or down.

    A line read as NEA or neutral that puts a subject off for later is read again on what it says
    comes first (`without_put_off`); a line read as NEA is read again without its reassurance
    (`without_reassurance`), and one that praises with "should" is read again with "can" in its
    place (`praise_with_should`). A second reading stands when it is not NEA and differs from the
    first, the put-off one first; a line of nothing but reassurance is plain structure. A warm
    reading the reader was unsure of is read again on what comes first too, and a sure reading of
    it stands ("let me start again the pack can wait what has it been like for you": 0.51, then
    0.99 on "what has it been like for you"), so the coachee does not ask what was meant."""
    from simulator.reading.model import Reading, read_many

    again: list[tuple[int, str]] = []  # each line's in order of preference
    only_reassurance: set[int] = set()
    for index, (text, reading) in enumerate(zip(texts, readings, strict=True)):
        sure_it_is_warm = reading.attractor is Attractor.PEA and reading.confidence >= UNCLEAR_BELOW
        if sure_it_is_warm or not isinstance(text, str):
            continue
        rest, put_off = without_put_off(text)
        if put_off:
            again.append((index, rest))
        if reading.attractor is not Attractor.NEA:
            continue
        rest, found = without_reassurance(text)
        if found and rest.strip() and without_put_off(rest) != ("", False):
            again.append((index, rest))
        elif found:  # nothing left, or nothing but a subject put off ("the notes will come into it")
            only_reassurance.add(index)
        praised, found = praise_without_should(text)
        if found:
            again.append((index, praised))
    settled = list(readings)
    reread = read_many([rest for _, rest in again], [contexts[index] for index, _ in again]) if again else []
    for (index, _), reading in zip(again, reread, strict=True):
        if settled[index] is readings[index] and _stands(reading, readings[index]):
            settled[index] = reading  # the first second reading that stands: the put-off one, if it does
    for index in only_reassurance:
        if settled[index] is readings[index]:
            settled[index] = Reading(Form.STRUCTURE, Focus.NONE, Attractor.NEUTRAL, 1.0, (SETTLES,))
    return settled


def _stands(second: Reading, first: Reading) -> bool:
    """Whether a second reading replaces the first: it is not NEA, and it reads an NEA or neutral
    line otherwise, or reads warm surely a line the first read warm too unsurely to count (an
    unsure warm reading is never turned neutral: over the testing parts that was wrong 2 times of 2)."""
    if second.attractor is Attractor.NEA:
        return False
    if first.attractor is Attractor.PEA:
        return second.attractor is Attractor.PEA and first.confidence < UNCLEAR_BELOW <= second.confidence
    return second.attractor is not first.attractor
