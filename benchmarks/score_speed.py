"""How fast scoring is. Prints figures; run by hand.

    python benchmarks/score_speed.py [--files 1000] [--turns 50]

Whole process: `coach score --json` over 1,000 external transcripts of 50 coach turns
each (target under 5 s). In process: the end-of-practice scorecard for a 30-turn
conversation on the default scenario (target under 50 ms).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from trainee_lines import COACHEE_LINES, LINES

from simulator.scenario import catalogue
from simulator.trainer.rehearsal import play, score_session


def write_transcripts(folder: Path, files: int, turns: int) -> list[Path]:
    rng = random.Random(1)
    paths = []
    for number in range(files):
        path = folder / f"talk-{number}.txt"
        lines = []
        for _ in range(turns):
            lines.append(f"Coach: {rng.choice(LINES)}")
            lines.append(f"Client: {rng.choice(COACHEE_LINES)}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--turns", type=int, default=50)
    args = parser.parse_args()
    coach = shutil.which("coach") or str(Path(sys.executable).with_name("coach"))
    with tempfile.TemporaryDirectory() as folder:
        paths = write_transcripts(Path(folder), args.files, args.turns)
        start = time.perf_counter()
        subprocess.run([coach, "score", "--json", *map(str, paths)], check=True, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
    print(
        f"coach score --json, {args.files} external transcripts of {args.turns} turns: {elapsed:.2f} s (target < 5 s)"
    )

    scenario = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario
    rng = random.Random(2)
    timings = []
    for seed in range(50):
        session = play(scenario, [rng.choice(LINES) for _ in range(30)], seed)
        start = time.perf_counter()
        score_session(session)
        timings.append(time.perf_counter() - start)
    print(
        f"end-of-practice scorecard, 30 turns: median {statistics.median(timings) * 1000:.2f} ms, "
        f"max {max(timings) * 1000:.2f} ms (target < 50 ms)"
    )


if __name__ == "__main__":
    main()
