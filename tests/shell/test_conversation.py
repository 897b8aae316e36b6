"""The conversation's sink: what records a conversation beside its transcript (the gradebook)."""

from pathlib import Path

from simulator.engine.session import Session
from simulator.engine.transcript import TranscriptWriter, read_transcript
from simulator.errors import CoachError
from simulator.records import Turn
from simulator.scenario import catalogue
from simulator.shell.conversation import Conversation

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
