"""Every bundled scenario loads, validates and passes its own test conversations."""

import re

import pytest

from simulator.scenario import catalogue
from simulator.scenario.model import Scenario, TestConversation
from simulator.scenario.replies import Event
from simulator.trainer.rehearsal import rehearse
from simulator.vocabulary import Focus, State

BUNDLED = catalogue.bundled_ids()
TESTS = [
    pytest.param(loaded.scenario, test, id=f"{loaded.scenario.id}: {test.name}")
    for loaded in catalogue.load_bundled()
    for test in loaded.scenario.tests
]


@pytest.mark.slow
@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_bundled_scenario_loads_with_matching_id(scenario_id: str) -> None:
    assert catalogue.load(scenario_id).scenario.id == scenario_id


@pytest.mark.slow
@pytest.mark.parametrize("scenario_id", BUNDLED)
def test_bundled_scenario_has_a_compassion_and_a_compliance_test(scenario_id: str) -> None:
    styles = {test.style for test in catalogue.load(scenario_id).scenario.tests}
    assert {"compassion", "compliance"} <= styles


@pytest.mark.parametrize(("scenario", "test"), TESTS)
def test_bundled_test_conversation_passes(scenario: Scenario, test: TestConversation) -> None:
    result = rehearse(scenario, test)
    assert result.passed, "; ".join(result.misses)
    if test.style == "compassion":
        assert result.final_state.rank >= result.final_state.OPEN.rank
    if test.style == "compliance":
        assert result.final_state.rank <= result.final_state.GUARDED.rank


def test_default_scenario_is_bundled() -> None:
    assert catalogue.DEFAULT_SCENARIO in BUNDLED


_STILL_THINKING = re.compile(
    r"\b(?:let me think|give me a (?:second|minute)|i don'?t know what)\b", re.IGNORECASE
)
"""Words of a coachee who has not yet chosen a step ("Let me think.", "Give me a second.")."""


@pytest.mark.parametrize("scenario_id", catalogue.bundled_ids())
def test_an_open_coachee_still_thinking_of_a_step_never_says_so_once_one_is_chosen(scenario_id: str) -> None:
    # Once a step of their own is told (`plan_agreed`), "Let me think" contradicts it; the plan
    # replies of the open states that say it are withheld from then on, as their neighbours are.
    scenario = catalogue.load(scenario_id).scenario
    thinking = [
        f"{state.value}/{key}: {reply.text}"
        for state, key, _, reply in scenario.replies.keyed()
        if state.rank >= State.OPEN.rank
        and key == Focus.PLAN.value
        and _STILL_THINKING.search(reply.text)
        and Event.PLAN_AGREED.value not in reply.unless
    ]
    assert not thinking
