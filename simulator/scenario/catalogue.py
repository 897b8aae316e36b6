"""Finding scenarios: the bundled ones by id, or any YAML file by path.

The bundled scenarios are package data of the `scenarios` package, read through
`importlib.resources`, so they are found the same way from a source checkout, an
editable install and an installed wheel.

Finding a scenario (`find`: its exact text and the names it goes by) and parsing it
(`parse`: YAML, pydantic and the content checks) are separate steps, so a caller that keeps
validated scenarios (the shell's cache) can look the text up before paying for the parse;
finding imports neither YAML nor pydantic. `load` does both.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.errors import ScenarioNotFound
from simulator.files import is_regular_file
from simulator.scenario.source import read_scenario_text

if TYPE_CHECKING:
    from simulator.scenario.model import Scenario

DEFAULT_SCENARIO = "ward-nurse-charting"
"""The scenario `coach practice` runs when none is named."""


@dataclass(frozen=True)
class LoadedScenario:
    """A validated scenario with the exact text it came from (for the content hash) and its source."""

    scenario: Scenario
    text: str
    source: str


@dataclass(frozen=True)
class ScenarioSource:
    """A scenario's exact text before it is parsed, and the names it goes by."""

    text: str
    source: str
    """Where it came from, as a transcript header records it: the path, or `bundled:<id>`."""
    place: str
    """What an error in it names: the path, or `scenarios/<id>.yaml`."""


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


def find(name: str | None = None) -> ScenarioSource:
    """The text of a bundled scenario by id, or of a scenario file by path (the default scenario for None)."""
    name = name or DEFAULT_SCENARIO
    if is_path_like(name) or is_regular_file(Path(name)):
        return find_file(Path(name))
    return find_bundled_id(name)


def find_file(path: Path) -> ScenarioSource:
    """The text of a scenario file by its path, whatever its name looks like."""
    return ScenarioSource(read_scenario_text(path), str(path), str(path))


def find_bundled_id(scenario_id: str) -> ScenarioSource:
    """The text of a bundled scenario by its id only: never a file, whatever the current folder holds."""
    ids = bundled_ids()
    if scenario_id not in ids:
        raise ScenarioNotFound(
            f"no bundled scenario {scenario_id!r} and no file by that name; bundled: {', '.join(ids)}"
        )
    return ScenarioSource(
        bundled_text(scenario_id), f"bundled:{scenario_id}", f"scenarios/{scenario_id}.yaml"
    )


def parse(found: ScenarioSource) -> LoadedScenario:
    """The scenario validated from its text, or `ScenarioError` located in `found.place`."""
    from simulator.scenario.loading import parse_scenario  # YAML and pydantic: only when parsing

    return LoadedScenario(parse_scenario(found.text, found.place), found.text, found.source)


def load(name: str | None = None) -> LoadedScenario:
    """A bundled scenario by id, or a scenario file by path; the default scenario when `name` is None."""
    return parse(find(name))


def load_file(path: Path) -> LoadedScenario:
    """A scenario file by its path, whatever its name looks like."""
    return parse(find_file(path))


def load_bundled_id(scenario_id: str) -> LoadedScenario:
    """A bundled scenario by its id only: never a file, whatever the current folder holds."""
    return parse(find_bundled_id(scenario_id))


def load_bundled() -> list[LoadedScenario]:
    """Every bundled scenario, validated."""
    return [load(scenario_id) for scenario_id in bundled_ids()]
