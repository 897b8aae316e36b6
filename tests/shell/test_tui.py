"""The interactive app, driven through a pipe with no terminal: keys in, outcomes and transcript out."""

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from simulator.engine.session import Session
from simulator.engine.transcript import TranscriptWriter, end_record, header_record, read_transcript
from simulator.scenario import catalogue
from simulator.scenario.model import Scenario
from simulator.shell.conversation import Conversation
from simulator.shell.tui import opening_panel, run_interactive, toolbar_text

LOADED = catalogue.load(catalogue.DEFAULT_SCENARIO)
CTRL_C, CTRL_D = "\x03", "\x04"


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe_input, create_app_session(input=pipe_input, output=DummyOutput()):
        yield pipe_input


def practise(
    pipe: PipeInput, keys: str, path: Path, scenario: Scenario = LOADED.scenario
) -> tuple[Conversation, str]:
    session = Session(scenario, seed=2)
    writer = TranscriptWriter.create(path)
    writer.write(header_record(session, LOADED.text, "t0", "test"))
    conversation = Conversation(session, writer)
    pipe.send_text(keys)
    reason = run_interactive(conversation, input=pipe, output=DummyOutput())
    conversation.finish(reason, "t1")
    return conversation, reason


def test_ctrl_d_ends_and_saves_the_conversation(pipe: PipeInput, tmp_path: Path) -> None:
    _, reason = practise(pipe, f"Hello Grace.\rIt sounds like a long shift.\r{CTRL_D}", tmp_path / "t.jsonl")
    assert reason == "eof"
    transcript = read_transcript(tmp_path / "t.jsonl")
    assert transcript.trainee_lines == ["Hello Grace.", "It sounds like a long shift."]
    assert transcript.end is not None and transcript.end["turns"] == 2


def test_undo_takes_back_the_last_turn(pipe: PipeInput, tmp_path: Path) -> None:
    conversation, _ = practise(pipe, f"Hello.\rDid you do the notes?\r/undo\r{CTRL_D}", tmp_path / "t.jsonl")
    assert [turn.trainee for turn in conversation.session.turns] == ["Hello."]
    assert read_transcript(tmp_path / "t.jsonl").trainee_lines == ["Hello."]


def test_ctrl_c_clears_the_line_instead_of_sending_it(pipe: PipeInput, tmp_path: Path) -> None:
    conversation, _ = practise(
        pipe, f"You should just try harder{CTRL_C}Hello.\r{CTRL_D}", tmp_path / "t.jsonl"
    )
    assert [turn.trainee for turn in conversation.session.turns] == ["Hello."]


def test_quit_command_ends_the_conversation(pipe: PipeInput, tmp_path: Path) -> None:
    conversation, reason = practise(pipe, "Hello.\r/quit\rNever sent.\r", tmp_path / "t.jsonl")
    assert reason == "quit" and len(conversation.session.turns) == 1


def test_help_hint_and_blank_lines_play_no_turn(pipe: PipeInput, tmp_path: Path) -> None:
    conversation, _ = practise(pipe, f"/help\r/hint\r\r   \r/nonsense\r{CTRL_D}", tmp_path / "t.jsonl")
    assert conversation.session.turns == ()


def test_turn_limit_ends_the_app(pipe: PipeInput, tmp_path: Path) -> None:
    short = LOADED.scenario.model_copy(update={"turn_limit": 2})
    conversation, reason = practise(pipe, "One.\rTwo.\rThree.\r", tmp_path / "t.jsonl", short)
    assert reason == "turn_limit" and len(conversation.session.turns) == 2


def test_toolbar_shows_meter_turns_and_tally_and_hides_the_meter_on_request() -> None:
    conversation = Conversation(Session(LOADED.scenario))
    conversation.handle("Did you finish the notes?")
    shown = toolbar_text(conversation, show_meter=True)
    assert "openness [" in shown and "turn 1/30" in shown and "PEA 0 · NEA 1" in shown and "/undo" in shown
    assert "openness" not in toolbar_text(conversation, show_meter=False)


def test_toolbar_lists_only_the_commands_the_round_allows() -> None:
    graded = Conversation(Session(LOADED.scenario), allow_undo=False, allow_hints=False)
    shown = toolbar_text(graded, show_meter=False)
    assert "/hint" not in shown and "/undo" not in shown and "/quit" in shown


def test_opening_panel_names_the_coachee_situation_goals_and_keys() -> None:
    text = "".join(fragment for _, fragment, *_ in opening_panel(Conversation(Session(LOADED.scenario))))
    for expected in ["Grace Mensah", "Situation:", "Your goals:", "/hint", "Ctrl-D"]:
        assert expected in text


def test_history_stays_in_memory(pipe: PipeInput, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    practise(pipe, f"A private line.\r{CTRL_D}", tmp_path / "t.jsonl")
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "t.jsonl"]
    assert files == []


def test_end_record_summarises_the_conversation() -> None:
    session = Session(LOADED.scenario)
    session.say("Did you finish the notes?")
    end = end_record(session, "eof", "t1")
    assert end["nea"] == 1 and end["turns"] == 1 and end["final_state"] == session.state.value


def test_a_resumed_conversation_shows_where_it_had_got_to(pipe: PipeInput, tmp_path: Path) -> None:
    from prompt_toolkit.output.plain_text import PlainTextOutput

    session = Session(LOADED.scenario, seed=2)
    session.say("It sounds like a long shift.")
    screen = io.StringIO()
    pipe.send_text(CTRL_D)
    run_interactive(Conversation(session), input=pipe, output=PlainTextOutput(screen))
    shown = screen.getvalue()
    assert "Resuming after 1 turn(s)" in shown and "It sounds like a long shift." in shown
    assert shown.index("Your goals:") < shown.index("Resuming after")
