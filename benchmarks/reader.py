"""How well the learned reader reads: the model alone, and `classify` (the model with trainer phrases on top). Prints, asserts nothing.

    python benchmarks/reader.py [--annomi PATH] [--no-cv]

(i)   the testing parts of the corpus, never used to fit or tune: single lines
      (fit.TEST_AUTHORS), every manager line of whole written conversations
      (fit.CONVERSATION_TEST_AUTHORS), every trainee line of practice conversations on the
      bundled personas (fit.PRACTICE_TEST_AUTHORS) and the hard-case probe (fit.PROBE_AUTHORS): attractor
      macro-F1, form and focus accuracy, the attractor confusion matrix, accuracy per group,
      and how many filler/nonsense lines read as reflections; for both readers;
(ii)  AnnoMI therapist utterances (read from a path outside the repository, measuring only):
      four-behaviour macro-F1 and Cohen's kappa, open vs closed questions, and the same with
      the text lower-cased and stripped of punctuation; for both readers;
(iii) lines per second of `read_many` and `read` (and of `classify`) over 5,000 lines, and the
      per-line latency of `read` (cold start and whole processes: benchmarks/classify_speed.py);
(iv)  the confidence threshold: attractor accuracy above and below 0.4-0.8 on the
      leave-one-author-out CV predictions of the fitting part (refits one fold per fitting author:
      about ten minutes on two cores; `--no-cv` skips it), and the recommended threshold.

Metric helpers and the form → AnnoMI behaviour mapping come from benchmarks/agreement.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from agreement import (  # noqa: E402  (the benchmarks folder must be importable first)
    ANNOMI_BEHAVIOURS,
    DEFAULT_ANNOMI,
    FORM_TO_BEHAVIOUR,
    accuracy,
    annomi_therapist_turns,
    cohen_kappa,
    dictated,
    macro_f1,
    per_class,
    print_confusion,
)

from simulator.reading.moves import classify  # noqa: E402
from simulator.vocabulary import Context, Form  # noqa: E402

ATTRACTOR_LABELS = ("PEA", "NEA", "neutral")
THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8)
SPEED_LINES = 5000

# (form, focus, attractor) of one line
Triple = tuple[str, str, str]
Reader = Callable[[Sequence[str], Sequence[Context]], list[Triple]]


def learned(texts: Sequence[str], contexts: Sequence[Context]) -> list[Triple]:
    from simulator.reading.model import read_many

    return [(r.form.value, r.focus.value, r.attractor.value) for r in read_many(texts, contexts)]


def classified(texts: Sequence[str], contexts: Sequence[Context]) -> list[Triple]:
    # The product's path: the model, then trainer phrases and the unclear rule on top.
    moves = [classify(t, c) for t, c in zip(texts, contexts, strict=True)]
    return [(m.form.value, m.focus.value, m.attractor.value) for m in moves]


READERS: tuple[tuple[str, Reader], ...] = (("model", learned), ("classify", classified))


# --- (i) the testing part ---------------------------------------------------------------------


def report_testing(authors: Sequence[str], title: str) -> list[dict[str, object]]:
    from simulator.reading.fit import load_corpus

    records = load_corpus(authors=authors, team=False)
    texts = [str(r["text"]) for r in records]
    contexts = [
        Context(
            previous_coachee_line=str(r["previous_coachee_line"] or ""),
            vision_established=bool(r["vision_established"]),
        )
        for r in records
    ]
    gold = [(str(r["form"]), str(r["focus"]), str(r["attractor"])) for r in records]
    read = {name: reader(texts, contexts) for name, reader in READERS}
    print(f"{title}: authors {', '.join(authors)}, {len(records)} lines (never fitted or tuned on)")
    print(f"  {'':28}{'model':>10}{'classify':>10}")
    rows = (
        ("attractor macro-F1", lambda g, p: macro_f1([x[2] for x in g], [x[2] for x in p], ATTRACTOR_LABELS)),
        ("attractor accuracy", lambda g, p: accuracy([x[2] for x in g], [x[2] for x in p])),
        ("form accuracy", lambda g, p: accuracy([x[0] for x in g], [x[0] for x in p])),
        (
            "form macro-F1",
            lambda g, p: macro_f1([x[0] for x in g], [x[0] for x in p], [f.value for f in Form]),
        ),
        ("focus accuracy", lambda g, p: accuracy([x[1] for x in g], [x[1] for x in p])),
    )
    for title, metric in rows:
        print(f"  {title:28}" + "".join(f"{metric(gold, read[name]):>10.3f}" for name, _ in READERS))
    for name, _ in READERS:
        print(f"  attractor per class, {name}:")
        scores = per_class([g[2] for g in gold], [p[2] for p in read[name]], ATTRACTOR_LABELS)
        for label, (precision, recall, f1) in scores.items():
            print(f"    {label:8} precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    for name, _ in READERS:
        print(f"  attractor confusion, {name} (rows: gold):")
        print_confusion([g[2] for g in gold], [p[2] for p in read[name]], ATTRACTOR_LABELS)

    print("  per group: attractor accuracy / form accuracy (model | classify)")
    by_group: dict[str, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        by_group[str(record["group"])].append(i)
    for group in sorted(by_group, key=lambda g: -len(by_group[g])):
        cells = []
        for name, _ in READERS:
            picked = by_group[group]
            attractor = sum(gold[i][2] == read[name][i][2] for i in picked) / len(picked)
            form = sum(gold[i][0] == read[name][i][0] for i in picked) / len(picked)
            cells.append(f"{attractor:.3f} / {form:.3f}")
        print(f"    {group:20} {len(by_group[group]):>4}   " + "   |   ".join(cells))

    fillers = by_group.get("filler_nonsense", [])
    for name, _ in READERS:
        reflections = [i for i in fillers if read[name][i][0] in ("simple_reflection", "complex_reflection")]
        print(f"  filler_nonsense lines read as reflections, {name}: {len(reflections)} of {len(fillers)}")
        for i in reflections[:5]:
            print(f"      {texts[i][:70]!r} → {read[name][i][0]}")
    return records


# --- (ii) AnnoMI ------------------------------------------------------------------------------


def report_annomi(path: Path) -> None:
    turns = annomi_therapist_turns(path)
    gold = [row["main_therapist_behaviour"] for row, _ in turns]
    print(f"\n(ii) AnnoMI therapist utterances: {len(turns)} from {path} (measuring only)")
    variants = (
        (
            "as written",
            [row["utterance_text"] for row, _ in turns],
            [Context(previous_coachee_line=p) for _, p in turns],
        ),
        (
            "lower-case, no punctuation",
            [dictated(row["utterance_text"]) for row, _ in turns],
            [Context(previous_coachee_line=dictated(p)) for _, p in turns],
        ),
    )
    question_rows = [i for i, (row, _) in enumerate(turns) if row["question_subtype"] in ("open", "closed")]
    subtype = {Form.OPEN_QUESTION.value: "open", Form.CLOSED_QUESTION.value: "closed"}
    for title, texts, contexts in variants:
        print(f"  {title}:")
        print(f"    {'':44}{'model':>10}{'classify':>10}")
        figures: dict[str, list[float]] = defaultdict(list)
        for _, reader in READERS:
            forms = [triple[0] for triple in reader(texts, contexts)]
            behaviours = [FORM_TO_BEHAVIOUR[Form(f)] for f in forms]
            figures["four-behaviour macro-F1"].append(macro_f1(gold, behaviours, ANNOMI_BEHAVIOURS))
            figures["Cohen's kappa"].append(cohen_kappa(gold, behaviours))
            figures["accuracy"].append(accuracy(gold, behaviours))
            truth = [turns[i][0]["question_subtype"] for i in question_rows]
            said = [subtype.get(forms[i], "not a question") for i in question_rows]
            within = [(t, s) for t, s in zip(truth, said, strict=True) if s != "not a question"]
            figures["open/closed acc, among lines read as questions"].append(
                accuracy([t for t, _ in within], [s for _, s in within])
            )
            figures["open/closed acc, over all expert questions"].append(accuracy(truth, said))
            figures["share of expert questions read as questions"].append(len(within) / len(truth))
            for label, (_, _, f1) in per_class(gold, behaviours, ANNOMI_BEHAVIOURS).items():
                figures[f"F1 {label}"].append(f1)
        for name, values in figures.items():
            print(f"    {name:44}" + "".join(f"{v:>10.3f}" for v in values))
    print(f"  ({len(question_rows)} expert-labelled questions)")


# --- (iii) speed ------------------------------------------------------------------------------


def report_speed(records: Sequence[dict[str, object]]) -> None:
    from classify_speed import throughput

    lines = [records[i % len(records)] for i in range(SPEED_LINES)]
    texts = [str(r["text"]) for r in lines]
    contexts = [
        Context(
            previous_coachee_line=str(r["previous_coachee_line"] or ""),
            vision_established=bool(r["vision_established"]),
        )
        for r in lines
    ]
    print(f"\n(iii) speed over {SPEED_LINES} lines, one process, the weights already loaded")
    print("  lines per second: wall clock, and per CPU second (the fair figure on a busy machine)")
    throughput(texts, contexts)
    wall, cpu = time.perf_counter(), time.process_time()
    for text, context in zip(texts, contexts, strict=True):
        classify(text, context)
    seconds = (time.perf_counter() - wall, time.process_time() - cpu)
    print(
        f"  {'classify, one line at a time':28} {SPEED_LINES / seconds[0]:>9,.0f} lines/s"
        f"  {SPEED_LINES / seconds[1]:>9,.0f} lines/CPU-s  (the reader with fillers and trainer phrases)"
    )
    print(
        "  loading, the first line after it and `coach classify` as a whole process: benchmarks/classify_speed.py"
    )


# --- (iv) the confidence threshold ------------------------------------------------------------


def report_threshold() -> None:
    from simulator.reading.fit import Settings, cross_validate, fitting_part, scores_of

    records = fitting_part()
    print(
        f"\n(iv) confidence threshold, on leave-one-author-out CV predictions of the fitting part ({len(records)} lines)"
    )
    started = time.perf_counter()
    predictions = cross_validate(records, Settings())
    correct = [
        str(r["attractor"]) == a for r, a in zip(predictions.records, predictions.attractors, strict=True)
    ]
    confidence = predictions.confidence
    total = len(correct)
    cv = scores_of(predictions)
    print(
        f"  (one fold per fitting author refitted in {time.perf_counter() - started:.0f} s) CV: attractor macro-F1 {cv['attractor_f1']:.3f},"
        f" accuracy {cv['attractor_acc']:.3f}, form {cv['form_acc']:.3f}, focus {cv['focus_acc']:.3f}"
    )
    print(f"  {'threshold':>9}  {'share above':>11}  {'acc above':>9}  {'acc below':>9}  {'lines below':>11}")
    table = []
    for threshold in THRESHOLDS:
        above = [c for c, p in zip(correct, confidence, strict=True) if p >= threshold]
        below = [c for c, p in zip(correct, confidence, strict=True) if p < threshold]
        acc_above = sum(above) / len(above) if above else float("nan")
        acc_below = sum(below) / len(below) if below else float("nan")
        table.append((threshold, len(above) / total, acc_above, acc_below, len(below)))
        print(
            f"  {threshold:>9.1f}  {len(above) / total:>11.3f}  {acc_above:>9.3f}  {acc_below:>9.3f}  {len(below):>11}"
        )
    bins = Counter(min(int(p * 10), 9) for p in confidence)
    print("  calibration (confidence bin: lines, accuracy):")
    for b in sorted(bins):
        picked = [c for c, p in zip(correct, confidence, strict=True) if min(int(p * 10), 9) == b]
        print(f"    {b / 10:.1f}-{(b + 1) / 10:.1f}: {len(picked):>5}  {sum(picked) / len(picked):.3f}")
    recommended = recommend(table)
    print(
        f"  recommended threshold: {recommended:.1f} (the highest threshold below which a reading is more"
        " often wrong than right: those lines are better treated as unclear)"
    )


def recommend(table: Sequence[tuple[float, float, float, float, int]]) -> float:
    """The highest threshold whose lines below it are read right less than half the time."""
    chosen = THRESHOLDS[0]
    for threshold, _, _, acc_below, _ in table:
        if acc_below < 0.5:
            chosen = threshold
    return chosen


def report_second_labels() -> None:
    """How far two labellers agree on lines of the practice testing part: the ceiling of a reader there."""
    import json

    from simulator.reading.fit import CORPUS_DIR

    second = [
        json.loads(line)
        for path in sorted((CORPUS_DIR / "second_labels").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    files = {row["file"] for row in second}
    first_of = {
        (name, number): json.loads(line)
        for name in files
        for number, line in enumerate((CORPUS_DIR / name).read_text(encoding="utf-8").splitlines(), start=1)
    }
    first = [first_of[row["file"], row["line"]] for row in second]
    assert all(a["text"] == b["text"] for a, b in zip(first, second, strict=True))
    contexts = [Context(str(r["previous_coachee_line"] or ""), bool(r["vision_established"])) for r in first]
    read = dict(READERS)["classify"]([str(r["text"]) for r in first], contexts)
    gold = [str(r["attractor"]) for r in first]
    print(
        f"\n(i) a second labeller on {len(second)} lines of {', '.join(sorted(files))} (drawn at random, blind)"
    )
    for name, other in (
        ("second labeller", [r["attractor"] for r in second]),
        ("classify", [p[2] for p in read]),
    ):
        print(
            f"  {name:16} against the first labels: attractor macro-F1 "
            f"{macro_f1(gold, other, ATTRACTOR_LABELS):.3f}, kappa {cohen_kappa(gold, other):.3f}"
        )
    print(
        f"  form agreement {accuracy([r['form'] for r in first], [r['form'] for r in second]):.3f},"
        f" focus {accuracy([r['focus'] for r in first], [r['focus'] for r in second]):.3f}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--annomi", type=Path, default=DEFAULT_ANNOMI, help="AnnoMI CSV (read, never copied)")
    parser.add_argument(
        "--no-cv", action="store_true", help="skip (iv), which refits one fold per fitting author"
    )
    args = parser.parse_args(argv)
    from simulator.reading.fit import (
        CONVERSATION_TEST_AUTHORS,
        PRACTICE_TEST_AUTHORS,
        PRACTICE_TEST_SETS,
        PROBE_AUTHORS,
        TEST_AUTHORS,
    )

    records = report_testing(TEST_AUTHORS, "(i) testing part")
    report_testing(CONVERSATION_TEST_AUTHORS, "\n(i) conversational testing part (whole conversations)")
    report_testing(
        PRACTICE_TEST_AUTHORS, "\n(i) practice testing part (conversations on the bundled personas)"
    )
    for pair in PRACTICE_TEST_SETS:  # written and labelled at different times: read apart too
        report_testing(pair, f"\n(i) practice testing part, {' and '.join(pair)} alone")
    report_second_labels()
    for probe in PROBE_AUTHORS:  # each written to its own brief: read apart
        report_testing((probe,), f"\n(i) hard-case probe {probe} (never fitted)")
    if args.annomi.exists():
        report_annomi(args.annomi)
    else:
        print(f"\nAnnoMI not found at {args.annomi}: skipping it (pass --annomi PATH)")
    report_speed(records)
    if not args.no_cv:
        report_threshold()


if __name__ == "__main__":
    main()
