"""Each measure of the scorecard on hand-built conversations: value, rating and reason."""

import dataclasses

import pytest

from scoring.evidence import Evidence, _is_specific, evidence_of
from scoring.facts import ConversationFacts, TurnFacts
from scoring.feedback import credit_of, verdict_of
from scoring.global_ratings import asked_from_a_list, partnership_rating, told_them_who_they_are
from scoring.marks import falling, rising
from scoring.measures import (
    change_talk,
    coachee_trajectory,
    complex_reflection_share,
    empathy,
    goal_ownership,
    ict_order,
    mi_adherent,
    mi_non_adherent,
    partnership,
    pea_nea_ratio,
    reflections_to_questions,
    story_revealed,
)
from simulator.scenario import catalogue
from simulator.scenario.rubric import DEFAULT_RUBRIC, Threshold
from simulator.vocabulary import Attractor, Focus, Form, Move, State

R = DEFAULT_RUBRIC
VISION_Q = Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA)
VALUES_Q = Move(Form.OPEN_QUESTION, Focus.VALUES, Attractor.PEA)
PLAN_Q = Move(Form.OPEN_QUESTION, Focus.PLAN, Attractor.PEA)
REAL_SELF_Q = Move(Form.OPEN_QUESTION, Focus.REAL_SELF, Attractor.NEUTRAL)
COMPLEX = Move(Form.COMPLEX_REFLECTION, Focus.FEELINGS, Attractor.PEA)
SIMPLE = Move(Form.SIMPLE_REFLECTION, Focus.FEELINGS, Attractor.PEA)
AFFIRM = Move(Form.AFFIRMATION, Focus.STRENGTHS, Attractor.PEA)
AUTONOMY = Move(Form.AUTONOMY, Focus.NONE, Attractor.PEA)
ADVICE = Move(Form.ADVICE, Focus.PLAN, Attractor.NEA)
CONFRONT = Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA)
CHECK = Move(Form.CLOSED_QUESTION, Focus.DEFICIT, Attractor.NEA)

COACHEE = "I keep thinking about the students on the ward and how much I love teaching them."
LINES = {
    VISION_Q: "If things went really well in two years, what would you be doing?",
    VALUES_Q: "What matters most to you about the work?",
    PLAN_Q: "Which small step would you like to try first?",
    REAL_SELF_Q: "How do things stand at the moment, week by week?",
    COMPLEX: "You love teaching the students, and it lights you up.",
    SIMPLE: "Teaching the students on the ward.",
    AFFIRM: "You stayed with that frightened family all night and calmed them.",
    AUTONOMY: "It's your call what we look at.",
    ADVICE: "You should make a checklist and stick to it.",
    CONFRONT: "That simply isn't good enough for someone at your level.",
    CHECK: "Did you finish the charting yesterday?",
}


def external(*moves: Move, talk: tuple[str, ...] = (), lines: tuple[str, ...] = ()) -> Evidence:
    """A conversation of two real people: each move said with its own line (or `lines`), the coachee replying `COACHEE`."""
    said = lines or tuple(
        f"{LINES[move]} ({index})" if LINES[move] in [LINES[m] for m in moves[:index]] else LINES[move]
        for index, move in enumerate(moves)
    )
    turns = tuple(
        TurnFacts(n=i, trainee=text, move=move, coachee=COACHEE)
        for i, (move, text) in enumerate(zip(moves, said, strict=True), start=1)
    )
    if talk and turns:
        last = turns[-1]
        turns = (*turns[:-1], TurnFacts(last.n, last.trainee, last.move, coachee=COACHEE, coachee_talk=talk))
    return evidence_of(ConversationFacts(turns=turns, simulated=False, opening=COACHEE))


def distinct(move: Move, count: int) -> tuple[str, ...]:
    """`count` different lines for one move, so none repeats another."""
    topics = ["the ward", "the students", "nights", "the family", "teaching", "the rota", "home", "the team"]
    return tuple(f"{LINES[move]} About {topics[i % len(topics)]} number {i}." for i in range(count))


REFLECTIONS = (
    "You love teaching the students.",
    "Teaching lights you up, and the ward matters to you.",
    "The students and teaching them keep coming up for you.",
    "Being with the students on the ward is where you feel most yourself.",
)


def simulated(
    states: list[State], reveals: list[tuple[str, ...]] | None = None, move: Move = COMPLEX
) -> Evidence:
    reveals = reveals or [()] * (len(states) - 1)
    turns = tuple(
        TurnFacts(
            n=i,
            trainee=REFLECTIONS[(i - 1) % len(REFLECTIONS)],
            move=move,
            coachee=COACHEE,
            state_before=states[i - 1],
            state_after=states[i],
            openness_before=float(states[i - 1].rank),
            openness_after=float(states[i].rank),
            reveals=reveals[i - 1],
        )
        for i in range(1, len(states))
    )
    kinds = (("v", "vision"), ("val", "values"), ("step", "next_step"))
    facts = ConversationFacts(
        turns=turns, simulated=True, starting_state=states[0], story_kinds=kinds, opening=COACHEE
    )
    return evidence_of(facts)


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


def test_pea_without_any_nea_is_a_finite_number_shown_as_a_tally() -> None:
    measure = pea_nea_ratio(external(VISION_Q, VALUES_Q, COMPLEX), R)
    assert measure.value == 3.0 and measure.shown == "3:0" and measure.rating == "good"


def test_a_stock_reflection_earns_no_pea_and_no_reflection_credit() -> None:
    stock = external(SIMPLE, lines=("That sounds really hard.",))
    assert pea_nea_ratio(stock, R).shown == "0:0"
    assert reflections_to_questions(stock, R).shown == "0:0"
    assert "stock reflection" in pea_nea_ratio(stock, R).reason or "no move" in pea_nea_ratio(stock, R).reason


def test_a_repeated_line_earns_nothing_after_the_first() -> None:
    again = external(VISION_Q, VISION_Q, lines=(LINES[VISION_Q], LINES[VISION_Q]))
    assert pea_nea_ratio(again, R).shown == "1:0"
    assert again.turns[1].repeat_of == 1 and not again.turns[1].earns


def test_an_unclear_line_counts_neither_way() -> None:
    unsure = Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA, confidence=0.2)
    evidence = external(VISION_Q, unsure, lines=(LINES[VISION_Q], "mumble the notes mumble"))
    assert pea_nea_ratio(evidence, R).shown == "1:0" and mi_non_adherent(evidence, R).shown == "0"


def test_a_half_sure_nea_line_counts_against_the_trainee_in_part() -> None:
    # Confidence 0.725 is half-way from unclear (0.55) to sure (0.90): the line counts half.
    half = Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA, confidence=0.725)
    sure = Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA, confidence=0.95)
    lines = (LINES[VISION_Q], LINES[CONFRONT], LINES[VALUES_Q])
    halved, whole = (external(VISION_Q, move, VALUES_Q, lines=lines) for move in (half, sure))
    assert pea_nea_ratio(halved, R).shown == "2:0.5" and pea_nea_ratio(whole, R).shown == "2:1"
    assert "0.5 confrontation(s)" in mi_non_adherent(halved, R).reason
    assert mi_non_adherent(halved, R).score > mi_non_adherent(whole, R).score
    assert partnership(halved, R).score >= partnership(whole, R).score


def test_a_barely_clear_nea_line_before_the_vision_does_not_break_the_order() -> None:
    # Under half a line's worth (certainty 0.2) is not an NEA move before the vision; a sure one is.
    barely = Move(Form.ADVICE, Focus.PLAN, Attractor.NEA, confidence=0.62)
    lines = (LINES[ADVICE], LINES[VISION_Q], LINES[VALUES_Q])
    assert ict_order(external(barely, VISION_Q, VALUES_Q, lines=lines), R).shown == "met"
    assert ict_order(external(ADVICE, VISION_Q, VALUES_Q), R).shown == "not met"


def test_ict_order_is_good_with_two_vision_exchanges_before_the_real_self() -> None:
    assert ict_order(external(VISION_Q, VALUES_Q, CHECK, REAL_SELF_Q), R).rating == "good"
    assert ict_order(external(VISION_Q, CHECK), R).rating == "fair"


def test_a_check_in_in_the_first_turns_is_not_the_real_self() -> None:
    assert ict_order(external(REAL_SELF_Q, VISION_Q, VALUES_Q), R).rating == "good"


def test_praise_a_choice_or_the_agenda_in_words_of_the_problem_is_not_the_real_self() -> None:
    warm_on_the_problem = [
        (Move(Form.AFFIRMATION, Focus.DEFICIT, Attractor.PEA), "Nine years without missing. That's grit."),
        (Move(Form.AUTONOMY, Focus.DEFICIT, Attractor.PEA), "Not here to read you the dashboard. Your call."),
        (
            Move(Form.STRUCTURE, Focus.DEFICIT, Attractor.NEUTRAL),
            "It is partly about the notes, I won't hide it.",
        ),
    ]
    for move, line in warm_on_the_problem:
        lines = (LINES[CHECK], line, LINES[VISION_Q], LINES[VALUES_Q])
        measure = ict_order(external(REAL_SELF_Q, move, VISION_Q, VALUES_Q, lines=lines), R)
        assert measure.rating == "good", (line, measure.reason)
    # The same words asked as a question do look at how things are now.
    asked = Move(Form.OPEN_QUESTION, Focus.DEFICIT, Attractor.NEUTRAL)
    lines = (LINES[CHECK], "What's behind the late notes?", LINES[VISION_Q], LINES[VALUES_Q])
    assert ict_order(external(REAL_SELF_Q, asked, VISION_Q, VALUES_Q, lines=lines), R).rating != "good"


def test_ict_order_is_not_met_when_nea_comes_before_the_vision() -> None:
    measure = ict_order(external(CHECK, VISION_Q, VALUES_Q), R)
    assert measure.rating == "poor" and "1 NEA move(s) came before" in measure.reason


def test_ict_order_without_any_vision_is_poor() -> None:
    assert "never explored" in ict_order(external(COMPLEX, REAL_SELF_Q), R).reason


def test_reflections_to_questions_counts_only_reflections_that_reflect() -> None:
    lines = ("You love teaching the students.", "Teaching the students lights you up.", LINES[VISION_Q])
    assert reflections_to_questions(external(COMPLEX, SIMPLE, VISION_Q, lines=lines), R).rating == "good"
    assert reflections_to_questions(external(VISION_Q, VALUES_Q, COMPLEX), R).rating == "poor"


def test_complex_share_is_not_applicable_without_reflections_that_reflect() -> None:
    measure = complex_reflection_share(external(VISION_Q), R)
    assert measure.rating == "n/a" and measure.score is None
    lines = ("You love teaching the students.", "Teaching the students on the ward.")
    assert complex_reflection_share(external(COMPLEX, SIMPLE, lines=lines), R).rating == "good"


def test_mi_adherent_counts_specific_affirmations_and_autonomy() -> None:
    lines = (
        LINES[AFFIRM],
        LINES[AUTONOMY],
        "You kept the whole bay calm through a night with two nurses short.",
    )
    assert mi_adherent(external(AFFIRM, AUTONOMY, AFFIRM, lines=lines), R).rating == "good"
    assert mi_adherent(external(VISION_Q), R).rating == "poor"


def test_generic_praise_is_not_an_affirmation() -> None:
    measure = mi_adherent(external(AFFIRM, lines=("You're really good.",)), R)
    assert measure.shown == "0" and "generic praise" in measure.reason


def test_sweeping_praise_is_specific_only_when_it_names_something_particular() -> None:
    # A long paragraph of praise has plenty of words of its own, and names nothing the coachee did.
    paragraph = "That's a truly inspiring vision, and I can really hear the passion and dedication behind it."
    assert mi_adherent(external(AFFIRM, lines=(paragraph,)), R).shown == "0"
    for particular in (
        "Four months of early starts. That's incredible.",  # a count
        "Sixty mums a year, and they all remember you. Amazing.",  # a count in the sixties to nineties too
        "You're brilliant with the students on the ward.",  # the coachee's own words (`COACHEE`)
    ):
        assert mi_adherent(external(AFFIRM, lines=(particular,)), R).shown == "1", particular
    # Praise with no word of sweeping praise keeps the word count.
    assert mi_adherent(external(AFFIRM, lines=("That took real guts, owning up.",)), R).shown == "1"


def test_sweeping_praise_naming_one_of_the_persona_s_topics_is_specific() -> None:
    def topics_of(line: str) -> frozenset[str]:
        return frozenset({"teaching"}) if "students" in line else frozenset()

    line = "You're amazing with the students."
    assert _is_specific(line, frozenset(), topics_of)
    # Without the topic, a word of its own is not enough beside sweeping praise.
    assert not _is_specific(line, frozenset(), None)


def test_any_confront_keeps_non_adherence_from_good() -> None:
    calm = distinct(VISION_Q, 19)
    assert (
        mi_non_adherent(external(ADVICE, *[VISION_Q] * 19, lines=(LINES[ADVICE], *calm)), R).rating == "good"
    )
    assert (
        mi_non_adherent(external(CONFRONT, *[VISION_Q] * 19, lines=(LINES[CONFRONT], *calm)), R).rating
        == "fair"
    )


def test_non_adherence_is_a_rate_so_a_short_lecture_is_poor() -> None:
    lines = (LINES[ADVICE], "Write the notes at the bedside as you go.", LINES[VISION_Q])
    assert mi_non_adherent(external(ADVICE, ADVICE, VISION_Q, lines=lines), R).rating == "poor"


def test_trajectory_good_needs_open_at_the_end_and_never_defensive() -> None:
    assert coachee_trajectory(simulated([State.GUARDED, State.NEUTRAL, State.OPEN]), R).rating == "good"
    shut = coachee_trajectory(simulated([State.GUARDED, State.DEFENSIVE, State.NEUTRAL]), R)
    assert shut.rating == "fair" and "shut down 1 time(s)" in shut.reason
    assert coachee_trajectory(simulated([State.GUARDED, State.DEFENSIVE]), R).rating == "poor"


def test_a_rise_brought_about_by_stock_lines_is_not_credited() -> None:
    stock = Move(Form.SIMPLE_REFLECTION, Focus.FEELINGS, Attractor.PEA)
    earned = coachee_trajectory(simulated([State.GUARDED, State.NEUTRAL, State.OPEN]), R)
    facts = simulated([State.GUARDED, State.NEUTRAL, State.OPEN], move=stock).facts
    stock_facts = ConversationFacts(
        turns=tuple(
            TurnFacts(
                t.n,
                "That sounds really hard.",
                t.move,
                t.coachee,
                t.state_before,
                t.state_after,
                t.openness_before,
                t.openness_after,
            )
            for t in facts.turns
        ),
        simulated=True,
        starting_state=State.GUARDED,
        opening=COACHEE,
    )
    unearned = coachee_trajectory(evidence_of(stock_facts), R)
    assert (unearned.score or 0) < (earned.score or 0) and "not credited" in unearned.reason


def test_what_a_plain_neutral_question_draws_out_is_earned_and_what_a_repeat_draws_out_is_not() -> None:
    # "How does that picture sit next to how things are now?" after the vision is the arc's next
    # step: the rise and the part of the story it brings are the trainee's, not a stock line's.
    states = [State.NEUTRAL, State.OPEN, State.OPEN]
    plain = simulated(states, [("v",), ("val",)], move=REAL_SELF_Q)
    assert "not credited" not in coachee_trajectory(plain, R).reason
    assert story_revealed(plain, R).shown == "values, vision"
    facts = plain.facts
    said_again = ConversationFacts(
        turns=tuple(dataclasses.replace(turn, trainee=facts.turns[0].trainee) for turn in facts.turns),
        simulated=True,
        starting_state=State.NEUTRAL,
        story_kinds=facts.story_kinds,
        opening=COACHEE,
    )
    repeated = story_revealed(evidence_of(said_again), R)
    assert repeated.shown == "vision" and "not credited: values" in repeated.reason


def test_trajectory_and_story_do_not_apply_without_a_simulated_coachee() -> None:
    assert coachee_trajectory(external(VISION_Q), R).rating == "n/a"
    assert story_revealed(external(VISION_Q), R).rating == "n/a"


def test_story_good_needs_vision_values_and_a_next_step() -> None:
    states = [State.NEUTRAL, State.OPEN, State.OPEN, State.OPEN]
    assert story_revealed(simulated(states, [("v",), ("val",), ("step",)]), R).rating == "good"
    assert story_revealed(simulated(states, [("v",), (), ()]), R).rating == "fair"
    assert story_revealed(simulated(states, [("val",), (), ()]), R).rating == "poor"


def test_the_story_names_what_was_told_in_words_not_identifiers() -> None:
    states = [State.NEUTRAL, State.OPEN, State.OPEN, State.OPEN]
    told = story_revealed(simulated(states, [("v",), ("val",), ("step",)]), R)
    assert told.shown == "next step, values, vision" and "next_step" not in told.reason


def test_a_step_the_coachee_proposed_counts_for_the_trainee_and_an_imposed_one_against() -> None:
    states = [State.NEUTRAL, State.OPEN, State.OPEN, State.OPEN]
    owned = goal_ownership(simulated(states, [("v",), ("val",), ("step",)]), R)
    assert owned.rating == "good" and "proposed their goal and their step" in owned.reason
    imposed = goal_ownership(external(VISION_Q, ADVICE), R)
    assert imposed.rating == "poor" and "1 solution(s) of your own" in imposed.reason


def test_a_half_sure_piece_of_advice_takes_nothing_from_the_coachees_own_goal_and_step() -> None:
    states = [State.NEUTRAL, State.OPEN, State.OPEN, State.OPEN]
    facts = simulated(states, [("v",), ("val",), ("step",)]).facts
    barely = Move(Form.ADVICE, Focus.PLAN, Attractor.NEA, confidence=0.62)  # certainty 0.2
    advised = dataclasses.replace(facts.turns[-1], n=len(facts.turns) + 1, move=barely, reveals=())
    with_advice = evidence_of(dataclasses.replace(facts, turns=(*facts.turns, advised)))
    owned = goal_ownership(with_advice, R)
    assert owned.rating == "good" and owned.reason.endswith("theirs, so it is more likely to hold")


def test_the_tip_for_ownership_never_asks_for_the_part_the_coachee_proposed() -> None:
    from scoring.advice import tip_for

    states = [State.NEUTRAL, State.OPEN, State.OPEN, State.OPEN]
    step_only = simulated(states, [(), ("val",), ("step",)])
    owned = goal_ownership(step_only, R)
    tip = tip_for(owned, step_only)
    assert owned.rating == "fair" and tip is not None
    assert tip.text.startswith("The step was theirs") and "small step" not in tip.text
    goal_only = simulated(states, [("v",), ("val",), ()])
    tip = tip_for(goal_ownership(goal_only, R), goal_only)
    assert tip is not None and "small step they would like to try first" in tip.text


def test_the_tip_for_the_story_asks_only_for_what_is_still_untold() -> None:
    from scoring.advice import tip_for

    states = [State.NEUTRAL, State.OPEN, State.OPEN, State.OPEN]
    no_values = simulated(states, [("v",), ("step",), ()], move=VALUES_Q)  # values asked, not told
    told = story_revealed(no_values, R)
    tip = tip_for(told, no_values)
    assert told.rating == "fair" and tip is not None
    assert "step" not in tip.text and tip.text.startswith("Earn the story")
    no_step = simulated(states, [("v",), ("val",), ()])
    tip = tip_for(story_revealed(no_step, R), no_step)
    assert tip is not None and tip.text.startswith("Now the vision is told, ask which small step")


def test_the_tip_for_scenario_goals_names_the_first_goal_not_met() -> None:
    from scoring.advice import tip_for
    from scoring.experience import goals_met
    from simulator.scenario.model import Goal

    states = [State.NEUTRAL, State.OPEN, State.OPEN, State.OPEN]
    facts = simulated(states, [("v",), (), ()]).facts
    goals = (Goal(text="Hear their vision", reveal="v"), Goal(text="Learn what matters most", reveal="val"))
    evidence = evidence_of(dataclasses.replace(facts, goals=goals))
    measure = goals_met(evidence, R)
    tip = tip_for(measure, evidence)
    assert measure.shown == "1/2" and "missed: Learn what matters most" in measure.reason
    assert tip is not None and tip.text.endswith('the first not met: "Learn what matters most".')


def test_change_talk_reads_the_real_coachee_and_skips_the_simulated_one() -> None:
    assert change_talk(external(VISION_Q, talk=("change", "change", "sustain")), R).shown == "67%"
    assert change_talk(simulated([State.GUARDED, State.NEUTRAL]), R).rating == "n/a"
    assert change_talk(external(VISION_Q, talk=("neutral",)), R).rating == "n/a"


def test_empathy_rises_with_reflections_that_capture_the_coachee_and_falls_with_stock_ones() -> None:
    heard = ("You love teaching the students.", "Teaching the students lights you up, and you miss it.")
    attentive = empathy(external(COMPLEX, COMPLEX, lines=heard), R)
    stock = empathy(
        external(SIMPLE, SIMPLE, lines=("That sounds hard.", "I hear you, that must be tough.")), R
    )
    assert (attentive.value or 0) > (stock.value or 0) and stock.rating == "poor"
    assert attentive.shown.endswith("/5") and attentive.reason.count(":") >= 1


def test_reflections_said_by_rote_count_against_empathy() -> None:
    refilled = (
        "Teaching the students is on your mind.",
        "The ward is on your mind.",
        "Teaching is on your mind.",
    )
    rote = external(SIMPLE, SIMPLE, SIMPLE, lines=refilled)
    assert [turn.rote_reflection for turn in rote.turns] == [False, True, True]
    by_rote, varied = empathy(rote, R), empathy(external(SIMPLE, SIMPLE, SIMPLE, lines=REFLECTIONS[:3]), R)
    assert "2 reflection(s) said by rote" in by_rote.reason and "by rote" not in varied.reason
    assert (by_rote.value or 0) < (varied.value or 0)
    # Said once, the frame is a reflection like any other: no less than once among other lines.
    once = empathy(external(SIMPLE, VALUES_Q, PLAN_Q, lines=(refilled[0], LINES[VALUES_Q], LINES[PLAN_Q])), R)
    assert "by rote" not in once.reason


def test_empathy_counts_affirmations_built_on_the_coachees_words() -> None:
    built_on = (
        "Your patience with the students made a real difference to three new nurses this year.",
        "The way you explain a drug round, the students remember it for months.",
    )
    from_nowhere = (
        "You stayed calm through a frightening audit.",
        "You handled a difficult night with real skill.",
    )
    heard, unheard = (
        empathy(external(AFFIRM, AFFIRM, lines=built_on), R),
        empathy(external(AFFIRM, AFFIRM, lines=from_nowhere), R),
    )
    assert "2 affirmation(s) built on their words" in heard.reason and "built on" not in unheard.reason
    assert (heard.score or 0) > (unheard.score or 0)


def test_an_affirmation_mostly_in_the_coachees_words_counts_as_a_reflection_for_empathy() -> None:
    restating = ("You love teaching the students on the ward, and you're good at it.",)
    built_on = ("Your patience with the students made a real difference to three new nurses this year.",)
    in_their_words = external(AFFIRM, lines=restating)
    assert in_their_words.turns[0].restating_affirmation and in_their_words.turns[0].grounded_affirmation
    told_back, built = empathy(in_their_words, R), empathy(external(AFFIRM, lines=built_on), R)
    assert "1 affirmation(s) in their own words" in told_back.reason and "built on" not in told_back.reason
    # counted as one accurate reflection, where an affirmation only built on their words counts a half
    assert (told_back.score or 0) > (built.score or 0)


def test_a_reflection_in_new_words_earns_no_credit_and_no_blame() -> None:
    heard = "You love teaching the students."
    new_words = (heard, "Sharing what you know matters to you.", "Passing it on is the part you care about.")
    unconfirmed = external(COMPLEX, COMPLEX, COMPLEX, lines=new_words)
    assert all(turn.unconfirmed_reflection and not turn.stock_reflection for turn in unconfirmed.turns[1:])
    assert not any(turn.reflects for turn in unconfirmed.turns[1:])
    stock = external(
        COMPLEX, SIMPLE, SIMPLE, lines=(heard, "That sounds really hard.", "That must be so hard for you.")
    )
    assert all(turn.stock_reflection for turn in stock.turns[1:])
    assert "stock" not in empathy(unconfirmed, R).reason
    assert (empathy(unconfirmed, R).score or 0) > (empathy(stock, R).score or 0)


def test_a_reflection_in_new_words_on_the_subject_they_raised_earns_credit() -> None:
    des = catalogue.load("diabetes-walking").scenario
    coachee = "Truth is, it's not my legs. I go to get my coat and her lead's still on the hook."
    turns = (TurnFacts(n=0, trainee="Losing Bess changed the mornings.", move=COMPLEX, coachee="Aye."),)
    without = evidence_of(ConversationFacts(turns=turns, simulated=True, opening=coachee))
    with_topics = evidence_of(
        ConversationFacts(turns=turns, simulated=True, opening=coachee, persona_topics=des.topics)
    )
    assert not without.turns[0].reflects and without.turns[0].unconfirmed_reflection
    assert with_topics.turns[0].reflects


def test_a_question_opening_with_a_reflection_of_the_last_line_is_a_reflection_too() -> None:
    opens_reflecting = "Teaching the students, and you love it. What would more of that look like?"
    plain = "What would more of that look like?"
    reflected, asked = external(VISION_Q, lines=(opens_reflecting,)), external(VISION_Q, lines=(plain,))
    assert reflected.turns[0].reflects_first and reflected.turns[0].is_question
    assert not asked.turns[0].reflects_first
    assert reflected.reflections == 1 and asked.reflections == 0
    assert reflections_to_questions(reflected, R).shown == "1:1"
    told = empathy(reflected, R)
    assert "1 question(s) opening with one" in told.reason
    assert (told.score or 0) > (empathy(asked, R).score or 0)


def test_statements_before_a_question_reflect_only_the_last_line_in_its_words() -> None:
    recited = "You walked Bess by the canal every morning for nine years. What are your hopes?"
    framing = "As we hold that inspiring vision in mind, let's look at today. What do you have?"
    for line in (recited, framing):
        turn = external(VISION_Q, lines=(line,)).turns[0]
        assert not turn.reflects_first and not turn.takes_up
    # Before an NEA question the statements only lead up to the blow.
    blow = "You love teaching the students. Why are the notes still not done?"
    assert not external(CHECK, lines=(blow,)).turns[0].reflects_first


def test_a_list_of_the_coachees_words_before_a_question_is_no_reflection() -> None:
    listed = external(VISION_Q, lines=("So: students, ward, teaching. What would more of that look like?",))
    assert not listed.turns[0].reflects_first


def test_the_same_question_after_a_new_opening_earns_nothing_the_second_time() -> None:
    lines = (
        "Teaching the students, and you love it. What matters most to you about nursing?",
        "The ward and the students, and they keep you going. What matters most to you about nursing?",
    )
    asked = external(VISION_Q, VISION_Q, lines=lines)
    assert asked.turns[0].repeat_of is None and asked.turns[1].repeat_of == 1
    assert not asked.turns[1].earns and not asked.turns[1].reflects_first
    assert asked.turns[1].asks_again and "asks again what you asked at turn 1" in credit_of(asked.turns[1])


def test_partnership_falls_to_the_expert_role_when_the_coach_tells() -> None:
    telling = partnership(
        external(ADVICE, CONFRONT, CHECK, lines=(LINES[ADVICE], LINES[CONFRONT], LINES[CHECK])), R
    )
    assert telling.value == 1.0 and "expert role" in telling.reason
    sharing = partnership(external(VISION_Q, COMPLEX, AUTONOMY, PLAN_Q, talk=("change",)), R)
    assert (sharing.value or 0) > 1.0


def test_prepared_questions_that_take_up_nothing_do_not_share_power() -> None:
    # Twelve inviting questions, none taking up what the coachee said, and one reflection that
    # does: the coach's list sets the course, so Partnership stays under anchor 3 (MITI 2: responds
    # only superficially). With a reflection after every answer the coachee is heard, but the
    # list still sets the course; only questions that follow what they said share power (4).
    asks = [
        "What would your best year look like?",
        "What is your north star?",
        "What fills your cup?",
        "Where do you see yourself in five years?",
        "What legacy would you like to leave?",
        "What gives your work meaning?",
        "Who do you want to become?",
        "What are your signature strengths?",
        "What does success mean to you?",
        "What brings you joy at work?",
        "If anything were possible, what would you build?",
        "What calling sits beneath your career?",
    ]
    reflection = "You love teaching the students on the ward."
    prepared = external(*[VISION_Q] * 12, COMPLEX, lines=(*asks, reflection))
    assert partnership(prepared, R).value == 2.0
    reflections = [
        "You love teaching them.",
        "The students on the ward matter to you.",
        "Teaching lights you up.",
        "You keep thinking about the students.",
        "The ward is where you teach best.",
        "Loving the teaching keeps you going.",
    ]
    following = [
        "What is it about teaching them that you love?",
        "What do the students on the ward give you?",
        "When does teaching light you up most?",
        "What keeps the students on your mind?",
        "What makes the ward the place you teach best?",
        "What would more of that teaching look like?",
    ]
    moves = [move for _ in reflections for move in (VISION_Q, COMPLEX)]
    reflected = [line for pair in zip(asks, reflections, strict=False) for line in pair]
    assert partnership(external(*moves, lines=tuple(reflected)), R).value == 2.0
    followed = [line for pair in zip(following, reflections, strict=True) for line in pair]
    assert partnership(external(*moves, lines=tuple(followed)), R).value == 4.0


LISTED = (
    "It sounds like teaching matters to you. What values guide you?",
    "Right, the ward is on your mind. What would success look like?",
    "I hear that the students mean a lot to you. Who could support you?",
    "So you care about teaching. What gives you energy at work?",
    "Sounds like the ward really matters. What are you proudest of?",
    "Got it, the students are important to you. What would you do if you could not fail?",
)
FOLLOWED = (
    "It sounds like teaching matters to you. What is it about teaching the students that you love?",
    "Right, the ward is on your mind. What would success look like?",
    "I hear that the students mean a lot to you. How do they show it?",
    "So you care about teaching. What gives you energy at work?",
    "Sounds like the ward really matters. What would that look like next year?",
    "Got it, the students are important to you. What would you do if you could not fail?",
)


def test_questions_from_a_list_whatever_was_answered_keep_partnership_below_fair() -> None:
    listed = external(*[VALUES_Q] * len(LISTED), lines=LISTED)
    assert asked_from_a_list(listed)
    rating, seen = partnership_rating(listed)
    assert rating < 3 and "as from a list" in seen
    # The same openings, half the questions following what the coachee said: a conversation.
    followed = external(*[VALUES_Q] * len(FOLLOWED), lines=FOLLOWED)
    assert not asked_from_a_list(followed)
    assert partnership_rating(followed)[0] > rating


VALUES_SAID = Move(Form.COMPLEX_REFLECTION, Focus.VALUES, Attractor.PEA)
VISION_SAID = Move(Form.COMPLEX_REFLECTION, Focus.VISION, Attractor.PEA)
PLAN_SAID = Move(Form.COMPLEX_REFLECTION, Focus.PLAN, Attractor.PEA)
OPENING = "Is this about the bloods? I've not been as good as I should."
TOLD_FOR_THEM = (  # each line tells the coachee what they then say, before they have said it
    (
        VALUES_SAID,
        "Deep down what matters to you is your family, especially Maisie.",
        "It's our Maisie, really. My family's everything.",
    ),
    (
        VISION_SAID,
        "And I imagine you'd love to be back walking to the lock every morning.",
        "Every morning to the lock, I used to. Four mile.",
    ),
    (
        VALUES_SAID,
        "So your values are independence and never being a burden.",
        "Never a burden, that's it. Independence.",
    ),
    (
        PLAN_SAID,
        "And the step you'd choose is the towpath, half an hour a day.",
        "The towpath, then. Half an hour a day.",
    ),
)
ASKED = (  # the same replies, drawn out by questions
    (VALUES_Q, "What matters most to you, outside of here?", TOLD_FOR_THEM[0][2]),
    (VISION_Q, "If things went well, what would a good morning look like?", TOLD_FOR_THEM[1][2]),
    (VALUES_Q, "What's important to you about how you get older?", TOLD_FOR_THEM[2][2]),
    (PLAN_Q, "What would you like to try first?", TOLD_FOR_THEM[3][2]),
)  # fmt: skip


def spoken(*exchanges: tuple[Move, str, str]) -> Evidence:
    """A conversation of two real people, each exchange a trainee line, its move and the reply."""
    turns = tuple(
        TurnFacts(n=i, trainee=text, move=move, coachee=reply)
        for i, (move, text, reply) in enumerate(exchanges, start=1)
    )
    return evidence_of(ConversationFacts(turns=turns, simulated=False, opening=OPENING))


def test_telling_the_coachee_their_own_values_vision_and_plan_keeps_partnership_below_fair() -> None:
    told = spoken(*TOLD_FOR_THEM)
    # Content words, as the evidence keeps them (stems: "fami", "morn").
    assert [turn.told_first for turn in told.turns] == [
        ("fami", "maisie"), ("every", "lock", "morn"), ("burden", "independence"), ("day", "half", "hour", "towpath")
    ]  # fmt: skip
    assert told_them_who_they_are(told)
    rating, seen = partnership_rating(told)
    assert rating < 3 and "telling them their own vision, values or plan" in seen
    # The same story drawn out by asking for it: the coachee's own, and the coach shared the work.
    asked = spoken(*ASKED)
    assert not any(turn.told_first or turn.presumes for turn in asked.turns)
    assert not told_them_who_they_are(asked)
    assert partnership_rating(asked)[0] > rating


def test_a_reflection_of_what_the_coachee_said_presumes_nothing_even_about_their_values() -> None:
    heard = spoken(
        (VALUES_Q, "What matters most to you, outside of here?", TOLD_FOR_THEM[0][2]),
        (
            VALUES_SAID,
            "So it's Maisie, and your family being everything to you.",
            "That's it. That's all of it.",
        ),
    )
    assert not heard.turns[1].told_first and not heard.turns[1].presumes


def test_a_line_that_hit_a_nerve_counts_against_the_trainee_in_full() -> None:
    # Read half-surely (certainty 0.4), or too unsure to count at all (0.52), but the coachee took
    # it as an attack: a hot button fired. Their reaction settles what the reading left open.
    half = Move(Form.CONFRONT, Focus.REAL_SELF, Attractor.NEA, confidence=0.69)
    unsure = Move(Form.ADVICE, Focus.PLAN, Attractor.NEA, confidence=0.52)
    line = "Right Marco, let's get into it. You're at sixty percent with six weeks left."

    def said(move: Move, rules: tuple[str, ...]) -> Evidence:
        turns = (
            TurnFacts(n=1, trainee=line, move=move, coachee=COACHEE, rules=rules),
            TurnFacts(n=2, trainee=LINES[VISION_Q], move=VISION_Q, coachee=COACHEE),
        )
        return evidence_of(ConversationFacts(turns=turns, simulated=True, opening=COACHEE))

    assert said(half, ("nea.drop",)).against("is_nea") == pytest.approx(0.4)
    assert said(half, ("nea.drop", "hot_button.numbers")).against("is_nea") == 1.0
    assert said(unsure, ("unclear",)).against("is_nea") == 0.0
    assert said(unsure, ("hot_button.numbers",)).against("is_nea") == 1.0
    assert ict_order(said(half, ("nea.drop",)), R).shown == "met"
    assert ict_order(said(half, ("nea.drop", "hot_button.numbers")), R).shown == "not met"
    assert ict_order(said(unsure, ("hot_button.numbers",)), R).shown == "not met"
    assert said(unsure, ("hot_button.numbers",)).counted == 2
    assert "counts neither way" in credit_of(said(unsure, ("unclear",)).turns[0])
    assert "counts neither way" not in credit_of(said(unsure, ("hot_button.numbers",)).turns[0])
    stung = said(unsure, ("hot_button.numbers",))
    assert verdict_of(stung.facts.turns[0], stung.turns[0]) == "weak"


@pytest.mark.parametrize(("lines_back", "taken_up"), [(1, True), (4, True), (5, False)])
def test_a_question_takes_up_what_the_coachee_said_a_few_answers_ago(lines_back: int, taken_up: bool) -> None:
    # "You said the teaching pulls you": their lead followed, though they have answered other things since.
    said = ("I love teaching the students on the ward.", *["Fine."] * (lines_back - 1))
    nods = tuple(
        TurnFacts(n=n, trainee="Okay.", move=Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL), coachee=line)
        for n, line in enumerate(said[1:])
    )
    asked = TurnFacts(
        n=len(nods), trainee="What would more teaching look like for you?", move=VISION_Q, coachee="Hm."
    )
    evidence = evidence_of(ConversationFacts(turns=(*nods, asked), simulated=False, opening=said[0]))
    assert evidence.turns[-1].takes_up is taken_up
