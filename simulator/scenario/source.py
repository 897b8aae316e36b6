"""The text of a scenario file, read before anything is parsed.

Reading needs neither YAML nor pydantic, so a caller can read a scenario's exact text, look
for it in a cache of validated scenarios, and only parse it (`simulator.scenario.loading`)
when it has not been validated before.
"""

from __future__ import annotations

from pathlib import Path

from simulator.errors import Problem, ScenarioError, UnreadableFile
from simulator.files import read_text

MAX_SCENARIO_BYTES = 1_000_000
"""Scenario files above this size are refused unread: a real persona is a few kilobytes."""


def read_scenario_text(path: Path) -> str:
    """The text of a scenario file, refusing what cannot be a scenario before parsing it."""
    try:
        return read_text(path, MAX_SCENARIO_BYTES, "scenario file")
    except UnreadableFile as error:
        problem = Problem(error.line or 1, error.column or 1, error.reason)
        raise ScenarioError(str(path), [problem]) from None
