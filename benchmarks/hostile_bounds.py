"""How much time and memory hostile input costs `coach`: each case a whole process, start to exit.

Devices, FIFOs and sparse files of gigabytes are refused unread; the largest lists and
personas the schema allows are checked and explored in bounded time; a round naming one
scenario 47,000 times and a silent database server end in one line. Printed per case:
the exit status, the wall time and the peak resident memory of the process.

Run by hand: python benchmarks/hostile_bounds.py
"""

from __future__ import annotations

import copy
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from simulator.scenario import catalogue

COACH = [sys.executable, "-m", "simulator"]


def measure(args: list[str], cwd: Path) -> tuple[int, float, float]:
    """Exit status, seconds and peak resident megabytes of one `coach` run."""
    started = time.perf_counter()
    process = subprocess.Popen([*COACH, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, time.perf_counter() - started, usage.ru_maxrss / 1024


def crowded_persona(folder: Path, *, reachable: bool) -> Path:
    """The bundled default persona with 40 hot buttons of 50 words (the schema's most)."""
    data = yaml.safe_load(catalogue.bundled_text(catalogue.DEFAULT_SCENARIO))
    buttons = data["coachee"]["hot_buttons"]
    buttons += [
        {**copy.deepcopy(buttons[-1]), "id": f"button-{n}", "words": [f"word{n}x{m}" for m in range(50)]}
        for n in range(40 - len(buttons))
    ]
    if not reachable:  # her vision waits for energised, which needs it: every search runs to its budget
        data["turn_limit"] = 200
        for item in data["story"]:
            if item["kind"] == "vision":
                item["needs"] = "energised"
        data["tests"] = []
        data["goals"] = [goal for goal in data.get("goals", []) if "reveal" not in goal]
    path = folder / f"crowded-{'reachable' if reachable else 'unreachable'}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        fifo = folder / "fifo.yaml"
        os.mkfifo(fifo)
        huge = folder / "huge.yaml"
        with huge.open("wb") as stream:
            stream.truncate(3 * 1024**3)
        lists = folder / "lists.yaml"
        data = yaml.safe_load(catalogue.bundled_text(catalogue.DEFAULT_SCENARIO))
        data["tests"][0]["expect"]["reveals"] = [f"s{n}" for n in range(999)]
        lists.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        round_file = folder / "round.yaml"
        entries = ", ".join(["ward-nurse-charting"] * 47_000)
        round_file.write_text(f"id: r\ntitle: R\nscenarios: [{entries}]\n", encoding="utf-8")
        db = f"sqlite:///{folder / 'g.sqlite'}"
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        cases = {
            "validate /dev/zero": ["validate", "/dev/zero"],
            "validate a FIFO": ["validate", str(fifo)],
            "validate a 3 GB sparse file": ["validate", str(huge)],
            "validate 999 unknown story ids": ["validate", str(lists)],
            "practice a round of 47,000 entries": [
                "practice",
                "--round",
                str(round_file),
                "--trainee",
                "A",
                "--db",
                db,
            ],
            "explore 40 hot buttons of 50 words": ["explore", str(crowded_persona(folder, reachable=True))],
            "explore the same, energised out of reach": [
                "explore",
                str(crowded_persona(folder, reachable=False)),
            ],
            "report from a silent PostgreSQL server (default timeout)": [
                "report",
                "--round",
                "r",
                "--db",
                f"postgresql://coach@127.0.0.1:{silent.getsockname()[1]}/gradebook",
            ],
        }
        print(f"{'case':<58} {'exit':>4} {'seconds':>8} {'peak MB':>8}")
        for label, args in cases.items():
            code, seconds, peak = measure(args, folder)
            print(f"{label:<58} {code:>4} {seconds:>8.2f} {peak:>8.1f}")
        silent.close()


if __name__ == "__main__":
    main()
