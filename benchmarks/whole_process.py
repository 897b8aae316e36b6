"""Timing a whole `coach` process, with the peak memory of the largest process it ran (itself or a worker).

    seconds, peak_mib = measured(["coach", "grade", ...])

Used by the speed benchmarks: what a user waits for is the whole process (start-up, imports,
worker processes), not a function inside it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


def coach_command() -> list[str]:
    """The `coach` command of this environment."""
    found = shutil.which("coach") or str(Path(sys.executable).with_name("coach"))
    return [found] if Path(found).exists() else [sys.executable, "-m", "simulator"]


def measured(command: list[str], *, stdout: int | None = subprocess.DEVNULL) -> tuple[float, float]:
    """Run `command` to its end: wall-clock seconds, and the peak resident memory in MiB.

    The peak is the largest of the process and the children it waited for (its workers), as
    the kernel reports it to `wait4`; it fails loudly if the command does.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(
            f"{' '.join(command[:4])}... failed ({process.returncode}):\n{errors.decode()[-2000:]}"
        )
    return elapsed, usage.ru_maxrss / 1024  # kilobytes on Linux
