"""Where the product keeps its data: one place reads the environment for every folder and URL."""

from pathlib import Path

import pytest

from simulator.shell.environment import cache_folder, gradebook_url, transcripts_folder


def test_the_default_gradebook_honours_coach_db_then_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COACH_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert gradebook_url() == f"sqlite:///{tmp_path}/compassion-coach/gradebook.sqlite"
    monkeypatch.setenv("COACH_DB", "postgresql://coach@db/grades")
    assert gradebook_url() == "postgresql://coach@db/grades"


def test_a_given_gradebook_url_beats_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_DB", "postgresql://coach@db/grades")
    assert gradebook_url("sqlite:///mine.sqlite") == "sqlite:///mine.sqlite"


def test_transcripts_and_cache_follow_their_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COACH_TRANSCRIPTS", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert transcripts_folder() == tmp_path / "data" / "compassion-coach" / "transcripts"
    assert cache_folder() == tmp_path / "cache" / "compassion-coach"
    monkeypatch.setenv("COACH_TRANSCRIPTS", str(tmp_path / "mine"))
    assert transcripts_folder() == tmp_path / "mine"
