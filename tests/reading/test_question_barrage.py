"""Questions stacked three or more to a line, line after line, are a barrage: they move the coachee
nothing and earn no credit; a few questions in one breath now and then are how people talk."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scoring.evidence import conversation_evidence
from scoring.facts import facts_from_practice
from scoring.feedback import credit_of
from simulator.reading.question_barrage import STACKED, WINDOW, barrage_of, questions_in, stacks
from simulator.scenario import catalogue
from simulator.trainer.rehearsal import play

CHEF = catalogue.load("restaurant-head-chef").scenario
BARRAGE = [
    "Hi Rhi! How are you? How's your day? How are you feeling? What's on your mind?",
    "What would you love your kitchen to become? What's your dream? What's your vision?",
    "What do you stand for? What are your values? What matters most?",
    "What are your strengths? What are you best at? When are you at your best?",
    "What's working? What's not? What's in place? What's missing?",
]


def test_questions_are_counted_by_their_marks_or_where_they_start() -> None:
    assert questions_in(BARRAGE[0]) == 4
    assert (
        questions_in("Can I ask you something different? Where do you want to be? Who's in the picture?") == 2
    )
    assert questions_in("That's hard. I'm sorry.") == 0
    assert questions_in("whats your dream what's your vision what would make you proud") == 3
    assert questions_in("that's what i mean you know, it was a good day") == 0


def test_a_line_stacking_questions_when_two_of_the_last_six_did_is_a_barrage() -> None:
    assert barrage_of(BARRAGE[1], BARRAGE[:1]) is None  # twice is how people talk
    assert barrage_of(BARRAGE[2], BARRAGE[:2]) == 0
    assert barrage_of("What matters most to you?", BARRAGE) is None  # one question is never one
    earlier = BARRAGE[:2] + ["What would help?"] * WINDOW
    assert barrage_of(BARRAGE[2], earlier) is None  # further back than the window is forgotten


@given(st.lists(st.text(alphabet="ab ?.", max_size=30), max_size=10), st.text(alphabet="ab ?.", max_size=30))
def test_a_barrage_points_at_an_earlier_stacking_line_in_the_window(earlier: list[str], line: str) -> None:
    found = barrage_of(line, earlier)
    if found is not None:
        assert questions_in(line) >= STACKED and stacks(earlier[found])
        assert found >= len(earlier) - WINDOW


def test_the_coachee_is_moved_by_a_barrage_no_more_and_the_scorecard_credits_none() -> None:
    session = play(CHEF, BARRAGE, seed=0)
    for turn in session.turns[2:]:
        assert "barrage" in turn.rules
        assert turn.openness_after == turn.openness_before
        assert turn.reveals == ()
    evidence = conversation_evidence(facts_from_practice(CHEF, session.turns))
    assert [seen.barrage_of for seen in evidence] == [None, None, 1, 1, 1]
    assert not any(seen.earns for seen in evidence[2:])
    assert "stacks questions as your lines from turn 1 did" in credit_of(evidence[2])
