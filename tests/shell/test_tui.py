"""The interactive app, driven through a pipe with no terminal: keys in, outcomes and transcript out."""

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from simulator.engine.session import Session
from simulator.engine.transcript import TranscriptWriter, end_record, header_record, read_transcript
from simulator.scenario import catalogue
from simulator.scenario.model import Scenario
from simulator.shell import tui
from simulator.shell.conversation import Conversation
from simulator.shell.render import closing_report, move_label, state_change
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


@pytest.mark.slow
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


# --- widths: nothing is cut mid-word at 60, 80 or 120 columns, and a resize re-wraps what follows ----

LONG_LINES = [
    "Thanks for coming in, Grace; before anything else, what would make the next half hour genuinely "
    "useful for you, given everything that has been happening on the ward these last couple of months?",
    "It sounds like the last couple of months have been exhausting, and that you have been holding the "
    "bay together while the paperwork quietly piled up behind you.",
    "/help",
]


class SizedOutput(DummyOutput):
    """A screen of a given width that the test can resize."""

    def __init__(self, columns: int) -> None:
        super().__init__()
        self.columns = columns

    def get_size(self) -> Size:
        return Size(rows=40, columns=self.columns)


def words(text: str) -> str:
    return " ".join(text.split())


def shown_while_practising(
    pipe: PipeInput, monkeypatch: pytest.MonkeyPatch, output: SizedOutput, on_show: object = None
) -> tuple[Conversation, list[str]]:
    """Everything the app printed (its data, not a screen), one string per print."""
    printed: list[str] = []

    def record(text: FormattedText, **_: object) -> None:
        printed.append("".join(fragment for _, fragment, *_ in text))
        if callable(on_show):
            on_show(printed)

    monkeypatch.setattr(tui, "print_formatted_text", record)
    conversation = Conversation(Session(LOADED.scenario, seed=2))
    pipe.send_text("".join(line + "\r" for line in LONG_LINES) + CTRL_D)
    run_interactive(conversation, input=pipe, output=output)
    return conversation, printed


@pytest.mark.slow
@pytest.mark.parametrize("columns", [60, 80, 120])
def test_every_printed_line_fits_the_width_and_no_word_is_split(
    pipe: PipeInput, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    conversation, printed = shown_while_practising(pipe, monkeypatch, SizedOutput(columns))
    rows = [row for chunk in printed for row in chunk.splitlines()]
    assert rows and all(len(row) < columns for row in rows), max(rows, key=len)
    everything = words("\n".join(printed))
    turns = conversation.session.turns
    assert len(turns) == 2
    for turn in turns:
        assert words(f"You: {turn.trainee}") in everything  # the echoed line, whole
        assert words(turn.coachee) in everything
        assert words(f"[{move_label(turn)}] {state_change(turn)}") in everything
    scenario = LOADED.scenario
    for text in (scenario.situation, scenario.coachee.background, scenario.opening.text):
        assert words(text) in everything


def test_a_resized_terminal_gets_replies_wrapped_to_its_new_width(
    pipe: PipeInput, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = SizedOutput(120)
    resized_after: list[int] = []

    def shrink_after_the_first_reply(printed: list[str]) -> None:
        if not resized_after and sum("Grace Mensah:" in chunk for chunk in printed) == 2:
            output.columns = 60
            resized_after.append(len(printed))

    conversation, printed = shown_while_practising(pipe, monkeypatch, output, shrink_after_the_first_reply)
    before = [row for chunk in printed[: resized_after[0]] for row in chunk.splitlines()]
    after = [row for chunk in printed[resized_after[0] :] for row in chunk.splitlines()]
    assert max(len(row) for row in before) > 60  # wide while the terminal was wide
    assert after and all(len(row) < 60 for row in after)
    assert words(conversation.session.turns[1].coachee) in words("\n".join(printed))


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_the_toolbar_fits_the_width_without_cutting_a_word(columns: int) -> None:
    conversation = Conversation(Session(LOADED.scenario))
    conversation.handle("Did you finish the notes?")
    for show_meter in (True, False):
        laid_out = toolbar_text(conversation, show_meter, columns - 1)
        assert all(len(row) < columns for row in laid_out.splitlines())
        one_line = toolbar_text(conversation, show_meter)
        assert [w for w in laid_out.split() if w != "|"] == [w for w in one_line.split() if w != "|"]
    assert len(toolbar_text(conversation, True, 59).splitlines()) > 1


def test_with_the_meter_hidden_the_toolbar_shows_no_tally() -> None:
    conversation = Conversation(Session(LOADED.scenario))
    conversation.handle("Did you finish the notes?")
    for width in (None, 59, 119):
        hidden = toolbar_text(conversation, show_meter=False, width=width)
        assert "PEA" not in hidden and "NEA" not in hidden and "turn 1/30" in hidden


@pytest.mark.parametrize("show_meter", [True, False])
def test_the_app_draws_the_tally_only_with_the_meter(pipe: PipeInput, show_meter: bool) -> None:
    from prompt_toolkit.output.plain_text import PlainTextOutput

    screen = io.StringIO()
    pipe.send_text(f"Did you finish the notes?\r{CTRL_D}")
    conversation = Conversation(Session(LOADED.scenario, seed=2))
    run_interactive(conversation, show_meter=show_meter, input=pipe, output=PlainTextOutput(screen))
    shown = screen.getvalue()
    assert "turn 0/30" in shown
    assert ("PEA 0 · NEA 0" in shown) is show_meter and ("openness [" in shown) is show_meter


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_the_closing_summary_is_wrapped_at_spaces(columns: int) -> None:
    session = Session(LOADED.scenario, seed=2)
    for line in LONG_LINES[:2]:
        session.say(line)
    unwrapped = closing_report(session)
    wrapped = closing_report(session, columns - 1)
    assert all(len(row) < columns for row in wrapped)
    assert words("\n".join(wrapped)) == words("\n".join(unwrapped))
    assert any(len(row) >= columns for row in unwrapped)  # there was something to wrap
