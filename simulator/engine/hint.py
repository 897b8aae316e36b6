"""`/hint`: the move that fits this moment of a practice conversation, with an example line."""

from __future__ import annotations

from simulator.arc import ArcFacts, Suggestion, next_step_on_arc
from simulator.engine.session import Session
from simulator.vocabulary import Attractor


def hint_for(session: Session) -> Suggestion:
    """The move that fits where this conversation stands, read from the session."""
    turns = session.turns
    facts = ArcFacts(
        turns_so_far=len(turns),
        explored={turn.move.focus for turn in turns if turn.move.attractor is not Attractor.NEA},
        revealed_kinds={session.scenario.story_item(item).kind for item in session.revealed},
        state=session.state,
        last_move_was_nea=bool(turns) and turns[-1].move.attractor is Attractor.NEA,
    )
    return next_step_on_arc(facts)
