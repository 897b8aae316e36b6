"""Cold starts, measured in fresh processes against anchors measured in the same run. Prints figures.

    python benchmarks/startup.py [--runs 15] [--conversations 10]

- `coach --help` against `python -c "import click"` (goal: at most 1.2 times);
- `coach practice` on a terminal (a pseudo-terminal, 100 x 40): the time from starting the
  process to the prompt text appearing, against a bare `prompt_toolkit.prompt()` (goal: at
  most 1.3 times), with a warm scenario cache and, once, with an empty one; then a whole
  20-line conversation typed into it: how long each reply takes to come back on the screen,
  the peak memory (VmHWM) before the conversation ends and of the whole process, beside the
  bare prompt's;
- the first conversation of a fresh process, turn by turn, made ready the way `coach practice`
  makes it (the warm-up done while the first screen is read): per-turn median, p99 and the
  first turn (goal: p99 at most 1 ms, the first turn included).

Runs are paired (anchor, then the command, in turn) and each ratio is the median of the
pairs' ratios, so a busy machine slows both sides of a pair alike; `coach --help` is also
compared in processor time (user + system), which a busy machine disturbs less than the clock.
Every process finds compiled bytecode, as an installed package does: each command runs once
first, compiling into a temporary folder (PYTHONPYCACHEPREFIX), before anything is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from trainee_lines import LINES

PROMPT = b"You:"  # the space after it is drawn as a cursor movement
CURSOR_QUERY = b"\x1b[6n"
ROWS, COLUMNS = 40, 100
BARE_PROMPT = "import prompt_toolkit\ntry:\n    prompt_toolkit.prompt('You: ')\nexcept EOFError:\n    pass\n"


def coach_command() -> str:
    """The installed `coach` script beside this interpreter (not a shim that starts another program first)."""
    beside = Path(sys.executable).with_name("coach")
    return str(beside) if beside.exists() else (shutil.which("coach") or "coach")


def bytecode_env(folder: Path) -> dict[str, str]:
    """This environment, with compiled bytecode kept (in `folder`) so that only a first start compiles."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(folder)}


def timed(command: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and processor seconds of one run of `command`."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise RuntimeError(f"{command} failed")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


class Terminal:
    """A program on a pseudo-terminal: its output gathered, cursor-position queries answered as a terminal would."""

    def __init__(self, argv: Sequence[str], env: dict[str, str]) -> None:
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: size the terminal, become the program
            import fcntl
            import struct
            import termios

            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
            os.execvpe(argv[0], list(argv), env)
        self.output = b""
        self.answered = 0

    def pump(self, timeout: float) -> bool:
        """Read what the program wrote within `timeout` seconds; False once it has closed the terminal."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        self.output += chunk
        while self.output.count(CURSOR_QUERY) > self.answered:
            self.answered += 1
            os.write(self.fd, b"\x1b[1;1R")
        return True

    def wait_for(self, done: Callable[[], bool], limit: float = 60.0) -> float:
        """Seconds since the start when `done()` first held."""
        deadline = time.perf_counter() + limit
        while not done():
            if time.perf_counter() > deadline or not self.pump(0.05):
                raise RuntimeError(f"gave up waiting; the program wrote: {self.output[-400:]!r}")
        return time.perf_counter() - self.started

    def prompts(self) -> int:
        return self.output.count(PROMPT)

    def peak_kib(self) -> int:
        """The program's memory high-water mark so far (VmHWM), in KiB."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        found = re.search(r"VmHWM:\s+(\d+)", status)
        return int(found.group(1)) if found else 0

    def finish(self, keys: bytes = b"\x04") -> int:
        """Send `keys` (Ctrl-D), read to the end; the whole process's peak memory (KiB)."""
        os.write(self.fd, keys)
        deadline = time.perf_counter() + 60
        while self.pump(0.05) and time.perf_counter() < deadline:
            pass
        _, _, usage = os.wait4(self.pid, 0)
        os.close(self.fd)
        return usage.ru_maxrss


def terminal_env(cache: Path, data: Path, bytecode: Path) -> dict[str, str]:
    return {
        **bytecode_env(bytecode),
        "TERM": "xterm-256color",
        "XDG_CACHE_HOME": str(cache),
        "XDG_DATA_HOME": str(data),
        "COACH_TRANSCRIPTS": str(data / "transcripts"),
    }


def first_prompt(argv: Sequence[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds to the first prompt, and the process's peak memory (KiB) when it is ended there."""
    terminal = Terminal(argv, env)
    seconds = terminal.wait_for(lambda: terminal.prompts() >= 1)
    return seconds, terminal.finish()


def conversation_on_terminal(
    argv: Sequence[str], env: dict[str, str], lines: Sequence[str]
) -> dict[str, object]:
    """Type `lines` into the practice app, each once the previous reply is on the screen."""
    terminal = Terminal(argv, env)
    terminal.wait_for(lambda: terminal.prompts() >= 1)
    replies = []
    for number, line in enumerate(lines, start=1):
        toolbar = f"turn {number}/".encode()
        sent = time.perf_counter()
        os.write(terminal.fd, line.encode() + b"\r")
        # The reply is printed, then the next prompt is drawn with its toolbar counting the turn.
        terminal.wait_for(lambda toolbar=toolbar: toolbar in terminal.output)
        replies.append(time.perf_counter() - sent)
    during = terminal.peak_kib()
    return {"replies": replies, "peak_during_kib": during, "peak_whole_kib": terminal.finish()}


def first_conversation_child(seed: int) -> None:
    """In this fresh process: ready a run as `coach practice` does, then time each turn of 20 lines."""
    from simulator.shell.practice import prepare_practice

    folder = Path(tempfile.mkdtemp())
    pending, _ = prepare_practice(None, seed, folder / "t.jsonl")
    pending.start()  # as the practice app does once its first screen is shown
    conversation = pending.result().conversation
    timings = []
    for line in LINES[:20]:
        start, processor = time.perf_counter(), time.thread_time()
        conversation.handle(line)
        timings.append((time.perf_counter() - start, time.thread_time() - processor))
    conversation.finish("eof", "bench")
    shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(timings))


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def ms(seconds: float, digits: int = 1) -> str:
    return f"{seconds * 1000:7.{digits}f} ms"


def report_pair(
    label: str, anchor_label: str, pairs: Sequence[tuple[float, float]], goal: float, what: str = ""
) -> None:
    """Medians of both sides, and the median of the pairs' ratios against `goal`."""
    ratio = statistics.median(measured / anchor for anchor, measured in pairs)
    verdict = "met" if ratio <= goal else "NOT met"
    print(f"  {anchor_label:<40} median {ms(statistics.median(a for a, _ in pairs))}{what}")
    print(f"  {label:<40} median {ms(statistics.median(m for _, m in pairs))}{what}")
    print(
        f"  {'ratio, median of ' + str(len(pairs)) + ' pairs':<40} {ratio:10.2f}x   goal <= {goal}x: {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15, help="pairs of process starts per comparison")
    parser.add_argument(
        "--conversations", type=int, default=10, help="fresh processes for the per-turn figures"
    )
    parser.add_argument("--first-conversation-child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first_conversation_child is not None:
        first_conversation_child(args.first_conversation_child)
        return

    coach = coach_command()
    python = sys.executable
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; coach = {coach}")

    with tempfile.TemporaryDirectory() as folder:
        cache, data, bytecode = Path(folder) / "cache", Path(folder) / "data", Path(folder) / "bytecode"
        env = terminal_env(cache, data, bytecode)

        print("\ncoach --help")
        anchor, command = [python, "-c", "import click"], [coach, "--help"]
        timed(anchor, env), timed(command, env)  # compiled once, not measured
        pairs = [(timed(anchor, env), timed(command, env)) for _ in range(args.runs)]
        report_pair("coach --help", 'python -c "import click"', [(a[0], m[0]) for a, m in pairs], 1.2)
        report_pair(
            "coach --help", 'python -c "import click"', [(a[1], m[1]) for a, m in pairs], 1.2, " processor"
        )

        print("\ncoach practice on a terminal: time to the first prompt")
        practice = [coach, "practice", "--seed", "1"]
        bare = [python, "-c", BARE_PROMPT]
        first_prompt(bare, env)  # compiled once, not measured
        first_prompt(practice, {**env, "XDG_CACHE_HOME": str(Path(folder) / "compiling")})
        cold, _ = first_prompt(practice, env)
        print(f"  {'first start, empty scenario cache':<40} once   {ms(cold)}")
        prompt_pairs = [
            (first_prompt(bare, env)[0], first_prompt(practice, env)[0]) for _ in range(args.runs)
        ]
        report_pair("coach practice (scenario cache warm)", "bare prompt_toolkit.prompt()", prompt_pairs, 1.3)

        print("\ncoach practice on a terminal: a 20-line conversation typed in at once")
        _, bare_peak = first_prompt(bare, env)
        runs = [conversation_on_terminal(practice, env, LINES[:20]) for _ in range(max(3, args.runs // 5))]
        replies = [seconds for run in runs for seconds in run["replies"]]  # type: ignore[attr-defined]
        firsts = [run["replies"][0] for run in runs]  # type: ignore[index]
        later = [seconds for run in runs for seconds in run["replies"][1:]]  # type: ignore[index]
        print(
            f"  first reply (waits for the warm-up when typed at once) median {ms(statistics.median(firsts))}"
        )
        print(
            f"  later replies on the screen after Enter: median {ms(statistics.median(later))}, p99 {ms(percentile(replies, 0.99))}"
        )
        during = statistics.median(int(run["peak_during_kib"]) for run in runs)  # type: ignore[call-overload]
        whole = statistics.median(int(run["peak_whole_kib"]) for run in runs)  # type: ignore[call-overload]
        print(f"  peak memory during the conversation (VmHWM)  {during / 1024:6.1f} MiB   goal <= 40 MiB")
        print(f"  peak memory, whole process (closing report)   {whole / 1024:6.1f} MiB")
        print(f"  peak memory of the bare prompt process        {bare_peak / 1024:6.1f} MiB")

    print("\nfirst conversation in a fresh process (warmed up as `coach practice` does), per turn")
    turns: list[list[list[float]]] = []
    with tempfile.TemporaryDirectory() as folder:
        env = {**bytecode_env(Path(folder) / "bytecode"), "XDG_CACHE_HOME": str(Path(folder) / "cache")}
        child = [python, __file__, "--first-conversation-child"]
        subprocess.run(
            [*child, "0"], capture_output=True, check=True, env=env
        )  # compiles; caches the scenario
        for seed in range(args.conversations):
            done = subprocess.run([*child, str(seed)], capture_output=True, text=True, check=True, env=env)
            turns.append(json.loads(done.stdout))
    for what, index in (("wall clock", 0), ("processor time (this thread)", 1)):
        every = [turn[index] for conversation in turns for turn in conversation]
        first = [conversation[0][index] for conversation in turns]
        p99 = percentile(every, 0.99)
        print(
            f"  {what}, {len(turns)} conversations x 20 turns: median {ms(statistics.median(every), 2)}, "
            f"p99 {ms(p99, 2)}, max {ms(max(every), 2)}; turn 1 median {ms(statistics.median(first), 2)}, "
            f"max {ms(max(first), 2)}   goal p99 <= 1 ms: {'met' if p99 <= 0.001 else 'NOT met'}"
        )
    print("  (on a busy machine the wall clock also counts the turns the process waited for a core)")


if __name__ == "__main__":
    main()
