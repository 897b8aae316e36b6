"""The records of a played turn, shared by the engine that makes them and everything that reads them.

A `Turn` is what one trainee line did: how it was read (a `Move`), what the coachee said,
and how the coachee's openness moved. The engine appends them, the transcript stores them,
scoring and the reports read them; none of those needs the engine's `Session` to do so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from simulator.vocabulary import Attractor, Move, State


class EndReason(StrEnum):
    """Why a conversation ended on the coachee's side (the front ends add quit, eof and interrupted)."""

    TURN_LIMIT = "turn_limit"
    COACHEE_LEFT = "coachee_left"


@dataclass(frozen=True)
class Turn:
    """One exchange: what the trainee said, how it was read, and what it did to the coachee."""

    n: int
    trainee: str
    move: Move
    coachee: str
    cue: str
    state_before: State
    state_after: State
    openness_before: float
    openness_after: float
    reveals: tuple[str, ...]
    rules: tuple[str, ...]

    def as_record(self) -> dict[str, Any]:
        """The turn as a transcript object (coach-transcript/1)."""
        return {
            "type": "turn",
            "n": self.n,
            "trainee": self.trainee,
            "move": self.move.as_dict(),
            "cues": list(self.move.cues),
            "coachee": self.coachee,
            "cue": self.cue,
            "state_before": self.state_before.value,
            "state_after": self.state_after.value,
            "openness_before": round(self.openness_before, 3),
            "openness_after": round(self.openness_after, 3),
            "reveals": list(self.reveals),
            "rules": list(self.rules),
        }


def attractor_tally(moves: Iterable[Move]) -> dict[Attractor, int]:
    """How many moves invoked each attractor: the PEA:NEA tally, computed here only."""
    counts = dict.fromkeys(Attractor, 0)
    for move in moves:
        counts[move.attractor] += 1
    return counts


def peak_state(starting_state: State, turns: Sequence[Turn]) -> State:
    """The most open state the coachee reached, from where it started through every turn."""
    return max((starting_state, *(turn.state_after for turn in turns)), key=lambda state: state.rank)
