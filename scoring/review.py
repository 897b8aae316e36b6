"""A trainer's review of a graded conversation, as the reports show it: comments at their turns, and the gate.

Pure records handed in by the shell (which reads them from the gradebook); the renderers in
`round_report`, `text_report` and `html_report` only display them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TrainerComment:
    """One comment: on turn `turn`, or on the whole conversation when `turn` is None."""

    turn: int | None
    text: str
    written_at: str


@dataclass(frozen=True)
class Review:
    """What the trainer said about one conversation, and whether its grade is held back from the trainee."""

    comments: tuple[TrainerComment, ...] = ()
    released: bool = False
    held: bool = False  # the round holds grades for review and this one is not yet released

    @property
    def overall_comments(self) -> tuple[TrainerComment, ...]:
        """Comments on the conversation as a whole."""
        return tuple(comment for comment in self.comments if comment.turn is None)

    def at_turn(self, turn: int) -> tuple[TrainerComment, ...]:
        """Comments pinned to one turn."""
        return tuple(comment for comment in self.comments if comment.turn == turn)

    @property
    def status(self) -> str:
        """`awaiting review`, `released` or `` (a round without the review gate, nothing released)."""
        if self.held:
            return "awaiting review"
        return "released" if self.released else ""


NO_REVIEW = Review()

ReviewKey = tuple[str, str]
"""(trainee, scenario id): one conversation of a round."""

Reviews = Mapping[ReviewKey, Review]


def comments_by_turn(review: Review) -> dict[int, Sequence[str]]:
    """The comments' texts keyed by the turn they are pinned to (the form the turn renderers take)."""
    found: dict[int, list[str]] = {}
    for comment in review.comments:
        if comment.turn is not None:
            found.setdefault(comment.turn, []).append(comment.text)
    return dict(found)
