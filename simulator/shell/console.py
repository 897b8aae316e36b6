"""How the command line speaks to its user: errors and warnings as one line on standard error.

The core raises `CoachError`; only here does it become `coach: error: ...` and exit status 1.
Everything printed passes `strip_control`, because messages quote file names, scenario titles
and trainee text, none of which may reach the terminal with escape sequences in it.
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable
from functools import wraps
from typing import IO, Any, NoReturn, TypeVar

import click

# `simulator.text` is imported where it is used: `coach --help` needs none of it.

F = TypeVar("F", bound=Callable[..., Any])


def error_line(message: object) -> None:
    """One error line on standard error."""
    from simulator.text import strip_control

    click.echo(f"coach: error: {strip_control(str(message))}", err=True)


def warn(message: str) -> None:
    """One warning line on standard error."""
    from simulator.text import strip_control

    click.echo(f"coach: warning: {strip_control(message)}", err=True)


def say(text: str = "", *, nl: bool = True, err: bool = False) -> None:
    """Print what a command found or made: it may quote scenario files, transcripts and paths, so
    escape sequences and control characters are removed (line breaks and tabs are kept)."""
    from simulator.text import terminal_text

    click.echo(terminal_text(text), nl=nl, err=err)


def say_json(value: object, *, indent: int | None = None) -> None:
    """Print JSON with every character a terminal could act on escaped."""
    from simulator.text import terminal_json

    click.echo(terminal_json(value, indent=indent))


def lenient(stream: IO[str]) -> IO[str]:
    """A text stream on which undecodable bytes become U+FFFD instead of an exception.

    Standard input under a UTF-8 locale refuses invalid UTF-8 by default, which would end a
    piped conversation and lose the lines after it; a replaced byte loses only itself. Output
    streams get escapes for what their encoding cannot hold, so no reply ever ends a run.
    """
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
            reconfigure(errors="replace" if stream.readable() else "backslashreplace")
    return stream


def fail(message: object) -> NoReturn:
    """Report one error line and exit with status 1."""
    error_line(message)
    sys.exit(1)


def reports_errors(command: F) -> F:
    """Turn the core's errors into one line on standard error and exit status 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from simulator.errors import CoachError

        try:
            return command(*args, **kwargs)
        except CoachError as error:
            fail(error)

    return wrapper  # type: ignore[return-value]
