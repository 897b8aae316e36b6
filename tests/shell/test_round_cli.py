"""Practising in a round and grading it: coach practice --round, grade, report and feedback.

Most tests drive the commands in-process through click's runner against a SQLite file;
the crash, concurrency and browser tests run real processes (and a real PostgreSQL server).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text

from simulator.engine.transcript import read_transcript
from simulator.rounds.gradebook import Gradebook
from simulator.rounds.round_file import load_round, seed_for
from simulator.scenario import catalogue
from simulator.shell.cli import main
from simulator.trainer.rehearsal import play, score_session
from tests.backends import chromium_binary, scratch_database

runner = CliRunner()

LINES = [
    "Thanks for coming in. What would make this conversation useful for you?",
    "It sounds like it has been a long month.",
    "If things were going really well a year from now, what would you be doing?",
    "What matters most to you about nursing?",
    "You clearly care a great deal about your patients.",
    "What would you like to happen with the charting?",
    "It's your call how you want to take this forward.",
    "What strengths could you bring to it?",
    "Part of you wants more time with patients, and part of you worries about the notes.",
    "What would be a first step that feels right to you?",
]
TWENTY = [*LINES, *(f"{line} (again, {n})" for n, line in enumerate(LINES))]
HOSTILE = "<script>alert(1)</script>"


def write_round(folder: Path, extra: str = "", scenarios: str = "[ward-nurse-charting]") -> Path:
    path = folder / "round.yaml"
    title = '"Spring <b>round</b>\\e[2J"'  # YAML's \e is the escape character: a title is data too
    path.write_text(f"id: spring-1\ntitle: {title}\nscenarios: {scenarios}\n{extra}", encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'gradebook.sqlite'}"


def practise(round_file: Path, trainee: str, db: str, lines: list[str], *extra: str) -> Result:
    transcript = round_file.parent / f"t-{time.monotonic_ns()}.jsonl"
    args = [
        "practice",
        "--round",
        str(round_file),
        "--trainee",
        trainee,
        "--db",
        db,
        "--transcript",
        str(transcript),
    ]
    return runner.invoke(main, [*args, *extra], input="".join(f"{line}\n" for line in lines))


def stored_lines(db: str, trainee: str = "Ann") -> tuple[str, ...]:
    with Gradebook.open(db) as book:
        found = book.find_conversation("spring-1", trainee, "ward-nurse-charting")
    return found.lines if found is not None else ()


def coach_process(*args: str) -> list[str]:
    return [sys.executable, "-m", "simulator", *args]


def graded_json(db: str, *extra: str) -> dict[str, object]:
    result = runner.invoke(main, ["grade", "--round", "spring-1", "--db", db, "--json", *extra])
    assert result.exit_code == 0, result.output
    loaded: dict[str, object] = json.loads(result.stdout)
    return loaded


# --- practising under a round -------------------------------------------------------------


@pytest.mark.slow
def test_practice_under_a_round_records_every_turn_and_still_writes_the_transcript(
    tmp_path: Path, db: str
) -> None:
    round_file = write_round(tmp_path)
    result = practise(round_file, "Ann", db, LINES[:4])
    assert result.exit_code == 0, result.output
    assert "Recorded in the gradebook: round spring-1, trainee Ann" in result.output
    assert stored_lines(db) == tuple(LINES[:4])
    (transcript,) = tmp_path.glob("t-*.jsonl")
    read = read_transcript(transcript)
    assert read.trainee_lines == LINES[:4] and read.header["round"] == "spring-1"


@pytest.mark.slow
def test_a_graded_round_hides_the_meter_and_switches_off_undo_and_hints(tmp_path: Path, db: str) -> None:
    result = practise(write_round(tmp_path), "Ann", db, [LINES[0], "/undo", "/hint", LINES[1]])
    assert "undo is switched off for this round" in result.output
    assert "hints are switched off for this round" in result.output
    assert "  [" not in result.output  # no move labels or state changes while the meter is hidden
    assert stored_lines(db) == (LINES[0], LINES[1])


@pytest.mark.slow
def test_a_round_that_allows_undo_takes_the_line_out_of_the_gradebook(tmp_path: Path, db: str) -> None:
    result = practise(
        write_round(tmp_path, "undo: true\nmeter: true\n"), "Ann", db, [LINES[0], LINES[1], "/undo"]
    )
    assert "took back turn 2" in result.output and "  [" in result.output
    assert stored_lines(db) == (LINES[0],)


def test_the_round_s_turn_limit_ends_the_conversation(tmp_path: Path, db: str) -> None:
    result = practise(write_round(tmp_path, "turns: 3\n"), "Ann", db, LINES[:6])
    assert result.exit_code == 0 and "Turns: 3" in result.output
    assert stored_lines(db) == tuple(LINES[:3])


@pytest.mark.slow
def test_a_second_conversation_on_the_same_scenario_is_refused(tmp_path: Path, db: str) -> None:
    round_file = write_round(tmp_path)
    assert practise(round_file, "Ann", db, LINES[:2]).exit_code == 0
    again = practise(round_file, "Ann", db, LINES[:2])
    assert again.exit_code == 1 and "already practised ward-nurse-charting" in again.output
    resume = practise(round_file, "Ann", db, LINES[:2], "--resume")
    assert resume.exit_code == 1 and "has ended; nothing to resume" in resume.output


@pytest.mark.slow
def test_resume_without_a_conversation_says_how_to_start_one(tmp_path: Path, db: str) -> None:
    result = practise(write_round(tmp_path), "Ann", db, LINES[:1], "--resume")
    assert result.exit_code == 1 and "start one without --resume" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--trainee", "Ann"], "--trainee, --db and --resume go with --round FILE"),
        (["--round", "r.yaml"], "--round needs --trainee NAME"),
        (["--round", "r.yaml", "--trainee", "Ann", "--seed", "3"], "--seed cannot be used with --round"),
    ],
)
def test_round_options_that_do_not_fit_together_are_usage_errors(args: list[str], message: str) -> None:
    result = runner.invoke(main, ["practice", *args], input="")
    assert result.exit_code == 2 and message in result.output


def test_a_broken_round_file_is_reported_at_its_line_and_column(tmp_path: Path, db: str) -> None:
    round_file = write_round(tmp_path, "pass_mark: high\n")
    result = practise(round_file, "Ann", db, LINES[:1])
    assert result.exit_code == 1
    assert f"coach: error: {round_file}:4:12: error: pass_mark:" in result.output


# --- crashes and concurrency (real processes) ---------------------------------------------


def wait_for(condition: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


@pytest.mark.slow
def test_resume_after_a_killed_process_loses_at_most_the_turn_in_flight(tmp_path: Path, db: str) -> None:
    round_file = write_round(tmp_path, "turns: 10\n")
    args = ["practice", "--round", str(round_file), "--trainee", "Ann", "--db", db]
    process = subprocess.Popen(
        coach_process(*args, "--transcript", str(tmp_path / "first.jsonl")),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None
    for line in LINES[:5]:
        process.stdin.write(line + "\n")
        process.stdin.flush()
    wait_for(lambda: len(stored_lines(db)) == 5)
    process.stdin.write(LINES[5] + "\n")  # the turn in flight when the laptop closes
    process.stdin.flush()
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdin.close()
    assert process.stderr is not None
    process.stderr.close()

    kept = stored_lines(db)
    assert kept in (tuple(LINES[:5]), tuple(LINES[:6]))
    resumed = subprocess.run(
        coach_process(*args, "--resume", "--transcript", str(tmp_path / "second.jsonl")),
        input="".join(f"{line}\n" for line in LINES[len(kept) :]),
        capture_output=True,
        text=True,
        check=False,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"Resuming after {len(kept)} turn(s)" in resumed.stdout
    assert stored_lines(db) == tuple(LINES)
    assert read_transcript(tmp_path / "second.jsonl").trainee_lines == LINES

    # The resumed conversation grades exactly as one played straight through.
    loaded = load_round(round_file)
    scenario = catalogue.load("ward-nurse-charting").scenario.model_copy(update={"turn_limit": 10})
    straight = score_session(play(scenario, LINES, seed_for(loaded.round, "Ann", "ward-nurse-charting")))
    conversations = graded_json(db)["conversations"]
    assert isinstance(conversations, list)
    assert conversations[0]["overall"] == straight.overall and conversations[0]["finished"]


def run_cohort_at_once(round_file: Path, db: str, folder: Path, size: int = 8) -> list[str]:
    """`size` practice processes on one gradebook, their turns interleaved line by line."""
    trainees = [f"trainee {n}" for n in range(size)]
    processes = [
        subprocess.Popen(
            coach_process(
                *["practice", "--round", str(round_file), "--trainee", name, "--db", db],
                *["--transcript", str(folder / f"{n}.jsonl")],
            ),
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, name in enumerate(trainees)
    ]
    for line in TWENTY:
        for process in processes:
            assert process.stdin is not None
            process.stdin.write(line + "\n")
            process.stdin.flush()
    errors = []
    for process in processes:
        _, stderr = process.communicate(timeout=180)
        if process.returncode != 0:
            errors.append(stderr)
    assert not errors, errors
    return trainees


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'shared.sqlite'}"
        return
    with scratch_database(request.getfixturevalue("postgres_server_url")) as url:
        yield url


@pytest.mark.slow
def test_eight_trainees_practising_at_once_lose_no_turn(tmp_path: Path, shared_db: str) -> None:
    round_file = write_round(tmp_path, "turns: 20\nseeds: {shared: 5}\n")
    trainees = run_cohort_at_once(round_file, shared_db, tmp_path)
    with Gradebook.open(shared_db) as book:
        stored = book.conversations("spring-1")
    assert sorted(c.trainee for c in stored) == sorted(trainees)
    assert all(c.lines == tuple(TWENTY) and c.is_finished for c in stored)


# --- grading: never trusting what is stored -----------------------------------------------


@pytest.mark.slow
def test_rows_edited_to_claim_a_better_score_change_nothing_after_grade(tmp_path: Path, db: str) -> None:
    practise(write_round(tmp_path), "Ann", db, ["Did you finish the charting?", "You need to do the notes."])
    honest = graded_json(db)
    engine = create_engine(db)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE turns SET recorded_state_after = 'energised', recorded_openness_after = 5.99")
        )
        connection.execute(
            text(
                "UPDATE conversations SET recorded_final_state = 'energised', recorded_peak_state = 'energised'"
            )
        )
    assert graded_json(db) == honest
    # Only the lines count: editing one does change the grade (so the check above could fail).
    with engine.begin() as connection:
        connection.execute(text("UPDATE turns SET trainee_line = :line WHERE n = 1"), {"line": LINES[2]})
    engine.dispose()
    conversations = graded_json(db)["conversations"]
    assert isinstance(conversations, list) and isinstance(honest["conversations"], list)
    assert conversations[0]["overall"] != honest["conversations"][0]["overall"]


@pytest.mark.slow
def test_grade_flags_a_scenario_changed_since_it_was_practised(tmp_path: Path, db: str) -> None:
    persona = tmp_path / "grace.yaml"
    persona.write_text(catalogue.bundled_text("ward-nurse-charting"), encoding="utf-8")
    round_file = write_round(tmp_path, scenarios="[grace.yaml]")
    assert practise(round_file, "Ann", db, LINES[:3]).exit_code == 0
    assert "changed" not in runner.invoke(main, ["grade", "--round", "spring-1", "--db", db]).output
    persona.write_text(persona.read_text(encoding="utf-8").replace("turn_limit:", "# edited\nturn_limit:"))
    result = runner.invoke(main, ["grade", "--round", "spring-1", "--db", db])
    assert "coach: warning: Ann on ward-nurse-charting: scenario changed since practised" in result.output
    assert "(scenario changed since practised)" in result.output


@pytest.mark.slow
def test_grade_under_another_rubric_shows_what_changed_trainee_by_trainee(tmp_path: Path, db: str) -> None:
    round_file = write_round(tmp_path)
    practise(round_file, "Ann", db, LINES[:6])
    practise(
        round_file, "Bob", db, [LINES[2], LINES[3], "Did you finish the charting?", "You should make a list."]
    )
    rubric = tmp_path / "lenient.yaml"
    rubric.write_text(
        "pea_nea_ratio: {fair: 0.2, good: 0.4}\ncompassion_led_from: 20\ncompliance_led_below: 10\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["grade", "--round", "spring-1", "--db", db, "--rubric", str(rubric)])
    assert result.exit_code == 0, result.output
    assert f"Under {rubric}:" in result.output
    bob = next(line for line in result.output.splitlines() if line.startswith("  Bob on"))
    assert "->" in bob and "PEA : NEA " in bob
    data = graded_json(db, "--rubric", str(rubric))
    conversations = data["conversations"]
    assert isinstance(conversations, list)
    assert {c["trainee"]: c["regraded"]["changed"] for c in conversations}["Bob"] is True


def test_a_broken_rubric_file_is_located(tmp_path: Path, db: str) -> None:
    practise(write_round(tmp_path), "Ann", db, LINES[:1])
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text("weights: {pea_nea: 3}\n", encoding="utf-8")
    result = runner.invoke(main, ["grade", "--round", "spring-1", "--db", db, "--rubric", str(rubric)])
    assert result.exit_code == 1 and f"{rubric}:1:11: error: weights.pea_nea: unknown key" in result.output


def test_an_unknown_round_is_one_line_naming_the_known_ones(tmp_path: Path, db: str) -> None:
    practise(write_round(tmp_path), "Ann", db, LINES[:1])
    result = runner.invoke(main, ["report", "--round", "autumn", "--db", db])
    assert result.exit_code == 1 and "no round 'autumn' in the gradebook; rounds: spring-1" in result.output


# --- reports and feedback -------------------------------------------------------------------


@pytest.fixture
def cohort(tmp_path: Path, db: str) -> str:
    """A round with a hostile trainee name, a warm trainee and a cold one."""
    round_file = write_round(tmp_path, "pass_mark: 50\n")
    practise(round_file, HOSTILE, db, LINES[:5])
    practise(round_file, "Cole", db, ["Did you finish the charting?", "You need to get the notes done."])
    practise(round_file, "=HYPERLINK(1)", db, LINES[:2])
    engine = create_engine(db)
    with engine.begin() as connection:  # a name edited into the database behind coach's back
        connection.execute(
            text("UPDATE conversations SET trainee = :name WHERE trainee = 'Cole'"),
            {"name": "Cole\x1b]0;pwned\x07\x1b[2J"},
        )
    engine.dispose()
    return db


@pytest.mark.slow
def test_report_prints_the_table_averages_and_weakest_measure(cohort: str) -> None:
    result = runner.invoke(main, ["report", "--round", "spring-1", "--db", cohort])
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[1]
    for column in ("trainee", "overall", "band", "PEA:NEA", "open", "shutdowns", "turns", "result"):
        assert column in header
    assert HOSTILE in result.output and "Weakest measure:" in result.output
    assert (
        "Cohort averages per measure" in result.output
        and ("pass" in result.output or "incomplete" in result.output)
        and ("fail" in result.output or "incomplete" in result.output)
    )
    assert "\x1b" not in result.output and "\x07" not in result.output


@pytest.mark.slow
def test_report_html_is_an_index_linking_to_each_trainees_own_page(tmp_path: Path, cohort: str) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(main, ["report", "--round", "spring-1", "--db", cohort, "--html", str(out)])
    assert result.exit_code == 0, result.output
    index = out.read_text(encoding="utf-8")
    pages = sorted((tmp_path / "report-pages").iterdir())
    assert [page.name for page in pages] == [f"trainee-0000{n}.html" for n in (1, 2, 3)]
    for page in (index, *(path.read_text(encoding="utf-8") for path in pages)):
        assert "<script" not in page and "\x1b" not in page and "\x07" not in page
        assert "http://" not in page and "https://" not in page and "Spring &lt;b&gt;round&lt;/b&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index and index.count("<svg") == 2  # the charts only
    for number, page in enumerate(pages, start=1):
        assert f'href="report-pages/{page.name}#c{number}"' in index
        text = page.read_text(encoding="utf-8")
        assert (
            f'id="c{number}"' in text
            and f'href="#c{number}-turn-1"' in text
            and f'id="c{number}-turn-1"' in text
        )
        assert text.count("<svg") == 1 and 'href="../report.html"' in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[0].read_text(encoding="utf-8")


@pytest.mark.slow
def test_report_csv_keeps_formulas_as_text(tmp_path: Path, cohort: str) -> None:
    out = tmp_path / "report.csv"
    runner.invoke(main, ["report", "--round", "spring-1", "--db", cohort, "--csv", str(out)])
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("trainee,scenario,overall,band")
    assert any(row.startswith("'=HYPERLINK(1)") for row in rows) and len(rows) == 4


@pytest.mark.slow
def test_feedback_gives_a_trainee_their_scorecard_and_every_turn(tmp_path: Path, cohort: str) -> None:
    out = tmp_path / "feedback.html"
    args = ["feedback", "--round", "spring-1", "--trainee", HOSTILE, "--db", cohort, "--html", str(out)]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Turn by turn:" in result.output and LINES[0] in result.output
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and 'id="c1-turn-5"' in page
    missing = runner.invoke(main, ["feedback", "--round", "spring-1", "--trainee", "Nobody", "--db", cohort])
    assert missing.exit_code == 1 and "no conversations by Nobody" in missing.output


def chromium_console(page: Path, folder: Path) -> tuple[list[str], Path]:
    """Open a page in headless Chromium; the console messages it logged and its screenshot."""
    shot = folder / f"{page.stem}.png"
    result = subprocess.run(
        [
            chromium_binary(),
            *("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"),
            *("--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"),
            f"--user-data-dir={folder / ('profile-' + page.stem)}",
            f"--screenshot={shot}",
            "--window-size=1200,2400",
            "--enable-logging=stderr",
            "--v=0",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return [line for line in result.stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line], shot


@pytest.mark.slow
def test_the_console_check_catches_a_page_that_errs(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><p>x</p><script>notAFunction()</script>", encoding="utf-8")
    messages, _ = chromium_console(page, tmp_path)
    assert any("Uncaught ReferenceError" in message for message in messages)


@pytest.mark.slow
def test_the_html_report_renders_in_chromium_without_console_errors(tmp_path: Path, cohort: str) -> None:
    out = tmp_path / "report.html"
    runner.invoke(main, ["report", "--round", "spring-1", "--db", cohort, "--html", str(out)])
    messages, shot = chromium_console(out, tmp_path)
    assert messages == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


@pytest.mark.slow
def test_help_does_not_import_the_database_layer() -> None:
    code = (
        "import sys; from simulator.shell.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'psycopg') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().endswith("[]")


@pytest.mark.slow
def test_a_transcript_path_that_exists_leaves_no_conversation_behind(tmp_path: Path, db: str) -> None:
    taken = tmp_path / "taken.jsonl"
    taken.write_text("mine\n", encoding="utf-8")
    args = ["practice", "--round", str(write_round(tmp_path)), "--trainee", "Ann", "--db", db]
    result = runner.invoke(main, [*args, "--transcript", str(taken)], input=f"{LINES[0]}\n")
    assert result.exit_code == 1 and "already exists" in result.output
    assert taken.read_text(encoding="utf-8") == "mine\n"
    assert runner.invoke(main, [*args, "--transcript", str(tmp_path / "new.jsonl")], input="").exit_code == 0


@pytest.mark.parametrize("name", ["grade", "report", "feedback"])
def test_every_round_command_and_option_is_in_the_readme(name: str) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert isinstance(main, click.Group)
    command = main.commands[name]
    assert f"coach {name} " in readme
    for parameter in command.params:
        for option in parameter.opts:
            if option.startswith("--") and option != "--help":
                assert option in readme, f"coach {name} {option} is not in the README"


@pytest.mark.slow
def test_a_conversation_whose_scenario_is_gone_is_named_and_the_rest_still_graded(
    tmp_path: Path, db: str
) -> None:
    persona = tmp_path / "grace.yaml"
    persona.write_text(catalogue.bundled_text("ward-nurse-charting"), encoding="utf-8")
    round_file = write_round(tmp_path, scenarios="[grace.yaml, diabetes-walking]")
    practise(round_file, "Ann", db, LINES[:2], "grace.yaml")
    practise(round_file, "Bob", db, LINES[:2], "diabetes-walking")
    persona.unlink()
    result = runner.invoke(main, ["grade", "--round", "spring-1", "--db", db])
    assert result.exit_code == 1
    assert "coach: warning: Ann on ward-nurse-charting: cannot re-simulate:" in result.output
    assert "Bob  " in result.output and "1 conversation(s)" in result.output


@pytest.mark.slow
def test_coach_score_on_a_round_transcript_agrees_with_coach_grade(tmp_path: Path, db: str) -> None:
    round_file = write_round(tmp_path, "turns: 12\n")  # shorter than the scenario's own limit
    assert practise(round_file, "Ann", db, TWENTY).exit_code == 0
    (transcript,) = tmp_path.glob("t-*.jsonl")
    scored = runner.invoke(main, ["score", str(transcript), "--json"])
    conversations = graded_json(db)["conversations"]
    assert isinstance(conversations, list) and conversations[0]["turns"] == 12
    assert json.loads(scored.stdout)["overall"] == conversations[0]["overall"]
    assert json.loads(scored.stdout)["warnings"] == []


@pytest.mark.slow
def test_coach_score_never_lets_a_round_header_lift_the_scenarios_turn_limit(tmp_path: Path, db: str) -> None:
    round_file = write_round(tmp_path, "turns: 40\n")  # longer than the scenario's own limit of 30
    many = [*TWENTY, *(f"{line} (third time, {n})" for n, line in enumerate(TWENTY))][:36]
    assert practise(round_file, "Ann", db, many).exit_code == 0
    (transcript,) = tmp_path.glob("t-*.jsonl")
    scored = json.loads(runner.invoke(main, ["score", str(transcript), "--json"]).stdout)
    assert len(scored["turns"]) == 30
    assert any("above the scenario's 30" in warning for warning in scored["warnings"])


@pytest.mark.slow
def test_a_trainees_own_copy_of_the_round_file_cannot_rewrite_the_cohorts_rules(
    tmp_path: Path, db: str
) -> None:
    trainer = write_round(tmp_path, "pass_mark: 60\n")
    assert practise(trainer, "Ann", db, LINES[:2]).exit_code == 0
    mine = tmp_path / "mine"
    mine.mkdir()
    copy = write_round(mine, "pass_mark: 0\nhints: true\nundo: true\n")
    result = practise(copy, "Bob", db, [*LINES[:2], "/hint"])
    assert result.exit_code == 1
    assert "round 'spring-1' is already in the gradebook with a different round file" in result.output
    assert "coach round update FILE" in result.output and "Try: " not in result.output
    assert graded_json(db)["pass_mark"] == 60
    assert [c["trainee"] for c in graded_json(db)["conversations"]] == ["Ann"]  # type: ignore[index]


@pytest.mark.slow
def test_a_trainer_changes_a_rounds_rules_with_round_update(tmp_path: Path, db: str) -> None:
    assert practise(write_round(tmp_path, "pass_mark: 60\n"), "Ann", db, LINES[:2]).exit_code == 0
    changed = write_round(tmp_path, "pass_mark: 40\n")
    result = runner.invoke(main, ["round", "update", str(changed), "--db", db])
    assert result.exit_code == 0 and "Round spring-1: stored" in result.output
    again = runner.invoke(main, ["round", "update", str(changed), "--db", db])
    assert again.exit_code == 0 and "unchanged" in again.output
    assert graded_json(db)["pass_mark"] == 40
    assert practise(changed, "Bob", db, LINES[:2]).exit_code == 0


def test_round_update_refuses_a_round_whose_scenario_does_not_load(tmp_path: Path, db: str) -> None:
    broken = write_round(tmp_path, scenarios="[missing.yaml]")
    result = runner.invoke(main, ["round", "update", str(broken), "--db", db])
    assert result.exit_code == 1 and "missing.yaml:1:1: error: no such file" in result.output


def test_commands_that_only_read_never_create_a_gradebook(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'typo' / 'gradebook.sqlite'}"
    for args in (["grade"], ["report"], ["feedback", "--trainee", "Ann"]):
        result = runner.invoke(main, [*args, "--round", "spring-1", "--db", url])
        assert result.exit_code == 1 and "no gradebook at" in result.output, result.output
    assert not (tmp_path / "typo").exists()


def test_a_round_naming_one_scenario_many_times_reads_it_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from simulator.rounds import round_file

    reads: list[str] = []
    real_load = round_file.load
    monkeypatch.setattr(round_file, "load", lambda name: reads.append(name) or real_load(name))
    loaded = round_file.load_round(
        write_round(tmp_path, scenarios="[" + ", ".join(["ward-nurse-charting"] * 90) + "]")
    )
    assert len(round_file.round_scenarios(loaded)) == 90 and reads == ["ward-nurse-charting"]


# --- rounds that scale: every core, pages of their own, a progress bar on a terminal ---------------


@pytest.fixture
def large_round(tmp_path: Path, db: str) -> str:
    """A round of 240 conversations: one practised, then copied under other names (and seeds)."""
    round_file = write_round(tmp_path)
    practise(round_file, "Ann", db, LINES)
    practise(round_file, "Bob", db, ["Did you finish the charting?", *LINES[:4]])
    engine = create_engine(db)
    with engine.begin() as connection:
        for copy in range(119):
            for name in ("Ann", "Bob"):
                connection.execute(
                    text(
                        "INSERT INTO conversations (round_id, trainee, scenario_id, scenario_source, scenario_sha256,"
                        " seed, turn_limit, engine, started_at, updated_at, ended_at, end_reason)"
                        " SELECT round_id, :trainee, scenario_id, scenario_source, scenario_sha256, seed + :copy,"
                        " turn_limit, engine, started_at, updated_at, ended_at, end_reason"
                        " FROM conversations WHERE trainee = :name"
                    ),
                    {"trainee": f"{name} {copy:03d}", "copy": copy, "name": name},
                )
                connection.execute(
                    text(
                        "INSERT INTO turns (conversation_id, n, trainee_line, recorded_state_after,"
                        " recorded_openness_after, recorded_at)"
                        " SELECT (SELECT id FROM conversations WHERE trainee = :trainee), n, trainee_line,"
                        " recorded_state_after, recorded_openness_after, recorded_at FROM turns"
                        " WHERE conversation_id = (SELECT id FROM conversations WHERE trainee = :name)"
                    ),
                    {"trainee": f"{name} {copy:03d}", "name": name},
                )
    engine.dispose()
    return db


@pytest.mark.slow
def test_a_large_round_is_graded_on_every_core_exactly_as_in_one_process(
    large_round: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from simulator.shell import round_batches

    args = ["grade", "--round", "spring-1", "--db", large_round, "--json"]
    monkeypatch.setattr(
        round_batches, "worker_count", lambda: 2
    )  # as on two cores, whatever this machine has
    together = runner.invoke(main, args)
    monkeypatch.setattr(round_batches, "PARALLEL_FROM", 10**9)
    alone = runner.invoke(main, args)
    assert together.exit_code == alone.exit_code == 0, together.output
    conversations = json.loads(together.stdout)["conversations"]
    assert len(conversations) == 240 and together.stdout == alone.stdout
    assert [c["trainee"] for c in conversations] == sorted(c["trainee"] for c in conversations)
    table = runner.invoke(main, args[:-1])
    assert table.exit_code == 0 and "240 conversation(s)" in table.output


def render_time(page: Path, folder: Path) -> tuple[list[str], list[str]]:
    """Open `page` in headless Chromium inside a frame that prints how long it took to load and lay out.

    Returns the lines printing the render time, and every other console line (errors).
    """
    harness = page.with_name(f"harness-{page.stem}.html")
    harness.write_text(
        '<!DOCTYPE html><html><body style="margin:0"><script>'
        "const started = performance.now(); const frame = document.createElement('iframe');"
        "frame.style.cssText = 'width:1200px;height:2400px;border:0';"
        "frame.onload = () => { const tall = frame.contentDocument.documentElement.scrollHeight;"
        "console.log('rendered in ' + Math.round(performance.now() - started) + ' ms, ' + tall + ' px'); };"
        f"frame.src = {json.dumps(page.name)}; document.body.appendChild(frame);"
        "</script></body></html>",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            chromium_binary(),
            *("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"),
            *("--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"),
            "--allow-file-access-from-files",  # the frame's page is read from the same folder
            f"--user-data-dir={folder / ('profile-' + page.stem)}",
            f"--screenshot={folder / (page.stem + '.png')}",
            "--window-size=1200,2400",
            "--enable-logging=stderr",
            "--v=0",
            harness.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
    return [line for line in console if '"rendered in ' in line], [
        line for line in console if '"rendered in ' not in line
    ]


@pytest.mark.slow
def test_the_report_of_a_large_round_renders_in_chromium_printing_its_render_time(
    tmp_path: Path, large_round: str
) -> None:
    out = tmp_path / "round.html"
    result = runner.invoke(main, ["report", "--round", "spring-1", "--db", large_round, "--html", str(out)])
    assert result.exit_code == 0, result.output
    for page in (out, tmp_path / "round-pages" / "trainee-00240.html"):
        printed, errors = render_time(page, tmp_path)
        assert errors == [] and len(printed) == 1, (printed, errors)
        figure = printed[0].split('"')[1]
        print(f"{page.name}: {figure}")  # the figure, for whoever runs the test (no time is asserted)


@pytest.mark.slow
def test_a_report_replaces_its_own_pages_and_never_a_folder_of_yours(tmp_path: Path, cohort: str) -> None:
    out = tmp_path / "report.html"
    args = ["report", "--round", "spring-1", "--db", cohort, "--html", str(out)]
    assert runner.invoke(main, args).exit_code == 0
    (tmp_path / "report-pages" / "trainee-00009.html").write_text("an old page", encoding="utf-8")
    assert runner.invoke(main, args).exit_code == 0
    assert len(list((tmp_path / "report-pages").iterdir())) == 3  # the old page went with the old folder
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # nothing left half-made
    yours = tmp_path / "yours.html"
    (tmp_path / "yours-pages").mkdir()
    (tmp_path / "yours-pages" / "notes.txt").write_text("mine", encoding="utf-8")
    refused = runner.invoke(main, ["report", "--round", "spring-1", "--db", cohort, "--html", str(yours)])
    assert refused.exit_code == 1 and "is not a folder of pages this command made" in refused.output
    assert (tmp_path / "yours-pages" / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert not yours.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.slow
def test_grade_and_report_draw_no_progress_bar_when_piped(cohort: str) -> None:
    for command in ("grade", "report"):
        result = runner.invoke(main, [command, "--round", "spring-1", "--db", cohort])
        assert result.exit_code == 0 and "grading" not in result.stderr and "\r" not in result.output
