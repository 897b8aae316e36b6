"""Shared test set-up: one Hypothesis profile for every property in the suite, and a PostgreSQL server."""

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.backends import postgres_server

# Properties play whole conversations, so individual examples can take a few milliseconds;
# a deadline would make the suite flaky on a loaded machine without catching anything real.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("default"), max_examples=60, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """A PostgreSQL server for the gradebook tests (see tests/backends.py): skipped only outside CI."""
    # Not under pytest's tmp_path: its folders are private to root, and the cluster runs as postgres.
    folder = Path(tempfile.mkdtemp(prefix="coach-pg-"))
    try:
        with postgres_server(folder) as url:
            yield url
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def _private_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests never read or fill the user's own cache (`coach scenarios` remembers difficulties there)."""
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = previous


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests on a real PostgreSQL server are slow by nature: mark them so (browser tests carry the mark)."""
    for item in items:
        uses = set(getattr(item, "fixturenames", ()))
        on_postgres = "postgres_server_url" in uses or "[postgresql]" in item.nodeid
        if on_postgres:
            item.add_marker(pytest.mark.slow)
