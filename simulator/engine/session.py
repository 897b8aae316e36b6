"""One conversation between a trainee and a scenario's coachee, as a deterministic core.

The same scenario, seed and trainee lines give the same turns, every time: randomness
comes only from a `random.Random(seed)` owned by the session, and nothing here reads a
clock, a file or the terminal. Front ends (the prompt-toolkit app, the piped mode, the
scorer) all drive this class, and the transcript writer records what it returns.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from simulator.engine.coachee import Coachee, History, Progress, appraise
from simulator.engine.reply import choose_reply
from simulator.errors import ConversationOver, NothingSaid
from simulator.reading.moves import classify
from simulator.records import Turn, attractor_tally
from simulator.rules import Rule, rule_id
from simulator.scenario.model import Line, Scenario, StoryItem
from simulator.text import clean_line
from simulator.vocabulary import (
    QUESTION_FORMS,
    REFLECTION_FORMS,
    Attractor,
    Context,
    Focus,
    Form,
    Move,
    State,
)

ELICITING_FORMS = frozenset({*QUESTION_FORMS, *REFLECTION_FORMS, Form.AFFIRMATION, Form.AUTONOMY})
"""The forms of move that can draw a story item out of the coachee."""


@dataclass(frozen=True)
class Condition:
    """Everything that decides how the coachee reacts next, and the peak so far (not the lines said)."""

    state: State
    openness: float
    explored: frozenset[Focus]
    revealed: tuple[str, ...]
    turns_since_pea: int
    peak: State
    last_kind: tuple[Form, Focus] | None = None
    run: int = 0  # how many moves in a row, up to now, were of `last_kind`


class Session:
    """A conversation in progress. `say` plays one turn; `undo` takes the last one back."""

    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        self.scenario = scenario
        self.seed = seed
        self._restart()

    def _restart(self) -> None:
        self._rng = random.Random(self.seed)
        self._coachee = Coachee(self.scenario.coachee)
        self._turns: list[Turn] = []
        self._said: set[str] = {self.scenario.opening.text}
        self._revealed: list[str] = []
        self._turns_since_pea = 0
        self._peak = self._coachee.current
        self._last_kind: tuple[Form, Focus] | None = None
        self._run = 0

    # --- what front ends read -------------------------------------------------------------

    @property
    def turns(self) -> tuple[Turn, ...]:
        """The turns played so far, oldest first."""
        return tuple(self._turns)

    @property
    def state(self) -> State:
        """The coachee's state now."""
        return self._coachee.current

    @property
    def openness(self) -> float:
        """The coachee's openness now, from 0 (deep defensive) to just under 6 (fully energised)."""
        return self._coachee.openness

    @property
    def peak(self) -> State:
        """The most open state the coachee has reached in this conversation."""
        return self._peak

    @property
    def revealed(self) -> tuple[str, ...]:
        """Ids of the story items revealed so far, in the order they came out."""
        return tuple(self._revealed)

    @property
    def is_vision_established(self) -> bool:
        """Whether the coachee has told their vision: deficit talk is the balance sheet from then on."""
        return any(self.scenario.story_item(i).kind == "vision" for i in self._revealed)

    @property
    def is_over(self) -> bool:
        """Whether the turn limit has been reached."""
        return len(self._turns) >= self.scenario.turn_limit

    def condition(self) -> Condition:
        """The coachee's condition now, for a search that branches from here."""
        return Condition(
            self.state,
            self.openness,
            frozenset(self._coachee.progress.explored),
            self.revealed,
            self._turns_since_pea,
            self._peak,
            self._last_kind,
            self._run,
        )

    def enter(self, condition: Condition) -> None:
        """Start afresh in `condition`, as if a conversation had just reached it (no turns, no lines said).

        Searches use this to branch from a condition without replaying the path to it.
        """
        # The coachee's machine is kept and placed, not rebuilt: searches enter thousands of conditions.
        self._rng = random.Random(self.seed)
        self._turns = []
        self._said = {self.scenario.opening.text}
        kinds: set[str] = {self.scenario.story_item(item).kind for item in condition.revealed}
        self._coachee.place(condition.state, condition.openness, Progress(set(condition.explored), kinds))
        self._revealed = list(condition.revealed)
        self._turns_since_pea = condition.turns_since_pea
        self._peak = condition.peak
        self._last_kind = condition.last_kind
        self._run = condition.run

    def attractor_counts(self) -> dict[Attractor, int]:
        """How many of the trainee's moves invoked each attractor."""
        return attractor_tally(turn.move for turn in self._turns)

    def context(self) -> Context:
        """What the reader of the next trainee line knows of the conversation."""
        last = self._turns[-1].coachee if self._turns else self.scenario.opening.text
        return Context(
            previous_coachee_line=last,
            vision_established=self.is_vision_established,
            phrases=self.scenario.phrases.as_lists(),
        )

    # --- what front ends do ---------------------------------------------------------------

    def say(self, raw_text: str) -> Turn:
        """Play one trainee line; raise `NothingSaid` for a blank line, `ConversationOver` past the limit."""
        if self.is_over:
            raise ConversationOver(
                f"the conversation has reached its limit of {self.scenario.turn_limit} turns"
            )
        text = clean_line(raw_text)
        if not text:
            raise NothingSaid("nothing to say: type a line for the coachee, or /help")
        return self.play(classify(text, self.context()), text)

    def play(self, move: Move, text: str = "") -> Turn:
        """Play a move already read (as `say` does after reading `text`); explorers call this directly."""
        if self.is_over:
            raise ConversationOver(
                f"the conversation has reached its limit of {self.scenario.turn_limit} turns"
            )
        before_state, before_openness = self.state, self.openness
        kind = (move.form, move.focus)
        repeats = self._run if kind == self._last_kind else 0
        history = History(
            before_state, self.is_vision_established, self._turns_since_pea, before_openness, repeats
        )
        impact = appraise(move, text, self.scenario.coachee, history)
        if move.attractor is Attractor.PEA and move.focus is not Focus.NONE:
            self._coachee.progress.explored.add(move.focus)
        held = self._coachee.react(impact)
        self._turns_since_pea = 0 if move.attractor is Attractor.PEA else self._turns_since_pea + 1
        self._last_kind, self._run = kind, repeats + 1
        if self.state.rank > self._peak.rank:
            self._peak = self.state

        reveal = None if impact.hot_button else self._story_to_reveal(move)
        line = self._reply(move, impact.hot_button.replies if impact.hot_button else (), reveal)
        rules = [*impact.rules, *held]
        if reveal is not None:
            self._revealed.append(reveal.id)
            self._coachee.progress.revealed_kinds.add(reveal.kind)
            rules.append(rule_id(Rule.REVEAL, reveal.id))
        turn = Turn(
            n=len(self._turns) + 1,
            trainee=text,
            move=move,
            coachee=line.text,
            cue=line.cue,
            state_before=before_state,
            state_after=self.state,
            openness_before=before_openness,
            openness_after=self.openness,
            reveals=(reveal.id,) if reveal else (),
            rules=tuple(rules),
        )
        self._turns.append(turn)
        return turn

    def undo(self) -> Turn | None:
        """Take back the last turn and return it (None if there is none).

        The conversation is replayed from the start without it, so the coachee, the
        random choices and the lines already said are exactly as they were before it.
        """
        if not self._turns:
            return None
        kept = self._turns[:-1]
        undone = self._turns[-1]
        self._restart()
        for turn in kept:
            self.play(turn.move, turn.trainee)
        return undone

    def _story_to_reveal(self, move: Move) -> StoryItem | None:
        # The coachee tells their story when drawn out, not when told what to do: a next step
        # the trainee suggested, even with permission, is not one the coachee chose.
        if move.attractor is Attractor.NEA or move.form not in ELICITING_FORMS:
            return None
        for item in self.scenario.story:
            if item.id in self._revealed or move.focus not in item.unlocked_by:
                continue
            if any(earlier not in self._revealed for earlier in item.after):
                continue
            if self.state.rank >= item.needs.rank:
                return item
        return None

    def _reply(self, move: Move, hot_replies: tuple[Line, ...], reveal: StoryItem | None) -> Line:
        fresh_hot = [line for line in hot_replies if line.text not in self._said]
        if reveal is not None:
            line = Line(text=reveal.text, cue=reveal.cue)
        elif fresh_hot:
            line = fresh_hot[0]
        else:
            line = choose_reply(self.scenario, self.state, move, self._said, self._rng)
        self._said.add(line.text)
        return line
