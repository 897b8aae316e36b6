"""Where a conversation stands on the coaching arc, and the move that fits there (COACHING-MODEL.md §2).

The arc: warm-up, desired future, ideal self and values, expand hope, real self as a
balance sheet, a learning agenda. `next_step_on_arc` reads the stage from plain facts
(what has been explored and revealed, how open the coachee is, whether the last move
hurt) and voices the move for that moment: it hands back the coachee's own last words
(`mirror`), names what they have told or the subjects of their life, and never offers a
line the trainee has already said, nor one already offered in the same conversation.
`/hint` during practice and the scorecard's "better line" after it both call it, so they agree.

The stages' moves, reasons and line templates are data, in `arc.json` beside this module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from simulator.vocabulary import Focus, State


@dataclass(frozen=True)
class ArcFacts:
    """What the arc stage is read from, and what a line for it may use, at one moment of a conversation."""

    turns_so_far: int
    explored: Set[Focus]
    revealed_kinds: Set[str]
    state: State | None = None
    last_move_was_nea: bool = False
    coachee_said: str = ""  # the coachee's last words: what the next line answers
    coachee_before: str = ""  # everything else the coachee had said (names are told by their capitals)
    # The lines `coachee_before` joins with spaces, oldest first, when known: what they name is
    # found line by line (each line once), not by searching the whole text again at every moment.
    coachee_lines: tuple[str, ...] = field(default=(), compare=False, repr=False)
    trainee_lines: tuple[str, ...] = ()  # what the trainee said: never offered back to them
    used: frozenset[str] = field(default_factory=frozenset)  # lines already offered in this conversation
    told: tuple[tuple[str, str], ...] = ()  # (kind, text) of each story item the coachee has told
    topics: tuple[
        str, ...
    ] = ()  # words for the subjects of the coachee's life; only those they mentioned are used
    questions_in_a_row: int = 0  # the last lines that counted were this many questions, nothing between
    # The persona's own lines for this moment, by move ("reflect", "values", ...): written by the
    # trainer for what the coachee just spoke of (`simulator.scenario.coach_lines`).
    persona_lines: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    # Words the persona's own texts capitalise mid-sentence (names of people, places, days): a
    # line handing back the coachee's words keeps their capital at its start ("So Kofi...").
    names: frozenset[str] = field(default=frozenset(), compare=False)


@dataclass(frozen=True)
class Exchange:
    """One played exchange as the arc reads it: the trainee's line, its focus, whether it was NEA, the reply."""

    trainee: str
    focus: Focus
    nea: bool
    coachee: str
    counts: bool = True  # False for a line too unclear to count
    question: bool = False  # a question that counted


def topic_words(topics: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """The words of a scenario's topics, as a suggested line may use them ("teach*" -> "teach")."""
    words = (word.rstrip("*") for topic in topics for word in topic)
    return tuple(dict.fromkeys(word for word in words if len(word) > 2))


def moment(
    exchanges: Sequence[Exchange],
    opening: str,
    state: State | None,
    told: tuple[tuple[str, str], ...] = (),
    topics: tuple[str, ...] = (),
    used: frozenset[str] = frozenset(),
    trainee_lines: tuple[str, ...] | None = None,
    persona_lines: Mapping[str, tuple[str, ...]] | None = None,
    names: frozenset[str] = frozenset(),
) -> ArcFacts:
    """The arc's facts after `exchanges`: what `/hint` and the scorecard's better line are both built from."""
    said = [opening, *(exchange.coachee for exchange in exchanges)]
    return ArcFacts(
        turns_so_far=len(exchanges),
        explored=frozenset(e.focus for e in exchanges if e.counts and not e.nea),
        revealed_kinds=frozenset(kind for kind, _ in told),
        state=state,
        last_move_was_nea=bool(exchanges) and exchanges[-1].nea,
        coachee_said=said[-1],
        coachee_before=" ".join(said[:-1]),
        coachee_lines=tuple(said[:-1]),
        trainee_lines=tuple(e.trainee for e in exchanges) if trainee_lines is None else trainee_lines,
        used=used,
        told=told,
        topics=topics,
        questions_in_a_row=_questions_at_the_end(exchanges),
        persona_lines=persona_lines or {},
        names=names,
    )


def _questions_at_the_end(exchanges: Sequence[Exchange]) -> int:
    run = 0
    for exchange in reversed(exchanges):
        if not exchange.counts:
            continue  # an unclear line is no answer to them, and no question either
        if not exchange.question:
            break
        run += 1
    return run


@dataclass(frozen=True)
class Suggestion:
    """A move that fits a moment: what to do, why now, and a line to say it with ("" when none is fresh)."""

    move: str
    why: str
    example: str


@dataclass(frozen=True)
class Stage:
    """One move of the arc, with the lines that can voice it."""

    name: str
    move: str
    why: str
    templates: tuple[str, ...]
    persona_frame: str = "{line}"  # how a persona's own line is said at this stage

    def suggestion(self, example: str = "") -> Suggestion:
        """This stage's move with one line to say it."""
        return Suggestion(self.move, self.why, example)


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("simulator").joinpath("arc.json").read_text(encoding="utf-8")
    )
    return data


@cache
def stage(name: str) -> Stage:
    """A stage of the arc by name (see `arc.json`)."""
    entry = _data()["stages"][name]
    return Stage(
        name, entry["move"], entry["why"], tuple(entry["templates"]), entry.get("persona_frame", "{line}")
    )


def stage_names() -> tuple[str, ...]:
    """Every stage of the arc, in the order `arc.json` lists them."""
    return tuple(_data()["stages"])


TOO_CLOSE = 0.3
"""A suggested line sharing this share of its own words (not the coachee's) with a line already said is a rewording."""

_WORD = re.compile(r"[a-z][a-z']*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CLAUSE_BREAK = re.compile(r"[;:,]|\s[-\u2013\u2014]\s|\bbut\b|\bthough\b")


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@cache
def _stop() -> frozenset[str]:
    return frozenset(_data()["mirror"]["stop"])


_CAPITALISED_MID_SENTENCE = re.compile(r"\w[,;:]?\s+([A-Z][\w'-]*)")


def names_in(texts: Iterable[str]) -> frozenset[str]:
    """The words `texts` capitalise mid-sentence and never write in lower case ("I saw Kofi on
    Sunday" -> Kofi, Sunday): names. "Good" in a quoted "'Good morning'" is not one, as "good"
    comes elsewhere."""
    texts = list(texts)
    capitalised = {found.group(1) for text in texts for found in _CAPITALISED_MID_SENTENCE.finditer(text)}
    lower = {word for text in texts for word in _LOWER_WORD.findall(text)}
    return frozenset(word for word in capitalised if word.lower() not in lower and word != "I")


_LOWER_WORD = re.compile(r"\b[a-z][\w'-]*")


def shared_words(line: str, said: str) -> int:
    """How many content words (stemmed, stop words aside) `line` shares with `said`, leaving aside
    words too common to show it takes them up ("every", "today", arc.json's `too_common_to_take_up`)."""
    return len((_words(line) & _words(said)) - _too_common())


@cache
def _too_common() -> frozenset[str]:
    return frozenset(_stem(word) for word in _data()["mirror"]["too_common_to_take_up"])


@lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    stop = _stop()
    return frozenset(
        _stem(word)
        for word in _WORD.findall(text.lower().replace("\u2019", "'"))
        if len(word) > 2 and word not in stop
    )


@cache
def _fillers() -> tuple[list[str], ...]:
    return tuple(sorted((filler.split() for filler in _data()["mirror"]["fillers"]), key=len, reverse=True))


@cache
def _fillers_by_first() -> dict[str, tuple[list[str], ...]]:
    # The fillers filed under their first word, longest first as `_fillers` has them: only those
    # starting with a piece's first word can match it, and they are tried in the same order.
    by_first: dict[str, list[list[str]]] = {}
    for filler in _fillers():
        by_first.setdefault(filler[0], []).append(filler)
    return {first: tuple(fillers) for first, fillers in by_first.items()}


@cache
def _comma_fillers() -> frozenset[str]:
    return frozenset(_data()["mirror"]["comma_fillers"])


def _strip_fillers(words: list[str]) -> list[str]:
    by_first, with_comma = _fillers_by_first(), _comma_fillers()
    while words:
        if words[0].endswith(",") and words[0].lower().rstrip(",") in with_comma and len(words) > 1:
            words = words[1:]  # "No, I'm fine": the answer, then the statement
            continue
        for filler in by_first.get(words[0].lower().strip(","), ()):
            if len(words) > len(filler) and [w.lower().strip(",") for w in words[: len(filler)]] == filler:
                words = words[len(filler) :]
                break
        else:
            return words
    return words


def _swap_person(words: list[str]) -> list[str]:
    mirror = _data()["mirror"]
    swaps, after_i = mirror["swaps"], mirror["after_i"]
    out = []
    for index, word in enumerate(words):
        lowered = word.lower().replace("\u2019", "'")
        previous = words[index - 1].lower() if index else ""
        if lowered in swaps:
            out.append(swaps[lowered])
        elif previous == "i" and lowered in after_i:
            out.append(after_i[lowered])
        else:
            out.append(word)
    return out


def _trim(words: list[str], limit: int) -> list[str]:
    if len(words) <= limit:
        return words
    words = words[:limit]
    dangling = frozenset(_data()["mirror"]["dangling"])
    while words and words[-1].lower() in dangling:
        words = words[:-1]
    return words


@lru_cache(maxsize=1024)
def _mid_sentence(first: str) -> re.Pattern[str]:
    return re.compile(r"\w[,;:]?\s+" + re.escape(first) + r"\b")


def _first_word_case(first: str, said: str, names: frozenset[str] = frozenset()) -> str:
    # A name keeps its capital (it is capitalised mid-sentence somewhere in what was said, or in the
    # persona's own texts, `names`); other words lose it.
    # A word with no capital is the same either way, so all that was said is searched only for
    # one with a capital; and first by the plain substring test, as the pattern can match only
    # where the word is.
    lowered = first[:1].lower() + first[1:]
    if lowered == first or first == "I" or (len(first) > 1 and first.isupper()) or first in names:
        return first  # "KPI" stays, "A" does not
    return first if first in said and _mid_sentence(first).search(said) else lowered


def mirror(said: str, elsewhere: str = "", names: frozenset[str] = frozenset()) -> str:
    """The coachee's last words handed back from the trainee's side ("I've tried lists" -> "you've tried lists"), or "".

    The statement with the most content words is taken (the later one on a tie), cut to a short
    phrase; its first word keeps a capital only when it is a name (capitalised mid-sentence in
    `said` or in `elsewhere`, the rest of what the coachee said, or one of `names`). Questions and
    clauses about the trainee ("you know that") are never handed back, nor fragments and orders (a
    clause opening with a word of `not_statements` in arc.json: "on the worst nights we've had",
    "Let me pick one"): with nothing else said, there is nothing to mirror.
    """
    best = _mirrored_phrase(said)
    if not best:
        return ""
    first, _, rest = best.partition(" ")
    text = said.replace("\u2019", "'")
    return f"{_first_word_case(first, text + ' ' + elsewhere, names)} {rest}".strip().rstrip(",")


@lru_cache(maxsize=4096)  # keyed by the coachee's line alone: the persona's lines come round again
def _mirrored_phrase(said: str) -> str:
    # The phrase `mirror` hands back, before its first word's case is settled: it depends on
    # `said` only, while what else the coachee said differs at every moment of every conversation.
    mirror_data = _data()["mirror"]
    second = frozenset(mirror_data["second_person"])
    fragment = frozenset(mirror_data["not_statements"])
    text = said.replace("\u2019", "'")
    best, best_key = "", (-1, -1, -1)
    order = 0
    for sentence in _SENTENCE_END.split(text):
        if sentence.strip().endswith("?"):
            continue
        for piece in _CLAUSE_BREAK.split(sentence.strip().rstrip(".!")):
            order += 1
            words = _strip_fillers(piece.split())
            content = len(_words(" ".join(words)))
            if (
                len(words) < 3
                or not content
                or words[0].lower() in fragment
                or any(word.lower().strip(",") in second for word in words)
            ):
                continue
            key = (int(len(words) <= mirror_data["max_words"]), min(content, 3), order)
            if key >= best_key:
                best, best_key = " ".join(_swap_person(_trim(words, mirror_data["max_words"]))), key
    return best


_WORD_STARTS = re.compile(r"(?s)\b(?=(\w.{0,2}))")  # the first three characters at each word start
_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=64)
def _topic_index(
    topics: tuple[str, ...],
) -> tuple[dict[str, tuple[tuple[str, str], ...]], tuple[tuple[str, str], ...]]:
    # Each topic word (lowered) filed under its first three characters: a word starting with a word
    # character can be named only where a word of the text starts with those. Any other word is
    # looked for everywhere. Made once per scenario's topics.
    by_start: dict[str, list[tuple[str, str]]] = {}
    others = []
    for word in topics:
        lowered = word.lower()
        if len(lowered) >= 3 and _WORD_CHAR.fullmatch(lowered[0]):
            by_start.setdefault(lowered[:3], []).append((word, lowered))
        else:
            others.append((word, lowered))
    return {start: tuple(words) for start, words in by_start.items()}, tuple(others)


@lru_cache(maxsize=4096)
def _from_word_start(lowered_word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(lowered_word)}")


@lru_cache(maxsize=16384)  # pure, and a coachee's lines are the persona's: they come round again
def _topics_named(lowered: str, topics: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    # The topic words `lowered` names from a word start (where `\bword` finds them), with each lowered.
    by_start, others = _topic_index(topics)
    named: dict[str, str] = {}
    for start in set(_WORD_STARTS.findall(lowered)).intersection(by_start):
        for word, lowered_word in by_start[start]:
            # The plain substring test first: it is many times cheaper, and rules most words out.
            if lowered_word in lowered and _from_word_start(lowered_word).search(lowered):
                named[word] = lowered_word
    for word, lowered_word in others:
        if lowered_word in lowered and _from_word_start(lowered_word).search(lowered):
            named[word] = lowered_word
    return tuple(named.items())


_BEFORE_SPACE = 3  # how many characters before a space the index of spaced topic words keys on


@lru_cache(maxsize=64)
def _spaced(
    topics: tuple[str, ...],
) -> tuple[dict[str, tuple[tuple[str, str, int], ...]], tuple[tuple[str, str, int], ...]]:
    # The topic words holding a space, the only ones that can be named across the space that joins
    # two lines: each (word, lowered, where one of its spaces is) by the _BEFORE_SPACE characters
    # before that space, or among the few with fewer before it. Found once per scenario's topics.
    keyed: dict[str, list[tuple[str, str, int]]] = {}
    short: list[tuple[str, str, int]] = []
    for word in topics:
        lowered = word.lower()
        for at, character in enumerate(lowered):
            if character == " ":
                if at >= _BEFORE_SPACE:
                    keyed.setdefault(lowered[at - _BEFORE_SPACE : at], []).append((word, lowered, at))
                else:
                    short.append((word, lowered, at))
    return {key: tuple(entries) for key, entries in keyed.items()}, tuple(short)


@dataclass(frozen=True)
class _NamedSoFar:
    """The topic words named in a conversation's coachee lines so far, kept for its next moment."""

    topics: tuple[str, ...]
    lines: tuple[str, ...]
    ends: tuple[int, ...]  # where each line ends in the lowered lines joined with spaces
    named: dict[str, str]


_NAMED_SO_FAR: list[_NamedSoFar | None] = [None]
"""The last lines' topic words: the moments of a conversation come in order, each with the
lines of the one before and one or two more, so only the new lines are read."""


def _topics_named_in_lines(
    said: str, lowered: str, lines: tuple[str, ...], topics: tuple[str, ...]
) -> Iterable[tuple[str, str]]:
    # What `_topics_named(lowered, topics)` finds, when `said` is `lines` joined with spaces and
    # `lowered` is `said` lowered (the lowered lines joined: lowering a character depends on
    # nothing beyond a space). A word named within a line is named in the whole (a word start is
    # one in both); a word named across the space between two lines holds a space, and lies
    # within its length of that space. Each line's words are found once (the persona's lines
    # come round again), and the lines of the moment before are not read again.
    if len(lines) < 2 or " ".join(lines) != said:  # never, as `moment` makes them
        return _topics_named(lowered, topics)
    known = _NAMED_SO_FAR[0]
    if known is None or known.topics is not topics or lines[: len(known.lines)] != known.lines:
        known = _NamedSoFar(topics, (), (), {})
    named = dict(known.named)
    ends = list(known.ends)
    for line in lines[len(known.lines) :]:
        lowered_line = line.lower()
        begins = ends[-1] + 1 if ends else 0
        ends.append(begins + len(lowered_line))
        named.update(_topics_named(lowered_line, topics))
        if begins:
            space = begins - 1
            keyed, short = _spaced(topics)
            ending = lowered[space - _BEFORE_SPACE : space] if space >= _BEFORE_SPACE else None
            for word, lowered_word, at in (*keyed.get(ending, ()), *short) if ending else short:
                # Named across that space: the word, one of its own spaces on it, from a word start.
                if (
                    word not in named
                    and at <= space
                    and lowered.startswith(lowered_word, space - at)
                    and _from_word_start(lowered_word).match(lowered, space - at)
                ):
                    named[word] = lowered_word
    _NAMED_SO_FAR[0] = _NamedSoFar(topics, lines, tuple(ends), named)
    return named.items()


def _topic_taken_up(facts: ArcFacts) -> str:
    # A subject of the coachee's life, as they named it: the latest they mentioned, never one they did not.
    for said, lines in (
        (facts.coachee_said, ()),
        (facts.coachee_before, facts.coachee_lines),
    ):
        lowered = said.lower()
        found = [
            (lowered.rfind(lowered_word), word)
            for word, lowered_word in _topics_named_in_lines(said, lowered, lines, facts.topics)
        ]
        if found:
            at, word = max(found)
            match = re.match(r"[\w'-]+", said[at:])
            named = match.group(0) if match else word
            # As a noun phrase of their own: "the reorg", "your depot", "Bev" (a name keeps its capital).
            before = _DETERMINER_BEFORE.search(said[:at])
            determiner = (
                _SWAPPED_DETERMINER.get(before.group(1).lower(), before.group(1).lower()) if before else ""
            )
            named = _first_word_case(named, said + " " + facts.coachee_before, facts.names)
            return f"{determiner} {named}".strip()
    return ""


_DETERMINER_BEFORE = re.compile(r"\b(the|my|our|this|that|his|her|their)\s+$", re.IGNORECASE)
_SWAPPED_DETERMINER = {"my": "your", "our": "your"}


def _told_phrase(told: tuple[tuple[str, str], ...], names: frozenset[str] = frozenset()) -> str:
    # The latest of the vision, values or strengths they told, as a short phrase of their own words.
    for kind in ("vision", "values", "strengths"):
        for told_kind, text in reversed(told):
            if told_kind == kind:
                return mirror(text, text, names)
    return ""


_FIELD = re.compile(r"\{(\w+)\}")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=256)
def _fields(template: str) -> tuple[set[str], frozenset[str]]:
    # A template's fields as written and lowered, found once per template (never changed after).
    needed = set(_FIELD.findall(template))
    return needed, frozenset(name.lower() for name in needed)


def _fill(template: str, value_of: Callable[[str], str]) -> str | None:
    needed, lowered = _fields(template)
    if any(not value_of(name) for name in lowered):
        return None
    filled = template
    for name in needed:
        value = value_of(name.lower())
        if name[:1].isupper() and value:
            value = value[:1].upper() + value[1:]
        filled = filled.replace("{" + name + "}", value)
    return _SPACES.sub(" ", filled).strip()


def _too_close(line: str, others: list[tuple[str, frozenset[str]]], own: frozenset[str]) -> bool:
    # A line is too close to another when, leaving aside the coachee's own words, it or one of its
    # sentences shares many of its words with it (as many as TOO_CLOSE of the words of both).
    parts = [line, *(part for part in _SENTENCE_END.split(line) if part != line)]
    for part in parts:
        ours = _words(part) - own
        plain = part.strip().lower()
        for other_plain, theirs in others:
            if plain == other_plain:
                return True
            if ours and not ours.isdisjoint(theirs):
                shared = len(ours & theirs)
                # |ours | theirs| without building the union: the same integer, so the same ratio.
                if shared / (len(ours) + len(theirs) - shared) >= TOO_CLOSE:
                    return True
    return False


@dataclass(frozen=True)
class _SaidLines:
    """A conversation's trainee lines indexed by their words, to find the ones a line comes close to.

    The same answers as `_too_close(line, _said(lines, own), own)`, without comparing the line with
    every one of them: only lines sharing a word with it can be close, and the index finds those.
    Made once per conversation (the lines are the same at every turn; only `own` changes).
    """

    plain: frozenset[str]
    words: tuple[frozenset[str], ...]
    holding: dict[str, tuple[int, ...]]  # a word -> the lines that have it

    @classmethod
    def of(cls, lines: tuple[str, ...]) -> _SaidLines:
        """The index of the lines."""
        words = tuple(_words(line) for line in lines)
        holding: dict[str, list[int]] = {}
        for number, line_words in enumerate(words):
            for word in line_words:
                holding.setdefault(word, []).append(number)
        plain = frozenset(line.strip().lower() for line in lines)
        return cls(plain, words, {word: tuple(numbers) for word, numbers in holding.items()})

    def too_close(self, line: str, own: frozenset[str]) -> bool:
        """Whether `line` (or one of its sentences) is one of the lines, or shares TOO_CLOSE of their words."""
        for part in [line, *(part for part in _SENTENCE_END.split(line) if part != line)]:
            if part.strip().lower() in self.plain:
                return True
            ours = _words(part) - own
            shared: dict[int, int] = {}
            for word in ours:
                for number in self.holding.get(word, ()):
                    shared[number] = shared.get(number, 0) + 1
            for number, count in shared.items():
                # Theirs is the line's words less the coachee's, which `ours` never holds.
                theirs = len(self.words[number]) - len(self.words[number] & own)
                if count / (len(ours) + theirs - count) >= TOO_CLOSE:
                    return True
        return False


@lru_cache(maxsize=8)
def _said_lines(lines: tuple[str, ...]) -> _SaidLines:
    return _SaidLines.of(lines)


def is_rewording(line: str, trainee_lines: Iterable[str], coachee_words: str = "") -> bool:
    """Whether `line` rewords one of the trainee's lines, leaving aside words the coachee said (TOO_CLOSE)."""
    own = _words(coachee_words)
    return _too_close(line, _said(trainee_lines, own), own)


def _said(lines: Iterable[str], own: frozenset[str]) -> list[tuple[str, frozenset[str]]]:
    return [(line.strip().lower(), _words(line) - own) for line in lines]


QUESTIONS_BEFORE_REFLECTING = 2
"""After this many questions in a row, the next move is to hand back what the coachee answered:
question after question is the question-answer trap (Miller & Rollnick), and MITI looks for at
least one reflection per question."""


def stage_of(facts: ArcFacts) -> str:
    """The name of the arc stage whose move fits this moment."""
    said = _lowered(facts.coachee_said)
    if facts.turns_so_far and _shows(said, "unclear_to_them"):
        return "clarify"  # whatever else holds, a line they could not follow is said again first
    if facts.turns_so_far and _shows(said, "repeated_to_them"):
        return "own_repeat"  # a question asked twice reads as not listening, whatever the coachee's state
    if facts.state is State.DEFENSIVE:
        return "repair"
    if facts.last_move_was_nea:
        return "acknowledge"
    if facts.turns_so_far == 0:
        return "settle" if _shows(said, "worried") else "warm_up"
    if _asks_the_trainee(said):
        return "answer"  # a direct question left unanswered reads as evasion, whatever the arc wants next
    if _thinks_aloud(said):
        return "reflect_first"  # an idea or a doubt voiced aloud is heard before the arc moves on
    if facts.state is not None and facts.state.rank <= State.GUARDED.rank:
        return "build_safety"
    if facts.questions_in_a_row >= QUESTIONS_BEFORE_REFLECTING:
        return "reflect_first"
    not_yet_open = facts.state is not None and facts.state.rank < State.OPEN.rank
    if not _reached(facts, "vision", Focus.VISION):
        if Focus.STRENGTHS not in facts.explored and facts.state in (State.NEUTRAL, None):
            return "strengths"
        if Focus.VISION in facts.explored and not_yet_open:
            return (
                "values"
                if not _reached(facts, "values", Focus.VALUES) and Focus.VALUES not in facts.explored
                else "deepen"
            )
        return "vision"
    if not _reached(facts, "values", Focus.VALUES):
        return "values"
    if Focus.REAL_SELF not in facts.explored and not {"worries", "strengths"} & facts.revealed_kinds:
        return "balance_sheet"
    if not _reached(facts, "next_step", Focus.PLAN):
        return "deepen" if Focus.PLAN in facts.explored and not_yet_open else "learning_agenda"
    return "affirm_and_close"


def _lowered(said: str) -> str:
    """The coachee's words as arc.json's markers are matched against them: lower case, plain apostrophes."""
    return said.lower().replace("\u2019", "'")


def _shows(lowered: str, moment: str) -> bool:
    """Whether the coachee's words (lower case) hold one of arc.json's markers of `moment`."""
    return any(marker in lowered for marker in _data()["moments"][moment])


_TAG_QUESTION = re.compile(
    r",\s*(?:\w+n't\s+(?:i|it|you|we|they|he|she|there)"
    r"|(?:am|is|are|was|were|can|could|will|would|do|does|did|have|has|should)\s+(?:i|it|we|they|he|she|there)"
    r"|you know)\s*\?\s*$"
)
"""A statement with a question tagged on ("..., won't I?", "..., am I?", "..., you know?"): thinking
aloud, not asking. A tag that asks the trainee ("You don't care, do you?") is a question still."""

_PROPOSAL = re.compile(r"^\W*what if\b")
"""A question that puts forward an idea ("What if I chart at the bedside for a week?"): the
coachee's own plan, said aloud, not a question the trainee owes an answer to."""


def _put_to_themselves(sentence: str) -> bool:
    """Whether a sentence that ends in "?" asks the coachee themselves: a tag on a statement or an
    idea of their own (`_TAG_QUESTION`, `_PROPOSAL`)."""
    return _TAG_QUESTION.search(sentence) is not None or _PROPOSAL.match(sentence) is not None


def _thinks_aloud(lowered: str) -> bool:
    """Whether the coachee's last words end a sentence with a question they put to themselves: a
    tag on a statement ("I'm not much use to her from that armchair, am I?") or an idea of their
    own ("What if I chart at the bedside for a week?"). Blind, the arc's next stage after such
    words (a vision question, a small step) passed over what they had just told."""
    return any(
        sentence.rstrip().endswith("?") and _put_to_themselves(sentence)
        for sentence in _SENTENCE_END.split(lowered.strip())
    )


def _asks_the_trainee(lowered: str) -> bool:
    """Whether the coachee's last words put a question to the trainee ("Would you rather I went
    home?", "Can we keep it to the point?"): a sentence that asks and speaks of either of them, or
    of this meeting. A question to themselves ("Two years? Still on Ward 7.") names neither."""
    markers = _data()["moments"]["asks_the_trainee"]
    for sentence in _SENTENCE_END.split(lowered.strip()):
        if sentence.rstrip().endswith("?") and not _put_to_themselves(sentence):
            spoken = f" {' '.join(_WORD.findall(sentence))} "
            if any(f" {marker.strip()} " in spoken for marker in markers):
                return True
    return False


def next_step_on_arc(
    facts: ArcFacts,
    reflects: Callable[[str, str], bool] | None = None,
    feeling_of: Callable[[str], str] | None = None,
) -> Suggestion:
    """The move that fits this moment of the conversation, voiced from the coachee's own words where it can be.

    `reflects(line, coachee_said)`, when given, says whether a line that hands the coachee's words
    back reflects them (the reader's check, which this core module cannot import): a template that
    names a hard feeling is never offered after words that were cheerful. `feeling_of(text)`, when
    given, is the reader's "negative", "positive" or "": a line that voices a hard feeling for the
    coachee ("that's a lot to carry", arc.json's `hard_feeling`) is offered only after words that
    carried one, never after pride, small talk or a practical remark; and right after a hard
    feeling the arc does not move on (to strengths, the vision, a step...) until it is met.
    """
    heard_hard = feeling_of is not None and feeling_of(facts.coachee_said) == "negative"
    name = stage_of(facts)
    if name in _ONWARD and heard_hard:
        name = "build_safety"  # a hard feeling just voiced is met before the arc moves on
    current = stage(name)
    lines = _Lines(facts, current, heard_hard, reflects, feeling_of)
    # The persona's answer to the coachee's question comes first; then its own line for the
    # subject, but after a line that answers what the coachee just said ("No need to apologise",
    # "I came in too hard"); without one, the stage's lines.
    answered = lines.persona_answer()
    if answered is not None:
        return current.suggestion(answered)
    written = lines.persona_line()
    line = lines.template_line() if written is None else lines.template_line(answering_only=True) or written
    return current.suggestion(line or "")


class _Lines:
    """The lines that could voice one stage at one moment, each offered only if it is fresh: not
    one of the trainee's own lines reworded, nor close to one offered before."""

    def __init__(
        self,
        facts: ArcFacts,
        current: Stage,
        heard_hard: bool,
        reflects: Callable[[str, str], bool] | None,
        feeling_of: Callable[[str], str] | None,
    ) -> None:
        self._facts = facts
        self._stage = current
        self._heard_hard = heard_hard
        self._reflects = reflects
        self._feeling_of = feeling_of
        self._said = _lowered(facts.coachee_said)
        self._values = _Values(facts)
        self._own = _words(facts.coachee_said)
        self._trainee = _said_lines(facts.trainee_lines)
        self._offered = _said(facts.used, frozenset()) if facts.used else []

    def _fresh(self, line: str) -> bool:
        return not self._trainee.too_close(line, self._own) and not _too_close(
            line, self._offered, frozenset()
        )

    def persona_answer(self) -> str | None:
        """An answer the persona wrote for the coachee's very question, said as written, whatever the
        stage: a question left unanswered reads as evasion, from a shut-down coachee most of all, and
        an answer to "Say that again?" is the muddle cleared up."""
        return next((line for line in self._facts.persona_lines.get("answer", ()) if self._fresh(line)), None)

    def persona_line(self) -> str | None:
        """The persona's line for the stage's move, said in the stage's frame; none when the coachee
        asked to leave the subject alone ("Leave Tomasz out of it": not a line about Tomasz)."""
        if _shows(self._said, "declines_the_subject"):
            return None
        for written in self._facts.persona_lines.get(PERSONA_MOVE_OF_STAGE.get(self._stage.name, ""), ()):
            if _voices_hard_feeling(written) and not self._heard_hard:
                continue
            line = self._stage.persona_frame.replace("{line}", written)
            if self._fresh(line):
                return line
        return None

    def template_line(self, answering_only: bool = False) -> str | None:
        """The stage's first template that fits (with `answering_only`, of those that answer what was said)."""
        for template in self._stage.templates:
            if (answering_only and not _needs_of(template)) or not _needs_met(template, self._said):
                continue
            line = _fill(template, self._values.get)
            if line is None or not self._fresh(line):
                continue
            if (
                self._reflects is not None
                and "{mirror}" in template
                and not self._reflects(line, self._facts.coachee_said)
            ):
                continue
            if self._feeling_of is not None and _voices_hard_feeling(template) and not self._heard_hard:
                continue
            return line
        return None


PERSONA_MOVE_OF_STAGE = {
    "repair": "reflect",
    "acknowledge": "reflect",
    "build_safety": "reflect",
    "reflect_first": "reflect",
    "deepen": "reflect",
    "strengths": "affirm",
    "values": "values",
    "vision": "vision",
    "learning_agenda": "step",
}
"""The stages a persona's own line may voice, and the move (`CoachLines` field) it is filed under.
Such a line, written for what the coachee just spoke of, comes before the stage's templates, but
after one that answers what the coachee said (`template_needs`: owning a push they named, "no need
to apologise"); the stage's `persona_frame` says it in the stage's move ("Let me step back from
that." before it after a push; a repair says it as written). The stages that answer the moment
itself (settling a worry, answering a question, saying a muddled line again) and the close keep
their own lines. An `answer` written for the
coachee's very line comes before all of it, at any stage (`_Lines.persona_answer`)."""

_ONWARD = frozenset({"strengths", "vision", "values", "balance_sheet", "learning_agenda", "affirm_and_close"})
"""Stages that take the conversation forward: none of them right after the coachee voiced a hard
feeling ("I was scared on that shift", "I'm exhausted"), which is reflected first."""


def _needs_met(template: str, lowered: str) -> bool:
    # arc.json's `template_needs`: a line that answers something ("No need to apologise") only
    # after the coachee's words hold it.
    needs = _needs_of(template)
    return not needs or any(marker in lowered for marker in needs)


@lru_cache(maxsize=256)
def _needs_of(template: str) -> tuple[str, ...]:
    lowered = template.lower()
    return tuple(
        marker
        for phrase, markers in _data()["template_needs"].items()
        if not phrase.startswith("_") and phrase in lowered
        for named in markers
        # "@name": every marker of that moment (several templates answer the same complaint)
        for marker in (_data()["moments"][named[1:]] if named.startswith("@") else (named,))
    )


@lru_cache(maxsize=256)
def _voices_hard_feeling(template: str) -> bool:
    lowered = template.lower()
    return any(phrase in lowered for phrase in _data()["hard_feeling"]["phrases"])


class _Values:
    """What a template's fields are filled with, each worked out the first time a template needs it."""

    def __init__(self, facts: ArcFacts) -> None:
        self._facts = facts
        self._known: dict[str, str] = {}

    def get(self, name: str) -> str:
        """The value of one field ("" for a field the arc does not fill)."""
        if name not in self._known:
            self._known[name] = self._work_out(name)
        return self._known[name]

    def _work_out(self, name: str) -> str:
        facts = self._facts
        if name == "mirror":
            return mirror(facts.coachee_said, facts.coachee_before, facts.names)
        if name == "told":
            return _told_phrase(facts.told, facts.names)
        if name == "topic":
            return _topic_taken_up(facts)
        return ""


def _reached(facts: ArcFacts, kind: str, focus: Focus) -> bool:
    # With a simulated coachee a stage is reached when they reveal it; with a real one
    # (an external transcript, no state) asking about it is all that can be seen.
    if facts.state is None:
        return focus in facts.explored
    return kind in facts.revealed_kinds
