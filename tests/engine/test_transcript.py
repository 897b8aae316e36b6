"""Transcripts: written turn by turn, read back exactly, and kept when the process is killed."""

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.engine.session import Session
from simulator.engine.transcript import (
    TranscriptError,
    TranscriptWriter,
    end_record,
    header_record,
    parse_transcript,
    read_transcript,
)
from simulator.scenario import catalogue
from simulator.shell.conversation import Conversation
from simulator.trainer.rehearsal import play
from tests.strategies import trainee_text

LOADED = catalogue.load(catalogue.DEFAULT_SCENARIO)


def write(session: Session, lines: list[str], undo_last: bool = False) -> str:
    stream = io.StringIO()
    writer = TranscriptWriter(stream)
    conversation = Conversation(session, writer)
    writer.write(header_record(session, LOADED.text, "t0", "test"))
    for line in lines:
        conversation.handle(line)
    if undo_last:
        conversation.handle("/undo")
    writer.write(end_record(session, "eof", "t1"))
    return stream.getvalue()


@given(
    st.lists(trainee_text.filter(lambda t: not t.strip().startswith("/")), max_size=8), st.integers(0, 1000)
)
@pytest.mark.slow
def test_transcript_round_trip_gives_back_every_turn(lines: list[str], seed: int) -> None:
    session = Session(LOADED.scenario, seed)
    text = write(session, lines)
    transcript = parse_transcript(text.splitlines(), "t.jsonl")
    replay = play(LOADED.scenario, transcript.trainee_lines, transcript.header["seed"])
    assert transcript.turns == [turn.as_record() for turn in replay.turns]
    assert transcript.end is not None and transcript.end["turns"] == len(replay.turns)


def test_header_ties_the_transcript_to_the_scenario_bytes() -> None:
    header = header_record(Session(LOADED.scenario, 7), LOADED.text, "t0", "bundled")
    assert header["format"] == "coach-transcript/1" and header["seed"] == 7
    assert header["scenario"] == LOADED.scenario.id and len(header["scenario_sha256"]) == 64


def test_undone_turn_is_dropped_when_read_back() -> None:
    text = write(Session(LOADED.scenario, 1), ["Hello Grace.", "Did you do the notes?"], undo_last=True)
    transcript = parse_transcript(text.splitlines(), "t.jsonl")
    assert transcript.trainee_lines == ["Hello Grace."]
    assert '"type":"undo"' in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty transcript"),
        ("not json\n", "t.jsonl:1: not JSON"),
        ('{"type": "turn", "trainee": "x"}\n', "t.jsonl:1: expected a coach-transcript/1 header first"),
        (
            '{"type":"header","format":"coach-transcript/1"}\n{"type":"undo","n":3}\n',
            "t.jsonl:2: undo of a turn",
        ),
        (
            '{"type":"header","format":"coach-transcript/1"}\n{"type":"what"}\n',
            "t.jsonl:2: unknown object type",
        ),
    ],
)
def test_bad_transcript_names_the_line(content: str, message: str) -> None:
    with pytest.raises(TranscriptError, match=message):
        parse_transcript(content.splitlines(), "t.jsonl")


def test_read_transcript_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match="cannot read"):
        read_transcript(tmp_path / "none.jsonl")


@pytest.mark.slow
def test_killed_process_keeps_every_completed_turn(tmp_path: Path) -> None:
    path = tmp_path / "killed.jsonl"
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "simulator",
            "practice",
            "--seed",
            "3",
            "--no-meter",
            "--transcript",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        process.stdout.readline()  # the coachee's opening line
        for line in ["Hello Grace, thanks for coming.", "It sounds like a hard month."]:
            process.stdin.write(line + "\n")
            process.stdin.flush()
            process.stdout.readline()  # the reply: the turn is complete and on disk
        deadline = time.monotonic() + 10
        while len(path.read_text().splitlines()) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.wait()
    transcript = read_transcript(path)
    assert transcript.trainee_lines == ["Hello Grace, thanks for coming.", "It sounds like a hard month."]
    assert transcript.end is None
    assert all(json.loads(line) for line in path.read_text().splitlines())
