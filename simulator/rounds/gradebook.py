"""The gradebook: rounds, conversations and trainee lines in a database (the storage shell).

What is stored is what a grade is computed *from*, never a grade: each conversation's
round, trainee, scenario id and content hash, seed and turn limit, and the trainee's lines
in order. The coachee's state as the trainee saw it is kept beside each line as a record,
and is never read back for grading: `coach grade` re-simulates the lines.

    rounds          id, title, spec (the round file's text), spec_sha256, updated_at
    conversations   id, round_id, trainee, scenario_id, scenario_source, scenario_sha256, seed,
                    turn_limit, engine, started_at, updated_at, ended_at, end_reason,
                    recorded_final_state, recorded_peak_state        (one per round, trainee, scenario)
    turns           conversation_id, n, trainee_line, recorded_state_after,
                    recorded_openness_after, recorded_at
    comments        id, conversation_id, turn, text, written_at      (a trainer's review, turn NULL: overall)
    settings        key, value                                        (the pseudonym secret)

A conversation's `released_at` is set when the trainer releases its grade (`coach grade --release`).

SQLite (a file, the default) or PostgreSQL, through SQLAlchemy Core; every value goes in
as a bound parameter. Commands that only read open the gradebook read-only (SQLite's
`mode=ro`, a read-only session on PostgreSQL): an archived or write-protected gradebook can
still be graded and reported, and a mistyped path is an error, never a new empty gradebook.
A PostgreSQL server that never answers is given up on after CONNECT_TIMEOUT_SECONDS. The schema is versioned by Alembic migrations shipped in
`simulator/rounds/migrations` and applied when a gradebook is opened. SQLite runs in WAL mode
with a busy timeout, and every transaction takes the write lock up front (BEGIN
IMMEDIATE), so several trainees practising at once wait their turn instead of failing.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    inspect,
    select,
    tuple_,
    update,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError

from simulator.clock import utc_now
from simulator.engine.session import Session
from simulator.errors import GradebookError
from simulator.records import Turn
from simulator.version import __version__

"""Environment variable naming the gradebook's database URL (overridden by --db)."""

SCHEMA_REVISION = "0002"
"""The newest migration in simulator/rounds/migrations/versions; a database at it needs no migrating."""

BUSY_TIMEOUT_SECONDS = 30
"""How long a SQLite writer waits for another to finish: a turn's write takes milliseconds."""

CONNECT_TIMEOUT_SECONDS = 10
"""How long to wait for a PostgreSQL server to answer (a URL's own `connect_timeout` wins)."""

WAL_SWITCH_SECONDS = 5
"""How long opening a SQLite gradebook retries switching it to WAL while another process holds it."""

_MIGRATION_LOCK = 7_130_611_402
"""The PostgreSQL advisory lock key held while migrating, so two first openers do not both migrate."""

metadata = MetaData()

rounds = Table(
    "rounds",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("spec", Text, nullable=False),
    Column("spec_sha256", String(64), nullable=False),
    Column("updated_at", String(40), nullable=False),
)

conversations = Table(
    "conversations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("round_id", String(64), ForeignKey("rounds.id"), nullable=False),
    Column("trainee", Text, nullable=False),
    Column("scenario_id", String(64), nullable=False),
    Column("scenario_source", Text, nullable=False),
    Column("scenario_sha256", String(64), nullable=False),
    Column("seed", Integer, nullable=False),
    Column("turn_limit", Integer, nullable=False),
    Column("engine", String(40), nullable=False),
    Column("started_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("ended_at", String(40)),
    Column("end_reason", String(20)),
    Column("recorded_final_state", String(20)),
    Column("recorded_peak_state", String(20)),
    Column("released_at", String(40)),
    UniqueConstraint("round_id", "trainee", "scenario_id", name="one_conversation_per_scenario"),
)
Index("conversations_by_round", conversations.c.round_id, conversations.c.trainee)

turns = Table(
    "turns",
    metadata,
    Column("conversation_id", Integer, ForeignKey("conversations.id"), primary_key=True),
    Column("n", Integer, primary_key=True),
    Column("trainee_line", Text, nullable=False),
    Column("recorded_state_after", String(20), nullable=False),
    Column("recorded_openness_after", Float, nullable=False),
    Column("recorded_at", String(40), nullable=False),
)

comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", Integer, ForeignKey("conversations.id"), nullable=False),
    Column("turn", Integer),
    Column("text", Text, nullable=False),
    Column("written_at", String(40), nullable=False),
)
Index("comments_by_conversation", comments.c.conversation_id, comments.c.turn)

settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

PSEUDONYM_SECRET = "pseudonym_secret"
"""The settings key of the gradebook's secret: trainee pseudonyms are keyed with it (simulator.rounds.pseudonyms)."""


@dataclass(frozen=True)
class StoredComment:
    """A trainer's comment: on one turn, or on the whole conversation when `turn` is None."""

    turn: int | None
    text: str
    written_at: str


@dataclass(frozen=True)
class StoredReview:
    """What a trainer has said about one conversation, and whether its grade is released."""

    comments: tuple[StoredComment, ...] = ()
    released_at: str | None = None


@dataclass(frozen=True)
class Erased:
    """What `Gradebook.forget` removed."""

    conversations: int
    turns: int
    comments: int
    scenarios: tuple[str, ...]


def normalised_url(raw: str) -> URL:
    """The URL to connect with: plain postgresql:// and postgres:// mean psycopg 3, the driver we ship."""
    try:
        url = make_url(raw)
    except ArgumentError:
        raise GradebookError(
            f"{raw!r} is not a database URL; use sqlite:///PATH or postgresql://USER@HOST/DB"
        ) from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise GradebookError(f"unsupported database {url.get_backend_name()!r}; use sqlite or postgresql")
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        url = url.set(database=str(Path(url.database).expanduser()))
    return url


def shown(url: URL) -> str:
    """A URL safe to print: the password hidden."""
    return url.render_as_string(hide_password=True)


@dataclass(frozen=True)
class StoredConversation:
    """One conversation as stored: what is needed to re-simulate it, and its lines."""

    id: int
    round_id: str
    trainee: str
    scenario_id: str
    scenario_source: str
    scenario_sha256: str
    seed: int
    turn_limit: int
    started_at: str
    ended_at: str | None
    end_reason: str | None
    lines: tuple[str, ...]

    @property
    def is_finished(self) -> bool:
        """Whether the conversation reached its end (quit, end of input or turn limit)."""
        return self.ended_at is not None


@dataclass(frozen=True)
class StoredRound:
    """A round as stored: the text of the round file it was last practised under."""

    id: str
    title: str
    spec: str


def _switch_to_wal(cursor: Any) -> None:
    # WAL lets readers go on while one trainee's turn is written. Another process switching the
    # same new file at the same moment makes this fail as busy, worth a few retries; any other
    # failure (a full disk, a read-only file) is reported at once.
    deadline = time.monotonic() + WAL_SWITCH_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            busy = "locked" in str(error) or "busy" in str(error)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _prepare_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling defers BEGIN and commits before DDL; we emit BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            # NORMAL sync is durable against a killed process (the case that matters here);
            # only a power cut can lose the last commit.
            cursor.execute("PRAGMA synchronous = NORMAL")
            _switch_to_wal(cursor)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # Take the write lock at the start: a deferred transaction that reads and then writes
        # fails at once in WAL mode when another writer got in between; IMMEDIATE waits instead.
        # A reader takes no write lock (and a read-only file could not give one).
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _read_only_sqlite(url: URL) -> Engine:
    """An engine that can only read an existing SQLite gradebook, even one on write-protected media."""
    path = url.database
    if not path or path == ":memory:":
        raise GradebookError("an in-memory gradebook holds nothing to read; give --db sqlite:///PATH")
    if not os.path.isfile(path):
        raise GradebookError(
            f"no gradebook at {path}; check the path (a command that only reads never creates one)"
        )
    uri = f"file:{quote(os.path.abspath(path))}?mode=ro"

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.OperationalError:
            # A WAL gradebook in a folder we cannot write (archived, on read-only media) cannot
            # get the shared-memory file a reader needs: nothing can be writing it, so read it as is.
            connection.close()
            return sqlite3.connect(
                uri + "&immutable=1", uri=True, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False
            )

    engine = create_engine(url, creator=connect)
    _prepare_sqlite(engine, read_only=True)
    return engine


def _engine_for(url: URL, *, read_only: bool = False) -> Engine:
    if url.get_backend_name() == "sqlite":
        if read_only:
            return _read_only_sqlite(url)
        if url.database and url.database != ":memory:":
            try:
                Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise GradebookError(
                    f"gradebook {shown(url)}: cannot make its folder ({error.strerror})"
                ) from None
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})
        _prepare_sqlite(engine)
        return engine
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    if read_only:
        connect_args["options"] = "-c default_transaction_read_only=on"
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except ModuleNotFoundError:
        raise GradebookError(
            "PostgreSQL needs the psycopg driver: pip install 'compassion-coach[postgres]'"
        ) from None


def _current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def _check_schema(engine: Engine, url: URL) -> None:
    """A gradebook opened read-only cannot be migrated: it must already be at SCHEMA_REVISION."""
    with engine.connect() as connection:
        revision = _current_revision(connection)
    if revision is None:
        raise GradebookError(f"{shown(url)} is not a gradebook (it has no gradebook schema)")
    if revision != SCHEMA_REVISION:
        raise GradebookError(
            f"gradebook {shown(url)} is at schema {revision} and this coach reads {SCHEMA_REVISION}; "
            "bringing it up to date needs write access (any command that records, once)"
        )


def _migrate(engine: Engine) -> None:
    """Bring the schema up to SCHEMA_REVISION with the Alembic migrations shipped in the package."""
    with engine.connect() as connection:
        if _current_revision(connection) == SCHEMA_REVISION:
            return
    from alembic import command
    from alembic.config import Config
    from alembic.util import CommandError

    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        config = Config()
        config.set_main_option("script_location", "simulator.rounds:migrations")
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except CommandError as error:
            raise GradebookError(
                f"the gradebook's schema is not one this version of coach knows ({error}); "
                "upgrade compassion-coach"
            ) from None


@contextmanager
def _reported(url: URL) -> Iterator[None]:
    """Database failures as one `GradebookError` line naming the gradebook (its password hidden)."""
    try:
        yield
    except GradebookError:
        raise
    except (SQLAlchemyError, sqlite3.Error, OverflowError) as error:
        # A driver's own error can escape SQLAlchemy from a connect hook; an integer too large for
        # a column is the driver's OverflowError.
        reason = (str(getattr(error, "orig", None) or error).splitlines() or ["unknown error"])[0]
        raise GradebookError(f"gradebook {shown(url)}: {reason}") from None


def _stored(row: Any, lines: list[str]) -> StoredConversation:
    return StoredConversation(
        id=row.id,
        round_id=row.round_id,
        trainee=row.trainee,
        scenario_id=row.scenario_id,
        scenario_source=row.scenario_source,
        scenario_sha256=row.scenario_sha256,
        seed=row.seed,
        turn_limit=row.turn_limit,
        started_at=row.started_at,
        ended_at=row.ended_at,
        end_reason=row.end_reason,
        lines=tuple(lines),
    )


class Gradebook:
    """An open gradebook. Every method is one short transaction."""

    def __init__(self, engine: Engine, url: URL, clock: Callable[[], str] = utc_now) -> None:
        self._engine = engine
        self.url = url
        self.clock = clock

    @classmethod
    def open(cls, raw_url: str, *, read_only: bool = False) -> Gradebook:
        """Open the gradebook at `raw_url` (the shell picks the default).

        To write, it is created and migrated as needed. `read_only` opens an existing gradebook
        for reading only: nothing is created, migrated or locked, and any write fails.
        """
        url = normalised_url(raw_url)
        with _reported(url):
            engine = _engine_for(url, read_only=read_only)
            if read_only:
                _check_schema(engine, url)
            else:
                _migrate(engine)
        return cls(engine, url)

    def close(self) -> None:
        """Release every connection."""
        self._engine.dispose()

    def __enter__(self) -> Gradebook:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        with _reported(self.url):
            yield

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        with self._errors(), self._engine.begin() as connection:
            yield connection

    # --- rounds ---------------------------------------------------------------------------

    def save_round(self, round_id: str, title: str, spec: str) -> None:
        """Store the round file a round is practised under the first time; refuse another under its id.

        The first round file stored under an id is the trainer's: a trainee's own copy with other
        rules (a lower pass mark, hints switched on) must not replace it, so a different text is
        refused and only `replace_round` changes a round. One statement stores it (an insert that
        does nothing when the id is there), because a cohort starting together all save the round at once.
        """
        digest = hashlib.sha256(spec.encode("utf-8")).hexdigest()
        values = {"title": title, "spec": spec, "spec_sha256": digest, "updated_at": self.clock()}
        from sqlalchemy.dialects import postgresql, sqlite

        dialect = postgresql if self._engine.dialect.name == "postgresql" else sqlite
        insert = (
            dialect.insert(rounds)
            .values(id=round_id, **values)
            .on_conflict_do_nothing(index_elements=[rounds.c.id])
        )
        with self._transaction() as db:
            db.execute(insert)
            stored = db.execute(select(rounds.c.spec_sha256).where(rounds.c.id == round_id)).scalar_one()
        if stored != digest:
            raise GradebookError(
                f"round {round_id!r} is already in the gradebook with a different round file; practise "
                "with the round file your trainer gave you (a trainer changes a round with: coach round update FILE)"
            )

    def replace_round(self, round_id: str, title: str, spec: str) -> bool:
        """Store a round file under its id, replacing any other (a trainer's change); whether anything changed."""
        digest = hashlib.sha256(spec.encode("utf-8")).hexdigest()
        values = {"title": title, "spec": spec, "spec_sha256": digest, "updated_at": self.clock()}
        from sqlalchemy.dialects import postgresql, sqlite

        dialect = postgresql if self._engine.dialect.name == "postgresql" else sqlite
        upsert = (
            dialect.insert(rounds)
            .values(id=round_id, **values)
            .on_conflict_do_update(
                index_elements=[rounds.c.id], set_=values, where=rounds.c.spec_sha256 != digest
            )
        )
        with self._transaction() as db:
            before = db.execute(select(rounds.c.spec_sha256).where(rounds.c.id == round_id)).scalar()
            db.execute(upsert)
        return before != digest

    def stored_round(self, round_id: str) -> StoredRound:
        """A stored round, or `GradebookError` naming the rounds there are."""
        with self._transaction() as db:
            found = db.execute(select(rounds).where(rounds.c.id == round_id)).first()
            if found is None:
                known = sorted(db.execute(select(rounds.c.id)).scalars())
                listed = ", ".join(known) if known else "none yet"
                raise GradebookError(f"no round {round_id!r} in the gradebook; rounds: {listed}")
        return StoredRound(found.id, found.title, found.spec)

    # --- conversations --------------------------------------------------------------------

    def start_conversation(
        self,
        *,
        round_id: str,
        trainee: str,
        scenario_id: str,
        scenario_source: str,
        scenario_sha256: str,
        seed: int,
        turn_limit: int,
    ) -> int:
        """Record a new conversation and return its id; a second one for the same scenario is refused."""
        at = self.clock()
        with self._errors():
            try:
                with self._engine.begin() as db:
                    result = db.execute(
                        conversations.insert().values(
                            round_id=round_id,
                            trainee=trainee,
                            scenario_id=scenario_id,
                            scenario_source=scenario_source,
                            scenario_sha256=scenario_sha256,
                            seed=seed,
                            turn_limit=turn_limit,
                            engine=__version__,
                            started_at=at,
                            updated_at=at,
                        )
                    ).inserted_primary_key
                    assert result is not None  # an insert always has a primary key
                    return int(result[0])
            except IntegrityError:
                raise GradebookError(
                    f"{trainee} already has a conversation on {scenario_id} in round {round_id}"
                ) from None

    def find_conversation(self, round_id: str, trainee: str, scenario_id: str) -> StoredConversation | None:
        """The trainee's conversation on a scenario of a round, if there is one."""
        found = self.conversations(round_id, trainee=trainee, scenario_id=scenario_id)
        return found[0] if found else None

    def conversations(
        self, round_id: str, *, trainee: str | None = None, scenario_id: str | None = None
    ) -> list[StoredConversation]:
        """A round's conversations with their lines, by trainee then scenario."""
        where = [conversations.c.round_id == round_id]
        if trainee is not None:
            where.append(conversations.c.trainee == trainee)
        if scenario_id is not None:
            where.append(conversations.c.scenario_id == scenario_id)
        with self._transaction() as db:
            rows = db.execute(
                select(conversations)
                .where(*where)
                .order_by(conversations.c.trainee, conversations.c.scenario_id)
            ).all()
            lines: dict[int, list[str]] = {row.id: [] for row in rows}
            line_rows = db.execute(
                select(turns.c.conversation_id, turns.c.trainee_line)
                .join(conversations, conversations.c.id == turns.c.conversation_id)
                .where(*where)
                .order_by(turns.c.conversation_id, turns.c.n)
            )
            for conversation_id, line in line_rows:
                lines[conversation_id].append(line)
        return [_stored(row, lines[row.id]) for row in rows]

    def conversation_pages(
        self, round_id: str, *, trainee: str | None = None, page_size: int = 400
    ) -> Iterator[list[StoredConversation]]:
        """A round's conversations with their lines, as `conversations` orders them, a page at a time.

        Each page is read in its own short transaction and holds at most `page_size`
        conversations (the next starts after the last one's trainee and scenario), so reading a
        round of any size holds one page in memory.
        """
        where = [conversations.c.round_id == round_id]
        if trainee is not None:
            where.append(conversations.c.trainee == trainee)
        after: tuple[str, str] | None = None
        while True:
            page_where = list(where)
            if after is not None:
                page_where.append(tuple_(conversations.c.trainee, conversations.c.scenario_id) > after)
            with self._transaction() as db:
                rows = db.execute(
                    select(conversations)
                    .where(*page_where)
                    .order_by(conversations.c.trainee, conversations.c.scenario_id)
                    .limit(page_size)
                ).all()
                lines: dict[int, list[str]] = {row.id: [] for row in rows}
                if rows:
                    line_rows = db.execute(
                        select(turns.c.conversation_id, turns.c.trainee_line)
                        .where(turns.c.conversation_id.in_(list(lines)))
                        .order_by(turns.c.conversation_id, turns.c.n)
                    )
                    for conversation_id, line in line_rows:
                        lines[conversation_id].append(line)
            if not rows:
                return
            yield [_stored(row, lines[row.id]) for row in rows]
            if len(rows) < page_size:
                return
            after = (rows[-1].trainee, rows[-1].scenario_id)

    def record_turn(self, conversation_id: int, turn: Turn) -> None:
        """Store one played turn: the trainee's line, and the coachee's state as the trainee saw it."""
        at = self.clock()
        with self._transaction() as db:
            db.execute(
                turns.insert().values(
                    conversation_id=conversation_id,
                    n=turn.n,
                    trainee_line=turn.trainee,
                    recorded_state_after=turn.state_after.value,
                    recorded_openness_after=round(turn.openness_after, 3),
                    recorded_at=at,
                )
            )
            db.execute(
                update(conversations).where(conversations.c.id == conversation_id).values(updated_at=at)
            )

    def remove_turn(self, conversation_id: int, n: int) -> None:
        """Take back turn `n` (an undo)."""
        with self._transaction() as db:
            db.execute(delete(turns).where(turns.c.conversation_id == conversation_id, turns.c.n == n))
            db.execute(
                update(conversations)
                .where(conversations.c.id == conversation_id)
                .values(updated_at=self.clock())
            )

    def finish_conversation(self, conversation_id: int, session: Session, reason: str, ended_at: str) -> None:
        """Mark a conversation ended, with where the coachee got to (a record, never read for grading)."""
        with self._transaction() as db:
            db.execute(
                update(conversations)
                .where(conversations.c.id == conversation_id)
                .values(
                    ended_at=ended_at,
                    updated_at=ended_at,
                    end_reason=reason,
                    recorded_final_state=session.state.value,
                    recorded_peak_state=session.peak.value,
                )
            )

    # --- a trainer's review, pseudonyms and erasure -----------------------------------------

    def turn_times(self, round_id: str, trainee: str | None = None) -> dict[int, tuple[str, ...]]:
        """When each standing turn was recorded, in turn order, by conversation id (for exports)."""
        where = [conversations.c.round_id == round_id]
        if trainee is not None:
            where.append(conversations.c.trainee == trainee)
        times: dict[int, list[str]] = {}
        with self._transaction() as db:
            rows = db.execute(
                select(turns.c.conversation_id, turns.c.recorded_at)
                .join(conversations, conversations.c.id == turns.c.conversation_id)
                .where(*where)
                .order_by(turns.c.conversation_id, turns.c.n)
            )
            for conversation_id, at in rows:
                times.setdefault(conversation_id, []).append(at)
        return {conversation_id: tuple(found) for conversation_id, found in times.items()}

    def pseudonym_secret(self) -> str:
        """The gradebook's own secret that trainee pseudonyms are keyed with.

        Migration 0002 makes it; should its row ever be deleted, a new one is made here, and
        every pseudonym changes with it (which is also how a trainer unlinks old exports).
        """
        from sqlalchemy.dialects import postgresql, sqlite

        query = select(settings.c.value).where(settings.c.key == PSEUDONYM_SECRET)
        with self._transaction() as db:
            secret = db.execute(query).scalar()
            if secret is None:
                dialect = postgresql if self._engine.dialect.name == "postgresql" else sqlite
                db.execute(
                    dialect.insert(settings)
                    .values(key=PSEUDONYM_SECRET, value=secrets.token_hex(32))
                    .on_conflict_do_nothing(index_elements=[settings.c.key])
                )
                secret = db.execute(query).scalar_one()
        return str(secret)

    def add_comment(self, conversation_id: int, turn: int | None, text: str) -> None:
        """Pin a trainer's comment to a turn of a conversation (`turn` None: to the whole conversation)."""
        with self._transaction() as db:
            db.execute(
                comments.insert().values(
                    conversation_id=conversation_id, turn=turn, text=text, written_at=self.clock()
                )
            )

    def reviews(self, round_id: str, trainee: str | None = None) -> dict[int, StoredReview]:
        """Every conversation's comments (in the order written) and release time, by conversation id."""
        where = [conversations.c.round_id == round_id]
        if trainee is not None:
            where.append(conversations.c.trainee == trainee)
        with self._transaction() as db:
            released = dict(
                db.execute(select(conversations.c.id, conversations.c.released_at).where(*where)).all()
            )
            found: dict[int, list[StoredComment]] = {conversation_id: [] for conversation_id in released}
            rows = db.execute(
                select(comments.c.conversation_id, comments.c.turn, comments.c.text, comments.c.written_at)
                .join(conversations, conversations.c.id == comments.c.conversation_id)
                .where(*where)
                .order_by(comments.c.conversation_id, comments.c.id)
            )
            for conversation_id, turn, text, written_at in rows:
                found[conversation_id].append(StoredComment(turn, text, written_at))
        return {
            conversation_id: StoredReview(tuple(found[conversation_id]), released[conversation_id])
            for conversation_id in released
        }

    def release(self, conversation_ids: list[int]) -> str:
        """Release the grades of these conversations (those already released keep their time); returns the time."""
        at = self.clock()
        if conversation_ids:
            with self._transaction() as db:
                db.execute(
                    update(conversations)
                    .where(conversations.c.id.in_(conversation_ids), conversations.c.released_at.is_(None))
                    .values(released_at=at)
                )
        return at

    def forget(self, round_id: str, trainee: str) -> Erased:
        """Erase a trainee's conversations in a round: their turns, the trainer's comments, the conversations.

        On SQLite the freed pages are overwritten (secure_delete) and the write-ahead log is
        emptied afterwards, so the erased lines do not linger in the file; PostgreSQL keeps dead
        rows in its files until it reuses the space, as it does for every deleted row.
        """
        where = (conversations.c.round_id == round_id, conversations.c.trainee == trainee)
        on_sqlite = self._engine.dialect.name == "sqlite"
        with self._transaction() as db:
            if on_sqlite:
                db.exec_driver_sql("PRAGMA secure_delete = ON")
            found = db.execute(select(conversations.c.id, conversations.c.scenario_id).where(*where)).all()
            ids = [row.id for row in found]
            erased_comments = db.execute(delete(comments).where(comments.c.conversation_id.in_(ids))).rowcount
            erased_turns = db.execute(delete(turns).where(turns.c.conversation_id.in_(ids))).rowcount
            db.execute(delete(conversations).where(conversations.c.id.in_(ids)))
        if on_sqlite and ids:
            self._empty_sqlite_log()
        return Erased(
            len(ids), erased_turns, erased_comments, tuple(sorted(row.scenario_id for row in found))
        )

    def _empty_sqlite_log(self) -> None:
        # Outside any transaction (a checkpoint cannot run inside one): copy the log into the file and truncate it.
        with self._errors():
            raw = self._engine.raw_connection()
            try:
                raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
            finally:
                raw.close()


class GradebookRecorder:
    """The sink a `Conversation` writes to beside its transcript: each turn goes to the gradebook as played."""

    def __init__(self, book: Gradebook, conversation_id: int) -> None:
        self.book = book
        self.conversation_id = conversation_id

    def turn(self, turn: Turn) -> None:
        """Store a played turn."""
        self.book.record_turn(self.conversation_id, turn)

    def undo(self, turn: Turn) -> None:
        """Remove a turn the trainee took back."""
        self.book.remove_turn(self.conversation_id, turn.n)

    def finish(self, session: Session, reason: str, ended_at: str) -> None:
        """Mark the conversation ended."""
        self.book.finish_conversation(self.conversation_id, session, reason, ended_at)
