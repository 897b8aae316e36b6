"""`/hint`: a move that fits this moment of the conversation arc, with an example line.

The arc is coaching-model.md §2: warm-up, desired future, ideal self and values,
expand hope, real self as a balance sheet, a learning agenda. Where the conversation
stands is read from what the coachee has revealed and how open they are now.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.session import Session
from simulator.vocabulary import Attractor, Focus, State


@dataclass(frozen=True)
class Hint:
    """A suggested next move: what to do, why now, and a line to say it with."""

    move: str
    why: str
    example: str


def hint_for(session: Session) -> Hint:
    """The move that fits where this conversation stands."""
    name = session.scenario.coachee.name.split()[0]
    kinds = {session.scenario.story_item(item).kind for item in session.revealed}
    turns = session.turns
    if session.state is State.DEFENSIVE:
        return Hint(
            "repair: autonomy and empathy",
            f"{name} has shut down; pushing on will not help. Reflect the feeling and hand back control.",
            "This has clearly been a hard few weeks, and it's your call what we talk about today.",
        )
    if turns and turns[-1].move.attractor is Attractor.NEA:
        return Hint(
            "reflect the feeling",
            "Your last line invoked the negative attractor; acknowledge its effect before moving on.",
            "That landed hard. It sounds like you're already carrying a lot.",
        )
    if not turns:
        return Hint(
            "warm-up: agree the agenda",
            "Start with rapport and let the coachee shape the conversation.",
            "Thanks for making the time. What would make this conversation worthwhile for you?",
        )
    if session.state.rank <= State.GUARDED.rank:
        return Hint(
            "empathic reflection",
            f"{name} is guarded. A reflection of what they said, with the feeling in it, builds safety.",
            "It sounds like you've been stretched thin for a while.",
        )
    if "vision" not in kinds:
        if Focus.STRENGTHS not in {t.move.focus for t in turns} and session.state is State.NEUTRAL:
            return Hint(
                "ask about strengths",
                "Recalling a time at their best lifts the coachee toward the positive attractor.",
                "Tell me about a time at work when you felt at your best.",
            )
        return Hint(
            "ask about the desired future",
            "The vision comes first: it is the ground the rest of the conversation stands on.",
            "If work were going really well two years from now, what would you be doing?",
        )
    if "values" not in kinds:
        return Hint(
            "explore values and the ideal self",
            "Deepen the vision: what matters to them is what will carry the change.",
            "What matters most to you about the work you do?",
        )
    if not {"worries", "strengths"} & kinds and Focus.REAL_SELF not in {t.move.focus for t in turns}:
        return Hint(
            "balance sheet: the real self against the vision",
            "With the vision in place, looking at the present is expected, strengths first.",
            "Against that picture, what's already in place? And what's missing?",
        )
    if "next_step" not in kinds:
        return Hint(
            "learning agenda: one experiment they choose",
            "Let the coachee pick a small step tied to their own vision.",
            "Which small step toward that would be most fun to try first?",
        )
    return Hint(
        "affirm and close",
        f"{name} has a vision and a step of their own. Affirm it and offer support.",
        "You've found a step that fits who you want to be. How can I support you with it?",
    )
