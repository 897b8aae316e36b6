"""Reproach asked as a question: "What is wrong with you?", "Do you even care about this job?",
"Is it too much to ask that one register is filled once a day?".

A question's form is what the learned reader is surest of, and a sum of word weights hears "what",
"care" and "job" as an open question about values: "Do you even care about this job?" was read
as a warm question about what matters, and the coachee lifted. Corpus lines written for
questions that blame or put down, with their kindly twins in the same words, were measured and
set aside (`simulator/reading/corpus/README.md`, authors dy to ee): the words that make these
questions cruel ("even", "wrong with you", "too much to ask") are few and the frames around them
many. So a question the reader did not read as a confrontation that holds one of a few frames no
kindly question uses is read as one (`REPROACH`): read as warm or neutral, or as NEA too unsure to
count ("How many times do I have to tell you?", a deficit question 0.52 sure, counted neither
way). Frames that a curious or admiring question shares ("Who taught you to do that?", "Since
when have you been running the group?", "What were you thinking about when you wrote it?") are
left to the reader.

A small net by design (`python benchmarks/reassurance.py`): on 120 questions written for it by an
author who saw nothing of the project (`benchmarks/reproach_probe.jsonl`: 60 that reproach, 60
curious or admiring ones in the same frames), reproaching ones read as NEA 33 -> 35 of 60 (it
fires on 4), the kindly ones 19 -> 19; on the corpus lines never fitted it fires on 17 and puts 10
attractors right, none wrong (the frames were chosen before reading any of them but one probe's,
ea, of which 32 misread lines were seen); over the whole corpus it fires on 76 lines, 74 of them
labelled NEA. The verdict's 1,140 conversations are unchanged (`python benchmarks/verdict.py --set
all`). Most reproach is still the reader's to hear, and it hears a little over half of it.
"""

from __future__ import annotations

import re

REPROACH = re.compile(
    r"""\b(?:
      what(?:'s|\ is)\ (?:wrong|the\ matter)\ with\ (?:you|u)
    | what\ is\ it\ with\ (?:you|u)\b
    | (?:do|did|does)\ (?:you|u|ya)\ even\ (?:care|want|know|listen|try|read|think|check|look|ask|bother|remember)
    | how\ many\ (?:times|more\ times)\ (?:do|have|must|did|will)\ i\ (?:have\ to\ )?(?:tell|say|ask|remind|explain)
    | who\ do\ (?:you|u)\ think\ (?:you\ are|you're|ur)
    | who\ (?:are|r)\ (?:you|u)\ to\b
    | what\ were\ (?:you|u)\ thinking\s*(?:[?!.]|$)
    | is\ it\ (?:too|so)\ (?:much|hard|difficult)\ to\ ask
    | how\ (?:hard|difficult)\ (?:is\ it|can\ it\ be)\ to\b
    | is\ that\ what\ they\ taught\ (?:you|u)
    | when\ exactly\ (?:were|was|are)\ (?:you|u)\ (?:planning|going|thinking|hoping)\ to
    | what\ did\ (?:you|u)\ expect\s*(?:would|to)?\s*(?:happen)?\s*[?!]
    | why\ (?:can'?t|couldn'?t|won'?t)\ (?:you|u)\ (?:just|ever)\b
    | why\ (?:do|must)\ (?:you|u)\ always\b
    | are\ (?:you|u)\ (?:stupid|thick|deaf|blind)\b
    )""",
    re.VERBOSE | re.IGNORECASE,
)
"""Frames of a question that only reproach (`reproach_in`)."""


_VOICED = re.compile(
    r"\b(?:wonder(?:s|ed|ing)?|going|asking (?:yourself|myself)|tell(?:s|ing)? (?:yourself|myself)|voice)"
    r"\W+(?:[\w']+\W+){0,2}$",
    re.IGNORECASE,
)
"""What puts a frame in the coachee's own mouth ("a bit of you going, who do you think you are",
"wondering what's wrong with you"): a reflection of their inner voice, not the trainee's reproach."""


def reproach_in(text: str) -> str | None:
    """The words of a question's reproaching frame, lowered, or None when it holds none (or only
    voices what the coachee says to themselves, `_VOICED`)."""
    found = REPROACH.search(text)
    if found is None or _VOICED.search(text, 0, found.start()) is not None:
        return None
    return " ".join(found.group(0).lower().split()).rstrip("?!. ")
