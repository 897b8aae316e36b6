"""Every reader of a file a user hands the product, against every kind of file that is not one.

The thirteen readers (a scenario for validate, practice, test, explore and graph; a transcript
for score and graph; phrases; a rubric; a round file, its `scenarios:` entry, a transcript
header's scenario and a gradebook row's scenario source) each meet a device that never ends
and a FIFO that never delivers. The validate and score readers also meet a sparse file of
gigabytes, a directory, a missing path, a socket, a symlink loop, text that is not UTF-8 and a
name made of escape sequences and a newline (every reader goes through the same bounded
reader, `simulator.files`). Each run is a separate process with an address-space limit and a
timeout, and must end with one located line naming the input, exit status 1, no traceback.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from simulator.rounds.gradebook import Gradebook
from simulator.scenario import catalogue
from tests.hostile.harness import Case, Ran, refusal_problems, run_all

pytestmark = pytest.mark.slow

HUGE = 3 * 1024**3
"""The size of the sparse file: far above every limit, and nothing on disk."""


@dataclass(frozen=True)
class World:
    """The folder the hostile inputs live in, a gradebook, and a scratch folder for transcripts."""

    folder: Path
    db: str


def hostile_inputs(folder: Path, suffix: str) -> dict[str, Path]:
    """Each kind of hostile input, made in `folder` with names ending in `suffix`."""
    fifo = folder / f"fifo{suffix}"
    os.mkfifo(fifo)
    directory = folder / f"folder{suffix}"
    directory.mkdir()
    huge = folder / f"huge{suffix}"
    with huge.open("wb") as stream:
        stream.truncate(HUGE)
    latin = folder / f"latin{suffix}"
    latin.write_bytes(b"id: caf\xe9\ntitle: Caf\xe9\n")
    loop = folder / f"loop{suffix}"
    loop.symlink_to(loop.name)
    odd = folder / f"odd\x1b]52;c;aGk=\x07\x1b[2J\nname{suffix}"
    odd.write_text("id: [unclosed\n", encoding="utf-8")
    return {
        "device": Path("/dev/zero"),
        "fifo": fifo,
        "directory": directory,
        "missing": folder / f"missing{suffix}",
        "huge": huge,
        "latin1": latin,
        "symlink loop": loop,
        "escapes in the name": odd,
    }


def socket_input(folder: Path, suffix: str) -> tuple[Path, socket.socket]:
    """A listening Unix socket in the file system (kept open by the caller)."""
    path = folder / f"s{suffix}"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen()
    return path, listener


Reader = Callable[[Path, str, World], tuple[str, ...]]


def round_with_entry(path: Path, kind: str, world: World) -> tuple[str, ...]:
    round_file = world.folder / f"round-{len(kind)}-{abs(hash(kind))}-{path.suffix or 'x'}.yaml"
    round_file.write_text(
        f"id: entry\ntitle: Entry\nscenarios: [{json.dumps(str(path))}]\n", encoding="utf-8"
    )
    return ("practice", "--round", str(round_file), "--trainee", "Ann", "--db", world.db)


def transcript_naming(path: Path, kind: str, world: World) -> tuple[str, ...]:
    transcript = world.folder / f"header-{abs(hash(kind))}.jsonl"
    header = {
        "type": "header",
        "format": "coach-transcript/1",
        "scenario": "our-own-persona",
        "scenario_source": str(path),
        "seed": 1,
    }
    turn = {"type": "turn", "n": 1, "trainee": "Hello."}
    transcript.write_text(json.dumps(header) + "\n" + json.dumps(turn) + "\n", encoding="utf-8")
    return ("score", str(transcript))


def gradebook_row_naming(path: Path, kind: str, world: World) -> tuple[str, ...]:
    round_id = f"r{abs(hash(kind)) % 10**9}"
    with Gradebook.open(world.db) as book:
        book.save_round(round_id, "Row", f"id: {round_id}\ntitle: Row\nscenarios: [ward-nurse-charting]\n")
        book.start_conversation(
            round_id=round_id,
            trainee="Ann",
            scenario_id="our-own-persona",
            scenario_source=str(path),
            scenario_sha256="0" * 64,
            seed=1,
            turn_limit=20,
        )
    return ("grade", "--round", round_id, "--db", world.db)


READERS: dict[str, tuple[str, Reader]] = {
    "validate": (".yaml", lambda p, _k, _w: ("validate", str(p))),
    "practice SCENARIO": (".yaml", lambda p, _k, w: ("practice", str(p), "--seed", "1")),
    "test": (".yaml", lambda p, _k, _w: ("test", str(p))),
    "explore": (".yaml", lambda p, _k, _w: ("explore", str(p))),
    "graph": (".yaml", lambda p, _k, _w: ("graph", str(p))),
    "graph --transcript": (
        ".jsonl",
        lambda p, _k, _w: ("graph", catalogue.DEFAULT_SCENARIO, "--transcript", str(p)),
    ),
    "score": (".jsonl", lambda p, _k, _w: ("score", str(p))),
    "classify --phrases": (".yaml", lambda p, _k, _w: ("classify", "--phrases", str(p), "Any news?")),
    "grade --rubric": (".yaml", lambda p, _k, w: ("grade", "--round", "r", "--rubric", str(p), "--db", w.db)),
    "practice --round": (
        ".yaml",
        lambda p, _k, w: ("practice", "--round", str(p), "--trainee", "Ann", "--db", w.db),
    ),
    "a round's scenarios entry": (".yaml", round_with_entry),
    "a transcript header's scenario": (".yaml", transcript_naming),
    "a gradebook row's scenario source": (".yaml", gradebook_row_naming),
}


UNBOUNDED = ("device", "fifo")
"""What no reader may read to the end, and what blocks a reader for ever: every reader meets both."""

OTHER_KINDS = ("huge", "directory", "missing", "latin1", "symlink loop", "escapes in the name", "socket")
"""What the one bounded reader refuses in other ways: met by a reader of each kind of file."""

OTHER_READERS = ("validate", "score")
"""A reader of YAML files and one of transcripts (every reader goes through the same bounded reader)."""


def case_names() -> list[str]:
    """`reader <- kind` for every case this module runs."""
    return [f"{reader} <- {kind}" for reader in READERS for kind in UNBOUNDED] + [
        f"{reader} <- {kind}" for reader in OTHER_READERS for kind in OTHER_KINDS
    ]


def build_cases(world: World, listeners: list[socket.socket]) -> list[Case]:
    """Every case, its inputs made in the world's folder."""
    inputs = {}
    for suffix in (".yaml", ".jsonl"):
        folder = world.folder / suffix.strip(".")
        folder.mkdir()
        inputs[suffix] = hostile_inputs(folder, suffix)
        inputs[suffix]["socket"], listener = socket_input(folder, suffix)
        listeners.append(listener)
    cases = []
    for name in case_names():
        reader, kind = name.split(" <- ")
        suffix, arguments = READERS[reader]
        path = inputs[suffix][kind]
        cases.append(
            Case(
                name=name,
                args=arguments(path, name, world),
                stdin=b"Hello, thanks for coming in.\n",
                names=path.name,
            )
        )
    return cases


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Ran]]:
    folder = tmp_path_factory.mktemp("hostile-files")
    world = World(folder, f"sqlite:///{folder / 'gradebook.sqlite'}")
    listeners: list[socket.socket] = []
    try:
        yield run_all(build_cases(world, listeners), folder)
    finally:
        for listener in listeners:
            listener.close()


CASE_NAMES = case_names()


@pytest.mark.parametrize("name", CASE_NAMES)
def test_every_reader_refuses_what_is_not_a_usable_file_with_one_located_line(
    results: dict[str, Ran], name: str
) -> None:
    ran = results[name]
    assert refusal_problems(ran) == [], ran.describe()
