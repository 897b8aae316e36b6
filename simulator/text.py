"""Making untrusted text safe to process, store and show in a terminal.

Trainee lines and scenario text can hold anything: terminal escape sequences that
would recolour or clear the screen, control characters, invisible bidi overrides,
ten thousand characters pasted by accident. Everything shown or stored passes here.
"""

from __future__ import annotations

import json
import re
import unicodedata

MAX_LINE_CHARS = 2000
"""Longer trainee lines are cut here: no coaching line is longer, and the cut keeps turns fast."""

_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI: colours, cursor moves, screen clears
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)? # OSC: window titles, hyperlinks
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?     # DCS, SOS, PM, APC strings
    | \x1b[@-Z\\-_]                    # two-character escapes
    | \x9b[0-?]*[ -/]*[@-~]            # 8-bit CSI
    """,
    re.VERBOSE,
)


def strip_control(text: str) -> str:
    """`text` without escape sequences and without control or format characters (tabs become spaces)."""
    if text.isprintable():
        return text  # the common case: nothing to strip (isprintable is False for any Cc, Cf, Cs or Co)
    text = _ESCAPE_SEQUENCE.sub("", text)
    return "".join(
        " " if char in "\t\n\r\v\f" else char
        for char in text
        if char in "\t\n\r\v\f" or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co")
    )


def clean_line(text: str) -> str:
    """A trainee line ready for a turn: no controls, single spaces, at most MAX_LINE_CHARS characters."""
    return " ".join(strip_control(text[: MAX_LINE_CHARS * 4]).split())[:MAX_LINE_CHARS]


def terminal_text(text: str) -> str:
    """Text safe to print as it stands: escape sequences and control characters removed, line breaks and tabs kept.

    For the blocks a command prints (tables, reports, diagrams), which quote scenario files,
    transcripts and paths; a single line that must stay one line goes through `strip_control`.
    """
    if text.isprintable():
        return text
    return "\n".join("\t".join(strip_control(cell) for cell in line.split("\t")) for line in text.split("\n"))


def terminal_json(value: object, *, indent: int | None = None) -> str:
    """JSON with every character a terminal could act on escaped (C1 controls, bidi overrides, ...).

    `json.dumps` escapes only what JSON requires; the rest of what is not printable is written
    as a `\\u` escape, which any JSON reader reads back as the same character.
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char == "\n" else json.dumps(char)[1:-1] for char in text)
