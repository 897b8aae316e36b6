"""How fast a round is graded, and in how much memory. Prints figures; run by hand.

    python benchmarks/grade_speed.py [--conversations 10000] [--turns 20] [--db URL] [--in-process] [--varied]

Fills a fresh gradebook (a temporary SQLite file unless --db names an empty database) with a
round of recorded conversations spread over the bundled scenarios, each of `--turns` trainee
lines drawn from a pool of warm and cold lines (`--varied`: the corpus's testing part, 2,634
lines, as a cohort's lines vary; what is remembered per line helps a pool of 25 far more), then
times whole processes, as a user waits for them: `coach grade` (read every line back,
re-simulate every conversation on every core, score it) and `coach grade --json`, with the peak
memory of the largest process each ran.
Target: 10,000 conversations of 20 turns graded in under 15 s on two cores, in memory that does
not grow with the round (compare the peaks at --conversations 1000 and 10000).
`--in-process` also times `grade_round` in this process, one core (its memory grows: it keeps
every grade, as `coach feedback` does for one trainee).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine
from trainee_lines import LINES, varied_lines
from whole_process import coach_command, measured

from simulator.engine.transcript import scenario_sha256
from simulator.rounds.gradebook import Gradebook, conversations, normalised_url, turns
from simulator.rounds.grading import grade_round
from simulator.scenario import catalogue
from simulator.shell.workers import worker_count

ROUND_SPEC = "id: bench\ntitle: Benchmark round\nscenarios: [{scenarios}]\nturns: {turns}\n"


def fill(url: str, count: int, length: int, pool: list[str] = LINES) -> None:
    """A round of `count` finished conversations of `length` lines each (drawn from `pool`), written in bulk."""
    bundled = catalogue.load_bundled()
    spec = ROUND_SPEC.format(scenarios=", ".join(s.scenario.id for s in bundled), turns=length)
    rng = random.Random(7)
    with Gradebook.open(url) as book:
        book.save_round("bench", "Benchmark round", spec)
    engine = create_engine(normalised_url(url))
    at = "2026-01-01T00:00:00+00:00"
    with engine.begin() as db:
        for start in range(0, count, 500):
            rows = []
            for n in range(start, min(start + 500, count)):
                loaded = bundled[n % len(bundled)]
                rows.append(
                    {
                        "round_id": "bench",
                        "trainee": f"trainee {n:05d}",
                        "scenario_id": loaded.scenario.id,
                        "scenario_source": loaded.source,
                        "scenario_sha256": scenario_sha256(loaded.text),
                        "seed": rng.randrange(1_000_000),
                        "turn_limit": length,
                        "engine": "bench",
                        "started_at": at,
                        "updated_at": at,
                        "ended_at": at,
                        "end_reason": "turn_limit",
                    }
                )
            db.execute(conversations.insert(), rows)
        ids = [row.id for row in db.execute(conversations.select().order_by(conversations.c.id))]
        for start in range(0, len(ids), 500):
            db.execute(
                turns.insert(),
                [
                    {
                        "conversation_id": conversation_id,
                        "n": n,
                        "trainee_line": rng.choice(pool),
                        "recorded_state_after": "neutral",
                        "recorded_openness_after": 2.0,
                        "recorded_at": at,
                    }
                    for conversation_id in ids[start : start + 500]
                    for n in range(1, length + 1)
                ],
            )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--db", default=None, help="an empty database URL (default: a temporary SQLite file)")
    parser.add_argument("--in-process", action="store_true", help="also time grade_round in this process")
    parser.add_argument("--varied", action="store_true", help="trainee lines from the corpus's testing part")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        started = time.perf_counter()
        fill(url, args.conversations, args.turns, varied_lines()[0] if args.varied else LINES)
        print(
            f"filled {args.conversations} conversations x {args.turns} turns in {time.perf_counter() - started:.1f} s"
        )
        print(f"{worker_count()} worker process(es)")

        coach = coach_command()
        for label, extra in (("coach grade", []), ("coach grade --json", ["--json"])):
            seconds, peak = measured([*coach, "grade", "--round", "bench", "--db", url, *extra])
            per = 1000 * seconds / args.conversations
            print(
                f"{label}: {seconds:.2f} s ({per:.2f} ms a conversation), peak {peak:.0f} MiB (target < 15 s at 10,000)"
            )

        if args.in_process:
            with Gradebook.open(url, read_only=True) as book:
                started = time.perf_counter()
                grades = grade_round(book, "bench")
                seconds = time.perf_counter() - started
            assert len(grades.graded) == args.conversations and not grades.warnings
            print(f"grade_round in this process (one core): {seconds:.2f} s")


if __name__ == "__main__":
    main()
