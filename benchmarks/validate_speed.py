"""How fast `coach validate` is, as a trainer runs it: a whole process, start to exit.

1. 100 scenario files (the bundled ones, copied under new ids with their temperaments
   varied) validated by one `coach validate DIR`: the goal is under 2 s.
2. Each kind of bad input from issue 5, one file per process: each must give one located
   error line and exit 1 within 2 s; the peak memory of the worst one is printed too.

Run by hand: python benchmarks/validate_speed.py
"""

from __future__ import annotations

import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from simulator.scenario import catalogue
from simulator.scenario.loading import MAX_SCENARIO_BYTES

COACH = [sys.executable, "-m", "simulator"]
FILES = 100


def varied_copies(folder: Path, count: int) -> None:
    """`count` valid scenario files: bundled texts under new ids, with warm_up and drift varied."""
    rng = random.Random(5)
    texts = [catalogue.bundled_text(scenario_id) for scenario_id in catalogue.bundled_ids()]
    for index in range(count):
        text = texts[index % len(texts)]
        new_id = f"copy-{index:03d}"
        text = re.sub(r"(?m)^id: .*$", f"id: {new_id}", text, count=1)
        text = re.sub(r"(?m)^(    warm_up: )[\d.]+", lambda m: f"{m.group(1)}{rng.uniform(1.5, 3):.2f}", text)
        text = re.sub(r"(?m)^(    drift: )[\d.]+", lambda m: f"{m.group(1)}{rng.uniform(0.1, 0.4):.2f}", text)
        (folder / f"{new_id}.yaml").write_text(text, encoding="utf-8")


def bad_inputs() -> dict[str, str | bytes]:
    good = catalogue.bundled_text(catalogue.DEFAULT_SCENARIO)
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
    )
    return {
        "YAML syntax error": "id: x\ntitle: [oops\n",
        "wrong type": good.replace("turn_limit: 30", "turn_limit: many"),
        "missing required key": re.sub(r"\nclosing:\n(  .*\n)+", "\n", good),
        "unknown key": good.replace("turn_limit: 30", "turn_limit: 30\nturn_limits: 40"),
        "duplicate key": good.replace("turn_limit: 30", "turn_limit: 30\nturn_limit: 40"),
        "alias bomb": bomb,
        "oversized file": "# " + "x" * (MAX_SCENARIO_BYTES * 50),
        "deep nesting": "a: " + "[" * 100_000 + "]" * 100_000,
        "non-UTF-8": b"id: caf\xe9\n",
        "binary": bytes(range(256)) * 100,
        "empty file": "",
        "directory given as a file": "",
    }


def run(args: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    result = subprocess.run([*COACH, *args], capture_output=True, text=True, check=False)
    return time.perf_counter() - start, result


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "many"
        folder.mkdir()
        varied_copies(folder, FILES)
        run(["--help"])  # warm the file cache, as a trainer's second run would be
        elapsed, result = run(["validate", str(folder)])
        assert result.returncode == 0, result.stdout + result.stderr
        print(f"coach validate, {FILES} files, whole process: {elapsed:.2f} s ({result.stdout.strip()})")

        worst = 0.0
        for name, content in bad_inputs().items():
            path = Path(tmp) / "bad.yaml"
            if name == "directory given as a file":
                target = Path(tmp) / "a-folder.yaml"
                target.mkdir()
                elapsed, result = run(["practice", str(target), "--transcript", str(Path(tmp) / "t.jsonl")])
                output = result.stderr
            else:
                if isinstance(content, bytes):
                    path.write_bytes(content)
                else:
                    path.write_text(content, encoding="utf-8")
                elapsed, result = run(["validate", str(path)])
                output = result.stdout
            lines = output.splitlines()
            ok = result.returncode == 1 and len(lines) == 1 and "Traceback" not in result.stderr
            worst = max(worst, elapsed)
            print(
                f"  {name:<28} {elapsed:.2f} s  {'ok' if ok else 'UNEXPECTED'}  {lines[0][-70:] if lines else ''}"
            )
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"bad inputs: slowest {worst:.2f} s; peak memory of any process {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
