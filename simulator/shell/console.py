"""How the command line speaks to its user: errors and warnings as one line on standard error.

The core raises `CoachError`; only here does it become `coach: error: ...` and exit status 1.
Everything printed passes `strip_control`, because messages quote file names, scenario titles
and trainee text, none of which may reach the terminal with escape sequences in it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, NoReturn, TypeVar

import click

from simulator.text import strip_control

F = TypeVar("F", bound=Callable[..., Any])


def error_line(message: object) -> None:
    """One error line on standard error."""
    click.echo(f"coach: error: {strip_control(str(message))}", err=True)


def warn(message: str) -> None:
    """One warning line on standard error."""
    click.echo(f"coach: warning: {strip_control(message)}", err=True)


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
