"""Where a conversation stands on the coaching arc, and the move that fits there (COACHING-MODEL.md §2).

The arc: warm-up, desired future, ideal self and values, expand hope, real self as a
balance sheet, a learning agenda. `next_step_on_arc` reads the stage from plain facts
(what has been explored and revealed, how open the coachee is, whether the last move
hurt), so `/hint` during practice and the scorecard's "better line" after it agree.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from simulator.vocabulary import Focus, State


@dataclass(frozen=True)
class ArcFacts:
    """What the arc stage is read from, at one moment of a conversation."""

    turns_so_far: int
    explored: Set[Focus]
    revealed_kinds: Set[str]
    state: State | None = None
    last_move_was_nea: bool = False


@dataclass(frozen=True)
class Suggestion:
    """A move that fits a moment: what to do, why now, and a line to say it with."""

    move: str
    why: str
    example: str


REPAIR = Suggestion(
    "repair: autonomy and empathy",
    "The coachee has shut down; pushing on will not help. Reflect the feeling and hand back control.",
    "This has clearly been a hard few weeks, and it's your call what we talk about today.",
)
ACKNOWLEDGE = Suggestion(
    "reflect the feeling",
    "The last line invoked the negative attractor; acknowledge its effect before moving on.",
    "That landed hard. It sounds like you're already carrying a lot.",
)
WARM_UP = Suggestion(
    "warm-up: agree the agenda",
    "Start with rapport and let the coachee shape the conversation.",
    "Thanks for making the time. What would make this conversation worthwhile for you?",
)
BUILD_SAFETY = Suggestion(
    "empathic reflection",
    "The coachee is guarded. A reflection of what they said, with the feeling in it, builds safety.",
    "It sounds like you've been stretched thin for a while.",
)
STRENGTHS = Suggestion(
    "ask about strengths",
    "Recalling a time at their best lifts the coachee toward the positive attractor.",
    "Tell me about a time at work when you felt at your best.",
)
VISION = Suggestion(
    "ask about the desired future",
    "The vision comes first: it is the ground the rest of the conversation stands on.",
    "If work were going really well two years from now, what would you be doing?",
)
VALUES = Suggestion(
    "explore values and the ideal self",
    "Deepen the vision: what matters to them is what will carry the change.",
    "What matters most to you about the work you do?",
)
BALANCE_SHEET = Suggestion(
    "balance sheet: the real self against the vision",
    "With the vision in place, looking at the present is expected, strengths first.",
    "Against that picture, what's already in place? And what's missing?",
)
LEARNING_AGENDA = Suggestion(
    "learning agenda: one experiment they choose",
    "Let the coachee pick a small step tied to their own vision.",
    "Which small step toward that would be most fun to try first?",
)
AFFIRM_AND_CLOSE = Suggestion(
    "affirm and close",
    "The coachee has a vision and a step of their own. Affirm it and offer support.",
    "You've found a step that fits who you want to be. How can I support you with it?",
)


def next_step_on_arc(facts: ArcFacts) -> Suggestion:
    """The move that fits this moment of the conversation."""
    if facts.state is State.DEFENSIVE:
        return REPAIR
    if facts.last_move_was_nea:
        return ACKNOWLEDGE
    if facts.turns_so_far == 0:
        return WARM_UP
    if facts.state is not None and facts.state.rank <= State.GUARDED.rank:
        return BUILD_SAFETY
    if not _reached(facts, "vision", Focus.VISION):
        if Focus.STRENGTHS not in facts.explored and facts.state in (State.NEUTRAL, None):
            return STRENGTHS
        return VISION
    if not _reached(facts, "values", Focus.VALUES):
        return VALUES
    if Focus.REAL_SELF not in facts.explored and not {"worries", "strengths"} & facts.revealed_kinds:
        return BALANCE_SHEET
    if not _reached(facts, "next_step", Focus.PLAN):
        return LEARNING_AGENDA
    return AFFIRM_AND_CLOSE


def _reached(facts: ArcFacts, kind: str, focus: Focus) -> bool:
    # With a simulated coachee a stage is reached when they reveal it; with a real one
    # (an external transcript, no state) asking about it is all that can be seen.
    if facts.state is None:
        return focus in facts.explored
    return kind in facts.revealed_kinds
