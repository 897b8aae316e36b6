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


class Line(Strict):
    """One thing the coachee says, with the nonverbal cue the trainee sees beside it."""

    text: Text
    cue: str = Field("", max_length=200, description="Short nonverbal cue, e.g. 'arms folded'.")
