"""The trainer's commands: validate, schema, new, test, graph and explore, as a trainer runs them."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from simulator.scenario import catalogue
from simulator.scenario.loading import MAX_SCENARIO_BYTES
from simulator.scenario.schema import scenario_json_schema
from simulator.shell.cli import main

runner = CliRunner()
GOOD = catalogue.bundled_text(catalogue.DEFAULT_SCENARIO)
ID = catalogue.DEFAULT_SCENARIO


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
)
BAD_INPUTS: dict[str, tuple[str | bytes, str]] = {
    "YAML syntax error": ("id: x\ntitle: [oops\n", "YAML syntax"),
    "wrong type": (GOOD.replace("turn_limit: 30", "turn_limit: many"), "turn_limit:"),
    "missing required key": (re.sub(r"\nclosing:\n(  .*\n)+", "\n", GOOD), "missing required key 'closing'"),
    "unknown key": (
        GOOD.replace("turn_limit: 30", "turn_limit: 30\nturn_limits: 40"),
        "unknown key 'turn_limits'; did you mean 'turn_limit'?",
    ),
    "duplicate key": (
        GOOD.replace("turn_limit: 30", "turn_limit: 30\nturn_limit: 40"),
        "duplicate key 'turn_limit'",
    ),
    "alias bomb": (BOMB, "anchors and aliases are not allowed"),
    "oversized file": ("# " + "x" * MAX_SCENARIO_BYTES, "larger than the 1,000,000-byte limit"),
    "deep nesting": ("a: " + "[" * 5000 + "]" * 5000, "nesting"),
    "non-UTF-8": (b"id: caf\xe9\n", "not UTF-8 text"),
    "binary": (b"\x00\x01\x02\x03id: x", "binary data"),
    "empty file": ("", "file is empty"),
    "misspelt state": (
        GOOD.replace("starting_state: guarded", "starting_state: gaurded"),
        "did you mean 'guarded'?",
    ),
    "misspelt focus": (GOOD.replace("unlocked_by: [plan]", "unlocked_by: [plna]"), "did you mean 'plan'?"),
    "test naming an unknown state": (
        GOOD.replace("final_at_most: guarded", "final_at_most: gaurded"),
        "test conversation 2 'compliance-led conversation...', expect.final_at_most: 'gaurded' is not one of",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_gives_one_located_error_line_and_exit_1(tmp_path: Path, name: str) -> None:
    content, expected = BAD_INPUTS[name]
    path = write(tmp_path, "bad.yaml", content)
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.splitlines()
    assert len(lines) == 1, lines
    location, severity, message = lines[0].split(": ", 2)
    file, line, column = location.rsplit(":", 2)
    assert file == str(path) and int(line) >= 1 and int(column) >= 1
    assert severity == "error" and expected in message


def test_a_directory_given_as_a_scenario_to_practice_is_a_located_error(tmp_path: Path) -> None:
    result = runner.invoke(main, ["practice", str(tmp_path) + "/", "--transcript", str(tmp_path / "t.jsonl")])
    assert result.exit_code == 1
    assert result.output == f"coach: error: {tmp_path}:1:1: error: is a directory, not a scenario file\n"


def test_validate_reads_the_yaml_files_of_a_directory(tmp_path: Path) -> None:
    write(tmp_path, f"{ID}.yaml", GOOD)
    write(tmp_path, "broken.yml", "id: [x\n")
    write(tmp_path, "notes.txt", "not a scenario")
    result = runner.invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{tmp_path / 'broken.yml'}:1:5: error: YAML syntax")


@pytest.mark.slow
def test_validate_bundled_scenarios_is_clean() -> None:
    folder = Path(catalogue.__file__).parents[2] / "scenarios"
    result = runner.invoke(main, ["validate", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{len(catalogue.bundled_ids())} files valid, 0 warnings\n"


@pytest.mark.slow
def test_validate_reports_every_file_and_ids_shared_across_them(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = write(tmp_path / "a", f"{ID}.yaml", GOOD)
    two = write(tmp_path / "b", f"{ID}.yaml", GOOD)
    broken = write(tmp_path, "broken.yaml", GOOD.replace("turn_limit: 30", "turn_limit: 0"))
    result = runner.invoke(
        main, ["validate", str(one), str(two), str(broken), str(tmp_path / "missing.yaml")]
    )
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 3
    assert lines[0].endswith(f"error: id: scenario id '{ID}' is also used by {one}")
    assert lines[1].startswith(f"{broken}:") and "turn_limit" in lines[1]
    assert lines[2] == f"{tmp_path / 'missing.yaml'}:1:1: error: no such file"


@pytest.mark.slow
def test_validate_warnings_alone_exit_0(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.yaml", GOOD)
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "1 file valid, 1 warning"


@pytest.mark.slow
def test_schema_prints_the_generated_json_schema() -> None:
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0 and json.loads(result.output) == scenario_json_schema()


def test_new_writes_a_starter_that_validates_and_passes_its_tests(tmp_path: Path) -> None:
    path = tmp_path / "night-shift.yaml"
    result = runner.invoke(main, ["new", "night-shift", "--output", str(path)])
    assert result.exit_code == 0 and path.exists()
    assert runner.invoke(main, ["validate", str(path)]).output == "1 file valid, 0 warnings\n"
    tested = runner.invoke(main, ["test", str(path)])
    assert tested.exit_code == 0 and tested.output.splitlines()[-1] == "2 passed, 0 failed"


def test_new_never_overwrites_and_refuses_bad_ids(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.yaml", "precious")
    result = runner.invoke(main, ["new", "mine", "--output", str(path)])
    assert result.exit_code == 1 and "already exists" in result.output and path.read_text() == "precious"
    result = runner.invoke(main, ["new", "Not An Id", "--output", "-"])
    assert result.exit_code == 1 and result.output.startswith(
        "coach: error: 'Not An Id' is not a scenario id"
    )


def test_new_to_standard_output_prints_the_starter() -> None:
    result = runner.invoke(main, ["new", "alex", "--output", "-"])
    assert result.exit_code == 0 and "\nid: alex\n" in result.output


@pytest.mark.slow
def test_test_runs_every_bundled_scenario_by_default() -> None:
    result = runner.invoke(main, ["test"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    total = sum(len(loaded.scenario.tests) for loaded in catalogue.load_bundled())
    assert lines[-1] == f"{total} passed, 0 failed"
    assert all(line.startswith("PASS  ") for line in lines[:-1])


@pytest.mark.slow
def test_test_prints_a_failure_with_its_first_difference_and_exits_1(tmp_path: Path) -> None:
    path = write(tmp_path, f"{ID}.yaml", GOOD.replace("final_at_most: guarded", "final_at_least: open"))
    result = runner.invoke(main, ["test", str(path)])
    assert result.exit_code == 1
    assert f"FAIL  {ID}: compliance-led conversation shuts her down: final state" in result.output
    assert "expected at least open" in result.output
    assert result.output.splitlines()[-1] == "1 passed, 1 failed"


def test_test_reports_a_scenario_that_does_not_load_and_an_unknown_id(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.yaml", "id: [x\n")
    result = runner.invoke(main, ["test", str(path), "no-such-id"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{path}:1:5: error: YAML syntax")
    assert lines[1].startswith("coach: error: no bundled scenario 'no-such-id'")
    assert lines[-1] == "0 passed, 2 failed"


@pytest.mark.slow
def test_graph_prints_mermaid_and_highlights_a_transcript(tmp_path: Path) -> None:
    transcript = tmp_path / "t.jsonl"
    lines = (
        "Thanks for coming in, Grace.\nIt sounds like the last couple of months have been exhausting.\n"
        "What matters most to you about nursing?\n"  # lifts her from guarded: a transition to draw
    )
    practice = runner.invoke(main, ["practice", "--seed", "1", "--transcript", str(transcript)], input=lines)
    assert practice.exit_code == 0
    plain = runner.invoke(main, ["graph", ID])
    assert plain.exit_code == 0 and "flowchart LR" in plain.output and "linkStyle" not in plain.output
    drawn = runner.invoke(main, ["graph", ID, "--transcript", str(transcript)])
    assert drawn.exit_code == 0 and "(turn " in drawn.output and "linkStyle" in drawn.output


def test_graph_refuses_a_transcript_of_another_scenario(tmp_path: Path) -> None:
    transcript = tmp_path / "t.jsonl"
    runner.invoke(main, ["practice", "--seed", "1", "--transcript", str(transcript)], input="Hello.\n")
    other = next(i for i in catalogue.bundled_ids() if i != ID)
    result = runner.invoke(main, ["graph", other, "--transcript", str(transcript)])
    assert result.exit_code == 1 and result.output.startswith("coach: error: the transcript is of scenario")


@pytest.mark.slow
def test_explore_reports_the_path_the_unreached_states_and_compliance() -> None:
    result = runner.invoke(main, ["explore", ID])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{ID}: difficulty ")
    assert "Shortest compassion-led path to energised: " in result.output
    assert "States no sequence reaches: none" in result.output
    assert "Compliance-only moves never reach open" in result.output
    # each step in the coaching model's words, with an example line, never the search's own names
    steps = [line for line in result.output.splitlines() if line[:5].strip().rstrip(".").isdigit()]
    examples = [line for line in result.output.splitlines() if line.startswith('      e.g. "')]
    assert steps and len(examples) == len(steps)
    assert "vision reflection" not in result.output and "reflect their vision" not in steps[0]


@pytest.mark.slow
def test_explore_json_is_one_object_with_the_difficulty() -> None:
    result = runner.invoke(main, ["explore", ID, "--json"])
    report = json.loads(result.output)
    assert report["scenario"] == ID and report["difficulty"] in ("easy", "moderate", "hard")
    assert report["shortest_compassion_path"][-1]["after"] == "energised"
    assert report["compliance_reaches_open"] is False
    for step in report["shortest_compassion_path"]:
        assert {"says", "model", "example", "tells"} <= set(step) and step["example"]


@pytest.mark.slow
def test_explore_exits_1_when_compliance_alone_reaches_open(tmp_path: Path) -> None:
    path = write(tmp_path, f"{ID}.yaml", GOOD.replace("starting_state: guarded", "starting_state: open"))
    result = runner.invoke(main, ["explore", str(path)])
    assert result.exit_code == 1 and "Compliance-only moves reach open (they must not)" in result.output


def practised_transcript(folder: Path) -> Path:
    transcript = folder / "t.jsonl"
    lines = (
        "Thanks for coming in, Grace.\nIt sounds like the last couple of months have been exhausting.\n"
        "Has the audit been done?\n"
    )
    result = runner.invoke(main, ["practice", "--seed", "1", "--transcript", str(transcript)], input=lines)
    assert result.exit_code == 0, result.output
    return transcript


@pytest.mark.slow
def test_graph_writes_a_picture_page_and_an_svg_that_need_no_viewer(tmp_path: Path) -> None:
    transcript = practised_transcript(tmp_path)
    page, drawing = tmp_path / "grace.html", tmp_path / "grace.svg"
    args = ["graph", ID, "--transcript", str(transcript), "--html", str(page), "--svg", str(drawing)]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.output == f"Picture page: {page}\nPicture: {drawing}\n"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "<svg" in text and "<script" not in text
    assert "opens up" in text and "hot button audit" in text and "(turn " in text
    assert drawing.read_text(encoding="utf-8").startswith('<svg xmlns="http://www.w3.org/2000/svg"')


def test_graph_still_prints_mermaid_by_default_with_plain_edges_only_in_pictures(tmp_path: Path) -> None:
    result = runner.invoke(main, ["graph", ID])
    assert result.exit_code == 0 and result.output.startswith("---\ntitle:") and "open_up" in result.output


@pytest.mark.slow
def test_the_graph_page_renders_in_chromium_without_console_errors(tmp_path: Path) -> None:
    from tests.shell.test_round_cli import chromium_console

    page = tmp_path / "graph.html"
    transcript = practised_transcript(tmp_path)
    assert (
        runner.invoke(main, ["graph", ID, "--transcript", str(transcript), "--html", str(page)]).exit_code
        == 0
    )
    messages, shot = chromium_console(page, tmp_path)
    assert messages == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
