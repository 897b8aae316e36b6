"""The coachee's dynamics (COACHING-MODEL.md §4), tested on moves built by hand."""

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.engine.coachee import TOP_OPENNESS, Coachee, History, Impact, appraise, hot_button_hit
from simulator.scenario import catalogue
from simulator.scenario.model import HotButton, Line
from simulator.vocabulary import SURE_FROM, UNCLEAR_BELOW, Attractor, Focus, Form, Move, State
from tests.strategies import moves, persona

VISION_QUESTION = Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA)
FEELING_REFLECTION = Move(Form.COMPLEX_REFLECTION, Focus.FEELINGS, Attractor.PEA)
AUTONOMY = Move(Form.AUTONOMY, Focus.NONE, Attractor.PEA)
CONFRONT = Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA)
KIND = Move(
    Form.STRUCTURE, Focus.NONE, Attractor.NEUTRAL
)  # a kind line read neutral: the reading spares no word
ADVICE = Move(Form.ADVICE, Focus.PLAN, Attractor.NEA)
COMPLIANCE_CHECK = Move(Form.CLOSED_QUESTION, Focus.DEFICIT, Attractor.NEA)
BALANCE_SHEET = Move(Form.OPEN_QUESTION, Focus.DEFICIT, Attractor.NEUTRAL)
SMALL_TALK = Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL)


def at(state: State, **kwargs: object) -> History:
    return History(state=state, **kwargs)  # type: ignore[arg-type]


def test_pea_move_raises_openness() -> None:
    assert appraise(FEELING_REFLECTION, "", persona(), at(State.GUARDED)).delta > 0


def test_nea_move_lowers_openness_harder_than_the_same_pea_move_raises_it() -> None:
    lift = appraise(Move(Form.ADVICE, Focus.PLAN, Attractor.PEA), "", persona(), at(State.NEUTRAL)).delta
    drop = appraise(ADVICE, "", persona(), at(State.NEUTRAL)).delta
    assert -drop == lift * 2.0


def test_sensitivity_multiplies_nea_losses() -> None:
    calm = appraise(ADVICE, "", persona(sensitivity=1.0), at(State.NEUTRAL)).delta
    touchy = appraise(ADVICE, "", persona(sensitivity=2.0), at(State.NEUTRAL)).delta
    assert touchy == 2 * calm


def test_confront_drops_sensitive_coachee_to_defensive() -> None:
    impact = appraise(CONFRONT, "", persona(shuts_down_on=["confront"]), at(State.OPEN))
    assert impact.shutdown and impact.rules == ("shutdown.confront",)


def test_confront_only_lowers_a_robust_coachee() -> None:
    impact = appraise(CONFRONT, "", persona(), at(State.OPEN))
    assert not impact.shutdown and impact.delta < 0


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_a_less_sure_reading_moves_the_coachee_less_either_way(low: float, high: float) -> None:
    low, high = sorted((low, high))
    for move in (ADVICE, FEELING_REFLECTION):
        unsure, sure = (dataclasses.replace(move, confidence=c) for c in (low, high))
        assert abs(appraise(unsure, "", persona(), at(State.NEUTRAL)).delta) <= abs(
            appraise(sure, "", persona(), at(State.NEUTRAL)).delta
        )


def test_a_sure_reading_moves_fully_and_an_unclear_one_not_at_all() -> None:
    full = appraise(ADVICE, "", persona(), at(State.NEUTRAL)).delta
    assert (
        appraise(dataclasses.replace(ADVICE, confidence=SURE_FROM), "", persona(), at(State.NEUTRAL)).delta
        == full
    )
    unclear = dataclasses.replace(ADVICE, confidence=UNCLEAR_BELOW - 0.01)
    assert appraise(unclear, "", persona(), at(State.NEUTRAL)).delta == 0.0


def test_a_confront_the_reader_was_unsure_of_lowers_openness_but_never_shuts_down() -> None:
    unsure = dataclasses.replace(CONFRONT, confidence=(UNCLEAR_BELOW + SURE_FROM) / 2)
    impact = appraise(unsure, "", persona(shuts_down_on=["confront"]), at(State.OPEN))
    assert not impact.shutdown and impact.delta < 0


def test_compliance_check_can_shut_down_a_persona_that_names_it() -> None:
    impact = appraise(COMPLIANCE_CHECK, "", persona(shuts_down_on=["compliance_check"]), at(State.NEUTRAL))
    assert impact.shutdown


def test_deficit_probe_before_a_vision_costs_more_than_after_it() -> None:
    before = appraise(COMPLIANCE_CHECK, "", persona(), at(State.NEUTRAL, vision_established=False))
    after = appraise(BALANCE_SHEET, "", persona(), at(State.NEUTRAL, vision_established=True))
    assert before.delta < 0
    assert after.delta == 0
    assert "deficit.before_vision" in before.rules and "deficit.balance_sheet" in after.rules


def test_turns_without_pea_let_openness_drift_down() -> None:
    fresh = appraise(SMALL_TALK, "", persona(drift=0.3, drift_after=2), at(State.NEUTRAL, turns_since_pea=0))
    stale = appraise(SMALL_TALK, "", persona(drift=0.3, drift_after=2), at(State.NEUTRAL, turns_since_pea=1))
    assert fresh.delta == 0
    assert stale.delta == -0.3 and "drift" in stale.rules


def test_recovery_from_defensive_is_slower_than_from_neutral() -> None:
    from_defensive = appraise(VISION_QUESTION, "", persona(), at(State.DEFENSIVE)).delta
    from_guarded = appraise(VISION_QUESTION, "", persona(), at(State.GUARDED)).delta
    assert 0 < from_defensive < from_guarded


def test_autonomy_repairs_discord_more_than_other_pea_moves() -> None:
    autonomy = appraise(AUTONOMY, "", persona(), at(State.GUARDED))
    assert "pea.repair" in autonomy.rules


def test_vision_questions_lift_most_once_neutral() -> None:
    guarded = appraise(VISION_QUESTION, "", persona(), at(State.GUARDED))
    neutral = appraise(VISION_QUESTION, "", persona(), at(State.NEUTRAL))
    assert neutral.delta > guarded.delta and "pea.vision_boost" in neutral.rules


def test_hot_button_hits_harder_than_generic_nea() -> None:
    button = HotButton(id="audit", words=("audit",), drop=1.5, reply=Line(text="The audit. Of course."))
    touchy = persona().model_copy(update={"hot_buttons": (button,)})
    generic = appraise(ADVICE, "You should plan better.", touchy, at(State.NEUTRAL))
    hot = appraise(ADVICE, "You should plan the AUDIT better.", touchy, at(State.NEUTRAL))
    assert hot.delta < generic.delta and hot.hot_button is button


def test_hot_button_matches_whole_words_only() -> None:
    button = HotButton(id="pip", words=("PIP",), effect="shutdown", reply=Line(text="A PIP?"))
    touchy = persona().model_copy(update={"hot_buttons": (button,)})
    assert not appraise(SMALL_TALK, "Pipelines are fine.", touchy, at(State.NEUTRAL)).shutdown
    assert appraise(SMALL_TALK, "We may need a pip.", touchy, at(State.NEUTRAL)).shutdown


def test_gate_holds_coachee_below_open_until_vision_or_values_are_explored() -> None:
    coachee = Coachee(persona().model_copy(update={"starting_state": State.REFLECTIVE}))
    assert coachee.react(Impact(delta=3.0)) == ("gate.open",)
    assert coachee.current is State.REFLECTIVE and coachee.openness < State.OPEN.rank
    coachee.progress.explored.add(Focus.VISION)
    coachee.react(Impact(delta=0.5))
    assert coachee.current is State.OPEN


def test_gate_holds_coachee_below_energised_until_the_vision_is_revealed() -> None:
    coachee = Coachee(persona().model_copy(update={"starting_state": State.OPEN}))
    coachee.react(Impact(delta=2.0))
    assert coachee.current is State.OPEN
    coachee.progress.revealed_kinds.add("vision")
    coachee.react(Impact(delta=0.5))
    assert coachee.current is State.ENERGISED


def test_shutdown_goes_straight_to_defensive_from_any_state() -> None:
    coachee = Coachee(persona().model_copy(update={"starting_state": State.ENERGISED}))
    coachee.react(Impact(shutdown=True))
    assert coachee.current is State.DEFENSIVE


@pytest.mark.slow
@given(st.lists(st.tuples(moves, st.sampled_from(["", "audit", "plain words"])), max_size=40))
def test_openness_stays_in_bounds_and_matches_the_state(sequence: list[tuple[Move, str]]) -> None:
    sam = persona(shuts_down_on=["confront"])
    coachee = Coachee(sam)
    for move, text in sequence:
        coachee.progress.explored.add(move.focus)
        coachee.react(appraise(move, text, sam, at(coachee.current)))
        assert 0 <= coachee.openness <= TOP_OPENNESS
        assert coachee.current in State
        assert int(coachee.openness) == coachee.current.rank


@given(
    st.floats(0.0, 2.99),
    st.floats(0.0, 2.99),
    st.sampled_from([AUTONOMY, FEELING_REFLECTION, VISION_QUESTION]),
)
@pytest.mark.slow
def test_a_more_open_coachee_never_ends_a_move_less_open(low: float, high: float, move: Move) -> None:
    low, high = sorted((low, high))
    sam = persona(repair=3.0)

    def after(level: float) -> float:
        history = History(state=list(State)[int(level)], openness=level)
        return level + appraise(move, "", sam, history).delta

    assert after(low) <= after(high) + 1e-9


def test_shutdown_never_raises_openness() -> None:
    coachee = Coachee(persona().model_copy(update={"starting_state": State.DEFENSIVE}))
    coachee.react(Impact(delta=-1.0))
    coachee.react(Impact(shutdown=True))
    assert coachee.openness == 0.0


def test_hot_button_that_fires_on_nea_ignores_kind_words() -> None:
    button = HotButton(
        id="portfolio", words=("portfolio",), fires_on="nea", reply=Line(text="The portfolio.")
    )
    touchy = persona().model_copy(update={"hot_buttons": (button,)})
    reassurance = Move(Form.AUTONOMY, Focus.NONE, Attractor.PEA)
    assert (
        appraise(reassurance, "Don't worry about the portfolio.", touchy, at(State.GUARDED)).hot_button
        is None
    )
    assert appraise(ADVICE, "Do your portfolio tonight.", touchy, at(State.GUARDED)).hot_button is button


def test_a_button_that_fires_on_nea_counts_the_readings_certainty() -> None:
    button = HotButton(
        id="capability",
        words=("capability",),
        effect="shutdown",
        fires_on="nea",
        reply=Line(text="Capability."),
    )
    touchy = persona().model_copy(update={"hot_buttons": (button,)})
    line = "This could go to capability."
    sure = appraise(
        Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA, confidence=0.95), line, touchy, at(State.NEUTRAL)
    )
    half = appraise(
        Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA, confidence=0.7), line, touchy, at(State.NEUTRAL)
    )
    assert sure.shutdown and not half.shutdown and half.hot_button is button and half.delta < 0
    word_only = button.model_copy(update={"fires_on": "any"})
    anyhow = persona().model_copy(update={"hot_buttons": (word_only,)})
    unsure = Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA, confidence=0.7)
    assert appraise(unsure, line, anyhow, at(State.NEUTRAL)).shutdown


def test_drift_that_lands_on_a_rung_keeps_the_state() -> None:
    coachee = Coachee(persona())
    for _ in range(2):
        coachee.react(Impact(delta=-0.25))
    assert coachee.openness == 1.0 and coachee.current is State.GUARDED


def test_the_same_pea_move_repeated_lifts_less_each_time() -> None:
    sam = persona(habituation=0.5)
    fresh = appraise(VISION_QUESTION, "", sam, History(State.NEUTRAL, repeats=0))
    again = appraise(VISION_QUESTION, "", sam, History(State.NEUTRAL, repeats=1))
    third = appraise(VISION_QUESTION, "", sam, History(State.NEUTRAL, repeats=2))
    assert again.delta == fresh.delta / 2 and third.delta == fresh.delta / 4
    assert "pea.habituation" in again.rules and "pea.habituation" not in fresh.rules


def test_questions_asked_over_the_answers_lift_less_from_the_second_in_a_row() -> None:
    sam = persona(habituation=0.5)
    first, second, third = (
        appraise(VISION_QUESTION, "", sam, History(State.NEUTRAL, unheard=run)) for run in (1, 2, 3)
    )
    assert second.delta == first.delta / 2 and third.delta == first.delta / 4
    assert "pea.unheard" in second.rules and "pea.unheard" not in first.rules


def test_after_a_run_of_pea_moves_the_next_nea_move_costs_less() -> None:
    sam = persona(goodwill=0.5, goodwill_after=3)
    cold = appraise(CONFRONT, "", sam, at(State.NEUTRAL, pea_since_nea=2))
    warm = appraise(CONFRONT, "", sam, at(State.NEUTRAL, pea_since_nea=3))
    assert warm.delta == cold.delta * 0.5 < 0
    assert warm.rules == ("nea.drop", "nea.goodwill") and cold.rules == ("nea.drop",)


def test_goodwill_softens_a_compliance_check_before_the_vision_too() -> None:
    sam = persona(goodwill=0.25)
    full = appraise(COMPLIANCE_CHECK, "", sam, at(State.NEUTRAL))
    cushioned = appraise(COMPLIANCE_CHECK, "", sam, at(State.NEUTRAL, pea_since_nea=5))
    assert cushioned.delta == full.delta * 0.75 < 0
    assert "nea.goodwill" in cushioned.rules


def test_goodwill_never_spares_a_shutdown_or_a_hot_button() -> None:
    touchy = persona(goodwill=1.0, shuts_down_on=["confront"])
    assert appraise(CONFRONT, "", touchy, at(State.OPEN, pea_since_nea=9)).shutdown
    button = HotButton(id="audit", words=("audit",), reply=Line(text="Not the audit."), drop=1.0)
    audited = persona(goodwill=1.0).model_copy(update={"hot_buttons": (button,)})
    hit = appraise(CONFRONT, "the audit", audited, at(State.OPEN, pea_since_nea=9))
    assert hit.delta == -1.0 and "nea.goodwill" in hit.rules  # the move forgiven, the nerve not


@given(moves, st.integers(0, 10), st.floats(0.0, 1.0))
def test_goodwill_only_ever_shrinks_a_loss(move: Move, run: int, goodwill: float) -> None:
    sam = persona(goodwill=goodwill)
    full = appraise(move, "", sam, at(State.NEUTRAL)).delta
    cushioned = appraise(move, "", sam, at(State.NEUTRAL, pea_since_nea=run)).delta
    assert (cushioned == full) if full >= 0 else (full <= cushioned <= 0)


def test_rhi_is_not_threatened_by_being_let_go_to_her_lamb() -> None:
    # A blind rating found Rhi shut down by a kind goodbye: "let you go" also ends a meeting.
    rhi = catalogue.load("restaurant-head-chef").scenario.coachee
    goodbye = Move(Form.STRUCTURE, Focus.NONE, Attractor.NEUTRAL)
    assert (
        hot_button_hit(goodbye, "Okay, I'll let you go to your lamb before Kofi comes looking.", rhi) is None
    )
    threat = Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA)
    hit = hot_button_hit(threat, "If this carries on we'll have to let you go.", rhi)
    assert hit is not None and hit.id == "job-threat"


BUNDLED_PERSONAS = [loaded.scenario.coachee for loaded in catalogue.load_bundled()]
GRACE = catalogue.load("ward-nurse-charting").scenario.coachee


def words_of_buttons(coachee):  # type: ignore[no-untyped-def]
    """Each of a persona's hot buttons with each of its words (without a trailing wildcard)."""
    return [(button, word.rstrip("*")) for button in coachee.hot_buttons for word in button.words]


@pytest.mark.parametrize("coachee", BUNDLED_PERSONAS, ids=lambda p: p.name)
def test_a_hot_word_denied_in_a_line_not_read_as_nea_is_reassurance(coachee) -> None:  # type: ignore[no-untyped-def]
    # "Grace, this isn't a disciplinary. I just want to hear how you are." shut Grace down and
    # ended the meeting, though it was read as it was meant: reassurance.
    for button, word in words_of_buttons(coachee):
        for denial in (
            f"Just so you know, this isn't about {word}.",
            f"Nobody's saying {word}, honestly.",
        ):
            assert hot_button_hit(KIND, denial, coachee) is None, (button.id, denial)
            assert hot_button_hit(CONFRONT, denial, coachee) is not None, (button.id, denial)
        assert hot_button_hit(CONFRONT, f"Let's talk about {word}.", coachee) is not None, (button.id, word)


def test_a_hot_word_said_plainly_still_stings_however_the_line_is_read() -> None:
    kind = Move(Form.STRUCTURE, Focus.NONE, Attractor.NEUTRAL)
    hit = hot_button_hit(kind, "This is a disciplinary, Grace, I'm sorry.", GRACE)
    assert hit is not None and hit.id == "written-up"
    # Dictated, without the apostrophe, a denial is still a denial.
    assert (
        hot_button_hit(kind, "grace this isnt a disciplinary i just want to hear how you are", GRACE) is None
    )
    # A denial of one thing does not reach past its clause to the next.
    hit = hot_button_hit(kind, "Not today, but the disciplinary is on Friday.", GRACE)
    assert hit is not None and hit.id == "written-up"


@pytest.mark.parametrize(
    "line",
    [
        "forget it at the next audit you chart as you go",  # "forget it" puts down nothing named after it
        "We can pick up the rota another time - is the audit worrying you?",  # only the rota goes to another day
        "Nobody's blaming you - the audit failed.",  # a spaced dash ends the denial's clause
    ],
)
def test_setting_aside_or_denying_one_thing_does_not_reach_the_sore_subject_after_it(line: str) -> None:
    hit = hot_button_hit(KIND, line, GRACE)
    assert hit is not None and hit.id == "audit"


def test_an_order_sent_on_to_another_day_still_stings() -> None:
    order = Move(Form.ADVICE, Focus.DEFICIT, Attractor.NEA)
    hit = hot_button_hit(order, "Fix the audit actions. We'll look at it again next week.", GRACE)
    assert hit is not None and hit.id == "audit"


@pytest.mark.parametrize(
    "line",
    [
        "Forget that audit, how are you?",
        "The audit we can deal with another day.",
        "Park the audit for now.",
        # What is asked is everything but it: "if you strip away the commission and the league
        # table" dropped Marco to defensive at a question about what he cares about.
        "What matters most to you in nursing, if you strip away the audit and the paperwork?",
        "Apart from the audit, how are things?",
        "Leaving aside the audit for a second, what's been good this month?",
        "The audit is off the table today. How are you?",
        "The audit will still be there next week.",
        "the audit we'll look at next week how are you doing",
        "Before we go anywhere near the audit, tell me about a shift that went well.",
        "this is more about you than the audit",
        "We'll sort the audit another day.",
        "the audit can sit for today",
        # a later clause sends it, named again, to another day: Niamh went defensive at a first line
        # ending "please don't give up your weekend to the portfolio; we'll sort that together another day"
        "And please don't give up your weekend to the audit on my account; we'll sort that together another day.",
        # what the line asks for set against what the subject would have: Niamh shut down at "the
        # doctor you'd really love to be, not the one the ARCP panel wants, who is she?"
        "The nurse you'd really love to be, not the one the audit wants, who is she?",
        "What would a good week look like, not what the audit says?",
        "Whatever happens with the audit, what kind of nurse would you love to be?",
        "Regardless of the audit, what would a good year look like for you?",
        # a later clause says it, named again, is not what the meeting is for: Grace went defensive at
        # "the audit is one thing. but honestly it's not the main reason. I wanted to ask about you"
        "I won't pretend, the audit is one thing. But honestly it's not the main reason. I wanted to ask about you.",
        "There's the audit, yes, but that's not why I asked you in. How are you?",
    ],
)
def test_the_sore_subject_itself_set_aside_still_hits_nothing(line: str) -> None:
    assert hot_button_hit(KIND, line, GRACE) is None


def test_a_subject_denied_as_the_reason_still_stings_when_the_line_blames() -> None:
    blaming = "The audit is one thing. It's not the main reason, it's the whole pattern with you."
    assert hot_button_hit(CONFRONT, blaming, GRACE) is not None
    assert hot_button_hit(KIND, "The audit is the main reason I asked you in.", GRACE) is not None


@pytest.mark.parametrize("coachee", BUNDLED_PERSONAS, ids=lambda p: p.name)
def test_a_sore_subject_set_aside_hits_no_nerve_however_the_line_is_read(coachee) -> None:  # type: ignore[no-untyped-def]
    # "Forget the portfolio for now. I'm more interested in how you are." dropped Niamh to
    # defensive at the second line of a kind meeting: the reader was unsure of it, the word was not.
    for button, word in words_of_buttons(coachee):
        for aside in (
            f"Forget the {word} for now. How are you, really?",
            f"Let me put the {word} aside. What would help today?",
            f"Let's leave the {word} for today.",
            f"The {word} can wait, honestly.",
            f"I didn't come here to talk about the {word}.",
            f"The {word} isn't why I asked to see you.",
            f"We'll come back to the {word} another time.",
            f"i'm not going to go through the {word} today how are you",
            f"I'd rather know how you are than go over the {word} again.",
            f"I'd like to hear it in your words rather than the {word}.",
        ):
            for move in (KIND, CONFRONT):
                hit = hot_button_hit(move, aside, coachee)
                if button.effect == "shutdown":  # a threat set aside is still a threat
                    assert hit is not None, (button.id, aside)
                else:
                    assert hit is None or hit.id != button.id, (button.id, aside)
        for order in (
            f"Get the {word} sorted for now.",
            f"You need to set aside time for the {word}.",
            f"I'm not going to pretend the {word} is fine.",
            f"The {word} is for Friday, no later.",
            f"I want the {word} sorted, not another week of excuses.",
        ):
            assert hot_button_hit(CONFRONT, order, coachee) is not None, (button.id, order)


@pytest.mark.parametrize("coachee", BUNDLED_PERSONAS, ids=lambda p: p.name)
def test_a_sore_subject_named_only_before_a_kind_question_about_something_else_hits_nothing(coachee) -> None:  # type: ignore[no-untyped-def]
    # "Compliance is off the table this morning, hen. How's the week been?" hit Grace's audit
    # button: the subject was put down in words no pattern knew, and the line asked after her.
    for button, word in words_of_buttons(coachee):
        for in_passing in (
            f"I know the {word} is hanging over you. How's the week been?",
            f"We'll get to the {word} later. Today I just want to hear how you've been doing.",
        ):
            hit = hot_button_hit(KIND, in_passing, coachee)
            if button.effect == "shutdown":  # a threat named in passing is still a threat
                assert hit is not None, (button.id, in_passing)
            else:
                assert hit is None or hit.id != button.id, (button.id, in_passing)
            # Read as blame, it stings; a question that refers back to it, or names it, asks about
            # it (and stings a kind line where the button fires on the word, not only on blame).
            assert hot_button_hit(CONFRONT, in_passing, coachee) is not None, (button.id, in_passing)
        if button.fires_on == "nea":
            continue
        for asked_about in (
            f"I know the {word} is hanging over you. How has that been?",
            f"The {word} came up on Tuesday. What happened?",
            f"I know it's been a long week. How are you finding the {word}?",
            f"Right, the {word}. Where are we at?",  # the subject put in front of its question
        ):
            assert hot_button_hit(KIND, asked_about, coachee) is not None, (button.id, asked_about)
