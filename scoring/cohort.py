"""A round's grades across a cohort: one graded conversation per trainee and scenario, and their summary.

Pure: sessions in (already re-simulated from the stored lines by the shell), grades and
averages out. Nothing here reads the gradebook, so what a grade is made of is only the
trainee's lines, the scenario, the seed and the rubric.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from scoring.measures import Rating
from scoring.scorecard import Scorecard, score_practice
from simulator.records import Turn, attractor_tally, peak_state
from simulator.scenario.model import Scenario
from simulator.scenario.rubric import Rubric
from simulator.vocabulary import Attractor, Band, MeasureKey, State


class Outcome(StrEnum):
    """A graded conversation's result against the round: what the trainer's table shows."""

    PASS = "pass"
    FAIL = "fail"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class GradedConversation:
    """One trainee's conversation on one scenario, graded, with what the trainer's table shows."""

    trainee: str
    scenario_id: str
    card: Scorecard
    turns: int
    pea: int
    nea: int
    reached_open: bool
    shutdowns: int  # falls into defensive, as the trajectory measure counts them
    passed: bool  # never True for an incomplete conversation, whatever it scored
    finished: bool = True
    scenario_changed: bool = False

    @property
    def outcome(self) -> Outcome:
        """Pass, fail, or incomplete (too short, or never reached the real self or a plan)."""
        if not self.card.complete:
            return Outcome.INCOMPLETE
        return Outcome.PASS if self.passed else Outcome.FAIL

    @property
    def overall(self) -> float:
        """The overall score, 0 to 100."""
        return self.card.overall

    @property
    def band(self) -> Band:
        """The band the overall score falls in."""
        return self.card.band

    @property
    def pea_to_nea(self) -> str:
        """PEA and NEA moves as the table shows them, e.g. `7:2`."""
        return f"{self.pea}:{self.nea}"

    @property
    def notes(self) -> tuple[str, ...]:
        """What the trainer should know besides the score."""
        notes = []
        if not self.finished:
            notes.append("unfinished")
        if self.scenario_changed:
            notes.append("scenario changed since practised")
        return tuple(notes)


def grade_practice(
    trainee: str,
    scenario: Scenario,
    turns: Sequence[Turn],
    pass_mark: float,
    rubric: Rubric | None = None,
    *,
    finished: bool = True,
    scenario_changed: bool = False,
    min_turns: int | None = None,
    per_turn: bool = True,
) -> GradedConversation:
    """Grade one re-simulated conversation (under the scenario's rubric unless one is given).

    An incomplete conversation (shorter than `min_turns`, the rubric's unless given, or never
    reaching the real self or a plan) never passes. Without `per_turn`, the card has no
    per-turn feedback (a grade for a table or a summary needs none).
    """
    card = score_practice(scenario, turns, rubric, min_turns=min_turns, per_turn=per_turn)
    counts = attractor_tally(turn.move for turn in turns)
    return GradedConversation(
        trainee=trainee,
        scenario_id=scenario.id,
        card=card,
        turns=len(turns),
        pea=counts[Attractor.PEA],
        nea=counts[Attractor.NEA],
        reached_open=peak_state(scenario.coachee.starting_state, turns).rank >= State.OPEN.rank,
        shutdowns=sum(
            turn.state_after is State.DEFENSIVE and turn.state_before is not State.DEFENSIVE for turn in turns
        ),
        passed=card.complete and card.overall >= pass_mark,
        finished=finished,
        scenario_changed=scenario_changed,
    )


@dataclass(frozen=True)
class MeasureAverage:
    """One measure averaged over the conversations it applies to (its score, 0 to 1)."""

    key: MeasureKey
    label: str
    mean_score: float
    count: int


@dataclass(frozen=True)
class CohortSummary:
    """The cohort at a glance: how many, how well on average, how many passed, and the weakest measure."""

    conversations: int
    trainees: int
    passed: int
    mean_overall: float
    averages: tuple[MeasureAverage, ...]

    @property
    def weakest(self) -> MeasureAverage | None:
        """The measure with the lowest average score: what the cohort most needs help with."""
        return min(self.averages, key=lambda average: average.mean_score, default=None)


SCORE_BINS = 10
"""The overall scores' histogram has this many bins of equal width from 0 to 100 (100 in the last)."""


class CohortTally:
    """A cohort's summary added up one graded conversation at a time, in constant memory but the names.

    `summary()` is what `summarise` gives for the same conversations in the same order, to the
    last digit; the tally also counts outcomes and bins the overall scores for the report's charts.
    """

    def __init__(self) -> None:
        self._sums: dict[MeasureKey, tuple[str, float, int]] = {}
        self._overall = 0.0
        self._count = 0
        self._passed = 0
        self._trainees: set[str] = set()
        self.outcomes: dict[Outcome, int] = dict.fromkeys(Outcome, 0)
        self.score_bins: list[int] = [0] * SCORE_BINS

    def add(self, conversation: GradedConversation) -> None:
        """Count one graded conversation in."""
        for measure in conversation.card.measures:
            if measure.score is None:
                continue  # not applicable here: left out of the average, never counted as zero
            label, total, count = self._sums.get(measure.key, (measure.label, 0.0, 0))
            self._sums[measure.key] = (label, total + measure.score, count + 1)
        self._overall += conversation.overall
        self._count += 1
        self._passed += conversation.passed
        self._trainees.add(conversation.trainee)
        self.outcomes[conversation.outcome] += 1
        self.score_bins[min(int(conversation.overall * SCORE_BINS // 100), SCORE_BINS - 1)] += 1

    def summary(self) -> CohortSummary:
        """The cohort's totals and averages so far."""
        averages = tuple(
            MeasureAverage(key, label, round(total / count, 3), count)
            for key, (label, total, count) in self._sums.items()
        )
        return CohortSummary(
            conversations=self._count,
            trainees=len(self._trainees),
            passed=self._passed,
            mean_overall=round(self._overall / self._count, 1) if self._count else 0.0,
            averages=averages,
        )


def summarise(graded: Sequence[GradedConversation]) -> CohortSummary:
    """Averages per measure over the conversations each applies to, and the cohort's totals."""
    tally = CohortTally()
    for conversation in graded:
        tally.add(conversation)
    return tally.summary()


@dataclass(frozen=True)
class RegradeChange:
    """How one conversation's grade moves from one rubric to another."""

    before: GradedConversation
    after: GradedConversation

    @property
    def trainee(self) -> str:
        """Whose conversation."""
        return self.before.trainee

    @property
    def scenario_id(self) -> str:
        """On which scenario."""
        return self.before.scenario_id

    @property
    def overall_delta(self) -> float:
        """How far the overall score moved."""
        return round(self.after.overall - self.before.overall, 1)

    @property
    def rating_changes(self) -> tuple[tuple[str, Rating, Rating], ...]:
        """(measure label, rating before, rating after) for every measure whose rating changed."""
        after = {measure.key: measure for measure in self.after.card.measures}
        return tuple(
            (measure.label, measure.rating, after[measure.key].rating)
            for measure in self.before.card.measures
            if measure.key in after and after[measure.key].rating != measure.rating
        )

    @property
    def is_changed(self) -> bool:
        """Whether anything a trainer would notice moved: score, band, pass or a rating."""
        return (
            self.overall_delta != 0
            or self.before.band != self.after.band
            or self.before.passed != self.after.passed
            or bool(self.rating_changes)
        )


def regrade_changes(
    before: Sequence[GradedConversation], after: Sequence[GradedConversation]
) -> list[RegradeChange]:
    """Pair each conversation's two grades (same order, same conversations), trainee by trainee."""
    return [RegradeChange(old, new) for old, new in zip(before, after, strict=True)]
