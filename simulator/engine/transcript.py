"""The simulator's transcript format, coach-transcript/1: JSON Lines, one object per line.

    {"type": "header", "format": "coach-transcript/1", "scenario": ..., "scenario_sha256": ..., "seed": ...}
    {"type": "turn", "n": 1, "trainee": ..., "move": {...}, "coachee": ..., "state_before": ..., ...}
    {"type": "undo", "n": 1}            the trainee took turn 1 back; readers drop it
    {"type": "end", "reason": "quit", "turns": ..., "final_state": ..., ...}

The file is append-only and flushed after every object, so a killed process leaves
every completed turn on disk, and an undo never rewrites what is already there.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from simulator.engine.session import Session
from simulator.errors import TranscriptError
from simulator.json_lines import json_objects
from simulator.records import Turn
from simulator.version import __version__
from simulator.vocabulary import Attractor

FORMAT = "coach-transcript/1"


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
        "engine": __version__,
        "started_at": started_at,
    }


def end_record(session: Session, reason: str, ended_at: str) -> dict[str, Any]:
    """The last object of a transcript: why it ended and where the coachee got to."""
    counts = session.attractor_counts()
    return {
        "type": "end",
        "reason": reason,
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
    """Appends transcript objects to a file, flushing each so a crash loses at most the turn in flight."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    @classmethod
    def create(cls, path: Path) -> TranscriptWriter:
        """A writer on a new file at `path` (parent folders are made)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(path.open("x", encoding="utf-8", newline="\n"))

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

    def close(self) -> None:
        """Close the file."""
        self._stream.close()


@dataclass
class Transcript:
    """A transcript as read back: its header, the turns still standing after undos, and its end."""

    header: dict[str, Any]
    turns: list[dict[str, Any]] = field(default_factory=list)
    end: dict[str, Any] | None = None

    @property
    def trainee_lines(self) -> list[str]:
        """What the trainee said, in order: all a re-simulation needs besides the scenario and seed."""
        return [turn["trainee"] for turn in self.turns]


def parse_transcript(lines: list[str], source: str) -> Transcript:
    """Read coach-transcript/1 objects; a wrong line raises `TranscriptError` naming it."""
    transcript: Transcript | None = None
    for where, _, record in json_objects(lines, source, TranscriptError):
        if "type" not in record:
            raise TranscriptError(f"{where}: expected an object with a 'type'")
        kind = record["type"]
        if transcript is None:
            if kind != "header" or record.get("format") != FORMAT:
                raise TranscriptError(f"{where}: expected a {FORMAT} header first")
            transcript = Transcript(header=record)
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


def read_transcript(path: Path) -> Transcript:
    """Read a transcript file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TranscriptError(f"{path}: cannot read ({error})") from None
    return parse_transcript(text.splitlines(), str(path))
