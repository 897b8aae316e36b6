"""How fast scoring is, and in how much memory. Prints figures; run by hand.

    python benchmarks/score_speed.py [--files 1000] [--turns 50] [--external] [--varied]

Whole process: `coach score --json` over 1,000 practice transcripts of 50 turns each, spread
over copies of the bundled scenarios whose turn limit lets a conversation run that long (so each
transcript is re-simulated for all its turns and scored; target under 2 s on two cores), with
the peak memory of the largest process. `--external` also times 1,000 external transcripts of
50 coach turns. In process: the end-of-practice scorecard for a 30-turn conversation on the
default scenario (target under 50 ms). `--varied` draws the trainee lines from the corpus's
testing part (2,634 lines, 1,133 of them warm) instead of twenty-five on a loop, so that nothing
remembered per line makes scoring look faster than a real cohort's would.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

from trainee_lines import COACHEE_LINES, LINES, varied_lines
from whole_process import coach_command, measured

from simulator.engine.replay import Replay, replay_all
from simulator.engine.transcript import encode, end_record, header_record
from simulator.scenario import catalogue
from simulator.shell.workers import worker_count
from simulator.trainer.rehearsal import play, score_session

AT = "2026-01-01T00:00:00+00:00"
WARM = [
    line for line in LINES if not line.startswith(("Did you", "You should", "Why", "That's not", "You need"))
]


def write_practice_transcripts(
    folder: Path, files: int, turns: int, pools: tuple[list[str], list[str]] = (LINES, WARM)
) -> tuple[list[Path], float]:
    """`files` practice transcripts of up to `turns` turns, and the mean number of turns they hold.

    Each bundled scenario is copied under its own id with a turn limit of `turns`; trainees mostly
    stay warm (one line in five is drawn from every line), so most conversations run their length.
    """
    scenarios = []
    for scenario_id in catalogue.bundled_ids():
        text = catalogue.bundled_text(scenario_id)
        text = re.sub(r"(?m)^id: .*$", f"id: bench-{scenario_id}", text, count=1)
        text = re.sub(r"(?m)^turn_limit: .*$", f"turn_limit: {turns}", text, count=1)
        path = folder / f"bench-{scenario_id}.yaml"
        path.write_text(text, encoding="utf-8")
        scenarios.append(catalogue.load_file(path))
    rng = random.Random(1)
    every, warm = pools
    plans = [
        (
            scenarios[n % len(scenarios)],
            [rng.choice(every if rng.random() < 0.2 else warm) for _ in range(turns)],
            rng.randrange(1000),
        )
        for n in range(files)
    ]
    paths, played = [], 0
    for start in range(0, files, 250):
        batch = plans[start : start + 250]
        sessions = replay_all([Replay(loaded.scenario, lines, seed) for loaded, lines, seed in batch])
        for number, ((loaded, _, _), session) in enumerate(zip(batch, sessions, strict=True), start=start):
            records = [header_record(session, loaded.text, AT, loaded.source)]
            records += [turn.as_record() for turn in session.turns]
            records.append(end_record(session, "eof", AT))
            path = folder / f"practice-{number:05d}.jsonl"
            path.write_text("".join(encode(record) for record in records), encoding="utf-8")
            paths.append(path)
            played += len(session.turns)
    return paths, played / max(files, 1)


def write_external_transcripts(folder: Path, files: int, turns: int) -> list[Path]:
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
    parser.add_argument("--external", action="store_true", help="also time external transcripts")
    parser.add_argument("--varied", action="store_true", help="trainee lines from the corpus's testing part")
    args = parser.parse_args()
    coach = coach_command()
    print(f"{worker_count()} worker process(es)")
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        pools = varied_lines() if args.varied else (LINES, WARM)
        paths, mean_turns = write_practice_transcripts(Path(folder), args.files, args.turns, pools)
        print(
            f"wrote {len(paths)} practice transcripts ({mean_turns:.1f} turns on average, lines drawn from "
            f"{len(pools[0])}) in {time.perf_counter() - started:.1f} s"
        )
        seconds, peak = measured([*coach, "score", "--json", *map(str, paths)])
        print(
            f"coach score --json, {args.files} practice transcripts of {args.turns} turns: {seconds:.2f} s, "
            f"peak {peak:.0f} MiB (target < 2 s)"
        )
    if args.external:
        with tempfile.TemporaryDirectory() as folder:
            paths = write_external_transcripts(Path(folder), args.files, args.turns)
            seconds, peak = measured([*coach, "score", "--json", *map(str, paths)])
            print(
                f"coach score --json, {args.files} external transcripts of {args.turns} turns: {seconds:.2f} s, peak {peak:.0f} MiB"
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
