"""A question asked before the coachee was ready stays in the air for a few turns: once they have
warmed up, the next line that would draw a story out draws that answer, marked as a late one."""

from __future__ import annotations

from simulator.engine.session import LATE_ANSWER_OPENERS, STILL_IN_THE_AIR, Condition, Session
from simulator.scenario import catalogue
from simulator.vocabulary import Attractor, Focus, Form, Move, State

NURSE = catalogue.load("ward-nurse-charting").scenario
VISION_QUESTION = Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA, confidence=1.0)
YOUR_CALL = Move(Form.AUTONOMY, Focus.NONE, Attractor.PEA, confidence=1.0)
ORDER = Move(Form.ADVICE, Focus.NONE, Attractor.NEA, confidence=1.0)


def _entered(state: State, asked_for: frozenset[tuple[str, int]] = frozenset()) -> Session:
    session = Session(NURSE, seed=0)
    explored = frozenset({Focus.VISION})  # the gate to open is passed: a line may take her there
    session.enter(Condition(state, state.rank + 0.2, explored, (), 0, state, asked_for=asked_for))
    return session


def test_the_vision_asked_for_too_soon_is_not_told_but_stays_in_the_air() -> None:
    session = _entered(State.GUARDED)
    turn = session.play(VISION_QUESTION, "Where would you like to be in a year?")
    assert turn.reveals == ()
    assert ("vision", STILL_IN_THE_AIR) in session.condition().asked_for


def test_once_ready_a_later_line_draws_the_answer_out_marked_as_late() -> None:
    session = _entered(State.OPEN, frozenset({("vision", 2)}))
    turn = session.play(YOUR_CALL, "Take your time, it's your call.")
    assert turn.reveals == ("vision",)
    assert turn.coachee.endswith(NURSE.story_item("vision").text)
    assert any(turn.coachee.startswith(opener) for opener in LATE_ANSWER_OPENERS)
    assert session.condition().asked_for == frozenset()


def test_nothing_asked_for_nothing_told_by_a_line_about_nothing_in_the_story() -> None:
    turn = _entered(State.OPEN).play(YOUR_CALL, "Take your time, it's your call.")
    assert turn.reveals == ()


def test_an_nea_line_draws_out_no_late_answer() -> None:
    turn = _entered(State.OPEN, frozenset({("vision", 2)})).play(ORDER, "Right, get the charts done.")
    assert turn.reveals == ()


def test_the_question_is_forgotten_after_its_turns_run_out() -> None:
    session = _entered(State.GUARDED, frozenset({("vision", 1)}))
    turn = session.play(YOUR_CALL, "Take your time, it's your call.")
    assert turn.reveals == ()
    assert session.condition().asked_for == frozenset()


def test_a_line_asking_for_the_story_itself_comes_first() -> None:
    values = Move(Form.OPEN_QUESTION, Focus.VALUES, Attractor.PEA, confidence=1.0)
    session = _entered(State.OPEN, frozenset({("vision", 2)}))
    turn = session.play(values, "What matters most to you in nursing?")
    assert turn.reveals == ("values",)
    assert turn.coachee == NURSE.story_item("values").text
    assert ("vision", 1) in session.condition().asked_for


def test_a_new_question_gets_an_answer_of_its_own_not_the_late_one() -> None:
    how_are_you = Move(Form.OPEN_QUESTION, Focus.NONE, Attractor.PEA, confidence=1.0)
    session = _entered(State.OPEN, frozenset({("vision", 2)}))
    turn = session.play(how_are_you, "How was the drive in?")
    assert turn.reveals == ()
    assert ("vision", 1) in session.condition().asked_for
