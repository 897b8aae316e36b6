"""The conversation's sink: what records a conversation beside its transcript (the gradebook)."""

import io
from pathlib import Path

from simulator.engine.session import Session
from simulator.engine.transcript import TranscriptWriter, parse_transcript_text, read_transcript
from simulator.errors import CoachError, TranscriptError
from simulator.records import Turn
from simulator.scenario import catalogue
from simulator.shell.conversation import Conversation, OutcomeKind

NURSE = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario


class ListSink:
    """A fake gradebook: keeps the lines, and can be told to fail the next write."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.ended: str | None = None
        self.fail_next = False

    def turn(self, turn: Turn) -> None:
        if self.fail_next:
            self.fail_next = False
            raise CoachError("gradebook: database is locked")
        self.lines.append(turn.trainee)

    def undo(self, turn: Turn) -> None:
        assert self.lines[-1] == turn.trainee
        self.lines.pop()

    def finish(self, session: Session, reason: str, ended_at: str) -> None:
        self.ended = reason


def test_the_sink_sees_every_turn_undo_and_the_end() -> None:
    sink = ListSink()
    conversation = Conversation(Session(NURSE, seed=1), sink=sink)
    for line in ["Hello.", "What matters to you?", "/undo", "It sounds like a long month."]:
        conversation.handle(line)
    conversation.finish("quit", "2026-01-01T00:00:00+00:00")
    assert sink.lines == ["Hello.", "It sounds like a long month."] and sink.ended == "quit"


def test_a_turn_the_sink_cannot_keep_is_taken_back_everywhere(tmp_path: Path) -> None:
    sink = ListSink()
    session = Session(NURSE, seed=1)
    writer = TranscriptWriter.create(tmp_path / "t.jsonl")
    writer.write({"type": "header", "format": "coach-transcript/1", "scenario": NURSE.id, "seed": 1})
    conversation = Conversation(session, writer, sink=sink)
    conversation.handle("Hello.")
    sink.fail_next = True
    outcome = conversation.handle("What matters to you?")
    assert outcome.kind == "message" and "not recorded" in outcome.message
    assert [turn.trainee for turn in session.turns] == ["Hello."] == sink.lines
    conversation.handle("What matters to you?")
    conversation.finish("eof", "2026-01-01T00:00:00+00:00")
    assert (
        read_transcript(tmp_path / "t.jsonl").trainee_lines
        == sink.lines
        == ["Hello.", "What matters to you?"]
    )


def test_help_lists_only_the_commands_the_round_allows() -> None:
    graded = Conversation(Session(catalogue.load(catalogue.DEFAULT_SCENARIO).scenario), allow_undo=False)
    message = graded.handle("/help").message
    assert "/hint" in message and "/undo" not in message and "/quit" in message


class FullDiskWriter(TranscriptWriter):
    """A transcript stream whose writes fail while `full` is set, as on a full disk."""

    def __init__(self) -> None:
        super().__init__(io.StringIO())
        self.full = False

    def write(self, record: dict[str, object]) -> None:
        if self.full:
            raise TranscriptError("t.jsonl: cannot write (No space left on device)")
        super().write(record)

    def text(self) -> str:
        stream = self._stream
        assert isinstance(stream, io.StringIO)
        return stream.getvalue()


def test_a_turn_the_transcript_cannot_keep_is_taken_back_everywhere_and_asked_for_again() -> None:
    sink, writer = ListSink(), FullDiskWriter()
    session = Session(NURSE, seed=1)
    writer.write({"type": "header", "format": "coach-transcript/1", "scenario": NURSE.id, "seed": 1})
    conversation = Conversation(session, writer, sink=sink)
    conversation.handle("Hello.")
    writer.full = True
    outcome = conversation.handle("What matters to you?")
    assert outcome.kind is OutcomeKind.UNSAVED and "please say it again" in outcome.message
    assert [turn.trainee for turn in session.turns] == ["Hello."] == sink.lines
    assert conversation.unsaved is not None and "No space left" in conversation.unsaved
    writer.full = False
    assert conversation.handle("What matters to you?").kind is OutcomeKind.TURN
    assert conversation.unsaved is None
    assert (
        parse_transcript_text(writer.text(), "t").trainee_lines
        == sink.lines
        == ["Hello.", "What matters to you?"]
    )


def test_an_undo_the_transcript_cannot_record_leaves_the_turn_standing() -> None:
    writer = FullDiskWriter()
    session = Session(NURSE, seed=1)
    conversation = Conversation(session, writer)
    conversation.handle("Hello.")
    before = session.condition()
    writer.full = True
    outcome = conversation.handle("/undo")
    assert outcome.kind is OutcomeKind.MESSAGE and "still stands" in outcome.message
    assert [turn.trainee for turn in session.turns] == ["Hello."] and session.condition() == before


def test_an_end_the_transcript_cannot_record_is_reported_and_the_file_closed() -> None:
    writer = FullDiskWriter()
    conversation = Conversation(Session(NURSE, seed=1), writer)
    conversation.handle("Hello.")
    writer.full = True
    conversation.finish("eof", "2026-01-01T00:00:00+00:00")
    assert conversation.unsaved is not None and conversation.ended
