"""Practice without a terminal: one trainee line per input line, each reply printed.

Scripts, tests and trainers replaying a conversation use this mode; it writes the
same transcript as the interactive app and honours the same slash commands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from simulator.shell.conversation import Conversation, OutcomeKind
from simulator.shell.render import (
    coachee_line,
    ending_lines,
    hint_lines,
    meter,
    move_label,
    resume_lines,
    state_change,
)
from simulator.text import strip_control


def run_piped(
    conversation: Conversation,
    lines: Iterable[str],
    echo: Callable[[str], object],
    *,
    show_meter: bool = True,
) -> str:
    """Play every input line; return why the conversation ended (eof, quit, turn_limit, coachee_left, interrupted)."""
    session = conversation.session
    name = session.scenario.coachee.name
    echo(coachee_line(name, session.scenario.opening.text, session.scenario.opening.cue))
    for line in resume_lines(session):
        echo(line)
    try:
        for raw in lines:
            if not raw.strip():
                continue
            outcome = conversation.handle(raw)
            if outcome.kind is OutcomeKind.QUIT:
                return "quit"
            if outcome.kind is OutcomeKind.UNSAVED:
                # Nobody is there to say the line again, and the lines after it were written for a
                # coachee who heard it: stop here, with every turn before it saved.
                return "interrupted"
            if outcome.kind is OutcomeKind.TURN and outcome.turn is not None:
                echo(coachee_line(name, outcome.turn.coachee, outcome.turn.cue))
                if show_meter:
                    echo(f"  [{move_label(outcome.turn)}] {state_change(outcome.turn)}")
                if session.end_reason is not None:
                    for _, text in ending_lines(session):
                        echo(text)
                    return session.end_reason.value
            elif outcome.kind is OutcomeKind.UNDO and outcome.turn is not None:
                echo(f"  (took back turn {outcome.turn.n})")
                if show_meter:
                    echo(f"  {meter(session.openness, session.state)}")
            elif outcome.kind is OutcomeKind.HINT and outcome.hint is not None:
                for line in hint_lines(outcome.hint):
                    echo(f"  {line}")
            else:
                echo(f"  {strip_control(outcome.message)}")
    except KeyboardInterrupt:
        return "interrupted"
    return "eof"
