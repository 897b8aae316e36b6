"""Whether a line names a subject only to set it aside: "Forget the portfolio for now", "Let me
put the numbers away", "The audit can wait", "I'd rather hear it from you than go over the dashboard".

Putting a sore subject down is the kindness, and the rest of the line is read on its own: the
coachee's hot buttons (`simulator.engine.coachee.hot_button_hit`) and a trainer's NEA words
(`simulator.reading.trainer_phrases`) both ask this of the clause a word stands in.
"""

from __future__ import annotations

import re

REFERS_BACK = re.compile(r"\b(?:that|this|it|there|those|these|them|then|happened)\b", re.IGNORECASE)
"""Words by which a question refers back to the statements before it ("How has that been?",
"What was it like?"): it asks about their subject, so a topic or sore subject named only in them
is still what it asks about (`simulator.engine.listening`, `simulator.engine.coachee`)."""

_CLAUSE_BREAK = re.compile(r"[.!?;:,\u2014]|\s[-\u2013]+\s")  # a spaced dash ends a clause too


def in_its_clause(text: str, match: re.Match[str]) -> tuple[str, str, str]:
    """A match's clause in three parts: the words before it, the match, the words after it (each
    with a curly apostrophe made straight)."""
    text = text.replace("\u2019", "'")
    before = _CLAUSE_BREAK.split(text[: match.start()])[-1]
    return before, text[match.start() : match.end()], _CLAUSE_BREAK.split(text[match.end() :])[0]


_SET_ASIDE_VERB = (
    r"(?:leave|leaving|put|putting|set|setting|keep|keeping|park|parking|lay|laying|forget|forgetting"
    r"|shelve|shelving|table|tabling|defer|deferring|save|saving|hold off)"
)
_LATER = r"(?:another|some other|a different|a later|one other) (?:day|time|date|meeting|conversation|chat|occasion)"
_SET_ASIDE_PLACE = (
    r"(?:aside|away|down|to (?:one|the) side|on (?:hold|ice|the back burner)|out of (?:it|this|today)"
    r"|(?:till|until|for) later|for (?:now|today|the (?:moment|minute|day)|a (?:minute|moment|second|sec|bit|while))"
    r"|(?:for |till |until |to )?" + _LATER + r")"
)
_TALKING = (
    r"(?:talk|chat|go|get into|dig|bring|discuss|lecture|raise|chase|read|worry|bother|stress|fret|think)"
)
ASIDE_FROM = (
    r"(?:apart from|aside from|leaving aside|other than"
    r"|(?:strip|strips|stripped|stripping|take|takes|taking|took) (?:away|out))"
)
"""The words before a subject that ask about everything but it ("apart from the numbers", "if you
strip away the commission and the league table"): the hot buttons' test and the coachee's ear
(`simulator.engine.listening`) both set a subject so named aside."""
_SET_ASIDE_BEFORE = re.compile(
    # "forget (about) the portfolio", "never mind the audit", "I didn't drive up here to talk numbers",
    # "I'm not here to chase you about the ARCP", "I'm not going to go through your sign-off",
    # "no need to worry about the audit", "don't trouble yourself about the review"
    r"\b(?:forget(?:ting)?(?!\W+it\b)|never ?mind"  # "forget it" puts down nothing named after it
    r"|(?:did|have|has|had|was|were)(?: ?n'?t| not)\W+(?:\w+\W+){0,3}?to\W+"
    + _TALKING
    + r"|not (?:here|going|gonna) to\W+(?:\w+\W+)?"
    + _TALKING
    + r"|no need to\W+"
    + _TALKING
    + r"|do ?n'?t (?:worry|bother|trouble|stress|fret))"
    r"\b(?:\W+[\w']+){0,6}\W*$"
    # "I'd rather know how you are than go over the dashboard again", "in your words rather than
    # the dashboard's", "instead of the numbers": what the line puts behind what it asks for
    r"|\b(?:rather than|instead of|(?:rather|sooner)\b[^.?!]{1,60}?\bthan)(?:\W+[\w']+){0,3}\W*$"
    # "if you strip away the commission and the league table, what do you care about?", "leaving
    # aside the audit", "apart from the numbers", "other than the portfolio": the rest is what is asked
    r"|\b(?:" + ASIDE_FROM + r"|leave aside|beyond)(?:\W+[\w']+){0,6}\W*$"
    # "whatever happens with ARCP, ... what does she look like?", "regardless of the numbers": what
    # is asked holds whichever way the subject goes
    r"|\b(?:whatever happens (?:with|to|at|in)|regardless of|irrespective of)(?:\W+[\w']+){0,3}\W*$"
    # "before we go anywhere near the numbers", "this is more about you than the eportfolio"
    r"|\bbefore (?:we|i|you) (?:go (?:anywhere )?near|get (?:on )?to|talk about|look at|get into|start on"
    r"|dig into|go into|touch)(?:\W+[\w']+){0,3}\W*$"
    r"|\b(?:more|less) about (?:you|this|today|how you are)\b[^.?!]{0,40}?\bthan(?:\W+[\w']+){0,3}\W*$"
    # "the doctor you'd love to be, not the one the ARCP panel wants", "not what the dashboard
    # says": what the line asks for, set against what the subject would have
    r"|\bnot (?:the (?:one|ones|kind|version|doctor|nurse|midwife|chef|lead|manager|engineer|rep|person)|what)\b"
    r"(?:\W+[\w']+){0,3}\W*$",
    re.IGNORECASE,
)
_SET_ASIDE_VERB_BEFORE = re.compile(r"\b" + _SET_ASIDE_VERB + r"\b(?:\W+[\w']+){0,3}\W*$", re.IGNORECASE)
_SET_ASIDE_AROUND = re.compile(
    _SET_ASIDE_VERB + r"\b(?:\W+[\w']+){0,6}?\W+" + _SET_ASIDE_PLACE + r"\b", re.IGNORECASE
)
_SET_ASIDE_AFTER = re.compile(
    # "the audit can wait", "the ARCP isn't why I asked to see you", "the complaint is for another
    # day", "performance isn't on the agenda", "the review's not what this meeting is about"
    r"^\W*(?:[\w']+\W+){0,3}?(?:(?:can|will|could) (?:wait|keep|sit|hold)"
    r"|(?:is|are|'s|'re)\s*(?:n'?t|not) (?:why|what|the (?:reason|point|topic)|on (?:the|my|today's) (?:agenda|list)|for today)"
    r"|(?:is|are|'s|'re) (?:a |one )?(?:conversation |topic |chat |job |problem |question )?for (?:"
    + _LATER
    + r"|later)"
    r"|(?:is|are|'s|'re) (?:a )?(?:tomorrow|later|next[ -](?:week|month|year)) (?:problem|job|thing|conversation)"
    # "performance talk is off the table this morning", "the portfolio will still be there next week",
    # "the numbers'll keep", "the pipeline review we do next week", "all of that we'll see later"
    r"|(?:is|are|'s|'re) off the table"
    r"|(?:will|'ll|can) (?:still be there|keep)"
    r"|(?:we|i)(?:'ll| will| can)? (?:see|do|look at|get to|come back to|pick up|deal with|sort)"
    r"(?: it| that| them| those| to it| to that)? (?:later|next (?:week|time|month)|tomorrow"
    r"|on (?:mon|tues|wednes|thurs|fri)day|another (?:day|time))"
    r")\b",
    re.IGNORECASE,
)
_LATER_IN_CLAUSE = re.compile(
    # "we'll come back to the Datix another time", "let's deal with the council another day"
    r"\b(?:come back to|return to|deal with|look at|talk about|pick up|get to|go (?:through|over)|discuss|cover"
    r"|sort(?: out)?|tackle|work on)\b"
    r".*\b" + _LATER + r"\b",
    re.IGNORECASE,
)


DEFERRED_BACK = re.compile(
    # "...; we'll sort that together another day", "i'll help you with it next week": a later
    # clause sends what was named before it to another time
    r"\b(?:we|i|let's|let us)(?:'ll| will| can)?\b[^.?!;]{0,30}?\b(?:it|that|them|this|those)\b[^.?!;]{0,30}?"
    r"\b(?:another (?:day|time)|some other (?:day|time)|later|next (?:week|month|time)|tomorrow)\b",
    re.IGNORECASE,
)
"""A clause after a subject that sends it, named again by a pronoun, to another time."""

DENIED_BACK = re.compile(
    # "the audit is one thing, but honestly it's not the main reason. I wanted to ask about you",
    # "...; that's not why I asked you in": a later clause says the subject, named again by a
    # pronoun, is not what the meeting is for
    r"\b(?:it|that|this|they|those)(?:'s|'re| is| are| was|s)?\s*(?:n'?t|not)\s+"
    r"(?:(?:really|honestly|actually|even|just)\s+)?"
    r"(?:the (?:main |real |only |big )?(?:reason|point|focus|priority)|why (?:i|we|you)|what (?:i|we|today|this))\b",
    re.IGNORECASE,
)
"""A clause after a subject that says it, named again by a pronoun, is not what the meeting is for."""


def puts_aside(before: str, word: str, after: str) -> bool:
    """Whether a word's clause (`in_its_clause`) sets it aside.

    The prepositions that put a subject aside ("apart from", "other than", "if you strip away")
    and the phrases after it ("is off the table", "will still be there next week", "we'll look at
    next week") were added on the misses of `benchmarks/set_aside.py`'s first two held-out sets
    and a probe conversation ("What do you care about most in this work, if you strip away the
    commission and the league table?" dropped Marco to defensive). On its third set, written
    afterwards to the same brief (`held_out_3`): set-aside lines that stung 13 -> 12 of 60,
    pressing lines 30 of 30 and kindly raised ones 27 of 30 either way.

    "before we go anywhere near", "more about you than", "can sit" and a later clause sending the
    subject to another day (`DEFERRED_BACK`, for lines not read as NEA) were added after reading
    the probes' textbook lines that hit a nerve (29 such turns in the verdict's textbook
    conversations, 25 after): over the verdict's 980 conversations, expectations missed 52 -> 49
    typed and 57 -> 56 dictated, textbooks compassion-led 170 -> 172 of 196 typed, 165 dictated
    either way, no other conversation's score moved (`python benchmarks/verdict.py --set all
    [--dictated]`); the set-aside sets as before. Measured on lines they were written after, so
    not clean held-out figures.

    "not the one ... wants" and "not what ... says" (what the line asks for set against what the
    subject would have) were added after a probe15 textbook's vision question, "the doctor you'd
    really love to be, not the one the ARCP panel wants", read as a compliance check: over the
    verdict's 1,540 conversations only that one moved (48.9 -> 60.9 typed, 52.0 -> 78.8 dictated;
    dictated expectations missed 78 -> 77); the set-aside sets as before. "whatever happens with",
    "regardless of" and "irrespective of" were added after probe16's vision question "Whatever
    happens with ARCP, ..., what does she look like?" shut Niamh down: over 1,620 conversations only
    that one moved (57.8 -> 79.6 typed, 58.7 -> 87.0 dictated, both now compassion-led); the
    set-aside sets as before."""
    # A word is set aside when its clause puts it down: a setting-aside phrase before it ("forget",
    # "never mind", "didn't come to talk", "not going to go through"), a verb that puts it
    # somewhere ("put the numbers away", "leave the audit for today"), what is said of it after it
    # ("can wait", "isn't why I asked"), or the clause sending it to another day ("we'll come back
    # to the Datix another time").
    clause = before + word + after
    if _SET_ASIDE_BEFORE.search(before) or _SET_ASIDE_AFTER.search(after):
        return True
    later = _LATER_IN_CLAUSE.search(clause)
    if later is not None and later.end() >= len(before + word):
        return True  # the word is what is sent to another day, not something said after it
    verb = _SET_ASIDE_VERB_BEFORE.search(before)
    return verb is not None and _SET_ASIDE_AROUND.search(clause, verb.start()) is not None
