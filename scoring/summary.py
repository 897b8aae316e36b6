"""The short summary shown when a practice conversation ends: where the coachee got to and how.

The full scorecard is built on the same turns; this is the at-a-glance part: final
and peak state, what the coachee revealed, and the PEA:NEA tally of the trainee's moves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from simulator.records import Turn
from simulator.vocabulary import Attractor, State


@dataclass(frozen=True)
class Summary:
    """The at-a-glance result of one conversation."""

    turns: int
    final_state: State
    peak_state: State
    revealed: tuple[str, ...]
    pea: int
    nea: int
    neutral: int

    @property
    def ratio(self) -> str:
        """The PEA:NEA tally as trainers write it, e.g. '7:1'."""
        return f"{self.pea}:{self.nea}"


def summarise(turns: Sequence[Turn], starting_state: State, revealed: Sequence[str]) -> Summary:
    """The summary of a conversation from its turns."""
    states = [starting_state, *(turn.state_after for turn in turns)]
    attractors = [turn.move.attractor for turn in turns]
    return Summary(
        turns=len(turns),
        final_state=states[-1],
        peak_state=max(states, key=lambda state: state.rank),
        revealed=tuple(revealed),
        pea=attractors.count(Attractor.PEA),
        nea=attractors.count(Attractor.NEA),
        neutral=attractors.count(Attractor.NEUTRAL),
    )


def summary_lines(summary: Summary, credited: str | None = None) -> list[str]:
    """The summary as short lines of plain text.

    `credited` is the scorecard's PEA:NEA tally, counting only lines that earned credit; given,
    the summary shows it beside the tally as read, so the two never seem to disagree.
    """
    revealed = ", ".join(summary.revealed) or "nothing yet"
    tally = f"PEA:NEA moves: {summary.ratio} ({summary.neutral} neutral)"
    if credited is not None and credited != summary.ratio:
        tally = f"PEA:NEA moves: {summary.ratio} as read, {credited} credited (repeated, stock or unclear lines earn nothing)"
    return [
        f"Turns: {summary.turns}",
        f"Coachee ended: {summary.final_state.value} (peak: {summary.peak_state.value})",
        f"Revealed: {revealed}",
        tally,
    ]
