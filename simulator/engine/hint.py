"""`/hint`: the move that fits this moment of a practice conversation, with a line built from it.

The same logic as the scorecard's better line (`simulator.arc`): the stage of the arc read
from the conversation so far, voiced from what the coachee has just said.
"""

from __future__ import annotations

from simulator.arc import Exchange, Suggestion, moment, next_step_on_arc, topic_words
from simulator.engine.session import Session
from simulator.reading.reflection import feeling_of, reflects
from simulator.rules import Rule
from simulator.scenario.coach_lines import coach_line_index, persona_names
from simulator.vocabulary import QUESTION_FORMS, Attractor


def hint_for(session: Session) -> Suggestion:
    """The move that fits where this conversation stands, taking up what the coachee just offered."""
    scenario = session.scenario
    exchanges = tuple(
        Exchange(
            turn.trainee,
            turn.move.focus,
            turn.move.attractor is Attractor.NEA,
            turn.coachee,
            not turn.move.is_unclear,
            turn.move.form in QUESTION_FORMS
            and Rule.REPEAT.value not in turn.rules,  # as the scorecard credits it
        )
        for turn in session.turns
    )
    told = tuple(
        (scenario.story_item(item).kind, scenario.story_item(item).text) for item in session.revealed
    )
    topics = topic_words(topic.words for topic in getattr(scenario, "topics", ()))
    last = session.turns[-1] if session.turns else None
    index = coach_line_index(scenario)
    persona_lines = (
        index.after(last.coachee, last.reveals) if last is not None else index.after(scenario.opening.text)
    )
    here = moment(
        exchanges,
        scenario.opening.text,
        session.state,
        told,
        topics,
        persona_lines=persona_lines,
        names=persona_names(scenario),
    )
    return next_step_on_arc(here, reflects, feeling_of)
