"""The gradebook's review, pseudonym and erasure parts, on SQLite files and a PostgreSQL server."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from simulator.engine.session import Session
from simulator.rounds.gradebook import SCHEMA_REVISION, Gradebook, GradebookRecorder, normalised_url
from simulator.scenario import catalogue
from tests.backends import scratch_database

NURSE = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario
TELLTALE = "Zebra marmalade seventy seven"


@pytest.fixture(params=["sqlite", "postgresql"])
def book_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty gradebook URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'gradebook.sqlite'}"
        return
    with scratch_database(request.getfixturevalue("postgres_server_url")) as url:
        yield url


def practise(book: Gradebook, trainee: str, lines: list[str], round_id: str = "r1") -> int:
    book.save_round(round_id, "Round", f"id: {round_id}\ntitle: Round\nscenarios: [ward-nurse-charting]\n")
    conversation_id = book.start_conversation(
        round_id=round_id,
        trainee=trainee,
        scenario_id=NURSE.id,
        scenario_source=f"bundled:{NURSE.id}",
        scenario_sha256="0" * 64,
        seed=3,
        turn_limit=20,
    )
    recorder, session = GradebookRecorder(book, conversation_id), Session(NURSE, seed=3)
    for line in lines:
        recorder.turn(session.say(line))
    recorder.finish(session, "quit", "2026-03-02T09:10:00+00:00")
    return conversation_id


def migrate(url: str, revision: str, *, down: bool = False) -> None:
    engine = create_engine(normalised_url(url))
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", "simulator.rounds:migrations")
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)
    finally:
        engine.dispose()


def test_a_gradebook_made_by_the_first_schema_is_upgraded_with_its_data_and_a_secret(book_url: str) -> None:
    migrate(book_url, "0001")
    engine = create_engine(normalised_url(book_url))
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO rounds VALUES ('r0', 'Old', 'id: r0', :h, 't')"), {"h": "0" * 64}
        )
        connection.execute(
            text(
                "INSERT INTO conversations (round_id, trainee, scenario_id, scenario_source, scenario_sha256, "
                "seed, turn_limit, engine, started_at, updated_at) "
                "VALUES ('r0', 'Ann', 'ward-nurse-charting', 'bundled:ward-nurse-charting', :h, 1, 20, '0', 't', 't')"
            ),
            {"h": "0" * 64},
        )
    engine.dispose()
    with Gradebook.open(book_url) as book:
        with book._engine.connect() as connection:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert revision == SCHEMA_REVISION
        assert [c.trainee for c in book.conversations("r0")] == ["Ann"]
        secret = book.pseudonym_secret()
        assert len(secret) == 64 and int(secret, 16) >= 0
        (review,) = book.reviews("r0").values()
        assert review.comments == () and review.released_at is None
    migrate(book_url, "0001", down=True)  # the migration can be taken back, and made again
    with Gradebook.open(book_url) as book:
        assert [c.trainee for c in book.conversations("r0")] == ["Ann"]
        assert book.pseudonym_secret() != secret  # a new secret: the old pseudonyms are unlinked


def test_the_secret_is_kept_across_openings_and_differs_between_gradebooks(tmp_path: Path) -> None:
    first, second = f"sqlite:///{tmp_path / 'a.sqlite'}", f"sqlite:///{tmp_path / 'b.sqlite'}"
    with Gradebook.open(first) as book:
        secret = book.pseudonym_secret()
    with Gradebook.open(first) as book:
        assert book.pseudonym_secret() == secret
    with Gradebook.open(second) as book:
        assert book.pseudonym_secret() != secret


def test_a_deleted_secret_is_made_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'g.sqlite'}"
    with Gradebook.open(url) as book:
        secret = book.pseudonym_secret()
        with book._engine.begin() as connection:
            connection.execute(text("DELETE FROM settings"))
        assert book.pseudonym_secret() not in ("", secret)


def test_comments_are_kept_in_order_and_a_release_keeps_its_first_time(book_url: str) -> None:
    times = iter(["2026-03-03T10:00:00+00:00", "2026-03-03T10:01:00+00:00", "2026-03-04T08:00:00+00:00"])
    with Gradebook.open(book_url) as book:
        ann = practise(book, "Ann", ["Hello.", "What matters to you?"])
        bob = practise(book, "Bob", ["Hello."])
        book.clock = lambda: next(times)
        book.add_comment(ann, 2, "A warm question.")
        book.add_comment(ann, None, "Well done overall.")
        released_at = book.release([ann])
        book.clock = lambda: "2026-03-05T08:00:00+00:00"
        book.release([ann, bob])
        reviews = book.reviews("r1")
    assert [(c.turn, c.text) for c in reviews[ann].comments] == [
        (2, "A warm question."),
        (None, "Well done overall."),
    ]
    assert reviews[ann].released_at == released_at == "2026-03-04T08:00:00+00:00"
    assert reviews[bob].comments == () and reviews[bob].released_at == "2026-03-05T08:00:00+00:00"


def test_turn_times_come_in_turn_order(book_url: str) -> None:
    times = iter(f"2026-03-02T09:0{n}:00+00:00" for n in range(10))
    with Gradebook.open(book_url) as book:
        book.clock = lambda: next(times)
        conversation_id = practise(book, "Ann", ["Hello.", "What matters to you?", "Tell me more."])
        assert book.turn_times("r1") == {
            conversation_id: (
                "2026-03-02T09:02:00+00:00",
                "2026-03-02T09:03:00+00:00",
                "2026-03-02T09:04:00+00:00",
            )
        }


def test_forget_erases_one_trainee_in_one_round_and_nothing_else(book_url: str) -> None:
    with Gradebook.open(book_url) as book:
        ann = practise(book, "Ann", ["Hello.", TELLTALE])
        practise(book, "Bob", ["Hello."])
        practise(book, "Ann", ["Hello."], round_id="r2")
        book.add_comment(ann, 1, "Good start.")
        erased = book.forget("r1", "Ann")
        assert (erased.conversations, erased.turns, erased.comments) == (1, 2, 1)
        assert erased.scenarios == ("ward-nurse-charting",)
        assert [c.trainee for c in book.conversations("r1")] == ["Bob"]
        assert [c.trainee for c in book.conversations("r2")] == ["Ann"]
        assert book.forget("r1", "Ann").conversations == 0
    engine = create_engine(normalised_url(book_url))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM turns")).scalar() == 2
        assert connection.execute(text("SELECT count(*) FROM comments")).scalar() == 0
    engine.dispose()


def test_forget_leaves_no_trace_of_the_lines_in_the_sqlite_files(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    with Gradebook.open(f"sqlite:///{path}") as book:
        practise(book, "Quentin Zuckerbrot", ["Hello.", TELLTALE])
        practise(book, "Bob", ["Hello."])

        def files() -> bytes:
            return b"".join(p.read_bytes() for p in tmp_path.glob("g.sqlite*"))

        assert TELLTALE.encode() in files()  # the check below could fail
        book.forget("r1", "Quentin Zuckerbrot")
        assert TELLTALE.encode() not in files() and b"Zuckerbrot" not in files()
        assert [c.trainee for c in book.conversations("r1")] == ["Bob"]
