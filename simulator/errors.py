"""The one exception hierarchy of the project.

    CoachError                 anything a user can be told about in one line
    ├── ScenarioError          a scenario, phrases file or other YAML file that cannot be used,
    │                          with every problem located             (simulator.scenario.loading)
    ├── ScenarioNotFound       no bundled scenario or file by that name (simulator.scenario.catalogue)
    ├── BadScenarioId          an id `coach new` cannot use           (simulator.scenario.starter)
    ├── NothingSaid            a trainee line that is blank once cleaned (simulator.engine.session)
    ├── ConversationOver       a line said past the turn limit         (simulator.engine.session)
    ├── TranscriptError        a practice transcript that cannot be read (simulator.engine.transcript)
    ├── TranscriptMismatch     a transcript drawn against another scenario (simulator.trainer.graph)
    ├── UnreadableTranscript   a transcript file that cannot be scored (simulator.shell.scoring_files)
    ├── ExternalTranscriptError  a two-person transcript with a wrong line (scoring.external)
    ├── RoundError             a round or rubric file that cannot be used, a trainee with nothing to resume
    │                                                                 (simulator.rounds.round_file)
    ├── GradebookError         a gradebook that cannot be opened or written, an unknown round
    │                                                                 (simulator.rounds.gradebook)
    ├── UnreadableFile         a file a user named that is not a regular, readable, small enough
    │                          UTF-8 file                              (simulator.files)
    └── UnwritableFile         an output file that could not be written whole (simulator.files)

The core raises these with the context a user needs (file, line, field, how to fix);
only the command line turns them into messages, and never prints a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class CoachError(Exception):
    """Base of every error the command line reports as one line and exit status 1."""


@dataclass(frozen=True)
class Problem:
    """One located problem in a scenario file."""

    line: int
    column: int
    message: str
    severity: str = "error"

    def render(self, source: str) -> str:
        """`PATH:LINE:COL: severity: message`, the form editors and trainers read."""
        return f"{source}:{self.line}:{self.column}: {self.severity}: {self.message}"


class ScenarioError(CoachError):
    """A scenario file that cannot be used, with every problem found in it."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(problems[0].render(source) if problems else f"{source}: invalid scenario")

    def __reduce__(self) -> tuple[type[ScenarioError], tuple[str, list[Problem]]]:
        # Rebuilt from its parts, so it crosses from a worker process (`coach score` on many files).
        return (type(self), (self.source, self.problems))


class ScenarioNotFound(CoachError):
    """No bundled scenario has that id and no file has that path."""


class BadScenarioId(CoachError):
    """A scenario id that the schema would refuse."""


class NothingSaid(CoachError):
    """The trainee's line was empty once control characters and spaces were removed."""


class ConversationOver(CoachError):
    """A line was said after the conversation reached its turn limit."""


class TranscriptError(CoachError):
    """A transcript file that cannot be read, with the line that is wrong."""


class TranscriptMismatch(CoachError):
    """A transcript that does not belong to the scenario being drawn, or names unknown states."""


class UnreadableTranscript(CoachError):
    """A transcript file that cannot be scored."""


class ExternalTranscriptError(CoachError):
    """An external transcript that cannot be read, naming the line."""


class RoundError(CoachError):
    """A round file that cannot be used, or a round or trainee the gradebook does not know."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems or (message,)


class GradebookError(CoachError):
    """The gradebook cannot be opened or written, or holds no such round or conversation."""


class UnreadableFile(CoachError):
    """A file a user named that cannot be read: missing, not a regular file, too large, or not UTF-8.

    `line` and `column` locate a decoding error; the other reasons concern the whole file.
    """

    def __init__(self, source: str, reason: str, line: int | None = None, column: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        self.column = column
        where = source if line is None else f"{source}:{line}:{column}"
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[type[UnreadableFile], tuple[str, str, int | None, int | None]]:
        return (type(self), (self.source, self.reason, self.line, self.column))


class UnwritableFile(CoachError):
    """An output file that could not be written whole (a full disk, a file-size limit, no permission)."""
