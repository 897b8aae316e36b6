"""`coach classify` on many lines: the batches after the first go to worker processes, in order."""

import io

import pytest

import simulator.shell.classifying as classifying
from simulator.shell.classifying import CLASSIFY_BATCH, classified, classify_lines
from simulator.vocabulary import Context

LINES = [
    "What would a great year look like for you?",
    "You should have finished the notes by now.",
    "It sounds like the last few weeks have been relentless.",
    "mm",
    "Have it done by Friday.",
    "It's your call which of these you try.",
]


@pytest.mark.parametrize("as_json, explain", [(True, False), (False, True)])
def test_many_batches_in_workers_print_what_one_process_prints_in_order(
    monkeypatch: pytest.MonkeyPatch, as_json: bool, explain: bool
) -> None:
    lines = [f"{LINES[n % len(LINES)]} ({n})" for n in range(3 * CLASSIFY_BATCH + 5)]
    monkeypatch.setattr(classifying, "worker_count", lambda: 2)
    out = io.StringIO()
    classify_lines(iter(lines), Context(), out, as_json=as_json, explain=explain)
    assert out.getvalue() == classified(tuple(lines), Context(), as_json, explain)


def test_no_lines_print_nothing() -> None:
    out = io.StringIO()
    classify_lines(iter([]), Context(), out, as_json=True, explain=False)
    assert out.getvalue() == ""
