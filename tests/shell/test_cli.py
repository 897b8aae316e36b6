"""The `coach` command line: listing scenarios, piped practice, and one-line errors."""

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from simulator.engine.transcript import read_transcript
from simulator.scenario import catalogue
from simulator.shell.cli import main

runner = CliRunner()


def test_every_command_has_help_text() -> None:
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert command.help, f"coach {name} has no help text"
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


@pytest.mark.slow
def test_scenarios_lists_every_bundled_scenario() -> None:
    result = runner.invoke(main, ["scenarios"])
    assert result.exit_code == 0
    for scenario_id in catalogue.bundled_ids():
        assert scenario_id in result.output
    assert f"{catalogue.DEFAULT_SCENARIO}" in result.output and "(default)" in result.output


@pytest.mark.slow
def test_scenarios_json_is_an_array_with_id_and_title() -> None:
    result = runner.invoke(main, ["scenarios", "--json"])
    rows = json.loads(result.output)
    assert [row["id"] for row in rows] == catalogue.bundled_ids()
    assert all(row["title"] for row in rows)


@pytest.mark.slow
def test_piped_practice_prints_replies_and_saves_the_transcript(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    lines = "Hi Grace, thanks for coming in.\n\nIt sounds like it has been a hard month.\n/hint\n"
    result = runner.invoke(main, ["practice", "--seed", "4", "--transcript", str(path)], input=lines)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Grace Mensah: (stands in the doorway, arms folded)")
    assert "Try: " in result.output and "Conversation summary" in result.output
    transcript = read_transcript(path)
    assert transcript.trainee_lines == [
        "Hi Grace, thanks for coming in.",
        "It sounds like it has been a hard month.",
    ]
    assert transcript.end is not None and transcript.end["reason"] == "eof"


def test_piped_practice_honours_undo_and_quit(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    lines = "Hello.\nDid you finish the notes?\n/undo\n/quit\nNever read.\n"
    result = runner.invoke(main, ["practice", "--seed", "1", "--transcript", str(path)], input=lines)
    assert "took back turn 2" in result.output
    transcript = read_transcript(path)
    assert transcript.trainee_lines == ["Hello."]
    assert transcript.end is not None and transcript.end["reason"] == "quit"


def test_no_meter_hides_the_coachee_state(tmp_path: Path) -> None:
    args = ["practice", "--seed", "1", "--no-meter", "--transcript", str(tmp_path / "t.jsonl")]
    result = runner.invoke(main, args, input="Hello.\n")
    assert "guarded" not in result.output.split("--- Conversation summary")[0]


def test_practice_runs_a_scenario_given_by_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(catalogue.bundled_text(catalogue.DEFAULT_SCENARIO).replace("Grace Mensah", "Grace Test"))
    result = runner.invoke(
        main, ["practice", str(path), "--transcript", str(tmp_path / "t.jsonl")], input="Hi.\n"
    )
    assert result.exit_code == 0 and "Grace Test:" in result.output


def test_unknown_scenario_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = runner.invoke(main, ["practice", "no-such-scenario", "--transcript", str(tmp_path / "t.jsonl")])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "no bundled scenario 'no-such-scenario'" in result.output


def test_malformed_scenario_gives_a_located_error_and_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\ntitle: [oops\n")
    result = runner.invoke(main, ["practice", str(path), "--transcript", str(tmp_path / "t.jsonl")])
    assert result.exit_code == 1
    assert result.output.startswith(
        f"coach: error: {path}:2:8: error: YAML syntax: the [ here is never closed"
    )
    assert "Traceback" not in result.output


def test_existing_transcript_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text("precious\n")
    result = runner.invoke(main, ["practice", "--transcript", str(path)], input="Hi.\n")
    assert result.exit_code == 1 and "already exists" in result.output
    assert path.read_text() == "precious\n"


def test_default_transcript_goes_under_the_configured_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_TRANSCRIPTS", str(tmp_path))
    result = runner.invoke(main, ["practice", "--seed", "2"], input="Hello.\n")
    saved = list(tmp_path.glob("ward-nurse-charting-*.jsonl"))
    assert result.exit_code == 0 and len(saved) == 1 and str(saved[0]) in result.output


def test_escape_sequences_typed_by_the_trainee_never_reach_the_output(tmp_path: Path) -> None:
    lines = "Hello \x1b[2J\x1b]0;pwned\x07 Grace\n\x1b[31m/hint\n"
    result = runner.invoke(main, ["practice", "--transcript", str(tmp_path / "t.jsonl")], input=lines)
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_help_does_not_import_prompt_toolkit_or_the_engine() -> None:
    code = (
        "import sys; from simulator.shell.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('prompt_toolkit', 'pydantic', 'transitions') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().endswith("[]")


@pytest.mark.slow
def test_scenarios_shows_each_difficulty() -> None:
    rows = json.loads(runner.invoke(main, ["scenarios", "--json"]).output)
    assert all(row["difficulty"] in ("easy", "moderate", "hard") for row in rows)
    table = runner.invoke(main, ["scenarios"]).output
    assert all(row["difficulty"] in table for row in rows)


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert isinstance(main, click.Group)
    missing = [name for name in main.commands if f"coach {name}" not in readme]
    assert not missing, f"commands without an example in the README: {missing}"


def test_empty_or_misspelt_phrases_file_is_a_located_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("\n")
    result = runner.invoke(main, ["classify", "--phrases", str(empty), "Hello."])
    assert result.exit_code == 1 and f"{empty}:1:1: error: file is empty" in result.output
    misspelt = tmp_path / "typo.yaml"
    misspelt.write_text("nae: [Datix]\n")
    result = runner.invoke(main, ["classify", "--phrases", str(misspelt), "Hello."])
    assert (
        result.exit_code == 1
        and f"{misspelt}:1:1: error: nae: unknown key 'nae'; did you mean 'nea'?" in result.output
    )


@pytest.mark.slow
def test_piped_practice_marks_what_the_coachee_revealed(tmp_path: Path) -> None:
    compassion = next(
        t for t in catalogue.load(catalogue.DEFAULT_SCENARIO).scenario.tests if t.style == "compassion"
    )
    args = ["practice", "--seed", str(compassion.seed), "--transcript", str(tmp_path / "t.jsonl")]
    result = runner.invoke(main, args, input="\n".join(compassion.lines) + "\n")
    assert "(revealed: vision)" in result.output


def test_classify_json_prints_the_confidence_and_whether_the_line_is_unclear() -> None:
    from simulator.vocabulary import UNCLEAR_BELOW

    result = runner.invoke(main, ["classify", "--json", "What would a great year look like for you?", "mm"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["form"] for r in records] == ["open_question", "other"]
    assert all(
        0.0 <= r["confidence"] <= 1.0 and r["unclear"] is (r["confidence"] < UNCLEAR_BELOW) for r in records
    )
    assert records[0]["cues"]
