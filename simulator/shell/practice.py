"""The composition root of a practice run: one place that wires a conversation together.

The command line (`coach practice`), graded rounds (`coach practice --round`) and the tests
all start a run here: a session on a loaded scenario, a transcript file opened and headed,
and the `Conversation` the front ends drive. Then `hold` runs the front end that fits the
terminal, closes the transcript and returns the closing report's lines.
"""

from __future__ import annotations

import secrets
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.clock import file_stamp, utc_now
from simulator.engine.session import Session
from simulator.engine.transcript import TranscriptWriter, header_record
from simulator.errors import TranscriptError
from simulator.scenario.catalogue import LoadedScenario
from simulator.shell.conversation import Conversation, TurnSink
from simulator.shell.environment import transcripts_folder


def default_transcript_path(scenario_id: str) -> Path:
    """Where a transcript goes when no --transcript is given (see the README)."""
    return transcripts_folder() / f"{scenario_id}-{file_stamp()}-{secrets.token_hex(3)}.jsonl"


def open_transcript(path: Path) -> TranscriptWriter:
    """A writer on a new transcript file; an existing file is never overwritten."""
    try:
        return TranscriptWriter.create(path)
    except FileExistsError:
        raise TranscriptError(f"{path}: already exists; choose another --transcript path") from None
    except OSError as error:
        raise TranscriptError(f"{path}: cannot write ({error.strerror})") from None


def random_seed() -> int:
    """A seed for a conversation the trainee did not seed."""
    return secrets.randbelow(1_000_000)


@dataclass
class PracticeRun:
    """A conversation ready to hold, and where its transcript is written."""

    conversation: Conversation
    transcript_path: Path | None

    @property
    def session(self) -> Session:
        """The session the conversation drives."""
        return self.conversation.session


def start_practice(
    loaded: LoadedScenario,
    session: Session,
    writer: TranscriptWriter | None,
    *,
    transcript_path: Path | None = None,
    header_extra: Mapping[str, Any] | None = None,
    allow_undo: bool = True,
    allow_hints: bool = True,
    sink: TurnSink | None = None,
) -> PracticeRun:
    """Head the transcript (with any turns the session already holds) and build the conversation."""
    if writer is not None:
        try:
            writer.write(
                {**header_record(session, loaded.text, utc_now(), loaded.source), **(header_extra or {})}
            )
            for turn in session.turns:  # a resumed conversation's transcript holds it all
                writer.turn(turn)
        except TranscriptError:
            writer.close()  # a transcript that never got its header leaves nothing behind
            raise
    conversation = Conversation(session, writer, allow_undo=allow_undo, allow_hints=allow_hints, sink=sink)
    return PracticeRun(conversation, transcript_path)


def run_front_end(conversation: Conversation, show_meter: bool, echo: Callable[[str], None]) -> str:
    """Run the practice app on a terminal, the piped mode otherwise; return why the conversation ended."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        from simulator.shell.tui import run_interactive

        return run_interactive(conversation, show_meter=show_meter)
    from simulator.shell.console import lenient
    from simulator.shell.piped import run_piped

    return run_piped(conversation, lenient(sys.stdin), echo, show_meter=show_meter)


def hold(run: PracticeRun, show_meter: bool, echo: Callable[[str], None]) -> Iterable[str]:
    """Hold the conversation to its end, close the transcript, and return the closing report."""
    from simulator.shell.render import closing_report

    session = run.session
    ended = session.end_reason
    reason = ended.value if ended is not None else run_front_end(run.conversation, show_meter, echo)
    run.conversation.finish(reason, utc_now())
    return closing_report(session, terminal_width())


def terminal_width() -> int | None:
    """The columns to wrap the closing report to on a terminal (None when output is a file or pipe)."""
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns - 1


def check_saved(run: PracticeRun) -> None:
    """`TranscriptError` when a line or the transcript's end could not be saved (a full disk)."""
    unsaved = run.conversation.unsaved
    if unsaved is not None:
        raise TranscriptError(
            f"{unsaved}; the transcript holds every whole turn before that and can be scored"
        )
