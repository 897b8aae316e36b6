"""Scenario YAML to a validated `Scenario`, with every problem located at a line and column.

Only what `yaml.safe_load` can build is ever built. Before construction the composed
node tree is walked once: that walk records where every key and value stands, and
refuses duplicate keys, anchors and aliases (which also rules out "billion laughs"
expansion), documents that are too deep, and files that are too large. pydantic then
validates the plain data, and each of its errors is mapped back to the YAML position. The
cross-reference checks (`check.reference_problems`) read the same plain data, so a file
with a schema error still has its misspelt ids reported in the same run. Places are named
for a trainer (`paths.describe_path`), and YAML syntax errors are explained by their likely
cause (`yaml_hints`).

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
from simulator.scenario.check import content_problems, reference_problems
from simulator.scenario.model import Identifier, Scenario
from simulator.scenario.paths import DataPath, describe_path
from simulator.scenario.source import MAX_SCENARIO_BYTES
from simulator.scenario.source import read_scenario_text as read_scenario_text  # its callers' old address
from simulator.scenario.yaml_hints import syntax_problem

MAX_DEPTH = 40
"""Deeper nesting than this is refused: the schema itself is under ten levels deep."""

MAX_NODES = 100_000
"""More YAML nodes than this are refused, whatever the file size."""

MAX_LIST_ITEMS = 1000
"""Longer lists are refused, in any file: no part of a scenario or round needs more, and the checks
that compare items with each other stay fast."""

MAX_NUMBER_CHARS = 100
"""Whole numbers written longer than this are refused: no setting needs one, and Python refuses to
convert a decimal of more than 4,300 digits."""

_INT_TAG = "tag:yaml.org,2002:int"

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
        if isinstance(node, yaml.ScalarNode) and node.tag == _INT_TAG and len(node.value) > MAX_NUMBER_CHARS:
            raise _Refused(*_position(node), f"a number longer than {MAX_NUMBER_CHARS} characters")
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
            if len(node.value) > MAX_LIST_ITEMS:
                raise _Refused(*_position(node), f"a list of more than {MAX_LIST_ITEMS} items")
            for index, item in enumerate(node.value):
                stack.append((item, (*path, index), depth + 1))
    return positions


def _compose(text: str) -> yaml.Node | None:
    _refuse_anchors(text)
    loader = _Loader(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    finally:
        loader.dispose()


def _refuse_anchors(text: str) -> None:
    # The node tree forgets its anchors, so an anchor no alias uses would pass the walk: the
    # events still carry them. Parsed again only when an '&' could be one.
    if "&" not in text:
        return
    for event in yaml.parse(text, Loader=_Loader):
        if getattr(event, "anchor", None) is not None:
            mark = event.start_mark
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            raise _Refused(line, column, "anchors and aliases are not allowed in scenario files")


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


def _schema_problems(
    error: ValidationError, positions: _Positions, model: type[BaseModel], data: Any
) -> list[tuple[DataPath, Problem]]:
    """Each validation error located and worded, with the data path it is about."""
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
            message = f"{describe_path(path, data)}: unknown key {key!r}"
            close = difflib.get_close_matches(key, _field_names(model, path[:-1]), n=1)
            if close:
                message += f"; did you mean {close[0]!r}?"
        elif kind == "missing":
            line, column = positions.locate(path[:-1])
            message = f"{describe_path(path[:-1], data)}: missing required key {str(path[-1])!r}"
        elif kind in ("enum", "literal_error") and isinstance(detail.get("input"), str):
            # A misspelt state, focus, kind or style: name the choices and the likeliest one.
            line, column = positions.locate(path)
            choices = re.findall(r"'([^']*)'", str(detail.get("ctx", {}).get("expected", "")))
            message = f"{describe_path(path, data)}: {detail['input']!r} is not one of {', '.join(choices)}"
            close = difflib.get_close_matches(detail["input"], choices, n=1)
            if close:
                message += f"; did you mean {close[0]!r}?"
        else:
            line, column = positions.locate(path)
            message = f"{describe_path(path, data)}: {_plain_words(detail)}"
        problems.append((path, Problem(line, column, message)))
    return problems


ID_PATTERN = next(
    str(pattern) for part in typing.get_args(Identifier)[1:] for meta in getattr(part, "metadata", ())
    if (pattern := getattr(meta, "pattern", None))
)  # fmt: skip
"""The pattern every id matches, as the schema states it: a mismatch is explained in words."""


def _plain_words(detail: Any) -> str:
    """pydantic's message, in a trainer's words where it speaks of patterns or validators."""
    if detail["type"] == "string_pattern_mismatch" and detail.get("ctx", {}).get("pattern") == ID_PATTERN:
        return (
            f"{detail['input']!r} is not an id: use lowercase letters, digits, '-' and '_', "
            "starting with a letter or digit (e.g. 'next-step')"
        )
    return str(detail["msg"]).removeprefix("Value error, ")


def model_problems(
    text: str, model: type[Model], kind: str = "scenario"
) -> tuple[Model | None, list[Problem], _Positions]:
    """Parse YAML text and validate it against `model`: the instance (if valid), every located problem,
    and the positions of the document's values (for locating later findings).

    Shared by every YAML file the project reads (scenarios, rounds), so all get the same limits and errors.
    """
    data, positions, problems = _read_data(text, kind)
    if problems:
        return None, problems, positions
    instance, located = _validated(data, model, positions)
    return instance, [problem for _, problem in located], positions


def _read_data(text: str, kind: str) -> tuple[Any, _Positions, list[Problem]]:
    """The plain data of a YAML mapping, with the positions of its values; or why there is none."""
    nowhere = _Positions(values={}, keys={})
    if len(text.encode("utf-8", errors="replace")) > MAX_SCENARIO_BYTES:
        return None, nowhere, [Problem(1, 1, f"file is larger than the {MAX_SCENARIO_BYTES:,}-byte limit")]
    if "\x00" in text:
        return None, nowhere, [Problem(1, 1, "file holds binary data, not YAML text")]
    try:
        root = _compose(text)
        if root is None:
            needs = "at least an id and a title" if kind in ("scenario", "round") else "its keys"
            return None, nowhere, [Problem(1, 1, f"file is empty; a {kind} needs {needs}")]
        positions = _walk(root)
        data = _construct(root)
    except _Refused as refused:
        return None, nowhere, [refused.problem]
    except yaml.MarkedYAMLError as error:
        return None, nowhere, [syntax_problem(text, error)]
    except yaml.reader.ReaderError as error:
        # A character YAML forbids (a control character): point at it, on one line.
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or " ")
        return None, nowhere, [Problem(line, column, f"character U+{code:04X} is not allowed in YAML text")]
    except yaml.YAMLError as error:
        return None, nowhere, [Problem(1, 1, "YAML: " + " ".join(str(error).split()))]
    except RecursionError:
        return None, nowhere, [Problem(1, 1, f"nesting deeper than {MAX_DEPTH} levels")]
    if not isinstance(data, dict):
        return None, positions, [Problem(1, 1, f"a {kind} must be a mapping of keys (id:, title:, ...)")]
    return data, positions, []


def _validated(
    data: Any, model: type[Model], positions: _Positions
) -> tuple[Model | None, list[tuple[DataPath, Problem]]]:
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        return None, _schema_problems(error, positions, model, data)


def scenario_problems(text: str) -> tuple[Scenario | None, list[Problem]]:
    """Parse and validate scenario text; return the scenario (if usable) and every problem found.

    Schema errors and cross-reference errors come out together: the ids are checked on the
    data as read, whether or not the schema accepted it. A finding at a place the schema
    already reported is left out, so no problem is told twice.
    """
    data, positions, problems = _read_data(text, "scenario")
    if problems:
        return None, problems
    scenario, located = _validated(data, Scenario, positions)
    refused = {path for path, _ in located}
    findings = reference_problems(data) + (content_problems(scenario) if scenario is not None else [])
    problems = [problem for _, problem in located]
    for found in findings:
        # A value the schema refused is not judged again, nor what lies inside it; a whole record
        # refused (a goal with both `reveal` and `reach`) still has its ids checked.
        if any(_covers(path, found.path) for path in refused):
            continue
        located_at = positions.locate(found.path)
        problems.append(
            Problem(*located_at, f"{describe_path(found.path, data)}: {found.message}", found.severity)
        )
    unique = list(dict.fromkeys(problems))
    return scenario, unique


def _covers(refused: DataPath, path: DataPath) -> bool:
    """Whether a schema error at `refused` already speaks for a finding at `path`."""
    inside = path[: len(refused)] == refused
    return inside and (refused == path or (bool(refused) and isinstance(refused[-1], str)))


def parse_scenario(text: str, source: str) -> Scenario:
    """A valid scenario from YAML text, or `ScenarioError` naming `source`, line and column."""
    scenario, problems = scenario_problems(text)
    errors = [problem for problem in problems if problem.severity == "error"]
    if scenario is None or errors:
        raise ScenarioError(source, errors)
    return scenario


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
