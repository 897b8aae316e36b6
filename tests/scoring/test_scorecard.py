"""The scorecard as a whole: bounded, deterministic, monotone where it must be, and banded sensibly."""

import io
import json
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.external import Utterance, facts_from_utterances
from scoring.facts import ConversationFacts, TurnFacts
from scoring.marks import Rating
from scoring.scorecard import band_of, score_facts, score_practice
from simulator.engine.session import Session
from simulator.engine.transcript import TranscriptWriter, header_record, parse_transcript
from simulator.scenario import catalogue
from simulator.scenario.rubric import DEFAULT_RUBRIC, Rubric, Threshold
from simulator.trainer.gaming import STRATEGIES, dictated, generated, play_strategy
from simulator.trainer.rehearsal import play, score_session
from simulator.vocabulary import Attractor, Band, MeasureKey
from tests.strategies import COMPASSION_LINES, COMPLIANCE_LINES, REPAIRED_START

LOADED = catalogue.load(catalogue.DEFAULT_SCENARIO)
NURSE = LOADED.scenario
ALL = [loaded.scenario for loaded in catalogue.load_bundled()]

CONFRONT = "Honestly, that's not how a professional behaves."
ADVICE = "You should just make a checklist and stick to it."
AFFIRMATION = "You rebuilt the trust of that whole team through your patience."
conversations = st.lists(st.sampled_from([*COMPASSION_LINES, *COMPLIANCE_LINES, ADVICE]), max_size=14)


def overall(lines: list[str], seed: int = 0) -> float:
    return score_session(play(NURSE, lines, seed)).overall


@pytest.mark.slow
@given(conversations, st.integers(0, 50))
def test_overall_is_between_0_and_100_and_deterministic(lines: list[str], seed: int) -> None:
    first = score_session(play(NURSE, lines, seed))
    assert 0 <= first.overall <= 100
    assert first == score_session(play(NURSE, lines, seed))


@pytest.mark.slow
@given(conversations)
def test_appending_a_confront_line_never_raises_overall(lines: list[str]) -> None:
    assert overall([*lines, CONFRONT]) <= overall(lines)


@pytest.mark.slow
@given(conversations, st.data())
def test_replacing_advice_with_a_specific_affirmation_never_lowers_overall(
    lines: list[str], data: st.DataObject
) -> None:
    # Between two real people, so the coachee's words stay the same and only the line changes.
    position = data.draw(st.integers(0, len(lines)))

    def external(said: list[str]) -> float:
        utterances = [
            Utterance(role, text, i)
            for i, (role, text) in enumerate(
                (
                    (role, text)
                    for line in said
                    for role, text in (("coach", line), ("coachee", "It has been a long month."))
                ),
                start=1,
            )
        ]
        return score_facts(facts_from_utterances(utterances, "t")).overall

    with_advice = [*lines[:position], ADVICE, *lines[position:]]
    with_affirmation = [*lines[:position], AFFIRMATION, *lines[position:]]
    assert external(with_affirmation) >= external(with_advice)


@pytest.mark.slow
@given(conversations, st.integers(0, 20))
def test_scoring_a_transcript_and_its_json_round_trip_agree(lines: list[str], seed: int) -> None:
    session = play(NURSE, lines, seed)
    stream = io.StringIO()
    writer = TranscriptWriter(stream)
    writer.write(header_record(session, LOADED.text, "t0", "test"))
    for turn in session.turns:
        writer.turn(turn)
    transcript = parse_transcript(stream.getvalue().splitlines(), "t.jsonl")
    replayed = score_session(play(NURSE, transcript.trainee_lines, transcript.header["seed"]))
    assert replayed == score_session(session)
    assert json.loads(json.dumps(replayed.as_dict())) == replayed.as_dict()


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_bundled_compassion_tests_score_compassion_led_and_compliance_tests_compliance_led(scenario) -> None:  # type: ignore[no-untyped-def]
    for test in scenario.tests:
        band = score_session(play(scenario, test.lines, test.seed)).band
        if test.style == "compassion":
            assert band == "compassion-led", test.name
        if test.style == "compliance":
            assert band == "compliance-led", test.name


def test_bands_follow_the_rubric_marks() -> None:
    assert band_of(70, DEFAULT_RUBRIC) == "compassion-led"
    assert band_of(69.9, DEFAULT_RUBRIC) == "mixed"
    assert band_of(44.9, DEFAULT_RUBRIC) == "compliance-led"
    strict = Rubric(compassion_led_from=90)
    assert band_of(80, strict) == "mixed"


def test_empty_conversation_scores_low_and_suggests_next_steps() -> None:
    card = score_session(Session(NURSE))
    assert card.band == "compliance-led" and len(card.try_next) == 3


def test_weak_turns_get_a_better_line_for_that_moment() -> None:
    card = score_session(play(NURSE, ["Did you finish the notes yesterday?"]))
    weak = card.turns[0]
    assert weak.verdict == "weak" and weak.better is not None
    # Grace opens with "Is this about the notes?": the worry is answered before the time is handed over.
    assert weak.better.move == "settle them: answer the worry, then hand over the time"
    assert "deficit probe" in weak.rule


def test_the_balance_sheet_is_never_weak_for_the_sting_a_persona_feels_at_the_gap() -> None:
    from scoring.feedback import verdict_of
    from simulator.vocabulary import Focus, Form, Move, State

    balance = Move(Form.OPEN_QUESTION, Focus.DEFICIT, Attractor.NEUTRAL)
    stung = TurnFacts(
        1,
        "Holding that picture, what's in the way right now?",
        balance,
        state_before=State.OPEN,
        state_after=State.OPEN,
        openness_before=4.5,
        openness_after=4.3,
        rules=("deficit.balance_sheet",),
    )
    assert verdict_of(stung) == "fine"
    drifted = TurnFacts(1, stung.trainee, balance, openness_before=4.5, openness_after=4.3, rules=("drift",))
    assert verdict_of(drifted) == "weak"  # a drop for any other reason is still weak


def test_a_warm_line_that_hit_a_nerve_is_explained_by_the_nerve_not_the_lift() -> None:
    from scoring.feedback import rule_of
    from simulator.vocabulary import Focus, Form, Move

    warm = Move(Form.COMPLEX_REFLECTION, Focus.FEELINGS, Attractor.PEA)
    hit = TurnFacts(
        1, "No wonder the audit weighs on you.", warm, openness_before=3.0, openness_after=2.4,
        rules=("pea.lift", "hot_button.audit"),
    )  # fmt: skip
    assert rule_of(hit) == "that word hits a nerve for this coachee"
    lifted = TurnFacts(1, hit.trainee, warm, openness_before=3.0, openness_after=3.4, rules=("pea.lift",))
    assert rule_of(lifted) == "a PEA move lifts openness"


def test_went_well_and_try_next_come_from_the_measures() -> None:
    compassion = next(test for test in NURSE.tests if test.style == "compassion")
    card = score_session(play(NURSE, compassion.lines))
    good = [m.label for m in card.measures if m.rating in ("good", "fair")]
    assert card.went_well and all(
        any(item.startswith(f"{label}: ") for label in good) for item in card.went_well
    )
    assert len(card.try_next) <= 3


def test_warm_echoes_that_never_reach_the_real_self_or_a_plan_are_not_compassion_led() -> None:
    # A gamer who drops one of the coachee's words into a frame every turn ("seems like X means a
    # lot to you") and never asks anything: warm enough to add up past 70, but it never leaves rapport.
    chef = catalogue.load("restaurant-head-chef").scenario
    _, echoes = generated(random.Random(312))
    session = play_strategy(chef, echoes, 0)
    # Framed echoes are said by rote as well: that gate is off here, to show the arc holds them alone.
    without_arc = chef.rubric.model_copy(
        update={"compassion_led_needs_arc": False, "compassion_led_rote_below": 1.0}
    )
    assert score_practice(chef, session.turns, without_arc).band == "compassion-led"
    card = score_session(session)
    assert card.band == "mixed" and card.overall < chef.rubric.compassion_led_from
    assert any("never reached the real self or a plan" in note for note in card.notes)
    assert not card.completeness.complete
    # The first thing to try is what would have taken it further, shown under the arc: ICT order
    # itself was kept (no deficit came before the vision), and may be rated good.
    assert card.try_next[0].startswith(
        "Conversation arc: Go on from their vision to the real self and a step"
    )
    ict_order = next(m for m in card.measures if m.key is MeasureKey.ICT_ORDER)
    assert ict_order.rating is Rating.GOOD
    assert not any(item.startswith(f"{ict_order.label}: ") for item in card.try_next)


def test_scenario_rubric_overrides_the_default() -> None:
    lenient = NURSE.model_copy(
        update={
            "rubric": Rubric(
                compassion_led_from=10, compliance_led_below=5, compassion_led_needs_relational=False
            )
        }
    )
    session = play(lenient, ["Did you finish the notes?", "It sounds like a hard month."])
    assert score_session(session).band == "compassion-led"


def test_measures_that_do_not_apply_are_left_out_of_overall() -> None:
    facts = ConversationFacts(
        turns=(TurnFacts(1, "x", play(NURSE, ["What matters most to you?"]).turns[0].move),), simulated=False
    )
    card = score_facts(facts)
    assert card.measure("coachee_trajectory").score is None
    assert card.overall > 0


# Every persona's own tests hold across seeds: with the temperament ranges about 5% either side
# of their middles, Des's mixed review, the last to move (65.7 under seed 3 against 72.8), holds.
@pytest.mark.slow
@pytest.mark.parametrize("scenario", ALL, ids=lambda scenario: scenario.id)
def test_the_same_lines_with_another_seed_keep_their_band_and_stay_within_five_points(scenario) -> None:  # type: ignore[no-untyped-def]
    for test in scenario.tests:
        cards = [score_session(play(scenario, test.lines, seed)) for seed in range(5)]
        assert len({card.band for card in cards}) == 1, test.name
        overalls = [card.overall for card in cards]
        assert max(overalls) - min(overalls) <= 5, (test.name, overalls)


@pytest.mark.slow
def test_stock_phrases_on_a_loop_are_never_compassion_led_on_any_bundled_persona() -> None:
    rota = [
        "What's your vision for the future?", "That sounds really hard.", "What matters most to you?",
        "You're really good at what you do.", "It's your choice.", "What's your next step?",
    ]  # fmt: skip
    for scenario in ALL:
        card = score_session(play(scenario, (rota * 4)[:20]))
        assert card.band != "compassion-led", (scenario.id, card.overall)


QUESTIONS_THAT_HEAR_NOTHING = [
    "Hello Des, come in. How are you today?",
    "What are your hopes for the future?",
    "What comes up for you when you think about your walks?",
    "What else are you good at?",
    "What do you value most in life?",
    "What would your ideal self be doing in five years' time?",
    "What's getting in the way for you?",
    "What strengths could you draw on?",
    "What does a good life look like for you?",
    "What would success look like for you?",
    "What small step could you take?",
    "What matters most to you?",
    "What's one thing you could try this week?",
    "What's your next step going to be?",
    "Thanks Des, see you next time.",
]


def test_a_conversation_that_never_reflects_is_held_below_compassion_led_by_its_number_too() -> None:
    """Good questions that hand back nothing of the answers open Des all the same; Empathy rates poor,
    so the card is mixed, and its overall sits below the compassion-led mark, not at 80-odd."""
    card = score_session(play(catalogue.load("diabetes-walking").scenario, QUESTIONS_THAT_HEAR_NOTHING))
    assert card.measure(MeasureKey.EMPATHY).rating is Rating.POOR
    assert card.measure(MeasureKey.COACHEE_TRAJECTORY).rating is Rating.GOOD
    assert card.band is Band.MIXED
    assert card.overall == round(DEFAULT_RUBRIC.compassion_led_from - 0.1, 1)
    assert any("held below" in note for note in card.notes)


# Written ahead of Rhi's replies and dictated: one reflection that heard her ("its the people you
# bring on..."), questions taking up her words, and she ends energised; Empathy rates 3.0.
RHI_HEARD_ONCE = [
    "its not a telling off rhi i promise we will talk about the kitchen in a bit but theres something else i want to ask you first and ill be quick",
    "how are you keeping you and jo",
    "alright thank you for saying",
    "you know what bernard said to me last thursday he said those faggots are the reason he still gets out of the house of a thursday thats you that is",
    "what do you reckon youre best at in there",
    "its the people you bring on not only the palate thats what youre saying",
    "what made you want to cook in the first place",
    "that explains a lot about you",
    "if brindle was exactly the kitchen you wanted two years from now what would i see if i came in through the back door",
    "say more about that i like where this is going",
    "youre lighting up talking about it",
    "ok so next to that picture whats already there",
    "and whats missing",
    "that took guts to say rhi i know it did",
    "were two down in the kitchen and the inspections coming in january so we do need to move but you tell me where you want to start",
    "good ill back that all the way what do you need from me",
    "come and find me friday and tell me how its going now go and do your lamb",
]


def test_empathy_just_short_of_fair_with_the_coachee_heard_does_not_hold_a_conversation_back() -> None:
    # Empathy's fair mark set at 3.5, so that 3.0 is half an anchor short of it, as 2.5 is of 3.
    scenario = catalogue.load("restaurant-head-chef").scenario
    strict = scenario.rubric.model_copy(update={"empathy": Threshold(fair=3.5, good=4.5)})
    card = score_practice(scenario, play(scenario, RHI_HEARD_ONCE).turns, strict)
    assert card.measure(MeasureKey.EMPATHY).rating is Rating.POOR
    assert card.band is Band.COMPASSION_LED
    assert not any("held below" in note for note in card.notes)
    # With that one reflection asking a stock question after it instead, nothing heard them alone.
    asked = [
        line + " what matters most to you" if line.startswith("its the people") else line
        for line in RHI_HEARD_ONCE
    ]
    card = score_practice(scenario, play(scenario, asked).turns, strict)
    assert card.band is not Band.COMPASSION_LED


@pytest.mark.parametrize("scenario", ALL, ids=lambda scenario: scenario.id)
@pytest.mark.parametrize(
    "strategy",
    [
        "their last sentence, person turned, then a new stock question",
        "three of their words listed, then a new stock question",
    ],
)
@pytest.mark.parametrize("spoken", [False, True], ids=["typed", "dictated"])
def test_the_coachees_words_before_each_new_stock_question_are_never_compassion_led(
    scenario, strategy, spoken
) -> None:  # type: ignore[no-untyped-def]
    """Every line opens with the coachee's own words handed back, then asks the next of eighteen
    stock questions, whatever was answered: before these were heard for what they are (parroting
    with the person turned round; a list of their words, no reflection), this scored compassion-led
    on every persona. Dictated, with no question marks to find the question by, it did again (up
    to 99.5) until a dictated line's question was found by its words."""
    session = play_strategy(scenario, dictated(STRATEGIES[strategy]) if spoken else STRATEGIES[strategy])
    assert score_session(session).band is not Band.COMPASSION_LED


# A blind author's gaming conversation (probe14): the facts of Carys's file, each dressed as
# listening before a stock question. It added up to 71.1 on a reader fitted on practice lines.
FILE_DRESSED_AS_LISTENING = [
    "Thank you for coming, Carys. I'm hearing that you've been a community midwife for twenty-two years. How does that make you feel?",
    "What I'm noticing is that until April you were one of the four midwives of the Seren continuity team. Tell me more about your vision for that.",
    "It sounds like Seren was disbanded to staff labour ward. What would your ideal self say about that?",
    "I'm curious: you stayed in community and took on Glanrhyd, thirty-five minutes over the mountain road. What strengths does that show?",
    "Reflecting back, I'm hearing that since September fourteen of your postnatal home visits went on BadgerNet more than 48 hours late. What's your desired future there?",
    "So what I'm hearing is that three are not on it at all. How does that sit with your values?",
    "It sounds like one of those was the day-three visit for a baby readmitted on day six with jaundice. Let's hold that with compassion.",
    "I want to affirm that the review found your care sound but your record missing. That's a real strength.",
    "I'm noticing a link lecturer emailed about Ffion, a second-year student placed with you. What does your ideal self want for Ffion?",
    'It sounds like you told her to "stay in the car if you can\'t keep up". How does that connect to your passion?',
    "I'm hearing that women in Pen-y-bryn still ask for you by name. Tell me more.",
    "Let's look at your balance sheet. What's in place and what's missing?",
    "What's one step you'd like to choose, with full autonomy?",
    "Wonderful. I'm hearing that you're on call for home births tonight. Thank you for this open conversation.",
]


def test_the_file_read_out_as_what_was_heard_is_held_below_compassion_led() -> None:
    scenario = catalogue.load("community-midwife-burnout").scenario
    session = play(scenario, FILE_DRESSED_AS_LISTENING)
    card = score_session(session)
    assert card.band is not Band.COMPASSION_LED
    assert any("said they heard what the coachee never said" in note for note in card.notes)
    # Without the rule's count reached (the first two claims only), nothing holds it back for that.
    short = score_session(play(scenario, FILE_DRESSED_AS_LISTENING[:3]))
    assert not any("said they heard" in note for note in short.notes)


def test_a_reflection_of_what_the_coachee_said_claims_nothing_unheard() -> None:
    from scoring.evidence import claims_unheard, words_of

    heard = words_of("I miss Seren. I miss knowing who's doing my visits.")
    assert not claims_unheard("It sounds like you really miss Seren.", heard)
    assert claims_unheard("I'm hearing that you've been a midwife for twenty-two years.", heard)
    assert not claims_unheard("How are you doing?", heard)  # no frame of listening at all


def test_a_conversation_said_a_third_by_rote_is_held_below_compassion_led_by_that_alone() -> None:
    # The coachee's words handed back as "you said ..." every other line, between stock questions:
    # parroting earns nothing line by line, and the lines between added up to 80.9 with the
    # relational gate off. Rote lines are most of it, which holds it on their own.
    scenario = catalogue.load("ward-nurse-charting").scenario
    strategy = dictated(STRATEGIES["'You said' their words, every other line"])
    turns = play_strategy(scenario, strategy).turns
    only_rote = scenario.rubric.model_copy(update={"compassion_led_needs_relational": False})
    card = score_practice(scenario, turns, only_rote)
    assert (card.band, card.overall) == (Band.MIXED, 69.9)
    assert "were said by rote" in card.notes[-1]
    unguarded = only_rote.model_copy(update={"compassion_led_rote_below": 1.0})
    assert score_practice(scenario, turns, unguarded).band is Band.COMPASSION_LED


RHI_LISTED = [
    "So commis, before, quick. What is your vision for the future?",
    "Right, texted, wasn't, coming. What matters most to you?",
    "OK so someone's, dinner, right. What are you good at?",
    "I hear that Something, service, longer. What would you like to try?",
    "Sounds like poster. What is your next step?",
    "Mm, kitchen. How would that feel?",
    "So someone, turning, Scared. What gives you energy at work?",
    "Right, somebody's, properly, trusting. Who do you want to be in five years?",
    "OK so something, screaming, opposite. What are you proudest of?",
    "I hear that exactly, that's. What values guide you?",
    "Sounds like kitchen, That's, spoon. What would your ideal day look like?",
    "Mm, That's, plates. What strengths could you draw on?",
    "So clipboard, Honestly, tomorrow. What is one small thing you could change?",
    "Right, clipboard, Tomorrow, before. Who could support you?",
    "OK so slower, asking, change. What would success look like?",
    "I hear that kitchen, sounds. What do you love about your job?",
    "Sounds like without, kitchen, really. What would you do if you could not fail?",
    "Mm, Mornings, commis, Gareth. What will you do first?",
]
"""The listing gamer against Rhi with three of her words in one order: its seventh line ("So
someone, turning, Scared. ...") read as a reflection, not a question, and its list counted as
reflecting her, so the conversation scored 87.9, compassion-led, at every seed."""


def test_their_words_listed_are_no_reflection_whatever_the_line_is_read_as() -> None:
    card = score_session(play(catalogue.load("restaurant-head-chef").scenario, RHI_LISTED, 2))
    assert card.band is not Band.COMPASSION_LED


def test_the_story_tip_asks_for_a_step_only_once_the_vision_is_told() -> None:
    # A bad start, owned and repaired, that asks about the vision and values but never hears the
    # vision: the next part of the story to earn is the vision, not a step.
    card = score_session(play(NURSE, REPAIRED_START))
    assert card.measure(MeasureKey.STORY_REVEALED).shown == "nothing"
    [tip] = [tip for tip in card.try_next if tip.startswith("Story revealed: ")]
    assert "small step" not in tip and tip.endswith("open enough to say more.")


def test_owning_the_bad_start_counts_as_the_coachee_heard_it_not_as_the_reader_read_it() -> None:
    # The reader takes the account of the start ("reading you a list of late notes") for a
    # confrontation; the coachee hears the bad start owned, and so does the scorecard: one NEA
    # move (the opener), not two, and the lift it gave is the trainee's, not a stock line's.
    owning = (
        "Sorry. I've just spent five minutes reading you a list of late notes and you haven't said a word."
    )
    session = play(NURSE, ["Your notes are late again and it's not good enough.", owning])
    assert session.turns[1].move.attractor is Attractor.NEA
    assert "repair.owned" in session.turns[1].rules
    card = score_practice(NURSE, session.turns)
    assert "0 PEA to 1 NEA moves" in card.measure(MeasureKey.PEA_NEA_RATIO).reason
    assert session.turns[1].openness_after > session.turns[1].openness_before
    assert "not credited" not in card.measure(MeasureKey.COACHEE_TRAJECTORY).reason
    said_once = score_practice(NURSE, session.turns[:1])
    assert "0 PEA to 1 NEA moves" in said_once.measure(MeasureKey.PEA_NEA_RATIO).reason
