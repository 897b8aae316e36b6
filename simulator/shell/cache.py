"""A small on-disk cache for results that are slow to compute and fixed by their inputs.

`coach scenarios` shows each scenario's difficulty, which takes a search of the coachee's
state machine. The result depends only on the scenario's text and the engine's code, so it
is kept under `$XDG_CACHE_HOME/compassion-coach/` (default `~/.cache/compassion-coach/`),
keyed by a hash of both. A cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from simulator.errors import CoachError
from simulator.files import read_text
from simulator.shell.environment import cache_folder

MAX_CACHE_BYTES = 10_000_000
"""A cache file larger than this is not read (and is written afresh): a result is a few bytes."""

ENGINE_ROOT = Path(__file__).resolve().parents[1]
"""The `simulator` package: every module and data file in it, subpackages included, can change a result."""

_FINGERPRINTED = (".py", ".json", ".npz", ".tsv")


def code_fingerprint() -> str:
    """A hash of the engine's source and data (the whole `simulator` tree), so a changed engine recomputes."""
    digest = hashlib.sha256()
    sources = sorted(
        path
        for path in ENGINE_ROOT.rglob("*")
        if path.suffix in _FINGERPRINTED and "__pycache__" not in path.parts
    )
    for source in sources:
        name = source.relative_to(ENGINE_ROOT).as_posix()
        digest.update(name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def remembered(name: str, key: str, compute: Callable[[], str]) -> str:
    """`compute()`, or what it gave before for the same `key`, from the cache file `name`.json."""
    path = cache_folder() / f"{name}.json"
    try:
        stored = json.loads(read_text(path, MAX_CACHE_BYTES))
    except (CoachError, ValueError, RecursionError):
        stored = {}
    if not isinstance(stored, dict):
        stored = {}
    value = stored.get(key)
    if isinstance(value, str):
        return value
    value = compute()
    stored[key] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(stored), encoding="utf-8")
        temporary.replace(path)  # atomic: two listings at once never leave half a file
    except OSError:
        pass
    return value
