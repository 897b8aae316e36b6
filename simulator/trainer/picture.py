"""The coachee's states as a picture that needs no viewer: one SVG, or a page around it.

`coach graph --svg` and `--html` write these. The six states stand left to right in their
order; arrows above them say how the coachee opens up (and which gate each rise waits
for), arrows below how they close down, and dashed arrows where they shut down, with the
moves and words that do it. Every hot button is drawn, what it does included, whether it
shuts the coachee down or drops them part of the way. Given a transcript, the states the
conversation passed through are filled, the arrows it took are drawn bold with their turn
numbers, and a chart underneath follows the coachee's state turn by turn.

Everything is drawn here, as text: no script, no font or style sheet from elsewhere, so the
page opens offline in any browser. Scenario text is escaped before it is drawn.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from simulator.scenario.check import reachable_states
from simulator.scenario.model import HotButton, Scenario
from simulator.text import strip_control
from simulator.trainer.graph import PathTurn, path_edges
from simulator.trainer.path_words import story_kind_words
from simulator.vocabulary import State

BOX_WIDTH, BOX_HEIGHT, BOX_GAP = 124, 54, 40
MARGIN = 36
STATES_TOP = 150
LABEL_CHARS = 26
"""Arrow labels are wrapped to this many characters, about the gap between two states."""

INK, MUTED, RISE, FALL, SHUT, DROP, PATH = (
    "#1f2733",
    "#6b7487",
    "#3b6fb6",
    "#8a5a2b",
    "#c0392b",
    "#d9822b",
    "#1e8e3e",
)

SHUTDOWN_MOVES = {
    "confront": "a confrontation",
    "advice": "unasked-for advice",
    "compliance_check": "a compliance check before the vision",
}
"""The moves a persona may shut down on (`shuts_down_on`), in the coaching model's words."""


@dataclass(frozen=True)
class _Arrow:
    source: State
    dest: State
    words: str
    colour: str
    turns: tuple[str, ...]  # the turns that took it, e.g. ("4", "5: shut down")


def _text(value: str) -> str:
    return escape(strip_control(value), quote=True)


def _x(state: State) -> int:
    return MARGIN + state.rank * (BOX_WIDTH + BOX_GAP)


def _centre(state: State) -> int:
    return _x(state) + BOX_WIDTH // 2


def _or(words: Sequence[str], joiner: str = "or") -> str:
    items = list(words)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {joiner} {items[-1]}"


def rise_words(scenario: Scenario, dest: State) -> str:
    """What it takes to climb to `dest`, in plain words ("opens up once ... explored")."""
    temperament = scenario.coachee.temperament
    if dest is State.OPEN and temperament.open_needs:
        return f"opens up, once you have explored {_or([str(f) for f in temperament.open_needs])}"
    if dest is State.ENERGISED and temperament.energised_needs:
        told = _or([story_kind_words(str(kind)) for kind in temperament.energised_needs], "and")
        return f"opens up, once they have told you {told}"
    return "opens up"


def shutdown_causes(scenario: Scenario) -> list[str]:
    """The moves and words that shut this coachee down, in plain words."""
    persona = scenario.coachee
    moves = [SHUTDOWN_MOVES.get(str(kind), str(kind)) for kind in persona.temperament.shuts_down_on]
    words = [
        f"the hot button {button.id} ('{button.words[0]}', ...)"
        for button in persona.hot_buttons
        if button.effect == "shutdown"
    ]
    return moves + words


def typical_sensitivity(scenario: Scenario) -> float:
    """The coachee's sensitivity as the trainer tools take it: the middle of any range."""
    return float(scenario.coachee.temperament.draw().sensitivity)


def button_effect(button: HotButton, sensitivity: float) -> str:
    """What a hot button does, in plain words."""
    when = " (only in an NEA line)" if button.fires_on == "nea" else ""
    if button.effect == "shutdown":
        return f"shuts them down to defensive{when}"
    states = round(button.drop * sensitivity, 2)
    return f"drops their openness by {states:g} of a state{when}"


def _label(
    x: float,
    y: float,
    words: str,
    colour: str,
    anchor: str = "middle",
    size: int = 12,
    *,
    upward: bool = False,
) -> str:
    """Text wrapped to an arrow's width; `upward` puts its last line at `y`, so it grows away from the arrow."""
    rows = textwrap.wrap(words, LABEL_CHARS) or [""]
    if upward:
        y -= (len(rows) - 1) * (size + 2)
    spans = "".join(
        f'<tspan x="{x:g}" dy="{0 if index == 0 else size + 2}">{_text(row)}</tspan>'
        for index, row in enumerate(rows)
    )
    return (
        f'<text x="{x:g}" y="{y:g}" font-size="{size}" fill="{colour}" text-anchor="{anchor}">{spans}</text>'
    )


def _arrows(scenario: Scenario, turns: Sequence[PathTurn]) -> list[_Arrow]:
    drawn_shutdowns = bool(shutdown_causes(scenario))
    taken: dict[tuple[State, State, bool], list[str]] = {}
    for edge in path_edges(turns):
        shut = edge.trigger == "shut_down"
        # A shutdown from guarded, or from a persona with no shutdown arrows drawn, goes down the fall arrow.
        dashed = shut and drawn_shutdowns and edge.source.rank > State.GUARDED.rank
        note = f"{edge.turn}: shut down" if shut and not dashed else str(edge.turn)
        taken.setdefault((edge.source, edge.dest, dashed), []).append(note)
    order = list(State)
    arrows = []
    for lower, higher in pairwise(order):
        rise = tuple(taken.get((lower, higher, False), ()))
        arrows.append(_Arrow(lower, higher, rise_words(scenario, higher), RISE, rise))
        arrows.append(
            _Arrow(higher, lower, "closes down", FALL, tuple(taken.get((higher, lower, False), ())))
        )
    if drawn_shutdowns:
        for state in order[2:]:  # from guarded the fall and the shutdown are the same arrow
            shutdowns = tuple(taken.get((state, State.DEFENSIVE, True), ()))
            arrows.append(_Arrow(state, State.DEFENSIVE, "shuts down", SHUT, shutdowns))
    return arrows


def _arrow_svg(arrow: _Arrow) -> str:
    rising = arrow.dest.rank > arrow.source.rank
    shut = arrow.colour == SHUT
    width = 4 if arrow.turns else 1.6
    colour = PATH if arrow.turns else arrow.colour
    dash = ' stroke-dasharray="7 5"' if shut else ""
    marker = f"url(#{_HEADS[colour]})"
    turns = f" (turn {', '.join(arrow.turns)})" if arrow.turns else ""
    if rising:
        x1, x2, y = _x(arrow.source) + BOX_WIDTH - 14, _x(arrow.dest) + 14, STATES_TOP
        path = f"M{x1},{y} C{x1 + 12},{y - 44} {x2 - 12},{y - 44} {x2},{y - 2}"
        label = _label((x1 + x2) / 2, y - 50, arrow.words + turns, colour, upward=True)
    elif not shut:
        x1, x2, y = _x(arrow.source) + 14, _x(arrow.dest) + BOX_WIDTH - 14, STATES_TOP + BOX_HEIGHT
        path = f"M{x1},{y} C{x1 - 12},{y + 40} {x2 + 12},{y + 40} {x2},{y + 2}"
        label = _label((x1 + x2) / 2, y + 46, arrow.words + turns, colour)
    else:
        depth = 84 + arrow.source.rank * 16
        x1, x2, y = (
            _centre(arrow.source),
            _centre(State.DEFENSIVE) + arrow.source.rank * 8,
            STATES_TOP + BOX_HEIGHT,
        )
        path = f"M{x1},{y} C{x1},{y + depth} {x2},{y + depth} {x2},{y + 2}"
        # Only a shutdown this conversation took is labelled here; the legend below names them all.
        label = _label(x1 + 6, y + 74, f"shut down{turns}", colour, anchor="start", size=11) if turns else ""
    return (
        f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="{width}"{dash} marker-end="{marker}">'
        f"<title>{_text(arrow.source.value + ' to ' + arrow.dest.value + ': ' + arrow.words)}</title></path>{label}"
    )


def _state_svg(state: State, scenario: Scenario, visited: set[State], reached: tuple[State, ...]) -> str:
    x = _x(state)
    start = state is scenario.coachee.starting_state
    unreachable = state not in reached
    fill = "#e6f4ea" if state in visited else ("#f1f3f4" if unreachable else "#ffffff")
    stroke = MUTED if unreachable else (PATH if state in visited else INK)
    dash = ' stroke-dasharray="4 3"' if unreachable else ""
    note = "starts here" if start else ("never reached" if unreachable else "")
    caption = (
        f'<text x="{x + BOX_WIDTH / 2:g}" y="{STATES_TOP + 42}" font-size="11" fill="{MUTED}" text-anchor="middle">{note}</text>'
        if note
        else ""
    )
    return (
        f'<g><rect x="{x}" y="{STATES_TOP}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="10" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="{3 if start else 1.5}"{dash}/>'
        f'<text x="{x + BOX_WIDTH / 2:g}" y="{STATES_TOP + 24}" font-size="15" font-weight="bold" fill="{INK}" '
        f'text-anchor="middle">{state.value}</text>{caption}</g>'
    )


_HEADS = {RISE: "head-rise", FALL: "head-fall", SHUT: "head-shut", PATH: "head-path"}


def _defs() -> str:
    heads = "".join(
        f'<marker id="{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="10" markerHeight="10" '
        f'markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/>'
        "</marker>"
        for colour, name in _HEADS.items()
    )
    return f"<defs>{heads}</defs>"


def _buttons_svg(scenario: Scenario, top: float) -> tuple[str, float]:
    buttons = scenario.coachee.hot_buttons
    sensitivity = typical_sensitivity(scenario)
    parts = [
        f'<text x="{MARGIN}" y="{top}" font-size="14" font-weight="bold" fill="{INK}">Hot buttons</text>'
    ]
    y = top + 22
    if not buttons:
        text, y = _paragraph(MARGIN, y, "None: no word hits harder than the move that carries it.", MUTED)
        return "".join(parts) + text, y
    for button in buttons:
        colour = SHUT if button.effect == "shutdown" else DROP
        glyph = (
            f'<line x1="{MARGIN}" y1="{y - 4}" x2="{MARGIN + 26}" y2="{y - 4}" stroke="{colour}" stroke-width="2.5" '
            f'stroke-dasharray="{"7 5" if button.effect == "shutdown" else "2 3"}"/>'
        )
        words = ", ".join(button.words)
        text, y = _paragraph(
            MARGIN + 36, y, f"{button.id}: {button_effect(button, sensitivity)}. Words: {words}", INK
        )
        parts.append(glyph + text)
    return "".join(parts), y


PARAGRAPH_CHARS = 135
"""Lines of 12-pixel text across the picture are wrapped to this many characters."""


def _paragraph(x: float, y: float, words: str, colour: str) -> tuple[str, float]:
    """Text across the picture, wrapped; and the y where the next line goes."""
    rows = textwrap.wrap(words, PARAGRAPH_CHARS) or [""]
    spans = "".join(
        f'<tspan x="{x:g}" dy="{0 if index == 0 else 15}">{_text(row)}</tspan>'
        for index, row in enumerate(rows)
    )
    return f'<text x="{x:g}" y="{y:g}" font-size="12" fill="{colour}">{spans}</text>', y + 15 * len(rows) + 5


def _chart_svg(scenario: Scenario, turns: Sequence[PathTurn], top: float, width: int) -> tuple[str, float]:
    """The coachee's state turn by turn: a step line over the six states, hot buttons marked."""
    if not turns:
        return "", top
    row, left = 20, MARGIN + 80
    step = min(40, (width - left - MARGIN) / max(len(turns), 1))
    bottom = top + 30 + row * (len(State) - 1)
    parts = [
        f'<text x="{MARGIN}" y="{top}" font-size="14" font-weight="bold" fill="{INK}">The conversation\'s path, turn by turn</text>'
    ]
    for state in State:
        y = bottom - state.rank * row
        parts.append(
            f'<text x="{left - 8}" y="{y + 4}" font-size="11" fill="{MUTED}" text-anchor="end">{state.value}</text>'
        )
        parts.append(
            f'<line x1="{left}" y1="{y}" x2="{left + step * len(turns):g}" y2="{y}" stroke="#e3e6eb"/>'
        )
    points: list[tuple[float, float]] = [(left, bottom - turns[0].before.rank * row)]
    for index, turn in enumerate(turns, start=1):
        x = left + step * index
        points.append((x, bottom - turn.before.rank * row))
        points.append((x, bottom - turn.after.rank * row))
    line = " ".join(f"{x:g},{y:g}" for x, y in points)
    parts.append(f'<polyline points="{line}" fill="none" stroke="{PATH}" stroke-width="2.5"/>')
    for index, turn in enumerate(turns, start=1):
        x = left + step * index
        y = bottom - turn.after.rank * row
        hit = turn.shut_down or turn.hot_buttons
        colour = SHUT if turn.shut_down else (DROP if hit else PATH)
        what = ", ".join(turn.hot_buttons) or ("shut down" if turn.shut_down else "")
        title = f"turn {turn.turn}: {turn.before.value} to {turn.after.value}" + (
            f" ({what})" if what else ""
        )
        parts.append(
            f'<circle cx="{x:g}" cy="{y}" r="{5 if hit else 3}" fill="{colour}"><title>{_text(title)}</title></circle>'
        )
        if index == 1 or index == len(turns) or index % 5 == 0 or hit:
            parts.append(
                f'<text x="{x:g}" y="{bottom + 16}" font-size="10" fill="{colour if hit else MUTED}" text-anchor="middle">{turn.turn}</text>'
            )
    return "".join(parts), bottom + 30


def svg(scenario: Scenario, turns: Sequence[PathTurn] = ()) -> str:
    """A self-contained SVG of the coachee's states, hot buttons and (given turns) a conversation's path."""
    width = MARGIN * 2 + len(State) * BOX_WIDTH + (len(State) - 1) * BOX_GAP
    reached = reachable_states(scenario).states
    visited = {state for turn in turns for state in (turn.before, turn.after)}
    arrows = _arrows(scenario, turns)
    body = [
        f'<text x="{MARGIN}" y="32" font-size="18" font-weight="bold" fill="{INK}">{_text(scenario.title)}</text>',
        f'<text x="{MARGIN}" y="54" font-size="13" fill="{MUTED}">'
        f"{_text(scenario.coachee.name)}: how their openness moves, from defensive to energised</text>",
        *(_arrow_svg(arrow) for arrow in arrows),
        *(_state_svg(state, scenario, visited, reached) for state in State),
    ]
    y: float = STATES_TOP + BOX_HEIGHT + 165  # below the deepest shutdown arrow
    if turns:
        green = (
            "Green: the states and arrows this conversation passed through, with the turns that took them."
        )
        text, y = _paragraph(MARGIN, y, green, PATH)
        body.append(text)
    causes = shutdown_causes(scenario)
    if causes:
        text, y = _paragraph(
            MARGIN, y, f"Dashed: shuts down to defensive, from any state, on {_or(causes)}.", SHUT
        )
        body.append(text)
    y += 14
    buttons, y = _buttons_svg(scenario, y)
    body.append(buttons)
    chart, y = _chart_svg(scenario, turns, y + 24, width)
    body.append(chart)
    height = y + 20
    label = _text(f"The states of {scenario.coachee.name}, coachee of {scenario.title}")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{label}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui, sans-serif">'
        f"<title>{label}</title>{_defs()}"
        f'<rect width="{width}" height="{height}" fill="#fafbfc"/>{"".join(body)}</svg>\n'
    )


PAGE_STYLE = (
    "body{font-family:system-ui,sans-serif;color:#1f2733;margin:2rem auto;max-width:72rem;padding:0 1rem}"
    "table{border-collapse:collapse;margin:0.5rem 0 1.5rem}th,td{border-bottom:1px solid #dde1e8;"
    "padding:0.3rem 0.8rem;text-align:left;vertical-align:top}th{color:#6b7487;font-weight:600}"
    "svg{max-width:100%;height:auto;border:1px solid #dde1e8}"
)


def html(scenario: Scenario, turns: Sequence[PathTurn] = ()) -> str:
    """A self-contained page: the picture, then its hot buttons and the path as tables (no scripts)."""
    sensitivity = typical_sensitivity(scenario)
    rows = "".join(
        f"<tr><td>{_text(b.id)}</td><td>{_text(', '.join(b.words))}</td>"
        f"<td>{_text(button_effect(b, sensitivity))}</td></tr>"
        for b in scenario.coachee.hot_buttons
    )
    buttons = (
        f"<h2>Hot buttons</h2><table><tr><th>button</th><th>words</th><th>what it does</th></tr>{rows}</table>"
        if rows
        else "<h2>Hot buttons</h2><p>None.</p>"
    )
    path = ""
    if turns:
        steps = "".join(
            f"<tr><td>{turn.turn}</td><td>{turn.before.value}</td><td>{turn.after.value}</td>"
            f"<td>{_text(_turn_words(turn))}</td></tr>"
            for turn in turns
        )
        path = (
            "<h2>The conversation's path</h2><table><tr><th>turn</th><th>from</th><th>to</th>"
            f"<th>what happened</th></tr>{steps}</table>"
        )
    title = _text(f"{scenario.title}: the coachee's states")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{PAGE_STYLE}</style></head><body>"
        f"<h1>{title}</h1><p>{_text(scenario.summary)}</p>{svg(scenario, turns)}{buttons}{path}</body></html>\n"
    )


def _turn_words(turn: PathTurn) -> str:
    if turn.shut_down:
        moved = "shut down"
    elif turn.after.rank > turn.before.rank:
        moved = "opened up"
    elif turn.after.rank < turn.before.rank:
        moved = "closed down"
    else:
        moved = "stayed"
    hit = f"; hot button {', '.join(turn.hot_buttons)}" if turn.hot_buttons else ""
    return moved + hit
