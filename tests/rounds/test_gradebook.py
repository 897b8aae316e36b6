"""The gradebook against real databases: SQLite files and a PostgreSQL server."""

import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from simulator.engine.session import Session
from simulator.rounds import gradebook
from simulator.rounds.gradebook import (
    SCHEMA_REVISION,
    Gradebook,
    GradebookError,
    GradebookRecorder,
    normalised_url,
)
from simulator.scenario import catalogue
from tests.backends import scratch_database

NURSE = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario


@pytest.fixture(params=["sqlite", "postgresql"])
def book_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty gradebook URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'gradebook.sqlite'}"
        return
    with scratch_database(request.getfixturevalue("postgres_server_url")) as url:
        yield url


def start(book: Gradebook, trainee: str = "Ann", scenario_id: str = "ward-nurse-charting") -> int:
    book.save_round("r1", "Round one", "id: r1\ntitle: Round one\nscenarios: [ward-nurse-charting]\n")
    return book.start_conversation(
        round_id="r1",
        trainee=trainee,
        scenario_id=scenario_id,
        scenario_source=f"bundled:{scenario_id}",
        scenario_sha256="0" * 64,
        seed=3,
        turn_limit=20,
    )


@pytest.mark.slow
def test_opening_a_new_gradebook_applies_the_migrations(book_url: str) -> None:
    with Gradebook.open(book_url) as book, book._engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert revision == SCHEMA_REVISION
    with Gradebook.open(book_url) as book:  # opening again migrates nothing and keeps the data
        start(book)
    with Gradebook.open(book_url) as book:
        assert [c.trainee for c in book.conversations("r1")] == ["Ann"]


def test_schema_revision_is_the_newest_shipped_migration() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "simulator.rounds:migrations")
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_REVISION


def test_turns_undos_and_the_end_are_recorded_in_order(book_url: str) -> None:
    session = Session(NURSE, seed=3)
    with Gradebook.open(book_url) as book:
        recorder = GradebookRecorder(book, start(book))
        for line in ["Hello.", "What matters to you?", "Did you finish the notes?"]:
            recorder.turn(session.say(line))
        undone = session.undo()
        assert undone is not None
        recorder.undo(undone)
        recorder.turn(session.say("It sounds like a long month."))
        recorder.finish(session, "quit", "2026-01-01T00:00:00+00:00")
        (stored,) = book.conversations("r1")
    assert stored.lines == ("Hello.", "What matters to you?", "It sounds like a long month.")
    assert stored.is_finished and stored.end_reason == "quit" and stored.seed == 3


def test_the_first_round_file_stored_under_an_id_is_kept_and_another_is_refused(book_url: str) -> None:
    with Gradebook.open(book_url) as book:
        book.save_round("r1", "Round one", "id: r1\ntitle: Round one\n")
        book.save_round("r1", "Round one", "id: r1\ntitle: Round one\n")  # the same file again is fine
        with pytest.raises(GradebookError, match=r"different round file.*coach round update"):
            book.save_round("r1", "Round one", "id: r1\ntitle: Round one\npass_mark: 0\nhints: true\n")
        stored = book.stored_round("r1")
    assert (stored.title, stored.spec) == ("Round one", "id: r1\ntitle: Round one\n")


def test_a_trainer_replaces_a_round_file_explicitly(book_url: str) -> None:
    with Gradebook.open(book_url) as book:
        book.save_round("r1", "Round one", "id: r1\ntitle: Round one\n")
        assert book.replace_round("r1", "Round 1", "id: r1\ntitle: Round 1\npass_mark: 70\n")
        assert not book.replace_round("r1", "Round 1", "id: r1\ntitle: Round 1\npass_mark: 70\n")
        book.save_round("r1", "Round 1", "id: r1\ntitle: Round 1\npass_mark: 70\n")
        stored = book.stored_round("r1")
    assert (stored.title, stored.spec) == ("Round 1", "id: r1\ntitle: Round 1\npass_mark: 70\n")


def test_one_conversation_per_trainee_and_scenario(book_url: str) -> None:
    with Gradebook.open(book_url) as book:
        start(book)
        with pytest.raises(GradebookError, match="already has a conversation"):
            start(book)
        start(book, trainee="Bob")
        assert [c.trainee for c in book.conversations("r1")] == ["Ann", "Bob"]


def test_names_that_look_like_sql_are_stored_as_data(book_url: str) -> None:
    name = "Robert'); DROP TABLE turns;--"
    with Gradebook.open(book_url) as book:
        recorder = GradebookRecorder(book, start(book, trainee=name))
        recorder.turn(Session(NURSE).say("'; DELETE FROM conversations; --"))
        (stored,) = book.conversations("r1", trainee=name)
    assert stored.trainee == name and stored.lines == ("'; DELETE FROM conversations; --",)


def test_an_unknown_round_names_the_known_ones(book_url: str) -> None:
    with Gradebook.open(book_url) as book:
        start(book)
        with pytest.raises(GradebookError, match="no round 'r2' in the gradebook; rounds: r1"):
            book.stored_round("r2")


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    with Gradebook.open(f"sqlite:///{tmp_path / 'g.sqlite'}") as book, book._engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000


def test_plain_postgresql_urls_use_psycopg_and_other_databases_are_refused() -> None:
    assert normalised_url("postgresql://u@h/d").drivername == "postgresql+psycopg"
    with pytest.raises(GradebookError, match="unsupported database 'mysql'"):
        normalised_url("mysql://u@h/d")
    with pytest.raises(GradebookError, match="not a database URL"):
        normalised_url("grades.sqlite")


@pytest.mark.slow
def test_a_server_that_is_not_there_is_one_clear_error_without_the_password() -> None:
    with pytest.raises(GradebookError) as raised:
        Gradebook.open("postgresql://coach:hunter2@127.0.0.1:1/grades")
    assert "hunter2" not in str(raised.value) and "***" in str(raised.value)


def test_a_sqlite_path_under_home_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert normalised_url("sqlite:///~/grades/g.sqlite").database == f"{tmp_path}/grades/g.sqlite"
    with Gradebook.open("sqlite:///~/grades/g.sqlite"):
        pass
    assert (tmp_path / "grades" / "g.sqlite").is_file()


def test_a_read_only_gradebook_reads_and_refuses_every_write(book_url: str) -> None:
    with Gradebook.open(book_url) as book:
        start(book)
    with Gradebook.open(book_url, read_only=True) as book:
        assert [c.trainee for c in book.conversations("r1")] == ["Ann"]
        with pytest.raises(GradebookError, match="read"):
            book.save_round("r2", "Round two", "id: r2\ntitle: Round two\n")
        with pytest.raises(GradebookError, match="read"):
            start(book, trainee="Bo")
    with Gradebook.open(book_url) as book:
        assert [c.trainee for c in book.conversations("r1")] == ["Ann"]


def test_reading_a_gradebook_that_is_not_there_is_an_error_and_makes_nothing(tmp_path: Path) -> None:
    with pytest.raises(GradebookError, match=r"no gradebook at .*mistyped"):
        Gradebook.open(f"sqlite:///{tmp_path / 'mistyped' / 'gradebook.sqlite'}", read_only=True)
    assert list(tmp_path.iterdir()) == []


def test_reading_a_file_that_is_no_gradebook_says_so(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).close()
    with pytest.raises(GradebookError, match="is not a gradebook"):
        Gradebook.open(f"sqlite:///{other}", read_only=True)


@pytest.mark.slow
def test_a_postgresql_server_that_never_answers_is_given_up_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gradebook, "CONNECT_TIMEOUT_SECONDS", 1)
    with socket.socket() as silent:  # the kernel accepts the connection; nothing ever answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        url = f"postgresql://coach:secret@127.0.0.1:{silent.getsockname()[1]}/gradebook"
        with pytest.raises(GradebookError, match="timeout") as caught:
            Gradebook.open(url, read_only=True)
    assert "secret" not in str(caught.value)


@pytest.mark.slow
def test_a_seed_too_large_for_the_database_is_one_error(tmp_path: Path) -> None:
    with Gradebook.open(f"sqlite:///{tmp_path / 'g.sqlite'}") as book:
        book.save_round("r1", "Round one", "id: r1\ntitle: Round one\n")
        with pytest.raises(GradebookError, match="too large"):
            book.start_conversation(
                round_id="r1",
                trainee="Ann",
                scenario_id="ward-nurse-charting",
                scenario_source="bundled:ward-nurse-charting",
                scenario_sha256="0" * 64,
                seed=2**63,
                turn_limit=20,
            )


def test_conversations_come_a_page_at_a_time_in_the_same_order_with_their_lines(book_url: str) -> None:
    names = ["Zoë", "ann", "Ann", "Ann Lee", "O'Brien", "bob", "Åsa"]
    with Gradebook.open(book_url) as book:
        for number, name in enumerate(names):
            for scenario_id in ("ward-nurse-charting", "diabetes-walking"):
                conversation = start(book, name, scenario_id)
                session = Session(NURSE, seed=3)
                for line in [f"line {n} of {number}" for n in range(number % 3 + 1)]:
                    book.record_turn(conversation, session.say(line))
        everything = book.conversations("r1")
        for size in (1, 3, 14, 400):
            pages = list(book.conversation_pages("r1", page_size=size))
            assert all(0 < len(page) <= size for page in pages)
            assert [c for page in pages for c in page] == everything
        assert [c for page in book.conversation_pages("r1", trainee="Ann", page_size=1) for c in page] == (
            book.conversations("r1", trainee="Ann")
        )
        assert list(book.conversation_pages("nothing")) == []
