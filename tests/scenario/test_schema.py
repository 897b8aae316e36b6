"""The scenario JSON Schema: generated from the models, shipped, and true to the loader."""

import json
from importlib import resources
from typing import Any

import jsonschema
import pytest
import yaml

from simulator.scenario import catalogue
from simulator.scenario.loading import scenario_problems
from simulator.scenario.schema import DIALECT, SCHEMA_FILE, scenario_json_schema, schema_text

GOOD = catalogue.bundled_text(catalogue.DEFAULT_SCENARIO)
VALIDATOR = jsonschema.Draft202012Validator(scenario_json_schema())

BROKEN = {
    "misspelt key": GOOD.replace("    warm_up:", "    warmup:"),
    "unknown state": GOOD.replace("starting_state: guarded", "starting_state: gaurded"),
    "wrong type": GOOD.replace("turn_limit: 30", "turn_limit: many"),
    "missing required key": GOOD.replace("closing:\n", "closin:\n"),
    "reply key that is no form or focus": GOOD.replace(
        "    vision:\n      - text: I'm not really", "    visoin:\n      - text: I'm not really"
    ),
    "state without replies": GOOD.replace("  energised:\n    default:", "  energised:\n    plan_b:"),
    "unknown story kind": GOOD.replace("    kind: worries", "    kind: worry"),
    "empty story": GOOD[: GOOD.index("story:\n")] + "story: []\n" + GOOD[GOOD.index("replies:\n") :],
    "out-of-range parameter": GOOD.replace("    negativity_bias: 2.0", "    negativity_bias: -1"),
    "range out of bounds": GOOD.replace("    sensitivity: [1.15, 1.25]", "    sensitivity: [1.15, 9]"),
    "test naming an unknown state": GOOD.replace("final_at_most: guarded", "final_at_most: shut"),
}


def test_shipped_schema_equals_the_generated_one() -> None:
    shipped = resources.files("scenarios").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    assert shipped == schema_text(), "regenerate: coach schema > scenarios/scenario.schema.json"


@pytest.mark.slow
def test_schema_is_a_valid_draft_2020_12_schema_with_a_title() -> None:
    schema = scenario_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DIALECT and schema["title"] and schema["description"]
    assert json.loads(schema_text()) == schema


def test_schema_forbids_unknown_keys_everywhere() -> None:
    def objects(node: Any) -> list[dict[str, Any]]:
        if isinstance(node, dict):
            found = [node] if node.get("type") == "object" and "properties" in node else []
            return found + [o for value in node.values() for o in objects(value)]
        if isinstance(node, list):
            return [o for value in node for o in objects(value)]
        return []

    records = objects(scenario_json_schema())
    assert len(records) >= 10 and all(record.get("additionalProperties") is False for record in records)


@pytest.mark.slow
@pytest.mark.parametrize("scenario_id", catalogue.bundled_ids())
def test_schema_accepts_every_bundled_scenario(scenario_id: str) -> None:
    data = yaml.safe_load(catalogue.bundled_text(scenario_id))
    assert list(VALIDATOR.iter_errors(data)) == []


@pytest.mark.slow
@pytest.mark.parametrize("name", BROKEN)
def test_schema_rejects_what_the_loader_rejects(name: str) -> None:
    text = BROKEN[name]
    assert text != GOOD, "the breakage did not apply"
    scenario, problems = scenario_problems(text)
    assert scenario is None and problems
    assert list(VALIDATOR.iter_errors(yaml.safe_load(text))), name


def test_bundled_scenarios_point_an_editor_at_the_schema() -> None:
    for scenario_id in catalogue.bundled_ids():
        first = catalogue.bundled_text(scenario_id).splitlines()[0]
        assert first == f"# yaml-language-server: $schema=./{SCHEMA_FILE}", scenario_id
