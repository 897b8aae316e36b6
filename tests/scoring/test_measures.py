"""Each measure of the scorecard on hand-built conversations: value, rating and reason."""

import math

from scoring.facts import ConversationFacts, TurnFacts
from scoring.measures import (
    change_talk,
    coachee_trajectory,
    complex_reflection_share,
    falling,
    ict_order,
    mi_adherent,
    mi_non_adherent,
    pea_nea_ratio,
    reflections_to_questions,
    rising,
    story_revealed,
)
from simulator.scenario.rubric import DEFAULT_RUBRIC, Threshold
from simulator.vocabulary import Attractor, Focus, Form, Move, State

R = DEFAULT_RUBRIC
VISION_Q = Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA)
VALUES_Q = Move(Form.OPEN_QUESTION, Focus.VALUES, Attractor.PEA)
REAL_SELF_Q = Move(Form.OPEN_QUESTION, Focus.REAL_SELF, Attractor.NEUTRAL)
COMPLEX = Move(Form.COMPLEX_REFLECTION, Focus.FEELINGS, Attractor.PEA)
SIMPLE = Move(Form.SIMPLE_REFLECTION, Focus.FEELINGS, Attractor.PEA)
AFFIRM = Move(Form.AFFIRMATION, Focus.STRENGTHS, Attractor.PEA)
ADVICE = Move(Form.ADVICE, Focus.PLAN, Attractor.NEA)
CONFRONT = Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA)
CHECK = Move(Form.CLOSED_QUESTION, Focus.DEFICIT, Attractor.NEA)


def external(*moves: Move, talk: tuple[str, ...] = ()) -> ConversationFacts:
    turns = tuple(TurnFacts(n=i, trainee="line", move=m) for i, m in enumerate(moves, start=1))
    if talk and turns:
        turns = (*turns[:-1], TurnFacts(n=len(turns), trainee="line", move=moves[-1], coachee_talk=talk))
    return ConversationFacts(turns=turns, simulated=False)


def simulated(states: list[State], reveals: list[tuple[str, ...]] | None = None) -> ConversationFacts:
    reveals = reveals or [()] * (len(states) - 1)
    turns = tuple(
        TurnFacts(
            n=i,
            trainee="line",
            move=COMPLEX,
            state_before=states[i - 1],
            state_after=states[i],
            reveals=reveals[i - 1],
        )
        for i in range(1, len(states))
    )
    kinds = (("v", "vision"), ("val", "values"), ("step", "next_step"))
    return ConversationFacts(turns=turns, simulated=True, starting_state=states[0], story_kinds=kinds)


def test_score_is_one_at_good_point_six_at_fair_and_less_below() -> None:
    mark = Threshold(fair=2, good=3)
    assert rising(3, mark) == 1.0 and rising(2, mark) == 0.6 and rising(1, mark) == 0.3
    low_is_good = Threshold(fair=2, good=1)
    assert (
        falling(1, low_is_good) == 1.0 and falling(2, low_is_good) == 0.6 and falling(4, low_is_good) == 0.3
    )


def test_pea_nea_ratio_of_three_to_one_is_good_and_one_to_one_is_poor() -> None:
    assert pea_nea_ratio(external(VISION_Q, COMPLEX, AFFIRM, ADVICE), R).rating == "good"
    even = pea_nea_ratio(external(VISION_Q, ADVICE), R)
    assert even.rating == "poor" and even.shown == "1:1"


def test_pea_without_any_nea_is_good_and_shown_as_a_tally() -> None:
    measure = pea_nea_ratio(external(VISION_Q), R)
    assert math.isinf(measure.value or 0) and measure.shown == "1:0" and measure.rating == "good"


def test_ict_order_is_good_with_two_vision_exchanges_before_the_real_self() -> None:
    assert ict_order(external(VISION_Q, VALUES_Q, REAL_SELF_Q), R).rating == "good"
    assert ict_order(external(VISION_Q, REAL_SELF_Q), R).rating == "fair"


def test_ict_order_is_not_met_when_nea_comes_before_the_vision() -> None:
    measure = ict_order(external(CHECK, VISION_Q, VALUES_Q), R)
    assert measure.rating == "poor" and "1 NEA move(s) came before" in measure.reason


def test_ict_order_without_any_vision_is_poor() -> None:
    assert "never explored" in ict_order(external(COMPLEX, REAL_SELF_Q), R).reason


def test_reflections_to_questions_two_to_one_is_good() -> None:
    assert reflections_to_questions(external(COMPLEX, SIMPLE, VISION_Q), R).rating == "good"
    assert reflections_to_questions(external(VISION_Q, VALUES_Q, COMPLEX), R).rating == "poor"


def test_complex_share_is_not_applicable_without_reflections() -> None:
    measure = complex_reflection_share(external(VISION_Q), R)
    assert measure.rating == "n/a" and measure.score is None
    assert complex_reflection_share(external(COMPLEX, SIMPLE), R).rating == "good"


def test_mi_adherent_counts_affirmations_and_autonomy() -> None:
    autonomy = Move(Form.AUTONOMY, Focus.NONE, Attractor.PEA)
    assert mi_adherent(external(AFFIRM, autonomy, AFFIRM), R).rating == "good"
    assert mi_adherent(external(VISION_Q), R).rating == "poor"


def test_any_confront_keeps_non_adherence_from_good() -> None:
    calm = [VISION_Q] * 19
    assert mi_non_adherent(external(ADVICE, *calm), R).rating == "good"
    assert mi_non_adherent(external(CONFRONT, *calm), R).rating == "fair"
    assert mi_non_adherent(external(CONFRONT, ADVICE, ADVICE, CONFRONT, *calm), R).rating == "poor"


def test_non_adherence_is_a_rate_so_a_short_lecture_is_poor() -> None:
    assert mi_non_adherent(external(ADVICE, ADVICE, VISION_Q), R).rating == "poor"


def test_non_adherence_is_counted_per_twenty_turns() -> None:
    long_talk = external(*([VISION_Q] * 38), ADVICE, ADVICE)
    assert mi_non_adherent(long_talk, R).value == 1.0


def test_trajectory_good_needs_open_at_the_end_and_never_defensive() -> None:
    assert coachee_trajectory(simulated([State.GUARDED, State.NEUTRAL, State.OPEN]), R).rating == "good"
    shut = coachee_trajectory(simulated([State.GUARDED, State.DEFENSIVE, State.NEUTRAL]), R)
    assert shut.rating == "fair" and "shut down 1 time(s)" in shut.reason
    assert coachee_trajectory(simulated([State.GUARDED, State.DEFENSIVE]), R).rating == "poor"


def test_trajectory_and_story_do_not_apply_without_a_simulated_coachee() -> None:
    assert coachee_trajectory(external(VISION_Q), R).rating == "n/a"
    assert story_revealed(external(VISION_Q), R).rating == "n/a"


def test_story_good_needs_vision_values_and_a_next_step() -> None:
    states = [State.NEUTRAL, State.OPEN, State.OPEN, State.OPEN]
    assert story_revealed(simulated(states, [("v",), ("val",), ("step",)]), R).rating == "good"
    assert story_revealed(simulated(states, [("v",), (), ()]), R).rating == "fair"
    assert story_revealed(simulated(states, [("val",), (), ()]), R).rating == "poor"


def test_change_talk_reads_the_real_coachee_and_skips_the_simulated_one() -> None:
    assert change_talk(external(VISION_Q, talk=("change", "change", "sustain")), R).shown == "67%"
    assert change_talk(simulated([State.GUARDED, State.NEUTRAL]), R).rating == "n/a"
    assert change_talk(external(VISION_Q, talk=("neutral",)), R).rating == "n/a"
