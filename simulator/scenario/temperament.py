"""The coachee's temperament: how openness moves, as numbers or ranges, and one drawn personality.

A scenario's `coachee.temperament` holds the dynamics parameters of COACHING-MODEL.md §4.
Each number may instead be a range `[low, high]`; `Temperament.draw` settles every range
into one `Personality` for a conversation, from that conversation's seed (seed 0, and the
trainer tools, take the middle of each range). The engine reads only the `Personality`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from simulator.scenario.base import NeaKind, StoryKind, Strict
from simulator.vocabulary import Focus, Form


@dataclass(frozen=True)
class Ranged:
    """A temperament parameter's bounds: it may be one number, or a range `[low, high]` within them.

    Used as `Annotated[Number, Ranged(0, 5)]`. A range lets each conversation's seed draw its own
    value (see `Temperament.draw`), so one persona has many believable days; a number is that
    value always. One validator gives one clear message whatever is wrong.
    """

    low: float
    high: float
    above: bool = False  # the value must be strictly above `low`
    integer: bool = False
    optional: bool = False  # null (unset) is allowed too

    def check(self, value: Any) -> float | int:
        """One bound-checked number, or ValueError saying what is allowed."""
        kind = "a whole number" if self.integer else "a number"
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"expected {kind} or a range [low, high], e.g. [1.0, 1.4]")
        if self.integer and value != int(value):
            raise ValueError(f"expected {kind}, got {value}")
        lowest = f"above {self.low:g}" if self.above else f"at least {self.low:g}"
        if value < self.low or (self.above and value == self.low) or value > self.high:
            raise ValueError(f"{value:g} is out of bounds: {lowest} and at most {self.high:g}")
        return int(value) if self.integer else float(value)

    def validate(self, value: Any) -> float | int | tuple[float, float] | tuple[int, int]:
        """A number, or an ordered range `(low, high)` of numbers, each within the bounds."""
        if value is None and self.optional:
            return None  # type: ignore[return-value]
        if isinstance(value, list | tuple):
            if len(value) != 2:
                raise ValueError("a range is two numbers, [low, high], e.g. [1.0, 1.4]")
            low, high = self.check(value[0]), self.check(value[1])
            if low > high:
                raise ValueError(f"a range goes [low, high]: {low:g} is above {high:g}")
            return (low, high)
        return self.check(value)

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(self.validate)

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        number: dict[str, Any] = {"type": "integer" if self.integer else "number", "maximum": self.high}
        number["exclusiveMinimum" if self.above else "minimum"] = self.low
        pair = {"type": "array", "items": number, "minItems": 2, "maxItems": 2}
        return {"anyOf": [number, pair, *([{"type": "null"}] if self.optional else [])]}


Number = float | tuple[float, float]
"""A temperament value: a number, or a range `(low, high)` that each conversation draws from."""

Count = int | tuple[int, int]
"""A whole-number temperament value, or a range of them."""


def _drawn(value: Any, rng: random.Random | None) -> Any:
    # A number stays as it is. A range gives its middle without an rng (the persona's typical
    # self), else a seeded draw, rounded so the transcript header states it exactly.
    if not isinstance(value, tuple):
        return value
    low, high = value
    if isinstance(low, int) and isinstance(high, int):
        return (low + high) // 2 if rng is None else rng.randint(low, high)
    value = (low + high) / 2 if rng is None else rng.uniform(low, high)
    return min(max(round(value, 3), low), high)  # rounding never takes a value out of its range


def _highest(value: Any) -> Any:
    return value[1] if isinstance(value, tuple) else value


Weight = Annotated[Number, Ranged(0, 5)]


class MoveWeights(Strict):
    """How large a step each form of move is, before the persona's temperament scales it."""

    open_question: Weight = 1.0
    closed_question: Weight = 0.5
    simple_reflection: Weight = 0.7
    complex_reflection: Weight = 1.2
    affirmation: Weight = 1.0
    autonomy: Weight = 0.9
    information: Weight = 0.3
    advice_with_permission: Weight = 0.5
    advice: Weight = 1.0
    confront: Weight = 1.5
    structure: Weight = 0.3
    other: Weight = 0.2


@dataclass(frozen=True)
class Personality:
    """One conversation's coachee: the temperament with every range settled to one number.

    `Temperament.draw` makes it from a seed; the engine reads only this, and the transcript
    header records it (`as_record`), so a replay with the same seed meets the same person.
    """

    warm_up: float
    negativity_bias: float
    sensitivity: float
    recovery: float
    repair: float
    vision_boost: float
    deficit_before_vision: float
    deficit_after_vision: float
    drift: float
    drift_after: int
    habituation: float
    leaves_after: int | None
    vision_exchanges: int
    goodwill: float
    goodwill_after: int
    weights: dict[Form, float]
    shuts_down_on: tuple[str, ...] = ()
    open_needs: tuple[Focus, ...] = (Focus.VISION, Focus.VALUES)
    energised_needs: tuple[str, ...] = ("vision",)

    def weight(self, form: Form) -> float:
        """How large a step a move of this form is."""
        return self.weights[form]

    def as_record(self) -> dict[str, Any]:
        """The numbers as a transcript header holds them (the lists of kinds are the scenario's own)."""
        numbers = {name: getattr(self, name) for name in _DRAWN}
        return {**numbers, "weights": {form.value: value for form, value in self.weights.items()}}


class Temperament(Strict):
    """How this coachee's openness moves. Openness is measured in states: 1.0 is one rung.

    Every number may instead be a range `[low, high]`: each conversation's seed then draws
    one value within it (seed 0 takes the middle), so the same persona varies believably.
    """

    warm_up: Annotated[Number, Ranged(0, 20, above=True)] = Field(
        2.0, description="PEA moves of weight 1 it takes to climb one state."
    )
    negativity_bias: Annotated[Number, Ranged(0, 10)] = Field(
        2.0, description="How much harder an NEA move pulls down than a PEA move lifts."
    )
    sensitivity: Annotated[Number, Ranged(0, 5)] = Field(
        1.0, description="Multiplies every NEA loss for this persona."
    )
    recovery: Annotated[Number, Ranged(0, 1, above=True)] = Field(
        0.5, description="Multiplies gains while defensive: recovery is slower than the fall."
    )
    repair: Annotated[Number, Ranged(0, 5)] = Field(
        1.5, description="Extra gain for autonomy and empathy while defensive or guarded."
    )
    vision_boost: Annotated[Number, Ranged(0, 5)] = Field(
        1.5, description="Extra gain for vision and values moves at neutral or above."
    )
    deficit_before_vision: Annotated[Number, Ranged(0, 10)] = Field(
        1.5, description="Multiplies the cost of deficit probes before a vision is established."
    )
    deficit_after_vision: Annotated[Number, Ranged(0, 10)] = Field(
        0.0, description="Multiplies the cost of deficit probes after it (the balance sheet)."
    )
    drift: Annotated[Number, Ranged(0, 3)] = Field(
        0.25,
        description="Openness lost per turn once PEA moves stop; never below guarded while no NEA move the reader was sure of was made.",
    )
    drift_after: Annotated[Count, Ranged(1, 50, integer=True)] = Field(
        2, description="Turns without a PEA move before drift starts."
    )
    habituation: Annotated[Number, Ranged(0, 1)] = Field(
        0.6,
        description="A PEA move of the same form and focus as the one just before lifts this much as far, "
        "and again for each further repeat: the same question asked over and over wears thin.",
    )
    leaves_after: Annotated[Count | None, Ranged(1, 50, integer=True, optional=True)] = Field(
        None,
        description="NEA moves in a row that leave the coachee defensive, after which they end the meeting "
        "with a line from `pools.leaving` (any other move is a pause that does not count). Unset: never.",
    )
    goodwill: Annotated[Number, Ranged(0, 1)] = Field(
        0.5,
        description="How much of an NEA move's cost is forgiven when it follows `goodwill_after` PEA moves "
        "with no NEA move between: rapport built up cushions one slip (0: none, 1: all).",
    )
    goodwill_after: Annotated[Count, Ranged(1, 50, integer=True)] = Field(
        3, description="PEA moves since the last NEA move before goodwill softens the next one."
    )
    vision_exchanges: Annotated[Count, Ranged(1, 20, integer=True)] = Field(
        2,
        description="Vision or values questions, reflections and invitations to say more (autonomy), answered "
        "at neutral or above, after which the vision counts as explored together (the balance sheet), even "
        "before the vision story item.",
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

    def draw(self, rng: random.Random | None = None) -> Personality:
        """This temperament as one person: each range drawn with `rng`, or its middle without one."""
        values = {name: _drawn(getattr(self, name), rng) for name in _DRAWN}
        weights = {form: float(_drawn(getattr(self.weights, form.value), rng)) for form in Form}
        return self._personality(values, weights)

    def highest(self) -> Personality:
        """Every range at its top: what the most extreme draw of each parameter can do (for checks)."""
        values = {name: _highest(getattr(self, name)) for name in _DRAWN}
        weights = {form: float(_highest(getattr(self.weights, form.value))) for form in Form}
        return self._personality(values, weights)

    def is_ranged(self) -> bool:
        """Whether any parameter is a range, so that seeds change the person."""
        return any(isinstance(getattr(self, name), tuple) for name in _DRAWN) or any(
            isinstance(getattr(self.weights, form.value), tuple) for form in Form
        )

    def _personality(self, values: dict[str, Any], weights: dict[Form, float]) -> Personality:
        return Personality(
            **values,
            weights=weights,
            shuts_down_on=tuple(self.shuts_down_on),
            open_needs=tuple(self.open_needs),
            energised_needs=tuple(self.energised_needs),
        )


_DRAWN = (
    "warm_up",
    "negativity_bias",
    "sensitivity",
    "recovery",
    "repair",
    "vision_boost",
    "deficit_before_vision",
    "deficit_after_vision",
    "drift",
    "drift_after",
    "habituation",
    "leaves_after",
    "vision_exchanges",
    "goodwill",
    "goodwill_after",
)
"""The temperament's numbers, in the fixed order a seed draws them (so replays draw alike)."""
