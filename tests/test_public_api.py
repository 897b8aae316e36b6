"""The public API: `simulator.__all__` is honest, every name loads, and importing it stays cheap."""

import subprocess
import sys
import types

import simulator


def test_every_public_name_loads_from_the_facade() -> None:
    for name in simulator.__all__:
        assert getattr(simulator, name) is not None, name


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for name in dir(simulator)
        if not name.startswith("_") and not isinstance(getattr(simulator, name), types.ModuleType)
    }
    assert public <= set(simulator.__all__)
    assert len(simulator.__all__) == len(set(simulator.__all__))


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        simulator.no_such_name  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:
        raise AssertionError("expected AttributeError")


def test_the_facade_plays_a_turn() -> None:
    session = simulator.Session(simulator.load("ward-nurse-charting").scenario, seed=1)
    turn = session.say("What would make this hour worthwhile for you?")
    assert isinstance(turn, simulator.Turn) and turn.move.form in simulator.Form


def test_importing_the_package_loads_no_engine() -> None:
    code = "import sys, simulator; print(sorted(m for m in sys.modules if m.startswith('simulator')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "simulator.engine" not in loaded and "simulator.reading" not in loaded
