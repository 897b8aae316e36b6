"""A trainer's review of a round: comments pinned to turns, and grades released once reviewed.

A conversation is reviewed once the trainer has written at least one comment on it (on a
turn, or on the whole conversation). In a round with `review: true`, its grade reaches the
trainee (`coach feedback`, the xAPI export) only after `coach grade --release`, which
releases every finished, reviewed conversation; a round without the gate shows grades as
soon as they are computed, as it always has.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scoring.review import Review, ReviewKey, TrainerComment
from simulator.errors import RoundError
from simulator.rounds.gradebook import Gradebook, StoredConversation, StoredReview
from simulator.text import strip_control

MAX_COMMENT_CHARS = 2000
"""A comment longer than this is cut: a note on a turn, not an essay."""


def comment_text(raw: str) -> str:
    """A trainer's comment made safe to store and show: no control characters, single spaces, not empty."""
    text = " ".join(strip_control(raw[: MAX_COMMENT_CHARS * 4]).split())[:MAX_COMMENT_CHARS]
    if not text:
        raise RoundError("a comment cannot be empty; pass --comment TEXT")
    return text


def review_of(stored: StoredReview | None, gated: bool) -> Review:
    """One conversation's review as the reports show it; `gated` when the round holds grades for review."""
    stored = stored or StoredReview()
    released = stored.released_at is not None
    comments = tuple(TrainerComment(c.turn, c.text, c.written_at) for c in stored.comments)
    return Review(comments, released=released, held=gated and not released)


def reviews_by_key(
    conversations: Sequence[StoredConversation], stored: Mapping[int, StoredReview], gated: bool
) -> dict[ReviewKey, Review]:
    """Each conversation's review keyed by (trainee, scenario id), the key the reports look it up by."""
    return {(c.trainee, c.scenario_id): review_of(stored.get(c.id), gated) for c in conversations}


def round_reviews(
    book: Gradebook, round_id: str, gated: bool, trainee: str | None = None
) -> dict[ReviewKey, Review]:
    """Every (or one trainee's) conversation's review in a round."""
    return reviews_by_key(
        book.conversations(round_id, trainee=trainee), book.reviews(round_id, trainee=trainee), gated
    )


@dataclass(frozen=True)
class ReleasePlan:
    """Which conversations `coach grade --release` releases now, and why the others wait."""

    ready: tuple[StoredConversation, ...]
    already_released: tuple[StoredConversation, ...]
    not_reviewed: tuple[StoredConversation, ...]
    unfinished: tuple[StoredConversation, ...]


def plan_release(
    conversations: Sequence[StoredConversation], stored: Mapping[int, StoredReview]
) -> ReleasePlan:
    """Sort a round's conversations: finished and commented on are released; the rest say what they lack."""
    ready, already, not_reviewed, unfinished = [], [], [], []
    for conversation in conversations:
        review = stored.get(conversation.id) or StoredReview()
        if review.released_at is not None:
            already.append(conversation)
        elif not conversation.is_finished:
            unfinished.append(conversation)
        elif not review.comments:
            not_reviewed.append(conversation)
        else:
            ready.append(conversation)
    return ReleasePlan(tuple(ready), tuple(already), tuple(not_reviewed), tuple(unfinished))


def conversation_to_review(
    conversations: Sequence[StoredConversation], trainee: str, round_id: str, scenario: str | None
) -> StoredConversation:
    """The trainee's conversation a comment is for: the only one, or the one on `scenario`."""
    if not conversations:
        raise RoundError(f"no conversations by {trainee} in round {round_id}")
    if scenario is None and len(conversations) == 1:
        return conversations[0]
    for conversation in conversations:
        if conversation.scenario_id == scenario:
            return conversation
    choices = ", ".join(c.scenario_id for c in conversations)
    if scenario is None:
        raise RoundError(
            f"{trainee} has several conversations in round {round_id}; add --scenario, one of: {choices}"
        )
    raise RoundError(f"{trainee} has no conversation on {scenario} in round {round_id}; they have: {choices}")


def checked_turn(conversation: StoredConversation, turn: int | None) -> int | None:
    """The turn a comment is pinned to, checked against the conversation's standing turns."""
    if turn is None or 1 <= turn <= len(conversation.lines):
        return turn
    if not conversation.lines:
        raise RoundError(
            f"{conversation.trainee}'s conversation on {conversation.scenario_id} has no turns yet; "
            "leave out --turn to comment on the conversation as a whole"
        )
    raise RoundError(
        f"{conversation.trainee}'s conversation on {conversation.scenario_id} has turns 1 to "
        f"{len(conversation.lines)}; there is no turn {turn}"
    )
