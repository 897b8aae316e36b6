"""The scenario JSON Schema, generated from the pydantic models the loader validates with.

Editors with a YAML language server read it to complete keys and flag mistakes as a
trainer types; the bundled scenarios point at the copy shipped in `scenarios/` with a
`# yaml-language-server: $schema=./scenario.schema.json` first line. A test keeps that
copy equal to what `scenario_json_schema` generates.
"""

from __future__ import annotations

import json
from typing import Any

from simulator.scenario.model import Scenario

SCHEMA_FILE = "scenario.schema.json"
"""Where the generated schema is shipped, inside the `scenarios` package."""

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def scenario_json_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file, with its dialect, title and description first."""
    generated = Scenario.model_json_schema()
    generated.pop("title", None)
    generated.pop("description", None)
    return {
        "$schema": DIALECT,
        "title": "compassion-coach scenario",
        "description": (
            "A practice scenario for compassion-coach: a virtual coachee's persona, story, replies per "
            "state, goals and test conversations. Check a file with `coach validate PATH`."
        ),
        **generated,
    }


def schema_text() -> str:
    """The schema as the text `coach schema` prints and the shipped file holds."""
    return json.dumps(scenario_json_schema(), indent=2, ensure_ascii=False) + "\n"
