"""What the scorecard is computed from: the trainee's moves and, when there is one, the coachee's path.

Two kinds of conversation reach the scorer. A practice conversation, re-simulated from
the trainee's lines, has a simulated coachee: states, openness, reveals, the rules that
fired. An external transcript of two real people has none of that, only what the
coachee said, read as change, sustain or neutral talk. Both become `ConversationFacts`;
measures that need the simulated coachee are not applicable to the second kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from simulator.arc import topic_words
from simulator.records import Turn
from simulator.rules import Rule, rule_id
from simulator.scenario.coach_lines import NO_COACH_LINES, CoachLineIndex, coach_line_index, persona_names
from simulator.scenario.model import Goal, Scenario
from simulator.scenario.replies import Topic
from simulator.vocabulary import Attractor, Focus, Form, Move, State


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

    @property
    def owns_the_bad_start(self) -> bool:
        """Whether the coachee heard the line own the bad start the trainee made (`repair.owned`)."""
        return owned_the_bad_start(self.rules)


@dataclass(frozen=True)
class ConversationFacts:
    """A whole conversation ready to score."""

    turns: tuple[TurnFacts, ...]
    simulated: bool
    starting_state: State | None = None
    story_kinds: tuple[tuple[str, str], ...] = ()  # (story id, kind) for the scenario's story
    goals: tuple[Goal, ...] = ()
    scenario_id: str | None = None
    opening: str = ""  # what the coachee said before the first trainee line
    coachee_name: str = ""
    topics: tuple[str, ...] = ()  # words naming what the coachee's life is about, which a better line may use
    story_texts: tuple[tuple[str, str], ...] = ()  # (story id, what the coachee says when telling it)
    persona_topics: tuple[Topic, ...] = ()  # the scenario's topics, by which a line's subjects are named
    coach_lines: CoachLineIndex = NO_COACH_LINES  # the scenario's own better lines, by the line they follow
    # Names the scenario's texts use, kept capitalised when a better line hands the coachee's words back.
    persona_names: frozenset[str] = frozenset()

    def kind_of(self, story_id: str) -> str:
        """The kind (vision, values, ...) of a story item by id."""
        return dict(self.story_kinds).get(story_id, story_id)

    def story_text(self, story_id: str) -> str:
        """What the coachee says when telling a story item ("" when not known)."""
        return dict(self.story_texts).get(story_id, "")

    def answered(self, index: int) -> str:
        """The coachee's words that the trainee line at `index` answered: the opening before the first."""
        return self.turns[index - 1].coachee if index else self.opening

    def persona_lines_before(self, index: int) -> dict[str, tuple[str, ...]]:
        """The persona's own lines for the moment before the trainee line at `index` (the opening's before the first)."""
        if not index:
            return self.coach_lines.after(self.opening)
        before = self.turns[index - 1]
        return self.coach_lines.after(before.coachee, before.reveals)

    def coachee_lines_before(self, index: int) -> tuple[str, ...]:
        """Everything the coachee had said before the trainee line at `index`, oldest first."""
        return (self.opening, *(turn.coachee for turn in self.turns[:index]))


def facts_from_practice(scenario: Scenario, turns: Sequence[Turn]) -> ConversationFacts:
    """The facts of a practice conversation, from its scenario and the turns played."""
    facts = tuple(
        TurnFacts(
            n=turn.n,
            trainee=turn.trainee,
            move=as_heard(turn),
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
        opening=scenario.opening.text,
        coachee_name=scenario.coachee.name,
        topics=scenario_topics(scenario),
        story_texts=tuple((item.id, item.text) for item in scenario.story),
        persona_topics=scenario.topics,
        coach_lines=coach_line_index(scenario),
        persona_names=persona_names(scenario),
    )


def owned_the_bad_start(rules: Sequence[str]) -> bool:
    """Whether a turn's rules say the coachee heard the line own the bad start (`repair.owned`)."""
    return rule_id(Rule.REPAIR_OWNED) in rules


def as_heard(turn: Turn) -> Move:
    """The turn's move as the coachee took it. A line owning the bad start the trainee made
    (`repair.owned`) repaired it, whatever the reader made of the account it gives of that start
    ("I came in with my director's worries and threw them at you"): it is no push, and so
    counts neither for nor against, as its lift already shows in the coachee's path."""
    if turn.move.attractor is not Attractor.NEA or not owned_the_bad_start(turn.rules):
        return turn.move
    return replace(
        turn.move,
        form=Form.OTHER,
        focus=Focus.NONE,
        attractor=Attractor.NEUTRAL,
        cues=("owns the bad start",),
    )


def scenario_topics(scenario: Scenario) -> tuple[str, ...]:
    """The words that name the subjects a coachee talks about (their scenario `topics:`), for a suggested line."""
    return topic_words(topic.words for topic in getattr(scenario, "topics", ()))
