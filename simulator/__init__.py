"""compassion-coach: practise compassion-led coaching against a scripted virtual coachee.

The public API, for scripts and notebooks (the command line is `coach`):

    >>> from simulator import Session, load, classify
    >>> session = Session(load("ward-nurse-charting").scenario, seed=1)
    >>> turn = session.say("What would make this hour worthwhile for you?")
    >>> turn.move.form, turn.state_after          # how the line was read, where the coachee went

Names load on first use, so `import simulator` stays cheap; each comes from the room that
defines it (see ARCHITECTURE.md), and nothing inside the package imports from here.
"""

from importlib import import_module as _import_module
from typing import Any as _Any

from simulator.version import __version__

_EXPORTS = {
    "Attractor": "simulator.vocabulary",
    "CoachError": "simulator.errors",
    "Context": "simulator.vocabulary",
    "Focus": "simulator.vocabulary",
    "Form": "simulator.vocabulary",
    "LoadedScenario": "simulator.scenario.catalogue",
    "Move": "simulator.vocabulary",
    "Scenario": "simulator.scenario.model",
    "ScenarioError": "simulator.errors",
    "ScenarioNotFound": "simulator.errors",
    "Session": "simulator.engine.session",
    "State": "simulator.vocabulary",
    "Turn": "simulator.records",
    "attractor_of": "simulator.reading.moves",
    "bundled_ids": "simulator.scenario.catalogue",
    "classify": "simulator.reading.moves",
    "load": "simulator.scenario.catalogue",
    "load_scenario": "simulator.scenario.loading",
    "parse_scenario": "simulator.scenario.loading",
    "play": "simulator.trainer.rehearsal",
    "score_session": "simulator.trainer.rehearsal",
}
"""Each public name and the module that defines it."""

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> _Any:
    """Load a public name from the module that defines it, on first use."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'simulator' has no attribute {name!r}")
    value = getattr(_import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
