"""Steps 1 and 2 of reading a trainee line: normalising it and splitting it into sentences.

Normalising caps the length, drops terminal escapes and stage directions, lower-cases, and
mends dictation (false starts, "dont" -> "don't") so typed and spoken lines read alike.
Splitting cuts the turn at sentence marks or, for unpunctuated dictation, before a clause
that opens a question or a reflection; `strip_lead_in` drops fillers and greetings
("okay so", "thanks for coming in") from the front of a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from simulator.phrase_scan import WORD_END, alternation, opening
from simulator.reading import cue_lexicon as lex
from simulator.text import MAX_LINE_CHARS, clean_line

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
"""Where one sentence of a line ends and the next begins (split a stripped line on it)."""


def split_lead(line: str) -> tuple[str, str]:
    """The whole sentences a question opens with, and the rest from its first question on; the
    lead is "" when the line opens with its question, or asks none ("Six till seven. That's a
    thirteen hour day. What keeps you going?": its first two sentences, then its question)."""
    sentences = SENTENCE_END.split(line.strip())
    for at, sentence in enumerate(sentences):
        if "?" in sentence:
            return " ".join(sentences[:at]), " ".join(sentences[at:])
    return "", line


OPENER = re.compile(
    r"(?:(?:mm+|hmm+|mhm|mm-hmm|um|uh|erm|er|ah|oh|so|ok|okay|right|all right|alright|well|and|"
    r"yeah|yes|sure|got it|i see)\b[\s,.:;!-]*)*"
    r"(?:(?:i hear|i'm hearing|it sounds like|sounds like|it seems like|seems like|you said|you're saying|"
    r"what i'm hearing is|so for you)(?: that)?\b[\s,.:;!-]*)?"
)
"""How a lowered line may open before it says anything: listening noises, "so", "right", "I hear
that", "it sounds like"... ("Right, I hear that, ...")."""


def without_opener(lowered: str) -> str:
    """A lowered line from where it starts to say something (`OPENER` set aside, as often as it comes)."""
    start = 0
    while (found := OPENER.match(lowered, start)) is not None and found.end() > start:
        start = found.end()
    return lowered[start:]


# Long pastes cost time and never change the act: the main act of a coaching turn shows
# in its first few sentences.
MAX_CHARS = MAX_LINE_CHARS

# Normalising (step 1)
_CURLY = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2026": "...", "\u2014": ", "}
)

_STAGE_DIRECTIONS = re.compile(
    r"\[[^\]]{0,60}\]|\((?:laughs|chuckles|sighs|pause|crosstalk|inaudible)[^)]{0,20}\)"
)

# Transcribed false starts: "so-so", "I- I've", "i-it".
_STUTTER = re.compile(r"\b(\w+)-+\1\b|\b\w{1,3}- (?=\w)|\b(\w{1,2})-(?=\2)|\b(\w+)-+ (?=\3\b)")

# Dictated false starts: a repeated word ("we we talked") or a cut-off one ("wh what").
_FALSE_STARTS = re.compile(r"(?<![\w'])(\w+(?: \w+)?) (?=\1\b)|(?<![\w'])(\w{1,3}) (?=\2\w)")

# Short words that often precede a word they begin ("so some", "to today"): not false starts.
_SHORT_WORD_TEXT = (
    "so to in an a i go do no on it is at as be we he me my by or of up us if oh ok the and but for not you all any"
    " are can get had has her him his how its let may new now old one our out see she too two use was way who why"
    " yes yet big bit day did end far few got own put say set try top off per"
)

_SHORT_WORDS = frozenset(_SHORT_WORD_TEXT.split())

_REPAIRS = re.compile(r"(?<![\w'])(" + alternation(tuple(lex.WORD_REPAIRS)) + r")(?![\w'])")

# Sentences and lead-ins (step 2)
_SENTENCES = re.compile(r"[^.?!;\n]+[.?!;]*")

_HAS_SENTENCE_PUNCT = re.compile(r"[.?!;]")

EDGE_JUNK = " \t,:-\"'()[]*_~`.;!?"

_LEAD_IN = re.compile(r"(?:" + alternation(lex.LEAD_IN_FILLERS) + r")(?:[\s,]+|$)")

_STRUCTURE = opening(lex.STRUCTURE_PHRASES)

# Fillers run together, with sentence marks between and after them ("Okay. Right then.", "That's it.").
FILLER_ONLY = re.compile(
    alternation(lex.FILLER_ONLY) + r"(?:[\s,.!?;:…]+" + alternation(lex.FILLER_ONLY) + r")*[\s.!?…]*"
)

# Where dictation ran several sentences together, a new clause often opens with these.
_CLAUSE_BREAK = re.compile(
    r"(?<=\w) (?=(?:what(?:'s| would| do| did| does| is| are| was| else| might| could| can| will| matters| makes"
    r"| helps| has| have)|how (?:would|do|did|does|is|are|was|could|can|might|will|has|have|come|else)"
    r"|why (?:do|did|is|are|was|would|didn't|don't|haven't|not)|which (?:\w+ )?(?:would|do|did|of)"
    r"|when (?:were|was|did|do|have|would)|who (?:would|could|do|did|else)|where (?:do|did|are|is|would|could)"
    r"|(?:do|did|are|have|would|could|can|will|is) you |tell me |(?:it )?sounds like |it seems |so you're "
    r"|it's your (?:call|choice)|you should |take it or leave it))"
)

# A clause opener right after one of these words belongs to the same sentence.
_BINDING_WORDS = (
    "why what how when where who which or if that to of than whether because i wonder know ask"
    " sure tell curious see think about is are was were do did does can could would will should"
)

_BINDS_NEXT_CLAUSE = frozenset(_BINDING_WORDS.split())

_SHORT_WH_START = 4  # words: a wh-question this short has not reached its verb yet

_MAX_SENTENCES = 12  # a coaching turn longer than this is a monologue; its act shows early

WH_OPENING = re.compile(lex.WH_OPENERS + WORD_END)


def normalise(text: str) -> str:
    """One trainee line in the form the patterns read: capped, cleaned, lower-cased and mended ("" for no text)."""
    if not isinstance(text, str):  # defensive: callers type-check, but a feedback loop must not crash
        return ""
    return _normalised(text)


# Pure; a turn's line is normalised by the reader, the move's checks and the coachee's ear.
@lru_cache(maxsize=256)
def _normalised(text: str) -> str:
    clipped = clean_line(text)  # the one cleaner every trainee line passes: no escapes, no controls, capped
    if not clipped.isascii():  # curly quotes and dashes are the only characters mapped
        clipped = clipped.translate(_CURLY)
    clipped = clipped.lower()
    if "[" in clipped or "(" in clipped:
        clipped = _STAGE_DIRECTIONS.sub(" ", clipped)
    clipped = " ".join(clipped.split())
    if not clipped:
        return ""
    has_dash = "-" in clipped
    if has_dash:  # dictation marks false starts with hyphens: "I- I've", "do you- do you"
        clipped = _STUTTER.sub(lambda m: m.group(1) or "", clipped)
    # "can you- can you" has become "can can you": the repeat left behind is a false start too.
    if (has_dash or not _HAS_SENTENCE_PUNCT.search(clipped)) and _may_repeat(clipped):
        clipped = _FALSE_STARTS.sub(_drop_false_start, clipped)
    if "'cause" in clipped:  # spoken "because", not the verb
        clipped = clipped.replace("'cause", "because")
    return _REPAIRS.sub(_repair, clipped)


def _may_repeat(clipped: str) -> bool:
    """A cheap test that spares most lines the false-start pattern: some word is repeated, or
    begins the next one, or two words recur ("we talked we talked")."""
    words = clipped.split(" ")
    return any(b.startswith(a) for a, b in pairwise(words)) or any(
        a == c for a, c in zip(words, words[2:], strict=False)
    )


def _drop_false_start(match: re.Match[str]) -> str:
    cut_off = match.group(2)
    return match.group() if cut_off and cut_off in _SHORT_WORDS else ""


def _repair(match: re.Match[str]) -> str:
    return lex.WORD_REPAIRS[match.group(1)]


def sentences(clean: str) -> list[tuple[str, bool]]:
    """Sentences as (body, ends_with_question_mark); dictation is split at clause openers."""
    if not _HAS_SENTENCE_PUNCT.search(clean):
        clean = _split_dictation(clean)
    pieces = []
    for raw in _SENTENCES.findall(clean):
        body = raw.strip(EDGE_JUNK)
        if body:
            pieces.append((body, "?" in raw))
    return pieces[:_MAX_SENTENCES]


def _split_dictation(clean: str) -> str:
    """Put a full stop before each clause opener, unless the word before binds it ("why are you")."""
    parts = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(clean):
        segment = clean[start : match.start()]
        before = segment.rsplit(" ", 2)
        if len(before) < 2 or before[-1] in _BINDS_NEXT_CLAUSE:
            continue
        if WH_OPENING.match(strip_lead_in(segment)[0]) and segment.count(" ") < _SHORT_WH_START:
            continue  # "which of those ideas would you like": still one question

        parts.append(clean[start : match.start()])
        start = match.end()
    parts.append(clean[start:])
    return ". ".join(parts)


def strip_lead_in(body: str) -> tuple[str, bool]:
    """Drop fillers and greetings from the front; report whether a greeting/transition was there."""
    saw_structure = False
    for _ in range(6):
        structure = _STRUCTURE.match(body)
        if structure and structure.end() > 0:
            saw_structure = True
            body = body[structure.end() :].lstrip(EDGE_JUNK)
            continue
        filler = _LEAD_IN.match(body)
        if filler and filler.end() > 0:
            body = body[filler.end() :].lstrip(EDGE_JUNK)
            continue
        break
    return body, saw_structure
