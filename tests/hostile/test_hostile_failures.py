"""Failures from outside: kills, interrupts, a full disk, undecodable input, odd terminals, dead
databases and files the process may not read. After every one, what a trainee typed is kept:
the transcript reads back up to its last whole turn and `coach score` scores it.

Every run is a separate process under an address-space limit and a timeout (tests.hostile.harness).
"""

from __future__ import annotations

import copy
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.engine.session import Session
from simulator.engine.transcript import read_transcript
from simulator.rounds.gradebook import Gradebook, GradebookRecorder
from simulator.scenario import catalogue
from tests.hostile.harness import (
    TIME_LIMIT,
    Case,
    Ran,
    can_obey_permissions,
    limits,
    refusal_problems,
    run,
    run_all,
)

pytestmark = pytest.mark.slow

LINES = [
    "Hello Grace, thanks for coming in.",
    "It sounds like it has been a hard month.",
    "What matters most to you about nursing?",
    "If things went really well this year, what would you be doing?",
    "You clearly care a great deal about your patients.",
    "What would be a first step that feels right to you?",
]
ROUND = "id: r\ntitle: Ward round\nscenarios: [ward-nurse-charting]\n"

needs_permissions = pytest.mark.skipif(
    not can_obey_permissions(), reason="runs as root and may not drop the capability to read anything"
)


def piped(lines: list[str]) -> bytes:
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


def scored(path: Path, cwd: Path) -> Ran:
    """`coach score --json` on a transcript, under the same limits."""
    return run(Case(f"score {path.name}", ("score", "--json", str(path))), cwd)


def assert_readable_to_its_last_whole_turn(path: Path, cwd: Path, said: list[str]) -> list[str]:
    """The transcript's lines are a prefix of what was said, and `coach score` scores it."""
    kept = read_transcript(path).trainee_lines
    assert kept == said[: len(kept)]
    for line in path.read_text(encoding="utf-8").splitlines():
        json.loads(line)  # no half record anywhere
    ran = scored(path, cwd)
    assert ran.code == 0, ran.describe()
    assert len(json.loads(ran.stdout)["turns"]) == len(kept)
    return kept


# --- the transcript after a failure -------------------------------------------------------------


def practise_then(signal_number: int, tmp_path: Path) -> Path:
    """Two turns of piped practice, then a signal; the transcript's path."""
    path = tmp_path / "t.jsonl"
    command = [sys.executable, "-m", "simulator", "practice", "--seed", "3", "--no-meter"]
    with subprocess.Popen(
        [*command, "--transcript", str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=limits(None, False),
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        process.stdout.readline()  # the opening line
        for line in LINES[:2]:
            process.stdin.write(line + "\n")
            process.stdin.flush()
            process.stdout.readline()  # the reply: the turn is on disk
        process.send_signal(signal_number)
        try:
            _, errors = process.communicate(timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            process.kill()
            pytest.fail(f"still running {TIME_LIMIT:.0f} s after signal {signal_number}")
    assert "Traceback" not in errors
    return path


@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_a_transcript_survives_a_signal_with_every_whole_turn(signal_number: int, tmp_path: Path) -> None:
    path = practise_then(signal_number, tmp_path)
    assert assert_readable_to_its_last_whole_turn(path, tmp_path, LINES) == LINES[:2]


@pytest.fixture(scope="module")
def transcript_failures(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Ran]]:
    folder = tmp_path_factory.mktemp("transcript-failures")
    said = piped(LINES)
    cases = [
        # A file-size limit part-way: the second or third turn cannot be written whole.
        Case(
            "file-size limit",
            ("practice", "--seed", "1", "--transcript", "limited.jsonl"),
            said,
            file_size=1600,
        ),
        # Not even the header fits: no transcript file at all, rather than an empty one.
        Case(
            "no room for the header",
            ("practice", "--seed", "1", "--transcript", "none.jsonl"),
            said,
            file_size=100,
        ),
        Case(
            "invalid UTF-8 under a UTF-8 locale",
            ("practice", "--seed", "1", "--transcript", "latin.jsonl"),
            b"Hello Grace.\nIt sounds like a caf\xe9 of a month.\n\xff\xfe\nWhat matters to you?\n",
            env={"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8", "PYTHONIOENCODING": "utf-8"},
        ),
        Case(
            "an ASCII-only terminal",
            ("practice", "--seed", "1", "--transcript", "ascii.jsonl"),
            "Hello Grace — thanks.\nWhat matters to you, Grüße?\n".encode(),
            env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"},
        ),
    ]
    return folder, run_all(cases, folder)


def test_a_full_disk_mid_conversation_is_one_line_and_the_turns_before_it_are_kept(
    transcript_failures: tuple[Path, dict[str, Ran]],
) -> None:
    folder, results = transcript_failures
    ran = results["file-size limit"]
    assert refusal_problems(ran) == [], ran.describe()
    assert "limited.jsonl" in ran.stderr and "File too large" in ran.stderr
    kept = assert_readable_to_its_last_whole_turn(folder / "limited.jsonl", folder, LINES)
    assert 0 < len(kept) < len(LINES)
    assert not [name for name in os.listdir(folder) if name.endswith(".tmp")]


def test_a_transcript_that_cannot_get_its_header_leaves_no_file(
    transcript_failures: tuple[Path, dict[str, Ran]],
) -> None:
    folder, results = transcript_failures
    ran = results["no room for the header"]
    assert refusal_problems(ran) == [], ran.describe()
    assert not (folder / "none.jsonl").exists()
    assert not [name for name in os.listdir(folder) if name.startswith(".none.jsonl")]


def test_undecodable_input_replaces_the_bytes_and_keeps_every_line(
    transcript_failures: tuple[Path, dict[str, Ran]],
) -> None:
    folder, results = transcript_failures
    ran = results["invalid UTF-8 under a UTF-8 locale"]
    assert ran.code == 0 and "Traceback" not in ran.stderr, ran.describe()
    kept = read_transcript(folder / "latin.jsonl").trainee_lines
    assert kept == [
        "Hello Grace.",
        "It sounds like a caf\ufffd of a month.",
        "\ufffd\ufffd",
        "What matters to you?",
    ]


def test_a_terminal_that_cannot_show_a_character_still_holds_the_conversation(
    transcript_failures: tuple[Path, dict[str, Ran]],
) -> None:
    folder, results = transcript_failures
    ran = results["an ASCII-only terminal"]
    assert ran.code == 0 and "Traceback" not in ran.stderr, ran.describe()
    # What the terminal's encoding cannot read arrives as U+FFFD; every line is still one turn.
    kept = read_transcript(folder / "ascii.jsonl").trainee_lines
    assert len(kept) == 2 and kept[0].startswith("Hello Grace") and kept[1].endswith("?")


def test_a_last_record_cut_off_by_a_power_cut_is_skipped_with_a_warning(tmp_path: Path) -> None:
    whole = tmp_path / "whole.jsonl"
    ran = run(
        Case("practice", ("practice", "--seed", "2", "--transcript", str(whole)), piped(LINES[:3])), tmp_path
    )
    assert ran.code == 0, ran.describe()
    text = whole.read_text(encoding="utf-8")
    cut = tmp_path / "cut.jsonl"
    cut.write_text(
        text[: text.rindex('{"type":"turn"') + 40], encoding="utf-8"
    )  # the third turn, half written
    result = scored(cut, tmp_path)
    assert result.code == 0, result.describe()
    assert len(json.loads(result.stdout)["turns"]) == 2
    assert "cut off part-way" in result.stderr
    graph = run(Case("graph", ("graph", catalogue.DEFAULT_SCENARIO, "--transcript", str(cut))), tmp_path)
    assert graph.code == 0, graph.describe()


# --- gradebooks ----------------------------------------------------------------------------------


def recorded_round(folder: Path) -> str:
    """A gradebook with one finished conversation of round `r`; its URL."""
    url = f"sqlite:///{folder / 'gradebook.sqlite'}"
    scenario = catalogue.load(catalogue.DEFAULT_SCENARIO)
    with Gradebook.open(url) as book:
        book.save_round("r", "Ward round", ROUND)
        conversation = book.start_conversation(
            round_id="r",
            trainee="Ann",
            scenario_id=scenario.scenario.id,
            scenario_source=scenario.source,
            scenario_sha256="0" * 64,
            seed=1,
            turn_limit=30,
        )
        recorder, session = GradebookRecorder(book, conversation), Session(scenario.scenario, seed=1)
        for line in LINES:
            recorder.turn(session.say(line))
        recorder.finish(session, "quit", "2026-01-01T00:00:00+00:00")
    return url


@pytest.fixture
def archived(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A gradebook on read-only storage: the file and its folder may not be written."""
    folder = tmp_path / "archive"
    folder.mkdir()
    url = recorded_round(folder)
    (folder / "gradebook.sqlite").chmod(0o444)
    folder.chmod(0o555)
    yield folder, url
    folder.chmod(0o755)


@needs_permissions
def test_an_archived_read_only_gradebook_is_graded_reported_and_fed_back(
    archived: tuple[Path, str], tmp_path: Path
) -> None:
    folder, url = archived
    before = sorted(os.listdir(folder))
    cases = [
        Case("grade", ("grade", "--round", "r", "--db", url), obey_permissions=True),
        Case(
            "report",
            ("report", "--round", "r", "--db", url, "--csv", str(tmp_path / "r.csv")),
            obey_permissions=True,
        ),
        Case(
            "feedback", ("feedback", "--round", "r", "--trainee", "Ann", "--db", url), obey_permissions=True
        ),
    ]
    for ran in run_all(cases, tmp_path).values():
        assert ran.code == 0 and "Traceback" not in ran.stderr, ran.describe()
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").count("Ann") == 1
    assert sorted(os.listdir(folder)) == before
    round_file = tmp_path / "round.yaml"
    round_file.write_text(ROUND, encoding="utf-8")
    writing = Case(
        "practice",
        ("practice", "--round", str(round_file), "--trainee", "Bo", "--db", url),
        piped(LINES[:1]),
        names="gradebook.sqlite",
        obey_permissions=True,
    )
    ran = run(writing, tmp_path)
    assert refusal_problems(ran) == [], ran.describe()


def test_a_mistyped_gradebook_path_for_a_command_that_reads_is_an_error_not_a_new_gradebook(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'mistyped' / 'gradebok.sqlite'}"
    cases = [
        Case(command, (command, "--round", "r", "--db", url, *extra), names="gradebok.sqlite")
        for command, extra in (("grade", ()), ("report", ()), ("feedback", ("--trainee", "Ann")))
    ]
    for ran in run_all(cases, tmp_path).values():
        assert refusal_problems(ran) == [], ran.describe()
    assert not (tmp_path / "mistyped").exists()


def test_a_database_server_that_never_answers_is_given_up_on(tmp_path: Path) -> None:
    with socket.socket() as silent:  # accepts connections (the kernel does) and never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        url = f"postgresql://coach@127.0.0.1:{port}/gradebook?connect_timeout=2"
        ran = run(Case("report", ("report", "--round", "r", "--db", url), names="127.0.0.1"), tmp_path)
    assert refusal_problems(ran) == [], ran.describe()
    assert "timeout" in ran.stderr


def test_a_gradebook_that_cannot_be_made_on_a_full_disk_fails_at_once(tmp_path: Path) -> None:
    round_file = tmp_path / "round.yaml"
    round_file.write_text(ROUND, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    started = time.monotonic()
    case = Case(
        "practice",
        ("practice", "--round", str(round_file), "--trainee", "Ann", "--db", url),
        piped(LINES[:1]),
        names="new.sqlite",
        file_size=0,
        timeout=20,  # it used to retry for 64 seconds
    )
    ran = run(case, tmp_path)
    assert refusal_problems(ran) == [], ran.describe()
    assert time.monotonic() - started < case.timeout


# --- output files --------------------------------------------------------------------------------


def test_a_full_disk_never_destroys_an_existing_report_or_leaves_a_new_file(tmp_path: Path) -> None:
    url = recorded_round(tmp_path)
    old = tmp_path / "report.html"
    old.write_text("the report from last week", encoding="utf-8")
    transcript = tmp_path / "t.jsonl"
    assert (
        run(
            Case("practice", ("practice", "--seed", "1", "--transcript", str(transcript)), piped(LINES)),
            tmp_path,
        ).code
        == 0
    )
    cases = [
        Case(
            "report",
            ("report", "--round", "r", "--db", url, "--html", str(old)),
            names="report",  # the index page or a trainee page: whichever the full disk refused
            file_size=2000,
        ),
        Case(
            "csv", ("report", "--round", "r", "--db", url, "--csv", "new.csv"), names="new.csv", file_size=100
        ),
        Case("score", ("score", str(transcript), "--html", "card.html"), names="card.html", file_size=2000),
        Case("new", ("new", "night-shift", "--output", "night.yaml"), names="night.yaml", file_size=2000),
    ]
    for ran in run_all(cases, tmp_path).values():
        assert refusal_problems(ran) == [], ran.describe()
    assert old.read_text(encoding="utf-8") == "the report from last week"
    assert not [p.name for p in tmp_path.iterdir() if p.name in ("new.csv", "card.html", "night.yaml")]
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# --- permissions ---------------------------------------------------------------------------------


@needs_permissions
def test_files_the_process_may_not_read_are_one_located_line(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.yaml").write_text("id: x\n", encoding="utf-8")
    unreadable = tmp_path / "unreadable.yaml"
    unreadable.write_text("nea: [Datix]\n", encoding="utf-8")
    transcript = tmp_path / "unreadable.jsonl"
    transcript.write_text("{}\n", encoding="utf-8")
    for path in (unreadable, transcript):
        path.chmod(0)
    locked.chmod(0)
    cases = [
        Case(
            "validate in a locked folder",
            ("validate", str(locked / "inside.yaml")),
            names="inside.yaml",
            obey_permissions=True,
        ),
        Case(
            "practice in a locked folder",
            ("practice", str(locked / "inside.yaml")),
            names="inside.yaml",
            obey_permissions=True,
        ),
        Case(
            "test in a locked folder",
            ("test", str(locked / "inside.yaml")),
            names="inside.yaml",
            obey_permissions=True,
        ),
        Case("a locked folder", ("validate", str(locked)), names="locked", obey_permissions=True),
        Case(
            "phrases",
            ("classify", "--phrases", str(unreadable), "hi"),
            names="unreadable.yaml",
            obey_permissions=True,
        ),
        Case(
            "rubric",
            ("grade", "--round", "r", "--rubric", str(unreadable)),
            names="unreadable.yaml",
            obey_permissions=True,
        ),
        Case("score", ("score", str(transcript)), names="unreadable.jsonl", obey_permissions=True),
        Case(
            "graph",
            ("graph", "ward-nurse-charting", "--transcript", str(transcript)),
            names="unreadable.jsonl",
            obey_permissions=True,
        ),
    ]
    try:
        results = run_all(cases, tmp_path)
    finally:
        locked.chmod(0o755)
    for ran in results.values():
        assert refusal_problems(ran) == [], ran.describe()


# --- bounded work ----------------------------------------------------------------------------------


def test_the_largest_persona_the_schema_allows_is_explored_in_bounded_time(tmp_path: Path) -> None:
    import yaml

    scenario = yaml.safe_load(catalogue.bundled_text(catalogue.DEFAULT_SCENARIO))
    buttons = scenario["coachee"]["hot_buttons"]  # the persona's own stay: its replies name them
    buttons += [
        {**copy.deepcopy(buttons[-1]), "id": f"button-{n}", "words": [f"word{n}x{m}" for m in range(50)]}
        for n in range(40 - len(buttons))
    ]
    path = tmp_path / "crowded.yaml"
    path.write_text(yaml.safe_dump(scenario, sort_keys=False, allow_unicode=True), encoding="utf-8")
    ran = run(Case("explore", ("explore", "--json", str(path))), tmp_path)
    assert not ran.timed_out and "Traceback" not in ran.stderr, ran.describe()
    assert ran.code in (0, 1) and json.loads(ran.stdout)["scenario"] == scenario["id"]
