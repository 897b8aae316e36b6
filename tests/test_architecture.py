"""The floor plan holds: arrows point down, no import cycles, heavy libraries stay in their rooms.

Every import counts, including those inside functions (lazy imports are still dependencies).
The layers, lowest first, as ARCHITECTURE.md draws them:

    0  core           simulator.{vocabulary, records, rules, errors, text, phrase_scan, json_lines, arc, clock, metrics}
    1  readers, files simulator.reading, simulator.talk, simulator.scenario
    2  engine, scorer simulator.engine, scoring
    3  trainer tools  simulator.trainer
    4  rounds         simulator.rounds
    5  shell          simulator.shell
    6  entry point    simulator.__main__ (python -m simulator)

A module may import its own subpackage and any lower layer, never a sibling of its own layer
and never upward. `simulator` itself is the public facade: nothing inside imports from it.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("simulator", "scoring")

LAYERS: dict[str, int] = {
    "simulator.reading": 1,
    "simulator.talk": 1,
    "simulator.scenario": 1,
    "simulator.engine": 2,
    "scoring": 2,
    "simulator.trainer": 3,
    "simulator.rounds": 4,
    "simulator.shell": 5,
    "simulator.__main__": 6,
}
"""Each room and its layer; a module of `simulator` not in a room is core (layer 0)."""

THIRD_PARTY_ROOMS = {
    "prompt_toolkit": ("simulator.shell.tui",),
    "click": ("simulator.shell",),
    "sqlalchemy": ("simulator.rounds.gradebook", "simulator.rounds.migrations"),
    "alembic": ("simulator.rounds.gradebook", "simulator.rounds.migrations"),
    "transitions": ("simulator.engine",),
    "numpy": (
        "simulator.reading.model",
        "simulator.reading.features",
        "simulator.reading.feature_names",
        "simulator.reading.fit",
        "simulator.talk.fit",
        "simulator.engine.closing_fit",
    ),
}
"""Libraries that are slow to import or tie us to a front end, and the only rooms that may import them."""

CLOCK_READERS = ("simulator.shell", "simulator.rounds.gradebook")


def module_files() -> dict[str, Path]:
    """Every project module by dotted name."""
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported_names(name: str, path: Path) -> set[str]:
    """Every dotted name a module imports, absolute, including lazy imports inside functions."""
    is_package = path.name == "__init__.py"
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            names.add(stem)
            names.update(f"{stem}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def import_graph() -> dict[str, set[str]]:
    """Which project modules each project module imports."""
    modules = module_files()
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        graph[name] = {
            target for target in imported_names(name, path) if target in modules and target != name
        }
    return dict(graph)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of more than one module that import each other, directly or not (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def room_of(module: str) -> str:
    """The room a module lives in: its subpackage, or `core`, or `simulator` for the facade."""
    if module == "simulator":
        return "simulator"
    for room in sorted(LAYERS, key=len, reverse=True):
        if module == room or module.startswith(room + "."):
            return room
    return "core"


def layer_of(module: str) -> int:
    room = room_of(module)
    return LAYERS.get(room, 0)


def is_within(module: str, rooms: tuple[str, ...]) -> bool:
    return any(module == room or module.startswith(room + ".") for room in rooms)


GRAPH = import_graph()


def test_the_graph_sees_every_room() -> None:
    rooms = {room_of(module) for module in GRAPH}
    assert rooms == {*LAYERS, "core", "simulator"}
    assert len(GRAPH) > 50


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_module_imports_upward_or_sideways(module: str) -> None:
    wrong = []
    for target in sorted(GRAPH[module]):
        if target == "simulator":
            if module != "simulator":
                wrong.append(f"{target} (the public facade: import from the module that defines the name)")
            continue
        if module == "simulator":
            continue  # the facade may name anything it exports
        same_room = room_of(target) == room_of(module)
        if not same_room and layer_of(target) >= layer_of(module):
            wrong.append(f"{target} (layer {layer_of(target)} from layer {layer_of(module)})")
    assert not wrong, f"{module} imports " + "; ".join(wrong)


def test_there_is_no_import_cycle() -> None:
    assert cycles(GRAPH) == []


def test_scoring_never_reaches_the_engine_the_shell_or_the_database() -> None:
    forbidden = ("simulator.engine", "simulator.trainer", "simulator.rounds", "simulator.shell")
    for module, targets in GRAPH.items():
        if module.startswith("scoring"):
            assert not [t for t in targets if is_within(t, forbidden)], module


def test_the_scenario_model_does_not_import_the_scorer() -> None:
    for module, targets in GRAPH.items():
        if module.startswith("simulator.scenario"):
            assert not [t for t in targets if t.startswith("scoring")], module


@pytest.mark.slow
@pytest.mark.parametrize("library", sorted(THIRD_PARTY_ROOMS))
def test_heavy_libraries_stay_in_their_rooms(library: str) -> None:
    modules = module_files()
    users = sorted(
        name
        for name, path in modules.items()
        if any(target == library or target.startswith(library + ".") for target in imported_names(name, path))
    )
    assert users, f"nothing imports {library}: drop it from the rooms"
    assert [user for user in users if not is_within(user, THIRD_PARTY_ROOMS[library])] == []


def test_only_shells_read_the_clock() -> None:
    readers = sorted(module for module, targets in GRAPH.items() if "simulator.clock" in targets)
    assert readers and all(is_within(reader, CLOCK_READERS) for reader in readers), readers


def test_the_layer_rule_catches_an_upward_import() -> None:
    graph = {"simulator.reading.moves": {"simulator.engine.session"}, "simulator.engine.session": set()}
    assert layer_of("simulator.engine.session") > layer_of("simulator.reading.moves")
    assert cycles({"a": {"b"}, "b": {"a"}}) == [["a", "b"]]
    assert cycles(graph) == []
