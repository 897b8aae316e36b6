"""The measures of COACHING-MODEL.md §5, each with its value, thresholds, rating and reason.

What the conversation did for the coachee (`scoring.experience`) and the two MITI global
ratings (`scoring.global_ratings`) come first and carry most of the weight; the counts of moves
(`scoring.counts`) follow. Every measure reads `scoring.evidence`, so a line earns only what
it did: stock, repeated and unclear lines earn nothing. The scales live in `scoring.marks`.
"""

from __future__ import annotations

from collections.abc import Callable

from scoring.counts import (
    complex_reflection_share,
    ict_order,
    mi_adherent,
    mi_non_adherent,
    pea_nea_ratio,
    reflections_to_questions,
)
from scoring.evidence import Evidence
from scoring.experience import change_talk, coachee_trajectory, goal_ownership, goals_met, story_revealed
from scoring.global_ratings import empathy, partnership
from scoring.marks import FAIR_SCORE, Measure, Rating, falling, not_applicable, per_turns, rate, rising
from simulator.scenario.rubric import Rubric

__all__ = [
    "FAIR_SCORE",
    "MEASURES",
    "Measure",
    "Rating",
    "all_measures",
    "change_talk",
    "coachee_trajectory",
    "complex_reflection_share",
    "empathy",
    "falling",
    "goal_ownership",
    "goals_met",
    "ict_order",
    "mi_adherent",
    "mi_non_adherent",
    "not_applicable",
    "partnership",
    "pea_nea_ratio",
    "per_turns",
    "rate",
    "reflections_to_questions",
    "rising",
    "story_revealed",
]

MEASURES: tuple[Callable[[Evidence, Rubric], Measure], ...] = (
    coachee_trajectory,
    story_revealed,
    goal_ownership,
    goals_met,
    change_talk,
    partnership,
    empathy,
    pea_nea_ratio,
    ict_order,
    reflections_to_questions,
    complex_reflection_share,
    mi_adherent,
    mi_non_adherent,
)


def all_measures(evidence: Evidence, rubric: Rubric) -> tuple[Measure, ...]:
    """Every measure of the scorecard, in the order it is shown."""
    return tuple(measure(evidence, rubric) for measure in MEASURES)
