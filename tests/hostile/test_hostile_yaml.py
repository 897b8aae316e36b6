"""Hostile YAML through every reader of YAML: scenarios, phrases, rubrics and round files.

The contents are generated: alias bombs, anchors, merge keys, `!!python` tags, numbers of
thousands of digits, lists of thousands of items, nesting thousands deep, duplicate keys,
NUL and control characters, infinities in a rubric, a seed past what a database holds.
Each is refused, in a separate process under an address-space limit and a timeout, with
one line that names the file, its line and its column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.scenario import catalogue
from tests.hostile.harness import Case, Ran, refusal_problems, run_all

pytestmark = pytest.mark.slow


def alias_bomb() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        aliases = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    return "\n".join(lines) + "\n"


STRUCTURAL: dict[str, str] = {
    "alias bomb": alias_bomb(),
    "anchor without an alias": "id: &name ward\ntitle: Ward\n",
    "merge key": "base: {a: 1}\nother:\n  <<: {a: 2}\n",
    "python tag": 'id: !!python/object/apply:os.system ["touch pwned"]\n',
    "5,000-digit number": "turn_limit: " + "9" * 5000 + "\n",
    "400-digit number": "per_turns: " + "7" * 400 + "\n",
    "list of 47,000 items": "scenarios: [" + ", ".join(["ward-nurse-charting"] * 47_000) + "]\n",
    "nesting 5,000 deep": "id: " + "[" * 5000 + "]" * 5000 + "\n",
    "duplicate key": "id: one\nid: two\n",
    "NUL byte": "id: a\x00b\n",
    "control character": "id: a\x07b\n",
    "syntax": "id: [unclosed,\ntitle: x\n",
    "not a mapping": "- a list\n- not keys\n",
    "empty file": "",
}
"""Contents refused before any schema applies: the same for every YAML reader."""

YAML_READERS = ("scenario", "phrases", "rubric", "round file")

OTHERS_MEET = ("alias bomb", "python tag", "5,000-digit number", "list of 47,000 items", "NUL byte", "syntax")
"""What the other YAML readers each meet in turn (they share the scenario reader's parser, which meets all)."""


def arguments(reader: str, path: Path, db: str) -> tuple[str, ...]:
    if reader == "scenario":
        return ("validate", str(path))
    if reader == "phrases":
        return ("classify", "--phrases", str(path), "Have you closed your Datix?")
    if reader == "rubric":
        return ("grade", "--round", "r", "--rubric", str(path), "--db", db)
    return ("practice", "--round", str(path), "--trainee", "Ann", "--db", db)


def bundled_with(old: str, new: str) -> str:
    text = catalogue.bundled_text(catalogue.DEFAULT_SCENARIO)
    assert old in text
    return text.replace(old, new, 1)


def many_hot_buttons() -> str:
    buttons = "".join(
        f"    - id: b{n}\n      words: [word{n}]\n      reply: {{text: No., cue: sighs}}\n" for n in range(41)
    )
    return bundled_with("  hot_buttons:\n", f"  hot_buttons:\n{buttons}")


VALUES: dict[str, tuple[str, str]] = {
    "infinite weight": ("rubric", "weights: {empathy: .inf}\n"),
    "NaN mark": ("rubric", "pea_nea_ratio: {fair: .nan, good: 3}\n"),
    "per_turns past any conversation": ("rubric", "per_turns: 99999999999\n"),
    "seed past a database integer": (
        "round file",
        "id: r\ntitle: R\nscenarios: [ward-nurse-charting]\nseeds: {shared: 9223372036854775808}\n",
    ),
    "a title of 900,000 characters": ("scenario", bundled_with("title: ", "title: " + "x" * 900_000 + " ")),
    "41 hot buttons": ("scenario", many_hot_buttons()),
    "a phrase of control characters": ("phrases", 'nea: ["Datix\\u001b]52;c;aGk=\\u0007"]\n'),
    "201 phrases": ("phrases", "nea: [" + ", ".join(f"w{n}" for n in range(201)) + "]\n"),
}
"""Contents that parse, with a value no file may hold: refused by the schema, one line each."""


def case_names() -> list[str]:
    """Every structural content through the scenario reader, a few through each other reader in turn,
    and each value case through its own reader."""
    names = [f"scenario <- {content}" for content in STRUCTURAL]
    others = YAML_READERS[1:]
    names += [f"{others[n % len(others)]} <- {content}" for n, content in enumerate(OTHERS_MEET)]
    names += [f"{reader} <- {content}" for content, (reader, _) in VALUES.items()]
    return names


CASE_NAMES = case_names()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile-yaml")


@pytest.fixture(scope="module")
def results(folder: Path) -> dict[str, Ran]:
    db = f"sqlite:///{folder / 'gradebook.sqlite'}"
    cases = []
    for number, name in enumerate(CASE_NAMES):
        reader, content = name.split(" <- ")
        text = STRUCTURAL[content] if content in STRUCTURAL else VALUES[content][1]
        path = folder / f"case{number}.yaml"
        path.write_text(text, encoding="utf-8")
        cases.append(Case(name, arguments(reader, path, db), names=path.name, located=True))
    return run_all(cases, folder)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_every_yaml_reader_refuses_hostile_yaml_with_one_located_line(
    results: dict[str, Ran], name: str
) -> None:
    ran = results[name]
    assert refusal_problems(ran) == [], ran.describe()


def test_no_yaml_tag_ever_runs_code(results: dict[str, Ran], folder: Path) -> None:
    assert [name for name in results if name.endswith("<- python tag")]  # the tag was tried
    assert not (folder / "pwned").exists()


def test_no_reader_that_failed_on_its_file_made_a_gradebook(results: dict[str, Ran], folder: Path) -> None:
    assert [name for name in results if name.startswith(("rubric", "round file"))]
    assert not (folder / "gradebook.sqlite").exists()
