"""What comes from a file or a path reaches the terminal without its escape sequences or control characters."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from simulator.scenario import catalogue
from simulator.shell.cli import main

runner = CliRunner()
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
"""OSC 52: a terminal that obeys it puts text on the user's clipboard."""
IN_YAML = "\\e]52;c;cm0gLXJmIH4=\\a"
"""The same sequence as a YAML double-quoted string writes it (YAML text may not hold it raw)."""


def persona_with(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "persona.yaml"
    text = catalogue.bundled_text(catalogue.DEFAULT_SCENARIO).replace(
        "id: ward-nurse-charting", "id: persona", 1
    )
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_coach_score_strips_a_scenario_titles_escape_sequences(tmp_path: Path) -> None:
    persona = persona_with(tmp_path, "title: ", f'title: "Ward{IN_YAML}\\e[2J seven" #')
    transcript = tmp_path / "t.jsonl"
    practised = runner.invoke(
        main, ["practice", str(persona), "--seed", "1", "--transcript", str(transcript)], input="Hello.\n"
    )
    assert practised.exit_code == 0, practised.output
    for options in ([], ["--detail"], ["--json"]):
        result = runner.invoke(main, ["score", *options, str(transcript)])
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output


def test_coach_test_strips_a_test_names_escape_sequences(tmp_path: Path) -> None:
    persona = persona_with(tmp_path, "  - name: ", f'  - name: "sneaky{IN_YAML}" #')
    result = runner.invoke(main, ["test", str(persona)])
    assert "sneaky" in result.output and "\x1b" not in result.output and "\x07" not in result.output


def test_a_path_with_a_newline_and_escapes_stays_one_line(tmp_path: Path) -> None:
    odd = tmp_path / f"odd{CLIPBOARD}\nname.yaml"
    odd.write_text("id: [unclosed\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(odd)])
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1 and "\x1b" not in result.output
    assert result.output.startswith(f"{tmp_path}/odd name.yaml:1:")


def test_classify_json_escapes_c1_controls_and_bidi_overrides_and_reads_back_the_same() -> None:
    line = "Did you\x85 finish \u202ethe notes\u2066?\x9b31m"
    result = runner.invoke(main, ["classify", "--json", line])
    assert result.exit_code == 0
    assert result.output.isascii() or all(char.isprintable() for char in result.output.strip())
    assert json.loads(result.output)["text"] == line


def test_classify_reads_undecodable_input_one_line_per_line() -> None:
    result = runner.invoke(main, ["classify"], input=b"Any news?\n\xff\xfe bad bytes\nWhat matters to you?\n")
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 3 and "\ufffd" in result.output
