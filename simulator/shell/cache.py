"""A small on-disk cache for results that are slow to compute and fixed by their inputs.

`coach scenarios` shows each scenario's difficulty, which takes a search of the coachee's
state machine. The result depends only on the scenario's text and the engine's code, so it
is kept under `$XDG_CACHE_HOME/compassion-coach/` (default `~/.cache/compassion-coach/`),
keyed by a hash of both. A cache that cannot be read or written is simply not used.

`coach practice` keeps validated scenarios there too (`scenarios/<key>.json`), keyed by the
scenario's exact text and the engine fingerprint, so it starts without parsing and checking
a scenario it has seen before. An entry is only believed when it is a JSON object in this
format that names its own key: a corrupt, truncated or foreign file is ignored (and the
scenario validated afresh), and a changed scenario or engine never matches an old key.

Hashing the whole engine on every start would cost more than the parse it saves, so the
fingerprint itself is remembered against the size and modification time of every file it
covers, the same evidence Python trusts to reuse its compiled bytecode.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from simulator.errors import CoachError
from simulator.files import read_text
from simulator.shell.environment import cache_folder

MAX_CACHE_BYTES = 10_000_000
"""A cache file larger than this is not read (and is written afresh): a result is a few bytes."""

ENGINE_ROOT = Path(__file__).resolve().parents[1]
"""The `simulator` package: every module and data file in it, subpackages included, can change a result."""

_FINGERPRINTED = (".py", ".json", ".npz", ".tsv", ".txt")


def code_fingerprint() -> str:
    """A hash of the engine's source and data (the whole `simulator` tree), so a changed engine recomputes."""
    import hashlib

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


FINGERPRINT_FORMAT = "compassion-coach/engine-fingerprint/1"
SCENARIO_FORMAT = "compassion-coach/validated-scenario/1"
MAX_SCENARIO_ENTRIES = 64
"""Validated scenarios kept; the least recently written go first (each engine change adds a set)."""


def digest(data: bytes) -> str:
    """A 256-bit BLAKE2b hash of `data`, in hex.

    From the interpreter's own BLAKE2 module: `hashlib` loads OpenSSL first, which costs
    `coach practice` milliseconds before its first screen.
    """
    try:
        from _blake2 import blake2b
    except ImportError:  # an interpreter without it: hashlib has the same function
        from hashlib import blake2b
    return blake2b(data, digest_size=32).hexdigest()


def _fingerprinted_files(folder: str | None = None, prefix: str = "") -> Iterator[tuple[str, os.stat_result]]:
    """Every file `code_fingerprint` hashes, with its status: (name under the root, status)."""
    folder = str(ENGINE_ROOT) if folder is None else folder
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    yield from _fingerprinted_files(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.endswith(_FINGERPRINTED):
                yield prefix + entry.name, entry.stat()


def engine_fingerprint() -> str:
    """`code_fingerprint()`, remembered for as long as no file it covers changes its size or modification time."""
    try:
        stamps = sorted(
            f"{name}\0{status.st_size}\0{status.st_mtime_ns}" for name, status in _fingerprinted_files()
        )
    except OSError:
        return code_fingerprint()
    signature = digest("\n".join(stamps).encode("utf-8", "surrogateescape"))
    stored = _read_json(cache_folder() / "engine-fingerprint.json")
    if stored.get("format") == FINGERPRINT_FORMAT and stored.get("signature") == signature:
        fingerprint = stored.get("fingerprint")
        if isinstance(fingerprint, str) and len(fingerprint) == 64:
            return fingerprint
    fingerprint = code_fingerprint()
    record = {"format": FINGERPRINT_FORMAT, "signature": signature, "fingerprint": fingerprint}
    _write_json(cache_folder() / "engine-fingerprint.json", record)
    return fingerprint


def scenario_key(text: str, fingerprint: str) -> str:
    """The cache key of a scenario's exact text under one engine."""
    return digest(f"{SCENARIO_FORMAT}\n{fingerprint}\n".encode() + text.encode("utf-8"))


def recall_scenario(key: str, part: str) -> Any:
    """One part of the validated-scenario entry stored under `key`, or None when there is none we can believe.

    An entry is kept in two files, `opening` (small: what the first screen needs) and
    `scenario` (the validated record), so a start reads only the first before it shows anything.
    """
    stored = _read_json(cache_folder() / "scenarios" / f"{key}.{part}.json")
    if stored.get("format") != SCENARIO_FORMAT or stored.get("key") != key or stored.get("part") != part:
        return None
    return stored.get("value")


def keep_scenario(key: str, parts: dict[str, object]) -> None:
    """Store the parts of a validated-scenario entry under `key` (quietly nothing if the cache cannot be written)."""
    folder = cache_folder() / "scenarios"
    for part, value in parts.items():
        _write_json(
            folder / f"{key}.{part}.json",
            {"format": SCENARIO_FORMAT, "key": key, "part": part, "value": value},
        )
    try:
        kept = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for stale in kept[MAX_SCENARIO_ENTRIES * len(parts) :]:
            stale.unlink()
    except OSError:
        pass


def _read_json(path: Path) -> dict[str, Any]:
    """A JSON object from a cache file; an empty one when the file is missing, unreadable or not an object."""
    try:
        stored = json.loads(read_text(path, MAX_CACHE_BYTES))
    except (CoachError, ValueError, RecursionError):
        return {}
    return stored if isinstance(stored, dict) else {}


def _write_json(path: Path, value: object) -> None:
    """Write a cache file whole (a temporary file renamed into place); quietly nothing if that fails."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(value), encoding="utf-8")
        temporary.replace(path)  # atomic: two processes at once never leave half a file
    except OSError:
        pass


def remembered(name: str, key: str, compute: Callable[[], str]) -> str:
    """`compute()`, or what it gave before for the same `key`, from the cache file `name`.json."""
    path = cache_folder() / f"{name}.json"
    stored = _read_json(path)
    value = stored.get(key)
    if isinstance(value, str):
        return value
    value = compute()
    stored[key] = value
    _write_json(path, stored)
    return value
