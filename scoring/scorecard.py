"""The scorecard: measures, an overall score from 0 to 100, a band, completeness, per-turn feedback and next steps.

`overall` is the weighted mean of the measures that apply to the conversation (a
measure that cannot be computed is left out, never counted as zero), scaled to 0..100.
The band reads `overall` against the rubric's two marks. A conversation shorter than the
rubric's `min_turns`, or that never reached the real self or a plan, is incomplete whatever
it scores. The card is consistent with itself: "what went well" lists only measures rated
good or fair, "try next time" never asks for what the conversation already did
(`scoring.advice`), and every number is finite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from scoring.advice import example_for, tips_for
from scoring.counts import reached_real_self_or_plan
from scoring.evidence import Evidence, evidence_of
from scoring.facts import ConversationFacts, facts_from_practice
from scoring.feedback import TurnFeedback, explain_rule, per_turn_feedback
from scoring.global_ratings import empathy_rating, understood_standing_alone
from scoring.marks import Measure, Rating
from scoring.measures import all_measures
from simulator.records import Turn
from simulator.scenario.model import Scenario
from simulator.scenario.rubric import DEFAULT_RUBRIC, Rubric
from simulator.vocabulary import Band, MeasureKey

WENT_WELL = 3
"""How many measures "what went well" names at most."""


@dataclass(frozen=True)
class Completeness:
    """Whether the conversation went far enough to be judged as a whole, and if not, why."""

    complete: bool
    reason: str


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
    completeness: Completeness = Completeness(True, "")
    notes: tuple[str, ...] = ()  # what the trainer should know besides the measures (how it ended)

    @property
    def complete(self) -> bool:
        """Whether the conversation is long enough and reached the real self or a plan."""
        return self.completeness.complete

    def measure(self, key: MeasureKey) -> Measure:
        """One measure by key."""
        return next(measure for measure in self.measures if measure.key == key)

    def as_dict(self) -> dict[str, Any]:
        """The scorecard as JSON-ready data: lists, not tuples; enums by value; every number finite."""
        # Built field by field: dataclasses.asdict deep-copies every value and dominated batch scoring.
        plain: dict[str, Any] = _plain({name: getattr(self, name) for name in self.__dataclass_fields__})
        return plain


_AS_THEY_ARE = frozenset({str, int, float, bool, type(None)})
"""The types of most values in a scorecard, which JSON holds as they are (an enum's type is its own)."""


def _plain(value: Any) -> Any:
    if type(value) in _AS_THEY_ARE:  # tested first: most values are these, and need no other test
        return value
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value  # a key, rating or band as the plain string JSON holds
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


RELATIONAL = (MeasureKey.PARTNERSHIP, MeasureKey.EMPATHY)
NEARLY_FAIR_EMPATHY = 2.5
"""An Empathy rating (1 to 5) half an anchor short of fair (3): enough, with a reflection that heard them."""


def relational_fair(measures: tuple[Measure, ...], evidence: Evidence, rubric: Rubric) -> bool:
    """Whether the coachee was a partner and was heard (always, when the rubric does not ask for it):
    Partnership does not rate poor, and Empathy does not either, unless it rates within half an
    anchor of fair (`NEARLY_FAIR_EMPATHY`) and a reflection heard them: it captured what they said,
    went beyond their words and asked nothing after it (`understood_standing_alone`).

    A conversation in which the coachee was not understood, or was not a partner, is not
    compassion-led however well its lines were labelled (MITI's relational globals; our design
    choice): a rota of good questions that hears nothing can add up to 84 on the other measures.
    Empathy just short of fair with the coachee plainly heard is not that: written ahead of the
    coachee's replies, textbook conversations rated 2.8 to 2.9 on one reflection that added meaning
    and a few questions taking up their words, their coachee ended open or energised, and they were
    held at 69.9. Every gaming conversation of the verdict's sets that added up to 70 or more with
    Empathy poor had no such reflection or rated below 2.5. Written after reading probe6's textbooks
    (3 more compassion-led there, 11 of 16), then measured on probe7, written afterwards and not
    looked at before: textbooks compassion-led 12 -> 13 of 16 typed and dictated, expectations
    missed 5 -> 4, no gaming conversation compassion-led (`python benchmarks/verdict.py --set
    probe7 [--dictated]`). Over all 900: expectations missed 45 -> 41 typed and 49 -> 45 dictated,
    textbooks compassion-led 157 -> 161 and 153 -> 157 of 180, the highest gaming conversation
    69.9 either way (`python benchmarks/verdict.py --set all [--dictated]`). Strategies drawn at random and
    played live (`python benchmarks/live_gaming.py --generated 40 --dictated`), which pour the
    coachee's words back before stock questions, came out compassion-led 3 -> 4 times of 320, the
    fourth at 70.1 on a question speech-to-text left unmarked ("mm that's accurate actually what
    values guide you"); typed, 1 of 320 either way.
    """
    if not rubric.compassion_led_needs_relational:
        return True
    partnership, empathy = (next(m for m in measures if m.key is key) for key in RELATIONAL)
    if partnership.rating is Rating.POOR:
        return False
    if empathy.rating is not Rating.POOR:
        return True
    return empathy_rating(evidence)[0] >= NEARLY_FAIR_EMPATHY and understood_standing_alone(evidence) > 0


def held_below_compassion_led(overall: float, rubric: Rubric) -> float:
    """The overall held just below the compassion-led mark, so that the number and the band agree:
    a conversation that is not compassion-led never shows a score the rubric calls compassion-led
    (a rota of good questions that hears nothing can add up to 84 on the other measures)."""
    return max(0.0, min(overall, round(rubric.compassion_led_from - 0.1, 1)))


def completeness_of(evidence: Evidence, min_turns: int) -> Completeness:
    """Incomplete when shorter than `min_turns` trainee turns, or when it never reached the real self or a plan."""
    facts = evidence.facts
    if len(facts.turns) < min_turns:
        return Completeness(
            False, f"{len(facts.turns)} turn(s): a whole conversation takes at least {min_turns}"
        )
    if not reached_real_self_or_plan(evidence):
        return Completeness(False, "it never reached the real self or a plan")
    return Completeness(True, "")


def held_back(measures: tuple[Measure, ...], evidence: Evidence, rubric: Rubric) -> str:
    """Why a conversation whose overall reaches the compassion-led mark is still not compassion-led,
    or "" when nothing holds it back."""
    if not relational_fair(measures, evidence, rubric):
        return "Not compassion-led while Partnership rates poor, or Empathy rates poor with no reflection that heard the coachee"
    if rubric.compassion_led_needs_arc and not reached_real_self_or_plan(evidence):
        # Coaching with compassion starts from the vision and goes on to the real self and a
        # learning agenda (Boyatzis's ICT). Twenty warm reflections that never get there are
        # rapport, not coaching: a rota of framed echoes ("seems like X means a lot to you")
        # otherwise added up to 73.
        return "Not compassion-led while the conversation never reached the real self or a plan"
    # A reflection is the coachee's meaning handed back (MITI); their file read out in the words of
    # listening ("I'm hearing that you've been a midwife for twenty-two years", before she has said
    # so) is not one, and a trainee who does it again and again is performing listening. Over the
    # verdict's 1,700 written conversations (seed 0, typed and dictated) no textbook, repaired, warm
    # or blunt one has more than two such lines (two textbooks typed and two dictated have two), and
    # 71 gaming ones have three or more (37 typed, 34 dictated), among them one that added up to
    # 71.1 once the reader was fitted on practice conversations (probe14: "lifts sentence after
    # sentence from Carys's situation and wraps each one in a stock coaching phrase").
    claimed = evidence.count("claims_unheard")
    if claimed >= rubric.compassion_led_unheard_below:
        return (
            f"Not compassion-led while {claimed} lines said they heard what the coachee never said"
            " (facts from their file dressed as listening)"
        )
    if evidence.rote_share >= rubric.compassion_led_rote_below:
        # A rota of stock lines, or the coachee's words handed back before the next stock question,
        # earns nothing line by line, but the lines between can still add up: over the verdict's
        # 2,600 written conversations, typed and dictated, no textbook, repaired, warm or blunt one
        # said more than 11% of its clear lines by rote, and 197 of the 520 gaming ones said 30% or more.
        return (
            f"Not compassion-led while {evidence.count('by_rote')} of its {evidence.count('clear')} lines"
            " were said by rote (repeats, formulas, flattery heaped on again, the coachee's words handed back)"
        )
    return ""


def ending_notes(facts: ConversationFacts) -> tuple[str, ...]:
    """How the coachee ended the conversation, when a turn's rules say they did."""
    notes = []
    for turn in facts.turns:
        for rule in turn.rules:
            if rule == "end" or rule.startswith("end."):
                notes.append(f"The coachee ended the conversation at turn {turn.n}: {explain_rule(rule)}")
    return tuple(notes)


def went_well_of(measures: tuple[Measure, ...], evidence: Evidence) -> tuple[str, ...]:
    """The best measures rated good or fair, good first, never one rated poor; each about the
    trainee's own lines with the first line that shows it and no other shows (`advice.example_for`)."""
    rated = [m for m in measures if m.rating in (Rating.GOOD, Rating.FAIR)]
    rated.sort(key=lambda m: (m.rating is not Rating.GOOD, -(m.score or 0.0)))
    went_well, shown = [], frozenset[int]()
    for m in rated[:WENT_WELL]:
        example, turn = example_for(m.key, evidence, shown)  # a different line for each
        went_well.append(f"{m.label}: {m.reason}{example}")
        shown = shown if turn is None else shown | {turn}
    return tuple(went_well)


def score_facts(
    facts: ConversationFacts,
    rubric: Rubric = DEFAULT_RUBRIC,
    *,
    min_turns: int | None = None,
    per_turn: bool = True,
) -> Scorecard:
    """The scorecard of a conversation (`min_turns` overrides the rubric's, as a round may).

    Without `per_turn`, the card has no per-turn feedback (`turns` is empty) and everything else
    as it would be: a grade for a table needs the measures, not a better line for every weak turn.
    """
    evidence = evidence_of(facts)
    measures = all_measures(evidence, rubric)
    overall = overall_of(measures, rubric)
    band = band_of(overall, rubric)
    notes = ending_notes(facts)
    reason = held_back(measures, evidence, rubric) if band is Band.COMPASSION_LED else ""
    if reason:
        overall = held_below_compassion_led(overall, rubric)
        held = band_of(overall, rubric)  # mixed, or compliance-led under a rubric whose bands meet
        band = Band.MIXED if held is Band.COMPASSION_LED else held
        notes = (
            *notes,
            f"{reason}: the overall is held below {rubric.compassion_led_from:g}, whatever the other"
            " measures add up to",
        )
    return Scorecard(
        overall=overall,
        band=band,
        measures=measures,
        turns=per_turn_feedback(facts, evidence.turns) if per_turn else (),
        went_well=went_well_of(measures, evidence),
        try_next=tuple(str(tip) for tip in tips_for(measures, evidence)),
        simulated=facts.simulated,
        scenario_id=facts.scenario_id,
        completeness=completeness_of(evidence, rubric.min_turns if min_turns is None else min_turns),
        notes=notes,
    )


def score_practice(
    scenario: Scenario,
    turns: Sequence[Turn],
    rubric: Rubric | None = None,
    *,
    min_turns: int | None = None,
    per_turn: bool = True,
) -> Scorecard:
    """The scorecard of a practice conversation's turns, under the scenario's rubric unless one is given."""
    facts = facts_from_practice(scenario, turns)
    return score_facts(facts, rubric or scenario.rubric, min_turns=min_turns, per_turn=per_turn)
