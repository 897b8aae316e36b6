"""Listening: what the coachee hears in a trainee line besides its move.

The reader gives a line's form, focus and attractor. A coachee who listens also notices
what the line is about (the scenario's topics, by their words), whether it is a line heard
before (a near-repeat, compared normalised), and, for a reflection, whether it captured
what the coachee had just said (`simulator.reading.reflection`). `hear` gathers these
into one `Heard` for the session and the reply choice. Pure and cheap: word sets and the
topics' compiled patterns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from enum import StrEnum

from simulator.reading.reflection import content_words, feeling_of, reflection_fit
from simulator.scenario.model import Scenario, Topic
from simulator.vocabulary import QUESTION_FORMS, REFLECTION_FORMS, Focus, Move, State

_NOT_WORDS = re.compile(r"[^a-z0-9']+")
_FILLERS = frozenset(
    {"so", "ok", "okay", "and", "um", "erm", "uh", "right", "well", "yeah", "mm", "hmm", "then"}
)

REPEAT_MIN_WORDS = 3
"""A line of fewer words than this is never a repeat by its wording alone ("ok", "go on")."""

REPEAT_MIN_CONTENT = 2
"""A line with at least this many content words repeats another whose content words are the same."""


class Verdict(StrEnum):
    """What a reflection did with the coachee's last words."""

    LANDED = "landed"  # restated, extended, or named the feeling in them
    MISSED = "missed"  # named a feeling their words contradict ("that sounds hard" after a cheerful line)
    NONE = "none"  # not a reflection, or nothing to say either way


@dataclass(frozen=True)
class LineKey:
    """A trainee line as remembered for noticing repeats: normalised words and content words."""

    words: str
    content: frozenset[str]


def line_key(text: str) -> LineKey:
    """The line lowered, stripped of punctuation and leading or trailing fillers; and its content words."""
    words = _NOT_WORDS.sub(" ", text.lower().replace("\u2019", "'")).split()
    while words and words[0] in _FILLERS:
        words.pop(0)
    while words and words[-1] in _FILLERS:
        words.pop()
    return LineKey(" ".join(words), content_words(text))


def is_near_repeat(key: LineKey, earlier: Sequence[LineKey]) -> bool:
    """Whether a line says again what an earlier line said: the same words, or the same content words."""
    if not key.words:
        return False
    long_enough = len(key.words.split()) >= REPEAT_MIN_WORDS
    content_enough = len(key.content) >= REPEAT_MIN_CONTENT
    for before in earlier:
        if long_enough and key.words == before.words:
            return True
        if content_enough and key.content == before.content:
            return True
    return False


def reflection_verdict(move: Move, text: str, recent: Sequence[str], state: State) -> Verdict:
    """Whether a reflection landed on the coachee's recent lines, missed them, or neither.

    Only a clear contradiction counts as a miss: a reflection naming a feeling opposite to the
    one in the coachee's last line. Sharing no words is not enough, since a good complex
    reflection may use none of them. A guarded or defensive coachee's cheerful words ("I'm
    fine", "Happy now?") are a front, so naming the strain under them is no miss.
    """
    if move.form not in REFLECTION_FORMS or not text:
        return Verdict.NONE
    fit = reflection_fit(text, recent)
    if fit.echo.reflects:
        return Verdict.LANDED
    heard = feeling_of(recent[-1]) if recent else ""
    cheerful_front = heard == "positive" and state.rank < State.NEUTRAL.rank
    if fit.feeling and heard and fit.feeling != heard and not cheerful_front:
        return Verdict.MISSED
    return Verdict.NONE


@dataclass(frozen=True)
class Heard:
    """What the coachee took from one trainee line, for choosing the reply."""

    key: LineKey = LineKey("", frozenset())  # the line as remembered, for noticing repeats later
    topics: tuple[tuple[Topic, int], ...] = ()  # topics the line raised, with how many of their words it used
    follows: str | None = None  # the topic of the coachee's last line, when the trainee is following it
    verdict: Verdict = Verdict.NONE
    repeat: bool = False

    @property
    def words(self) -> frozenset[str]:
        """The line's content words."""
        return self.key.content


_FOLLOW_UP_FOCI = frozenset({Focus.NONE, Focus.FEELINGS, Focus.REAL_SELF})


_WORD_HEAD = re.compile(r"\b\w{1,3}")
_HEAD = re.compile(r"\w{0,3}")


def _topic_heads(topic: Topic) -> frozenset[str] | None:
    # How each of the topic's words begins: its first word characters, at most three, lowered
    # ("teach*" -> "tea", "on call" -> "on"). None when a word is not ASCII: there, matching
    # regardless of case is more than lowering both sides, so the topic's pattern is always tried.
    stems = [word.removesuffix("*").lower() for word in topic.words]
    if not all(stem.isascii() for stem in stems):
        return None
    return frozenset(head for stem in stems if (head := _HEAD.match(stem).group(0)))  # type: ignore[union-attr]


def _line_heads(lowered: str) -> frozenset[str]:
    # How each word of an ASCII line begins: its first one, two and three characters.
    heads = _WORD_HEAD.findall(lowered)
    return frozenset({*heads, *(head[:2] for head in heads), *(head[:1] for head in heads)})


_HEADS: dict[int, tuple[tuple[Topic, ...], tuple[frozenset[str] | None, ...]]] = {}


def _topics_heads(topics: tuple[Topic, ...]) -> tuple[frozenset[str] | None, ...]:
    # Worked out once per scenario, found again by the identity of its (immutable) topics.
    known = _HEADS.get(id(topics))
    if known is None or known[0] is not topics:
        if len(_HEADS) >= 64:
            _HEADS.clear()
        known = _HEADS[id(topics)] = (topics, tuple(_topic_heads(topic) for topic in topics))
    return known[1]


def topics_raised(scenario: Scenario, text: str, events: Set[str]) -> tuple[tuple[Topic, int], ...]:
    """The topics whose words the line uses and whose conditions hold, most words first."""
    if not text or not scenario.topics:
        return ()
    # A topic's words match only where a word of the line starts as one of them does: a topic
    # none of whose beginnings the (ASCII) line has is never tried. Any other line tries them all.
    line_heads = _line_heads(text.lower()) if text.isascii() else None
    found = [
        (topic, hits)
        for topic, heads in zip(scenario.topics, _topics_heads(scenario.topics), strict=True)
        if (line_heads is None or heads is None or not heads.isdisjoint(line_heads))
        and (hits := topic.hits(text))
        and topic.allowed(events)
    ]
    return tuple(sorted(found, key=lambda pair: -pair[1]))


def hear(
    scenario: Scenario,
    move: Move,
    text: str,
    recent: Sequence[str],
    last_topic: str | None,
    earlier: Sequence[LineKey],
    events: Set[str],
    state: State,
) -> Heard:
    """What the coachee hears in `text`: topics, whether it follows their last topic, a verdict, a repeat."""
    key = line_key(text)
    verdict = reflection_verdict(move, text, recent, state)
    follows = None
    if last_topic is not None:
        # Following the coachee's last subject: a reflection that landed on it, or an open
        # follow-up that names nothing else ("How so?", "Say more about that").
        follow_up = move.form in QUESTION_FORMS and move.focus in _FOLLOW_UP_FOCI
        if verdict is Verdict.LANDED or follow_up:
            follows = last_topic
    return Heard(
        key=key,
        topics=topics_raised(scenario, text, events),
        follows=follows,
        verdict=verdict,
        repeat=is_near_repeat(key, earlier),
    )
