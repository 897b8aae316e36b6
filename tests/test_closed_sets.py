"""The closed sets that travel as strings are enums whose values are exactly the strings written out."""

from __future__ import annotations

import json

from scoring.advice import candidates
from scoring.evidence import evidence_of
from scoring.facts import facts_from_practice
from scoring.measures import Rating, all_measures
from scoring.scorecard import band_of, score_practice
from simulator.engine.session import Session
from simulator.scenario.catalogue import load
from simulator.scenario.model import Expectation
from simulator.scenario.rubric import DEFAULT_RUBRIC, Weights
from simulator.shell.conversation import Conversation, OutcomeKind
from simulator.trainer.rehearsal import play
from simulator.vocabulary import Band, MeasureKey

SCENARIO = load().scenario
LINES = ("What would a really good year look like for you?", "You need to get the charting done.")


def test_measure_keys_are_the_measures_in_order_and_key_the_weights_and_tips() -> None:
    evidence = evidence_of(facts_from_practice(SCENARIO, play(SCENARIO, LINES).turns))
    assert [measure.key for measure in all_measures(evidence, DEFAULT_RUBRIC)] == list(MeasureKey)
    assert list(Weights.model_fields) == [key.value for key in MeasureKey]
    assert all(candidates(key, evidence) for key in MeasureKey)
    weights = DEFAULT_RUBRIC.weights.model_dump()
    assert {key.value: DEFAULT_RUBRIC.weights.of(key) for key in MeasureKey} == weights


def test_values_are_the_strings_of_the_json_output() -> None:
    assert [band.value for band in Band] == ["compassion-led", "mixed", "compliance-led"]
    assert [rating.value for rating in Rating] == ["good", "fair", "poor", "n/a"]
    assert [kind.value for kind in OutcomeKind] == [
        "turn",
        "undo",
        "hint",
        "help",
        "message",
        "unsaved",
        "quit",
    ]
    assert band_of(70, DEFAULT_RUBRIC) is Band.COMPASSION_LED


def test_the_scorecard_as_data_holds_plain_strings() -> None:
    card = score_practice(SCENARIO, play(SCENARIO, LINES).turns)
    data = card.as_dict()
    assert type(data["band"]) is str and data["band"] == card.band.value
    for measure in data["measures"]:
        assert type(measure["key"]) is str and type(measure["rating"]) is str
    assert json.loads(json.dumps(data)) == data


def test_a_scenario_names_a_band_by_its_value() -> None:
    assert Expectation(band="mixed").band is Band.MIXED


def test_outcomes_are_of_a_kind() -> None:
    conversation = Conversation(Session(SCENARIO))
    assert conversation.handle("/help").kind is OutcomeKind.HELP
    assert conversation.handle("/undo").kind is OutcomeKind.MESSAGE
    assert conversation.handle(LINES[0]).kind is OutcomeKind.TURN
    assert conversation.handle("/undo").kind is OutcomeKind.UNDO
    assert conversation.handle("/quit").kind is OutcomeKind.QUIT
