"""`coach classify`: trainee lines read in batches, on every core once there is more than one batch.

The first batch is read here, which loads the reader's weights; the batches after it go to
forked worker processes (`simulator.shell.workers`), which share those weights, and come back
in order. Each batch's output is written as soon as it and those before it are done.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from itertools import chain, islice
from typing import IO

from simulator.reading.moves import classify_many
from simulator.shell.workers import in_order, worker_count
from simulator.text import strip_control, terminal_json
from simulator.vocabulary import Context

CLASSIFY_BATCH = 256
"""Lines read together: the reader is fastest on many lines at once."""


def classified(lines: tuple[str, ...], context: Context, as_json: bool, explain: bool) -> str:
    """What `coach classify` prints for a batch of lines: a JSON object or a tab-separated reading each."""
    out: list[str] = []
    for text, move in zip(lines, classify_many(lines, [context] * len(lines)), strict=True):
        if as_json:
            record = {
                "text": text,
                **move.as_dict(),
                "confidence": round(move.confidence, 3),
                "unclear": move.is_unclear,
                "cues": list(move.cues),
            }
            out.append(terminal_json(record) + "\n")
            continue
        out.append(f"{move.form.value}\t{move.focus.value}\t{move.attractor.value}\t{strip_control(text)}\n")
        if explain:
            unclear = ": unclear, it moves the coachee neither way" if move.is_unclear else ""
            out.append(f"    - confidence {move.confidence:.2f}{unclear}\n")
            out.extend(f"    - {strip_control(cue)}\n" for cue in move.cues)
    return "".join(out)


def classify_lines(
    lines: Iterable[str], context: Context, out: IO[str], *, as_json: bool, explain: bool
) -> None:
    """Read every line and write what `classified` makes of it, in the order the lines came."""
    pending = iter(lines)
    batches: Iterator[tuple[str, ...]] = iter(lambda: tuple(islice(pending, CLASSIFY_BATCH)), ())
    work = partial(classified, context=context, as_json=as_json, explain=explain)
    first = next(batches, None)
    if first is None:
        return
    out.write(work(first))
    out.flush()
    workers = worker_count()
    second = next(batches, None) if workers >= 2 else None
    if second is None:
        for batch in batches:
            out.write(work(batch))
            out.flush()
        return
    for _, text in in_order(work, chain([second], batches), workers=workers):
        out.write(text)
        out.flush()
