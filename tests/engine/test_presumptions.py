"""A reply never takes for granted what the line did not say, while one that does not is there to say."""

import json
import re
from importlib import resources

import pytest

from simulator.engine.presumptions import granted_by, owns_a_bad_start, presumed_by, without_unasked_echo
from simulator.engine.session import Condition, Session
from simulator.scenario import catalogue
from simulator.scenario.model import PoolName, Scenario, replies_for
from simulator.vocabulary import Attractor, Focus, Form, Move, State

AUTONOMY = Move(Form.AUTONOMY, Focus.NONE, Attractor.PEA)
STATEMENT = Move(Form.AFFIRMATION, Focus.STRENGTHS, Attractor.PEA)
QUESTION = Move(Form.OPEN_QUESTION, Focus.VALUES, Attractor.PEA)
ALL = [loaded.scenario for loaded in catalogue.load_bundled()]
STATEMENTS = [
    "You're really good at what you do.",
    "That sounds really hard.",
    "You care a great deal about the people you look after.",
    "It's your call what we focus on.",
]


@pytest.mark.parametrize(
    ("reply", "presumes"),
    [
        ("You asked me that already.", {"asked"}),
        ("Same answer as before, I'm afraid.", {"asked"}),
        ("I think we've covered that. Is there something behind the question?", {"asked"}),
        ("I don't enjoy being quiet, if that's the question.", {"asked"}),
        ("Maybe the question is what I'd stop doing, not what I'd start.", set()),
        ("My choice. Okay. Then I choose the review queue.", {"choice"}),
        ("If it's my call, I'd rather be back on the lamb.", {"choice"}),
        ("Two years? Still on Ward 7, I suppose.", {"two_years"}),
        ("A year from now? I don't know. Still here, I hope.", {"a_year"}),
        ("I'd like two years without a rota change.", set()),
        ("We've done this bit.", set()),
        ("I'm fine. It's just been busy.", set()),
        ("Is that a question?", {"unasked"}),
        ("Hang on. Is that a question or a point?", {"unasked"}),
        ("I don't follow. If you've got something to ask me, ask it straight.", {"unasked", "wordy"}),
        ("Say it plainly. I haven't got time for riddles before service.", {"wordy"}),
        ("Come again, love? You're losing me with the big words.", {"garbled", "wordy"}),
        ("Meaning what?", set()),
        ("I want to answer that properly. What are you asking me, exactly?", {"asked"}),
        ("Sorry. Is that a yes or no question?", {"asked"}),
        ("Sorry, I've lost you. Ask me again?", {"asked"}),
        ("What's the question, exactly?", {"asked"}),
        ("Asking again, are you? Okay, fair. I'm still working it out.", {"asked"}),
        ("I've answered that.", {"asked"}),
        ("I said it before, but I can try again. It's not easy to put into words.", {"asked"}),
        ("Sorry. Is that a question about the bookings?", set()),
        ("Values. That's a question for people who go home at five.", {"said_values"}),
        ("The future? I'm just trying to get through this week.", {"said_future"}),
        ("Strengths. I turned up. Every shift. That's it.", {"said_strengths"}),
        ("Dreams. I've got fourteen late entries and a student who won't look at me.", {"said_dreams"}),
        ("I value my weekends.", set()),
        ("What matters to me? Not getting it wrong.", {"said_matters"}),
        ("What's in place? Bev, for a start.", {"said_in_place"}),
        ("Plan? I've got a plan. It's called getting to Friday.", {"said_plan"}),
        ("A plan. Another list. I already have a list.", {"said_plan"}),
        ("Don't ask me what matters and then tell me it's the paperwork.", {"criticised"}),
        ("What am I good at? The dock.", {"said_strengths"}),
        ("You've got till this coffee goes cold.", {"opening"}),
        ("Up to me? Well. That makes a change.", {"choice"}),
        ("Next year? Honestly, I'm just trying to get through peak.", {"a_year"}),
        ("How do I feel? Like I'm back at school with a bad report.", {"said_feelings"}),
        ("What have other people tried? I'm not sure what works.", {"said_plan"}),
        ("Missing? Trust. Mine in them.", {"said_missing"}),
        ("Which ones? Give me the dates and I'll tell you what was happening on the ward.", {"said_records"}),
        ("Occupational health? Am I that bad?", {"said_support_service"}),
        ("There's a leaflet in the mess. I've read it.", {"said_support_service"}),
        ("Breaks? I had a biscuit at half two.", {"said_holidays"}),
    ],
)
def test_what_a_reply_takes_for_granted_is_found_in_its_words(reply: str, presumes: set[str]) -> None:
    assert presumed_by(reply) == presumes


@pytest.mark.parametrize(
    ("line", "echo", "granted"),
    [
        ("What's your next step?", "said_plan", True),
        ("What would make the next twenty minutes worth your time?", "said_plan", False),
        ("what would u want out of the next 20 mins?", "said_plan", False),
        ("There's the occupational health service, you can self-refer.", "said_support_service", True),
        (
            "I know it's a lot to hear and you're doing well just by being here.",
            "said_support_service",
            False,
        ),
        ("Which of the late entries do you remember?", "said_records", True),
        ("Tell me what you're good at on that ward.", "said_records", False),
        ("And what's missing?", "said_missing", True),
        ("And what's already there?", "said_missing", False),
        ("How've you been, really?", "said_feelings", True),
        ("Are you checking your feet every day?", "said_feelings", False),
    ],
)
def test_a_reply_echoing_the_lines_words_is_granted_only_by_a_line_that_said_them(
    line: str, echo: str, granted: bool
) -> None:
    """ "Which ones? Give me the dates" answers talk of the notes, not "Tell me what you're good at"."""
    assert (echo in granted_by(line, QUESTION)) is granted


def test_a_question_grants_being_asked_and_words_of_choice_grant_a_choice() -> None:
    # "unsettled" (the coachee's worry still unanswered) is granted by every line that does not settle it.
    # "asked_how" (a question asking how they are, not what happened) is granted by any question
    # that does not ask what happened, why or when.
    assert granted_by("How about we fill in the doc together?", AUTONOMY) == {
        "asked",
        "asked_how",
        "light",
        "unsettled",
    }
    assert "asked_how" not in granted_by("What happened on Tuesday?", AUTONOMY)
    assert granted_by("It's totally your call.", AUTONOMY) == {"choice", "light", "unasked", "unsettled"}
    assert granted_by("honestly it's up to you which way you go", AUTONOMY) == {
        "choice",
        "light",
        "unasked",
        "unsettled",
    }
    assert granted_by("You're really good at what you do.", STATEMENT) == {
        "light",
        "unasked",
        "said_strengths",
        "unsettled",
    }
    vision = Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA)
    assert "two_years" in granted_by("Where would you like to be in a couple of years?", vision)
    assert "two_years" not in granted_by("If it were a really good year, what would be different?", vision)


def test_what_a_reply_presumes_is_granted_exactly_when_each_of_its_ids_is() -> None:
    # The reply choice asks `presumes <= grants`, and the grants answer it id by id.
    grants = granted_by("How about we fill in the doc together?", AUTONOMY)
    assert frozenset({"asked"}) <= grants
    assert frozenset({"asked", "light"}) <= grants
    assert not frozenset({"asked", "choice"}) <= grants
    assert frozenset() <= grants
    assert "no_such_presumption" not in grants
    assert set(grants) == {"asked", "asked_how", "light", "unsettled"} and len(grants) == 4
    assert hash(grants) == hash(frozenset({"asked", "asked_how", "light", "unsettled"}))


@pytest.mark.parametrize(
    "settling",
    [
        "You're not in trouble, Grace. I wanted to hear how you are.",
        "The notes can wait. How have the shifts been?",
        "Nothing specific, I just wanted to hear how things are going for you.",
        "This isn't a disciplinary. How are you doing?",
        "No need to apologise. How have you been?",
        "it's not about the portfolio today, how are you",
    ],
)
def test_a_line_that_settles_the_worry_is_not_met_with_the_worry_again(settling: str) -> None:
    # "Am I in trouble? Tell me that first" answered "You're not in trouble" in a rehearsal.
    assert presumed_by("Am I in trouble? Tell me that first, then I'll tell you what I want from this.") == {
        "unsettled"
    }
    assert "unsettled" in presumed_by(
        "Calibration is in six weeks. If that's what this is, I'd like it said plainly."
    )
    assert "unsettled" not in granted_by(settling, AUTONOMY)
    assert "unsettled" in granted_by("What's been happening with the notes?", AUTONOMY)
    assert "unsettled" in granted_by("Your charting has slipped again.", STATEMENT)


def test_only_a_long_line_grants_being_told_to_say_it_plainly() -> None:
    # "Say it plainly, no riddles" answered "Two days a week over there, minimum." in a blind rating.
    order = Move(Form.ADVICE, Focus.PLAN, Attractor.NEA)
    assert "wordy" not in granted_by("Here's what I'm thinkin'. Two days a week over there, minimum.", order)
    long_line = "I'll put it all in an email with dates against each bit so it doesn't feel like a pile."
    assert "wordy" in granted_by(long_line, order)


def test_a_beaming_stage_direction_presumes_a_light_moment_which_a_hard_feeling_is_not() -> None:
    assert presumed_by("Maisie comes Wednesdays.", "smiles properly for the first time") == {"light"}
    assert presumed_by("Happy, love.", "beaming") == {"light"}
    assert presumed_by("Still here.", "a rueful laugh") == set()  # a wry laugh fits a hard moment
    reflection = Move(Form.SIMPLE_REFLECTION, Focus.FEELINGS, Attractor.PEA)
    assert "light" not in granted_by("That sounds really hard.", reflection)
    assert "light" not in granted_by("losing Bess must have been really hard", reflection)
    assert "light" in granted_by("You lit up talking about the students.", reflection)


HARD_FEELINGS = (
    "That sounds really hard.",
    "It must have been an awful few months.",
    "That sounds exhausting.",
    "What a horrible week.",
    "That must have been so painful.",
    "It sounds like it's been really tough.",
)


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_six_hard_feelings_in_a_row_are_never_answered_with_a_beam(scenario) -> None:  # type: ignore[no-untyped-def]
    # Before the light moment was presumed, four personas grinned or beamed within these six lines.
    reflection = Move(Form.SIMPLE_REFLECTION, Focus.FEELINGS, Attractor.PEA, confidence=1.0)
    for state in (State.GUARDED, State.NEUTRAL, State.REFLECTIVE, State.OPEN):
        session = Session(scenario, seed=0)
        session.enter(Condition(state, state.rank + 0.5, frozenset(), (), 0, state))
        for line in HARD_FEELINGS:
            if session.is_over:
                break
            turn = session.play(reflection, line)
            assert "light" not in presumed_by(turn.coachee, turn.cue), (scenario.id, state, line, turn.cue)


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_a_vision_question_with_no_span_is_not_answered_by_echoing_one(scenario) -> None:  # type: ignore[no-untyped-def]
    vision = Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA, confidence=1.0)
    for state in (State.DEFENSIVE, State.GUARDED, State.NEUTRAL, State.REFLECTIVE):
        for seed in range(8):
            session = Session(scenario, seed=seed)
            session.enter(Condition(state, state.rank + 0.5, frozenset(), (), 0, state))
            reply = session.play(
                vision, "If things went really well for you, what would be different?"
            ).coachee
            assert not presumed_by(reply) & {"two_years", "three_years", "a_year"}, (
                scenario.id,
                state,
                reply,
            )


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_a_question_is_never_answered_by_echoing_a_word_it_did_not_say(scenario) -> None:  # type: ignore[no-untyped-def]
    """ "Values." answers "What are your values?", not "What did you want this job to be?"."""
    questions = {
        Focus.VALUES: [
            "What did you want this job to be?",
            "What matters most to you?",
            "What do you care about?",
            "What's important to you here?",
            "What would you never compromise on?",
            "What keeps you going?",
            "What is it you're protecting?",
            "What does a good day mean to you?",
        ],
        Focus.STRENGTHS: [
            "When are you at your best?",
            "What do people come to you for?",
            "What comes easily to you?",
            "What are you proud of?",
            "What would your team say you do well?",
            "When did you last surprise yourself?",
            "What have you always been able to do?",
            "What do you bring that nobody else does?",
        ],
    }
    # Found in the reply's words here, not by the presumptions under test.
    echo = re.compile(r"(?:my |the |your )?(?:values|strengths?|dreams?)\s*[.?!,]", re.IGNORECASE)
    for focus, lines in questions.items():
        # Held where it is (a neutral move lifts nothing), asked again and again until the slot runs dry.
        move = Move(Form.OPEN_QUESTION, focus, Attractor.NEUTRAL, confidence=1.0)
        for state in (State.DEFENSIVE, State.GUARDED, State.NEUTRAL):
            session = Session(scenario)
            session.enter(Condition(state, state.rank + 0.5, frozenset(), (), 0, state))
            for line in lines:
                reply = session.play(move, line).coachee
                assert not echo.match(reply), (scenario.id, focus, state, line, reply)


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_a_repeated_statement_is_never_told_it_was_asked_before(scenario) -> None:  # type: ignore[no-untyped-def]
    for line in STATEMENTS:
        session = Session(scenario)
        session.say(line)
        if session.is_over:
            continue
        again = session.say(line)
        if session.choices[-1].source != f"pool:{PoolName.REPEAT.value}":
            continue
        band = scenario.pools.repeat.for_state(again.state_after)
        if any("asked" not in presumed_by(reply.text) for reply in band):
            assert "asked" not in presumed_by(again.coachee), (scenario.id, line, again.coachee)


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_handing_over_without_words_of_choice_never_gets_my_choice_back(scenario) -> None:  # type: ignore[no-untyped-def]
    for seed in range(5):
        session = Session(scenario, seed)
        for _ in range(4):  # more than any state holds of replies that presume a choice
            if session.is_over:
                break
            turn = session.play(AUTONOMY, "How about we fill in the review doc together each week?")
            assert "choice" not in presumed_by(turn.coachee), (scenario.id, turn.state_after, turn.coachee)


def test_a_story_told_to_a_line_that_named_no_span_drops_its_echo_of_one() -> None:
    vision = "A year from now? I'd be on the floor at seven, walking the dock."
    assert (
        without_unasked_echo(vision, frozenset({"asked"}))
        == "I'd be on the floor at seven, walking the dock."
    )
    assert without_unasked_echo(vision, frozenset({"a_year"})) == vision
    assert without_unasked_echo("Honestly? I want to teach.", frozenset()) == "Honestly? I want to teach."


def test_a_line_closed_with_a_full_stop_grants_no_question_however_it_is_read() -> None:
    read_as_a_question = Move(Form.OPEN_QUESTION, Focus.STRENGTHS, Attractor.PEA)
    assert "asked" not in granted_by("You're really good at what you do.", read_as_a_question)
    assert "asked" in granted_by("How are you doing, really.", read_as_a_question)
    assert "asked" in granted_by("what are you good at", read_as_a_question)
    assert "asked" in granted_by(
        "You're good at this?", Move(Form.AFFIRMATION, Focus.STRENGTHS, Attractor.PEA)
    )


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_a_statement_said_over_and_over_is_never_told_it_was_asked(scenario) -> None:  # type: ignore[no-untyped-def]
    # Even once the repeat lines that fit a statement are all said, none that presumes a
    # question comes instead: the ordinary reply answers.
    for statement in ("That sounds really hard.", "I hear you."):
        session = Session(scenario, seed=3)
        for _ in range(10):
            if session.is_over:
                break
            reply = session.say(statement).coachee
            assert "asked" not in presumed_by(reply), (scenario.id, statement, reply)


def test_the_talk_of_a_meetings_start_fits_its_first_lines_or_a_fresh_start_only() -> None:
    structure = Move(Form.STRUCTURE, Focus.NONE, Attractor.NEUTRAL)
    assert "opening" in presumed_by("Twenty minutes. Fine. What's first, the pack or the double-booking?")
    assert "opening" in granted_by("Thanks for coming in.", structure, lines_before=0)
    assert "opening" not in granted_by("Thanks, see you next week.", structure, lines_before=9)
    assert "opening" in granted_by("Can we start again?", structure, lines_before=9)


def replies_over_seeds(
    scenario: Scenario, lines: tuple[str, ...], move: Move | None = None, first: tuple[str, ...] = ()
) -> list[tuple[str, str]]:
    """(line, reply) for each of `lines` said after `first`, under seeds 0 to 2, until a meeting ends;
    `move`, when given, is how each of `lines` is read."""
    replies = []
    for seed in range(3):
        session = Session(scenario, seed)
        for line in first:
            session.say(line)
        for line in lines:
            if session.is_over:
                break
            turn = session.say(line) if move is None else session.play(move, line)
            replies.append((line, turn.coachee))
    return replies


def assert_never_presumed(
    presumption: str,
    scenario: Scenario,
    lines: tuple[str, ...],
    move: Move | None = None,
    first: tuple[str, ...] = (),
) -> None:
    """No reply to `lines` (said after `first`, each read as `move` when given), under seeds 0 to 2,
    presumes `presumption`."""
    for line, reply in replies_over_seeds(scenario, lines, move, first):
        assert presumption not in presumed_by(reply), (scenario.id, line, reply)


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_a_closing_line_never_draws_the_talk_of_a_meetings_start(scenario) -> None:  # type: ignore[no-untyped-def]
    closing = ("Right. Any questions? No? Good.", "Thanks, see you next week.", "Good luck this afternoon.")
    opened = ("What would make this useful for you?", "What matters most to you?", "That makes sense.")
    assert_never_presumed("opening", scenario, closing, first=opened)


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_a_statement_about_feelings_is_not_answered_as_if_asked_how_they_feel(scenario) -> None:  # type: ignore[no-untyped-def]
    # The state's feelings replies answer "How do you feel?"; a reflection or praise the reader
    # files under feelings draws another reply while one fits.
    feelings = Move(Form.SIMPLE_REFLECTION, Focus.FEELINGS, Attractor.PEA, confidence=1.0)
    asked = Move(Form.OPEN_QUESTION, Focus.FEELINGS, Attractor.PEA, confidence=1.0)
    for state in (State.GUARDED, State.NEUTRAL, State.REFLECTIVE):
        told = _entered(scenario, state).play(
            feelings, "Nobody on your own. That's a beautiful thing to hold onto."
        )
        listed = {reply.text for reply in replies_for(scenario.replies.of(told.state_after), "feelings")}
        assert told.coachee not in listed, (scenario.id, state, told.coachee)
        answered = _entered(scenario, state).play(asked, "How are you feeling about it all?")
        listed = {reply.text for reply in replies_for(scenario.replies.of(answered.state_after), "feelings")}
        assert answered.coachee in listed or answered.reveals, (scenario.id, state, answered.coachee)


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_a_question_about_what_happened_is_not_answered_with_how_they_feel(scenario) -> None:  # type: ignore[no-untyped-def]
    # "Tired. Everybody's tired." answers "How are you?", not "What kept you there tonight?",
    # whatever focus the reader gave the question.
    asked = Move(Form.OPEN_QUESTION, Focus.FEELINGS, Attractor.PEA, confidence=1.0)
    for state in (State.GUARDED, State.NEUTRAL, State.REFLECTIVE):
        for line in ("What's been happening lately?", "So what was it that kept you there tonight?"):
            turn = _entered(scenario, state).play(asked, line)
            listed = {reply.text for reply in replies_for(scenario.replies.of(turn.state_after), "feelings")}
            assert turn.coachee not in listed, (scenario.id, state, line, turn.coachee)


def _entered(scenario, state):  # type: ignore[no-untyped-def]
    session = Session(scenario, seed=1)
    session.enter(Condition(state, state.rank + 0.5, frozenset(), (), 0, state))
    return session


def test_only_a_line_that_could_not_be_made_out_grants_being_asked_to_say_it_again() -> None:
    unsure = Move(Form.COMPLEX_REFLECTION, Focus.VALUES, Attractor.PEA, confidence=0.3)
    assert {"garbled"} <= presumed_by("Miles away, sorry. One more time?")
    assert {"garbled"} <= presumed_by("Sorry. Say again?")
    assert "garbled" not in presumed_by("Meaning what?")
    assert "garbled" not in presumed_by("Which bit? The ward, or me?")
    assert "garbled" in granted_by("asdf jkl qwerty uiop zxcv", unsure)
    assert "garbled" in granted_by("the thing", unsure)
    assert "garbled" not in granted_by("So it's not only about the plates, it's who cooks them.", unsure)


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_a_clear_line_the_reader_was_unsure_of_is_never_told_it_was_not_heard(scenario) -> None:  # type: ignore[no-untyped-def]
    unsure = Move(Form.COMPLEX_REFLECTION, Focus.VALUES, Attractor.PEA, confidence=0.3)
    clear = (
        "So it's not only about the work itself, it's about the people you do it with.",
        "Sorry, I went straight in with the numbers before you had even sat down.",
        "You're a really valued part of this team, and I hope you know that.",
        "It sounds like the last few months took more out of you than anyone saw.",
    )
    assert_never_presumed("garbled", scenario, clear, unsure)


@pytest.mark.parametrize("scenario", ALL, ids=lambda s: s.id)
def test_a_question_the_reader_was_unsure_of_is_never_asked_whether_it_was_one(scenario) -> None:  # type: ignore[no-untyped-def]
    unsure = Move(Form.OPEN_QUESTION, Focus.DEFICIT, Attractor.NEA, confidence=0.3)
    asked = (
        "Can you talk me through what happens at the end of a shift? Where does it fall down?",
        "What gets in the way on a busy day?",
        "how does the handover usually go",
    )
    assert_never_presumed("unasked", scenario, asked, unsure)
    assert "unasked" in granted_by("Right. The notes, then, and the rest.", unsure)


def test_presumption_patterns_are_written_in_lower_case_as_the_text_they_search() -> None:
    data = json.loads(
        resources.files("simulator.engine").joinpath("presumptions.json").read_text(encoding="utf-8")
    )
    for item in data["presumptions"]:
        for key in ("line", "reply", "cue"):
            for pattern in item.get(key, []):
                # Escapes such as \W and \S name classes, not letters.
                assert not re.search(r"[A-Z]", re.sub(r"\\.", "", pattern)), f"{item['id']} {key}: {pattern}"


def test_a_goodbye_in_capitals_is_a_goodbye() -> None:
    line = "THANKS FOR YOUR TIME, SEE YOU FRIDAY"
    assert "parting" in granted_by(line, Move(Form.STRUCTURE, Focus.NONE, Attractor.NEUTRAL), lines_before=6)


@pytest.mark.parametrize(
    "line",
    [
        "Nine years of mornings with her. That's a lot of company to lose all at once.",
        "I'm sorry about Bess.",
        "Sorry for your loss, Des.",
        "She died in the spring, didn't she.",
    ],
)
def test_loss_and_condolence_are_no_light_moment(line: str) -> None:
    reflection = Move(Form.COMPLEX_REFLECTION, Focus.FEELINGS, Attractor.PEA)
    assert "light" not in granted_by(line, reflection, lines_before=5)


def test_asking_for_the_door_shut_is_talk_of_a_meetings_start() -> None:
    assert "opening" in presumed_by("Can the door stay shut? I don't want the transport office hearing this.")
    # Both answered a meeting's close in a blind rating ("Thanks Tomasz. I'm on your side.", "Go on then, ...").
    assert "opening" in presumed_by("Go on, then. What's on your list?")
    assert "opening" in presumed_by("Right. Ffion first, then. Get the worst over.")
    assert "opening" not in granted_by(
        "Any questions? No. Good.", Move(Form.STRUCTURE, Focus.NONE, Attractor.NEUTRAL), 8
    )


@pytest.mark.parametrize(
    "reply",
    [
        "Fair enough. Where do you want me?",
        "Fine. How long's this going to take?",
        "Right. Okay. How long have we got?",
        "Okay. I brought my diary in case there's dates.",
        "That works. Can we leave the pack till the end?",
        "Okay. I'd actually like to use this time, now I'm here.",
        "Sure. Do you want to start, or will I?",
        "Is this a long list? Miss Farrell's expecting me scrubbed by two.",
        "Yes, I've got twenty minutes before the afternoon wave.",
        "Okay. But if the gatehouse radios, I have to answer it.",
        "Yeah, go on. Phone's on loud, mind. Theatre might ring.",
    ],
)
def test_settling_in_and_the_time_the_meeting_has_are_talk_of_its_start(reply: str) -> None:
    # Said late, after "Same time in a fortnight?", they answered a goodbye as if the meeting were beginning.
    assert "opening" in presumed_by(reply)


def test_the_same_words_about_something_else_are_no_talk_of_a_start() -> None:
    assert "opening" not in presumed_by(
        "I used to think team lead was the top. Now I'm here I can see further up. That scares me a bit."
    )


def test_a_pleased_stage_direction_presumes_a_light_moment() -> None:
    assert "light" in presumed_by("Give over. Just write it in the notes for next year.", "laughs, pleased")
    assert "light" not in presumed_by("Fine.", "shrugs, not displeased")


def test_a_retort_to_criticism_presumes_the_line_criticised_which_sure_praise_did_not() -> None:
    assert presumed_by("Is somebody complaining about the dock? Tell me who and I'll ring them now.") == {
        "criticised"
    }
    assert "criticised" in presumed_by("So that's what you think of me. You'd made your mind up.")
    assert "criticised" not in presumed_by("Nobody's complained at handover. Not to me.")
    praise = Move(Form.AFFIRMATION, Focus.STRENGTHS, Attractor.PEA, confidence=1.0)
    assert "criticised" not in granted_by(
        "The lads come to you, even the ones twenty years on the dock.", praise
    )
    blame = Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA, confidence=1.0)
    assert "criticised" in granted_by("The dock's been a shambles this month.", blame)
    unsure = Move(Form.AFFIRMATION, Focus.STRENGTHS, Attractor.PEA, confidence=0.0)
    assert "criticised" in granted_by(
        "The dock, this month.", unsure
    )  # an unclear line may be heard either way


@pytest.mark.parametrize("owned", [False, True])
def test_thanks_after_a_bad_start_is_not_answered_as_if_it_were_a_complaint(owned: bool) -> None:
    # Kasia answered this thanks "Is somebody complaining about the dock?" in a blind rating, after
    # the bad start had been owned; owned or not, she is still defensive, and thanks is no complaint.
    scenario = catalogue.load("overwhelmed-team-lead").scenario
    session = Session(scenario, seed=1)
    for move, line in (
        (Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA), "Yes. The pack was late, twice."),
        (Move(Form.OPEN_QUESTION, Focus.DEFICIT, Attractor.NEA, confidence=0.3), "What's going on?"),
        (Move(Form.ADVICE, Focus.DEFICIT, Attractor.NEA), "You need to start handing stuff over to Bev."),
        (
            Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL, confidence=0.0),
            "Sorry Kasia, I've gone about that wrong." if owned else "Right.",
        ),
    ):
        session.play(move, line)
    thanks = "What I actually wanted to say is that the dock has kept moving for four months, and that's you. Thank you."
    turn = session.play(Move(Form.AFFIRMATION, Focus.STRENGTHS, Attractor.PEA, confidence=0.73), thanks)
    assert turn.state_before is State.DEFENSIVE
    assert "criticised" not in presumed_by(turn.coachee, turn.cue), turn.coachee


@pytest.mark.parametrize(
    "line",
    [
        "I've just fired four problems at you and didn't ask you one real question. That's on me.",
        "My bad. I wasn't really listening to you there.",
        "I didn't listen properly there, I own it.",
    ],
)
def test_owning_a_bad_start_in_other_words_is_an_apology(line: str) -> None:
    # Answered with a defence of being behind, or "Sorry, what?", in a blind rating.
    assert "apology" in granted_by(line, Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL), lines_before=4)


@pytest.mark.parametrize(
    "line",
    [
        "I came in with the whole list before I'd even said hello. That's my fault.",
        "Let me start again. I led with the warning, and you deserved better than a sermon.",
        "that was a lecture wasnt it. sorry",
        "I gave you a deadline before I asked a single question. Forgive me.",
        "Ah went in at ye wi' the rota straight off. Not fair of me, that.",
        "I'm so sorry. I've been talking at you about targets for five minutes. How are you, really?",
        "I started by reading you the whole list. That's not fair on you.",
        "You walked in expecting a telling-off and I gave you one. Not fair.",
    ],
)
def test_saying_what_went_wrong_in_the_opening_and_owning_it_owns_a_bad_start(line: str) -> None:
    assert owns_a_bad_start(line)


@pytest.mark.parametrize(
    "line",
    [
        "I'm sorry you feel that way.",
        "Sorry I'm late, I came in the back way and got lost.",
        "I'm so sorry to hear about your dad. Take the time you need.",
        "Sorry, but I gave you that deadline for a reason.",  # owns nothing: it stands by it
        "What went wrong on the night the fridge failed?",
        "You started that shift badly, didn't you?",
        # What is not fair here is the coachee's, not the trainee's own start.
        "Don't do the wounded thing, that's not fair either. I'm telling you straight because nobody else will.",
    ],
)
def test_an_apology_or_a_wrong_start_that_is_not_the_trainees_own_owns_nothing(line: str) -> None:
    assert not owns_a_bad_start(line)


def test_asking_to_reset_grants_the_talk_of_a_meetings_start() -> None:
    line = "Sorry, I didn't listen properly there. Can we reset?"
    assert "opening" in granted_by(
        line, Move(Form.CLOSED_QUESTION, Focus.NONE, Attractor.NEUTRAL), lines_before=6
    )
    assert "apology" not in granted_by(
        "Is that on me to sort?", Move(Form.CLOSED_QUESTION, Focus.PLAN, Attractor.PEA)
    )


@pytest.mark.parametrize(
    "line", ["Grab a coffee on the way, it's on me.", "That's on me to chase with payroll."]
)
def test_paying_or_taking_a_task_on_is_no_apology(line: str) -> None:
    assert "apology" not in granted_by(
        line, Move(Form.STRUCTURE, Focus.NONE, Attractor.NEUTRAL), lines_before=4
    )


@pytest.mark.parametrize(
    "line",
    [
        "want me to do anything? or stay out yer road?",
        "chart at the bedside for a week from monday. i like that a lot. anything u need from me",
    ],
)
def test_an_offer_of_help_in_chat_or_dialect_is_an_offer(line: str) -> None:
    # Both were answered with the coachee's own plan in a blind rating, as if nothing was offered.
    assert "offer" in granted_by(line, Move(Form.CLOSED_QUESTION, Focus.PLAN, Attractor.PEA), lines_before=9)


def test_a_retort_about_feelings_presumes_the_line_spoke_of_them() -> None:
    # "Feelings don't trim lamb necks." answered "Does any of that sound unworkable?" in a blind rating.
    assert presumed_by("Feelings don't trim lamb necks.") == {"said_feelings"}
    asked = Move(Form.CLOSED_QUESTION, Focus.FEELINGS, Attractor.PEA)
    assert "said_feelings" in granted_by("How are you feeling about the move?", asked)
    assert "said_feelings" not in granted_by(
        "Does any of that sound unworkable? I want it to be fair on you.", asked
    )


def test_a_correction_denies_only_a_feeling_the_line_named() -> None:
    # Rated blind: "No, not angry. Just clear, for once." after "Nobody invisible. Mate, that's a strong
    # thing to stand for.", and "Not quite. I'm not fed up, exactly." after a line about the beach steps.
    reflection = Move(Form.COMPLEX_REFLECTION, Focus.FEELINGS, Attractor.PEA)
    assert presumed_by("No, not angry. Just clear, for once.") == {"denied_anger"}
    assert presumed_by("Not quite. I'm not fed up, exactly. I'm just out of the way of it.") == {
        "denied_grievance"
    }
    assert presumed_by("Pleased? No. I'm just trying not to make it worse.") == {"denied_gladness"}
    assert presumed_by("That's not how I'd put it.") == set()
    assert "denied_anger" in granted_by("You sound furious about the rota.", reflection)
    assert "denied_anger" not in granted_by(
        "Nobody invisible. That's a strong thing to stand for.", reflection
    )
    assert "denied_grievance" in granted_by("It sounds like you're fed up with being overlooked.", reflection)
    assert "denied_grievance" not in granted_by(
        "So the steps down to the beach are the real test.", reflection
    )
    assert "denied_gladness" in granted_by("You must be really pleased with how it went.", reflection)


@pytest.mark.parametrize(
    ("line", "echo", "granted"),
    [
        ("What matters most to you about leading this team?", "said_matters", True),
        ("Tell me about your people. What does caring about them look like?", "said_matters", False),
        ("What do you already have in place? And what's missing?", "said_in_place", True),
        ("And what is still missing?", "said_in_place", False),
        ("Which small step would you like to try first?", "said_plan", True),
        ("I hear you. What does your passion look like?", "said_wants", False),
    ],
)
def test_a_reply_echoes_only_a_question_the_line_asked(line: str, echo: str, granted: bool) -> None:
    # "What matters to me? ..." answers being asked what matters; after "What does caring about
    # them look like?" it answers a question nobody asked.
    assert (echo in granted_by(line, QUESTION)) is granted


def test_a_dictated_line_that_asks_on_after_its_apology_or_goodbye_is_no_apology_or_goodbye() -> None:
    # With no question mark to cut at, the question starts where its words do.
    feeling = Move(Form.COMPLEX_REFLECTION, Focus.FEELINGS, Attractor.PEA)
    asks_on = "im sorry so forget the list for a bit how are you actually going since april"
    assert "apology" not in granted_by(asks_on, feeling, 6)
    assert "apology" in granted_by("im sorry i came in hot with the list", feeling, 6)
    assert "parting" not in granted_by("thanks for your time what will you try first", feeling, 6)
    assert "parting" in granted_by("thanks for your time see you next week", feeling, 6)
