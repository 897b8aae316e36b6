"""The trainee-record commands: coach export (xAPI, a record store, JSON), forget, review and the review gate.

The commands run in-process through click's runner against a SQLite gradebook; the record
store is the test's own on 127.0.0.1; the pages open in headless Chromium (slow).
"""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from simulator.rounds.gradebook import Gradebook
from simulator.rounds.pseudonyms import pseudonym
from simulator.shell.cli import main
from tests.record_store import AUTHORIZATION, PASSWORD, USER, StoreState, record_store
from tests.shell.test_round_cli import LINES, chromium_console
from tests.xapi_spec import statement_problems

runner = CliRunner()

COLD = ["Did you finish the charting?", "You need to get the notes done.", "Why are you always behind?"]
RESPONDED = "http://adlnet.gov/expapi/verbs/responded"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
VERDICTS = {"http://adlnet.gov/expapi/verbs/passed", "http://adlnet.gov/expapi/verbs/failed"}


def write_round(folder: Path, extra: str = "") -> Path:
    path = folder / "round.yaml"
    path.write_text(
        f"id: spring-1\ntitle: Spring round\nscenarios: [ward-nurse-charting]\n{extra}", encoding="utf-8"
    )
    return path


def practise(round_file: Path, trainee: str, db: str, lines: list[str]) -> None:
    transcript = round_file.parent / f"{trainee.split()[0].lower()}.jsonl"
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
    result = runner.invoke(main, args, input="".join(f"{line}\n" for line in lines))
    assert result.exit_code == 0, result.output


def coach(*args: str, db: str, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(main, [*args, "--db", db], env=env)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'gradebook.sqlite'}"


def practised_round(folder: Path, extra: str) -> Path:
    """A gradebook where Ann practised warmly and Bob coldly, in a round with `extra` settings."""
    db = f"sqlite:///{folder / 'gradebook.sqlite'}"
    round_file = write_round(folder, "pass_mark: 50\n" + extra)
    practise(round_file, "Ann Lee", db, LINES[:6])
    practise(round_file, "Bob Stone", db, COLD)
    return folder


def copied(template: Path, folder: Path) -> str:
    """A test's own copy of a gradebook made once per module (practising takes most of a test's time)."""
    for path in template.glob("gradebook.sqlite*"):
        shutil.copy(path, folder / path.name)
    return f"sqlite:///{folder / 'gradebook.sqlite'}"


@pytest.fixture(scope="module")
def cohort_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return practised_round(tmp_path_factory.mktemp("cohort"), "")


@pytest.fixture(scope="module")
def gated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return practised_round(tmp_path_factory.mktemp("gated"), "review: true\n")


@pytest.fixture
def cohort(tmp_path: Path, cohort_template: Path) -> str:
    """A round without the review gate: Ann warm, Bob cold."""
    return copied(cohort_template, tmp_path)


@pytest.fixture
def gated(tmp_path: Path, gated_template: Path) -> str:
    """The same cohort in a round whose grades wait for the trainer's review."""
    return copied(gated_template, tmp_path)


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, StoreState]]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    with record_store() as running:
        yield running


def secret_of(db: str) -> str:
    with Gradebook.open(db) as book:
        return book.pseudonym_secret()


def exported_statements(db: str, *extra: str) -> list[dict[str, Any]]:
    result = coach("export", "--round", "spring-1", "--xapi", "-", *extra, db=db)
    assert result.exit_code == 0, result.output
    loaded: list[dict[str, Any]] = json.loads(result.stdout)
    return loaded


# --- xAPI -------------------------------------------------------------------------------------


@pytest.mark.slow
def test_export_writes_valid_pseudonymous_statements_for_every_turn_and_conversation(
    tmp_path: Path, cohort: str
) -> None:
    out = tmp_path / "round.xapi.json"
    result = coach("export", "--round", "spring-1", "--xapi", str(out), db=cohort)
    assert result.exit_code == 0, result.output
    assert (
        f"xAPI: 13 statement(s) for 2 conversation(s) of 2 trainee(s) in round spring-1: {out}"
        in result.output
    )
    statements = json.loads(out.read_text(encoding="utf-8"))
    assert [problems for s in statements if (problems := statement_problems(s))] == []
    verbs = [s["verb"]["id"] for s in statements]
    assert verbs.count(RESPONDED) == 9 and verbs.count(COMPLETED) == 2
    assert sum(verb in VERDICTS for verb in verbs) == 2
    text = out.read_text(encoding="utf-8")
    assert "Ann" not in text and "Bob" not in text and LINES[0] not in text
    accounts = {s["actor"]["account"]["name"] for s in statements}
    assert accounts == {pseudonym(secret_of(cohort), "Ann Lee"), pseudonym(secret_of(cohort), "Bob Stone")}


@pytest.mark.slow
def test_export_is_the_same_every_time_and_carries_words_only_when_asked(cohort: str) -> None:
    first, again = exported_statements(cohort), exported_statements(cohort)
    assert first == again
    with_lines = exported_statements(cohort, "--include-lines")
    assert [s["id"] for s in with_lines] == [s["id"] for s in first]
    assert [s["result"]["response"] for s in with_lines if s["verb"]["id"] == RESPONDED][:6] == LINES[:6]


def test_export_to_standard_output_keeps_the_messages_apart(cohort: str) -> None:
    result = coach("export", "--round", "spring-1", "--xapi", "-", db=cohort)
    assert json.loads(result.stdout) and "statement(s)" not in result.stdout


@pytest.mark.slow
def test_export_sends_to_a_record_store_and_again_without_duplicates(
    cohort: str, store: tuple[str, StoreState]
) -> None:
    endpoint, state = store
    env = {"COACH_LRS_USER": USER, "COACH_LRS_PASSWORD": PASSWORD}
    for _ in range(2):
        result = coach("export", "--round", "spring-1", "--lrs", endpoint, db=cohort, env=env)
        assert result.exit_code == 0, result.output
        assert f"Sent 13 of 13 statement(s) to {endpoint}/statements in 1 request(s)" in result.output
    assert len(state.statements) == 13
    assert all(statement_problems(s) == [] for s in state.statements.values())
    assert all(r["headers"]["authorization"] == AUTHORIZATION for r in state.requests)


@pytest.mark.slow
def test_export_retries_a_failing_store_and_reports_what_did_not_go(
    cohort: str, store: tuple[str, StoreState], monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint, state = store
    monkeypatch.setattr("simulator.shell.lrs.FIRST_PAUSE_SECONDS", 0.01)
    env = {"COACH_LRS_AUTH": AUTHORIZATION}
    state.fail_first = 1
    args = ["export", "--round", "spring-1", "--lrs", endpoint, "--batch-size", "5"]
    retried = coach(*args, db=cohort, env=env)
    assert (
        retried.exit_code == 0
        and "Sent 13 of 13 statement(s)" in retried.output
        and "1 retried" in retried.output
    )
    state.fail_first, state.requests[:] = 100, []
    failed = coach(*args, "--retries", "1", db=cohort, env=env)
    assert failed.exit_code == 1
    assert "Sent 0 of 13 statement(s)" in failed.output
    assert "coach: warning: statements 1-5 not taken: HTTP 503" in failed.output
    assert (
        "coach: warning: statements 6-13 not taken: not sent: the record store was failing" in failed.output
    )


def test_export_without_credentials_or_a_destination_says_what_is_missing(cohort: str) -> None:
    env = {"COACH_LRS_USER": "", "COACH_LRS_PASSWORD": "", "COACH_LRS_AUTH": ""}
    missing = coach("export", "--round", "spring-1", "--lrs", "http://127.0.0.1:9/xapi", db=cohort, env=env)
    assert missing.exit_code == 1 and "set COACH_LRS_USER and COACH_LRS_PASSWORD" in missing.output
    nowhere = coach("export", "--round", "spring-1", db=cohort)
    assert nowhere.exit_code == 2 and "--xapi FILE, --lrs URL or --json FILE" in nowhere.output
    wrong = coach("export", "--round", "spring-1", "--xapi", "-", "--home-page", "lms", db=cohort)
    assert wrong.exit_code == 1 and "--home-page 'lms' is not a web address" in wrong.output


@pytest.mark.slow
def test_export_json_is_the_trainee_s_record_named_or_pseudonymised(tmp_path: Path, cohort: str) -> None:
    out = tmp_path / "ann.json"
    args = ["export", "--round", "spring-1", "--trainee", "Ann Lee", "--json", str(out), "--include-lines"]
    assert coach(*args, db=cohort).exit_code == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    (conversation,) = record["conversations"]
    assert record["format"] == "coach-export/1" and conversation["trainee"] == "Ann Lee"
    assert [turn["line"] for turn in conversation["turns"]] == LINES[:6]
    assert (
        coach("export", "--round", "spring-1", "--json", str(out), "--pseudonymise", db=cohort).exit_code == 0
    )
    text = out.read_text(encoding="utf-8")
    assert "Ann" not in text and "Bob" not in text and LINES[1] not in text and '"line"' not in text
    unknown = coach("export", "--round", "spring-1", "--trainee", "Nobody", "--json", str(out), db=cohort)
    assert unknown.exit_code == 1 and "no conversations by Nobody in round spring-1" in unknown.output


# --- review ------------------------------------------------------------------------------------


def review(db: str, trainee: str, comment: str, *extra: str) -> Result:
    return coach("review", "--round", "spring-1", "--trainee", trainee, "--comment", comment, *extra, db=db)


@pytest.mark.slow
def test_a_comment_is_shown_at_its_turn_in_the_report_and_the_feedback(tmp_path: Path, cohort: str) -> None:
    pinned = review(cohort, "Ann Lee", "Lovely <em>reflection</em> of the feeling.", "--turn", "2")
    assert (
        pinned.exit_code == 0
        and "Comment pinned to Ann Lee's conversation on ward-nurse-charting at turn 2." in pinned.output
    )
    assert review(cohort, "Ann Lee", "A warm start.").exit_code == 0
    report = coach("report", "--round", "spring-1", "--html", str(tmp_path / "r.html"), db=cohort)
    assert (
        "turn 2: Lovely <em>reflection</em> of the feeling." in report.output
        and "overall: A warm start." in report.output
    )
    feedback = coach(
        "feedback",
        "--round",
        "spring-1",
        "--trainee",
        "Ann Lee",
        "--html",
        str(tmp_path / "f.html"),
        db=cohort,
    )
    lines = feedback.output.splitlines()
    at = next(index for index, line in enumerate(lines) if line.startswith("  2. ["))
    assert "     trainer: Lovely <em>reflection</em> of the feeling." in lines[at : at + 6]
    assert "Trainer's comments:" in feedback.output and "  - A warm start." in feedback.output
    for page in ("r-pages/trainee-00001.html", "f.html"):  # Ann's page of the report, her own feedback
        html = (tmp_path / page).read_text(encoding="utf-8")
        assert (
            '<div class="comment">Trainer: Lovely &lt;em&gt;reflection&lt;/em&gt; of the feeling.</div>'
            in html
        )
        assert "<li>A warm start.</li>" in html


def test_a_comment_must_name_a_turn_that_stands_and_a_conversation_that_exists(
    tmp_path: Path, cohort: str
) -> None:
    beyond = review(cohort, "Ann Lee", "Hm.", "--turn", "7")
    assert beyond.exit_code == 1 and "has turns 1 to 6; there is no turn 7" in beyond.output
    nobody = review(cohort, "Nobody", "Hm.")
    assert nobody.exit_code == 1 and "no conversations by Nobody in round spring-1" in nobody.output
    empty = review(cohort, "Ann Lee", "  ")
    assert empty.exit_code == 1 and "a comment cannot be empty" in empty.output


@pytest.mark.slow
def test_without_the_review_gate_feedback_shows_the_grade_at_once(cohort: str) -> None:
    feedback = coach("feedback", "--round", "spring-1", "--trainee", "Ann Lee", db=cohort)
    assert "Overall:" in feedback.output and "awaiting review" not in feedback.output


@pytest.mark.slow
def test_with_the_gate_a_grade_waits_for_review_and_release(tmp_path: Path, gated: str) -> None:
    def feedback(trainee: str) -> str:
        out = tmp_path / "f.html"
        result = coach("feedback", "--round", "spring-1", "--trainee", trainee, "--html", str(out), db=gated)
        assert result.exit_code == 0, result.output
        return result.output + out.read_text(encoding="utf-8")

    waiting = feedback("Ann Lee")
    assert "awaiting review" in waiting and "Overall:" not in waiting and "/100" not in waiting
    assert not {s["verb"]["id"] for s in exported_statements(gated)} & {COMPLETED, *VERDICTS}

    review(gated, "Ann Lee", "Well done: you stayed with her vision.")
    released = coach("grade", "--round", "spring-1", "--release", db=gated)
    assert "Released 1 grade(s): Ann Lee on ward-nurse-charting" in released.output
    assert "Not reviewed yet (no comment): Bob Stone on ward-nurse-charting" in released.output
    shown = feedback("Ann Lee")
    assert (
        "Overall:" in shown
        and "Well done: you stayed with her vision." in shown
        and "awaiting review" not in shown
    )
    assert "awaiting review" in feedback("Bob Stone")
    statements = exported_statements(gated)
    assert [s["verb"]["id"] for s in statements].count(COMPLETED) == 1
    grades = json.loads(coach("grade", "--round", "spring-1", "--json", db=gated).stdout)["conversations"]
    assert [(c["trainee"], c["review"]) for c in grades] == [
        ("Ann Lee", {"comments": 1, "released": True, "held": False}),
        ("Bob Stone", {"comments": 0, "released": False, "held": True}),
    ]


# --- pseudonymised reports -----------------------------------------------------------------------


@pytest.mark.slow
def test_reports_and_grades_can_name_trainees_by_pseudonym(tmp_path: Path, cohort: str) -> None:
    ann, bob = (pseudonym(secret_of(cohort), name) for name in ("Ann Lee", "Bob Stone"))
    html, csv = tmp_path / "r.html", tmp_path / "r.csv"
    report = coach(
        "report", "--round", "spring-1", "--pseudonymise", "--html", str(html), "--csv", str(csv), db=cohort
    )
    grade = coach("grade", "--round", "spring-1", "--json", "--pseudonymise", db=cohort)
    feedback = coach("feedback", "--round", "spring-1", "--trainee", "Ann Lee", "--pseudonymise", db=cohort)
    for text in (report.output, html.read_text(), csv.read_text(), grade.stdout, feedback.output):
        assert "Ann" not in text and "Bob" not in text
    assert ann in report.output and bob in csv.read_text() and ann in feedback.output
    assert {c["trainee"] for c in json.loads(grade.stdout)["conversations"]} == {ann, bob}


# --- forget ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_forget_erases_a_trainee_and_says_what_went(tmp_path: Path, cohort: str) -> None:
    review(cohort, "Ann Lee", "Nice.", "--turn", "1")
    result = coach("forget", "--round", "spring-1", "--trainee", "Ann Lee", "--yes", db=cohort)
    assert result.exit_code == 0, result.output
    assert (
        "Erased Ann Lee from round spring-1: 1 conversation(s) (ward-nurse-charting), 6 turn(s), 1 trainer comment(s)."
        in result.output
    )
    assert "Ann Lee" not in coach("report", "--round", "spring-1", db=cohort).output
    again = coach("forget", "--round", "spring-1", "--trainee", "Ann Lee", "--yes", db=cohort)
    assert (
        again.exit_code == 1
        and "no conversations by Ann Lee in round spring-1; nothing to erase" in again.output
    )


@pytest.mark.slow
def test_forget_without_a_terminal_needs_yes(cohort: str) -> None:
    result = coach("forget", "--round", "spring-1", "--trainee", "Ann Lee", db=cohort)
    assert result.exit_code == 2 and "add --yes to confirm" in result.output
    assert "Ann Lee" in coach("report", "--round", "spring-1", db=cohort).output


@pytest.mark.slow
@pytest.mark.parametrize(("answer", "erased"), [("n", False), ("y", True)])
def test_forget_asks_on_a_terminal(cohort: str, answer: str, erased: bool) -> None:
    leader, follower = pty.openpty()
    args = ["forget", "--round", "spring-1", "--trainee", "Bob Stone", "--db", cohort]
    process = subprocess.Popen(
        [sys.executable, "-m", "simulator", *args],
        stdin=follower,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    os.close(follower)
    os.write(leader, f"{answer}\n".encode())
    output, _ = process.communicate(timeout=60)
    os.close(leader)
    assert b"Erase Bob Stone's 1 conversation(s) in round spring-1 (ward-nurse-charting) for good?" in output
    assert (process.returncode == 0) is erased
    assert ("Bob Stone" not in coach("report", "--round", "spring-1", db=cohort).output) is erased


# --- the pages in a browser, and the README ----------------------------------------------------


@pytest.mark.slow
def test_pages_with_comments_and_held_grades_render_in_chromium_without_console_errors(
    tmp_path: Path, gated: str
) -> None:
    review(gated, "Ann Lee", "Lovely reflection.", "--turn", "2")
    review(gated, "Ann Lee", "A warm start.")
    coach("grade", "--round", "spring-1", "--release", db=gated)
    pages = {
        "report": ["report", "--round", "spring-1"],
        "released": ["feedback", "--round", "spring-1", "--trainee", "Ann Lee"],
        "held": ["feedback", "--round", "spring-1", "--trainee", "Bob Stone"],
    }
    for name, args in pages.items():
        out = tmp_path / f"{name}.html"
        assert coach(*args, "--html", str(out), db=gated).exit_code == 0
        shown = [out, *sorted((tmp_path / f"{name}-pages").glob("*.html"))]  # the report's trainee pages too
        for page in shown:
            messages, shot = chromium_console(page, tmp_path)
            assert messages == [], page.name
            assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name", ["export", "forget", "review"])
def test_every_record_command_and_option_is_in_the_readme(name: str) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert isinstance(main, click.Group)
    command = main.commands[name]
    assert f"coach {name} " in readme and command.help
    for parameter in command.params:
        for option in parameter.opts:
            if option.startswith("--") and option != "--help":
                assert option in readme, f"coach {name} {option} is not in the README"


def test_review_and_forget_never_make_a_gradebook(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'typo.sqlite'}"
    for args in (["review", "--trainee", "Ann", "--comment", "Hm."], ["forget", "--trainee", "Ann", "--yes"]):
        result = coach(*args, "--round", "spring-1", db=db)
        assert result.exit_code == 1 and f"no gradebook at {tmp_path / 'typo.sqlite'}" in result.output
    assert not (tmp_path / "typo.sqlite").exists()
