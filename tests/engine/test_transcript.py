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

from simulator.engine import transcript as transcript_module
from simulator.engine.session import Session
from simulator.engine.transcript import (
    TranscriptError,
    TranscriptWriter,
    end_record,
    header_record,
    parse_transcript,
    parse_transcript_text,
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


def header(session: Session) -> dict[str, object]:
    return header_record(session, LOADED.text, "t0", "bundled:ward-nurse-charting")


def test_a_transcript_file_appears_only_once_its_header_is_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    writer = TranscriptWriter.create(path)
    assert not path.exists()
    writer.write(header(Session(LOADED.scenario, 1)))
    assert path.exists() and len(os.listdir(tmp_path)) == 1
    writer.close()


def test_a_transcript_closed_before_its_header_leaves_nothing(tmp_path: Path) -> None:
    TranscriptWriter.create(tmp_path / "t.jsonl").close()
    assert os.listdir(tmp_path) == []


def test_an_existing_transcript_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text("mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        TranscriptWriter.create(path)
    assert path.read_text(encoding="utf-8") == "mine\n"


def test_a_write_cut_short_by_a_full_disk_is_taken_off_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "t.jsonl"
    session = Session(LOADED.scenario, 1)
    writer = TranscriptWriter.create(path)
    writer.write(header(session))
    writer.turn(session.say("Hello Grace."))
    whole = path.read_bytes()

    def disk_full(descriptor: int, data: bytes) -> None:
        os.write(descriptor, bytes(data)[:25])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(transcript_module, "write_all", disk_full)
    with pytest.raises(TranscriptError, match=r"t.jsonl: cannot write \(No space left on device\)"):
        writer.turn(session.say("It sounds like a hard month."))
    assert path.read_bytes() == whole
    monkeypatch.undo()
    writer.turn(session.turns[-1])  # space again: the next write lands where the failed one began
    writer.close()
    assert read_transcript(path).trainee_lines == ["Hello Grace.", "It sounds like a hard month."]


def test_retracting_a_turn_cuts_the_file_back_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    session = Session(LOADED.scenario, 1)
    writer = TranscriptWriter.create(path)
    writer.write(header(session))
    writer.turn(session.say("Hello Grace."))
    before = path.read_bytes()
    writer.turn(turn := session.say("What matters to you?"))
    writer.retract(turn)
    writer.close()
    assert path.read_bytes() == before


def test_a_last_line_cut_off_part_way_is_dropped_and_said_so() -> None:
    text = write(Session(LOADED.scenario, 1), ["Hello Grace.", "What matters to you?"])
    body = text[: text.rindex('{"type":"end"')]  # no end record, as after a kill
    cut = body[: body.rindex('{"type":"turn"') + 30]
    transcript = parse_transcript_text(cut, "t.jsonl")
    assert transcript.trainee_lines == ["Hello Grace."] and transcript.cut_short
    whole = parse_transcript_text(body.rstrip("\n"), "t.jsonl")  # a whole last line without its newline
    assert whole.trainee_lines == ["Hello Grace.", "What matters to you?"] and not whole.cut_short


def test_a_broken_line_before_the_last_is_still_an_error_naming_it() -> None:
    text = write(Session(LOADED.scenario, 1), ["Hello Grace.", "What matters to you?"])
    lines = text.splitlines()
    lines[1] = lines[1][:30]
    with pytest.raises(TranscriptError, match=r"t.jsonl:2: not JSON"):
        parse_transcript_text("\n".join(lines) + "\n", "t.jsonl")


@pytest.mark.parametrize(
    ("line", "message"),
    [("9" * 5000, "a number too long"), ("[" * 100_000 + "]" * 100_000, "nested too deeply")],
)
def test_json_no_reader_accepts_is_one_located_line(line: str, message: str) -> None:
    text = '{"type":"header","format":"coach-transcript/1"}\n' + line + "\n{}\n"
    with pytest.raises(TranscriptError, match=f"t.jsonl:2: .*{message}"):
        parse_transcript_text(text, "t.jsonl")


def test_a_transcript_that_is_a_device_or_a_pipe_is_refused_unread(tmp_path: Path) -> None:
    fifo = tmp_path / "t.jsonl"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(TranscriptError, match="not a regular file"):
            read_transcript(path)
