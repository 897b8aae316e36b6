"""The on-disk cache: remembers by key, recomputes for a new key, survives a broken file."""

import json
import os
from pathlib import Path

import pytest

from simulator.shell.cache import cache_folder, remembered


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return cache_folder()


def test_a_remembered_value_is_not_computed_again(folder: Path) -> None:
    calls: list[str] = []
    compute = lambda: calls.append("x") or "easy"  # noqa: E731
    assert remembered("difficulty", "k1", compute) == "easy"
    assert remembered("difficulty", "k1", compute) == "easy"
    assert calls == ["x"]
    assert remembered("difficulty", "k2", lambda: "hard") == "hard"
    assert (folder / "difficulty.json").is_file()


def test_a_broken_cache_file_is_ignored_and_replaced(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "difficulty.json").write_text("{not json")
    assert remembered("difficulty", "k", lambda: "moderate") == "moderate"
    assert remembered("difficulty", "k", lambda: "changed") == "moderate"


def test_an_unwritable_cache_still_gives_the_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert remembered("difficulty", "k", lambda: "easy") == "easy"


def test_the_engine_fingerprint_is_a_stable_hash() -> None:
    from simulator.shell.cache import code_fingerprint

    assert code_fingerprint() == code_fingerprint() and len(code_fingerprint()) == 64


def test_the_engine_fingerprint_covers_modules_in_every_subpackage(tmp_path, monkeypatch) -> None:
    from simulator.shell import cache

    (tmp_path / "engine").mkdir()
    (tmp_path / "engine" / "coachee.py").write_text("x = 1\n")
    (tmp_path / "reading").mkdir()
    (tmp_path / "reading" / "weights.json").write_text("{}\n")
    monkeypatch.setattr(cache, "ENGINE_ROOT", tmp_path)
    before = cache.code_fingerprint()
    (tmp_path / "engine" / "coachee.py").write_text("x = 2\n")
    after_module = cache.code_fingerprint()
    (tmp_path / "reading" / "weights.json").write_text('{"w": 1}\n')
    assert len({before, after_module, cache.code_fingerprint()}) == 3


def test_a_cache_file_that_is_a_pipe_is_not_waited_on_but_written_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "compassion-coach"
    folder.mkdir()
    os.mkfifo(folder / "difficulty.json")
    assert remembered("difficulty", "key", lambda: "easy") == "easy"
    assert json.loads((folder / "difficulty.json").read_text(encoding="utf-8")) == {"key": "easy"}


def test_the_engine_fingerprint_covers_every_file_the_reader_loads() -> None:
    from simulator.reading import model
    from simulator.shell import cache

    for path in (model.WEIGHTS_PATH, model.FEATURES_PATH, model.VOCABULARY_PATH):
        assert path.is_relative_to(cache.ENGINE_ROOT) and path.name.endswith(cache._FINGERPRINTED)
