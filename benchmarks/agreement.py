"""How far the move reader agrees with expert labels. Run by hand; prints figures, asserts nothing.

    python benchmarks/agreement.py [--annomi PATH] [--gold PATH] [--errors N]

AnnoMI (Wu et al. 2022) is read from a path outside the repository and used to measure
only: nothing from it is copied or learned into the project. Its therapist utterances are
compared with the reader's forms mapped to AnnoMI's four main behaviours, exactly as
/work/shared/data/README.md prescribes. The project's own gold set (tests/reading/gold_moves.tsv)
is scored on form, focus and attractor.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from simulator.metrics import accuracy, macro_f1, per_class  # noqa: E402  (the repository root must be importable first)
from simulator.reading.moves import classify  # noqa: E402
from simulator.vocabulary import Context, Form, Move  # noqa: E402

DEFAULT_ANNOMI = REPO_ROOT / ".." / "shared" / "data" / "annomi-dev.csv"
DEFAULT_GOLD = REPO_ROOT / "tests" / "reading" / "gold_moves.tsv"

ANNOMI_BEHAVIOURS = ("question", "reflection", "therapist_input", "other")
FORM_TO_BEHAVIOUR = {
    Form.OPEN_QUESTION: "question",
    Form.CLOSED_QUESTION: "question",
    Form.SIMPLE_REFLECTION: "reflection",
    Form.COMPLEX_REFLECTION: "reflection",
    Form.INFORMATION: "therapist_input",
    Form.ADVICE: "therapist_input",
    Form.ADVICE_WITH_PERMISSION: "therapist_input",
    Form.CONFRONT: "therapist_input",
    Form.AFFIRMATION: "other",
    Form.AUTONOMY: "other",
    Form.STRUCTURE: "other",
    Form.OTHER: "other",
}
_PUNCTUATION = re.compile(r"[^\w\s]")


# --- metrics (stdlib only; per_class, macro_f1 and accuracy are simulator.metrics') ----------


def cohen_kappa(gold: Sequence[str], predicted: Sequence[str]) -> float:
    total = len(gold)
    observed = sum(g == p for g, p in zip(gold, predicted, strict=True)) / total
    gold_counts, predicted_counts = Counter(gold), Counter(predicted)
    expected = sum(gold_counts[label] * predicted_counts[label] for label in gold_counts) / total**2
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def print_confusion(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> None:
    width = max(len(label) for label in labels) + 2
    print(" " * width + "predicted →".ljust(width) + "".join(label[:12].rjust(14) for label in labels))
    pairs = Counter(zip(gold, predicted, strict=True))
    for truth in labels:
        cells = "".join(str(pairs[truth, guess]).rjust(14) for guess in labels)
        print(f"  expert {truth}".ljust(2 * width) + cells)


# --- AnnoMI ------------------------------------------------------------------------------------


def annomi_therapist_turns(path: Path) -> list[tuple[dict[str, str], str]]:
    """Therapist rows with the client utterance just before them (in the same transcript)."""
    return [
        (row, before)
        for row, before in annomi_with_line_before(path, "therapist")
        if row["main_therapist_behaviour"] in ANNOMI_BEHAVIOURS
    ]


def annomi_with_line_before(path: Path, speaker: str) -> list[tuple[dict[str, str], str]]:
    """The rows of `speaker` (therapist or client), each with the other's last utterance before
    it in the same transcript ("" if none)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows.sort(key=lambda r: (int(r["transcript_id"]), int(r["utterance_id"])))
    found = []
    other, transcript = "", ""
    for row in rows:
        if row["transcript_id"] != transcript:
            other, transcript = "", row["transcript_id"]
        if row["interlocutor"] == speaker:
            found.append((row, other))
        else:
            other = row["utterance_text"]
    return found


def dictated(text: str) -> str:
    """The line as speech-to-text gives it: lower case, no punctuation."""
    return " ".join(_PUNCTUATION.sub(lambda m: "" if m.group() == "'" else " ", text.lower()).split())


def report_annomi(path: Path, errors: int) -> None:
    turns = annomi_therapist_turns(path)
    gold = [row["main_therapist_behaviour"] for row, _ in turns]
    moves = [classify(row["utterance_text"], Context(previous_coachee_line=prev)) for row, prev in turns]
    predicted = [FORM_TO_BEHAVIOUR[m.form] for m in moves]
    print(f"AnnoMI therapist utterances: {len(turns)} from {path}")
    print(f"  four-class macro-F1: {macro_f1(gold, predicted, ANNOMI_BEHAVIOURS):.3f}")
    print(f"  Cohen's kappa:       {cohen_kappa(gold, predicted):.3f}")
    print(f"  accuracy:            {accuracy(gold, predicted):.3f}")
    for label, (precision, recall, f1) in per_class(gold, predicted, ANNOMI_BEHAVIOURS).items():
        print(f"    {label:16} precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print_confusion(gold, predicted, ANNOMI_BEHAVIOURS)

    subtype_report(
        turns,
        moves,
        "question_subtype",
        {Form.OPEN_QUESTION: "open", Form.CLOSED_QUESTION: "closed"},
        "open vs closed on expert-labelled questions",
    )
    subtype_report(
        turns,
        moves,
        "reflection_subtype",
        {Form.SIMPLE_REFLECTION: "simple", Form.COMPLEX_REFLECTION: "complex"},
        "simple vs complex on expert-labelled reflections",
    )

    lowered = [
        FORM_TO_BEHAVIOUR[
            classify(dictated(row["utterance_text"]), Context(previous_coachee_line=dictated(prev))).form
        ]
        for row, prev in turns
    ]
    lowered_f1 = macro_f1(gold, lowered, ANNOMI_BEHAVIOURS)
    print(f"  lower-case, no punctuation: macro-F1 {lowered_f1:.3f}, kappa {cohen_kappa(gold, lowered):.3f}")
    if errors:
        print(f"\n  first {errors} disagreements (expert → reader):")
        shown = 0
        for (row, _), guess, move in zip(turns, predicted, moves, strict=True):
            if guess != row["main_therapist_behaviour"] and shown < errors:
                shown += 1
                print(
                    f"    {row['main_therapist_behaviour']:>15} → {move.form.value:<22} {row['utterance_text'][:110]!r}"
                )


def subtype_report(
    turns: list[tuple[dict[str, str], str]],
    moves: list[Move],
    column: str,
    reading: dict[Form, str],
    title: str,
) -> None:
    labelled = [
        (row[column], move)
        for (row, _), move in zip(turns, moves, strict=True)
        if row[column] in reading.values()
    ]
    in_family = [(truth, reading[m.form]) for truth, m in labelled if m.form in reading]
    overall = sum(reading.get(m.form) == truth for truth, m in labelled) / len(labelled)
    within = accuracy([t for t, _ in in_family], [p for _, p in in_family])
    print(
        f"  {title}: {within:.3f} where the reader also saw that family "
        f"({len(in_family)}/{len(labelled)}); {overall:.3f} counting every expert-labelled row"
    )


# --- gold set ----------------------------------------------------------------------------------


def report_gold(path: Path, errors: int) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    moves = [
        classify(
            row["text"],
            Context(
                previous_coachee_line=row["previous_coachee_line"],
                vision_established=row["vision_established"] == "1",
            ),
        )
        for row in rows
    ]
    forms = ([r["form"] for r in rows], [m.form.value for m in moves])
    foci = ([r["focus"] for r in rows], [m.focus.value for m in moves])
    attractors = ([r["attractor"] for r in rows], [m.attractor.value for m in moves])
    print(f"\nGold set: {len(rows)} lines from {path}")
    print(f"  form accuracy:        {accuracy(*forms):.3f}  (form macro-F1 {macro_f1(*forms):.3f})")
    print(f"  focus accuracy:       {accuracy(*foci):.3f}")
    print(f"  attractor macro-F1:   {macro_f1(*attractors):.3f}  (accuracy {accuracy(*attractors):.3f})")
    for label, (precision, recall, f1) in per_class(*attractors, labels=("PEA", "NEA", "neutral")).items():
        print(f"    {label:8} precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    if errors:
        print(f"\n  first {errors} disagreements (gold form/focus/attractor → reader):")
        shown = 0
        for row, move in zip(rows, moves, strict=True):
            gold = (row["form"], row["focus"], row["attractor"])
            if gold != (move.form.value, move.focus.value, move.attractor.value) and shown < errors:
                shown += 1
                print(
                    f"    {'/'.join(gold):48} → {move.form.value}/{move.focus.value}/{move.attractor.value}"
                    f"  {row['text'][:80]!r}  {move.cues}"
                )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--annomi", type=Path, default=DEFAULT_ANNOMI, help="AnnoMI CSV (read, never copied)")
    parser.add_argument(
        "--gold", type=Path, default=DEFAULT_GOLD, help="the project's labelled trainee lines"
    )
    parser.add_argument("--errors", type=int, default=0, help="also print this many disagreements")
    args = parser.parse_args(argv)
    if args.annomi.exists():
        report_annomi(args.annomi, args.errors)
    else:
        print(f"AnnoMI not found at {args.annomi}: skipping it (pass --annomi PATH)")
    report_gold(args.gold, args.errors)


if __name__ == "__main__":
    main()
