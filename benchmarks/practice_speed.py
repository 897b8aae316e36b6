"""How fast a practice turn and the `coach` command are. Prints figures; run by hand.

    python benchmarks/practice_speed.py [--turns 5000] [--runs 20]

Per turn in-process: classify, transition, reply and transcript write (to a real file),
median and p99 over many turns. Whole process: `coach --help` against `python -c pass`,
and a 20-line piped `coach practice` on the default scenario.
Targets: per-turn p99 under 1 ms; `coach --help` under 150 ms median; 20-line practice under 600 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from trainee_lines import LINES

from simulator.engine.session import Session
from simulator.engine.transcript import TranscriptWriter, header_record
from simulator.scenario import catalogue
from simulator.shell.conversation import Conversation


def per_turn(turns: int) -> list[float]:
    loaded = catalogue.load(catalogue.DEFAULT_SCENARIO)
    timings: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        conversation_number = 0
        while len(timings) < turns:
            session = Session(loaded.scenario, seed=conversation_number)
            writer = TranscriptWriter.create(Path(folder) / f"{conversation_number}.jsonl")
            writer.write(header_record(session, loaded.text, "bench", "bench"))
            conversation = Conversation(session, writer)
            for line in LINES[:20]:
                start = time.perf_counter()
                conversation.handle(line)
                timings.append(time.perf_counter() - start)
            writer.close()
            conversation_number += 1
    return timings[:turns]


def whole_process(command: list[str], runs: int, stdin: str | None = None) -> list[float]:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, input=stdin, capture_output=True, text=True, check=True)
        timings.append(time.perf_counter() - start)
    return timings


def describe(label: str, seconds: list[float]) -> None:
    ordered = sorted(seconds)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(
        f"{label:<42} median {statistics.median(ordered) * 1000:8.3f} ms   p99 {p99 * 1000:8.3f} ms   (n={len(ordered)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--turns", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    coach = shutil.which("coach") or str(Path(sys.executable).with_name("coach"))

    describe("per turn, in process (target p99 < 1 ms)", per_turn(args.turns))
    describe("python -c pass", whole_process([sys.executable, "-c", "pass"], args.runs))
    describe("coach --help (target median < 150 ms)", whole_process([coach, "--help"], args.runs))
    with tempfile.TemporaryDirectory() as folder:
        piped = "\n".join(LINES[:20]) + "\n"
        timings = []
        for run in range(args.runs):
            command = [coach, "practice", "--seed", "1", "--transcript", f"{folder}/{run}.jsonl"]
            timings += whole_process(command, 1, stdin=piped)
        describe("coach practice, 20 piped lines (< 600 ms)", timings)


if __name__ == "__main__":
    main()
