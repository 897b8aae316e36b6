"""`coach new`'s starter scenario: valid, tested, and a good copy to start from."""

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.errors import BadScenarioId
from simulator.scenario.loading import scenario_problems
from simulator.scenario.starter import starter_scenario
from simulator.trainer.explore import explore
from simulator.trainer.rehearsal import rehearse_all
from simulator.vocabulary import State


@pytest.mark.slow
@settings(max_examples=20)
@given(st.from_regex(r"[a-z0-9][a-z0-9_-]{0,63}", fullmatch=True))
def test_starter_validates_without_problems_for_any_id(scenario_id: str) -> None:
    scenario, problems = scenario_problems(starter_scenario(scenario_id))
    assert scenario is not None and scenario.id == scenario_id
    assert problems == []


def test_starter_passes_its_own_test_conversations() -> None:
    scenario, _ = scenario_problems(starter_scenario("alex-first"))
    assert scenario is not None
    results = rehearse_all(scenario)
    assert {test.style for test in scenario.tests} == {"compassion", "compliance"}
    assert all(result.passed for result in results), [result.misses for result in results]


@pytest.mark.slow
def test_starter_coachee_is_reachable_by_compassion_only() -> None:
    scenario, _ = scenario_problems(starter_scenario("alex-first"))
    assert scenario is not None
    found = explore(scenario)
    assert found.shortest_path is not None and not found.compliance_reaches_open
    assert found.unreached == () and found.compliance_peak.rank < State.OPEN.rank


def test_starter_is_commented_and_points_an_editor_at_the_schema() -> None:
    text = starter_scenario("alex-first")
    assert text.startswith("# yaml-language-server: $schema=./scenario.schema.json\n")
    assert sum(line.lstrip().startswith("#") for line in text.splitlines()) >= 15
    assert yaml.safe_load(text)["id"] == "alex-first"


@pytest.mark.parametrize("bad", ["", "Alex", "-alex", "alex first", "a" * 65, "alex/first", "ünïcode"])
def test_ids_the_schema_would_refuse_are_refused_with_how_to_fix(bad: str) -> None:
    with pytest.raises(BadScenarioId, match="lowercase letters, digits"):
        starter_scenario(bad)
