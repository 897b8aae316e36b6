"""The files commands write for their user (pages, tables, starters): put in place whole, or not at all.

Each is written to a temporary file in its folder and renamed into place (`simulator.files`),
so a full disk, a file-size limit or a killed process never leaves half a report, an empty
file, or an old report destroyed. A path that is a directory, a device or a pipe is refused.
"""

from __future__ import annotations

from pathlib import Path

from simulator.errors import CoachError
from simulator.files import write_atomically


def write_output(path: Path, text: str) -> None:
    """Write (or replace) an output file whole; a failure is one clear line and leaves any old file as it was."""
    write_atomically(path, text, overwrite=True)


def write_new(path: Path, text: str, option: str = "--output") -> None:
    """Write a new file whole, never over an existing one (whose path the error names, with the option to change)."""
    try:
        write_atomically(path, text, overwrite=False)
    except FileExistsError:
        raise CoachError(f"{path}: already exists; choose another {option} path") from None
