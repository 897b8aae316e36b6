"""What every scenario record shares: strictness, ids, text, and a line the coachee says.

Kept apart so that the temperament, the replies and the scenario itself (in their own
modules) build on one base without importing each other in a circle.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Identifier = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
Text = Annotated[str, Field(min_length=1, max_length=4000)]
StoryKind = Literal["vision", "values", "strengths", "worries", "next_step"]
NeaKind = Literal["confront", "advice", "compliance_check"]


class Strict(BaseModel):
    """Base for every scenario record: unknown keys are errors, records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


CoachLine = Annotated[str, Field(min_length=1, max_length=400)]


class CoachLines(Strict):
    """What a skilled manager might say right after the coachee said something (one reply, or
    anything on a topic, a story item, a hot button, or any reply once shut down), by the move it
    makes: the better line the scorecard's feedback and `/hint` offer at such a moment, when the arc
    calls for that move (`simulator.arc.PERSONA_MOVE_OF_STAGE`; an answer comes first at any stage)."""

    reflect: tuple[CoachLine, ...] = Field(
        (),
        description=(
            "Reflections of what the coachee said or what it means to them, in the manager's words: on a "
            "topic, each fits whatever the coachee says about it, guarded or open."
        ),
    )
    values: tuple[CoachLine, ...] = Field(
        (), description="Questions about what this says about what matters to them."
    )
    vision: tuple[CoachLine, ...] = Field(
        (), description="Questions about the future they would want, grown from it."
    )
    step: tuple[CoachLine, ...] = Field(
        (), description="Invitations to one small step of their own choosing."
    )
    affirm: tuple[CoachLine, ...] = Field((), description="Affirmations of a specific strength it shows.")
    answer: tuple[CoachLine, ...] = Field(
        (), description="Honest, brief answers to a question the coachee put to the manager in it."
    )

    def of(self, move: str) -> tuple[str, ...]:
        """The lines for one move ("answer", "reflect", "values", "vision", "step" or "affirm")."""
        lines: tuple[str, ...] = getattr(self, move)
        return lines


COACH_MOVES = ("answer", "reflect", "values", "vision", "step", "affirm")
"""The moves a persona's coach lines are filed under (`CoachLines`' fields)."""


class Line(Strict):
    """One thing the coachee says, with the nonverbal cue the trainee sees beside it."""

    text: Text
    cue: str = Field("", max_length=200, description="Short nonverbal cue, e.g. 'arms folded'.")


class Opening(Line):
    """What the coachee says as the meeting opens, and what a skilled manager might answer.

    The opening is the moment every trainee meets first, and most openings put a worry or a
    question ("Is this about the notes?"): its `answer` lines settle that worry in this persona's
    own terms before the stage's generic templates are tried."""

    coach_lines: CoachLines = Field(
        default_factory=CoachLines,
        description="Model lines for right after the opening: `answer` settles its worry and hands over the time.",
    )
