"""The coachee's state machine as Mermaid, with a transcript's path highlighted."""

import itertools
import re

import pytest

from simulator.engine.session import Session
from simulator.engine.transcript import header_record
from simulator.errors import TranscriptMismatch
from simulator.scenario import catalogue
from simulator.trainer.graph import mermaid, transcript_path
from simulator.vocabulary import State

SCENARIO = catalogue.load().scenario
LINES = [
    "Thanks for coming in, Grace. What would make this half hour useful for you?",
    "It sounds like the last couple of months have been exhausting.",
    "What matters most to you about being a nurse?",
    "Honestly, that's not how a charge nurse behaves.",
]


def played(lines: list[str]) -> tuple[dict, list[dict]]:
    session = Session(SCENARIO, seed=1)
    for line in lines:
        session.say(line)
    header = header_record(session, catalogue.bundled_text(SCENARIO.id), "now", "test")
    return header, [turn.as_record() for turn in session.turns]


def test_diagram_has_every_state_and_every_transition_of_the_machine() -> None:
    text = mermaid(SCENARIO)
    assert text.splitlines()[3] == "flowchart LR"
    for state in State:
        assert f"  {state.value}[{state.value}]" in text
    assert text.count("-->|") == 10  # five rises, five falls
    assert text.count("-.->|") == 5  # a shutdown from every state but defensive
    assert '"open_up [explored vision or values]"| open' in text
    assert "linkStyle" not in text


def test_shutdown_edges_are_left_out_when_nothing_in_the_persona_fires_them() -> None:
    calm = SCENARIO.coachee.model_copy(
        update={
            "hot_buttons": (),
            "temperament": SCENARIO.coachee.temperament.model_copy(update={"shuts_down_on": ()}),
        }
    )
    assert "shut_down" not in mermaid(SCENARIO.model_copy(update={"coachee": calm}))


def test_transcript_path_follows_each_rung_and_the_shutdown() -> None:
    header, turns = played(LINES)
    path = transcript_path(SCENARIO, header, turns)
    assert path, "the conversation moved the coachee"
    for edge, following in itertools.pairwise(path):
        assert edge.turn <= following.turn
    for edge in path:
        assert edge.trigger == "shut_down" or abs(edge.dest.rank - edge.source.rank) == 1
    assert path[-1].trigger == "shut_down" and path[-1].dest is State.DEFENSIVE


def test_path_is_highlighted_with_link_styles_and_turn_numbers() -> None:
    header, turns = played(LINES)
    path = transcript_path(SCENARIO, header, turns)
    text = mermaid(SCENARIO, path)
    links = [line for line in text.splitlines() if "-->|" in line or "-.->|" in line]
    styled = re.search(r"linkStyle ([\d,]+) ", text)
    assert styled is not None
    for index in map(int, styled.group(1).split(",")):
        assert "(turn " in links[index - 1]  # link 0 is the start arrow
    assert "class " in text and " visited" in text


def test_transcript_of_another_scenario_is_refused() -> None:
    header, turns = played(LINES[:1])
    with pytest.raises(TranscriptMismatch, match="not 'other'"):
        transcript_path(SCENARIO.model_copy(update={"id": "other"}), header, turns)


def test_turn_with_an_unknown_state_is_refused() -> None:
    header, turns = played(LINES[:1])
    turns[0]["state_after"] = "ecstatic"
    with pytest.raises(TranscriptMismatch, match="turn 1"):
        transcript_path(SCENARIO, header, turns)


def test_labels_cannot_break_out_of_their_quotes() -> None:
    button = SCENARIO.coachee.hot_buttons[0].model_copy(update={"words": ('say "no"',)})
    persona = SCENARIO.coachee.model_copy(update={"hot_buttons": (button,)})
    text = mermaid(SCENARIO.model_copy(update={"coachee": persona}))
    assert "#quot;no#quot;" in text and 'say "no"' not in text


def test_a_fall_of_two_rungs_to_defensive_draws_both_rungs() -> None:
    from simulator.trainer.graph import PathTurn, path_edges
    from simulator.vocabulary import State

    edges = path_edges([PathTurn(4, State.NEUTRAL, State.DEFENSIVE, False, ("audit",))])
    assert [(e.source, e.dest, e.trigger) for e in edges] == [
        (State.NEUTRAL, State.GUARDED, "close_down"),
        (State.GUARDED, State.DEFENSIVE, "close_down"),
    ]
