"""What every measure is made of: its value, marks, rating, score and reason, and the scales that score it.

Every measure maps to a score from 0 to 1: 1 at or past its good mark, 0.6 at its fair
mark, rising linearly in between, and falling toward 0 below fair. The rating is read from
the score alone, so a measure's rating, its reason and its score never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from simulator.scenario.rubric import Rubric, Threshold
from simulator.vocabulary import MeasureKey


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


def bounded_ratio(count: float, per: float) -> float:
    """`count` per `per`, with less than one of `per` read as one: always a finite number (5 to 0 is 5.0)."""
    return count / max(per, 1)


def tally(count: float) -> str:
    """A count as shown: whole, or to one decimal when half-sure lines counted in part (1.7)."""
    return f"{round(count, 1):g}"


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
    """The rating a score stands for. Sums of fractions land a hair below a mark (0.3 + 0.35 + 0.35
    is 0.9999999999999999): rounded first, as `measure` rounds, so a reason worded by this rating
    and the measure's own rating always agree."""
    score = round(score, 9)
    if score >= 1.0:
        return Rating.GOOD
    return Rating.FAIR if score >= FAIR_SCORE else Rating.POOR


def judged(facts: str, rating: Rating, verdicts: dict[Rating, str]) -> str:
    """A reason: what was seen, then the verdict that goes with the rating (none when there is none)."""
    verdict = verdicts.get(rating, "")
    return f"{facts}: {verdict}" if verdict else facts


def measure(
    key: MeasureKey, label: str, value: float, shown: str, marks: tuple[str, str], score: float, reason: str
) -> Measure:
    """A measure that applies, rated from its score."""
    score = round(min(max(score, 0.0), 1.0), 9)  # 0.3 + 0.35 + 0.35 is good, not 0.9999999999999999 (`rate`)
    return Measure(key, label, value, shown, marks[0], marks[1], rate(score), score, reason)


def not_applicable(key: MeasureKey, label: str, fair: str, good: str, reason: str) -> Measure:
    """A measure that cannot be computed here; it is left out of `overall`, never counted as zero."""
    return Measure(key, label, None, "n/a", fair, good, Rating.NOT_APPLICABLE, None, reason)


def per_turns(count: float, turns: int, rubric: Rubric) -> float:
    """A count as a rate per `rubric.per_turns` trainee turns, so that length alone earns nothing."""
    return count * rubric.per_turns / max(turns, 1)
