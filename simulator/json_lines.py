"""Reading JSON Lines where every object must be a JSON object, with errors that name the line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from simulator.errors import CoachError


def json_objects(
    lines: list[str], source: str, error: type[CoachError]
) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """Each non-blank line as (`source:line`, line number, object); `error` names a line that is not an object."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as problem:
            raise error(f"{where}: not JSON ({problem.msg})") from None
        except ValueError:  # a number of more than 4,300 digits
            raise error(f"{where}: not JSON this reader accepts (a number too long)") from None
        except RecursionError:
            raise error(f"{where}: not JSON this reader accepts (nested too deeply)") from None
        if not isinstance(record, dict):
            raise error(f"{where}: expected a JSON object")
        yield where, number, record
