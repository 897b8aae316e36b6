"""Scenario YAML to a validated `Scenario`, with every problem located at a line and column.

Only what `yaml.safe_load` can build is ever built. Before construction the composed
node tree is walked once: that walk records where every key and value stands, and
refuses duplicate keys, anchors and aliases (which also rules out "billion laughs"
expansion), documents that are too deep, and files that are too large. pydantic then
validates the plain data, and each of its errors is mapped back to the YAML position.

`parse_scenario` is pure (text in, scenario or `ScenarioError` out); `load_scenario`
adds the reading of a file.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from simulator.errors import Problem, ScenarioError
from simulator.scenario.check import DataPath, find_problems
from simulator.scenario.model import Scenario

MAX_SCENARIO_BYTES = 1_000_000
"""Scenario files above this size are refused unread: a real persona is a few kilobytes."""

MAX_DEPTH = 40
"""Deeper nesting than this is refused: the schema itself is under ten levels deep."""

MAX_NODES = 100_000
"""More YAML nodes than this are refused, whatever the file size."""

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Model = TypeVar("Model", bound=BaseModel)


@dataclass
class _Positions:
    """Where each value (and each mapping key) of the document stands, by data path."""

    values: dict[DataPath, tuple[int, int]]
    keys: dict[DataPath, tuple[int, int]]

    def locate(self, path: DataPath, *, at_key: bool = False) -> tuple[int, int]:
        """The position of the longest known prefix of `path` (a missing key points at its parent)."""
        table = self.keys if at_key else self.values
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in table:
                return table[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return (1, 1)


class _Refused(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        self.problem = Problem(line, column, message)


def _position(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _walk(root: yaml.Node) -> _Positions:
    positions = _Positions(values={}, keys={})
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, DataPath, int]] = [(root, (), 0)]
    while stack:
        node, path, depth = stack.pop()
        if id(node) in seen:
            raise _Refused(*_position(node), "anchors and aliases are not allowed in scenario files")
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            raise _Refused(*_position(node), f"too many values (limit {MAX_NODES})")
        if depth > MAX_DEPTH:
            raise _Refused(*_position(node), f"nesting deeper than {MAX_DEPTH} levels")
        positions.values[path] = _position(node)
        if isinstance(node, yaml.MappingNode):
            names: set[str] = set()
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise _Refused(
                        *_position(key_node), "merge keys ('<<') are not allowed in scenario files"
                    )
                key = str(key_node.value)
                if key in names:
                    raise _Refused(*_position(key_node), f"duplicate key {key!r}")
                names.add(key)
                positions.keys[(*path, key)] = _position(key_node)
                stack.append((value_node, (*path, key), depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, (*path, index), depth + 1))
    return positions


def _compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    finally:
        loader.dispose()


def _construct(root: yaml.Node) -> Any:
    # Built from the node tree already composed (and walked), not by parsing the text again;
    # the safe constructor builds only plain data.
    return yaml.constructor.SafeConstructor().construct_document(root)


def _field_names(model: type[BaseModel], path: DataPath) -> list[str]:
    """The keys allowed at `path` below `model`, for "did you mean" suggestions."""
    annotation: Any = model
    for part in path:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(part))
            if field is None:
                return []
            annotation = field.annotation
        else:
            args = typing.get_args(annotation)
            annotation = args[0] if args else None
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    # Optional[X] and X | None are unions with None: the model of interest is X.
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return members[0] if len(members) == 1 else annotation
    return annotation


def _dotted(path: DataPath) -> str:
    return ".".join(str(part) for part in path) or "(top level)"


def _data_path(detail: Any, positions: _Positions) -> DataPath:
    # pydantic puts union member tags such as 'constrained-str' into a location: keep only the
    # parts that stand in the document (a key named '-d' or 'hot-buttons' is a key, not a tag),
    # and a missing key, which by nature does not.
    loc = detail["loc"]
    path: DataPath = ()
    for index, part in enumerate(loc):
        candidate = (*path, part)
        is_missing_key = detail["type"] == "missing" and index == len(loc) - 1
        if candidate in positions.values or candidate in positions.keys or is_missing_key:
            path = candidate
    return path


def _schema_problems(error: ValidationError, positions: _Positions, model: type[BaseModel]) -> list[Problem]:
    problems = []
    details = [(_data_path(detail, positions), detail) for detail in error.errors(include_url=False)]
    failed_inside = {path[:end] for path, _ in details for end in range(len(path))}
    for path, detail in details:
        kind = detail["type"]
        if kind == "too_short" and path in failed_inside:
            continue  # a list whose only item failed is reported at that item, not again as empty
        if kind == "extra_forbidden":
            line, column = positions.locate(path, at_key=True)
            key = str(path[-1])
            message = f"{_dotted(path)}: unknown key {key!r}"
            close = difflib.get_close_matches(key, _field_names(model, path[:-1]), n=1)
            if close:
                message += f"; did you mean {close[0]!r}?"
        elif kind == "missing":
            line, column = positions.locate(path[:-1])
            message = f"{_dotted(path[:-1])}: missing required key {str(path[-1])!r}"
        elif kind in ("enum", "literal_error") and isinstance(detail.get("input"), str):
            # A misspelt state, focus, kind or style: name the choices and the likeliest one.
            line, column = positions.locate(path)
            choices = re.findall(r"'([^']*)'", str(detail.get("ctx", {}).get("expected", "")))
            message = f"{_dotted(path)}: {detail['input']!r} is not one of {', '.join(choices)}"
            close = difflib.get_close_matches(detail["input"], choices, n=1)
            if close:
                message += f"; did you mean {close[0]!r}?"
        else:
            line, column = positions.locate(path)
            message = f"{_dotted(path)}: {detail['msg']}"
        problems.append(Problem(line, column, message))
    return problems


def model_problems(
    text: str, model: type[Model], kind: str = "scenario"
) -> tuple[Model | None, list[Problem], _Positions]:
    """Parse YAML text and validate it against `model`: the instance (if valid), every located problem,
    and the positions of the document's values (for locating later findings).

    Shared by every YAML file the project reads (scenarios, rounds), so all get the same limits and errors.
    """
    nowhere = _Positions(values={}, keys={})
    if len(text.encode("utf-8", errors="replace")) > MAX_SCENARIO_BYTES:
        return None, [Problem(1, 1, f"file is larger than the {MAX_SCENARIO_BYTES:,}-byte limit")], nowhere
    if "\x00" in text:
        return None, [Problem(1, 1, "file holds binary data, not YAML text")], nowhere
    try:
        root = _compose(text)
        if root is None:
            needs = "at least an id and a title" if kind in ("scenario", "round") else "its keys"
            return None, [Problem(1, 1, f"file is empty; a {kind} needs {needs}")], nowhere
        positions = _walk(root)
        data = _construct(root)
    except _Refused as refused:
        return None, [refused.problem], nowhere
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Problem(line, column, f"YAML syntax: {error.problem or error.context}")], nowhere
    except yaml.reader.ReaderError as error:
        # A character YAML forbids (a control character): point at it, on one line.
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or " ")
        return None, [Problem(line, column, f"character U+{code:04X} is not allowed in YAML text")], nowhere
    except yaml.YAMLError as error:
        return None, [Problem(1, 1, "YAML: " + " ".join(str(error).split()))], nowhere
    except RecursionError:
        return None, [Problem(1, 1, f"nesting deeper than {MAX_DEPTH} levels")], nowhere
    if not isinstance(data, dict):
        return None, [Problem(1, 1, f"a {kind} must be a mapping of keys (id:, title:, ...)")], positions
    try:
        return model.model_validate(data), [], positions
    except ValidationError as error:
        return None, _schema_problems(error, positions, model), positions


def scenario_problems(text: str) -> tuple[Scenario | None, list[Problem]]:
    """Parse and validate scenario text; return the scenario (if usable) and every problem found."""
    scenario, problems, positions = model_problems(text, Scenario)
    if scenario is None:
        return None, problems
    problems = [
        Problem(*positions.locate(found.path), f"{_dotted(found.path)}: {found.message}", found.severity)
        for found in find_problems(scenario)
    ]
    return scenario, problems


def parse_scenario(text: str, source: str) -> Scenario:
    """A valid scenario from YAML text, or `ScenarioError` naming `source`, line and column."""
    scenario, problems = scenario_problems(text)
    errors = [problem for problem in problems if problem.severity == "error"]
    if scenario is None or errors:
        raise ScenarioError(source, errors)
    return scenario


def read_scenario_text(path: Path) -> str:
    """The text of a scenario file, refusing what cannot be a scenario before parsing it."""
    source = str(path)
    try:
        if path.is_dir():
            raise ScenarioError(source, [Problem(1, 1, "is a directory, not a scenario file")])
        if path.stat().st_size > MAX_SCENARIO_BYTES:
            raise ScenarioError(
                source, [Problem(1, 1, f"file is larger than the {MAX_SCENARIO_BYTES:,}-byte limit")]
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ScenarioError(source, [Problem(1, 1, "no such file")]) from None
    except OSError as error:
        raise ScenarioError(source, [Problem(1, 1, f"cannot read: {error.strerror}")]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise ScenarioError(source, [Problem(line, column, "not UTF-8 text")]) from None


def load_scenario(path: Path) -> Scenario:
    """Read and validate one scenario file."""
    return parse_scenario(read_scenario_text(path), str(path))


def locate_in(text: str, path: DataPath) -> tuple[int, int]:
    """Line and column of the value at `path` in scenario text that parses (1, 1 when it does not)."""
    try:
        root = _compose(text)
        return _walk(root).locate(path) if root is not None else (1, 1)
    except (_Refused, yaml.YAMLError, RecursionError):
        return (1, 1)
