"""Agreement of predicted labels with gold ones: what the fitting scripts and the benchmarks both
report (per-class precision, recall and F1, macro-F1, accuracy). Standard library only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def per_class(
    gold: Sequence[str], predicted: Sequence[str], labels: Iterable[str]
) -> dict[str, tuple[float, float, float]]:
    """Precision, recall and F1 for each label."""
    scores = {}
    for label in labels:
        hits = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        said = sum(p == label for p in predicted)
        truth = sum(g == label for g in gold)
        precision = hits / said if said else 0.0
        recall = hits / truth if truth else 0.0
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        scores[label] = (precision, recall, f1)
    return scores


def macro_f1(gold: Sequence[str], predicted: Sequence[str], labels: Iterable[str] | None = None) -> float:
    """The mean F1 over `labels` (by default every label either side uses)."""
    chosen = sorted(set(gold) | set(predicted)) if labels is None else list(labels)
    scores = per_class(gold, predicted, chosen)
    return sum(f1 for _, _, f1 in scores.values()) / len(scores)


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The share of predictions equal to their gold label (0 for none)."""
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0
