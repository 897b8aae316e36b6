"""The scenario model: one trainer-written coachee, validated by a single schema.

These pydantic models are the one source of truth for what a scenario file may hold.
`simulator.scenario.loading` turns YAML into these models and maps every validation error
back to a file, line and column; nothing here does I/O.

Every dynamics parameter has a documented default (COACHING-MODEL.md §4); the defaults
are design choices, so a persona may override any of them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    create_model,
    model_validator,
)

from simulator.scenario.rubric import DEFAULT_RUBRIC, Rubric
from simulator.vocabulary import Band, Focus, Form, PhraseLists, State

Identifier = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Text = Annotated[str, Field(min_length=1, max_length=4000)]
StoryKind = Literal["vision", "values", "strengths", "worries", "next_step"]
NeaKind = Literal["confront", "advice", "compliance_check"]
BandName = Annotated[Band, WithJsonSchema({"enum": [band.value for band in Band], "type": "string"})]
"""A band as scenario files name it; the schema lists the names in place, as it always has."""

REPLY_KEYS = ("default", *(f.value for f in Form), *(f.value for f in Focus))
"""A state's replies are keyed by a move form, a focus or `default` (looked up in that order)."""


class Strict(BaseModel):
    """Base for every scenario record: unknown keys are errors, records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Line(Strict):
    """One thing the coachee says, with the nonverbal cue the trainee sees beside it."""

    text: Text
    cue: str = Field("", max_length=200, description="Short nonverbal cue, e.g. 'arms folded'.")


class MoveWeights(Strict):
    """How large a step each form of move is, before the persona's temperament scales it."""

    open_question: float = Field(1.0, ge=0, le=5)
    closed_question: float = Field(0.5, ge=0, le=5)
    simple_reflection: float = Field(0.7, ge=0, le=5)
    complex_reflection: float = Field(1.2, ge=0, le=5)
    affirmation: float = Field(1.0, ge=0, le=5)
    autonomy: float = Field(0.9, ge=0, le=5)
    information: float = Field(0.3, ge=0, le=5)
    advice_with_permission: float = Field(0.5, ge=0, le=5)
    advice: float = Field(1.0, ge=0, le=5)
    confront: float = Field(1.5, ge=0, le=5)
    structure: float = Field(0.3, ge=0, le=5)
    other: float = Field(0.2, ge=0, le=5)

    def of(self, form: Form) -> float:
        """The weight of one form."""
        return float(getattr(self, form.value))


class Temperament(Strict):
    """How this coachee's openness moves. Openness is measured in states: 1.0 is one rung."""

    warm_up: float = Field(2.0, gt=0, le=20, description="PEA moves of weight 1 it takes to climb one state.")
    negativity_bias: float = Field(
        2.0, ge=0, le=10, description="How much harder an NEA move pulls down than a PEA move lifts."
    )
    sensitivity: float = Field(1.0, ge=0, le=5, description="Multiplies every NEA loss for this persona.")
    recovery: float = Field(
        0.5, gt=0, le=1, description="Multiplies gains while defensive: recovery is slower than the fall."
    )
    repair: float = Field(
        1.5, ge=0, le=5, description="Extra gain for autonomy and empathy while defensive or guarded."
    )
    vision_boost: float = Field(
        1.5, ge=0, le=5, description="Extra gain for vision and values moves at neutral or above."
    )
    deficit_before_vision: float = Field(
        1.5, ge=0, le=10, description="Multiplies the cost of deficit probes before a vision is established."
    )
    deficit_after_vision: float = Field(
        0.0, ge=0, le=10, description="Multiplies the cost of deficit probes after it (the balance sheet)."
    )
    drift: float = Field(0.25, ge=0, le=3, description="Openness lost per turn once PEA moves stop.")
    drift_after: int = Field(2, ge=1, le=50, description="Turns without a PEA move before drift starts.")
    habituation: float = Field(
        0.6,
        ge=0,
        le=1,
        description="A PEA move of the same form and focus as the one just before lifts this much as far, "
        "and again for each further repeat: the same question asked over and over wears thin.",
    )
    shuts_down_on: tuple[NeaKind, ...] = Field(
        (), description="NEA moves that drop this persona straight to defensive."
    )
    open_needs: tuple[Focus, ...] = Field(
        (Focus.VISION, Focus.VALUES),
        description="Reaching open needs at least one PEA move on one of these foci.",
    )
    energised_needs: tuple[StoryKind, ...] = Field(
        ("vision",), description="Reaching energised needs story items of these kinds revealed."
    )
    weights: MoveWeights = MoveWeights()


@lru_cache(maxsize=512)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word.lower()) for word in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


class HotButton(Strict):
    """Words that hit a nerve, whatever move carries them."""

    id: Identifier
    words: tuple[Annotated[str, Field(min_length=1, max_length=80)], ...] = Field(min_length=1)
    effect: Literal["drop", "shutdown"] = "drop"
    fires_on: Literal["any", "nea"] = Field(
        "any", description="'nea': only when the move carrying the words invokes the negative attractor."
    )
    drop: float = Field(1.0, ge=0, le=6, description="States lost when the effect is drop.")
    reply: Line = Field(description="What the coachee says the first time the button is hit.")
    more_replies: tuple[Line, ...] = Field((), description="Said, in order, when it is hit again.")

    @property
    def replies(self) -> tuple[Line, ...]:
        """Every reply to this button, first hit first."""
        return (self.reply, *self.more_replies)

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
    text: Text
    cue: str = Field("", max_length=200)


class Persona(Strict):
    """Who the coachee is and how they react."""

    name: Annotated[str, Field(min_length=1, max_length=80)]
    role: Annotated[str, Field(min_length=1, max_length=200)]
    background: Text
    starting_state: State = State.GUARDED
    temperament: Temperament = Temperament()
    hot_buttons: tuple[HotButton, ...] = ()


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


Lines = tuple[Line, ...]


def _replies_model() -> type[BaseModel]:
    # One optional field per form and focus, so an unknown key is reported where it stands
    # and an editor can complete the keys from the JSON Schema.
    optional: dict[str, Any] = {key: (Lines, ()) for key in REPLY_KEYS if key != "default"}
    return create_model(
        "StateReplies",
        __base__=Strict,
        __doc__="A state's replies, keyed by a move form or focus; `default` when none fits.",
        default=(Annotated[Lines, Field(min_length=1)], ...),
        **optional,
    )


StateReplies = _replies_model()


def replies_for(state_replies: BaseModel, key: str) -> Lines:
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
    opening: Line = Field(description="What the coachee says or does as the conversation opens.")
    coachee: Persona
    story: tuple[StoryItem, ...] = Field(min_length=1)
    replies: Replies
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
