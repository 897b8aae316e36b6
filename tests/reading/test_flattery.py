"""Praise heaped on the person line after line is flattery: it moves the coachee nothing and earns no credit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scoring.evidence import conversation_evidence
from scoring.facts import facts_from_practice
from scoring.feedback import credit_of
from simulator.reading.flattery import WINDOW, flattery_of, praises
from simulator.scenario import catalogue
from simulator.trainer.rehearsal import play

TEAM_LEAD = catalogue.load("overwhelmed-team-lead").scenario
FAWNING = [
    "Kasia, you're an absolute superstar, how are things?",
    "Go on, what are you proudest of? You're just brilliant.",
    "Don't you think you've got the most incredible values? What's the value you love most about yourself?",
    "A legend like you, what's your big dream for the team?",
]


def test_a_line_praising_when_two_of_the_last_six_did_is_flattery() -> None:
    assert flattery_of(FAWNING[1], FAWNING[:1]) is None  # praise twice is how people talk
    assert flattery_of(FAWNING[2], FAWNING[:2]) == 0
    assert flattery_of(FAWNING[3], FAWNING[:3]) == 0
    # A line without praise is never flattery, whatever came before it.
    assert flattery_of("What would a really good year look like for you?", FAWNING) is None


def test_praise_further_back_than_the_window_is_forgotten() -> None:
    earlier = FAWNING[:2] + ["What would help?"] * WINDOW
    assert flattery_of(FAWNING[2], earlier) is None


def test_everyday_coaching_words_are_not_sweeping_praise() -> None:
    for line in (
        "What's your greatest strength, would you say?",
        "What would be the best way to start?",
        "That's perfect, Monday it is.",
        "You were so good with that family.",
    ):
        assert not praises(line), line
    assert praises("youre a natural born leader")
    assert praises("You're a STAR.")


def test_specific_praise_now_and_then_in_a_textbook_conversation_is_never_flattery() -> None:
    textbook = [
        "What would a really good year look like for you?",
        "Christmas Eve, both trailers tipped before ten. That's remarkable.",
        "What does that tell you about what you're good at?",
        "It sounds like the floor matters more to you than the screen.",
        "What's already in place, holding that picture? And what's missing?",
        "Tomasz on the mornings from Wednesday. I think that's a brilliant first step.",
    ]
    assert all(flattery_of(line, textbook[:i]) is None for i, line in enumerate(textbook))


@given(st.lists(st.text(max_size=40), max_size=10), st.text(max_size=40))
def test_flattery_points_at_an_earlier_praising_line_in_the_window(earlier: list[str], line: str) -> None:
    found = flattery_of(line, earlier)
    if found is not None:
        assert praises(line) and praises(earlier[found])
        assert found >= len(earlier) - WINDOW
        assert sum(praises(before) for before in earlier[found:]) >= 2


def test_the_coachee_is_moved_by_flattery_no_more_and_the_scorecard_credits_none() -> None:
    session = play(TEAM_LEAD, FAWNING, seed=0)
    for turn in session.turns[2:]:
        assert "flattery" in turn.rules
        assert turn.openness_after == turn.openness_before
        assert turn.reveals == ()
    evidence = conversation_evidence(facts_from_practice(TEAM_LEAD, session.turns))
    assert [seen.flattery_of for seen in evidence] == [None, None, 1, 1]
    assert not any(seen.earns for seen in evidence[2:])
    assert "flattery" in credit_of(evidence[2])
