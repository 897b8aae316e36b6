"""Replaying many conversations at once: the same sessions as playing each alone, read in batches.

Reading a line is the costly part of a turn, and the reader reads many lines at once far
faster than one by one. A line's reading depends on its conversation so far (the coachee's
previous reply, whether the vision is established), so a conversation's own lines cannot be
read ahead. The conversations of a batch are independent of each other, though: they advance
in lockstep, and at each step the next line of every conversation still going is read in one
call, each in its own conversation's context. Every session ends exactly as `Session.say`,
line by line, leaves it: a blank line is skipped, a line past the end is never read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from simulator.engine.session import Session
from simulator.reading.moves import classify_many
from simulator.scenario.model import Personality, Scenario
from simulator.text import clean_line


@dataclass(frozen=True)
class Replay:
    """One conversation to replay: its scenario, seed and the trainee's lines in order, and the
    coachee's personality when it is not the one the seed draws (`Session`)."""

    scenario: Scenario
    lines: Sequence[str]
    seed: int = 0
    personality: Personality | None = None


def replay_all(replays: Sequence[Replay]) -> list[Session]:
    """Each conversation played to its end (or its last line), in the order given.

    The same sessions, turn for turn, as saying each line into its own session in turn and
    skipping blank lines; the batch is as large as `replays`, so callers bound it.
    """
    sessions = [Session(replay.scenario, replay.seed, replay.personality) for replay in replays]
    cursors = [0] * len(replays)
    going = list(range(len(replays)))
    while going:
        ready: list[tuple[int, str]] = []
        for index in going:
            session, lines = sessions[index], replays[index].lines
            if session.is_over:
                continue
            text = ""
            while not text and cursors[index] < len(lines):
                text = clean_line(lines[cursors[index]])
                cursors[index] += 1
            if text:
                ready.append((index, text))
        if not ready:
            break
        moves = classify_many([text for _, text in ready], [sessions[index].context() for index, _ in ready])
        for (index, text), move in zip(ready, moves, strict=True):
            sessions[index].play(move, text)
        going = [index for index, _ in ready]
    return sessions
