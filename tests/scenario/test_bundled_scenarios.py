"""Every bundled scenario loads, validates and passes its own test conversations."""

import pytest

from simulator.scenario import catalogue
from simulator.scenario.model import Scenario, TestConversation
from simulator.trainer.rehearsal import rehearse

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
