"""What the coachee can say: replies with conditions, topics it knows, and pools for moments.

Three kinds of reply list, all made of `Reply` (a line with an optional id, conditions and
facts it reveals):

- `replies:` for each of the six states, filed under a move form, a focus or `default`;
- `topics:` the subjects the coachee knows and cares about, each raised by its own words,
  with replies per band of openness (`closed`, `middle`, `open`, or `any`);
- `pools:` replies for particular moments, also per band: `confirm` (a reflection that
  landed), `correct` (one that missed), `unclear` (a line the coachee cannot make out),
  `repeat` (a line heard before) and `leaving` (the coachee ends the meeting).

A reply, a topic or a story item may name events in `requires:` (all must have happened)
and `unless:` (none may have). The names are the condition vocabulary: story item ids,
topic ids, hot button ids, reply ids, facts a reply `reveals:`, and the built-in `Event`s.
`simulator.scenario.check` refuses a name that is none of these; the engine never says a
reply whose conditions do not hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field, create_model

from simulator.scenario.base import CoachLines, Identifier, Line, Strict
from simulator.vocabulary import Focus, Form, State


class Event(StrEnum):
    """The built-in events a condition may name, besides the scenario's own ids and facts."""

    VISION_ESTABLISHED = "vision_established"
    PLAN_AGREED = "plan_agreed"
    WAS_DEFENSIVE = "was_defensive"
    NEA_HEARD = "nea_heard"
    FELT_HEARD = "felt_heard"

    @property
    def meaning(self) -> str:
        """When the event has happened, in plain words."""
        return EVENT_MEANINGS[self]


EVENT_MEANINGS: dict[Event, str] = {
    Event.VISION_ESTABLISHED: "the coachee has told their vision, or explored it with the trainee "
    "(temperament `vision_exchanges`)",
    Event.PLAN_AGREED: "the coachee has chosen a next step of their own (a `next_step` story item told)",
    Event.WAS_DEFENSIVE: "the coachee has been defensive at some point in this conversation",
    Event.NEA_HEARD: "the trainee has said something that invokes the negative attractor",
    Event.FELT_HEARD: "the trainee has reflected back accurately something the coachee said",
}


EventName = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64, description="An event: see the condition vocabulary."
    ),
]

Requires = Annotated[
    tuple[EventName, ...],
    Field(
        description="Events that must all have happened (story, topic, hot button or reply ids, facts, built-ins)."
    ),
]
Unless = Annotated[tuple[EventName, ...], Field(description="Events none of which may have happened.")]


def conditions_hold(requires: tuple[str, ...], unless: tuple[str, ...], events: Set[str]) -> bool:
    """Whether every required event has happened and no excluded one has."""
    if not requires and not unless:
        return True  # most replies have no conditions: answered without a loop, every turn
    return all(name in events for name in requires) and not any(name in events for name in unless)


class Reply(Line):
    """A line the coachee may say, when its conditions hold; saying it may reveal facts."""

    id: Identifier | None = Field(None, description="A name for this reply, so others may require it.")
    requires: Requires = ()
    unless: Unless = ()
    reveals: tuple[Identifier, ...] = Field(
        (), description="Facts this reply tells; later replies may require them (a callback)."
    )
    coach_lines: CoachLines = Field(
        CoachLines(),
        description="What a skilled manager might say right after this reply (before its topic's lines).",
    )

    def allowed(self, events: Set[str]) -> bool:
        """Whether this reply may be said, given what has happened."""
        return conditions_hold(self.requires, self.unless, events)


ReplyList = tuple[Reply, ...]


class ReplyBand(StrEnum):
    """A band of openness: topic and pool replies are written per band, not per state."""

    CLOSED = "closed"
    MIDDLE = "middle"
    OPEN = "open"


BAND_OF_STATE: dict[State, ReplyBand] = {
    State.DEFENSIVE: ReplyBand.CLOSED,
    State.GUARDED: ReplyBand.CLOSED,
    State.NEUTRAL: ReplyBand.MIDDLE,
    State.REFLECTIVE: ReplyBand.MIDDLE,
    State.OPEN: ReplyBand.OPEN,
    State.ENERGISED: ReplyBand.OPEN,
}
"""Which band each state speaks from."""


class BandReplies(Strict):
    """Replies per band of openness; `any` replies may be said at every band."""

    closed: ReplyList = Field((), description="Said while defensive or guarded.")
    middle: ReplyList = Field((), description="Said while neutral or reflective.")
    open: ReplyList = Field((), description="Said while open or energised.")
    any: ReplyList = Field((), description="Said at any openness.")

    def for_state(self, state: State) -> ReplyList:
        """The replies a coachee in `state` may say: its band's, then the `any` ones."""
        return (*getattr(self, BAND_OF_STATE[state].value), *self.any)

    def is_empty(self) -> bool:
        """Whether there is no reply at all."""
        return not (self.closed or self.middle or self.open or self.any)

    def keyed(self) -> Iterator[tuple[str, int, Reply]]:
        """Every reply with its band key and index, for checks that point at one."""
        for key in ("closed", "middle", "open", "any"):
            for index, reply in enumerate(getattr(self, key)):
                yield key, index, reply


def _topic_word(word: str) -> str:
    body = word.removesuffix("*")
    if not body[:1].isalnum() or not word.isprintable() or "*" in body:
        raise ValueError(
            "a topic word starts with a letter or digit, stays on one line, and may end with '*' "
            "for any ending, e.g. 'teach*'"
        )
    return word


TopicWord = Annotated[str, Field(min_length=1, max_length=80), AfterValidator(_topic_word)]


@lru_cache(maxsize=1024)
def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A case-insensitive whole-word pattern for `words`; a word ending in `*` matches any ending."""
    alternatives = "|".join(
        re.escape(word[:-1].lower()) + r"\w*" if word.endswith("*") else re.escape(word.lower())
        for word in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


class Topic(Strict):
    """A subject the coachee knows and cares about: the words that raise it, and what they say about it."""

    id: Identifier
    words: tuple[TopicWord, ...] = Field(
        min_length=1,
        description="Words or phrases that raise the topic (whole words; 'teach*' for any ending).",
    )
    requires: Requires = ()
    unless: Unless = ()
    replies: BandReplies = Field(description="What the coachee says about it, per band of openness.")
    coach_lines: CoachLines = Field(
        CoachLines(), description="What a skilled manager might say right after the coachee spoke of it."
    )

    def allowed(self, events: Set[str]) -> bool:
        """Whether the topic may be taken up, given what has happened."""
        return conditions_hold(self.requires, self.unless, events)

    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern of this topic's words."""
        return words_pattern(self.words)

    def hits(self, text: str) -> int:
        """How many different words of this topic the text contains."""
        return len({match.group(0).lower() for match in self.pattern().finditer(text)})


_NAMED: dict[int, tuple[tuple[Topic, ...], dict[str, frozenset[str]]]] = {}


def topics_named(topics: tuple[Topic, ...], text: str) -> frozenset[str]:
    """The ids of the topics whose words `text` uses, whatever their conditions: what a line is about.

    Remembered per line for each scenario's topics: a persona's lines come round again and again.
    """
    known = _NAMED.get(id(topics))
    if known is None or known[0] is not topics:
        if len(_NAMED) >= 64:
            _NAMED.clear()
        known = _NAMED[id(topics)] = (topics, {})
    by_text = known[1]
    named = by_text.get(text)
    if named is None:
        if len(by_text) >= 4096:
            by_text.clear()
        named = by_text[text] = frozenset(topic.id for topic in topics if topic.pattern().search(text))
    return named


class PoolName(StrEnum):
    """The pools a scenario may fill."""

    CONFIRM = "confirm"
    CORRECT = "correct"
    UNCLEAR = "unclear"
    REPEAT = "repeat"
    AGENDA = "agenda"
    APOLOGY = "apology"
    OFFER = "offer"
    WELCOME = "welcome"
    PARTING = "parting"
    SCALE = "scale"
    LEAVING = "leaving"


class Pools(Strict):
    """Replies for particular moments of a conversation, per band of openness."""

    confirm: BandReplies = Field(
        BandReplies(), description="An accurate reflection: confirm it and go a step further."
    )
    correct: BandReplies = Field(
        BandReplies(), description="A reflection that missed (e.g. 'that sounds hard' after a cheerful line)."
    )
    unclear: BandReplies = Field(
        BandReplies(), description="A line the coachee cannot make out: ask what was meant."
    )
    repeat: BandReplies = Field(BandReplies(), description="A line the trainee has said before.")
    agenda: BandReplies = Field(
        BandReplies(),
        description="The trainee hands over the agenda ('What would you like to get out of today?'): answer it.",
    )
    apology: BandReplies = Field(
        BandReplies(),
        description="The trainee owns a bad start and apologises ('I started that badly, I'm sorry'): answer it.",
    )
    offer: BandReplies = Field(
        BandReplies(),
        description="The trainee offers help ('What do you need from me?'): take it up, or not.",
    )
    welcome: BandReplies = Field(
        BandReplies(),
        description=(
            "The trainee offers a drink ('Cup of tea?', 'Kettle's just boiled, help yourself'): accept or decline it, "
            "in words that fit whatever drink it was."
        ),
    )
    parting: BandReplies = Field(
        BandReplies(),
        description="The trainee wraps the meeting up (thanks, goodbye, when to meet again): answer it.",
    )
    scale: BandReplies = Field(
        BandReplies(),
        description=(
            "The trainee asks a scaling question ('On a scale of one to ten, how confident are you?'): "
            "a number, and a few words on why."
        ),
    )
    leaving: BandReplies = Field(
        BandReplies(),
        description="The coachee ends the meeting (temperament `leaves_after`, a hot button that `ends`).",
    )

    def named(self, pool: PoolName) -> BandReplies:
        """One pool by name."""
        return getattr(self, pool.value)  # type: ignore[no-any-return]


REPLY_KEYS = ("default", *(f.value for f in Form), *(f.value for f in Focus))
"""A state's replies are keyed by a move form, a focus or `default`."""


def _replies_model() -> type[BaseModel]:
    # One optional field per form and focus, so an unknown key is reported where it stands
    # and an editor can complete the keys from the JSON Schema.
    optional: dict[str, Any] = {key: (ReplyList, ()) for key in REPLY_KEYS if key != "default"}
    return create_model(
        "StateReplies",
        __base__=Strict,
        __doc__="A state's replies, keyed by a move form or focus; `default` when none fits.",
        default=(Annotated[ReplyList, Field(min_length=1)], ...),
        **optional,
    )


StateReplies = _replies_model()


def replies_for(state_replies: BaseModel, key: str) -> ReplyList:
    """The replies filed under a form, focus or `default` key; empty when there are none."""
    return tuple(getattr(state_replies, key, ()))


class Replies(Strict):
    """Replies for each of the six states; every state needs at least its defaults."""

    defensive: StateReplies  # type: ignore[valid-type]
    guarded: StateReplies  # type: ignore[valid-type]
    neutral: StateReplies  # type: ignore[valid-type]
    reflective: StateReplies  # type: ignore[valid-type]
    open: StateReplies  # type: ignore[valid-type]
    energised: StateReplies  # type: ignore[valid-type]

    def of(self, state: State) -> BaseModel:
        """The replies for one state."""
        return getattr(self, state.value)  # type: ignore[no-any-return]

    def keyed(self) -> Iterator[tuple[State, str, int, Reply]]:
        """Every state reply with its state, key and index, for checks that point at one."""
        for state in State:
            state_replies = self.of(state)
            for key in REPLY_KEYS:
                for index, reply in enumerate(replies_for(state_replies, key)):
                    yield state, key, index, reply
