"""What the scorecard is computed from: the trainee's moves and, when there is one, the coachee's path.

Two kinds of conversation reach the scorer. A practice conversation, re-simulated from
the trainee's lines, has a simulated coachee: states, openness, reveals, the rules that
fired. An external transcript of two real people has none of that, only what the
coachee said, read as change, sustain or neutral talk. Both become `ConversationFacts`;
measures that need the simulated coachee are not applicable to the second kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from simulator.records import Turn
from simulator.scenario.model import Goal, Scenario
from simulator.vocabulary import Move, State


@dataclass(frozen=True)
class TurnFacts:
    """One trainee line as scored, with what the coachee did after it (when known)."""

    n: int
    trainee: str
    move: Move
    coachee: str = ""
    state_before: State | None = None
    state_after: State | None = None
    openness_before: float | None = None
    openness_after: float | None = None
    reveals: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    coachee_talk: tuple[str, ...] = ()  # change / sustain / neutral, one per coachee utterance after it


@dataclass(frozen=True)
class ConversationFacts:
    """A whole conversation ready to score."""

    turns: tuple[TurnFacts, ...]
    simulated: bool
    starting_state: State | None = None
    story_kinds: tuple[tuple[str, str], ...] = ()  # (story id, kind) for the scenario's story
    goals: tuple[Goal, ...] = ()
    scenario_id: str | None = None

    def kind_of(self, story_id: str) -> str:
        """The kind (vision, values, ...) of a story item by id."""
        return dict(self.story_kinds).get(story_id, story_id)


def facts_from_practice(scenario: Scenario, turns: Sequence[Turn]) -> ConversationFacts:
    """The facts of a practice conversation, from its scenario and the turns played."""
    facts = tuple(
        TurnFacts(
            n=turn.n,
            trainee=turn.trainee,
            move=turn.move,
            coachee=turn.coachee,
            state_before=turn.state_before,
            state_after=turn.state_after,
            openness_before=turn.openness_before,
            openness_after=turn.openness_after,
            reveals=turn.reveals,
            rules=turn.rules,
        )
        for turn in turns
    )
    return ConversationFacts(
        turns=facts,
        simulated=True,
        starting_state=scenario.coachee.starting_state,
        story_kinds=tuple((item.id, item.kind) for item in scenario.story),
        goals=scenario.goals,
        scenario_id=scenario.id,
    )
