"""How fast the move reader runs in one process. Run by hand; prints figures, asserts nothing.

    python benchmarks/classify_speed.py [--gold PATH] [--repeat N]

Reads every line of the gold set (with its context) N times and reports utterances per
second, plus the slowest single line, which is what a user waits for in the terminal.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from simulator.reading.moves import classify  # noqa: E402  (the repository root must be importable first)
from simulator.vocabulary import Context  # noqa: E402

DEFAULT_GOLD = REPO_ROOT / "tests" / "reading" / "gold_moves.tsv"


def load_lines(path: Path) -> list[tuple[str, Context]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        (
            row["text"],
            Context(
                previous_coachee_line=row["previous_coachee_line"],
                vision_established=row["vision_established"] == "1",
            ),
        )
        for row in rows
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Utterances per second of simulator.reading.moves.classify.")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="lines to read (the gold set)")
    parser.add_argument(
        "--repeat", type=int, default=20, help="how many times to read the whole set per round"
    )
    args = parser.parse_args(argv)
    lines = load_lines(args.gold)
    for text, context in lines:  # warm the caches and the regex engine once, outside the clock
        classify(text, context)

    # The machine may be shared: report the best of several rounds (as timeit does) and the mean.
    # CPU time (process_time) is also reported: it leaves out time the process spent waiting
    # for a core that other work held.
    rounds, cpu_rounds = [], []
    for _ in range(5):
        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in range(args.repeat):
            for text, context in lines:
                classify(text, context)
        rounds.append(time.perf_counter() - started)
        cpu_rounds.append(time.process_time() - cpu_started)
    count = len(lines) * args.repeat
    best, mean, cpu_best = min(rounds), sum(rounds) / len(rounds), min(cpu_rounds)

    slowest, slowest_text = 0.0, ""
    for text, context in lines:
        one = time.perf_counter()
        classify(text, context)
        took = time.perf_counter() - one
        if took > slowest:
            slowest, slowest_text = took, text

    long_line = "What would a great year look like for you? " * 250  # 10,000+ characters, capped by MAX_CHARS
    one = time.perf_counter()
    classify(long_line)
    long_took = time.perf_counter() - one

    print(
        f"best of 5 rounds: {count / best:,.0f} utterances/s ({best / count * 1e6:.1f} µs each); "
        f"mean {count / mean:,.0f}/s  [gold set of {len(lines)} lines x {args.repeat} per round]"
    )
    print(
        f"CPU time, best round: {count / cpu_best:,.0f} utterances/s ({cpu_best / count * 1e6:.1f} µs each)"
    )
    print(f"slowest gold line: {slowest * 1e6:.0f} µs  {slowest_text[:70]!r}")
    print(f"a {len(long_line):,}-character paste: {long_took * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
