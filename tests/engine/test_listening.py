"""A coachee who listens: topics, memory, reflections that land or miss, repeats, unclear lines, endings."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.engine.listening import Verdict, hear, reflection_verdict, topics_raised
from simulator.engine.session import Session, personality_for
from simulator.errors import ConversationOver
from simulator.reading.reflection import feeling_of
from simulator.reading.repeats import LinesHeard, asked_key, line_key
from simulator.records import EndReason
from simulator.scenario import catalogue
from simulator.scenario.model import Scenario
from simulator.scenario.replies import topics_named
from simulator.trainer.rehearsal import play
from simulator.vocabulary import SURE_FROM, UNCLEAR_BELOW, Attractor, Focus, Form, Move, State

NURSE = catalogue.load("ward-nurse-charting").scenario
DES = catalogue.load("diabetes-walking").scenario
KASIA = catalogue.load("overwhelmed-team-lead").scenario

STRUCTURE = Move(Form.STRUCTURE, Focus.NONE, Attractor.NEUTRAL)
CONFRONT = Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA)
VISION = Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA)
FEELING = Move(Form.COMPLEX_REFLECTION, Focus.FEELINGS, Attractor.PEA)
AUTONOMY = Move(Form.AUTONOMY, Focus.NONE, Attractor.PEA)


def starting(scenario: Scenario, state: State) -> Scenario:
    return scenario.model_copy(
        update={"coachee": scenario.coachee.model_copy(update={"starting_state": state})}
    )


def texts(replies: tuple) -> set[str]:  # type: ignore[type-arg]
    return {reply.text for reply in replies}


# --- topics and the choice of reply ----------------------------------------------------------


def test_a_line_that_raises_a_topic_gets_that_topics_reply_at_the_coachees_openness() -> None:
    guarded = Session(NURSE).say("How many students are on the ward this month?")
    assert guarded.coachee in texts(NURSE.topic("students").replies.closed)
    # Played as a plain open question: a real-self reading would rightly unlock her balance sheet first.
    plain_question = Move(Form.OPEN_QUESTION, Focus.NONE, Attractor.NEUTRAL)
    open_nurse = Session(starting(NURSE, State.OPEN)).play(plain_question, "How are the students getting on?")
    assert open_nurse.coachee in texts(NURSE.topic("students").replies.open)


@pytest.mark.parametrize(
    "line",
    [
        "Before we talk about paperwork, I want to ask you something different. Why did you become a nurse?",
        "It's not about the notes. Why did you become a nurse?",
        "Forget the charting for a minute. Why did you become a nurse?",
        "The documentation can wait. Why did you become a nurse?",
        "Apart from the notes, why did you become a nurse?",
        "If you strip away the notes and the audits, why did you become a nurse?",
    ],
)
def test_a_subject_named_only_to_be_set_aside_is_not_raised(line: str) -> None:
    """ "Before we talk about paperwork, ... why did you become a nurse?" asks about nursing: the
    reply answers that, not the notes (a blind rater's misfit: 'Some nights I finish them at the
    kitchen table')."""
    values = Move(Form.OPEN_QUESTION, Focus.VALUES, Attractor.PEA)
    set_aside = Session(NURSE)
    set_aside.play(values, line)
    assert set_aside.choices[-1].source != "topic:notes"
    raised = Session(NURSE)
    raised.play(values, "How are the notes going? Why did you become a nurse?")
    assert raised.choices[-1].source == "topic:notes"  # named, not set aside, the subject is answered


@pytest.mark.parametrize(
    "line", ["Have a think and sleep on it. No rush.", "Can you walk me through what happened?"]
)
def test_a_figure_of_speech_raises_no_topic(line: str) -> None:
    # "Sleep on it" is no talk of sleep, "walk me through" none of walking: Des answered the
    # latter with "My walking's my own business", Grace the former with how little she sleeps.
    for scenario in (NURSE, DES):
        assert not topics_raised(scenario, line, frozenset()), (scenario.id, line)
    assert topics_raised(DES, "How is the walking going?", frozenset())
    assert topics_raised(NURSE, "Are you sleeping at all?", frozenset())


def test_a_question_that_moves_the_arc_on_is_answered_not_a_topic_named_before_it() -> None:
    """ "The students all ask for you. In two years, if work went really well, what would you be
    doing?" asks about the vision: the reply answers that, not the students."""
    led_in = "The students all ask for you. In two years, if work went really well, what would you be doing?"
    session = Session(NURSE)
    session.play(VISION, led_in)
    assert session.choices[-1].source == "state:vision"
    named = Session(NURSE)
    named.play(VISION, "In two years, if work with the students went really well, what would you be doing?")
    assert named.choices[-1].source == "topic:students"  # the question itself names the topic
    unsure = Session(NURSE)
    unsure.play(replace(VISION, confidence=UNCLEAR_BELOW - 0.1), led_in)
    assert unsure.choices[-1].source == "topic:students"  # the topic answers better than "what do you mean?"
    about_it = Session(NURSE)
    about_it.play(
        Move(Form.OPEN_QUESTION, Focus.FEELINGS, Attractor.PEA), "The students all ask for you. How is that?"
    )
    assert about_it.choices[-1].source == "topic:students"  # asked about the statement: its topic


def test_a_question_asking_how_they_are_is_answered_not_a_topic_named_before_it() -> None:
    """ "Yes, the notes are on my list, but sit down first. How are you doing?" asks after Grace:
    the reply says how she is, not more about the notes. A question that refers back to the
    statements, or names the topic itself, is about the topic."""
    feelings = Move(Form.OPEN_QUESTION, Focus.FEELINGS, Attractor.PEA)

    def source_of(line: str) -> str:
        session = Session(NURSE)
        session.play(feelings, line)
        return session.choices[-1].source

    assert (
        source_of("Yes, the notes are on my list, but sit down first. How are you doing?") == "state:feelings"
    )
    assert source_of("The notes are on my list. How do you feel about them?") == "topic:notes"
    assert source_of("Sit down first. How are you doing with the notes?") == "topic:notes"
    # The question names a topic of its own: that one is answered, not the one put off before it.
    assert (
        source_of(
            "The notes, the charting, the paperwork: all on my list. But how are you doing with the students?"
        )
        == "topic:students"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Fourteen postnatal visits went on more than forty-eight hours late since September.",
        "The discharge letters were 2 days late again.",
        "You told me about it a couple of weeks ago.",
    ],
)
def test_how_late_or_how_long_ago_is_no_talk_of_working_hours(line: str) -> None:
    # Carys answered "forty-eight hours late" with "My hours are my hours" in a blind rating.
    carys = catalogue.load("community-midwife-burnout").scenario
    assert "hours" not in [topic.id for topic, _ in topics_raised(carys, line, frozenset())]
    assert "hours" in [
        topic.id for topic, _ in topics_raised(carys, "You work sixty hours a week.", frozenset())
    ]


def test_a_topic_word_with_a_star_matches_any_ending() -> None:
    students = NURSE.topic("students")
    assert students.hits("Do you enjoy teaching?") == 1
    assert students.hits("the teacher and her students") == 2
    assert students.hits("nothing relevant here") == 0


def test_a_question_without_a_topic_falls_back_to_the_states_replies_for_its_focus() -> None:
    turn = Session(NURSE).say("If work went really well two years from now, what would you be doing?")
    assert turn.coachee in texts(NURSE.replies.of(turn.state_after).vision)  # type: ignore[attr-defined]


def test_the_same_conversation_always_gets_the_same_replies_and_seeds_vary_only_ties() -> None:
    lines = ["Thanks for coming in.", "How are the students?", "What matters most to you?"]
    first, again = play(NURSE, lines, seed=3), play(NURSE, lines, seed=3)
    assert [turn.as_record() for turn in first.turns] == [turn.as_record() for turn in again.turns]


@pytest.mark.slow
def test_a_callback_waits_for_what_it_calls_back_to() -> None:
    # "Like I said, it was the nurse who sat with Mum" requires the values story item.
    callback = next(reply for reply in NURSE.topic("mum").replies.open if reply.requires)
    fresh = Session(starting(NURSE, State.OPEN))
    asked_about_mum = [
        fresh.say(line) for line in ("How is your mum these days?", "And your mum?", "Your mother?")
    ]
    compassion = next(test for test in NURSE.tests if test.style == "compassion")
    conversations = [asked_about_mum] + [list(play(NURSE, compassion.lines, seed).turns) for seed in range(5)]
    called_back = 0
    for turns in conversations:
        said = [turn.coachee for turn in turns]
        if callback.text in said:  # said at all, then only after the story it calls back to
            called_back += 1
            told = [number for number, turn in enumerate(turns) if "values" in turn.reveals]
            assert told and told[0] < said.index(callback.text)
    assert called_back  # the callback is reachable, so the order above was checked


def test_i_already_said_so_comes_only_after_the_coachee_has_said_so() -> None:
    already = "I've already said I know. Do you want me to say it again?"
    session = Session(starting(NURSE, State.DEFENSIVE))
    deficit = Move(Form.OPEN_QUESTION, Focus.DEFICIT, Attractor.NEUTRAL)
    for _ in range(3):
        session.play(deficit, "")
    said = [turn.coachee for turn in session.turns]
    admitted = [
        index for index, choice in enumerate(session.choices) if choice.reply and choice.reply.reveals
    ]
    assert already in said and admitted and admitted[0] < said.index(already)


def test_what_the_trainee_raised_and_what_the_coachee_told_are_remembered_as_events() -> None:
    session = Session(NURSE)
    session.say("How are the students getting on?")
    session.say("Is it the staffing on nights?")
    assert {"students", "staffing"} <= session.events
    assert "nea_heard" not in session.events
    session.play(CONFRONT, "That's simply not good enough.")
    assert {"nea_heard", "was_defensive"} <= session.events


def test_a_plan_the_coachee_has_not_chosen_is_never_spoken_of_as_chosen() -> None:
    lets_try = "Let me try it for a week and I'll tell you how it went."
    before = Session(starting(NURSE, State.ENERGISED))
    said = {before.play(Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL), "").coachee for _ in range(8)}
    assert lets_try not in said


# --- repeats and unclear lines -----------------------------------------------------------------


def test_a_line_said_again_is_noticed_and_earns_nothing() -> None:
    session = Session(NURSE)
    first = session.say("What matters most to you about nursing?")
    second = session.say("So what matters most to you about nursing?")
    assert "pea.lift" in first.rules
    assert second.rules == ("repeat",)
    assert second.openness_after == second.openness_before
    assert second.coachee in texts(NURSE.pools.repeat.for_state(second.state_after))


def test_near_repeats_are_told_apart_from_new_questions() -> None:
    earlier = LinesHeard.of([line_key("What matters most to you about nursing?")])
    assert earlier.repeated_by(line_key("what matters most to you about nursing"))
    assert earlier.repeated_by(line_key("Okay so what matters most to you about nursing, then?"))
    assert not earlier.repeated_by(line_key("What matters most to you about your patients?"))
    assert not LinesHeard.of([line_key("ok")]).repeated_by(
        line_key("ok")
    )  # a filler said twice is not a repeat


def test_a_question_opening_with_statements_takes_up_the_answer_only_by_hearing_it() -> None:
    des = catalogue.load("diabetes-walking").scenario
    said = ["Bess and me, nine years on that towpath. Half six, every morning, rain or not."]
    vision = Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA)

    def takes_up(line: str) -> bool:
        return hear(des, vision, line, said, None, 0, LinesHeard(), frozenset(), State.NEUTRAL).takes_up

    assert takes_up("Nine years on that towpath, every morning, rain or not. What kept you going?")
    assert takes_up("So, what did those mornings on the towpath give you?")  # by its question
    # Case notes recited before a stock question share the answer's words without hearing it.
    assert not takes_up("Bess, the towpath, half six. What are your hopes for the future?")
    assert not takes_up("I see you drove the 42 for decades. What are your hopes for the future?")


def test_the_same_question_after_a_new_opening_is_asked_again() -> None:
    session = Session(catalogue.load("ward-nurse-charting").scenario, seed=0)
    first = session.say("So you love the students. What matters most to you about nursing?")
    again = session.say("Right, the ward is busy. What matters most to you about nursing?")
    plain = session.say("What matters most to you about nursing?")
    assert "repeat" not in first.rules and "repeat" in again.rules and "repeat" in plain.rules
    assert asked_key("What matters most to you?") is None  # a line that opens with its question


def test_an_unclear_line_earns_nothing_and_the_coachee_asks_what_was_meant() -> None:
    session = Session(NURSE)
    turn = session.play(
        Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA, confidence=0.2), "vishun futur?"
    )
    assert turn.rules == ("unclear",) and turn.openness_after == turn.openness_before
    assert turn.coachee in texts(NURSE.pools.unclear.for_state(State.GUARDED))
    assert turn.reveals == ()


# --- reflections ---------------------------------------------------------------------------------


def test_an_accurate_reflection_is_confirmed_and_taken_further() -> None:
    session = Session(starting(NURSE, State.NEUTRAL))
    last = session.say("What's a normal shift like at the moment?").coachee
    turn = session.say("So " + last[:1].lower() + last[1:])
    choice = session.choices[-1]
    assert choice.source == "pool:confirm" or choice.source.startswith("topic:"), (choice, turn.move)
    assert "felt_heard" in session.events


def test_that_sounds_hard_after_a_cheerful_line_is_corrected_and_earns_nothing() -> None:
    recent = ["Happy, love. Daft as that sounds in a diabetes clinic."]
    move = FEELING
    assert (
        reflection_verdict(move, "That sounds really hard for you.", recent, State.ENERGISED)
        is Verdict.MISSED
    )
    # A guarded coachee's "I'm fine" is a front: naming the strain under it is no miss.
    assert (
        reflection_verdict(move, "That sounds exhausting.", ["I'm fine. It's just been busy."], State.GUARDED)
        is not Verdict.MISSED
    )


def test_a_stock_reflection_draws_no_story_out_and_one_that_lands_does() -> None:
    # Open enough to tell what matters to her when a feeling is reflected: after her opening
    # question, a stock "that sounds hard" names a feeling her words did not carry.
    line = "That sounds really hard."
    assert reflection_verdict(FEELING, line, [NURSE.opening.text], State.REFLECTIVE) is Verdict.STOCK
    assert Session(starting(NURSE, State.REFLECTIVE)).play(FEELING, line).reveals == ()
    landed = Session(starting(NURSE, State.REFLECTIVE))
    turn = landed.play(FEELING, "So you're bracing yourself for a telling-off about the notes.")
    assert turn.reveals == ("values",)


def test_a_stock_reflection_moves_nothing_and_builds_no_run_of_warm_moves() -> None:
    # Nobody feels heard by "that sounds really hard" after a line that carried no such feeling:
    # answered, but neither warmer nor cooler, and no goodwill is banked by it.
    session = Session(starting(NURSE, State.NEUTRAL))
    turn = session.play(FEELING, "That sounds really hard.")
    assert turn.rules == ("reflection.stock",) and turn.openness_after == turn.openness_before
    assert turn.coachee and turn.reveals == ()
    heard = Session(starting(NURSE, State.NEUTRAL))
    lifted = heard.play(FEELING, "So you're bracing yourself for a telling-off about the notes.")
    assert lifted.openness_after > lifted.openness_before


def test_their_words_listed_are_no_reflection_whatever_the_form() -> None:
    recent = ["Scared, if I'm honest. Of turning into someone I hated."]
    for line in ("So someone, turning, scared. What gives you energy at work?", "Someone, turning, scared."):
        assert reflection_verdict(FEELING, line, recent, State.OPEN) is Verdict.STOCK, line
    said = "So you're scared of turning into someone you hated. What would you rather be?"
    assert reflection_verdict(FEELING, said, recent, State.OPEN) is Verdict.LANDED


def test_a_reflection_on_the_subject_they_raised_lands_in_words_of_its_own() -> None:
    recent = ["Truth is, it's not my legs. I go to get my coat and her lead's still on the hook."]
    line = "Losing Bess changed the mornings."
    topics_of = partial(topics_named, DES.topics)
    assert "bess" in topics_of(recent[0]) and "bess" in topics_of(line)
    assert reflection_verdict(FEELING, line, recent, State.NEUTRAL) is Verdict.NONE
    assert reflection_verdict(FEELING, line, recent, State.NEUTRAL, topics_of) is Verdict.LANDED


@pytest.mark.parametrize(
    "scenario", [loaded.scenario for loaded in catalogue.load_bundled()], ids=lambda scenario: scenario.id
)
def test_every_persona_hears_a_reflection_on_a_topic_it_raised_in_other_words(scenario: Scenario) -> None:
    topics_of = partial(topics_named, scenario.topics)
    tried = 0
    for topic in scenario.topics:
        plain = [word for word in topic.words if not word.endswith("*") and " " not in word]
        for said_word, line_word in pairwise(plain):
            said, line = f"I keep thinking about {said_word}.", f"{line_word.capitalize()} matters."
            if feeling_of(said) or feeling_of(line):
                continue  # a feeling either way is judged as a feeling first
            tried += 1
            assert reflection_verdict(FEELING, line, [said], State.NEUTRAL, topics_of) is Verdict.LANDED, (
                topic.id,
                said,
                line,
            )
    assert tried, scenario.id


def test_a_missed_reflection_gets_a_correction_from_the_correct_pool() -> None:
    session = Session(starting(DES, State.ENERGISED))
    session.play(Move(Form.OPEN_QUESTION, Focus.FEELINGS, Attractor.PEA), "How are you feeling now?")
    assert "Happy" in session.turns[-1].coachee
    turn = session.say("That sounds really hard and exhausting for you.")
    assert turn.rules == ("reflection.missed",) and turn.openness_after == turn.openness_before
    assert turn.coachee in texts(DES.pools.correct.for_state(State.ENERGISED))


# --- endings -------------------------------------------------------------------------------------


def test_a_coachee_left_defensive_for_their_run_of_turns_ends_the_meeting() -> None:
    leaves_after = personality_for(NURSE, 0).leaves_after
    assert leaves_after is not None
    session = Session(NURSE)
    for _ in range(10):
        turn = session.play(CONFRONT, "")
        if session.is_over:
            break
    assert session.end_reason is EndReason.COACHEE_LEFT
    assert turn.rules[-1] == "end.defensive" and turn.state_after is State.DEFENSIVE
    assert turn.coachee in texts(NURSE.pools.leaving.for_state(State.DEFENSIVE))
    # The push that made her defensive is not one of the row: `leaves_after` more pushes end it.
    made_defensive = next(t.n for t in session.turns if t.state_after is State.DEFENSIVE)
    assert len(session.turns) == made_defensive + leaves_after
    with pytest.raises(ConversationOver, match="left the meeting"):
        session.say("Wait, come back.")


def test_a_warm_move_while_defensive_gives_the_coachee_a_reason_to_stay() -> None:
    session = Session(NURSE)
    for move in (CONFRONT, CONFRONT, AUTONOMY, AUTONOMY, AUTONOMY):
        session.play(move, "")
    assert not session.is_over


def test_a_warm_move_breaks_the_row_that_would_end_the_meeting() -> None:
    leaves_after = personality_for(NURSE, 0).leaves_after
    assert leaves_after is not None
    session = Session(NURSE)
    pushes = [CONFRONT] * (leaves_after - 1)
    for n, move in enumerate((*pushes, AUTONOMY, *pushes)):
        session.play(move, f"line {n}")
    assert session.state is State.DEFENSIVE and not session.is_over
    session.play(CONFRONT, "")
    assert session.end_reason is EndReason.COACHEE_LEFT


def test_only_a_sure_nea_reading_counts_towards_walking_out() -> None:
    leaves_after = personality_for(NURSE, 0).leaves_after
    assert leaves_after is not None
    half_sure = replace(CONFRONT, confidence=(UNCLEAR_BELOW + SURE_FROM) / 2)
    session = Session(NURSE)
    for n in range(leaves_after):  # the first makes her defensive; the rest count, one short of the row
        session.play(CONFRONT, f"push {n}")
    for n in range(5):
        session.play(half_sure, f"half-sure push {n}")
    assert session.state is State.DEFENSIVE and not session.is_over
    session.play(CONFRONT, "one push more")
    assert session.end_reason is EndReason.COACHEE_LEFT


def test_a_hot_button_that_ends_the_meeting_ends_it_with_its_own_leaving_line() -> None:
    session = Session(NURSE)
    turn = session.say("If this carries on you'll be written up.")
    assert session.end_reason is EndReason.COACHEE_LEFT
    assert turn.rules[-1] == "end.hot_button"
    assert turn.coachee == next(
        reply.text for reply in NURSE.pools.leaving.closed if reply.requires == ("written-up",)
    )


def test_a_coachee_without_leaves_after_never_walks_out() -> None:
    assert KASIA.coachee.temperament.leaves_after is None
    session = play(KASIA, ["That's simply not good enough."] * 12)
    assert session.end_reason is None and len(session.turns) == 12


def test_undo_brings_back_a_coachee_who_left() -> None:
    session = play(NURSE, ["If this carries on you'll be written up."])
    assert session.is_over
    session.undo()
    assert not session.is_over and session.turns == ()


# --- a person, not a slot machine ----------------------------------------------------------------


def test_seed_zero_meets_the_middle_of_every_range_and_other_seeds_draw_within_it() -> None:
    temperament = NURSE.coachee.temperament
    low, high = temperament.sensitivity  # type: ignore[misc]
    assert personality_for(NURSE, 0).sensitivity == pytest.approx((low + high) / 2)
    drawn = {personality_for(NURSE, seed).sensitivity for seed in range(1, 40)}
    assert len(drawn) > 10 and all(low <= value <= high for value in drawn)
    assert personality_for(NURSE, 7) == personality_for(NURSE, 7)


def test_seeds_change_the_dynamics_within_bounds() -> None:
    lines = ["Did you finish your charting yesterday?"]
    openness = {round(play(NURSE, lines, seed).openness, 3) for seed in range(1, 15)}
    assert len(openness) > 1


def test_drift_alone_never_takes_a_coachee_below_guarded() -> None:
    session = Session(starting(KASIA, State.NEUTRAL))
    for _ in range(20):
        session.play(STRUCTURE, "")
    assert session.state is State.GUARDED and session.openness >= 1.0
    session.play(Move(Form.ADVICE, Focus.PLAN, Attractor.NEA), "")
    for _ in range(6):
        session.play(STRUCTURE, "")
    assert session.state is State.DEFENSIVE  # after an NEA move, drift may go on down


def test_an_nea_reading_the_reader_was_unsure_of_does_not_let_drift_past_guarded() -> None:
    half_heard = Move(Form.ADVICE, Focus.PLAN, Attractor.NEA, confidence=(UNCLEAR_BELOW + SURE_FROM) / 2)
    session = Session(starting(KASIA, State.NEUTRAL))
    session.play(half_heard, "")
    for _ in range(20):
        session.play(STRUCTURE, "")
    assert session.state is State.GUARDED  # its own drop counted; drift alone stopped at guarded
    session.play(replace(half_heard, confidence=SURE_FROM), "")
    for _ in range(6):
        session.play(STRUCTURE, "")
    assert session.state is State.DEFENSIVE


def test_exploring_the_vision_together_establishes_it_before_the_vision_is_told() -> None:
    session = Session(starting(NURSE, State.NEUTRAL))
    assert not session.is_vision_established
    session.play(VISION, "What would a really good year look like?")
    session.play(Move(Form.OPEN_QUESTION, Focus.VALUES, Attractor.PEA), "What matters most to you?")
    assert session.is_vision_established and "vision" not in session.revealed
    balance = session.play(Move(Form.OPEN_QUESTION, Focus.DEFICIT, Attractor.NEUTRAL), "")
    assert "deficit.balance_sheet" in balance.rules and balance.state_after is not State.DEFENSIVE


def test_the_vision_handed_over_to_say_more_counts_as_exploring_it_as_a_question_does() -> None:
    session = Session(starting(NURSE, State.NEUTRAL))
    session.play(VISION, "What would a really good year look like?")
    assert not session.is_vision_established
    session.play(
        Move(Form.AUTONOMY, Focus.VISION, Attractor.PEA), "It's your picture. Say more, if you want."
    )
    assert session.is_vision_established
    balance = session.play(Move(Form.OPEN_QUESTION, Focus.DEFICIT, Attractor.NEUTRAL), "")
    assert "deficit.balance_sheet" in balance.rules


def test_vision_talk_with_a_closed_coachee_does_not_count_as_exploring_it() -> None:
    session = Session(starting(NURSE, State.DEFENSIVE))
    for _ in range(3):
        session.play(VISION, "")
    assert session.state.rank < State.NEUTRAL.rank and not session.is_vision_established


# --- scenarios written before topics and pools ---------------------------------------------------


def test_a_scenario_without_topics_or_pools_plays_as_before_with_ordinary_replies() -> None:
    from simulator.scenario.model import Pools

    plain = NURSE.model_copy(update={"topics": (), "pools": Pools()})
    session = Session(plain)
    first = session.say("What matters most to you about nursing?")
    again = session.say("What matters most to you about nursing?")
    unsure = session.play(Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA, confidence=0.1), "hmm?")
    assert "pea.lift" in first.rules and again.rules == ("repeat",) and unsure.rules == ("unclear",)
    state_texts = {
        reply.text
        for key in ("default", "values", "open_question", "vision")
        for reply in getattr(plain.replies.of(again.state_after), key)
    }
    assert again.coachee in state_texts and len({first.coachee, again.coachee, unsure.coachee}) == 3


@given(
    st.floats(0.1, 2.0),
    st.floats(0.0, 2.0),
    st.integers(1, 4),
    st.integers(0, 3),
    st.integers(0, 10_000),
)
@pytest.mark.slow
@settings(max_examples=40, deadline=None)
def test_every_drawn_personality_lies_within_its_ranges_and_replays_the_same(
    low: float, width: float, leaves_low: int, leaves_width: int, seed: int
) -> None:
    temperament = NURSE.coachee.temperament.model_copy(
        update={
            "sensitivity": (low, min(low + width, 5.0)),
            "leaves_after": (leaves_low, leaves_low + leaves_width),
        }
    )
    scenario = NURSE.model_copy(
        update={"coachee": NURSE.coachee.model_copy(update={"temperament": temperament})}
    )
    drawn = personality_for(scenario, seed)
    assert low <= drawn.sensitivity <= min(low + width, 5.0)
    assert drawn.leaves_after is not None and leaves_low <= drawn.leaves_after <= leaves_low + leaves_width
    lines = ["Did you finish the notes?", "That's not good enough.", "How are the students?"]
    first, second = play(scenario, lines, seed), play(scenario, lines, seed)
    assert [turn.as_record() for turn in first.turns] == [turn.as_record() for turn in second.turns]


def test_the_vision_question_that_explores_the_vision_may_itself_open_the_gate() -> None:
    session = Session(starting(NURSE, State.REFLECTIVE))
    turn = session.play(VISION, "")  # half a rung below open, and a vision question lifts 0.75
    assert turn.state_after is State.OPEN and "gate.open" not in turn.rules


def test_an_unclear_line_with_a_hot_button_word_still_hits_the_nerve_and_nothing_else_counts() -> None:
    unsure_advice = Move(Form.ADVICE, Focus.DEFICIT, Attractor.NEA, (), confidence=0.3)
    session = Session(NURSE, seed=0)
    turn = session.play(unsure_advice, "Something about the audit, I think")
    assert any(rule.startswith("hot_button.") for rule in turn.rules)
    assert not any(rule.startswith(("nea.", "shutdown.advice")) for rule in turn.rules)


def test_an_unclear_line_without_a_hot_button_or_topic_asks_what_was_meant_and_moves_nothing() -> None:
    session = Session(NURSE, seed=0)
    before = session.openness
    turn = session.play(
        Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA, (), confidence=0.2), "the thing with the"
    )
    assert turn.rules == ("unclear",) and session.openness == before


SET_ASIDE_PIECES = [
    "before we talk about the notes",
    "Before we get on to the audit",
    "it's not about the audit",
    "This is NOT really about",
    "this isn't just about the rota",
    "It wasn't about you",
    "forget the pack for now",
    "Park the rota for a minute",
    "never mind the notes",
    "the paperwork can wait",
    "apart from the notes",
    "if you strip away the league table",
    "two weeks ago",
    "Forty-eight hours late",
    "a couple of days behind",
    "notes",
    "what matters to you",
    "day",
    "aside",
    ", ",
    ". ",
    " ",
    "?",
]


@given(st.lists(st.sampled_from(SET_ASIDE_PIECES), max_size=8))
def test_set_aside_clauses_are_taken_out_as_the_whole_alternation_takes_them(pieces: list[str]) -> None:
    import re

    from simulator.engine.listening import _SET_ASIDE_CLAUSES, without_set_aside

    text = "".join(pieces)
    whole = re.compile("|".join(clause for _, clause in _SET_ASIDE_CLAUSES), re.IGNORECASE)
    assert without_set_aside(text) == whole.sub(" ", text)


def test_the_warm_up_compiles_the_set_aside_pattern_of_any_line_holding_up_to_three_clauses_words() -> None:
    from simulator.engine.listening import _set_aside, compile_set_aside_patterns, without_set_aside

    compile_set_aside_patterns()
    compiled = _set_aside.cache_info().misses
    for line in (
        "Forget the notes for now.",
        "It's not been a good week.",  # two clauses need "not ", one "week"
        "The rota can wait; park it till later.",
    ):
        without_set_aside(line)
    assert _set_aside.cache_info().misses == compiled  # every pattern these lines need was made already


def test_a_line_that_asks_nothing_draws_out_only_a_story_it_touches() -> None:
    # A reflection at Des's openness may bring out his towpath years, but only one that touches
    # them; praise is answered as praise, never with the story it names retold as news
    # ("Nine years on that towpath. That's commitment." -> not the towpath speech).
    praise = Move(Form.AFFIRMATION, Focus.STRENGTHS, Attractor.PEA, confidence=1.0)
    reflected = Move(Form.SIMPLE_REFLECTION, Focus.STRENGTHS, Attractor.PEA, confidence=1.0)
    asked = Move(Form.OPEN_QUESTION, Focus.STRENGTHS, Attractor.PEA, confidence=1.0)
    for line in ("You're clearly a very strong person.", "Nine years on that towpath. That's commitment."):
        assert Session(starting(DES, State.NEUTRAL)).play(praise, line).reveals == ()
    touched = Session(starting(DES, State.NEUTRAL)).play(
        reflected, "Nine years on that towpath, every morning."
    )
    assert touched.reveals == ("strengths",)
    # One word in common with the story ("year") is chance, not the story touched.
    by_chance = Session(starting(DES, State.NEUTRAL)).play(reflected, "You've had a year of it, I know.")
    assert by_chance.reveals == ()
    for line in ("What would you say you're good at?", "tell me about a time you were at your best"):
        assert Session(starting(DES, State.NEUTRAL)).play(asked, line).reveals == ("strengths",)
    # Handed the choice, a coachee open enough tells their own step, asked or not.
    handed = Move(Form.AUTONOMY, Focus.PLAN, Attractor.PEA, confidence=1.0)
    turn = Session(starting(DES, State.OPEN)).play(handed, "Up to you. You're in charge.")
    assert turn.reveals == ("next-step",)
    # A line that asks nothing never draws out the step, even one touching it: their vision
    # reflected is answered about the vision, not with a plan.
    reflected = Move(Form.COMPLEX_REFLECTION, Focus.PLAN, Attractor.PEA, confidence=1.0)
    told = Session(starting(DES, State.OPEN)).play(
        reflected, "Walking Maisie to school. That is lovely, Des."
    )
    assert "next-step" not in told.reveals


def test_a_reflection_of_the_story_just_told_stays_on_it() -> None:
    # Des tells his vision; the trainee reflects it back and it lands. He goes on about it, not
    # into his towpath years as a strength because the reader heard praise in "your whole face
    # changed": a rater called that a non sequitur.
    session = Session(starting(DES, State.OPEN))
    assert session.play(VISION, "What would you love your mornings to be like a year from now?").reveals == (
        "vision",
    )
    praised = Move(Form.COMPLEX_REFLECTION, Focus.STRENGTHS, Attractor.PEA, confidence=1.0)
    reflected = (
        "Walking Maisie to school, and all them steps down to the rock pools. Your whole face changed, Des."
    )
    turn = session.play(praised, reflected)
    assert turn.reveals == ()
    # Words that touch the other story still draw it out.
    touched = Session(starting(DES, State.OPEN))
    touched.play(VISION, "What would you love your mornings to be like a year from now?")
    turn = touched.play(praised, "Robin Hood's Bay, like the towpath every morning at half six. That's you.")
    assert turn.reveals == ("strengths",)
