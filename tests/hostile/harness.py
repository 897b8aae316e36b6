"""Running `coach` as an attacker or a careless user would, in a subprocess with hard limits.

Every run gets an address-space limit (so a reader that reads without bound fails with a
MemoryError instead of eating the machine) and a wall-clock timeout (a reader that blocks
on a FIFO, or never finishes, fails the test: the timeout is the failure, not a timing
claim). `held` says whether a run refused its input as the house rules ask: exit status 1,
no traceback, and one located line that names the input.

Cases are run many at a time (each is a separate process), so a suite of a hundred cases
costs about what fifty would run one by one.
"""

from __future__ import annotations

import ctypes
import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from simulator.text import strip_control

ADDRESS_SPACE = 1 << 30
"""Each run may map 1 GiB: several times what any command needs, far less than a runaway read takes."""

TIME_LIMIT = 30.0
"""A run still going after this long has hung (a FIFO, an unbounded search) and fails its case."""

WORKERS = max(2, min(8, (os.cpu_count() or 2) * 2))
"""Runs at once: each waits mostly on its own start-up, so twice the cores keeps them busy."""

_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH, _PR_CAPBSET_DROP = 1, 2, 24


def limits(file_size: int | None, obey_permissions: bool) -> Callable[[], None]:
    """The `preexec_fn` of a run: the address-space limit, no core dumps, an optional file-size limit
    (a full disk, as far as the process can tell), and, for root, the file modes everyone else meets."""

    def apply() -> None:  # runs in the child, between fork and exec
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
        if obey_permissions and os.geteuid() == 0:
            # Root reads anything; without these two capabilities it meets file modes like anyone.
            libc = ctypes.CDLL(None, use_errno=True)
            for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
                if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
                    os._exit(97)

    return apply


def can_obey_permissions() -> bool:
    """Whether runs can be made to meet file permissions (not root, or root that may drop capabilities)."""
    if os.geteuid() != 0:
        return True
    probe = subprocess.run(
        [sys.executable, "-c", "pass"], preexec_fn=limits(None, True), check=False, capture_output=True
    )
    return probe.returncode == 0


@dataclass(frozen=True)
class Case:
    """One hostile run: the arguments of `coach`, what goes to its standard input, and its limits."""

    name: str
    args: tuple[str, ...]
    stdin: bytes = b""
    names: str = ""
    """Text the one error line must contain (the input's name, as it can be printed)."""
    located: bool = False
    """Whether the line must point at a line and column of the input (`NAME:LINE:COL:`)."""
    env: Mapping[str, str] = field(default_factory=dict)
    file_size: int | None = None
    obey_permissions: bool = False
    timeout: float = TIME_LIMIT


@dataclass(frozen=True)
class Ran:
    """What a run did."""

    case: Case
    code: int | None
    stdout: str
    stderr: str
    seconds: float = 0.0

    @property
    def timed_out(self) -> bool:
        """Whether the run was still going at its time limit."""
        return self.code is None

    def describe(self) -> str:
        """The run, for a failure message."""
        state = "timed out" if self.timed_out else f"exit {self.code}"
        return (
            f"{self.case.name}: coach {' '.join(self.case.args)} -> {state}\n"
            f"--- stdout\n{self.stdout[-1500:]}\n--- stderr\n{self.stderr[-3000:]}"
        )


def run(case: Case, cwd: Path) -> Ran:
    """Run one case in a fresh process under its limits."""
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", **case.env}
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "simulator", *case.args],
            input=case.stdin,
            capture_output=True,
            timeout=case.timeout,
            cwd=cwd,
            env=environment,
            preexec_fn=limits(case.file_size, case.obey_permissions),
            check=False,
        )
    except subprocess.TimeoutExpired as expired:
        return Ran(case, None, _text(expired.stdout), _text(expired.stderr), time.monotonic() - started)
    return Ran(case, done.returncode, _text(done.stdout), _text(done.stderr), time.monotonic() - started)


def run_all(cases: Sequence[Case], cwd: Path) -> dict[str, Ran]:
    """Every case run, many at a time, by name."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return {ran.case.name: ran for ran in pool.map(lambda case: run(case, cwd), cases)}


def _text(data: bytes | str | None) -> str:
    if data is None:
        return ""
    return data if isinstance(data, str) else data.decode("utf-8", errors="replace")


def error_lines(ran: Ran) -> list[str]:
    """The lines that report an error, on either stream (`coach validate` prints its findings on stdout)."""
    lines = [*ran.stdout.splitlines(), *ran.stderr.splitlines()]
    return [line for line in lines if "error:" in line or line.startswith("coach: warning:")]


def refusal_problems(ran: Ran) -> list[str]:
    """Why a run did not refuse its input as it should; empty when it held."""
    problems = []
    if ran.timed_out:
        return [f"still running after {ran.case.timeout:.0f} s"]
    if ran.code != 1:
        problems.append(f"exit status {ran.code}, not 1")
    if "Traceback" in ran.stderr or "MemoryError" in ran.stderr:
        problems.append("a traceback")
    if "\x1b" in ran.stdout or "\x1b" in ran.stderr:
        problems.append("an escape sequence reached the terminal")
    found = [line for line in error_lines(ran) if "error:" in line]
    reported = found or error_lines(ran)
    if len(reported) != 1:
        problems.append(f"{len(reported)} error lines, not one")
    elif ran.case.names and strip_control(ran.case.names) not in reported[0]:
        problems.append(f"the error line does not name {ran.case.names!r}")
    elif ran.case.located and not re.search(
        re.escape(strip_control(ran.case.names)) + r":\d+:\d+: ", reported[0]
    ):
        problems.append("the error line gives no line and column")
    return problems
