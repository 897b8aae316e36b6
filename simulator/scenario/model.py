"""The scenario model: one trainer-written coachee, validated by a single schema.

These pydantic models are the one source of truth for what a scenario file may hold.
`simulator.scenario.loading` turns YAML into these models and maps every validation error
back to a file, line and column; nothing here does I/O.

Every dynamics parameter has a documented default (COACHING-MODEL.md §4); the defaults
are design choices, so a persona may override any of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, WithJsonSchema, model_validator

from simulator.scenario.base import CoachLines, Identifier, Line, NeaKind, Opening, StoryKind, Strict, Text
from simulator.scenario.replies import (
    BAND_OF_STATE,
    REPLY_KEYS,
    BandReplies,
    Event,
    PoolName,
    Pools,
    Replies,
    Reply,
    ReplyBand,
    StateReplies,
    Topic,
    conditions_hold,
    replies_for,
)
from simulator.scenario.rubric import DEFAULT_RUBRIC, Rubric
from simulator.scenario.temperament import MoveWeights, Personality, Ranged, Temperament
from simulator.vocabulary import Band, Focus, PhraseLists, State

MAX_HOT_BUTTONS = 40
"""Hot buttons a persona may have: a real one has a handful, and every turn and check weighs them all."""

MAX_HOT_BUTTON_WORDS = 50
"""Words one hot button may list."""

MAX_STORY_ITEMS = 100
"""Story items a scenario may hold: the checks of what can be revealed compare them with each other."""

__all__ = [
    "BAND_OF_STATE",
    "PHRASE_KINDS",
    "REPLY_KEYS",
    "BandReplies",
    "Event",
    "Expectation",
    "Goal",
    "HotButton",
    "Identifier",
    "Line",
    "MoveWeights",
    "NeaKind",
    "Persona",
    "Personality",
    "Phrases",
    "PoolName",
    "Pools",
    "Ranged",
    "Replies",
    "Reply",
    "ReplyBand",
    "Scenario",
    "StateReplies",
    "StoryItem",
    "StoryKind",
    "Strict",
    "Temperament",
    "TestConversation",
    "Text",
    "Topic",
    "conditions_hold",
    "replies_for",
]

BandName = Annotated[Band, WithJsonSchema({"enum": [band.value for band in Band], "type": "string"})]
"""A band as scenario files name it; the schema lists the names in place, as it always has."""


@lru_cache(maxsize=512)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # Hot button words are literal: unlike topic words, a '*' in them is just a character.
    alternatives = "|".join(re.escape(word.lower()) for word in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


class HotButton(Strict):
    """Words that hit a nerve, whatever move carries them."""

    id: Identifier
    words: tuple[Annotated[str, Field(min_length=1, max_length=80)], ...] = Field(
        min_length=1, max_length=MAX_HOT_BUTTON_WORDS
    )
    effect: Literal["drop", "shutdown"] = "drop"
    fires_on: Literal["any", "nea"] = Field(
        "any", description="'nea': only when the move carrying the words invokes the negative attractor."
    )
    drop: float = Field(1.0, ge=0, le=6, description="States lost when the effect is drop.")
    ends: bool = Field(
        False,
        description="A shutdown that ends the meeting: the coachee leaves with a line from `pools.leaving`.",
    )
    reply: Line = Field(description="What the coachee says the first time the button is hit.")
    first_replies: tuple[Line, ...] = Field(
        (),
        description=(
            "Other first reactions, said instead of `reply` the first time: the line that hits the button "
            "picks one, so the same nerve is not struck in the same words in every meeting."
        ),
    )
    more_replies: tuple[Line, ...] = Field((), description="Said, in order, when it is hit again.")
    coach_lines: CoachLines = Field(
        CoachLines(), description="What a skilled manager might say right after the coachee's reaction to it."
    )

    @model_validator(mode="after")
    def _only_a_shutdown_ends(self) -> HotButton:
        if self.ends and self.effect != "shutdown":
            raise ValueError("only a hot button with 'effect: shutdown' can end the meeting ('ends: true')")
        return self

    @property
    def replies(self) -> tuple[Line, ...]:
        """Every reply to this button, first reactions first."""
        return (self.reply, *self.first_replies, *self.more_replies)

    @property
    def first_reactions(self) -> tuple[Line, ...]:
        """What the coachee may say the first time the button is hit."""
        return (self.reply, *self.first_replies)

    def pattern(self) -> re.Pattern[str]:
        """A case-insensitive whole-word pattern for all of this button's words."""
        return _words_pattern(self.words)


class StoryItem(Strict):
    """Something the coachee reveals once open enough and asked about the right focus."""

    id: Identifier
    kind: StoryKind
    needs: State = Field(State.OPEN, description="The state the coachee must be in, at least.")
    unlocked_by: tuple[Focus, ...] = Field(min_length=1, description="Foci of moves that draw it out.")
    after: tuple[Identifier, ...] = Field(
        (), description="Story items that must be revealed before this one."
    )
    requires: tuple[Identifier, ...] = Field(
        (), description="Events that must have happened first (see the condition vocabulary)."
    )
    unless: tuple[Identifier, ...] = Field((), description="Events that keep it untold.")
    text: Text
    cue: str = Field("", max_length=200)
    tellings: tuple[Line, ...] = Field(
        (),
        description=(
            "Other ways the coachee tells the same thing: the same facts in other words. The line that "
            "draws the item out picks one of `text` and these, so a story told in every meeting is not "
            "told word for word."
        ),
    )
    coach_lines: CoachLines = Field(
        CoachLines(), description="What a skilled manager might say right after the coachee told it."
    )

    @property
    def all_tellings(self) -> tuple[Line, ...]:
        """Every way the item may be told, `text` first."""
        return (Line(text=self.text, cue=self.cue), *self.tellings)

    def allowed(self, events: set[str] | frozenset[str]) -> bool:
        """Whether its `after`, `requires` and `unless` let it be told, given what has happened."""
        return all(item in events for item in self.after) and conditions_hold(
            self.requires, self.unless, events
        )


class Persona(Strict):
    """Who the coachee is and how they react."""

    name: Annotated[str, Field(min_length=1, max_length=80)]
    role: Annotated[str, Field(min_length=1, max_length=200)]
    background: Text
    starting_state: State = State.GUARDED
    temperament: Temperament = Temperament()
    hot_buttons: tuple[HotButton, ...] = Field((), max_length=MAX_HOT_BUTTONS)
    coach_lines: CoachLines = Field(
        CoachLines(),
        description="What a skilled manager might say once this coachee has shut down (after a defensive reply).",
    )


class Goal(Strict):
    """One thing the trainee is asked to achieve, checkable from a transcript."""

    text: Text
    reveal: Identifier | None = Field(None, description="A story item id that must be revealed.")
    reach: State | None = Field(None, description="A state the coachee must reach at least once.")

    @model_validator(mode="after")
    def _has_exactly_one_check(self) -> Goal:
        if (self.reveal is None) == (self.reach is None):
            raise ValueError("a goal needs exactly one of 'reveal' or 'reach'")
        return self


class Expectation(Strict):
    """What a test conversation must end with."""

    final_at_least: State | None = None
    final_at_most: State | None = None
    peak_at_least: State | None = None
    peak_at_most: State | None = None
    reveals: tuple[Identifier, ...] = ()
    never_reveals: tuple[Identifier, ...] = ()
    band: BandName | None = Field(
        None, title="Band", description="The band the scorecard must give the conversation."
    )


class TestConversation(Strict):
    """A trainer-written conversation replayed as a test of the persona."""

    __test__ = False  # not a pytest test class, despite the name

    name: Annotated[str, Field(min_length=1, max_length=120)]
    style: Literal["compassion", "compliance", "mixed"]
    seed: int = 0
    lines: tuple[Annotated[str, Field(max_length=4000)], ...] = Field(min_length=1)
    expect: Expectation


def _plain_phrase(phrase: str) -> str:
    if not phrase[:1].isalnum() or not phrase.isprintable():
        raise ValueError("a phrase starts with a letter or digit and stays on one line, e.g. 'RAG status'")
    return phrase


# A trainer's phrase: words, starting with a letter or digit. Matched whole-word and without
# regard to case; punctuation inside is kept, but dictated lines carry none, so words work best.
Phrase = Annotated[str, Field(min_length=1, max_length=80), AfterValidator(_plain_phrase)]
PhraseList = Annotated[tuple[Phrase, ...], Field(max_length=200)]
PHRASE_KINDS = ("vision", "values", "strengths", "feelings", "real_self", "deficit", "plan", "nea")
"""The lists of `Phrases`, in the order the reader weighs them: a focus name, then `nea`."""


class Phrases(Strict):
    """Organisation-specific words for the reader of trainee lines: local jargon and hot words.

    A phrase in a focus list settles the line's focus as strongly as the built-in cues
    ("our Magnet journey" -> vision). A phrase in `nea` marks a compliance or deficit move:
    a question about it is a compliance check (NEA before the vision, the balance sheet
    after), and elsewhere it counts as a strong deficit cue.
    """

    vision: PhraseList = Field((), description="Words for where the coachee wants to get to.")
    values: PhraseList = Field((), description="Words for what matters to them, e.g. the local values.")
    strengths: PhraseList = Field((), description="Words for what they do well.")
    feelings: PhraseList = Field((), description="Words for how they feel.")
    real_self: PhraseList = Field((), description="Words for where things stand now.")
    deficit: PhraseList = Field((), description="Words for problems, errors and what was not done.")
    plan: PhraseList = Field((), description="Words for next steps and experiments.")
    nea: PhraseList = Field(
        (), description="Local words that make a line a compliance or deficit move, e.g. 'Datix', 'audit'."
    )

    def as_lists(self) -> PhraseLists | None:
        """The non-empty lists as (kind, phrases) pairs, the form `Context.phrases` carries; None if all are empty."""
        lists = tuple((kind, tuple(getattr(self, kind))) for kind in PHRASE_KINDS if getattr(self, kind))
        return lists or None


class Scenario(Strict):
    """A complete practice scenario: the persona, the story, the replies, the goals and tests."""

    id: Identifier
    title: Annotated[str, Field(min_length=1, max_length=120)]
    summary: Text
    situation: Text = Field(description="What the trainee is told before the conversation starts.")
    opening: Opening = Field(description="What the coachee says or does as the conversation opens.")
    coachee: Persona
    story: tuple[StoryItem, ...] = Field(min_length=1, max_length=MAX_STORY_ITEMS)
    replies: Replies
    topics: tuple[Topic, ...] = Field(
        (), description="Subjects the coachee knows and cares about, raised by the trainee's words."
    )
    pools: Pools = Field(
        Pools(), description="Replies for moments: confirm, correct, unclear, repeat, leaving."
    )
    repeat_openers: tuple[Annotated[str, Field(min_length=1, max_length=80)], ...] = Field(
        ("Like I said, ", "As I say, ", "I mean, ", "Honestly, ", "Look, ", "Well, "),
        description="Put before a reply when every fitting reply has been used, so no line repeats.",
    )
    closing: Line = Field(description="What the coachee says when the turn limit is reached.")
    goals: tuple[Goal, ...] = ()
    turn_limit: int = Field(30, ge=1, le=200)
    rubric: Rubric = Field(DEFAULT_RUBRIC, description="Scoring thresholds and weights for this scenario.")
    tests: tuple[TestConversation, ...] = ()
    phrases: Phrases = Field(
        Phrases(), description="Organisation-specific words the reader of trainee lines should know."
    )

    def story_item(self, item_id: str) -> StoryItem:
        """The story item with this id."""
        return next(item for item in self.story if item.id == item_id)

    def topic(self, topic_id: str) -> Topic:
        """The topic with this id."""
        return next(topic for topic in self.topics if topic.id == topic_id)

    def every_reply(self) -> Iterator[Reply]:
        """Every reply the coachee may say, in file order: the states', the topics', the pools'
        (hot buttons' lines, the opening and the closing are lines, not replies)."""
        yield from (reply for _, _, _, reply in self.replies.keyed())
        yield from (reply for topic in self.topics for _, _, reply in topic.replies.keyed())
        yield from (reply for pool in PoolName for _, _, reply in self.pools.named(pool).keyed())
