"""YAML syntax errors in words a trainer can act on: what is probably wrong, where, and how to fix it.

The YAML reader says what it expected where it stopped ("did not find expected key",
"mapping values are not allowed in this context"), which is often the line after the
mistake and never says what the mistake was. Most broken scenario files have one of a few
causes, each with a tell-tale in the text around where the reader stopped:

- an apostrophe inside a '...' text (or a " inside a "..." text) ends the text early;
- a quote or a bracket opened and never closed;
- a tab where YAML allows only spaces;
- no space after a key's colon (`name:Grace` is one word, not a key and a value);
- ": " inside a plain text, which YAML takes for a new key;
- a `-` list item not lined up with the items above it;
- a line one space (or a few) off the indentation of the lines it belongs with;
- a key without its colon on the line before;
- lists or mappings nested far too deep (brackets repeated or left open).

`syntax_problem` tries each in turn on the lines around the reader's position and names
the line the mistake is on, falling back to the reader's own words when none fits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from simulator.errors import Problem


@dataclass(frozen=True)
class _Where:
    """Where the YAML reader stopped, and the construct it was reading (0-based lines and columns)."""

    lines: list[str]
    line: int
    column: int
    problem: str
    context: str
    context_line: int | None
    context_column: int | None


@dataclass(frozen=True)
class _Hint:
    line: int  # 0-based
    column: int  # 0-based
    message: str


_KEY_WITHOUT_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s:/\\])(.*)$")
_KEY_LINE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:(\s|$)")
_WORD_WITHOUT_COLON = re.compile(r"^(\s*)([A-Za-z_][\w-]*) +(\S.*)$")
# Where a quoted text may begin: at the start of a value, a list item or a flow item.
_QUOTE_START = re.compile(r"""(?:^\s*|:\s+|^\s*-\s+|[\[{,]\s*)(['"])""")


def syntax_problem(text: str, error: yaml.MarkedYAMLError) -> Problem:
    """One located problem for a YAML syntax error: the likely cause and its fix, or the reader's words."""
    mark = error.problem_mark or error.context_mark
    context = error.context_mark
    where = _Where(
        lines=text.splitlines() or [""],
        line=mark.line if mark else 0,
        column=mark.column if mark else 0,
        problem=str(error.problem or ""),
        context=str(error.context or ""),
        context_line=context.line if context else None,
        context_column=context.column if context else None,
    )
    for detector in _DETECTORS:
        hint = detector(where)
        if hint is not None:
            message = f"YAML syntax: {hint.message}"
            if hint.line != where.line and where.line < len(where.lines):
                message += f" (the YAML reader stopped at line {where.line + 1})"
            return Problem(hint.line + 1, hint.column + 1, message)
    words = where.problem or where.context or "not valid YAML"
    return Problem(
        where.line + 1,
        where.column + 1,
        f"YAML syntax: {words}; look on this line and the one above for a stray quote, "
        "a missing ': ' or uneven indentation",
    )


def _line(where: _Where, number: int) -> str:
    return where.lines[number] if 0 <= number < len(where.lines) else ""


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _previous_content(where: _Where, number: int) -> int | None:
    for earlier in range(number - 1, -1, -1):
        if _is_content(where.lines[earlier]):
            return earlier
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _nearby(where: _Where) -> list[int]:
    """The reader's line, the content line before it, and the line of the construct it was in."""
    found = [where.line]
    before = _previous_content(where, where.line)
    if before is not None:
        found.append(before)
    if where.context_line is not None and where.context_line not in found:
        found.append(where.context_line)
    return [number for number in found if 0 <= number < len(where.lines)]


def _tab(where: _Where) -> _Hint | None:
    first = where.context_line if where.context_line is not None else where.line
    for number in range(min(first, where.line), min(where.line, len(where.lines) - 1) + 1):
        line = where.lines[number]
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in lead:
            return _Hint(
                number,
                lead.index("\t"),
                "this line is indented with a tab, and YAML allows only spaces: "
                "replace the tab with spaces, lined up with the lines around it",
            )
    return None


def _quote_closed_early(where: _Where) -> _Hint | None:
    for number in _nearby(where):
        line = where.lines[number]
        for start in _QUOTE_START.finditer(line):
            quote, opened = start.group(1), start.end(1) - 1
            closed = _closing_quote(line, opened, quote)
            if closed is None:
                continue
            after = line[closed + 1 :].lstrip()
            if after and after[0] not in ",]}#:" and (line[closed - 1 : closed].isalnum() or quote == '"'):
                word = _word_around(line, closed)
                if quote == "'":
                    message = (
                        f'this text starts with \' so the apostrophe in "{word}" ends it early: '
                        'put the whole text in double quotes ("...") instead, '
                        "or write the apostrophe twice ('')"
                    )
                else:
                    message = (
                        f"this text starts with \" so the \" before '{_next_word(line, closed)}' ends it early: "
                        "put the whole text in single quotes ('...') instead, "
                        'or write each " inside it as \\"'
                    )
                return _Hint(number, closed, message)
    return None


def _closing_quote(line: str, opened: int, quote: str) -> int | None:
    index = opened + 1
    while index < len(line):
        char = line[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and line[index + 1 : index + 2] == "'":
                index += 2  # '' is an apostrophe inside a '...' text
                continue
            return index
        index += 1
    return None


def _word_around(line: str, position: int) -> str:
    """The word the quote at `position` stands in, without the quotes around it."""
    start = position
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    end = position + 1
    while end < len(line) and not line[end].isspace():
        end += 1
    return line[start:end].strip(",[]{}'\"")


def _next_word(line: str, position: int) -> str:
    found = re.search(r"\w[\w'-]*", line[position + 1 :])
    return found.group(0) if found else line[position + 1 :].strip()


def _shortened(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "..."


def _unclosed(where: _Where) -> _Hint | None:
    if where.context_line is None or where.context_column is None:
        return None
    opener = _line(where, where.context_line)[where.context_column : where.context_column + 1]
    if "quoted scalar" in where.context and opener in ("'", '"'):
        message = (
            f"the text that starts with {opener} here is never closed: "
            f"add a closing {opener} at the end of the text"
        )
    elif "flow sequence" in where.context and opener == "[":
        message = "the [ here is never closed: end the list with ] on the same line, e.g. [vision, values]"
    elif "flow mapping" in where.context and opener == "{":
        message = (
            "the { here is never closed: end it with } on the same line, e.g. {text: Hello, cue: smiles}"
        )
    else:
        return None
    return _Hint(where.context_line, where.context_column, message)


def _no_space_after_colon(where: _Where) -> _Hint | None:
    for number in _nearby(where):
        found = _KEY_WITHOUT_SPACE.match(where.lines[number])
        if found is not None:
            key, value = found.group(2), _shortened(found.group(3).rstrip())
            return _Hint(
                number,
                found.end(2),
                f"there is no space after the ':' in '{key}:{value}', so YAML reads it as text, not as a key: "
                f"write '{key}: {value}'",
            )
    return None


def _colon_in_text(where: _Where) -> _Hint | None:
    if "mapping values" not in where.problem:
        return None
    line = _line(where, where.line)
    first = line.find(": ")
    if first < 0 or where.column <= first + 1 or line[first + 2 :].lstrip()[:1] in ("'", '"', "|", ">"):
        return None
    return _Hint(
        where.line,
        first + 2,
        "this text has ': ' in it, which YAML reads as the start of a new key: "
        'put the whole text in double quotes ("...")',
    )


def _misplaced_dash(where: _Where) -> _Hint | None:
    line = _line(where, where.line)
    if not line.lstrip().startswith("-"):
        return None
    indent = _indent(line)
    siblings: list[tuple[int, int]] = []  # (indent, line) of earlier items this one may belong with
    between = len(line)  # the least indentation met so far between those items and this line
    for number in range(where.line - 1, -1, -1):
        earlier = where.lines[number]
        if not _is_content(earlier):
            continue
        is_item = earlier.lstrip().startswith("-")
        if is_item and _indent(earlier) <= between:
            siblings.append((_indent(earlier), number))  # a list still open at this point
        if not is_item and _indent(earlier) < indent:
            break  # the key this list hangs from
        between = min(between, _indent(earlier))
        if _indent(earlier) == 0:
            break
    if not siblings or any(level == indent for level, _ in siblings):
        return None
    level, number = min(siblings, key=lambda pair: abs(pair[0] - indent))
    return _Hint(
        where.line,
        indent,
        f"this list item's '-' is in column {indent + 1}, but the items above it "
        f"(line {number + 1}) have theirs in column {level + 1}: line up the '-' with theirs",
    )


def _levels(where: _Where, number: int) -> list[tuple[int, int]]:
    """The indentations a line may have here, each with the line that sets it, closest first."""
    levels: list[tuple[int, int]] = []
    deepest = None
    for earlier in range(number - 1, -1, -1):
        line = where.lines[earlier]
        if not _is_content(line):
            continue
        indent = _indent(line)
        if deepest is None or indent < deepest:
            levels.append((indent, earlier))
            dash = re.match(r"\s*-\s+", line)
            if dash is not None and _KEY_LINE.match(line):
                levels.append((dash.end(), earlier))  # the keys of a list item line up after its '- '
            deepest = indent
        if indent == 0:
            break
    return levels


def _misindented(where: _Where) -> _Hint | None:
    number = where.line
    line = _line(where, number)
    if not _is_content(line):
        return None
    before = _previous_content(where, number)
    if before is None:
        return None
    indent = _indent(line)
    previous = where.lines[before]
    opens_block = previous.rstrip().endswith(":") or re.search(r":\s+[|>][-+0-9]*\s*$", previous)
    if opens_block and indent > _indent(previous):
        return None  # the first line of a nested block may be indented any amount
    levels = _levels(where, number)
    if any(level == indent for level, _ in levels):
        return None
    level, owner = min(levels, key=lambda pair: abs(pair[0] - indent))
    difference = indent - level
    fix = f"remove {_spaces(difference)}" if difference > 0 else f"add {_spaces(-difference)}"
    return _Hint(
        number,
        indent,
        f"this line is indented {_spaces(indent)}, but the line it belongs with "
        f"(line {owner + 1}) is indented {_spaces(level)}: {fix} so they line up",
    )


def _spaces(count: int) -> str:
    return f"{count} space" if count == 1 else f"{count} spaces"


def _missing_colon(where: _Where) -> _Hint | None:
    if not _KEY_LINE.match(_line(where, where.line)):
        return None
    before = _previous_content(where, where.line)
    if before is None:
        return None
    found = _WORD_WITHOUT_COLON.match(where.lines[before])
    if (
        found is None
        or ":" in where.lines[before]
        or _indent(where.lines[before]) != _indent(_line(where, where.line))
    ):
        return None
    key, value = found.group(2), _shortened(found.group(3).rstrip())
    return _Hint(
        before,
        found.end(2),
        f"this line has no ':' after its key: write '{key}: {value}'",
    )


def _too_deep(where: _Where) -> _Hint | None:
    if "nesting depth" not in where.problem:
        return None
    return _Hint(
        where.line,
        where.column,
        "nesting depth far beyond what any scenario needs (lists and mappings inside each other): "
        "look for [ or { repeated, or opened and never closed",
    )


_DETECTORS: tuple[Callable[[_Where], _Hint | None], ...] = (
    _too_deep,
    _tab,
    _quote_closed_early,
    _unclosed,
    _no_space_after_colon,
    _colon_in_text,
    _misplaced_dash,
    _misindented,
    _missing_colon,
)
"""The causes, most certain first: each looks for its own tell-tale and passes if it is absent."""
