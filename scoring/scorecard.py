"""The scorecard: measures, an overall score from 0 to 100, a band, per-turn feedback and next steps.

`overall` is the weighted mean of the measures that apply to the conversation (a
measure that cannot be computed is left out, never counted as zero), scaled to 0..100.
The band reads `overall` against the rubric's two marks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from scoring.facts import ConversationFacts, facts_from_practice
from scoring.feedback import TurnFeedback, per_turn_feedback
from scoring.measures import Measure, Rating, all_measures
from simulator.records import Turn
from simulator.scenario.model import Scenario
from simulator.scenario.rubric import DEFAULT_RUBRIC, Rubric
from simulator.vocabulary import Band, MeasureKey

TIPS: dict[MeasureKey, str] = {
    MeasureKey.PEA_NEA_RATIO: "Lead with the positive attractor: ask about their hopes, strengths and values before problems.",
    MeasureKey.ICT_ORDER: 'Start from the desired future: "If things were going really well a year from now, what would you be doing?"',
    MeasureKey.REFLECTIONS_TO_QUESTIONS: "Reflect back what you heard before asking the next question.",
    MeasureKey.COMPLEX_REFLECTION_SHARE: 'Add meaning to your reflections: name the feeling, or both sides ("Part of you..., and part of you...").',
    MeasureKey.MI_ADHERENT: "Affirm a specific strength, and say out loud that the choice is theirs.",
    MeasureKey.MI_NON_ADHERENT: "Hold back the advice and the correction; ask permission before offering an idea.",
    MeasureKey.COACHEE_TRAJECTORY: "Repair before you push on: when the coachee closes, reflect the feeling and hand back control.",
    MeasureKey.STORY_REVEALED: "Earn the story: once the coachee is open, ask about their vision, values and a step of their own.",
    MeasureKey.GOALS_MET: "Check the scenario's goals before you start, and steer the arc toward them.",
    MeasureKey.CHANGE_TALK: "Draw out change talk: ask why it matters to them and what they could do, and reflect it back.",
}


@dataclass(frozen=True)
class Scorecard:
    """How compassion-led one conversation was, and why."""

    overall: float
    band: Band
    measures: tuple[Measure, ...]
    turns: tuple[TurnFeedback, ...]
    went_well: tuple[str, ...]
    try_next: tuple[str, ...]
    simulated: bool
    scenario_id: str | None = None

    def measure(self, key: MeasureKey) -> Measure:
        """One measure by key."""
        return next(measure for measure in self.measures if measure.key == key)

    def as_dict(self) -> dict[str, Any]:
        """The scorecard as JSON-ready data: lists, not tuples; an unbounded ratio (5 PEA to 0 NEA) is "inf"."""
        # Built field by field: dataclasses.asdict deep-copies every value and dominated batch scoring.
        plain: dict[str, Any] = _plain({name: getattr(self, name) for name in self.__dataclass_fields__})
        return plain


def _plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value  # a key, rating or band as the plain string JSON holds
    if isinstance(value, float) and math.isinf(value):
        return "inf"
    return value


def band_of(overall: float, rubric: Rubric) -> Band:
    """Which band an overall score falls in."""
    if overall >= rubric.compassion_led_from:
        return Band.COMPASSION_LED
    return Band.COMPLIANCE_LED if overall < rubric.compliance_led_below else Band.MIXED


def overall_of(measures: tuple[Measure, ...], rubric: Rubric) -> float:
    """The weighted mean of the applicable measures' scores, from 0 to 100, to one decimal."""
    weights = rubric.weights
    applicable = [
        (weights.of(m.key), m.score) for m in measures if m.score is not None and weights.of(m.key) > 0
    ]
    total = sum(weight for weight, _ in applicable)
    if not total:
        return 0.0
    return round(100 * sum(weight * score for weight, score in applicable) / total, 1)


def score_facts(facts: ConversationFacts, rubric: Rubric = DEFAULT_RUBRIC) -> Scorecard:
    """The scorecard of a conversation."""
    measures = all_measures(facts, rubric)
    overall = overall_of(measures, rubric)
    rated = [measure for measure in measures if measure.applies]
    went_well = [f"{m.label}: {m.reason}" for m in rated if m.rating is Rating.GOOD]
    if not went_well and rated and facts.turns:
        best = max(rated, key=lambda m: m.score or 0.0)
        went_well = [f"{best.label}: {best.reason}"]
    weakest = sorted((m for m in rated if m.rating is not Rating.GOOD), key=lambda m: m.score or 0.0)[:3]
    return Scorecard(
        overall=overall,
        band=band_of(overall, rubric),
        measures=measures,
        turns=per_turn_feedback(facts),
        went_well=tuple(went_well),
        try_next=tuple(f"{m.label}: {TIPS[m.key]}" for m in weakest),
        simulated=facts.simulated,
        scenario_id=facts.scenario_id,
    )


def score_practice(scenario: Scenario, turns: Sequence[Turn], rubric: Rubric | None = None) -> Scorecard:
    """The scorecard of a practice conversation's turns, under the scenario's rubric unless one is given."""
    return score_facts(facts_from_practice(scenario, turns), rubric or scenario.rubric)
