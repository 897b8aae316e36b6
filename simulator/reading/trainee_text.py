"""Reading a trainee line's text: normalising it, and splitting off the question it asks.

Normalising caps the length, drops terminal escapes and stage directions, lower-cases, and
mends dictation (false starts, "dont" -> "don't") so typed and spoken lines read alike.
`split_lead` parts the statements a question opens with from the question, and
`without_opener` sets aside how a line opens ("So", "Right,", "I hear that"), `without_lead_in`
only a name or word set off by a comma ("Sam, ") and discourse markers set off by punctuation
("Okay. So, "). `as_dictated` is a
line as speech-to-text writes it, for fitting and for playing lines as if said.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice, pairwise

from simulator.phrase_scan import alternation
from simulator.reading import cue_lexicon as lex
from simulator.text import MAX_LINE_CHARS, clean_line

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
"""Where one sentence of a line ends and the next begins (split a stripped line on it)."""

LINES_REMEMBERED = 1 << 14
"""How many lines each pure per-line analysis (splitting, stating, quoting, content words) remembers. A
round is replayed a page of conversations at a time, in lockstep, and then scored: a line is
asked about again on each of the next turns and once more when its conversation is scored, with
thousands of other lines in between. A few hundred remembered lines missed most of those and
cost a third of a replayed turn. Filled only as lines come (a practice conversation barely
starts it); all full, about 20 MB (grading 10,000 varied conversations peaked at 185 MiB, not 165)."""


LEAD_IN_WORDS = frozenset(
    {"so", "and", "but", "okay", "ok", "right", "well", "um", "uh", "erm", "er", "hmm", "mm", "yeah"}
    | {"now", "then", "alright", "oh", "look", "listen"}
)
"""Words a speaker says before the act proper ("so, um, are you ...", "okay and what ...")."""

_MARKER = "|".join(sorted(LEAD_IN_WORDS - {"and", "but", "then"}))  # these join clauses: "But, ..." may turn
# Set off by punctuation, or by a dash with a space after it ("look - ..."), never a hyphen ("well-being").
_LEAD_IN = re.compile(rf"(?:(?:{_MARKER})(?:\s+(?:{_MARKER}))*\s*(?:[,.!:;]+|-+(?=\s))\s*)+")
_VOCATIVE = re.compile(r"\s*(?:(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+)?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?,\s+(?=\S)")
"""A capitalised word (with a title, a name of two parts) set off by a comma at a line's start: the
name of the person spoken to ("Sam, ...", "Dr Okonkwo, ..."), or a word said before the act ("Honestly, ...")."""


def without_lead_in(line: str) -> str:
    """A line, normalised, after what is said before its act: a name or word set off by a comma at
    its start ("Sam, what would help?"), then discourse markers set off by punctuation ("okay. so,
    what would help?"); "" when it opens with neither, or says nothing else. The reader reads such
    a line both ways (`simulator.reading.model`)."""
    named = _VOCATIVE.match(line)
    clean = normalise(line[named.end() :] if named else line)
    found = _LEAD_IN.match(clean)
    start = found.end() if found else 0
    if (named is None and found is None) or not _WORD.search(clean, start):
        return ""
    return clean[start:]


_SPOKEN_AWAY = re.compile(r"[^\w\s']|(?<!\w)'|'(?!\w)")


def as_dictated(text: str) -> str:
    """The line as speech-to-text gives it: lower case, no punctuation (a word's apostrophe stays)."""
    return " ".join(_SPOKEN_AWAY.sub(" ", text.lower()).split())


# Pure: the coachee's ear, the refrain checks and the scorecard each split the same line in turn.
@lru_cache(maxsize=LINES_REMEMBERED)
def split_lead(line: str) -> tuple[str, str]:
    """The whole sentences a question opens with, and the rest from its first question on; the
    lead is "" when the line opens with its question, or asks none ("Six till seven. That's a
    thirteen hour day. What keeps you going?": its first two sentences, then its question). A line
    with no question mark (dictated, or typed without one) is cut where its first question starts
    by its words (`question_start`): "so being known is the heart of it what would that look like"."""
    sentences = SENTENCE_END.split(line.strip())
    for at, sentence in enumerate(sentences):
        if "?" in sentence:
            return " ".join(sentences[:at]), " ".join(sentences[at:])
    found = _unmarked_question(sentences)
    if found is None or found[:2] == (0, 0):
        return "", line
    at, _, cut = found
    sentence = sentences[at]
    return " ".join([*sentences[:at], sentence[:cut]]).strip(" ,;:-"), " ".join(
        [sentence[cut:], *sentences[at + 1 :]]
    )


@lru_cache(maxsize=LINES_REMEMBERED)
def asks(line: str) -> bool:
    """Whether a line asks something: a question mark, or a question starting by its words in one
    of its sentences (`question_start`), as dictated or hurried lines ask."""
    return "?" in line or _unmarked_question(SENTENCE_END.split(line.strip())) is not None


_WORD = re.compile(r"[A-Za-z0-9'\u2019]+")


def _unmarked_question(sentences: list[str]) -> tuple[int, int, int] | None:
    """Where the first question of sentences with no question mark starts: the sentence, the word
    in it and the character in it; None when none asks."""
    for at, sentence in enumerate(sentences):
        start = question_start([word.lower().replace("\u2019", "'") for word in _WORD.findall(sentence)])
        if start is not None:
            return at, start, next(islice(_WORD.finditer(sentence), start, None)).start()
    return None


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WH = _word_set("what how who where when why which")
_WH_CONTRACTED = _word_set("what's how's who's where's whats hows wheres whos what're how're")
_AUXILIARIES = _word_set(
    "do did does are is was were have has would could can will should shall may might am didn't don't "
    "doesn't aren't isn't wasn't haven't won't wouldn't couldn't can't"
)
_AFTER_WH = _word_set(
    "else kind sort about come much many long often far matters makes helps gives keeps happened happens "
    "brought made stops gets got went"
)
"""Words that make a wh-word ask ("what else", "how come", "what matters"), besides an auxiliary."""
_SUBJECTS = _word_set("you it that this there they we i anyone anything someone something he she things")
_BINDING = _word_set(
    "why what how when where who which or if that to of than whether because wonder know ask sure tell "
    "curious see think about is are was were do did does can could would will should that's it's what's "
    "this exactly just like remember understand explain show decide"
)
"""Words after which a wh-word or an auxiliary goes on the same clause ("I know what you mean",
"that's what matters", "I wonder how you'd do it"): no question starts there."""
_RELATIVE = _word_set("who who's whos which")
"""Wh-words that, after a noun, start a relative clause rather than a question."""
_CLAUSE_OPENERS = _word_set("so and but okay ok right well then now also anyway")
"""Words after which "who" or "which" may start a question ("so who helps you")."""
_MODALS = _word_set("do did would could can will should might")
"""Words before which "who" or "which" starts a question after any word ("...the team who could support you")."""
_OPENERS = _WH | _WH_CONTRACTED | _AUXILIARIES
"""The words a question can open with (`_opens_question`)."""


def question_start(words: list[str]) -> int | None:
    """Where a question starts among the lowered words of a sentence with no question mark: a
    wh-word followed by an auxiliary or a word that makes it ask ("what would", "what's", "how
    come"), or an auxiliary followed by its subject ("do you", "is there"), not bound to the words
    before it ("how tired are you": a wh-word, a word, then both). None when nothing asks. Over
    the project's corpus as written, a question is found in 92% of the lines that ask (a question
    mark alone finds 71%), and 90% of the lines one is found in ask; said again without their
    marks, 79% and 89% (`python benchmarks/dictated_questions.py`).

    A condition the question is put under belongs to it, as it does to the sentence a question
    mark ends: "if you could design your working life what would it look like" starts at "if"."""
    for at, word in enumerate(words):
        if word not in _OPENERS:
            continue  # only these can open one (`_opens_question`): the rest need no more looking at
        after = words[at + 1] if at + 1 < len(words) else ""
        if at and words[at - 1] in _BINDING and not _asks_outright(words, at):
            continue
        if at and word in _RELATIVE and words[at - 1] not in _CLAUSE_OPENERS and after not in _MODALS:
            continue  # "the one who got her through it", "the bit which is hard"
        if _opens_question(words, at):
            return _with_its_condition(words, at)
    return None


def _opens_question(words: list[str], at: int) -> bool:
    """Whether a question opens at `words[at]`: "what's", "what would", "what else", "how tired
    are you", "do you"."""
    word, following = words[at], words[at + 1 : at + 4]
    if word in _WH_CONTRACTED:
        return True
    if word in _WH:
        asks_next = bool(following) and (following[0] in _AUXILIARIES or following[0] in _AFTER_WH)
        asks_after_one = len(following) == 3 and following[1] in _AUXILIARIES and following[2] in _SUBJECTS
        return asks_next or asks_after_one
    return word in _AUXILIARIES and bool(following) and following[0] in _SUBJECTS


def _asks_outright(words: list[str], at: int) -> bool:
    """Whether a wh-word opens a question whatever word it follows: before an auxiliary and its
    subject ("...hold on to what do you love", "I'd love to know what do you make of it")."""
    following = words[at + 1 : at + 3]
    return (
        words[at] in _WH
        and len(following) == 2
        and following[0] in _AUXILIARIES
        and following[1] in _SUBJECTS
    )


_CONDITIONS = _word_set("if suppose supposing imagine")
_CONDITION_REACH = 20
"""How many words before a question a condition it is put under may start."""


def _with_its_condition(words: list[str], start: int) -> int:
    for at in range(start - 1, max(-1, start - _CONDITION_REACH - 1), -1):
        if words[at] in _CONDITIONS:
            return at
    return start


_NOISES = (
    r"(?:(?:mm+|hmm+|mhm|mm-hmm|um|uh|erm|er|ah|oh|so|ok|okay|right|all right|alright|well|and|"
    r"yeah|yes|sure|got it|i see)\b[\s,.:;!-]*)*"
)
_HEARD = (
    r"i hear|i'm hearing|it sounds like|sounds like|it seems like|seems like|you said|you're saying|"
    r"what i'm hearing is|so for you"
)
OPENER = re.compile(rf"{_NOISES}(?:(?:{_HEARD})(?: that)?\b[\s,.:;!-]*)?")
"""How a lowered line may open before it says anything: listening noises, "so", "right", "I hear
that", "it sounds like"... ("Right, I hear that, ...")."""

_HEARING_FRAME = re.compile(
    rf"{_NOISES}(?:reflecting back\b[\s,.:;!-]*)?"
    rf"(?:{_HEARD}|im hearing|what im hearing is|what i'?m noticing is|i'?m noticing|it sounds as if)"
    r"(?: that)?\b[\s,.:;!-]*"  # "im": speech-to-text may drop the apostrophe
)


def said_as_heard(line: str) -> str:
    """What a line opening with a frame of listening ("I'm hearing that...", "What I'm noticing is
    ...", "It sounds like...") says it heard, up to the end of that sentence; "" for a line opening
    otherwise. Said as heard, it claims to hand back the coachee's own words."""
    lowered = line.lower().replace("\u2019", "'")
    found = _HEARING_FRAME.match(lowered)
    if found is None:  # the frame itself is required: listening noises alone frame nothing
        return ""
    return SENTENCE_END.split(lowered[found.end() :], maxsplit=1)[0]


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

_HAS_SENTENCE_PUNCT = re.compile(r"[.?!;]")

EDGE_JUNK = " \t,:-\"'()[]*_~`.;!?"

# Fillers run together, with sentence marks between and after them ("Okay. Right then.", "That's it.").
FILLER_ONLY = re.compile(
    alternation(lex.FILLER_ONLY) + r"(?:[\s,.!?;:…]+" + alternation(lex.FILLER_ONLY) + r")*[\s.!?…]*"
)


def normalise(text: str) -> str:
    """One trainee line in the form the patterns read: capped, cleaned, lower-cased and mended ("" for no text)."""
    if not isinstance(text, str):  # defensive: callers type-check, but a feedback loop must not crash
        return ""
    return _normalised(text)


# Pure; a turn's line is normalised by the reader, the move's checks and the coachee's ear.
@lru_cache(maxsize=LINES_REMEMBERED)
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
