"""The exception hierarchy drawn in simulator/errors.py stays true to the code."""

import importlib
import inspect
import pkgutil

import scoring
import simulator
from simulator import errors
from simulator.errors import CoachError


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
