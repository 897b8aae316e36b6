"""The coachee's state machine as a Mermaid diagram, with a transcript's path highlighted.

`simulator.trainer.picture` draws the same machine as a picture that needs no viewer (SVG,
or a page around it); both read a transcript through `transcript_turns`.

The edges come from `machine_transitions()`, the same list the coachee's `transitions`
machine is built from, labelled with this persona's gates and shutdown triggers. The
diagram is a Mermaid flowchart rather than the `stateDiagram-v2` that the `transitions`
Mermaid backend draws: that backend can style states but not single edges, and a path
through the machine is a sequence of edges (flowcharts have `linkStyle`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from simulator.engine.coachee import machine_transitions
from simulator.errors import TranscriptMismatch
from simulator.rules import Rule, parse_rule_id
from simulator.scenario.check import reachable_states
from simulator.scenario.model import Scenario
from simulator.vocabulary import State

PATH_STYLE = "stroke:#1e8e3e,stroke-width:4px,color:#1e8e3e"


@dataclass(frozen=True)
class PathEdge:
    """One transition the coachee took on a turn of a transcript."""

    turn: int
    source: State
    dest: State
    trigger: str


@dataclass(frozen=True)
class PathTurn:
    """One turn of a transcript as a picture needs it: the states either side and what hit a nerve."""

    turn: int
    before: State
    after: State
    shut_down: bool = False
    hot_buttons: tuple[str, ...] = ()


def transcript_turns(
    scenario: Scenario, header: dict[str, Any], turns: Sequence[dict[str, Any]]
) -> list[PathTurn]:
    """Each turn of a transcript of `scenario`: states before and after, shutdown, hot buttons hit."""
    if header.get("scenario") != scenario.id:
        raise TranscriptMismatch(
            f"the transcript is of scenario {header.get('scenario')!r}, not {scenario.id!r}"
        )
    shutdown_buttons = {b.id for b in scenario.coachee.hot_buttons if b.effect == "shutdown"}
    known_buttons = {b.id for b in scenario.coachee.hot_buttons}
    read: list[PathTurn] = []
    for index, turn in enumerate(turns, start=1):
        number = int(turn.get("n", index))
        try:
            before, after = State(turn["state_before"]), State(turn["state_after"])
        except (KeyError, ValueError):
            raise TranscriptMismatch(f"turn {number}: state_before and state_after must be states") from None
        rules = [_parsed(str(rule)) for rule in turn.get("rules", [])]
        buttons = tuple(
            detail for family, detail in rules if family is Rule.HOT_BUTTON and detail in known_buttons
        )
        shut = any(
            family is Rule.SHUTDOWN or (family is Rule.HOT_BUTTON and detail in shutdown_buttons)
            for family, detail in rules
        )
        read.append(PathTurn(number, before, after, shut, buttons))
    return read


def transcript_path(
    scenario: Scenario, header: dict[str, Any], turns: Sequence[dict[str, Any]]
) -> list[PathEdge]:
    """The transitions a transcript's turns took, one rung at a time (a shutdown is one edge)."""
    return path_edges(transcript_turns(scenario, header, turns))


def path_edges(turns: Sequence[PathTurn]) -> list[PathEdge]:
    """The transitions the turns took, one rung at a time (a shutdown is one edge)."""
    order = list(State)
    edges: list[PathEdge] = []
    for turn in turns:
        before, after = turn.before, turn.after
        if turn.shut_down:
            edges.append(PathEdge(turn.turn, before, State.DEFENSIVE, "shut_down"))
            continue
        step = 1 if after.rank > before.rank else -1
        trigger = "open_up" if step == 1 else "close_down"
        # By index, not by slice: a slice that ends below zero (a fall to defensive) would wrap around.
        rungs = (
            [order[rank] for rank in range(before.rank, after.rank + step, step)]
            if after is not before
            else []
        )
        edges.extend(PathEdge(turn.turn, source, dest, trigger) for source, dest in pairwise(rungs))
    return edges


def _parsed(rule: str) -> tuple[Rule | None, str]:
    # A recorded id this engine does not know moves nothing: the path is read past it.
    try:
        family, detail = parse_rule_id(rule)
    except ValueError:
        return None, ""
    return family, detail or ""


def _quote(text: str) -> str:
    # Mermaid labels in double quotes take any text once their own quotes are entity-coded.
    return '"' + text.replace('"', "#quot;") + '"'


def _gate_label(scenario: Scenario, dest: str) -> str:
    temperament = scenario.coachee.temperament
    if dest == State.OPEN.value and temperament.open_needs:
        return f"open_up [explored {' or '.join(temperament.open_needs)}]"
    if dest == State.ENERGISED.value and temperament.energised_needs:
        return f"open_up [revealed {' and '.join(temperament.energised_needs)}]"
    return "open_up"


def _shutdown_causes(scenario: Scenario) -> list[str]:
    persona = scenario.coachee
    return [
        *persona.temperament.shuts_down_on,
        *(f"'{b.words[0]}'" for b in persona.hot_buttons if b.effect == "shutdown"),
    ]


def mermaid(scenario: Scenario, path: Sequence[PathEdge] = ()) -> str:
    """A Mermaid flowchart of the coachee's machine; states and edges on `path` are highlighted."""
    reach = reachable_states(scenario).states
    taken: dict[tuple[str, str], list[int]] = {}
    for edge in path:
        taken.setdefault((edge.source.value, edge.dest.value), []).append(edge.turn)
    lines = [
        "---",
        f"title: {_quote(f'{scenario.id} ({scenario.coachee.name})')}",
        "---",
        "flowchart LR",
        f"  start([start]) --> {scenario.coachee.starting_state.value}",
    ]
    lines += [f"  {state.value}[{state.value}]" for state in State]
    highlighted: list[int] = []
    link = 1  # link 0 is the start arrow
    causes = _shutdown_causes(scenario)
    for transition in machine_transitions():
        trigger, dest = transition["trigger"], transition["dest"]
        if transition["source"] == "*":
            if not causes:
                continue  # the machine has the edge, but nothing in this persona fires it
            sources = [state.value for state in State if state.value != dest]
            label, arrow = f"shut_down: {', '.join(causes)}", "-.->"
        else:
            sources = [transition["source"]]
            label = _gate_label(scenario, dest) if trigger == "open_up" else trigger
            arrow = "-->"
        for source in sources:
            turns = taken.get((source, dest))
            text = f"{label} (turn {', '.join(map(str, turns))})" if turns else label
            lines.append(f"  {source} {arrow}|{_quote(text)}| {dest}")
            if turns:
                highlighted.append(link)
            link += 1
    lines += [
        "  classDef visited fill:#e6f4ea,stroke:#1e8e3e,stroke-width:2px",
        "  classDef unreachable fill:#f1f3f4,stroke:#9aa0a6,stroke-dasharray:4 3,color:#9aa0a6",
    ]
    visited = sorted({s for edge in path for s in (edge.source, edge.dest)}, key=lambda s: s.rank)
    if visited:
        lines.append(f"  class {','.join(state.value for state in visited)} visited")
    unreachable = [state.value for state in State if state not in reach]
    if unreachable:
        lines.append(f"  class {','.join(unreachable)} unreachable")
    if highlighted:
        lines.append(f"  linkStyle {','.join(map(str, highlighted))} {PATH_STYLE}")
    return "\n".join(lines) + "\n"
