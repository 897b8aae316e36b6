"""`/hint` uses the same logic as the scorecard's better line and takes up what the coachee just said."""

import pytest

from simulator.arc import mirror
from simulator.engine.hint import hint_for
from simulator.scenario import catalogue
from simulator.trainer.rehearsal import play, score_session

NURSE = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario
LINES = [
    "Thanks for coming in. What would make this half hour useful for you?",
    "Did you finish your charting yesterday?",
    "You need to get the notes done before you leave.",
]


@pytest.mark.slow
def test_the_hint_names_the_move_the_scorecard_would_suggest_at_that_moment() -> None:
    card = score_session(play(NURSE, LINES))
    for index, turn in enumerate(card.turns):
        if turn.better is not None:
            assert hint_for(play(NURSE, LINES[:index])).move == turn.better.move


def test_the_hint_takes_up_what_the_coachee_just_said() -> None:
    session = play(NURSE, LINES[:1])
    handed_back = mirror(session.turns[-1].coachee)
    hint = hint_for(session)
    assert hint.move and hint.example
    if handed_back:
        assert handed_back.lower() in hint.example.lower() or hint.move.startswith("warm-up")


def test_the_hint_offers_the_personas_own_line_for_what_the_coachee_just_said() -> None:
    session = play(NURSE, ["Hi Grace.", "How are the students getting on?"])
    students = next(topic for topic in NURSE.topics if topic.id == "students")
    said = session.turns[-1].coachee
    assert said in {reply.text for _, _, reply in students.replies.keyed()}
    own = next(reply for _, _, reply in students.replies.keyed() if reply.text == said).coach_lines.reflect
    assert own and hint_for(session).example in (*own, *students.coach_lines.reflect)
