"""The progress bar of long batches: drawn on a terminal's standard error, never into a pipe."""

from __future__ import annotations

import io

from simulator.shell.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_is_drawn_on_a_terminal_and_cleared_at_the_end() -> None:
    terminal, now = Terminal(), [0.0]
    with Progress("scoring", 4, stream=terminal, clock=lambda: now[0]) as progress:
        progress.advance(1)
        now[0] += 1
        progress.advance(1)
    shown = terminal.getvalue()
    assert "scoring  [" + "#" * 7 + "." * 23 + "]  1/4" in shown and "2/4" in shown
    assert shown.endswith("\r\x1b[2K")  # nothing of the bar is left on the screen


def test_the_bar_is_redrawn_a_few_times_a_second_at_most_but_always_at_the_end() -> None:
    terminal = Terminal()
    with Progress("grading", 1000, stream=terminal, clock=lambda: 5.0) as progress:
        for _ in range(1000):
            progress.advance()
    assert terminal.getvalue().count("/1000") == 2  # the first draw and the last


def test_a_pipe_or_a_short_batch_gets_no_bar() -> None:
    piped = io.StringIO()
    with Progress("scoring", 50, stream=piped) as progress:
        progress.advance(50)
    short = Terminal()
    with Progress("scoring", 3, shown_from=16, stream=short) as progress:
        progress.advance(3)
    assert piped.getvalue() == "" and short.getvalue() == ""


def test_a_total_learnt_later_still_decides_whether_the_bar_is_shown() -> None:
    terminal = Terminal()
    progress = Progress("grading", shown_from=64, stream=terminal)
    progress.total = 10
    progress.advance(10)
    assert not progress.shown and terminal.getvalue() == ""
