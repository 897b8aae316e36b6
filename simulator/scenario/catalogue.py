"""Finding scenarios: the bundled ones by id, or any YAML file by path.

The bundled scenarios are package data of the `scenarios` package, read through
`importlib.resources`, so they are found the same way from a source checkout, an
editable install and an installed wheel.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from simulator.errors import ScenarioNotFound
from simulator.files import is_regular_file
from simulator.scenario.loading import parse_scenario, read_scenario_text
from simulator.scenario.model import Scenario

DEFAULT_SCENARIO = "ward-nurse-charting"
"""The scenario `coach practice` runs when none is named."""


@dataclass(frozen=True)
class LoadedScenario:
    """A validated scenario with the exact text it came from (for the content hash) and its source."""

    scenario: Scenario
    text: str
    source: str


def bundled_ids() -> list[str]:
    """Ids of the bundled scenarios, sorted."""
    folder = resources.files("scenarios")
    return sorted(
        entry.name.removesuffix(".yaml") for entry in folder.iterdir() if entry.name.endswith(".yaml")
    )


def bundled_text(scenario_id: str) -> str:
    """The YAML text of one bundled scenario."""
    return resources.files("scenarios").joinpath(f"{scenario_id}.yaml").read_text(encoding="utf-8")


def is_path_like(name: str) -> bool:
    """Whether a scenario name is meant as a file path rather than a bundled id."""
    return name.endswith((".yaml", ".yml")) or "/" in name or "\\" in name


def load(name: str | None = None) -> LoadedScenario:
    """A bundled scenario by id, or a scenario file by path; the default scenario when `name` is None."""
    name = name or DEFAULT_SCENARIO
    if is_path_like(name) or is_regular_file(Path(name)):
        return load_file(Path(name))
    return load_bundled_id(name)


def load_file(path: Path) -> LoadedScenario:
    """A scenario file by its path, whatever its name looks like."""
    text = read_scenario_text(path)
    return LoadedScenario(parse_scenario(text, str(path)), text, str(path))


def load_bundled_id(scenario_id: str) -> LoadedScenario:
    """A bundled scenario by its id only: never a file, whatever the current folder holds."""
    ids = bundled_ids()
    if scenario_id not in ids:
        raise ScenarioNotFound(
            f"no bundled scenario {scenario_id!r} and no file by that name; bundled: {', '.join(ids)}"
        )
    text = bundled_text(scenario_id)
    return LoadedScenario(
        parse_scenario(text, f"scenarios/{scenario_id}.yaml"), text, f"bundled:{scenario_id}"
    )


def load_bundled() -> list[LoadedScenario]:
    """Every bundled scenario, validated."""
    return [load(scenario_id) for scenario_id in bundled_ids()]
