"""Replaying a scenario's own test conversations and checking their expected outcomes.

Trainers write test conversations in the scenario file; this module plays each one
through a fresh `Session` with the test's seed and reports every expectation it missed,
so a persona can be tuned like code: change a parameter, replay, see what moved.
"""

from __future__ import annotations

from dataclasses import dataclass

from scoring.scorecard import Scorecard, score_practice
from simulator.engine.session import Session
from simulator.errors import ConversationOver, NothingSaid
from simulator.scenario.model import Scenario, TestConversation
from simulator.scenario.rubric import Rubric
from simulator.vocabulary import State


@dataclass(frozen=True)
class RehearsalResult:
    """How one test conversation went: the states it ended and peaked at, reveals, and misses."""

    name: str
    final_state: State
    peak_state: State
    revealed: tuple[str, ...]
    misses: tuple[str, ...]

    @property
    def passed(self) -> bool:
        """Whether every expectation was met."""
        return not self.misses


def play(scenario: Scenario, lines: tuple[str, ...] | list[str], seed: int = 0) -> Session:
    """A session after saying every line (blank lines are skipped; lines past the limit are ignored)."""
    session = Session(scenario, seed=seed)
    for line in lines:
        try:
            session.say(line)
        except NothingSaid:
            continue
        except ConversationOver:
            break
    return session


def rehearse(scenario: Scenario, test: TestConversation) -> RehearsalResult:
    """Play one test conversation and compare it with what it expects."""
    session = play(scenario, test.lines, test.seed)
    expect = test.expect
    final, peak = session.state, session.peak
    misses: list[str] = []
    bounds = (
        ("final", final, expect.final_at_least, expect.final_at_most),
        ("peak", peak, expect.peak_at_least, expect.peak_at_most),
    )
    for label, actual, at_least, at_most in bounds:
        if at_least is not None and actual.rank < at_least.rank:
            misses.append(f"{label} state {actual.value}, expected at least {at_least.value}")
        if at_most is not None and actual.rank > at_most.rank:
            misses.append(f"{label} state {actual.value}, expected at most {at_most.value}")
    for item in expect.reveals:
        if item not in session.revealed:
            misses.append(f"expected {item!r} to be revealed; revealed: {list(session.revealed)}")
    for item in expect.never_reveals:
        if item in session.revealed:
            misses.append(f"{item!r} was revealed, expected it never to be")
    if expect.band is not None:
        card = score_session(session)
        if card.band != expect.band:
            misses.append(f"scored {card.overall:.0f} ({card.band}), expected {expect.band}")
    return RehearsalResult(test.name, final, peak, session.revealed, tuple(misses))


def rehearse_all(scenario: Scenario) -> list[RehearsalResult]:
    """Every test conversation of a scenario, in file order."""
    return [rehearse(scenario, test) for test in scenario.tests]


def score_session(session: Session, rubric: Rubric | None = None) -> Scorecard:
    """The scorecard of a played session, under its scenario's rubric unless one is given."""
    return score_practice(session.scenario, session.turns, rubric)
