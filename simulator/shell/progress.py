"""A progress bar for long batches, on standard error, only when it is a terminal.

`coach score` over many files, `coach grade` and `coach report` draw one line on standard
error (`scoring  [#######.............]  350/1000`) while they work, redrawn a few times a
second and cleared at the end, so nothing of it is left in what the terminal shows. Piped or
redirected, standard error gets nothing: scripts and logs see only the results.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import IO

REDRAW_SECONDS = 0.1
"""The bar is redrawn at most this often: a terminal is slower than the work."""

BAR_CELLS = 30


class Progress:
    """How far a batch has got, drawn on a terminal (and nowhere else)."""

    def __init__(
        self,
        label: str,
        total: int | None = None,
        *,
        shown_from: int = 0,
        stream: IO[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`shown_from`: a batch of fewer items than this (when the total is known) shows no bar."""
        self.label = label
        self.total = total
        self.done = 0
        self._stream = stream if stream is not None else sys.stderr
        self._clock = clock
        self._drawn = False
        self._last = float("-inf")
        self._shown_from = shown_from
        try:
            self._terminal = self._stream.isatty()
        except (AttributeError, ValueError):  # a closed or unusual stream
            self._terminal = False

    @property
    def shown(self) -> bool:
        """Whether the bar is drawn: on a terminal, for a batch long enough (the total may come later)."""
        return self._terminal and (self.total is None or self.total >= self._shown_from)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_: object) -> None:
        self.clear()

    def advance(self, count: int = 1) -> None:
        """Count `count` more items done, and redraw if it is time."""
        self.done += count
        now = self._clock()
        if self.shown and (now - self._last >= REDRAW_SECONDS or self.done == self.total):
            self._last = now
            self._draw()

    def clear(self) -> None:
        """Take the bar off the terminal (before printing something, and at the end)."""
        if self._drawn:
            self._write("\r\x1b[2K")
            self._drawn = False

    def _draw(self) -> None:
        if self.total:
            filled = min(BAR_CELLS, BAR_CELLS * self.done // self.total)
            line = f"{self.label}  [{'#' * filled}{'.' * (BAR_CELLS - filled)}]  {self.done}/{self.total}"
        else:
            line = f"{self.label}  {self.done}"
        self._write("\r\x1b[2K" + line)
        self._drawn = True

    def _write(self, text: str) -> None:
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):
            self._terminal = False  # a terminal gone away: the work goes on without the bar
