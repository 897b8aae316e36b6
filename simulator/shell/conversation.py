"""What both front ends drive: a session, its transcript on disk, and the slash commands.

A typed line becomes one `Outcome`: a played turn, an undo, a hint, help, a message,
or the end. The front ends only render outcomes, so the interactive app and the piped
mode behave alike, and tests can drive a conversation without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from simulator.arc import Suggestion
from simulator.engine.hint import hint_for
from simulator.engine.session import Session
from simulator.engine.transcript import TranscriptWriter, end_record
from simulator.errors import CoachError
from simulator.records import Turn
from simulator.text import clean_line

COMMANDS = {
    "/hint": "suggest a move that fits this moment, with an example",
    "/undo": "take back your last line",
    "/help": "show these commands",
    "/quit": "end the conversation, save it and show the summary (Ctrl-D does the same)",
}


class OutcomeKind(StrEnum):
    """What a typed line led to: a played turn, an undo, a hint, the help, a message, or the end."""

    TURN = "turn"
    UNDO = "undo"
    HINT = "hint"
    HELP = "help"
    MESSAGE = "message"
    UNSAVED = "unsaved"
    QUIT = "quit"


class TurnSink(Protocol):
    """Somewhere besides the transcript that records a conversation as it goes (the gradebook)."""

    def turn(self, turn: Turn) -> None:
        """Record a played turn."""

    def undo(self, turn: Turn) -> None:
        """Record that the trainee took `turn` back."""

    def finish(self, session: Session, reason: str, ended_at: str) -> None:
        """Record the end of the conversation."""


@dataclass(frozen=True)
class Outcome:
    """What one typed line led to, for a front end to show."""

    kind: OutcomeKind
    turn: Turn | None = None
    hint: Suggestion | None = None
    message: str = ""


class Conversation:
    """A session with its transcript writer, an optional sink, and the round's rules for hints and undo."""

    def __init__(
        self,
        session: Session,
        writer: TranscriptWriter | None = None,
        *,
        allow_undo: bool = True,
        allow_hints: bool = True,
        sink: TurnSink | None = None,
    ) -> None:
        self.session = session
        self.writer = writer
        self.allow_undo = allow_undo
        self.allow_hints = allow_hints
        self.sink = sink
        self.ended = False
        self.unsaved: str | None = None
        """Why the transcript last refused a write (a full disk), until a later write succeeds."""

    def handle(self, line: str) -> Outcome:
        """Play a trainee line or carry out a slash command; never raises for anything typed."""
        command = clean_line(line).lower()
        if command.startswith("/") and command[1:2].isalpha():
            return self._command(command.split()[0])
        try:
            turn = self.session.say(line)
        except CoachError as error:
            return Outcome(OutcomeKind.MESSAGE, message=str(error))
        # A turn the transcript or the sink (the record a grade is made from) could not keep is
        # taken back everywhere, so the coachee the trainee sees never runs ahead of the record.
        if self.writer is not None:
            try:
                self.writer.turn(turn)
            except CoachError as error:
                self.session.undo()
                self.unsaved = str(error)
                return Outcome(
                    OutcomeKind.UNSAVED, message=f"{error}; that line was not saved, please say it again"
                )
            self.unsaved = None
        if self.sink is not None:
            try:
                self.sink.turn(turn)
            except CoachError as error:
                self.session.undo()
                if self.writer is not None:
                    self.writer.retract(turn)
                return Outcome(
                    OutcomeKind.MESSAGE, message=f"{error}; that line was not recorded, please say it again"
                )
        return Outcome(OutcomeKind.TURN, turn=turn)

    def _command(self, command: str) -> Outcome:
        if command in ("/quit", "/exit"):
            return Outcome(OutcomeKind.QUIT)
        if command == "/help":
            return Outcome(
                OutcomeKind.HELP, message=help_text(allow_hints=self.allow_hints, allow_undo=self.allow_undo)
            )
        if command == "/hint":
            if not self.allow_hints:
                return Outcome(OutcomeKind.MESSAGE, message="hints are switched off for this round")
            return Outcome(OutcomeKind.HINT, hint=hint_for(self.session))
        if command == "/undo":
            if not self.allow_undo:
                return Outcome(OutcomeKind.MESSAGE, message="undo is switched off for this round")
            undone = self.session.undo()
            if undone is None:
                return Outcome(OutcomeKind.MESSAGE, message="nothing to undo yet")
            try:
                if self.writer is not None:
                    self.writer.undo(undone)
            except CoachError as error:
                self.session.play(undone.move, undone.trainee)  # the turn stands, as the transcript says
                return Outcome(OutcomeKind.MESSAGE, message=f"{error}; your last line still stands")
            try:
                if self.sink is not None:
                    self.sink.undo(undone)
            except CoachError as error:
                self.session.play(undone.move, undone.trainee)
                if self.writer is not None:
                    self.writer.turn(undone)  # after its undo, the turn read back stands again
                return Outcome(OutcomeKind.MESSAGE, message=f"{error}; your last line still stands")
            return Outcome(OutcomeKind.UNDO, turn=undone)
        return Outcome(OutcomeKind.MESSAGE, message=f"unknown command {command}; /help lists the commands")

    def finish(self, reason: str, ended_at: str) -> None:
        """Write the end of the transcript (and to the sink) and close it; later calls do nothing."""
        if self.ended:
            return
        self.ended = True
        if self.writer is not None:
            try:
                self.writer.write(end_record(self.session, reason, ended_at))
            except CoachError as error:
                # Every turn is already on disk; a transcript without its end reads as cut off.
                self.unsaved = self.unsaved or str(error)
            finally:
                self.writer.close()
        if self.sink is not None:
            self.sink.finish(self.session, reason, ended_at)


def help_text(*, allow_hints: bool = True, allow_undo: bool = True) -> str:
    """The commands a trainee can type (those the round allows), one per line."""
    switched_off = {name for name, allowed in (("/hint", allow_hints), ("/undo", allow_undo)) if not allowed}
    rows = [f"{name:<7} {meaning}" for name, meaning in COMMANDS.items() if name not in switched_off]
    rows.append("Ctrl-C  clear the line you are typing")
    return "\n".join(rows)
