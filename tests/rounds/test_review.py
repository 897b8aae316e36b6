"""A trainer's review: which conversation a comment is for, which turn, and which grades are released."""

import pytest

from simulator.errors import RoundError
from simulator.rounds.gradebook import StoredComment, StoredConversation, StoredReview
from simulator.rounds.review import (
    MAX_COMMENT_CHARS,
    checked_turn,
    comment_text,
    conversation_to_review,
    plan_release,
    review_of,
)
from simulator.rounds.round_file import parse_round


def stored(
    conversation_id: int, scenario: str = "ward-nurse-charting", *, finished: bool = True, turns: int = 3
):
    return StoredConversation(
        id=conversation_id,
        round_id="spring-1",
        trainee="Ann",
        scenario_id=scenario,
        scenario_source=f"bundled:{scenario}",
        scenario_sha256="0" * 64,
        seed=1,
        turn_limit=20,
        started_at="2026-03-02T09:00:00+00:00",
        ended_at="2026-03-02T09:10:00+00:00" if finished else None,
        end_reason="quit" if finished else None,
        lines=tuple(f"line {n}" for n in range(1, turns + 1)),
    )


COMMENT = StoredComment(2, "Good reflection.", "2026-03-03T10:00:00+00:00")


def test_release_takes_finished_commented_conversations_and_says_why_the_rest_wait() -> None:
    conversations = [stored(1), stored(2), stored(3, finished=False), stored(4)]
    reviews = {
        1: StoredReview((COMMENT,)),
        3: StoredReview((COMMENT,)),
        4: StoredReview((COMMENT,), released_at="2026-03-04T10:00:00+00:00"),
    }
    plan = plan_release(conversations, reviews)
    assert [c.id for c in plan.ready] == [1]
    assert [c.id for c in plan.not_reviewed] == [2]
    assert [c.id for c in plan.unfinished] == [3]
    assert [c.id for c in plan.already_released] == [4]


def test_a_grade_is_held_only_in_a_gated_round_until_released() -> None:
    assert review_of(StoredReview((COMMENT,)), gated=True).held
    assert not review_of(StoredReview((COMMENT,), "2026-03-04T10:00:00+00:00"), gated=True).held
    assert not review_of(None, gated=False).held
    assert review_of(StoredReview((COMMENT,)), gated=False).at_turn(2)[0].text == "Good reflection."


def test_a_comment_finds_the_only_conversation_or_the_one_named() -> None:
    one, two = stored(1), stored(2, "diabetes-walking")
    assert conversation_to_review([one], "Ann", "spring-1", None) is one
    assert conversation_to_review([one, two], "Ann", "spring-1", "diabetes-walking") is two
    with pytest.raises(RoundError, match="add --scenario, one of: ward-nurse-charting, diabetes-walking"):
        conversation_to_review([one, two], "Ann", "spring-1", None)
    with pytest.raises(RoundError, match="no conversations by Ann in round spring-1"):
        conversation_to_review([], "Ann", "spring-1", None)


def test_a_comment_is_pinned_only_to_a_turn_that_stands() -> None:
    assert checked_turn(stored(1), 3) == 3 and checked_turn(stored(1), None) is None
    with pytest.raises(RoundError, match="has turns 1 to 3; there is no turn 4"):
        checked_turn(stored(1), 4)
    with pytest.raises(RoundError, match="has no turns yet; leave out --turn"):
        checked_turn(stored(1, turns=0), 1)


def test_a_comment_is_cleaned_cut_and_never_empty() -> None:
    assert comment_text("  Lovely\x1b[2J  reflection\n\nhere ") == "Lovely reflection here"
    assert len(comment_text("x" * 10_000)) == MAX_COMMENT_CHARS
    with pytest.raises(RoundError, match="a comment cannot be empty"):
        comment_text(" \x07 ")


def test_a_round_holds_grades_for_review_only_when_its_file_says_so() -> None:
    spec = "id: r1\ntitle: Round\nscenarios: [ward-nurse-charting]\n"
    assert parse_round(spec, "round.yaml").round.review is False
    assert parse_round(spec + "review: true\n", "round.yaml").round.review is True
    with pytest.raises(RoundError, match=r"round.yaml:4:9: error: review"):
        parse_round(spec + "review: later\n", "round.yaml")
