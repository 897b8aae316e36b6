"""The closed vocabularies of the coaching model and the records built from them.

Form, focus and attractor are the two axes and the verdict of COACHING-MODEL.md §3;
State is the coachee's openness ladder of §4; MeasureKey and Band name the scorecard's
measures and bands of §5. Their values are the exact names that appear in scenario
files, transcripts and JSON output, so they never change casually.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Form(StrEnum):
    """What kind of act a trainee line is (MITI 4.2.1 codes in the model doc)."""

    OPEN_QUESTION = "open_question"
    CLOSED_QUESTION = "closed_question"
    SIMPLE_REFLECTION = "simple_reflection"
    COMPLEX_REFLECTION = "complex_reflection"
    AFFIRMATION = "affirmation"
    AUTONOMY = "autonomy"
    INFORMATION = "information"
    ADVICE_WITH_PERMISSION = "advice_with_permission"
    ADVICE = "advice"
    CONFRONT = "confront"
    STRUCTURE = "structure"
    OTHER = "other"


class Focus(StrEnum):
    """What a trainee line is about."""

    VISION = "vision"
    VALUES = "values"
    STRENGTHS = "strengths"
    FEELINGS = "feelings"
    REAL_SELF = "real_self"
    DEFICIT = "deficit"
    PLAN = "plan"
    NONE = "none"


class Attractor(StrEnum):
    """Which emotional attractor a move invokes in the coachee."""

    PEA = "PEA"
    NEA = "NEA"
    NEUTRAL = "neutral"


class State(StrEnum):
    """The coachee's openness, from most closed to most open. Order matters."""

    DEFENSIVE = "defensive"
    GUARDED = "guarded"
    NEUTRAL = "neutral"
    REFLECTIVE = "reflective"
    OPEN = "open"
    ENERGISED = "energised"

    @property
    def rank(self) -> int:
        """Position on the ladder: 0 for defensive up to 5 for energised."""
        return STATE_ORDER.index(self)


STATE_ORDER: tuple[State, ...] = tuple(State)

QUESTION_FORMS = frozenset({Form.OPEN_QUESTION, Form.CLOSED_QUESTION})
REFLECTION_FORMS = frozenset({Form.SIMPLE_REFLECTION, Form.COMPLEX_REFLECTION})


class MeasureKey(StrEnum):
    """The measures of the scorecard (COACHING-MODEL.md §5), in the order it shows them.

    What the conversation did for the coachee comes first, then the two global ratings, then the
    counts of moves. They key the rubric's weights (a scenario's `rubric: weights:`) and name each
    measure in JSON output.
    """

    COACHEE_TRAJECTORY = "coachee_trajectory"
    STORY_REVEALED = "story_revealed"
    GOAL_OWNERSHIP = "goal_ownership"
    GOALS_MET = "goals_met"
    CHANGE_TALK = "change_talk"
    PARTNERSHIP = "partnership"
    EMPATHY = "empathy"
    PEA_NEA_RATIO = "pea_nea_ratio"
    ICT_ORDER = "ict_order"
    REFLECTIONS_TO_QUESTIONS = "reflections_to_questions"
    COMPLEX_REFLECTION_SHARE = "complex_reflection_share"
    MI_ADHERENT = "mi_adherent"
    MI_NON_ADHERENT = "mi_non_adherent"


class Band(StrEnum):
    """Where a conversation's overall score falls against the rubric's two marks."""

    COMPASSION_LED = "compassion-led"
    MIXED = "mixed"
    COMPLIANCE_LED = "compliance-led"


PhraseLists = tuple[tuple[str, tuple[str, ...]], ...]
"""A trainer's own phrases as (kind, phrases) pairs: kind is a focus name or `nea` (see `Phrases`
in simulator.scenario.model). Plain tuples, so a Context stays hashable and the reader needs no pydantic."""


@dataclass(frozen=True)
class Context:
    """What the reader of a trainee line may know about the conversation so far."""

    previous_coachee_line: str = ""
    vision_established: bool = False
    phrases: PhraseLists | None = None  # the scenario's or trainer's own phrases, if any


UNCLEAR_BELOW = 0.55
"""Readings less sure than this are unclear: they move the coachee neither way (who asks what was
meant only of a line too short or garbled to make out), and the scorecard neither
credits nor penalises the line. A reading's confidence is the probability of its attractor. Set
where a reading stops being more likely right than wrong: on an earlier reader, four fitting
authors held out together read right 54% of the time from 0.5 to 0.6 and 65% from 0.6 to 0.7.
On the present one (`python benchmarks/calibration.py`: six authors, 4,351 lines) readings from
0.5 to 0.55 are right 52% of the time, from 0.55 to 0.6 49%, from 0.6 to 0.7 68%. Moving the line
to 0.6 was measured and not kept: it doubles the lines the coachee asks about (3% to 6%), and the
verdict's tuning conversations grew less stable across seeds (3 unstable to 5); a reading from
0.55 to 0.6 moves the coachee by a seventh at most anyway (`Move.certainty`)."""

SURE_FROM = 0.90
"""Readings at least this sure move the coachee fully. Between `UNCLEAR_BELOW` and this, a lift or
a drop is scaled down in proportion (`Move.certainty`), and only a sure reading can shut a coachee
down or take one below guarded (`coachee.appraise`): one misreading must not shut a coachee down,
nor open one up, as a sure reading would. On
the readings of six fitting authors held out together (s, t, u, v and the conversation authors
ah and aj, 4,351 lines, fitted without them), readings from 0.85 to 0.9 were right 84% of the
time (NEA readings 75%, about as often as from 0.7 to 0.8), from 0.9 to 0.95 93% and above 0.95
98% (`python benchmarks/calibration.py`): "sure" starts where nine readings in ten are right."""


@dataclass(frozen=True)
class Move:
    """One trainee line as read: its form, focus, attractor, how sure the reader is, and the cues that decided it."""

    form: Form
    focus: Focus
    attractor: Attractor
    cues: tuple[str, ...] = field(default=())
    confidence: float = 1.0

    @property
    def is_unclear(self) -> bool:
        """Whether the reader is too unsure of this line for it to count either way."""
        return self.confidence < UNCLEAR_BELOW

    @property
    def certainty(self) -> float:
        """How much of its effect on the coachee the move has: 0 when unclear, 1 from `SURE_FROM` up."""
        return min(1.0, max(0.0, (self.confidence - UNCLEAR_BELOW) / (SURE_FROM - UNCLEAR_BELOW)))

    @property
    def is_compliance_check(self) -> bool:
        """A question about what the coachee did or did not do: NEA before a vision exists."""
        return self.form in QUESTION_FORMS and self.focus is Focus.DEFICIT

    def as_dict(self) -> dict[str, str]:
        """The move as written to transcripts: form, focus and attractor by name."""
        return {"form": self.form.value, "focus": self.focus.value, "attractor": self.attractor.value}
