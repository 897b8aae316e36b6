"""How fast a round is graded and reported. Prints figures; run by hand.

    python benchmarks/grade_speed.py [--conversations 1000] [--turns 20] [--db URL]

Fills a fresh gradebook (a temporary SQLite file unless --db names an empty database)
with a round of recorded conversations spread over the bundled scenarios, each of
`--turns` trainee lines drawn from a pool of warm and cold lines, then times:
`grade_round` (read every line back, re-simulate every conversation, score it), the
round's HTML report, and the whole `coach grade` and `coach report --html` processes. Targets: 1,000 conversations of 20 turns graded in under 10 s, and
their HTML report rendered in under 2 s.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine
from trainee_lines import LINES

from scoring.cohort import summarise
from scoring.round_report import render_round_html
from simulator.engine.transcript import scenario_sha256
from simulator.rounds.gradebook import Gradebook, conversations, normalised_url, turns
from simulator.rounds.grading import grade_round
from simulator.scenario import catalogue

ROUND_SPEC = "id: bench\ntitle: Benchmark round\nscenarios: [{scenarios}]\nturns: {turns}\n"


def fill(url: str, count: int, length: int) -> None:
    """A round of `count` finished conversations of `length` lines each, written in bulk."""
    bundled = catalogue.load_bundled()
    spec = ROUND_SPEC.format(scenarios=", ".join(s.scenario.id for s in bundled), turns=length)
    rng = random.Random(7)
    with Gradebook.open(url) as book:
        book.save_round("bench", "Benchmark round", spec)
    engine = create_engine(normalised_url(url))
    at = "2026-01-01T00:00:00+00:00"
    with engine.begin() as db:
        for start in range(0, count, 200):
            rows = []
            for n in range(start, min(start + 200, count)):
                loaded = bundled[n % len(bundled)]
                rows.append(
                    {
                        "round_id": "bench",
                        "trainee": f"trainee {n:04d}",
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
        db.execute(
            turns.insert(),
            [
                {
                    "conversation_id": conversation_id,
                    "n": n,
                    "trainee_line": rng.choice(LINES),
                    "recorded_state_after": "neutral",
                    "recorded_openness_after": 2.0,
                    "recorded_at": at,
                }
                for conversation_id in ids
                for n in range(1, length + 1)
            ],
        )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--conversations", type=int, default=1000)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--db", default=None, help="an empty database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        started = time.perf_counter()
        fill(url, args.conversations, args.turns)
        print(
            f"filled {args.conversations} conversations x {args.turns} turns in {time.perf_counter() - started:.2f} s"
        )

        with Gradebook.open(url) as book:
            started = time.perf_counter()
            grades = grade_round(book, "bench")
            graded_in = time.perf_counter() - started
        assert len(grades.graded) == args.conversations and not grades.warnings
        assert all(graded.turns == args.turns for graded in grades.graded)
        per = 1000 * graded_in / args.conversations
        print(
            f"grade: {graded_in:.2f} s for {args.conversations} conversations ({per:.2f} ms each; target < 10 s)"
        )

        started = time.perf_counter()
        page = render_round_html(
            grades.title, grades.graded, summarise(grades.graded), grades.round.pass_mark
        )
        rendered_in = time.perf_counter() - started
        print(f"HTML report: {rendered_in:.2f} s, {len(page) / 1e6:.1f} MB (target < 2 s)")

        coach = [sys.executable, "-m", "simulator"]
        for label, command in (
            ("coach grade (whole process)", [*coach, "grade", "--round", "bench", "--db", url]),
            (
                "coach report --html (whole process)",
                [*coach, "report", "--round", "bench", "--db", url, "--html", str(Path(folder) / "r.html")],
            ),
        ):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            print(f"{label}: {time.perf_counter() - started:.2f} s")
        ok = graded_in < 10 and rendered_in < 2
        print("within targets" if ok else "OUTSIDE TARGETS")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
