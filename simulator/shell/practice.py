"""The composition root of a practice run: one place that wires a conversation together.

The command line (`coach practice`), graded rounds (`coach practice --round`) and the tests
all start a run here: a session on a loaded scenario, a transcript file opened and headed,
and the `Conversation` the front ends drive. Then `hold` runs the front end that fits the
terminal, closes the transcript and returns the closing report's lines.

`prepare_practice` starts a plain practice run the fast way (`warm_start`): the first screen
from the scenario cache, the run made in a background thread while it is read. Nothing heavy
(pydantic, the engine, numpy) is imported at the top of this module, so the first screen
never waits for it.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulator.clock import file_stamp, utc_now
from simulator.errors import TranscriptError
from simulator.shell.environment import transcripts_folder
from simulator.shell.warm_start import PendingRun
from simulator.shell.warm_start import PracticeRun as PracticeRun  # where its users have always found it

if TYPE_CHECKING:
    from simulator.engine.session import Session
    from simulator.engine.transcript import TranscriptWriter
    from simulator.scenario.catalogue import LoadedScenario
    from simulator.shell.conversation import TurnSink


def default_transcript_path(scenario_id: str) -> Path:
    """Where a transcript goes when no --transcript is given (see the README)."""
    return transcripts_folder() / f"{scenario_id}-{file_stamp()}-{os.urandom(3).hex()}.jsonl"


def refuse_existing(path: Path) -> None:
    """`TranscriptError` when a transcript is already there (checked again, atomically, on creation)."""
    if os.path.lexists(path):
        raise TranscriptError(f"{path}: already exists; choose another --transcript path")


def open_transcript(path: Path) -> TranscriptWriter:
    """A writer on a new transcript file; an existing file is never overwritten."""
    from simulator.engine.transcript import TranscriptWriter

    try:
        return TranscriptWriter.create(path)
    except FileExistsError:
        raise TranscriptError(f"{path}: already exists; choose another --transcript path") from None
    except OSError as error:
        raise TranscriptError(f"{path}: cannot write ({error.strerror})") from None


def random_seed() -> int:
    """A seed for a conversation the trainee did not seed (from the operating system's randomness)."""
    import random

    return random.SystemRandom().randrange(1_000_000)


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
    from simulator.engine.transcript import header_record
    from simulator.shell.conversation import Conversation

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


def prepare_practice(name: str | None, seed: int | None, transcript: Path | None) -> tuple[PendingRun, Path]:
    """A plain practice run on a scenario, pending: its first screen known, the rest made when started.

    What can be refused at once is refused here, before anything is shown: an unknown
    scenario, a broken scenario file (on its first use), an existing transcript.
    """
    from simulator.scenario import catalogue
    from simulator.shell.warm_start import first_screen

    opening, scenario = first_screen(catalogue.find(name))
    chosen_seed = random_seed() if seed is None else seed
    path = transcript or default_transcript_path(opening.scenario_id)
    refuse_existing(path)

    def make() -> PracticeRun:
        from simulator.engine.session import Session

        loaded = scenario()
        session = Session(loaded.scenario, seed=chosen_seed)
        return start_practice(loaded, session, open_transcript(path), transcript_path=path)

    return PendingRun(opening, make), path


def is_terminal() -> bool:
    """Whether the practice app can run: standard input and output are both a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def run_front_end(pending: PendingRun, show_meter: bool, echo: Callable[[str], None]) -> str:
    """Run the practice app on a terminal, the piped mode otherwise; return why the conversation ended."""
    if is_terminal():
        from simulator.shell.tui import run_interactive

        return run_interactive(pending, show_meter=show_meter)
    from simulator.shell.console import lenient
    from simulator.shell.piped import run_piped

    return run_piped(pending.result().conversation, lenient(sys.stdin), echo, show_meter=show_meter)


def hold(run: PracticeRun | PendingRun, show_meter: bool, echo: Callable[[str], None]) -> Iterable[str]:
    """Hold the conversation to its end, close the transcript, and return the closing report.

    A run made already (a graded round's) is warmed up while the practice app shows its first
    screen; a pending run is made then.
    """
    pending = run if isinstance(run, PendingRun) else PendingRun.of(run, warm=is_terminal())
    made = pending.made
    ended = made.session.end_reason if made is not None else None
    reason = ended.value if ended is not None else run_front_end(pending, show_meter, echo)
    ready = pending.result()
    ready.conversation.finish(reason, utc_now())
    from simulator.shell.render import closing_report

    return closing_report(ready.session, terminal_width())


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
