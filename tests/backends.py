"""Real databases and a real browser for the gradebook and report tests.

PostgreSQL: `COACH_TEST_POSTGRES_URL` (set by .ci/run) names a server; without it, a
throwaway cluster is started from Debian's binaries when they are installed. Chromium:
/usr/bin/chromium. Either may be missing on a developer's machine, and the tests that
need it are then skipped, but never under CI, where a missing one fails the run.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

POSTGRES_ENV = "COACH_TEST_POSTGRES_URL"
CHROMIUM = "/usr/bin/chromium"


def missing(what: str) -> None:
    """Skip a test for want of `what`, or fail it when running under CI."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required under CI (.ci/run installs it)")
    pytest.skip(f"{what} is not installed")


def chromium_binary() -> str:
    """The Chromium to drive, or a skip (a failure under CI)."""
    found = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if found is None:
        missing("chromium")
    assert found is not None
    return found


def _postgres_bin() -> Path | None:
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    return Path(folders[-1]) if folders and Path(folders[-1], "initdb").exists() else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def postgres_server(folder: Path) -> Iterator[str]:
    """The URL of a PostgreSQL server: the configured one, or a throwaway cluster in `folder`."""
    configured = os.environ.get(POSTGRES_ENV)
    if configured:
        yield configured
        return
    binaries = _postgres_bin()
    if binaries is None:
        missing("PostgreSQL (Debian's postgresql package)")
    assert binaries is not None
    # initdb refuses to run as root: run the cluster as the postgres user when we are root.
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder.mkdir(parents=True, exist_ok=True)
    if as_user:
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", _free_port()
    subprocess.run(
        [*as_user, str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
        check=True,
        capture_output=True,
    )
    options = f"-k {folder} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [
            *as_user,
            str(binaries / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "log"),
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            capture_output=True,
        )


@contextmanager
def scratch_database(server_url: str) -> Iterator[str]:
    """A new empty database on the server for one test, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    name = f"coach_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield url.set(database=name).render_as_string(hide_password=False)
        for _ in range(20):
            try:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                break
            except Exception:  # the last practice process may still be disconnecting
                time.sleep(0.2)
    finally:
        admin.dispose()
