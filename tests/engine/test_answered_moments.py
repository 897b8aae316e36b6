"""A goodbye, a handed-over agenda, an offer of help, an apology, a drink offered and a scaling
question are answered as such: at the coachee's openness, from `pools: parting:` (the coachee
stays), `agenda:`, `offer:`, `apology:`, `welcome:` and `scale:`, and none of them draws a story
item out."""

from __future__ import annotations

import pytest

from simulator.engine.presumptions import granted_by
from simulator.engine.session import Condition, Session
from simulator.scenario import catalogue
from simulator.scenario.model import Scenario
from simulator.scenario.replies import BandReplies, PoolName, ReplyBand
from simulator.vocabulary import Attractor, Focus, Form, Move, State

PARTING, AGENDA, OFFER, APOLOGY = (
    pool.value for pool in (PoolName.PARTING, PoolName.AGENDA, PoolName.OFFER, PoolName.APOLOGY)
)
ALL = [loaded.scenario for loaded in catalogue.load_bundled()]
THANKS = Move(Form.AFFIRMATION, Focus.NONE, Attractor.PEA, confidence=1.0)
LATE = 6  # trainee lines said before the wrap-up

WRAP_UPS = (
    "Thanks for your time today.",
    "Mind yourself this afternoon, and thanks for being so decent about it.",
    "I'll put it all in an email and we'll meet again in 2 weeks to see how the list looks",
    "That sound alright? I'll write it up tonite.",
    "Right, I'll let you get back. Same time next month?",
    "ok bye then",
    "Let me know how it goes. My door's always open.",
    "It sounds like the plan suits you. Gracias, Rhi, see you Friday.",
    "Thanks so much Grace, this has been really positive. Go rest!",
    "Thank you for your patience. Friday then, ja?",
    # A tag closing the line asks for a nod; sent off to what comes next, in other words.
    "That's you all over. Go home and rest Grace, and no kitchen table tonight, yeah?",
    "I'll check in with you at the end of next week, okay?",
    "Thank you, Marco. You did 134 percent last year! Go, go, you will be late for your case.",
    "ill put them in now go on then off to your primip and mind the mountain road thank you carys",
    # The next meeting named some other way than "next week" still ends this one.
    "Right, I've kept you long enough. Go and have your dinner. Same time in a fortnight?",
    "Thanks for giving me a second go. Let's grab ten minutes next week and you can tell me how it's landing.",
    "let's have another cuppa in a couple of weeks and see how you're getting on",
    "We'll repeat the blood test in three months. Please give my regards to your wife.",
    "Let's get your bloods again in three months. And give Jean a wave from me on the way out.",
    "go on get back to them lamb necks and tell me friday how it's going",
    "Right, go on. You've got a case.",
    "Cheers, pal. Go on, your case'll be waiting.",
    "brilliant thanks rhi right ill let you get back to your lamb",
    "Good, good. Now go to your lamb necks. And eat something today, yes?",
    "Great. Thanks Rhi, I'm really curious to see how it goes.",
    "Please take the leaflet, have a read when you're ready, and ring us if anything's unclear.",
)


@pytest.mark.parametrize("line", WRAP_UPS)
def test_a_line_wrapping_the_meeting_up_grants_a_goodbye(line: str) -> None:
    assert PARTING in granted_by(line, THANKS, LATE)


@pytest.mark.parametrize(
    "line",
    [
        "Thanks for your time today. What will you try first?",  # it asks on
        "Thanks for telling me that. What would help most?",
        "Thanks for being honest with me.",  # thanks for what was said, mid-meeting
        "Go and rest, honestly, you look shattered. What would help?",  # it asks on
        "Monday then. What will you try first?",
        "This has been a really hard month for you.",
        "What would a good day look like?",
        "Does that sound OK?",
        "Thanks for your time today. What will you try first, yeah?",  # a tag after a real question
        "Go home and rest. Is that okay?",  # asks for an answer, not a nod
        "I just worry when I don't see you.",
        "Go on.",
        "We'll find ten minutes after handover to go through the notes.",  # a time found, not the next meeting
    ],
)
def test_a_line_that_does_not_wrap_up_grants_no_goodbye(line: str) -> None:
    assert PARTING not in granted_by(line, THANKS, LATE)


def test_thanks_for_coming_in_opens_a_meeting_as_often_as_it_closes_one() -> None:
    line = "Hi Grace, thanks for coming in. I know you're knackered."
    assert PARTING not in granted_by(line, THANKS, 0)
    assert PARTING in granted_by("Thanks for coming in, Grace.", THANKS, LATE)


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_every_persona_has_goodbyes_for_every_band(scenario: Scenario) -> None:
    parting = scenario.pools.parting
    for band in ReplyBand:
        assert len(getattr(parting, band.value)) + len(parting.any) >= 4, (scenario.id, band)


def _texts(pool: BandReplies, state: State) -> set[str]:
    """The pool's replies a coachee in `state` may say (its band's and the `any` ones)."""
    return {reply.text for reply in pool.for_state(state)}


def _warmed_up(scenario: Scenario, state: State) -> Session:
    session = Session(scenario, seed=0)
    session.enter(Condition(state, state.rank + 0.5, frozenset(), (), 0, state))
    # Lines the reader could not make out earn nothing either way: the meeting goes on, the coachee stays put.
    unsure = Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL, confidence=0.1)
    for line in ("Mm.", "Go on.", "Right.", "I see.", "Okay.", "Mm-hm."):
        session.play(unsure, line)
    return session


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
@pytest.mark.parametrize("state", [State.DEFENSIVE, State.GUARDED, State.NEUTRAL, State.OPEN])
def test_a_goodbye_is_answered_from_the_band_of_the_coachee_who_stays(
    scenario: Scenario, state: State
) -> None:
    session = _warmed_up(scenario, state)
    assert not session.is_over and session.state is state  # lines not made out move nothing
    neutral = Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL, confidence=1.0)
    turn = session.play(neutral, "Thanks for your time today. I'll write it up.")
    goodbyes = _texts(scenario.pools.parting, turn.state_after)
    assert turn.coachee in goodbyes, (scenario.id, state, turn.coachee)
    assert not session.is_over  # the trainee may say more after a goodbye


def test_a_goodbye_still_moves_openness_as_its_reading_says() -> None:
    nurse = catalogue.load("ward-nurse-charting").scenario
    session = _warmed_up(nurse, State.GUARDED)
    warm = Move(Form.AFFIRMATION, Focus.STRENGTHS, Attractor.PEA, confidence=1.0)
    turn = session.play(warm, "You care about those students more than anyone. Thanks for your time today.")
    assert turn.openness_after > turn.openness_before


AGENDA_LINES = (
    "What would you like to get out of today?",
    "Can we start over? This time's meant to be for you. If you got to pick, what would you want us to talk about?",
    "this is ur hour actually. what do u want to talk about",
    "I'd like this half hour to be yours. What would make it worth your while?",
    "Let me try again. This is your time as much as mine. What would be useful for you to talk about?",
    "Anything on your end you'd want to make sure we get to? Totally fine if not.",
    "anything youd like to raise today",
    "Is there anything you'd like to add to the agenda?",
)


@pytest.mark.parametrize("line", AGENDA_LINES)
def test_a_line_handing_over_the_agenda_grants_it(line: str) -> None:
    assert AGENDA in granted_by(line, THANKS, 0)


@pytest.mark.parametrize(
    "line",
    [
        "What would be useful from my side to make that week work?",  # an offer of support
        "What would you want to be doing in two years?",  # the vision
        "What matters most to you about the job?",
        "What's your next step?",
        "Anything on your end I can do to help?",  # an offer
        "Is there anything else you need from me?",
    ],
)
def test_a_line_asking_something_else_hands_over_no_agenda(line: str) -> None:
    assert AGENDA not in granted_by(line, THANKS, 0)


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
@pytest.mark.parametrize("state", [State.DEFENSIVE, State.GUARDED, State.NEUTRAL, State.OPEN])
def test_a_handed_over_agenda_is_answered_from_the_band_and_tells_no_story(
    scenario: Scenario, state: State
) -> None:
    assert len(scenario.pools.agenda.for_state(state)) >= 4, (scenario.id, state)
    session = Session(scenario, seed=0)
    session.enter(Condition(state, state.rank + 0.5, frozenset(), (), 0, state))
    # Read as a plan question, which could otherwise draw out the coachee's next step.
    plan_question = Move(Form.OPEN_QUESTION, Focus.PLAN, Attractor.PEA, confidence=1.0)
    turn = session.play(plan_question, "What would you like to get out of today?")
    answers = _texts(scenario.pools.agenda, turn.state_after)
    assert turn.coachee in answers, (scenario.id, state, turn.coachee)
    assert turn.reveals == ()


def test_handing_the_choice_back_again_wears_thin_whatever_it_is_about() -> None:
    nurse = catalogue.load("ward-nurse-charting").scenario
    session = Session(nurse, seed=0)
    session.enter(Condition(State.NEUTRAL, State.NEUTRAL.rank + 0.2, frozenset(), (), 0, State.NEUTRAL))
    first = session.play(Move(Form.AUTONOMY, Focus.NONE, Attractor.PEA, confidence=1.0), "It's your call.")
    again = session.play(
        Move(Form.AUTONOMY, Focus.PLAN, Attractor.PEA, confidence=1.0), "Your plan, your decision."
    )
    assert "pea.habituation" in again.rules
    assert again.openness_after - again.openness_before < first.openness_after - first.openness_before


APOLOGIES = (
    "Actually, stop. I've started this wrongly, Marco, and I'm sorry.",
    "sorry grace i think i started that wrong. you look exhausted and i am just reading from a list",
    "Sorry. Hang on. That came out all wrong.",
    "sorted. and sorry again about the start, u didnt deserve that",
)


@pytest.mark.parametrize("line", APOLOGIES)
def test_a_line_owning_a_bad_start_grants_an_apology(line: str) -> None:
    assert APOLOGY in granted_by(line, THANKS, LATE)


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_an_apology_or_an_offer_said_in_a_goodbye_is_answered_before_it(scenario: Scenario) -> None:
    neutral = Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL, confidence=1.0)
    for line, pool in (
        (
            "Thanks for your time today. And sorry again about the start, you deserved better.",
            scenario.pools.apology,
        ),
        ("Anything you need from me, shout. Thanks for your time today.", scenario.pools.offer),
    ):
        assert PARTING in granted_by(line, THANKS, LATE)
        turn = _warmed_up(scenario, State.NEUTRAL).play(neutral, line)
        assert turn.coachee in _texts(pool, turn.state_after), (scenario.id, line, turn.coachee)


@pytest.mark.parametrize(
    "line",
    [
        "I'm sorry, I know this is a lot at once.",  # sympathy, in a conversation still about the problems
        "I'm sorry to hear about your dog.",  # condolence
        "I started that badly, I'm sorry. What would you like to get out of today?",  # it asks on
        "That isn't fair to you or your family.",
    ],
)
def test_sympathy_condolence_or_an_apology_that_asks_on_is_no_apology_moment(line: str) -> None:
    assert APOLOGY not in granted_by(line, THANKS, LATE)


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
@pytest.mark.parametrize("state", [State.DEFENSIVE, State.GUARDED, State.NEUTRAL, State.OPEN])
def test_an_apology_is_answered_from_the_band(scenario: Scenario, state: State) -> None:
    assert len(scenario.pools.apology.for_state(state)) >= 4, (scenario.id, state)
    session = _warmed_up(scenario, state)
    repair = Move(Form.COMPLEX_REFLECTION, Focus.FEELINGS, Attractor.PEA, confidence=1.0)
    turn = session.play(repair, "Hang on. I started that badly, and I'm sorry.")
    answers = _texts(scenario.pools.apology, turn.state_after)
    assert turn.coachee in answers, (scenario.id, state, turn.coachee)


@pytest.mark.parametrize(
    "line",
    [
        "What do you need from me to make Thursday happen?",
        "Owt you need from me for Thursday?",
        "Is there anything I can do to make it easier?",
        "skills session for pennine vale registrars before month end. love it. need anything from me?",
        "How can I help?",
        "how can i back you on that",
        "good what would make that easier is there anything i can take off you this week",
        "Can I take the rota off your hands for a bit?",
        "ok i love that is there anything i can do even just unblocking stuff on the platform side",
    ],
)
def test_a_line_offering_help_grants_an_offer(line: str) -> None:
    assert OFFER in granted_by(line, THANKS, LATE)


def test_a_plan_question_is_no_offer() -> None:
    assert OFFER not in granted_by(
        "Is there anything we can do to win some of that back, do you think", THANKS, LATE
    )


ASKED = {
    PoolName.OFFER: (Focus.PLAN, "What do you need from me to make it happen?"),
    PoolName.SCALE: (Focus.VISION, "On a scale of one to ten, how close are you to that picture?"),
    PoolName.WELCOME: (Focus.NONE, "Come in, sit yourself down. Cup of tea?"),
}
"""A line making each moment, with the focus the reader might give it."""


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
@pytest.mark.parametrize("state", [State.DEFENSIVE, State.GUARDED, State.NEUTRAL, State.OPEN])
@pytest.mark.parametrize("pool", list(ASKED), ids=lambda p: p.value)
def test_an_offer_of_help_a_drink_or_a_scaling_question_is_answered_from_the_band_and_tells_no_story(
    scenario: Scenario, state: State, pool: PoolName
) -> None:
    assert len(scenario.pools.named(pool).for_state(state)) >= 4, (scenario.id, state)
    session = _warmed_up(scenario, state)
    focus, line = ASKED[pool]
    turn = session.play(Move(Form.OPEN_QUESTION, focus, Attractor.PEA, confidence=1.0), line)
    answers = _texts(scenario.pools.named(pool), turn.state_after)
    assert turn.coachee in answers, (scenario.id, state, turn.coachee)
    assert turn.reveals == ()


@pytest.mark.parametrize(
    "line", ["right, go n get those necks done. ta rhi", "Go carefully on that road.", "Okay, you can go."]
)
def test_dismissals_and_a_last_thanks_are_goodbyes(line: str) -> None:
    assert PARTING in granted_by(line, THANKS, LATE)


def test_telling_them_where_they_can_go_for_help_is_no_goodbye() -> None:
    assert PARTING not in granted_by("you can go to occupational health if you want", THANKS, LATE)


SCALE = PoolName.SCALE.value


@pytest.mark.parametrize(
    "line",
    [
        "On a scale of one to ten, how confident are you?",
        "i hear you. on a scale of 1-10 how committed are you",
        "How sure do you feel about Monday, out of ten?",
        "Where would you put yourself from 1 to 10?",
        "What number would you give it?",
    ],
)
def test_a_scaling_question_grants_a_number(line: str) -> None:
    assert SCALE in granted_by(line, THANKS, LATE)


@pytest.mark.parametrize(
    "line", ["How confident are you?", "Ten minutes past one, then.", "What matters most to you?"]
)
def test_a_question_asking_for_no_number_grants_no_scale(line: str) -> None:
    assert SCALE not in granted_by(line, THANKS, LATE)


def test_a_persona_with_no_numbers_answers_a_scaling_question_as_any_other_line() -> None:
    nurse = catalogue.load("ward-nurse-charting").scenario
    silent = nurse.model_copy(update={"pools": nurse.pools.model_copy(update={"scale": BandReplies()})})
    turn = Session(silent).say("On a scale of one to ten, how are things on the ward?")
    assert turn.coachee and turn.reveals == ()


WELCOME = PoolName.WELCOME.value


@pytest.mark.parametrize(
    "line",
    [
        "hiya Carys, come in, sit down. Tea? Kettle's just boiled",
        "morning kasia thanks for coming in sit down there now no rush at all would you like a tea before we start",
        "Marco! Thanks for squeezing me in between lists. Coffee's on me, flat white?",
        "hi Rhi. I made a pot of tea, help yourself",
        "Can I get you a coffee before we start?",
        "Tea or coffee?",
        "You want a cuppa?",
        "Ah, Des, sit down, sit down. Nobody is in trouble here. Let me get you some water first.",
        "take a minute have some water first theres no rush",
        "Tea? I know, busy. I'll be quick.",
        "Twenty minutes, tops. Want a brew? I'll get it, you sit there.",
    ],
)
def test_a_line_ending_on_a_drink_offered_grants_a_welcome(line: str) -> None:
    assert WELCOME in granted_by(line, THANKS, 0)


@pytest.mark.parametrize(
    "line",
    [
        # a question after the offer is what the line asks
        "I've put the kettle on, tea, still no sugar? Before anything else, how are you doing?",
        "Hi Tomasz. Coffee's there if you want one. I just wanted to see how you are. How are you?",
        "Hey Marco, thanks for grabbing a coffee with me, I know you're slammed.",  # met over one
        "How much water are you drinking these days?",  # asked about, not offered
        "Did you have a drink last night?",
        "So what would you like from this time, tea aside?",
        "I still put the kettle on before I open the notes because of you.",  # a memory
        "What I'd suggest is a short walk every day, even ten minutes after tea.",  # the meal
        "Let's grab a coffee Friday and you tell me how it went.",  # later
        "Have you had anything to drink since this morning, even water?",  # asked about
        "theres tea in the pot help yourself how are you finding it doing glanrhyd",  # asks on, dictated
        "And how's the diet? Still sugar in your tea?",  # the habit asked about
        "Sugars in your coffee these days?",
    ],
)
def test_a_drink_named_but_not_offered_last_grants_no_welcome(line: str) -> None:
    assert WELCOME not in granted_by(line, THANKS, 0)
