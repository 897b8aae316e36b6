"""The exception hierarchy drawn in simulator/errors.py stays true to the code."""

import importlib
import inspect
import pickle
import pkgutil

import scoring
import simulator
from simulator import errors
from simulator.errors import CoachError, Problem, RoundError, ScenarioError, UnreadableFile


def test_every_error_a_user_can_see_is_drawn_in_the_hierarchy() -> None:
    found = set()
    for package in (simulator, scoring):
        for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            if module.name.endswith(("tui", "__main__")):
                continue
            for name, value in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
                if issubclass(value, CoachError) and value is not CoachError and not name.startswith("_"):
                    found.add(name)
    drawn = {name for name in found if name in (errors.__doc__ or "")}
    assert found == drawn, f"missing from the drawing in errors.py: {sorted(found - drawn)}"


def test_errors_with_parts_cross_a_process_boundary_whole() -> None:
    # `coach score` on many files returns each file's error from a worker process.
    for error in (
        ScenarioError("s.yaml", [Problem(3, 4, "duplicate key 'id'")]),
        UnreadableFile("t.jsonl", "not UTF-8 text", 2, 7),
        RoundError("round.yaml:1:1: error: x", ("round.yaml:1:1: error: x", "round.yaml:2:1: error: y")),
    ):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error) and str(again) == str(error) and vars(again) == vars(error)
