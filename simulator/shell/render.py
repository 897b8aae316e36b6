"""Plain-text pieces both front ends show: the meter, a coachee reply, the closing report.

Everything that came from a scenario file or a trainee passes through `strip_control`
here, so no escape sequence in either ever reaches the terminal raw. `fit` wraps lines to
a terminal's width at spaces only, so no word is ever broken across two lines.
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

from simulator.text import strip_control
from simulator.vocabulary import MeasureKey, State

if TYPE_CHECKING:
    # The practice app draws its first screen with this module before the engine has loaded:
    # what only a played turn needs is imported where it is used.
    from simulator.arc import Suggestion
    from simulator.engine.session import Session
    from simulator.records import Turn

METER_WIDTH = 18

NARROWEST = 20
"""Lines are never wrapped narrower than this, however narrow the terminal says it is."""

_HANGING = re.compile(r"^(\s*(?:[-+~*]|\d+\.)?\s*)")
# A row of columns (two or more spaces apart): its wrapped lines hang under the last column.
_LAST_COLUMN = re.compile(r"^.*\S {2,}(?=\S)")


def meter(openness: float, state: State) -> str:
    """The openness meter: a bar across the six states, and the state's name."""
    filled = round(openness / len(State) * METER_WIDTH)
    return f"[{'#' * filled}{'.' * (METER_WIDTH - filled)}] {state.value}"


def ending_lines(session: Session) -> list[tuple[str, str]]:
    """What the coachee's side of an ended conversation adds, as (kind, text): kind `coachee` or `note`.

    At the turn limit the coachee says the scenario's closing line; a coachee who left has
    already said so in their last reply, so a note says they have gone and why.
    """
    from simulator.records import EndReason
    from simulator.rules import END_DEFENSIVE, END_HOT_BUTTON, Rule

    name = session.scenario.coachee.name
    if session.end_reason is EndReason.COACHEE_LEFT:
        rule = next((r for r in session.turns[-1].rules if r.startswith(f"{Rule.END.value}.")), "")
        left_because = {
            END_DEFENSIVE: "left defensive for too many turns in a row",
            END_HOT_BUTTON: "that line hit the nerve that ends the meeting for them",
        }
        why = left_because.get(rule.partition(".")[2], Rule.END.explanation)
        return [("note", f"  ({strip_control(name)} has left the meeting: {why}.)")]
    if session.end_reason is EndReason.TURN_LIMIT:
        closing = session.scenario.closing
        return [("coachee", coachee_line(name, closing.text, closing.cue))]
    return []


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


def fit(line: str, width: int | None, indent: str | None = None) -> list[str]:
    """`line` wrapped at spaces to `width` columns (unwrapped when `width` is None); never mid-word.

    Wrapped lines hang under the line's text: after its indentation and any bullet ('- ',
    '1. '), or under the last column of a row whose columns are two or more spaces apart.
    A word longer than the whole width is left whole on a line of its own.
    """
    text = strip_control(line).rstrip()
    if width is None or len(text) <= width:
        return [text]
    width = max(width, NARROWEST)
    if indent is None:
        hangs = [found.group(0) for found in (_LAST_COLUMN.match(text), _HANGING.match(text)) if found]
        indent = next((" " * len(hang) for hang in hangs if width - len(hang) >= NARROWEST), "")
    lead = text[: len(text) - len(text.lstrip())]
    return textwrap.wrap(
        text.lstrip(),
        width=width,
        initial_indent=lead,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [text]


def closing_report(session: Session, width: int | None = None) -> list[str]:
    """The short summary and the scorecard at a glance, shown when a conversation ends.

    With a `width`, every line is wrapped to it at spaces (see `fit`), so a narrow terminal
    never breaks a word of the summary across two lines.
    """
    from scoring.summary import summarise, summary_lines  # the scorer loads when the conversation ends
    from scoring.text_report import advice_lines, glance_lines
    from simulator.trainer.rehearsal import score_session

    summary = summarise(session.turns, session.scenario.coachee.starting_state, session.revealed)
    card = score_session(session)
    lines = [
        "",
        "--- Conversation summary ---",
        *summary_lines(summary, card.measure(MeasureKey.PEA_NEA_RATIO).shown),
        "",
        *glance_lines(card),
        "",
        *advice_lines(card),
    ]
    return [wrapped for line in lines for wrapped in fit(line, width)]
