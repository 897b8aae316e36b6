"""How fast trainee lines are read: the learned reader in one process, and `coach classify` as a whole process.

    python benchmarks/classify_speed.py [--lines N] [--runs R]

N lines (5,000 by default: the corpus's testing part, authors d and h, over and over) are read:

(i)  in this process, starting cold: loading the weights; `read_many` on all N lines at once and
     in `coach classify`'s batches, as lines per second of wall clock and of CPU time (the fair
     figure on a busy machine; the first round finds every word for the first time, the best of
     the later rounds finds them remembered); `read` one line at a time, with the per-line
     latency (median, 99th percentile, slowest) counting the first line after the weights load;
(ii) as whole processes (median of R runs): `coach classify --json` on the N lines piped in, and
     `coach --help` next to `python -c "import click"`, with whether `coach --help` imported
     numpy or the reader's model (it should import neither).

Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from simulator.vocabulary import Context  # noqa: E402  (the repository root must be importable first)

CORPUS = REPO_ROOT / "simulator" / "reading" / "corpus"
TESTING_PART = ("d", "h")
COMMAND_BATCH = 256  # lines `coach classify` reads together (simulator.shell.classifying.CLASSIFY_BATCH)
ROUNDS = 5


def testing_lines(count: int) -> tuple[list[str], list[Context]]:
    """`count` lines of the testing part, in order and over again, each with its context."""
    records = [
        json.loads(line)
        for author in TESTING_PART
        for line in (CORPUS / f"{author}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    picked = [records[i % len(records)] for i in range(count)]
    texts = [str(r["text"]) for r in picked]
    contexts = [
        Context(
            previous_coachee_line=str(r.get("previous_coachee_line") or ""),
            vision_established=bool(r["vision_established"]),
        )
        for r in picked
    ]
    return texts, contexts


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def rate(count: int, seconds: tuple[float, float]) -> str:
    wall, cpu = seconds
    return f"{count / wall:>9,.0f} lines/s  {count / cpu:>9,.0f} lines/CPU-s"


def in_process(texts: Sequence[str], contexts: Sequence[Context]) -> None:
    import numpy  # noqa: F401  (imported first, so that loading the weights is timed alone)

    from simulator.reading import model

    print(f"(i) the learned reader in one process, {len(texts):,} lines of the testing part")
    load = timed(model._model)
    first = timed(lambda: model.read(texts[0], contexts[0]))
    print(
        f"  loading the weights: {load[0] * 1000:.0f} ms; the first line after it: {first[0] * 1000:.2f} ms"
    )
    throughput(texts, contexts, first_latency=first[0])


def throughput(texts: Sequence[str], contexts: Sequence[Context], first_latency: float | None = None) -> None:
    """Lines per second of `read_many` (at once, in the command's batches) and of `read`, and per-line latency."""
    from simulator.reading import model

    count = len(texts)

    def batches() -> None:
        for start in range(0, count, COMMAND_BATCH):
            model.read_many(texts[start : start + COMMAND_BATCH], contexts[start : start + COMMAND_BATCH])

    for name, run in (
        ("read_many, all at once", lambda: model.read_many(texts, contexts)),
        (f"read_many, {COMMAND_BATCH} at a time", batches),
    ):
        cold = timed(run)
        warm = min((timed(run) for _ in range(ROUNDS)), key=lambda seconds: seconds[1])
        print(f"  {name:28} first round {rate(count, cold)}   best later round {rate(count, warm)}")

    latencies = [] if first_latency is None else [first_latency]
    wall, cpu = time.perf_counter(), time.process_time()
    for text, context in zip(texts[len(latencies) :], contexts[len(latencies) :], strict=True):
        started = time.perf_counter()
        model.read(text, context)
        latencies.append(time.perf_counter() - started)
    seconds = (time.perf_counter() - wall, time.process_time() - cpu)
    latencies.sort()
    counted = " (counting the first line after loading)" if first_latency is not None else ""
    print(
        f"  {'read, one line at a time':28} {rate(count - (first_latency is not None), seconds)};  per line{counted}:"
        f" median {statistics.median(latencies) * 1000:.3f} ms, 99th percentile"
        f" {latencies[int(len(latencies) * 0.99)] * 1000:.3f} ms, slowest {latencies[-1] * 1000:.3f} ms"
    )


def whole_processes(texts: Sequence[str], runs: int) -> None:
    print(f"\n(ii) whole processes, median of {runs} runs")
    with tempfile.TemporaryDirectory() as folder:
        lines = Path(folder) / "lines.txt"
        lines.write_text("".join(" ".join(text.split()) + "\n" for text in texts), encoding="utf-8")
        classify = [sys.executable, "-m", "simulator", "classify", "--json"]
        wall, cpu = median_run(classify, lines, runs)
        print(f"  coach classify --json < {len(texts):,} lines: {wall:.2f} s wall, {cpu:.2f} s CPU")
    helped, _ = median_run([sys.executable, "-m", "simulator", "--help"], None, runs)
    click, _ = median_run([sys.executable, "-c", "import click"], None, runs)
    print(
        f"  coach --help: {helped * 1000:.0f} ms; python -c 'import click': {click * 1000:.0f} ms ({helped / click:.2f}x)"
    )
    imported = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "simulator", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    modules = {
        row.rsplit("|", 1)[-1].strip() for row in imported.splitlines() if row.startswith("import time:")
    }
    unwanted = sorted(m for m in modules if m.split(".")[0] == "numpy" or m == "simulator.reading.model")
    print(
        f"  coach --help imported numpy or the reader's model: {'yes: ' + ', '.join(unwanted[:5]) if unwanted else 'no'}"
    )


def median_run(command: list[str], stdin: Path | None, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU (user + system) seconds of a command, its output thrown away."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        with open(stdin or "/dev/null", "rb") as source:
            subprocess.run(command, stdin=source, stdout=subprocess.DEVNULL, check=True, cwd=REPO_ROOT)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--lines", type=int, default=5000, help="how many lines to read (default 5,000)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each whole process (default 5)")
    args = parser.parse_args(argv)
    texts, contexts = testing_lines(args.lines)
    in_process(texts, contexts)
    whole_processes(texts, args.runs)


if __name__ == "__main__":
    main()
