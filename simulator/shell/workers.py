"""Worker processes for long batches: bounded batches out to every core, results back in order.

`coach score` over many files and `coach grade` / `coach report` over a whole round cut their
work into bounded batches; `in_order` hands them to one worker process per core (forked, so
what the parent has loaded, such as the reader's weights, is shared rather than loaded again)
and yields each batch's result in the order given as soon as it and those before it are done.
At most two batches per worker are in flight, so memory stays flat however long the batch.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

Batch = TypeVar("Batch")
Result = TypeVar("Result")

MAX_WORKERS = 8
"""Never more worker processes than this, however many cores: each holds its own scenarios."""


def worker_count() -> int:
    """How many worker processes a long batch uses: one per core this process may run on."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def in_order(
    work: Callable[[Batch], Result],
    batches: Iterable[Batch],
    *,
    workers: int,
    initializer: Callable[..., Any] | None = None,
) -> Iterator[tuple[Batch, Result]]:
    """Each batch with `work(batch)`, done in `workers` processes, in the order the batches come.

    `batches` is read only as workers free up (it may be a stream from a database), and
    `initializer` runs once in each worker before its first batch. An exception in a worker
    is raised here, at its batch.
    """
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    )
    pending = iter(batches)
    # What the parent has loaded by now (the reader's weights, scenarios, compiled patterns) lives
    # as long as the workers do: frozen out of the collector's generations, a worker's full
    # collections do not walk it again and again (nor write to the pages it shares with the parent).
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=initializer) as pool:
            in_flight: deque[tuple[Batch, Future[Result]]] = deque()
            while True:
                while len(in_flight) < 2 * workers and (batch := next(pending, None)) is not None:
                    in_flight.append((batch, pool.submit(work, batch)))
                if not in_flight:
                    return
                batch, done = in_flight.popleft()
                yield batch, done.result()
    finally:
        gc.unfreeze()
