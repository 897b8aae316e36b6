"""Replaying a scenario's own test conversations and checking their expected outcomes.

Trainers write test conversations in the scenario file; this module plays each one
through a fresh `Session` with the test's seed and reports every expectation it missed,
so a persona can be tuned like code: change a parameter, replay, see what moved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from scoring.scorecard import Scorecard, score_practice
from simulator.engine.replay import Replay, replay_all
from simulator.engine.session import Session, typical_personality
from simulator.errors import ConversationOver, NothingSaid
from simulator.records import EndReason, Turn
from simulator.scenario.model import Personality, Scenario, TestConversation
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


def play(
    scenario: Scenario, lines: Sequence[str], seed: int = 0, personality: Personality | None = None
) -> Session:
    """A session after saying every line (blank lines are skipped; lines past the limit are ignored),
    to the coachee the seed meets unless a personality is given."""
    session = Session(scenario, seed, personality)
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
    """The scorecard of a played session, under its scenario's rubric unless one is given.

    The verdict is the persona's typical self's (`on_a_typical_day`): the seed draws the coachee's
    day within the persona's ranges, and a coachee near a threshold one day and past it the next
    must not turn the same lines into another band. Where the coachee the trainee met answered
    otherwise, the scorecard says so (`typical_day_note`).
    """
    scored = on_a_typical_day(session)
    card = score_practice(scored.scenario, scored.turns, rubric)
    if scored is session:
        return card
    met = [(turn.coachee, turn.state_after.value) for turn in session.turns]
    note = typical_day_note(
        session.scenario.coachee.name,
        met,
        scored.turns,
        met_left=session.end_reason is EndReason.COACHEE_LEFT,
        typical_left=scored.end_reason is EndReason.COACHEE_LEFT,
    )
    return with_note(card, note)


def on_a_typical_day(session: Session) -> Session:
    """The session's lines said to the persona's typical self (the middle of every temperament
    range) with the same seed, so its wording; the session itself when that is whom it met."""
    typical = typical_personality(session.scenario)
    if session.personality == typical:
        return session
    lines = [turn.trainee for turn in session.turns]
    return replay_all([Replay(session.scenario, lines, session.seed, typical)])[0]


def typical_day_note(
    name: str,
    met: Sequence[tuple[str, str]],
    typical: Sequence[Turn],
    *,
    met_left: bool = False,
    typical_left: bool = False,
) -> str | None:
    """What the scorecard tells a trainee whose coachee answered otherwise than the persona's typical
    self: `met` is each turn's reply and state after it as the trainee had them, `met_left` and
    `typical_left` whether each coachee walked out. None when the two conversations are the same."""
    differing = sum(1 for (reply, _), turn in zip(met, typical, strict=False) if reply != turn.coachee)
    differing += abs(len(met) - len(typical))
    if not differing:
        return None
    ended = ""
    if met_left and not typical_left:
        ended = " and left the meeting (on a typical day, they would have stayed)"
    elif typical_left and not met_left:
        ended = f" (on a typical day, they would have left the meeting at turn {len(typical)})"
    elif met and typical and met[-1][1] and met[-1][1] != typical[-1].state_after.value:
        ended = f" and ended {met[-1][1]} (on a typical day, {typical[-1].state_after.value})"
    return (
        f"Scored against {name} on a typical day, so that the same lines always get the same verdict: "
        f"the coachee you met answered {differing} of your {len(met)} lines otherwise{ended}."
    )


def with_note(card: Scorecard, note: str | None) -> Scorecard:
    """The scorecard with one more note, if there is one."""
    return card if note is None else replace(card, notes=(*card.notes, note))
