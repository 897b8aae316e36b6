"""A coachee who ends the meeting: both front ends show it, stop, and save why it ended."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from simulator.engine.session import Session
from simulator.engine.transcript import TranscriptWriter, header_record, read_transcript
from simulator.scenario import catalogue
from simulator.shell.cli import main
from simulator.shell.conversation import Conversation
from simulator.shell.tui import run_interactive

LOADED = catalogue.load("ward-nurse-charting")
WALKS_OUT = "If this carries on you'll be written up."


def test_piped_practice_shows_the_coachee_leaving_and_reads_no_more_lines(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    lines = f"Hello Grace.\n{WALKS_OUT}\nWait, come back.\n"
    result = CliRunner().invoke(main, ["practice", "--seed", "3", "--transcript", str(path)], input=lines)
    assert result.exit_code == 0, result.output
    assert "Grace Mensah has left the meeting: that line hit the nerve" in result.output
    assert LOADED.scenario.closing.text not in result.output  # the leaving line was her last word
    transcript = read_transcript(path)
    assert transcript.trainee_lines == ["Hello Grace.", WALKS_OUT]
    assert transcript.end is not None
    assert transcript.end["reason"] == "coachee_left" and transcript.end["end_rule"] == "end.hot_button"
    assert transcript.turns[-1]["rules"][-1] == "end.hot_button"


def test_the_transcript_header_records_the_personality_the_seed_drew(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    CliRunner().invoke(main, ["practice", "--seed", "11", "--transcript", str(path)], input="Hello.\n")
    header = read_transcript(path).header
    assert header["personality"] == Session(LOADED.scenario, 11).personality.as_record()
    assert 1.1 <= header["personality"]["sensitivity"] <= 1.3


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe_input, create_app_session(input=pipe_input, output=DummyOutput()):
        yield pipe_input


def test_the_terminal_app_ends_when_the_coachee_leaves(pipe: PipeInput, tmp_path: Path) -> None:
    session = Session(LOADED.scenario, seed=2)
    writer = TranscriptWriter.create(tmp_path / "t.jsonl")
    writer.write(header_record(session, LOADED.text, "t0", "test"))
    conversation = Conversation(session, writer)
    pipe.send_text(f"Hello.\r{WALKS_OUT}\rNever sent.\r")
    reason = run_interactive(conversation, input=pipe, output=DummyOutput())
    conversation.finish(reason, "t1")
    assert reason == "coachee_left" and len(session.turns) == 2
    transcript = read_transcript(tmp_path / "t.jsonl")
    assert transcript.end is not None and transcript.end["reason"] == "coachee_left"
