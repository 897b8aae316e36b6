"""Starting fast: what `coach --help` and the practice app's first screen import, and a warm first turn.

These tests assert which modules are loaded, never how long anything takes (the figures are
`benchmarks/startup.py`'s).
"""

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from simulator.scenario import catalogue
from simulator.shell.cli import COMMAND_INDEX, COMMAND_MODULES, main
from simulator.shell.practice import prepare_practice
from simulator.shell.warm_start import PracticeRun, warm_up

HEAVY = {
    "numpy",
    "pydantic",
    "pydantic_core",
    "yaml",
    "prompt_toolkit",
    "sqlalchemy",
    "alembic",
    "transitions",
    "asyncio",
    "secrets",
    "hashlib",
    "_hashlib",
    "ssl",
}
"""Modules that take milliseconds to load (OpenSSL behind `secrets`, `hashlib` and `ssl`)."""

LINES = [
    "Thanks for coming in. What would make this half hour useful for you?",
    "It sounds like the last couple of months have been exhausting.",
    "What are you proudest of in the way you work?",
    "Did you finish the notes yesterday?",
    "You should just make a checklist.",
    "If work were going really well two years from now, what would you be doing?",
    "Which small step would you most like to try first?",
    "Why didn't you ask for help?",
    "Part of you wants to teach, and part of you worries about the time.",
    "Mm-hmm.",
    "What would a great week look like for you?",
    "It's your call which of these, if any, you try.",
]

ENGINE = ("simulator.engine", "simulator.reading", "simulator.scenario.model", "simulator.rounds", "scoring")


def modules_loaded(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded once `code` has run (or exited)."""
    program = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.__stderr__))\n" + code
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_coach_help_loads_click_and_the_command_line_only() -> None:
    loaded = modules_loaded(
        "sys.argv = ['coach', '--help']\nfrom simulator.shell.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
    )
    assert "click" in loaded
    assert not HEAVY & {name.split(".")[0] for name in loaded}
    assert "pathlib" not in loaded  # with urllib and ipaddress, a twentieth of the start
    assert "shutil" not in loaded  # with the compression modules it loads, as much again
    ours = {name for name in loaded if name.split(".")[0] in ("simulator", "scoring", "scenarios")}
    assert ours == {
        "simulator",
        "simulator.version",
        "simulator.shell",
        "simulator.shell.cli",
        "simulator.shell.console",
        "simulator.shell.environment",
    }


@pytest.mark.slow
def test_the_first_screen_of_practice_needs_no_engine_once_the_scenario_is_cached(tmp_path: Path) -> None:
    prepare_practice(None, 1, tmp_path / "first.jsonl")  # validates the scenario and caches it
    loaded = modules_loaded(
        "from pathlib import Path\n"
        "import simulator.shell.cli\n"
        "from simulator.shell.practice import prepare_practice\n"
        f"pending, _ = prepare_practice(None, 1, Path({str(tmp_path / 'second.jsonl')!r}))\n"
        "from simulator.shell.tui import opening_panel, run_interactive\n"
        "opening_panel(pending)\n"
    )
    assert "prompt_toolkit" in loaded
    assert not {"numpy", "pydantic", "yaml", "transitions", "sqlalchemy"} & {
        name.split(".")[0] for name in loaded
    }
    assert not [name for name in loaded if name.startswith(ENGINE)]


def test_the_index_lists_every_command_with_the_help_it_shows() -> None:
    commands = {command.name: module for module in COMMAND_MODULES for command in loaded_commands(module)}
    assert {name: module for name, (module, _) in COMMAND_INDEX.items()} == commands
    for name, (_, text) in COMMAND_INDEX.items():
        real = main.get_command(click.Context(main), name)
        assert real is not None
        stand_in = click.Command(name, help=text)
        for limit in range(10, 130, 7):
            assert stand_in.get_short_help_str(limit) == real.get_short_help_str(limit), (name, limit)


def loaded_commands(module_name: str) -> list[click.Command]:
    import importlib

    return list(getattr(importlib.import_module(module_name), COMMAND_MODULES[module_name]))


def test_coach_help_lists_the_indexed_commands_as_their_own_help_would() -> None:
    shown = CliRunner().invoke(main, ["--help"]).output
    for name in COMMAND_INDEX:
        assert f"  {name} " in shown
    assert main.get_command(click.Context(main), "no-such-command") is None


def test_after_the_warm_up_a_first_turn_loads_nothing(tmp_path: Path) -> None:
    pending, _ = prepare_practice(None, 3, tmp_path / "t.jsonl")
    pending.start()
    conversation = pending.result().conversation
    before = set(sys.modules)
    for line in ["/hint", LINES[0], LINES[1]]:
        conversation.handle(line)
    assert set(sys.modules) == before
    conversation.finish("eof", "t")


def test_the_warm_up_changes_no_conversation() -> None:
    loaded = catalogue.load(catalogue.DEFAULT_SCENARIO)

    def played() -> list[dict[str, object]]:
        from simulator.engine.session import Session

        session = Session(loaded.scenario, seed=11)
        return [session.say(line).as_record() for line in LINES]

    first = played()
    warm_up(loaded.scenario)
    assert played() == first


def test_a_pending_run_made_without_a_thread_is_made_at_once(tmp_path: Path) -> None:
    pending, path = prepare_practice(None, 5, tmp_path / "t.jsonl")
    assert pending.made is None and not path.exists()
    run = pending.result()
    assert isinstance(run, PracticeRun) and pending.made is run
    assert path.exists()  # headed
    run.conversation.finish("eof", "t")
