"""`coach score`: re-simulated practice transcripts, external transcripts, and per-file errors."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from simulator.scenario import catalogue
from simulator.shell.cli import main

runner = CliRunner()
LINES = "Thanks for coming in. What would make this useful for you?\nIt sounds like a hard month.\nWhat matters most to you about nursing?\n"


def practise(tmp_path: Path, lines: str = LINES) -> Path:
    path = tmp_path / "practice.jsonl"
    result = runner.invoke(main, ["practice", "--seed", "3", "--transcript", str(path)], input=lines)
    assert result.exit_code == 0, result.output
    return path


def score_json(*paths: Path) -> list[dict]:  # type: ignore[type-arg]
    result = runner.invoke(main, ["score", "--json", *map(str, paths)])
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_practice_transcript_is_rescored_with_file_overall_band_and_measures(tmp_path: Path) -> None:
    [scored] = score_json(practise(tmp_path))
    assert scored["kind"] == "simulator" and scored["scenario"] == "ward-nurse-charting"
    assert 0 <= scored["overall"] <= 100 and scored["band"] in ("compassion-led", "mixed", "compliance-led")
    assert scored["file"].endswith("practice.jsonl") and "pea_nea_ratio" in scored["measures"]


def test_edited_transcript_claiming_a_better_outcome_scores_the_same(tmp_path: Path) -> None:
    path = practise(tmp_path)
    [original] = score_json(path)
    records = [json.loads(line) for line in path.read_text().splitlines()]
    for record in records:
        if record["type"] == "turn":
            record.update(
                state_after="energised", move={"form": "affirmation", "focus": "vision", "attractor": "PEA"}
            )
        if record["type"] == "end":
            record.update(final_state="energised", pea=99, nea=0)
    edited = tmp_path / "edited.jsonl"
    edited.write_text("".join(json.dumps(record) + "\n" for record in records))
    [rescored] = score_json(edited)
    assert (rescored["overall"], rescored["band"]) == (original["overall"], original["band"])


def test_changed_scenario_is_reported(tmp_path: Path) -> None:
    path = practise(tmp_path)
    records = [json.loads(line) for line in path.read_text().splitlines()]
    records[0]["scenario_sha256"] = "0" * 64
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    result = runner.invoke(main, ["score", str(path)])
    assert result.exit_code == 0 and "has changed since this conversation was practised" in result.stderr


def test_one_unreadable_file_is_named_and_the_others_are_still_scored(tmp_path: Path) -> None:
    good = tmp_path / "talk.txt"
    good.write_text("Coach: What would a great year look like for you?\nClient: I'd like to run again.\n")
    broken = tmp_path / "broken.txt"
    broken.write_text("Boss: do it\n")
    result = runner.invoke(main, ["score", "--json", str(broken), str(good), str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1 and json.loads(result.stdout)["kind"] == "external"
    errors = result.stderr.splitlines()
    assert (
        len(errors) == 2
        and "broken.txt:1: unknown speaker 'Boss'" in errors[0]
        and "missing.jsonl: no such file" in errors[1]
    )


def test_html_output_is_written_per_file(tmp_path: Path) -> None:
    path = practise(tmp_path)
    out = tmp_path / "card.html"
    assert runner.invoke(main, ["score", str(path), "--html", str(out)]).exit_code == 0
    assert out.read_text().startswith("<!DOCTYPE html>")
    folder = tmp_path / "cards"
    talk = tmp_path / "talk.txt"
    talk.write_text("Coach: Hello.\n")
    assert runner.invoke(main, ["score", str(path), str(talk), "--html", str(folder)]).exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["practice.html", "talk.html"]


def test_a_large_batch_is_scored_in_parallel_in_order_and_alike(tmp_path: Path) -> None:
    from simulator.shell.scoring_files import PARALLEL_FROM, score_file, score_files

    paths = []
    for number in range(PARALLEL_FROM + 2):
        path = tmp_path / f"talk-{number:02}.txt"
        path.write_text(
            f"Coach: What would a great year look like for you?\nClient: I'd like to run {number} miles.\n"
        )
        paths.append(path)
    paths.insert(3, tmp_path / "missing.txt")
    results = list(score_files(paths))
    assert [path for path, _ in results] == paths
    assert "no such file" in str(results[3][1])
    assert all(scored == score_file(path) for path, scored in results if path.exists())


def rewrite_header(path: Path, **changes: object) -> None:
    records = [json.loads(line) for line in path.read_text().splitlines()]
    records[0].update(changes)
    path.write_text("".join(json.dumps(record) + "\n" for record in records))


def test_a_header_naming_a_file_never_replaces_the_bundled_scenario(tmp_path: Path) -> None:
    path = practise(tmp_path)
    [genuine] = score_json(path)
    forged = tmp_path / "ward-nurse-charting.yaml"  # an "easier" copy, offered by the header and the folder
    text = catalogue.bundled_text("ward-nurse-charting").replace("title: ", "title: FORGED ", 1)
    forged.write_text(text, encoding="utf-8")
    rewrite_header(path, scenario_source=str(forged))
    result = runner.invoke(main, ["score", "--json", str(path)])
    [scored] = [json.loads(line) for line in result.stdout.splitlines()]
    assert scored["overall"] == genuine["overall"]
    assert any(str(forged) in warning and "bundled scenario" in warning for warning in scored["warnings"])
    text_result = runner.invoke(main, ["score", str(path)])
    assert (
        "FORGED" not in text_result.stdout
        and f"coach: warning: {path}: the header names the file" in text_result.stderr
    )


@pytest.mark.slow
def test_a_scenario_that_is_not_bundled_is_scored_from_its_file_with_a_warning_naming_it(
    tmp_path: Path,
) -> None:
    own = tmp_path / "our-own.yaml"
    own.write_text(
        catalogue.bundled_text("ward-nurse-charting").replace("id: ward-nurse-charting", "id: our-own", 1)
    )
    path = tmp_path / "t.jsonl"
    result = runner.invoke(
        main, ["practice", str(own), "--seed", "3", "--transcript", str(path)], input=LINES
    )
    assert result.exit_code == 0, result.output
    [scored] = score_json(path)
    assert scored["scenario"] == "our-own"
    assert any(f"scored against the scenario file {own}" in warning for warning in scored["warnings"])


def test_a_turn_limit_in_the_header_of_a_transcript_outside_a_round_is_ignored(tmp_path: Path) -> None:
    path = practise(tmp_path)
    rewrite_header(path, turn_limit=1)
    [scored] = score_json(path)
    assert len(scored["turns"]) == 3
    assert any("turn limit 1 is ignored" in warning for warning in scored["warnings"])


def test_a_round_header_may_lower_the_turn_limit_but_never_lift_it(tmp_path: Path) -> None:
    path = practise(tmp_path)
    rewrite_header(path, round="spring", turn_limit=2)
    [lowered] = score_json(path)
    assert len(lowered["turns"]) == 2
    many = "".join(f"Tell me more about that, part {n}?\n" for n in range(35))
    longer = tmp_path / "longer"
    longer.mkdir()
    path = practise(longer, many)
    rewrite_header(path, round="spring", turn_limit=50)
    [capped] = score_json(path)
    assert len(capped["turns"]) == 30
    assert any("above the scenario's 30" in warning for warning in capped["warnings"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("9" * 5000 + "\n", "hostile.jsonl:1: not JSON this reader accepts (a number too long)"),
        (
            "[" * 100_000 + "]" * 100_000 + "\n",
            "hostile.jsonl:1: not JSON this reader accepts (nested too deeply)",
        ),
        (
            json.dumps({"type": "header", "format": "coach-transcript/1", "scenario": "x" * 1_000_000})
            + "\n",
            "hostile.jsonl: scenario 'xxxxx",
        ),
    ],
)
def test_hostile_transcript_content_is_one_short_located_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "hostile.jsonl"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(main, ["score", str(path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    (line,) = result.output.splitlines()
    assert message in line and len(line) < 1000


def test_practice_transcripts_scored_together_are_scored_as_one_by_one(tmp_path: Path) -> None:
    from simulator.errors import CoachError
    from simulator.shell.scoring_files import score_batch, score_file

    folder = tmp_path / "batch"
    folder.mkdir()
    practice = [
        practise(tmp_path, lines).rename(folder / f"p{n}.jsonl")
        for n, lines in enumerate([LINES, LINES[:60], "Hi.\n" + LINES])
    ]
    talk = folder / "talk.txt"
    talk.write_text("Coach: What would a great year look like?\nClient: Running again.\n", encoding="utf-8")
    broken = folder / "broken.jsonl"
    broken.write_text(
        practice[0].read_text(encoding="utf-8").replace('"seed":3', '"seed":"three"'), encoding="utf-8"
    )
    paths = [practice[0], talk, folder / "missing.jsonl", *practice[1:], broken]
    together = score_batch(paths)
    assert len(together) == len(paths)
    for path, scored in zip(paths, together, strict=True):
        if isinstance(scored, CoachError):
            with pytest.raises(CoachError, match=r"seed must be an integer|no such file"):
                score_file(path)
        else:
            assert scored == score_file(path)
    assert [isinstance(scored, CoachError) for scored in together] == [False, False, True, False, False, True]


def test_scoring_many_files_draws_no_progress_bar_when_piped(tmp_path: Path) -> None:
    paths = []
    for number in range(20):
        path = tmp_path / f"talk-{number}.txt"
        path.write_text("Coach: What matters most to you?\nClient: My family.\n", encoding="utf-8")
        paths.append(str(path))
    result = runner.invoke(main, ["score", "--json", *paths])
    assert result.exit_code == 0 and result.stderr == "" and len(result.stdout.splitlines()) == 20
