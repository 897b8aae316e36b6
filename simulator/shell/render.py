"""Plain-text pieces both front ends show: the meter, a coachee reply, the closing report.

Everything that came from a scenario file or a trainee passes through `strip_control`
here, so no escape sequence in either ever reaches the terminal raw.
"""

from __future__ import annotations

from scoring.summary import summarise, summary_lines
from scoring.text_report import advice_lines, glance_lines
from simulator.arc import Suggestion
from simulator.engine.session import Session
from simulator.records import Turn
from simulator.text import strip_control
from simulator.trainer.rehearsal import score_session
from simulator.vocabulary import State

METER_WIDTH = 18


def meter(openness: float, state: State) -> str:
    """The openness meter: a bar across the six states, and the state's name."""
    filled = round(openness / len(State) * METER_WIDTH)
    return f"[{'#' * filled}{'.' * (METER_WIDTH - filled)}] {state.value}"


def coachee_line(name: str, text: str, cue: str) -> str:
    """What the coachee says, with the nonverbal cue before it."""
    cue_part = f"({strip_control(cue)}) " if cue else ""
    return f"{strip_control(name)}: {cue_part}{strip_control(text)}"


def state_change(turn: Turn) -> str:
    """How the turn moved the coachee, e.g. 'guarded -> neutral', and what they revealed, if anything."""
    moved = (
        turn.state_after.value
        if turn.state_before is turn.state_after
        else f"{turn.state_before.value} -> {turn.state_after.value}"
    )
    return moved + "".join(f"  (revealed: {item})" for item in turn.reveals)


def resume_lines(session: Session) -> list[str]:
    """For a conversation picked up again: how far it had got, and the last exchange."""
    if not session.turns:
        return []
    last = session.turns[-1]
    return [
        f"(Resuming after {len(session.turns)} turn(s). Your last line: {strip_control(last.trainee)})",
        coachee_line(session.scenario.coachee.name, last.coachee, last.cue),
    ]


def move_label(turn: Turn) -> str:
    """How the trainee's line was read, e.g. 'open_question / vision / PEA'."""
    move = turn.move
    return f"{move.form.value} / {move.focus.value} / {move.attractor.value}"


def hint_lines(hint: Suggestion) -> list[str]:
    """A hint as three short lines."""
    return [f"Try: {hint.move}", f"Why: {hint.why}", f'e.g. "{hint.example}"']


def closing_report(session: Session) -> list[str]:
    """The short summary and the scorecard at a glance, shown when a conversation ends."""
    summary = summarise(session.turns, session.scenario.coachee.starting_state, session.revealed)
    card = score_session(session)
    return [
        "",
        "--- Conversation summary ---",
        *summary_lines(summary),
        "",
        *glance_lines(card),
        "",
        *advice_lines(card),
    ]
