"""The rubric: every threshold and weight of the scorecard, named, with its default and source.

The thresholds are those of COACHING-MODEL.md §5. MITI calls its own thresholds expert
opinion, and no Boyatzis source gives a numeric PEA:NEA ratio, so the scorecard shows
them as guidance with the reason beside each. A scenario (its `rubric:` key) or a
round may override any of them; what is not overridden keeps its default.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from simulator.vocabulary import MeasureKey

MAX_MARK = 1000.0
"""No mark is above this (ratios, shares, rates and ratings are all far below): every number is finite."""

MAX_WEIGHT = 1000.0
"""No weight is above this: weights are renormalised, so only their proportions matter."""

MAX_TURNS = 200
"""The longest conversation a scenario or round allows: turn counts in a rubric stay within it."""


class Threshold(BaseModel):
    """The fair and good marks of one measure; `higher_is_better` says which way they point."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    fair: float = Field(ge=0, le=MAX_MARK)
    good: float = Field(ge=0, le=MAX_MARK)

    @model_validator(mode="after")
    def _fair_and_good_are_distinct(self) -> Threshold:
        if self.fair == self.good:
            raise ValueError("fair and good must differ")
        return self


class Weights(BaseModel):
    """How much each measure counts toward `overall` (renormalised over the measures that apply).

    What the conversation did for the coachee and the two global ratings carry most of the
    weight; the counts of move labels less, so a rota of well-labelled stock lines earns little
    (COACHING-MODEL.md §5.2).
    """

    # One field per MeasureKey, named by its value (`of` reads them by key; a test holds them equal).

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    coachee_trajectory: float = Field(12, ge=0, le=MAX_WEIGHT)
    story_revealed: float = Field(10, ge=0, le=MAX_WEIGHT)
    goal_ownership: float = Field(10, ge=0, le=MAX_WEIGHT)
    goals_met: float = Field(4, ge=0, le=MAX_WEIGHT)
    change_talk: float = Field(12, ge=0, le=MAX_WEIGHT)
    partnership: float = Field(15, ge=0, le=MAX_WEIGHT)
    empathy: float = Field(15, ge=0, le=MAX_WEIGHT)
    pea_nea_ratio: float = Field(8, ge=0, le=MAX_WEIGHT)
    ict_order: float = Field(8, ge=0, le=MAX_WEIGHT)
    reflections_to_questions: float = Field(6, ge=0, le=MAX_WEIGHT)
    complex_reflection_share: float = Field(3, ge=0, le=MAX_WEIGHT)
    mi_adherent: float = Field(4, ge=0, le=MAX_WEIGHT)
    mi_non_adherent: float = Field(10, ge=0, le=MAX_WEIGHT)

    def of(self, key: MeasureKey) -> float:
        """The weight of one measure."""
        weight: float = getattr(self, key.value)
        return weight


class Rubric(BaseModel):
    """Thresholds, weights and bands. Defaults and their sources are documented field by field."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    pea_nea_ratio: Threshold = Field(
        Threshold(fair=2.0, good=3.0),
        description="PEA moves per NEA move. A design choice: no Boyatzis source gives a ratio (§1).",
    )
    vision_exchanges_before_real_self: int = Field(
        2,
        ge=1,
        le=MAX_TURNS,
        description="ICT order, good: vision/values exchanges before any real-self move (ICT).",
    )
    reflections_to_questions: Threshold = Field(
        Threshold(fair=1.0, good=2.0), description="Reflections per question (MITI 4.2.1)."
    )
    complex_reflection_share: Threshold = Field(
        Threshold(fair=0.4, good=0.5), description="Complex reflections among all reflections (MITI 4.2.1)."
    )
    mi_adherent: Threshold = Field(
        Threshold(fair=1, good=3),
        description="Affirmations and autonomy moves per 20 turns (MITI 4.2.1; the counts are ours).",
    )
    mi_non_adherent: Threshold = Field(
        Threshold(fair=2, good=1),
        description="Confrontations and unsolicited advice per 20 turns, at most (ours). Good also needs no confront.",
    )
    change_talk: Threshold = Field(
        Threshold(fair=0.5, good=0.7),
        description="Change talk among the coachee's change and sustain talk (MI; external transcripts, ours).",
    )
    goals_met: Threshold = Field(
        Threshold(fair=0.5, good=1.0), description="Share of the scenario's goals met (ours)."
    )
    partnership: Threshold = Field(
        Threshold(fair=3, good=4),
        description="MITI 4.2.1 Partnership global rating, 1 to 5 (the marks follow MITI's fair and good competency).",
    )
    empathy: Threshold = Field(
        Threshold(fair=3, good=4),
        description="MITI 4.2.1 Empathy global rating, 1 to 5 (the marks follow MITI's fair and good competency).",
    )
    compassion_led_needs_relational: bool = Field(
        True,
        description="No compassion-led band while Partnership rates poor, or Empathy does with no reflection that heard the coachee (or below 2.5): `overall` is held just below `compassion_led_from` (ours).",
    )
    compassion_led_needs_arc: bool = Field(
        True,
        description="No compassion-led band for a conversation that never reached the real self or a plan: `overall` is held just below `compassion_led_from` (ours, after Boyatzis's ICT).",
    )
    compassion_led_rote_below: float = Field(
        0.3,
        gt=0,
        le=1,
        description="No compassion-led band while this share of the clear trainee lines or more were said by rote (a repeat, a formula refilled, sweeping praise heaped on again, the coachee's words handed back as before): `overall` is held just below `compassion_led_from`; at 1, only a conversation said wholly by rote (ours).",
    )
    compassion_led_unheard_below: int = Field(
        3,
        ge=1,
        le=MAX_TURNS,
        description='No compassion-led band once this many trainee lines or more said they heard what the coachee never said ("I\'m hearing that...", "It sounds like..." before facts from their file that no line of theirs held): `overall` is held just below `compassion_led_from` (ours).',
    )
    min_turns: int = Field(
        8,
        ge=1,
        le=MAX_TURNS,
        description="A conversation with fewer trainee turns is incomplete, whatever it scores (ours).",
    )
    per_turns: int = Field(
        20,
        ge=1,
        le=MAX_TURNS,
        description="Counts are taken as rates per this many trainee turns (a practice conversation).",
    )
    compassion_led_from: float = Field(
        70, ge=0, le=100, description="`overall` at or above this is compassion-led."
    )
    compliance_led_below: float = Field(
        45, ge=0, le=100, description="`overall` below this is compliance-led."
    )
    weights: Weights = Weights()

    @model_validator(mode="after")
    def _bands_are_ordered(self) -> Rubric:
        if self.compliance_led_below > self.compassion_led_from:
            raise ValueError("compliance_led_below must not exceed compassion_led_from")
        return self


DEFAULT_RUBRIC = Rubric()
