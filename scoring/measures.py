"""The measures of COACHING-MODEL.md §5, each with its value, thresholds, rating and reason.

Every measure maps to a score from 0 to 1: 1 at or past its good mark, 0.6 at its fair
mark, rising linearly in between, and falling toward 0 below fair. Each is monotone in
the right direction (one more confrontation never helps; turning advice into an
affirmation never hurts), which the tests hold as properties.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from scoring.facts import ConversationFacts
from simulator.scenario.rubric import Rubric, Threshold
from simulator.vocabulary import QUESTION_FORMS, REFLECTION_FORMS, Attractor, Focus, Form, MeasureKey, State


class Rating(StrEnum):
    """How a measure rates: at or past its good mark, at or past fair, below fair, or not applicable."""

    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"
    NOT_APPLICABLE = "n/a"


FAIR_SCORE = 0.6
"""The score a measure earns exactly at its fair mark."""


@dataclass(frozen=True)
class Measure:
    """One measure of the scorecard: its value, its marks, how it rates, and why."""

    key: MeasureKey
    label: str
    value: float | None
    shown: str
    fair: str
    good: str
    rating: Rating
    score: float | None
    reason: str

    @property
    def applies(self) -> bool:
        """Whether this measure could be computed for this conversation."""
        return self.score is not None


def ratio(count: int, per: int) -> float:
    """`count` per `per`: unbounded when `per` is zero and `count` is not, zero when both are."""
    if per:
        return count / per
    return math.inf if count else 0.0


def rising(value: float, mark: Threshold) -> float:
    """Score for a measure where more is better."""
    if value >= mark.good:
        return 1.0
    if value >= mark.fair:
        return FAIR_SCORE + (1 - FAIR_SCORE) * (value - mark.fair) / (mark.good - mark.fair)
    return FAIR_SCORE * max(value, 0.0) / mark.fair if mark.fair > 0 else 0.0


def falling(value: float, mark: Threshold) -> float:
    """Score for a measure where less is better (good < fair)."""
    if value <= mark.good:
        return 1.0
    if value <= mark.fair:
        return 1 - (1 - FAIR_SCORE) * (value - mark.good) / (mark.fair - mark.good)
    return FAIR_SCORE * mark.fair / value


def rate(score: float) -> Rating:
    """The rating a score stands for."""
    if score >= 1.0:
        return Rating.GOOD
    return Rating.FAIR if score >= FAIR_SCORE else Rating.POOR


def not_applicable(key: MeasureKey, label: str, fair: str, good: str, reason: str) -> Measure:
    """A measure that cannot be computed here; it is left out of `overall`, never counted as zero."""
    return Measure(key, label, None, "n/a", fair, good, Rating.NOT_APPLICABLE, None, reason)


def _ratio_text(value: float) -> str:
    return "no NEA" if math.isinf(value) else f"{value:.1f}:1"


def pea_nea_ratio(facts: ConversationFacts, rubric: Rubric) -> Measure:
    """PEA moves per NEA move."""
    attractors = [turn.move.attractor for turn in facts.turns]
    pea, nea = attractors.count(Attractor.PEA), attractors.count(Attractor.NEA)
    value = ratio(pea, nea)
    mark = rubric.pea_nea_ratio
    score = rising(value, mark)
    reason = f"{pea} PEA to {nea} NEA moves: " + (
        "the positive attractor clearly led" if score >= 1 else "more NEA than the coachee can absorb"
    )
    if not pea and not nea:
        reason = "no move invoked either attractor"
    return Measure(
        MeasureKey.PEA_NEA_RATIO, "PEA : NEA", value, f"{pea}:{nea}",
        f">= {mark.fair:g}:1", f">= {mark.good:g}:1", rate(score), score, reason,
    )  # fmt: skip


def ict_order(facts: ConversationFacts, rubric: Rubric) -> Measure:
    """Intentional Change Theory's order: vision before any NEA move, vision and values before the real self."""
    nea_first = vision_first = 0
    seen_vision = seen_real_self = False
    for turn in facts.turns:
        move = turn.move
        is_vision = move.focus in (Focus.VISION, Focus.VALUES) and move.attractor is Attractor.PEA
        if move.attractor is Attractor.NEA and not seen_vision:
            nea_first += 1
        if move.focus in (Focus.REAL_SELF, Focus.DEFICIT):
            seen_real_self = True
        if is_vision:
            seen_vision = True
            vision_first += not seen_real_self
    need = rubric.vision_exchanges_before_real_self
    if seen_vision and not nea_first:
        score = FAIR_SCORE + (1 - FAIR_SCORE) * min(vision_first, need) / need
        reason = f"vision first; {vision_first} vision/values exchange(s) before the real self"
    elif seen_vision:
        score = 0.3 / (1 + nea_first)
        reason = f"{nea_first} NEA move(s) came before the first vision exchange"
    else:
        score = 0.15 / (1 + nea_first)
        reason = "the coachee's vision and values were never explored"
    return Measure(
        MeasureKey.ICT_ORDER, "ICT order", float(nea_first), "met" if score >= FAIR_SCORE else "not met",
        "no NEA before the first vision exchange", f">= {need} vision/values exchanges before the real self",
        rate(score), score, reason,
    )  # fmt: skip


def reflections_to_questions(facts: ConversationFacts, rubric: Rubric) -> Measure:
    """Reflections per question (MITI)."""
    forms = [turn.move.form for turn in facts.turns]
    reflections = sum(form in REFLECTION_FORMS for form in forms)
    questions = sum(form in QUESTION_FORMS for form in forms)
    value = ratio(reflections, questions)
    mark = rubric.reflections_to_questions
    score = rising(value, mark)
    reason = f"{reflections} reflection(s) to {questions} question(s)" + (
        "" if score >= FAIR_SCORE else ": reflect back more before asking again"
    )
    return Measure(
        MeasureKey.REFLECTIONS_TO_QUESTIONS, "Reflections : questions", value, f"{reflections}:{questions}",
        f">= {mark.fair:g}:1", f">= {mark.good:g}:1", rate(score), score, reason,
    )  # fmt: skip


def complex_reflection_share(facts: ConversationFacts, rubric: Rubric) -> Measure:
    """Complex reflections among all reflections (MITI)."""
    forms = [turn.move.form for turn in facts.turns]
    reflections = sum(form in REFLECTION_FORMS for form in forms)
    mark = rubric.complex_reflection_share
    fair, good = f">= {mark.fair:.0%}", f">= {mark.good:.0%}"
    if not reflections:
        return not_applicable(
            MeasureKey.COMPLEX_REFLECTION_SHARE, "Complex reflections", fair, good, "no reflections to judge"
        )
    complex_ = forms.count(Form.COMPLEX_REFLECTION)
    value = complex_ / reflections
    score = rising(value, mark)
    reason = f"{complex_} of {reflections} reflection(s) added meaning or feeling"
    return Measure(
        MeasureKey.COMPLEX_REFLECTION_SHARE,
        "Complex reflections",
        value,
        f"{value:.0%}",
        fair,
        good,
        rate(score),
        score,
        reason,
    )


def per_turns(count: int, turns: int, rubric: Rubric) -> float:
    """A count as a rate per `rubric.per_turns` trainee turns, so that length alone earns nothing."""
    return count * rubric.per_turns / max(turns, 1)


def mi_adherent(facts: ConversationFacts, rubric: Rubric) -> Measure:
    """Affirmations and autonomy moves (MITI's MI-adherent behaviours)."""
    count = sum(turn.move.form in (Form.AFFIRMATION, Form.AUTONOMY) for turn in facts.turns)
    value = per_turns(count, len(facts.turns), rubric)
    mark = rubric.mi_adherent
    score = rising(value, mark)
    reason = f"{count} affirmation or autonomy move(s)" + (
        "" if count else ": none recognised a strength or a choice"
    )
    per = f" per {rubric.per_turns} turns"
    return Measure(
        MeasureKey.MI_ADHERENT, "MI-adherent moves", value, f"{count}",
        f">= {mark.fair:g}{per}", f">= {mark.good:g}{per}", rate(score), score, reason,
    )  # fmt: skip


def mi_non_adherent(facts: ConversationFacts, rubric: Rubric) -> Measure:
    """Confrontations and unsolicited advice (MITI's MI non-adherent behaviours)."""
    forms = [turn.move.form for turn in facts.turns]
    confronts, advice = forms.count(Form.CONFRONT), forms.count(Form.ADVICE)
    value = per_turns(confronts + advice, len(forms), rubric)
    mark = rubric.mi_non_adherent
    score = falling(value, mark)
    if confronts and score >= 1.0:
        score = 0.99  # good needs no confrontation at all, however long the conversation
    reason = f"{confronts} confrontation(s), {advice} piece(s) of unsolicited advice"
    per = f" per {rubric.per_turns} turns"
    return Measure(
        MeasureKey.MI_NON_ADHERENT, "MI non-adherent moves", value, f"{confronts + advice}",
        f"<= {mark.fair:g}{per}", f"0 confront, <= {mark.good:g} advice{per}", rate(score), score, reason,
    )  # fmt: skip


def coachee_trajectory(facts: ConversationFacts, rubric: Rubric) -> Measure:
    """Where the simulated coachee went: final and peak state, shutdowns, turns to open."""
    fair, good = "ends neutral or above", "reaches open, ends open or energised, never defensive"
    if not facts.simulated or facts.starting_state is None:
        return not_applicable(
            MeasureKey.COACHEE_TRAJECTORY, "Coachee trajectory", fair, good, "no simulated coachee"
        )
    states = [facts.starting_state, *(turn.state_after or facts.starting_state for turn in facts.turns)]
    final, peak = states[-1], max(states, key=lambda state: state.rank)
    defensive = sum(
        1 for before, after in pairwise(states)
        if after is State.DEFENSIVE and before is not State.DEFENSIVE
    )  # fmt: skip
    never_defensive = State.DEFENSIVE not in states[1:]
    score = (
        0.45 * min(final.rank / State.OPEN.rank, 1.0)
        + 0.30 * min(peak.rank / State.OPEN.rank, 1.0)
        + 0.25 * never_defensive
    )
    reached_open = next((i for i, s in enumerate(states) if s.rank >= State.OPEN.rank), None)
    reason = f"ended {final.value}, peaked {peak.value}" + (
        f", open after {reached_open} turn(s)" if reached_open else ", never open"
    )
    if defensive:
        reason += f", shut down {defensive} time(s)"
    rating = (
        Rating.GOOD if score >= 1.0 else (Rating.FAIR if final.rank >= State.NEUTRAL.rank else Rating.POOR)
    )
    return Measure(
        MeasureKey.COACHEE_TRAJECTORY,
        "Coachee trajectory",
        float(final.rank),
        final.value,
        fair,
        good,
        rating,
        score,
        reason,
    )


def story_revealed(facts: ConversationFacts, rubric: Rubric) -> Measure:
    """How much of their story the simulated coachee told: vision first, then values and a next step."""
    fair, good = "vision", "vision, values and a next step"
    if not facts.simulated:
        return not_applicable(MeasureKey.STORY_REVEALED, "Story revealed", fair, good, "no simulated coachee")
    kinds = {facts.kind_of(item) for turn in facts.turns for item in turn.reveals}
    score = 0.6 * ("vision" in kinds) + 0.2 * ("values" in kinds) + 0.2 * ("next_step" in kinds)
    told = ", ".join(sorted(kinds)) or "nothing"
    reason = f"the coachee told you: {told}"
    rating = Rating.GOOD if score >= 1.0 else (Rating.FAIR if "vision" in kinds else Rating.POOR)
    return Measure(
        MeasureKey.STORY_REVEALED, "Story revealed", score, told, fair, good, rating, score, reason
    )


def goals_met(facts: ConversationFacts, rubric: Rubric) -> Measure:
    """The share of the scenario's own goals that the conversation met."""
    mark = rubric.goals_met
    fair, good = f">= {mark.fair:.0%}", f">= {mark.good:.0%}"
    if not facts.simulated or not facts.goals:
        return not_applicable(
            MeasureKey.GOALS_MET, "Scenario goals", fair, good, "no scenario goals to check"
        )
    revealed = {item for turn in facts.turns for item in turn.reveals}
    reached = [turn.state_after.rank for turn in facts.turns if turn.state_after is not None]
    peak = max([facts.starting_state.rank if facts.starting_state else 0, *reached])
    met = [
        goal for goal in facts.goals
        if (goal.reveal is not None and goal.reveal in revealed) or (goal.reach is not None and peak >= goal.reach.rank)
    ]  # fmt: skip
    value = len(met) / len(facts.goals)
    score = rising(value, mark)
    missed = [goal.text for goal in facts.goals if goal not in met]
    reason = f"{len(met)} of {len(facts.goals)} goal(s) met" + (f"; missed: {missed[0]}" if missed else "")
    return Measure(
        MeasureKey.GOALS_MET,
        "Scenario goals",
        value,
        f"{len(met)}/{len(facts.goals)}",
        fair,
        good,
        rate(score),
        score,
        reason,
    )


def change_talk(facts: ConversationFacts, rubric: Rubric) -> Measure:
    """For two real people: how much of the coachee's talk was about changing rather than staying."""
    key, label = MeasureKey.CHANGE_TALK, "Coachee change talk"
    mark = rubric.change_talk
    fair, good = f">= {mark.fair:.0%}", f">= {mark.good:.0%}"
    if facts.simulated:
        return not_applicable(key, label, fair, good, "the simulated coachee's path is used instead")
    talk = [kind for turn in facts.turns for kind in turn.coachee_talk]
    change, sustain = talk.count("change"), talk.count("sustain")
    if not change + sustain:
        return not_applicable(key, label, fair, good, "the coachee said nothing for or against change")
    value = change / (change + sustain)
    score = rising(value, mark)
    reason = f"{change} change and {sustain} sustain statement(s) from the coachee"
    return Measure(key, label, value, f"{value:.0%}", fair, good, rate(score), score, reason)


MEASURES: tuple[Callable[[ConversationFacts, Rubric], Measure], ...] = (
    pea_nea_ratio,
    ict_order,
    reflections_to_questions,
    complex_reflection_share,
    mi_adherent,
    mi_non_adherent,
    coachee_trajectory,
    story_revealed,
    goals_met,
    change_talk,
)


def all_measures(facts: ConversationFacts, rubric: Rubric) -> tuple[Measure, ...]:
    """Every measure of the scorecard, in the order it is shown."""
    return tuple(measure(facts, rubric) for measure in MEASURES)
