"""Fit the reader of a meeting's close on the project's labelled lines.

    python -m simulator.engine.closing_fit [--cv]

Writes `simulator/engine/closing_weights.tsv` (a feature's name and its weight toward closing,
in the vocabulary's sorted order). Running it twice gives the same file: the vocabulary is
sorted and L-BFGS on the full batch has no randomness. Needs the `[fit]` extra (scipy).

What it fits on (see `simulator/engine/closing_corpus/README.md`): the lines of `FIT_AUTHORS`,
closings and lines that keep a meeting going in the same words; the lines of the reader's corpus
written as send-offs and closings, as closings (`written_closings`); and, as lines that close
nothing, the rest of the reader's fitting part (`simulator.reading.fit.FIT_AUTHORS`) but for its
practice conversations (whose closes nobody marked as closes) and the
lines the `parting` patterns grant (`background`): a meeting has one close and a dozen lines that
are not one, and the written lines alone taught that "Thank you for being so open" ends a
meeting. The background lines weigh `BACKGROUND_WEIGHT` each. The probes `PROBE_AUTHORS`
are never fitted nor used to choose anything. `--cv` prints, for each L2 penalty of `PENALTIES`,
each fitting author read by a fit on the others (the background always fitted): how many
closings found and how many other lines taken for one; the penalty shipped (`L2`) is the one it
chose.
"""

from __future__ import annotations

import argparse
import importlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from simulator.design_matrix import corpus_records, design_matrix
from simulator.engine.closing import WEIGHTS_PATH, ClosingModel, closing_features, weights_text

CORPUS_DIR = Path(__file__).parent / "closing_corpus"
FIT_AUTHORS = ("ma", "mb", "md", "me", "mf", "mh", "mi")
PROBE_AUTHORS = ("mc", "mg")
MIN_COUNT = 2  # a word or pair must occur in this many fitting lines to get a weight of its own
PENALTIES = (1e-4, 3e-4, 1e-3, 3e-3)
L2 = 1e-4  # chosen by `--cv`: closings found 502 of 877, other lines taken for one 6 of 1,589 (3e-4: 468, 4)
BACKGROUND_WEIGHT = 0.05
"""The weight of each background line (one of the reader's corpus) against a line written for this."""
MAX_ITERATIONS = 500
KEPT_FROM = 0.05
"""The smallest weight kept (the bias always is): dropping the half of the features below it moved
no figure of `benchmarks/closing.py` by more than five lines, and keeping them would double the
room the weights take."""
CLOSING = "parting"
OTHER = "other"
WRITTEN_AS_CLOSING = ("send_off", "closing")
"""The reader's corpus groups of lines written as a meeting's close: never background."""

Record = dict[str, str]


def load_corpus(authors: Sequence[str]) -> list[Record]:
    return corpus_records(CORPUS_DIR, authors)


def reader_corpus() -> list[dict[str, str]]:
    """The reader's labelled lines but for its testing parts (`simulator.reading.fit`)."""
    from simulator.reading import fit as reader_fit

    held_out = {*reader_fit.TEST_AUTHORS, *reader_fit.CONVERSATION_TEST_AUTHORS}
    records: list[dict[str, str]] = []
    for path in sorted(reader_fit.CORPUS_DIR.glob("*.jsonl")):
        if path.stem not in held_out:
            with path.open(encoding="utf-8") as handle:
                records.extend(json.loads(line) for line in handle if line.strip())
    return records


def written_closings() -> list[Record]:
    """The reader's lines written as a meeting's close (send-offs, closings), as closings."""
    return [
        {"text": record["text"], "moment": CLOSING}
        for record in reader_corpus()
        if record["group"] in WRITTEN_AS_CLOSING
    ]


def background() -> list[Record]:
    """The reader's fitting lines that close nothing: not written as a close, not granted `parting`
    by its patterns. Not the lines of practice conversations (`PRACTICE_FIT_AUTHORS`): each ends with
    a close that nobody marked as one, so they would teach that a goodbye is not one."""
    from simulator.engine.presumptions import wraps_up_by_patterns
    from simulator.reading import fit as reader_fit
    from simulator.vocabulary import Attractor, Focus, Form, Move

    statement = Move(Form.STRUCTURE, Focus.NONE, Attractor.NEUTRAL, confidence=1.0)
    fitted = set(reader_fit.FIT_AUTHORS) - set(reader_fit.PRACTICE_FIT_AUTHORS)
    return [
        {"text": record["text"], "moment": OTHER}
        for record in reader_corpus()
        if record["author"] in fitted
        and record["group"] not in WRITTEN_AS_CLOSING
        and not wraps_up_by_patterns(record["text"], statement, lines_before=10)
    ]


def vocabulary_of(rows: Sequence[dict[str, float]], written: int) -> list[str]:
    """Every feature of at least `MIN_COUNT` lines and of one of the first `written` (the lines
    written for this), and every shape feature: a word only the background holds would weigh
    toward "not closing" alone, and the weights would take ten times the room."""
    counts: dict[str, int] = {}
    for row in rows:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    seen = {name for row in rows[:written] for name in row}
    return sorted(name for name in seen if counts[name] >= MIN_COUNT or name.startswith("x:"))


def fit_weights(
    rows: Sequence[dict[str, float]],
    closing: Sequence[bool],
    weight: Sequence[float],
    names: list[str],
    l2: float,
) -> np.ndarray:
    """Logistic regression: cross-entropy, each row by its weight, over the total weight, plus l2/2
    of the squared weights (bias free)."""
    optimize: Any = importlib.import_module("scipy.optimize")
    matrix = design_matrix(rows, names)
    truth = np.asarray(closing, dtype=np.float64)
    rows_weight = np.asarray(weight, dtype=np.float64) / float(np.sum(weight))
    penalised = np.array([name != "x:bias" for name in names], dtype=np.float64)

    def loss(weights: np.ndarray) -> tuple[float, np.ndarray]:
        scores = matrix @ weights
        # log(1 + e^s) - y*s, kept finite for large |s|
        value = float(rows_weight @ (np.logaddexp(0.0, scores) - truth * scores))
        value += 0.5 * l2 * float((penalised * weights**2).sum())
        gradient = (
            matrix.T @ (rows_weight * (1.0 / (1.0 + np.exp(-scores)) - truth)) + l2 * penalised * weights
        )
        return value, np.asarray(gradient)

    result = optimize.minimize(
        loss, np.zeros(len(names)), jac=True, method="L-BFGS-B", options={"maxiter": MAX_ITERATIONS}
    )
    return np.asarray(result.x, dtype=np.float64)


def fit(
    records: Sequence[Record], lines_that_close_nothing: Sequence[Record], l2: float = L2
) -> list[tuple[str, float]]:
    """The fitted weights, by feature name in sorted order."""
    every = [*records, *lines_that_close_nothing]
    rows = [closing_features(record["text"]) for record in every]
    names = vocabulary_of(rows, len(records))
    weight = [1.0] * len(records) + [BACKGROUND_WEIGHT] * len(lines_that_close_nothing)
    weights = fit_weights(rows, [record["moment"] == CLOSING for record in every], weight, names, l2)
    return [
        (name, float(f"{value:.6g}"))
        for name, value in zip(names, weights, strict=True)
        if abs(value) >= KEPT_FROM or name == "x:bias"
    ]


def shipped_fit() -> list[tuple[str, float]]:
    """The fit that ships: `FIT_AUTHORS` and the reader's closings, against the background."""
    return fit([*load_corpus(FIT_AUTHORS), *written_closings()], background())


def cross_validate(l2: float) -> tuple[int, int, int, int]:
    """Closings found, closings in all, other lines taken for closings, other lines in all: each
    fitting author read by a fit on the others."""
    from simulator.engine.closing import CLOSING_FROM

    found = closings = mistaken = others = 0
    lines_that_close_nothing = background()
    for held_out in FIT_AUTHORS:
        written = [*load_corpus([a for a in FIT_AUTHORS if a != held_out]), *written_closings()]
        model = ClosingModel(fit(written, lines_that_close_nothing, l2))
        for record in load_corpus([held_out]):
            said = model.probability(closing_features(record["text"])) >= CLOSING_FROM
            if record["moment"] == CLOSING:
                closings += 1
                found += said
            else:
                others += 1
                mistaken += said
    return found, closings, mistaken, others


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cv", action="store_true", help="print leave-one-author-out figures per L2 penalty")
    args = parser.parse_args(argv)
    if args.cv:
        for l2 in PENALTIES:
            found, closings, mistaken, others = cross_validate(l2)
            print(
                f"L2 {l2:g}: closings found {found}/{closings}, other lines taken for one {mistaken}/{others}"
            )
    weights = shipped_fit()
    WEIGHTS_PATH.write_text(weights_text(weights), encoding="utf-8")
    print(
        f"fitted on {', '.join(FIT_AUTHORS)} and the reader's corpus: {len(weights)} features -> {WEIGHTS_PATH.name}"
    )


if __name__ == "__main__":
    main()
