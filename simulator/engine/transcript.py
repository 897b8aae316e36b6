"""The simulator's transcript format, coach-transcript/1: JSON Lines, one object per line.

    {"type": "header", "format": "coach-transcript/1", "scenario": ..., "scenario_sha256": ..., "seed": ..., "personality": {...}}
    {"type": "turn", "n": 1, "trainee": ..., "move": {...}, "coachee": ..., "state_before": ..., ...}
    {"type": "undo", "n": 1}            the trainee took turn 1 back; readers drop it
    {"type": "end", "reason": "quit", "turns": ..., "final_state": ..., ...}

The header's `personality` is the coachee the seed drew within the persona's ranges; an end
with `reason` `coachee_left` carries the `end_rule` that says why the coachee left.

The file is append-only and written object by object straight to the operating system,
so a killed process leaves every completed turn on disk, and an undo never rewrites what is
already there. The file appears only once its header is on disk (written under a temporary
name beside it, then linked into place), so a full disk never leaves an empty transcript;
an object that could not be written whole is cut off again, so a full disk never leaves half
a record. Readers still accept a last line cut short (a power cut can do that) and read the
transcript up to its last whole turn.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from simulator.engine.session import Session
from simulator.errors import TranscriptError, UnreadableFile, UnwritableFile
from simulator.files import put_in_place, read_text, remove_quietly, temporary_beside, write_all
from simulator.json_lines import json_objects
from simulator.records import EndReason, Turn
from simulator.version import __version__
from simulator.vocabulary import Attractor

FORMAT = "coach-transcript/1"

MAX_TRANSCRIPT_BYTES = 20_000_000
"""Transcript files above this size are refused unread: a 200-turn conversation is well under a megabyte."""


def scenario_sha256(scenario_text: str) -> str:
    """The content hash that ties a transcript to the exact scenario it was practised on."""
    return hashlib.sha256(scenario_text.encode("utf-8")).hexdigest()


def header_record(session: Session, scenario_text: str, started_at: str, source: str) -> dict[str, Any]:
    """The first object of a transcript."""
    return {
        "type": "header",
        "format": FORMAT,
        "scenario": session.scenario.id,
        "scenario_title": session.scenario.title,
        "scenario_source": source,
        "scenario_sha256": scenario_sha256(scenario_text),
        "seed": session.seed,
        "personality": session.personality.as_record(),
        "engine": __version__,
        "started_at": started_at,
    }


def end_record(session: Session, reason: str, ended_at: str) -> dict[str, Any]:
    """The last object of a transcript: why it ended and where the coachee got to.

    A coachee who left ends it whatever the front end saw: the reason is then `coachee_left`,
    and `end_rule` names why they left (`end.defensive`, `end.hot_button`).
    """
    counts = session.attractor_counts()
    left = session.end_reason is EndReason.COACHEE_LEFT
    end_rule = (
        next((rule for rule in session.turns[-1].rules if rule.startswith("end.")), None) if left else None
    )
    return {
        "type": "end",
        "reason": EndReason.COACHEE_LEFT.value if left else reason,
        **({"end_rule": end_rule} if end_rule else {}),
        "turns": len(session.turns),
        "final_state": session.state.value,
        "peak_state": session.peak.value,
        "revealed": list(session.revealed),
        "pea": counts[Attractor.PEA],
        "nea": counts[Attractor.NEA],
        "ended_at": ended_at,
    }


def encode(record: dict[str, Any]) -> str:
    """One transcript object as one line of JSON (non-ASCII kept readable)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


class TranscriptWriter:
    """Appends transcript objects to a stream, flushing each so a crash loses at most the turn in flight."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    @classmethod
    def create(cls, path: Path) -> TranscriptWriter:
        """A writer of a new transcript file at `path` (parent folders are made); an existing file is refused."""
        return TranscriptFile(path)

    def write(self, record: dict[str, Any]) -> None:
        """Append one object and push it to the operating system."""
        self._stream.write(encode(record))
        self._stream.flush()

    def turn(self, turn: Turn) -> None:
        """Append a played turn."""
        self.write(turn.as_record())

    def undo(self, turn: Turn) -> None:
        """Record that the trainee took `turn` back."""
        self.write({"type": "undo", "n": turn.n})

    def retract(self, turn: Turn) -> None:
        """Take back `turn`, the object written last, after nothing else could keep it.

        A stream can only be appended to, so it records an undo; a file is cut back instead.
        """
        self.undo(turn)

    def close(self) -> None:
        """Close the file."""
        self._stream.close()


class TranscriptFile(TranscriptWriter):
    """A transcript on disk, written with `os.write`: no buffer can hold back, or later repeat, a failed write.

    Until the header is written the file lives under a temporary name beside `path`; the header
    puts it in place, never over an existing file. A write that fails (a full disk, a file-size
    limit) is cut off again, so the file always ends with a whole object, and raises
    `TranscriptError`.
    """

    def __init__(self, path: Path) -> None:
        if os.path.lexists(path):
            raise FileExistsError(f"{path} already exists")
        try:
            self._descriptor, self._temporary = temporary_beside(path)
        except UnwritableFile as error:
            raise TranscriptError(str(error)) from None
        self.path = path
        self._placed = False
        self._length = 0
        self._lengths: list[int] = []
        self._closed = False

    def write(self, record: dict[str, Any]) -> None:
        """Append one object whole, or leave the file as it was and raise `TranscriptError`."""
        if self._closed:
            raise TranscriptError(f"{self.path}: the transcript is closed")
        data = encode(record).encode("utf-8", errors="backslashreplace")  # a lone surrogate stays JSON
        try:
            write_all(self._descriptor, data)
            if not self._placed:
                put_in_place(self._temporary, self.path, overwrite=False)
                self._placed = True
        except FileExistsError:
            self._cut_to(self._length)
            raise TranscriptError(f"{self.path}: already exists; choose another --transcript path") from None
        except OSError as error:
            self._cut_to(self._length)
            raise TranscriptError(f"{self.path}: cannot write ({error.strerror or error})") from None
        self._lengths.append(self._length)
        self._length += len(data)

    def retract(self, turn: Turn) -> None:
        """Cut the file back to before the object written last (`turn`): no space is needed to take it back."""
        if self._lengths:
            self._length = self._lengths.pop()
            self._cut_to(self._length)

    def _cut_to(self, length: int) -> None:
        try:
            os.ftruncate(self._descriptor, length)
            os.lseek(self._descriptor, length, os.SEEK_SET)
        except OSError:
            pass  # shrinking a file needs no space; should it fail, readers still skip a broken last line

    def close(self) -> None:
        """Close the file; one that never got its header is removed, leaving nothing behind."""
        if self._closed:
            return
        self._closed = True
        os.close(self._descriptor)
        if not self._placed:
            remove_quietly(self._temporary)


@dataclass
class Transcript:
    """A transcript as read back: its header, the turns still standing after undos, and its end."""

    header: dict[str, Any]
    turns: list[dict[str, Any]] = field(default_factory=list)
    end: dict[str, Any] | None = None
    cut_short: bool = False
    """Whether the last line was an object cut off part-way, and so dropped."""

    @property
    def trainee_lines(self) -> list[str]:
        """What the trainee said, in order: all a re-simulation needs besides the scenario and seed."""
        return [turn["trainee"] for turn in self.turns]


def whole_lines(text: str) -> tuple[list[str], bool]:
    """The lines of transcript text, less a last line cut off part-way; and whether there was one.

    Every object the writer puts down ends with a newline, so a last line without one that is
    not JSON is what a write stopped mid-way (a power cut, a full disk) left behind.
    """
    lines = text.splitlines()
    if lines and not text.endswith(("\n", "\r")):
        try:
            json.loads(lines[-1])
        except ValueError:
            return lines[:-1], True
    return lines, False


def parse_transcript(lines: list[str], source: str, *, cut_short: bool = False) -> Transcript:
    """Read coach-transcript/1 objects; a wrong line raises `TranscriptError` naming it."""
    transcript: Transcript | None = None
    for where, _, record in json_objects(lines, source, TranscriptError):
        if "type" not in record:
            raise TranscriptError(f"{where}: expected an object with a 'type'")
        kind = record["type"]
        if transcript is None:
            if kind != "header" or record.get("format") != FORMAT:
                raise TranscriptError(f"{where}: expected a {FORMAT} header first")
            transcript = Transcript(header=record, cut_short=cut_short)
        elif kind == "turn":
            if not isinstance(record.get("trainee"), str):
                raise TranscriptError(f"{where}: a turn needs the trainee's text")
            transcript.turns.append(record)
        elif kind == "undo":
            if not transcript.turns or transcript.turns[-1].get("n") != record.get("n"):
                raise TranscriptError(f"{where}: undo of a turn that is not the last one")
            transcript.turns.pop()
        elif kind == "end":
            transcript.end = record
        else:
            raise TranscriptError(f"{where}: unknown object type {kind!r}")
    if transcript is None:
        raise TranscriptError(f"{source}: empty transcript")
    return transcript


def parse_transcript_text(text: str, source: str) -> Transcript:
    """Read a transcript's text, up to its last whole object."""
    lines, cut_short = whole_lines(text)
    return parse_transcript(lines, source, cut_short=cut_short)


def read_transcript(path: Path) -> Transcript:
    """Read a transcript file (a regular file of at most MAX_TRANSCRIPT_BYTES)."""
    try:
        text = read_text(path, MAX_TRANSCRIPT_BYTES, "transcript")
    except UnreadableFile as error:
        where = error.source if error.line is None else f"{error.source}:{error.line}:{error.column}"
        raise TranscriptError(f"{where}: cannot read ({error.reason})") from None
    return parse_transcript_text(text, str(path))
