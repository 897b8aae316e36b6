"""One conversation: any text gives one turn, the coachee stays in bounds, and it is deterministic."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.engine.coachee import TOP_OPENNESS
from simulator.engine.session import BACKS_THEIR_STEP, Session, personality_for
from simulator.errors import ConversationOver, NothingSaid
from simulator.records import EndReason
from simulator.scenario import catalogue
from simulator.scenario.model import Line, Scenario
from simulator.trainer.rehearsal import on_a_typical_day, play
from simulator.vocabulary import Attractor, Focus, Form, Move, State
from tests.strategies import COMPASSION_LINES, COMPLIANCE_LINES, trainee_text

NURSE = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario
ALL_BUNDLED = [loaded.scenario for loaded in catalogue.load_bundled()]


@pytest.mark.slow
@given(st.lists(trainee_text, max_size=12))
def test_any_text_gives_exactly_one_turn_or_a_clear_refusal(lines: list[str]) -> None:
    session = Session(NURSE, seed=1)
    for line in lines:
        before = len(session.turns)
        try:
            turn = session.say(line)
        except NothingSaid:
            assert not line.strip() or len(session.turns) == before
            continue
        except ConversationOver:  # the coachee has left: every later line is refused, none is played
            assert session.end_reason is EndReason.COACHEE_LEFT and len(session.turns) == before
            continue
        assert len(session.turns) == before + 1 and session.turns[-1] is turn
        assert turn.state_after in State
        assert 0 <= turn.openness_after <= TOP_OPENNESS
        assert "\x1b" not in turn.trainee and "\x00" not in turn.trainee


@pytest.mark.slow
@given(st.lists(trainee_text, min_size=1, max_size=10), st.integers(0, 2**32))
def test_same_scenario_seed_and_lines_give_identical_turns(lines: list[str], seed: int) -> None:
    first = play(NURSE, lines, seed)
    second = play(NURSE, lines, seed)
    assert [t.as_record() for t in first.turns] == [t.as_record() for t in second.turns]


@given(
    st.lists(st.sampled_from([*COMPASSION_LINES, *COMPLIANCE_LINES]), min_size=1, max_size=12),
    st.integers(0, 2**32),
)
def test_the_seed_draws_the_personality_and_the_lines_draw_the_replies(lines: list[str], seed: int) -> None:
    # With the personality held, another seed changes nothing: ties between equally fitting
    # replies go by the line, so a verdict never rests on the dice.
    typical = personality_for(NURSE, 0)

    def replies(seed: int) -> list[str]:
        session = Session(NURSE, seed=seed, personality=typical)
        return [session.say(line).coachee for line in lines if not session.is_over]

    assert replies(0) == replies(seed)


@pytest.mark.slow
@pytest.mark.parametrize("scenario", ALL_BUNDLED, ids=lambda s: s.id)
@given(lines=st.lists(st.sampled_from(COMPLIANCE_LINES), min_size=1, max_size=30))
def test_compliance_only_conversation_never_reaches_open(scenario, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert play(scenario, lines).peak.rank < State.OPEN.rank


@pytest.mark.slow
@given(st.lists(st.sampled_from([*COMPASSION_LINES, *COMPLIANCE_LINES]), max_size=40), st.integers(0, 99))
def test_coachee_never_repeats_a_line_verbatim(lines: list[str], seed: int) -> None:
    replies = [turn.coachee for turn in play(NURSE, lines, seed).turns]
    assert len(replies) == len(set(replies))


def test_compassion_led_and_compliance_led_conversations_go_different_ways() -> None:
    warm = play(NURSE, next(test.lines for test in NURSE.tests if test.style == "compassion"))
    cold = play(NURSE, next(test.lines for test in NURSE.tests if test.style == "compliance"))
    assert warm.state.rank >= State.OPEN.rank > State.GUARDED.rank >= cold.state.rank


def test_guarded_coachee_asked_about_the_future_deflects_and_an_open_one_tells_their_vision() -> None:
    vision_question = "If work were going really well two years from now, what would you be doing?"
    guarded = Session(NURSE).say(vision_question)
    assert guarded.reveals == () and guarded.state_after.rank < State.OPEN.rank
    compassion = next(test for test in NURSE.tests if test.style == "compassion")
    warm = play(NURSE, compassion.lines)
    vision_turn = next(turn for turn in warm.turns if "vision" in turn.reveals)
    assert vision_turn.coachee == NURSE.story_item("vision").text
    assert vision_turn.state_after.rank >= NURSE.story_item("vision").needs.rank


def test_story_is_revealed_only_when_asked_about_its_focus() -> None:
    session = play(NURSE, ["It sounds like you're exhausted."] * 3)
    assert "vision" not in session.revealed


def test_undo_restores_the_conversation_exactly() -> None:
    lines = ["It sounds like a hard month.", "What matters most to you as a nurse?"]
    session = play(NURSE, lines, seed=5)
    reference = [turn.as_record() for turn in session.turns]
    session.say("Did you finish the notes?")
    undone = session.undo()
    assert undone is not None and undone.trainee == "Did you finish the notes?"
    assert [turn.as_record() for turn in session.turns] == reference
    assert (
        session.say("What would a great year look like?")
        == play(NURSE, [*lines, "What would a great year look like?"], 5).turns[-1]
    )


def test_undo_with_no_turns_does_nothing() -> None:
    assert Session(NURSE).undo() is None


def test_blank_line_is_refused_with_a_clear_message() -> None:
    with pytest.raises(NothingSaid, match="type a line"):
        Session(NURSE).say(" \t\x1b[2J ")


def test_turn_limit_ends_the_conversation() -> None:
    short = NURSE.model_copy(update={"turn_limit": 2})
    session = play(short, ["Hello.", "How are you?"])
    assert session.is_over
    with pytest.raises(ConversationOver):
        session.say("One more thing.")


def test_very_long_line_is_cut_and_still_gives_one_turn() -> None:
    turn = Session(NURSE).say("word " * 5000)
    assert len(turn.trainee) <= 2000


def test_suggested_next_step_is_not_revealed_as_the_coachees_own() -> None:
    compassion = next(test for test in NURSE.tests if test.style == "compassion")
    warm = play(NURSE, compassion.lines[:-1])
    offer = "Could I share an idea that helped others? Take it or leave it: chart at the bedside next week."
    turn = warm.say(offer)
    assert turn.move.form.value == "advice_with_permission"
    assert "next-step" not in turn.reveals


def test_a_hot_button_hit_again_gets_its_next_reply() -> None:
    audit = NURSE.coachee.hot_buttons[1]
    again = audit.model_copy(
        update={"first_replies": (), "more_replies": (Line(text="The audit again.", cue="sighs"),)}
    )
    persona = NURSE.coachee.model_copy(update={"hot_buttons": (again,)})
    session = Session(NURSE.model_copy(update={"coachee": persona}))
    first = session.say("Let's look at the audit.")
    second = session.say("The audit matters, though.")
    assert (first.coachee, second.coachee) == (audit.reply.text, "The audit again.")


AUDIT_LINES = (
    "Let's look at the audit.",
    "The audit says your notes are late.",
    "I've had the audit results back.",
    "We need to talk about the audit, Grace.",
    "The documentation audit flagged you.",
    "So the audit came back.",
)
"""Lines that hit the audit button first thing, each in other words."""


def _nurse_with_audit(first_replies: tuple[str, ...], more_replies: tuple[str, ...]) -> Scenario:
    audit = NURSE.coachee.hot_buttons[1]
    button = audit.model_copy(
        update={
            "first_replies": tuple(Line(text=text) for text in first_replies),
            "more_replies": tuple(Line(text=text) for text in more_replies),
        }
    )
    return NURSE.model_copy(update={"coachee": NURSE.coachee.model_copy(update={"hot_buttons": (button,)})})


def test_a_hot_button_first_hit_gets_one_of_its_first_reactions_picked_by_the_line() -> None:
    firsts = ("Oh, the audit.", "That audit was one week in March.", "Here we go. The audit.")
    nurse = _nurse_with_audit(firsts, ("The audit again.",))
    reactions = {NURSE.coachee.hot_buttons[1].reply.text, *firsts}
    heard = set()
    for line in AUDIT_LINES:
        said = {Session(nurse, seed=seed).say(line).coachee for seed in range(4)}
        assert len(said) == 1 and said <= reactions  # the line picks it, never the seed
        heard |= said
    assert len(heard) >= 2  # other lines, other first reactions


def test_a_hot_button_hit_again_never_gets_a_first_reaction_it_did_not_use() -> None:
    firsts = ("Oh, the audit.", "That audit was one week in March.")
    nurse = _nurse_with_audit(firsts, ("The audit again.", "Still the audit."))
    session = Session(nurse)
    replies = [session.say(line).coachee for line in AUDIT_LINES[:3]]
    assert replies[1:] == ["The audit again.", "Still the audit."]


def test_a_story_item_is_told_in_one_of_its_tellings_picked_by_the_line() -> None:
    tellings = (
        "I'm good with the frightened ones, at three in the morning. That's not nothing.",
        "The confused old men at night, the families who've just been told: I bring the temperature down.",
    )
    items = [
        item.model_copy(update={"tellings": tuple(Line(text=text, cue="nods") for text in tellings)})
        if item.id == "strengths"
        else item
        for item in NURSE.story
    ]
    open_nurse = NURSE.coachee.model_copy(update={"starting_state": State.OPEN})
    nurse = NURSE.model_copy(update={"story": tuple(items), "coachee": open_nurse})
    everyway = {NURSE.story_item("strengths").text, *tellings}
    asked = (
        "What are you good at?",
        "What would your colleagues say you do best?",
        "Tell me about a shift where you were at your best.",
        "What strengths do you bring to the ward?",
        "What are you proudest of in your nursing?",
        "What do you do really well on the ward?",
    )
    told = set()
    for line in asked:
        turns = [Session(nurse, seed=seed).say(line) for seed in range(3)]
        assert all("strengths" in turn.reveals for turn in turns), line
        said = {turn.coachee for turn in turns}
        assert len(said) == 1 and said <= everyway  # the line picks the telling, never the seed
        told |= said
    assert len(told) >= 2


def test_story_item_waits_for_the_items_it_comes_after() -> None:
    open_nurse = NURSE.coachee.model_copy(update={"starting_state": State.OPEN})
    unordered = NURSE.model_copy(update={"coachee": open_nurse})
    items = [
        item.model_copy(update={"after": ("vision",)}) if item.id == "balance-sheet" else item
        for item in NURSE.story
    ]
    ordered = unordered.model_copy(update={"story": tuple(items)})
    real_self_question = "What's already in place for you right now?"
    assert "balance-sheet" in Session(unordered).say(real_self_question).reveals
    assert "balance-sheet" not in Session(ordered).say(real_self_question).reveals


def test_entering_a_condition_plays_on_exactly_as_the_conversation_that_reached_it() -> None:
    lines = ["It sounds like a hard month.", "What matters most to you as a nurse?"]
    reached = play(NURSE, lines)
    branch = Session(NURSE)
    branch.enter(reached.condition())
    assert branch.condition() == reached.condition()
    next_line = "If work went really well two years from now, what would you be doing?"
    assert branch.say(next_line).state_after is reached.say(next_line).state_after
    assert branch.condition() == reached.condition()


def test_asking_the_same_kind_of_question_again_counts_as_a_repeat() -> None:
    session = Session(NURSE)
    first = session.say("What matters most to you about nursing?")
    second = session.say("What matters most to you about your patients?")
    third = session.say("It sounds like a hard month.")
    assert "pea.habituation" not in first.rules and "pea.habituation" in second.rules
    assert "pea.habituation" not in third.rules


def test_a_stock_acknowledgement_before_a_question_does_not_take_up_the_answer() -> None:
    # "That sounds really meaningful." points back at nothing in particular; the question after it
    # builds on none of the answer, so a run of them is questions over the answers.
    stock = Session(NURSE)
    lines = [
        "How are you doing today?",
        "That sounds really meaningful. What matters most to you?",
        "I hear that. What would your ideal future look like?",
    ]
    rules = [stock.say(line).rules for line in lines]
    assert "pea.unheard" not in rules[1] and "pea.unheard" in rules[2]
    # A question that points back in its own words follows up the answer.
    follow_up = Session(NURSE)
    follow_up.say(lines[0])
    follow_up.say(lines[1])
    assert "pea.unheard" not in follow_up.say("I hear that. What would that look like for you?").rules


def test_tell_me_more_between_stock_questions_does_not_break_the_run_of_questions_over_the_answers() -> None:
    rota = Session(NURSE)
    lines = [
        "How are you doing today?",
        "Tell me more about that.",
        "What matters most to you?",
        "Can you say a bit more about that?",
        "What would your ideal future look like?",
    ]
    rules = [rota.say(line).rules for line in lines]
    assert "pea.unheard" not in rules[2] and "pea.unheard" in rules[4]


NONSENSE_QUESTIONS = ("Quorbish zindle?", "Vantrel moskip?", "Plorinth gadwick?", "Snerbal tuvokin?")
"""Distinct lines of words no reply of the persona holds: none takes up what the coachee answered."""


def test_question_after_question_over_the_answers_lifts_less_and_a_follow_up_does_not() -> None:
    asked = Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA, confidence=1.0)
    others = Move(Form.OPEN_QUESTION, Focus.STRENGTHS, Attractor.PEA, confidence=1.0)
    interview = Session(NURSE)
    rules = [
        interview.play(move, text).rules
        for move, text in zip([asked, others] * 2, NONSENSE_QUESTIONS, strict=True)
    ]
    assert ["pea.unheard" in turn for turn in rules] == [False, False, True, True]
    # The same questions pointing back at each answer are follow-ups: no run builds.
    listening = Session(NURSE)
    for move, text in zip([asked, others] * 2, NONSENSE_QUESTIONS, strict=True):
        assert "pea.unheard" not in listening.play(move, text.replace("?", " about that?")).rules
    # Anything else between the questions ends a run.
    affirm = Move(Form.AFFIRMATION, Focus.STRENGTHS, Attractor.PEA, confidence=1.0)
    broken = Session(NURSE)
    for move, text in zip((asked, others, affirm, asked), NONSENSE_QUESTIONS, strict=True):
        assert "pea.unheard" not in broken.play(move, text).rules


SURELY_NOTHING = Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL, confidence=0.95)


@pytest.mark.parametrize("mash", ["qwpoeiruty zxmcnv", "asdf jkl", "dfgdfg"])
def test_keyboard_mash_gets_asked_what_was_meant_and_moves_nothing(mash: str) -> None:
    session = Session(NURSE, seed=1)
    turn = session.play(SURELY_NOTHING, mash)
    assert "unclear" in turn.rules and turn.openness_after == turn.openness_before
    assert turn.coachee in {line.text for line in NURSE.pools.unclear.for_state(turn.state_before)}


@pytest.mark.parametrize("talk", ["lol", "did you see the match last night", "hello", "I hear you."])
def test_plain_talk_that_says_nothing_here_moves_nothing_and_gets_an_ordinary_answer(talk: str) -> None:
    session = Session(NURSE, seed=1)
    turn = session.play(SURELY_NOTHING, talk)
    assert "unclear" in turn.rules and turn.openness_after == turn.openness_before
    assert turn.coachee not in {line.text for line in NURSE.pools.unclear.for_state(turn.state_before)}


UNSURE = Move(Form.CONFRONT, Focus.NONE, Attractor.NEA, confidence=0.45)
"""A reading the reader was too unsure of to count either way."""


@pytest.mark.parametrize(
    "talk", ["Thank you. I should have asked that first.", "thank you i didn't know all of that and honestly"]
)
def test_plain_talk_the_reader_could_not_place_moves_nothing_and_gets_an_ordinary_answer(talk: str) -> None:
    # A listener makes out what the reader could not place: "I'm not sure what you're getting at"
    # after a plain thank-you was a misfit to blind raters, who preferred the ordinary answer 59
    # and 61 times to 25 and 19 over the 94 such moments of three probes.
    turn = Session(NURSE, seed=1).play(UNSURE, talk)
    assert "unclear" in turn.rules and turn.openness_after == turn.openness_before
    assert turn.coachee not in {line.text for line in NURSE.pools.unclear.for_state(turn.state_before)}


@pytest.mark.parametrize("short", ["ok so then", "dfgdfg hjkhjk lkjlkj poipoi"])
def test_a_short_or_garbled_line_the_reader_could_not_place_is_asked_what_was_meant(short: str) -> None:
    turn = Session(NURSE, seed=1).play(UNSURE, short)
    assert turn.coachee in {line.text for line in NURSE.pools.unclear.for_state(turn.state_before)}


def test_praise_read_as_about_a_shortfall_is_not_answered_as_one() -> None:
    # "you're so brilliant rhi honestly the food's never been better" drew "The walk-in seal went.
    # It's fixed." from the deficit list; blind, two raters preferred the reply given now 6 to 4
    # and 6 to 3 over the ten such moments of four probes.
    praise = Move(Form.AFFIRMATION, Focus.DEFICIT, Attractor.PEA, confidence=0.65)
    for seed in range(5):
        session = Session(NURSE, seed=seed)
        session.play(praise, "You're brilliant, honestly. Nobody works harder on this ward.")
        assert session.choices[-1].source != "state:deficit"


@pytest.mark.parametrize("backchannel", ["mm", "go on", "Right then."])
def test_a_backchannel_lets_the_coachee_carry_on(backchannel: str) -> None:
    turn = Session(NURSE, seed=1).play(SURELY_NOTHING, backchannel)
    assert "unclear" not in turn.rules


def test_goodwill_softens_the_first_nea_move_after_a_warm_run_and_not_the_second() -> None:
    warm = Move(Form.OPEN_QUESTION, Focus.STRENGTHS, Attractor.PEA, confidence=1.0)
    advice = Move(Form.ADVICE, Focus.PLAN, Attractor.NEA, confidence=1.0)
    session = Session(NURSE)
    for _ in range(NURSE.coachee.temperament.draw().goodwill_after):
        session.play(warm)
    first, second = session.play(advice), session.play(advice)
    assert "nea.goodwill" in first.rules and "nea.goodwill" not in second.rules


@pytest.mark.parametrize("scenario", ALL_BUNDLED, ids=lambda s: s.id)
def test_an_act_the_reader_was_barely_sure_of_is_not_answered_as_that_act(scenario) -> None:  # type: ignore[no-untyped-def]
    # "And the Saturday the extraction died, you had everybody out in a minute and a half",
    # read as a confrontation at 0.60, drew "You've got a nerve" in a blind rating.
    line = "And the Saturday it all went wrong, you kept everyone calm."
    sources = {}
    for confidence in (0.6, 1.0):
        session = Session(scenario, seed=0)
        session.play(Move(Form.CONFRONT, Focus.STRENGTHS, Attractor.NEA, confidence=confidence), line)
        sources[confidence] = session.choices[-1].source
    assert sources == {0.6: "state:strengths", 1.0: "state:confront"}


OWNING = "Hang on. I started that badly, and I'm sorry."
SURE_CONFRONT = Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA, confidence=1.0)
OWNED = "repair.owned"


def _ruptured(scenario: Scenario) -> Session:
    # Sure NEA moves until the coachee is defensive (before any walk-out): a rupture to own.
    session = Session(scenario, seed=0)
    while session.state is not State.DEFENSIVE:
        session.play(SURE_CONFRONT, "Your notes are late again and it's not good enough.")
    return session


@pytest.mark.parametrize("scenario", ALL_BUNDLED, ids=lambda s: s.id)
def test_owning_a_bad_start_lifts_a_defensive_coachee_as_a_repair_move(scenario: Scenario) -> None:
    owned = _ruptured(scenario).play(SURELY_NOTHING, OWNING)
    assert OWNED in owned.rules and "pea.repair" in owned.rules and "drift" not in owned.rules
    assert owned.openness_after > owned.openness_before
    assert owned.coachee in {line.text for line in scenario.pools.apology.for_state(owned.state_after)}
    nothing = _ruptured(scenario).play(SURELY_NOTHING, "Right.")
    assert nothing.openness_after <= nothing.openness_before


def test_a_bad_start_is_owned_once() -> None:
    session = _ruptured(NURSE)
    session.play(SURELY_NOTHING, OWNING)
    while session.state is not State.DEFENSIVE or session.turns[-1].move.attractor is not Attractor.NEA:
        session.play(SURE_CONFRONT, "Still, the notes have to be done.")
    again = session.play(SURELY_NOTHING, "Sorry, that came out all wrong. I started badly again.")
    # A pattern, not a repair.
    assert OWNED not in again.rules and again.openness_after <= again.openness_before


def test_owning_a_start_that_made_no_rupture_moves_nothing() -> None:
    # Cooled by half-heard lines, not by a sure NEA move: there is nothing to own.
    session = Session(NURSE, seed=0)
    session.play(Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA, confidence=0.7), "The notes, though.")
    for _ in range(4):
        session.play(Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA, confidence=0.7), "The notes.")
    turn = session.play(SURELY_NOTHING, OWNING)
    assert OWNED not in turn.rules


def test_half_heard_nea_lines_never_take_a_coachee_below_guarded_and_a_sure_one_does() -> None:
    half_heard = Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA, confidence=0.75)
    session = Session(NURSE, seed=0)
    for late in ("Monday's", "Tuesday's", "Wednesday's", "Thursday's", "Friday's", "the weekend's"):
        turn = session.play(half_heard, f"And {late} notes were late too.")
        assert turn.state_after is State.GUARDED and turn.openness_after <= turn.openness_before
    assert "nea.drop" in turn.rules
    turn = session.play(dataclasses.replace(half_heard, confidence=0.95), "The notes. Now.")
    assert turn.state_after is State.DEFENSIVE
    again = session.play(half_heard, "And last month's were no better.")
    assert again.openness_after < again.openness_before  # once defensive, a half-heard push still costs


@pytest.mark.parametrize(
    "line",
    [
        "I'm sorry you feel that way.",  # no ownership
        "I'm sorry to hear about your mum.",  # condolence
        "Sorry I'm late, the car park was full.",  # logistics
    ],
)
def test_an_apology_that_owns_nothing_repairs_nothing(line: str) -> None:
    turn = _ruptured(NURSE).play(SURELY_NOTHING, line)
    assert OWNED not in turn.rules and turn.openness_after <= turn.openness_before


def test_an_apology_said_with_fresh_blame_is_no_repair() -> None:
    turn = _ruptured(NURSE).play(SURE_CONFRONT, "Sorry, that came out wrong. But the notes are still late.")
    assert OWNED not in turn.rules and any(rule.startswith(("nea.", "shutdown.")) for rule in turn.rules)


def test_an_owning_line_that_lifts_more_by_itself_keeps_its_own_lift() -> None:
    # Rhi's repair gives a real choice read surely as autonomy: owning must never take away the
    # lift the same line earns without it.
    chef = catalogue.load("restaurant-head-chef").scenario
    line = "Sorry, I came in too hard there. It's your kitchen, and what we talk about is up to you."
    turn = _ruptured(chef).play(Move(Form.AUTONOMY, Focus.NONE, Attractor.PEA, confidence=1.0), line)
    assert OWNED in turn.rules and "pea.repair" in turn.rules
    assert turn.openness_after > turn.openness_before


# Grace tells her step (charting at the bedside from Monday) when handed the choice.
STEP_TOLD = COMPASSION_LINES[:6]
BACKING = "Chart at the bedside for a week from Monday. Talk them through it as you write, and let the students watch."


def test_saying_back_the_step_the_coachee_chose_backs_it_and_is_no_advice() -> None:
    session = Session(NURSE, 0)
    for line in STEP_TOLD:
        session.say(line)
    assert "next-step" in session.revealed
    before = session.openness
    turn = session.say(BACKING)
    assert (turn.move.form, turn.move.focus, turn.move.attractor) == (
        Form.AFFIRMATION,
        Focus.PLAN,
        Attractor.PEA,
    )
    assert turn.move.cues == (BACKS_THEIR_STEP,)
    assert session.openness >= before


@pytest.mark.parametrize(
    "line",
    [
        # The trainee's own plan, with a few of her words in it: still advice.
        "Chart at the bedside from Monday, and get the audit actions done by Friday as well.",
        "Get your notes done every shift and stop leaving them till the end.",
    ],
)
def test_advice_of_the_trainees_own_after_the_step_is_still_advice(line: str) -> None:
    session = Session(NURSE, 0)
    for said in STEP_TOLD:
        session.say(said)
    assert session.say(line).move.form is Form.ADVICE


def test_the_same_words_before_the_coachee_chose_a_step_are_advice() -> None:
    turn = Session(NURSE, 0).say(BACKING)
    assert (turn.move.form, turn.move.attractor) == (Form.ADVICE, Attractor.NEA)


def test_replies_to_fillers_do_not_turn_on_the_seed() -> None:
    # A line of fillers only has no words to pick a reply by; picked by the seed, the same lines
    # met other replies under other seeds, and a stock reflection after them landed or missed.
    lines = ["mm", "ok", "It sounds like you're tired.", "mm", "What matters most to you?"]
    replies = {
        tuple(turn.coachee for turn in on_a_typical_day(play(NURSE, lines, seed)).turns) for seed in range(5)
    }
    assert len(replies) == 1
