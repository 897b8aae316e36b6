"""scenarios/AUTHORING.md stays true: its example works, and it names every key, event and pool."""

from __future__ import annotations

import re
from pathlib import Path

from simulator.scenario.loading import scenario_problems
from simulator.scenario.model import Event, PoolName, Scenario, Temperament
from simulator.trainer.rehearsal import rehearse_all

GUIDE = (Path(__file__).resolve().parents[2] / "scenarios" / "AUTHORING.md").read_text(encoding="utf-8")


def example() -> str:
    blocks = re.findall(r"```yaml\n(.*?)```", GUIDE, flags=re.DOTALL)
    return next(block for block in blocks if block.startswith("# yaml-language-server"))


def test_the_guides_complete_example_validates_without_warnings_and_passes_its_tests() -> None:
    scenario, problems = scenario_problems(example())
    assert scenario is not None and problems == []
    assert scenario.topics and all(not scenario.pools.named(pool).is_empty() for pool in PoolName)
    results = rehearse_all(scenario)
    assert results and all(result.passed for result in results), [result.misses for result in results]


def test_the_guide_names_every_scenario_key_temperament_parameter_event_and_pool() -> None:
    for key in Scenario.model_fields:
        assert f"`{key}`" in GUIDE, key
    for parameter in Temperament.model_fields:
        assert f"`{parameter}`" in GUIDE, parameter
    for event in Event:
        assert f"`{event.value}`" in GUIDE, event
    for pool in PoolName:
        assert f"`{pool.value}`" in GUIDE, pool
