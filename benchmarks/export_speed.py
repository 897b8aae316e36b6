"""How fast a round becomes xAPI statements and reaches a record store. Prints figures; run by hand.

    python benchmarks/export_speed.py [--conversations 1000] [--turns 20] [--batch-size 50]

Fills a temporary gradebook as `grade_speed.py` does, then times: gathering the round for
export (re-simulating and grading every conversation, reading times, reviews and the
secret), building the statements, writing them as JSON, and posting them to a record store
started on 127.0.0.1 for the run (tests/record_store.py; nothing leaves the machine).
Gathering is grading (`grade_speed.py` measures it); the target is for what the export adds:
the statements of 1,000 conversations of 20 turns built, written and posted in under 10 s.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from grade_speed import fill

from simulator.rounds.export import gather_export
from simulator.rounds.gradebook import Gradebook
from simulator.rounds.xapi import XapiOptions, round_statements
from simulator.shell.lrs import RecordStore
from tests.record_store import AUTHORIZATION, record_store


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--conversations", type=int, default=1000)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        fill(url, args.conversations, args.turns)

        started = time.perf_counter()
        with Gradebook.open(url, read_only=True) as book:
            gathered = gather_export(book, "bench")
        print(f"gather (re-simulate and grade): {time.perf_counter() - started:.2f} s")

        total = started = time.perf_counter()
        statements = round_statements([item.exported for item in gathered.items], XapiOptions())
        print(f"build: {len(statements)} statements in {time.perf_counter() - started:.2f} s")

        started = time.perf_counter()
        text = json.dumps(statements)
        print(f"JSON: {len(text) / 1e6:.1f} MB in {time.perf_counter() - started:.2f} s")

        with record_store() as (endpoint, state):
            started = time.perf_counter()
            report = RecordStore(endpoint, AUTHORIZATION).post(statements, batch_size=args.batch_size)
            posted_in = time.perf_counter() - started
            assert report.sent == len(statements) == len(state.statements), report
        print(f"post to a loopback store: {report.requests} requests in {posted_in:.2f} s")
        elapsed = time.perf_counter() - total
        print(f"export beyond grading (build, JSON, post): {elapsed:.2f} s (target < 10 s)")
    sys.exit(0 if elapsed < 10 else 1)


if __name__ == "__main__":
    main()
