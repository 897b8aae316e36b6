"""The rule registry: every rule explained, every id the engine records read back to its rule."""

from __future__ import annotations

import json

import pytest

from scoring.feedback import explain_rule
from simulator.engine.session import Session
from simulator.rules import EXPLANATIONS, GATES, WITH_DETAIL, Rule, parse_rule_id, rule_id, rule_named
from simulator.scenario.catalogue import load_bundled
from simulator.scenario.model import Scenario
from simulator.trainer.rehearsal import play
from simulator.vocabulary import Attractor, Focus, Form, Move, State

BUNDLED = [loaded.scenario for loaded in load_bundled()]

DEFICIT_PROBES = ("What got in the way of doing it last week?", "Did you manage to do it?")
SAME_QUESTION = (
    "What would a really good year look like for you?",
    "What would a really good month look like for you?",
    "What would a really good week look like for you?",
)


def conversations(scenario: Scenario) -> list[tuple[tuple[str, ...], int]]:
    """(lines, seed) of a few conversations: the scenario's own tests, a repeated question, its hot buttons."""
    played = [((*test.lines, *DEFICIT_PROBES), test.seed) for test in scenario.tests]
    played.append((SAME_QUESTION, 0))
    nerves = tuple(
        f"So what about the {b.words[0]}? You need to sort it out." for b in scenario.coachee.hot_buttons
    )
    played.append(((*nerves, "You're wrong about that, and you know it.", "You should just do it."), 1))
    return played


def test_every_rule_is_explained() -> None:
    assert set(EXPLANATIONS) == set(Rule)
    for rule in Rule:
        assert rule.explanation.strip(), rule


def test_plain_ids_are_the_values_and_detailed_ids_carry_a_detail() -> None:
    assert {Rule.SHUTDOWN, Rule.HOT_BUTTON, Rule.REVEAL, Rule.END} == WITH_DETAIL
    for rule in Rule:
        if rule.takes_detail:
            assert rule_id(rule, "audit") == f"{rule.value}.audit"
        else:
            assert rule_id(rule) == rule.value
    assert {state: rule.value for state, rule in GATES.items()} == {
        State.OPEN: "gate.open",
        State.ENERGISED: "gate.energised",
    }


@pytest.mark.parametrize("rule", list(Rule))
def test_format_and_parse_round_trip(rule: Rule) -> None:
    detail = "vision-1" if rule.takes_detail else None
    text = rule_id(rule, detail)
    assert type(text) is str  # transcripts hold plain strings, byte for byte as before
    assert parse_rule_id(text) == (rule, detail)
    assert rule_id(*parse_rule_id(text)) == text
    assert rule_named(text) is rule


@pytest.mark.parametrize(
    "text", ["", "pea", "pea.", "shutdown", "shutdown.", "hot_button", "gate.closed", "drift.x", "lift"]
)
def test_what_is_no_rule_id_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a rule id"):
        parse_rule_id(text)
    assert explain_rule(text) == text  # feedback shows an unknown id as it stands
    assert rule_named(text) is None


def test_rule_id_wants_a_detail_exactly_when_the_rule_takes_one() -> None:
    for bad in [(Rule.HOT_BUTTON, None), (Rule.REVEAL, ""), (Rule.DRIFT, "x"), (Rule.PEA_LIFT, "")]:
        with pytest.raises(ValueError):
            rule_id(*bad)


@pytest.mark.parametrize("scenario", BUNDLED, ids=lambda scenario: scenario.id)
def test_every_id_played_on_a_bundled_scenario_is_a_rule(scenario: Scenario) -> None:
    buttons = {button.id for button in scenario.coachee.hot_buttons}
    story = {item.id for item in scenario.story}
    kinds = set(scenario.coachee.temperament.shuts_down_on)
    recorded = [
        rule
        for lines, seed in conversations(scenario)
        for turn in play(scenario, lines, seed).turns
        for rule in turn.as_record()["rules"]
    ]
    assert recorded
    for text in recorded:
        assert type(text) is str
        rule, detail = parse_rule_id(text)
        assert rule_id(rule, detail) == text
        assert explain_rule(text) == rule.explanation
        if rule is Rule.HOT_BUTTON:
            assert detail in buttons, text
        elif rule is Rule.REVEAL:
            assert detail in story, text
        elif rule is Rule.SHUTDOWN:
            assert detail in kinds, text
    assert json.loads(json.dumps(recorded)) == recorded


VISION = Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA)
VALUES = Move(Form.OPEN_QUESTION, Focus.VALUES, Attractor.PEA)
FEELING = Move(Form.COMPLEX_REFLECTION, Focus.FEELINGS, Attractor.PEA)
AUTONOMY = Move(Form.AUTONOMY, Focus.NONE, Attractor.PEA)
STRENGTH = Move(Form.AFFIRMATION, Focus.STRENGTHS, Attractor.PEA)
PLAN = Move(Form.OPEN_QUESTION, Focus.PLAN, Attractor.PEA)
DEFICIT = Move(Form.CLOSED_QUESTION, Focus.DEFICIT, Attractor.NEA)
CONFRONT = Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA)
ADVICE = Move(Form.ADVICE, Focus.PLAN, Attractor.NEA)
INFORMATION = Move(Form.INFORMATION, Focus.NONE, Attractor.NEUTRAL)

SCRIPTS = (
    (
        FEELING,
        AUTONOMY,
        VISION,
        VISION,
        VALUES,
        VISION,
        STRENGTH,
        VALUES,
        FEELING,
        PLAN,
        DEFICIT,
        VISION,
        PLAN,
    ),
    (
        DEFICIT,
        CONFRONT,
        ADVICE,
        INFORMATION,
        INFORMATION,
        INFORMATION,
        INFORMATION,
        AUTONOMY,
        FEELING,
        AUTONOMY,
    ),
    (STRENGTH, STRENGTH, STRENGTH, STRENGTH, STRENGTH, STRENGTH, STRENGTH, PLAN, PLAN),
)


def test_the_engine_fires_every_rule_in_the_registry() -> None:
    """No rule is dead: moves played straight into the engine (no reader) fire each one somewhere."""
    fired: set[Rule] = set()
    for scenario in BUNDLED:
        sessions = []
        for script in SCRIPTS:
            session = Session(scenario)
            for move in script:
                if session.is_over:  # a coachee pushed too far has left the meeting
                    break
                session.play(move)
            sessions.append(session)
        for button in scenario.coachee.hot_buttons:
            session = Session(scenario)
            session.play(CONFRONT, f"about the {button.words[0]}")
            sessions.append(session)
        sessions.append(heard_session(scenario))
        parroted = Session(scenario)
        for _ in range(3):  # the third quote is parroting
            said = parroted.turns[-1].coachee if parroted.turns else scenario.opening.text
            parroted.play(FEELING, f"You said '{said}'")
        sessions.append(parroted)
        scripted = Session(scenario)
        scripted.play(
            VISION, "[Open question] What would you love to be doing in two years?"
        )  # a marking note
        for asked in (
            "Who helps? What helps? Where?",
            "What matters? Why? Since when?",
            "How? With whom? By when?",
        ):
            scripted.play(VISION, asked)  # the third is a barrage
        sessions.append(scripted)
        owning = Session(scenario)
        while owning.state is not State.DEFENSIVE:
            owning.play(CONFRONT, "That's not good enough.")
        owning.play(INFORMATION, "Hang on. I started that badly, and I'm sorry.")
        sessions.append(owning)
        fired.update(
            parse_rule_id(rule)[0] for session in sessions for turn in session.turns for rule in turn.rules
        )
    assert fired == set(Rule)


UNSURE = Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA, confidence=0.2)


def heard_session(scenario: Scenario) -> Session:
    """A conversation that fires the listening rules: an unclear line, a repeat, a formula, flattery, a
    reflection that names strain after a cheerful line, and confrontations until the coachee
    leaves (if ever)."""
    session = Session(scenario)
    session.play(UNSURE, "asdf jkl")
    session.play(VISION, "What would a really good year look like for you?")
    session.play(VISION, "What would a really good year look like for you?")
    for heard in ("the notes are late", "you are tired", "the ward is short"):  # the third is a formula
        session.play(FEELING, f"So what I'm hearing is {heard}. Is that right?")
    for praise in ("Honestly, you're amazing at this.", "What a star you are.", "You are just brilliant."):
        session.play(STRENGTH, praise)  # the third is flattery
    for move in SCRIPTS[0]:
        session.play(move)
    session.play(Move(Form.OPEN_QUESTION, Focus.FEELINGS, Attractor.PEA), "How are you feeling now?")
    session.play(FEELING, "It sounds like it has all been really hard and exhausting.")
    while not session.is_over:
        session.play(CONFRONT, "That is simply not good enough.")
    return session
