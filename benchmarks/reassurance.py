"""Do the hand-written rules on top of the reader help? Prints figures; run by hand.

    python benchmarks/reassurance.py [--show]

`simulator.reading.reassurance` reads a line the model read as NEA again without the words that
put the coachee's worry down ("No need to apologise", "the notes can wait"), or with the "should"
of its praise made "can"; `simulator.reading.reproach` reads a question that only reproaches as a
confrontation. This prints the attractor the model reads alone and the one `classify` gives with
those rules on top (the second reading):

- on `reassurance_probe.jsonl` (beside this script): 120 lines written for it by an author who saw
  nothing of the project, 60 that put a worry down and move on (PEA or neutral) and 60 that use the
  same words yet press, blame, order or mock (NEA), in 33 workplaces, a third of them dictated;
- on `blame_probe.jsonl`: 120 lines by another such author, 60 that lift blame ("it wasn't your
  fault", "you did nothing wrong") and 60 that use the same words to blame, mock or take it back;
- on `should_praise_probe.jsonl`: 120 lines by a third such author, 60 that praise with "should"
  or "ought to" ("You should be really proud of that.") and 60 that use the same words to order,
  blame, mock or take the praise back, each after a coachee line of its own;
- on `reproach_probe.jsonl`: 120 lines by a fourth such author, 60 questions that blame, scold or
  put down ("reproach", counted as NEA) and 60 curious or admiring questions in the same frames
  ("warm", counted as PEA though some are neutral), read with no coachee line before them; the second
  reading there is the reproach rule's (`simulator.reading.reproach`);
- on every corpus line never fitted (the testing authors, the conversational testing part and the
  probes): how many attractors the second reading puts right and how many it makes wrong.

With `--show`, every line whose attractor the second reading changes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from agreement import macro_f1  # noqa: E402  (the benchmarks folder must be importable first)

from simulator.reading.fit import (  # noqa: E402
    CONVERSATION_TEST_AUTHORS,
    PRACTICE_TEST_AUTHORS,
    PROBE_AUTHORS,
    TEST_AUTHORS,
    load_corpus,
)
from simulator.reading.model import read_many  # noqa: E402
from simulator.reading.moves import classify_many  # noqa: E402
from simulator.vocabulary import Attractor, Context  # noqa: E402

PROBE_PATH = Path(__file__).with_name("reassurance_probe.jsonl")
BLAME_PATH = Path(__file__).with_name("blame_probe.jsonl")
SHOULD_PRAISE_PATH = Path(__file__).with_name("should_praise_probe.jsonl")
REPROACH_PATH = Path(__file__).with_name("reproach_probe.jsonl")
ATTRACTORS = tuple(a.value for a in Attractor)


def compared(records: Sequence[dict[str, object]]) -> tuple[list[str], list[str]]:
    """Each line's attractor as the model reads it, and as `classify` reads it with the rules on top."""
    texts = [str(r["text"]) for r in records]
    contexts = [
        Context(
            previous_coachee_line=str(r.get("previous_coachee_line") or ""),
            vision_established=bool(r.get("vision_established")),
        )
        for r in records
    ]
    first = read_many(texts, contexts)
    second = classify_many(texts, contexts)  # the reader with the rules on top (`moves`)
    return [r.attractor.value for r in first], [r.attractor.value for r in second]


def report(title: str, records: Sequence[dict[str, object]], show: bool) -> None:
    gold = [str(r["attractor"]) for r in records]
    before, after = compared(records)
    right = sum(1 for g, b, a in zip(gold, before, after, strict=True) if a == g != b)
    wrong = sum(1 for g, b, a in zip(gold, before, after, strict=True) if b == g != a)
    print(f"{title}: {len(records)} lines")
    print(
        f"  attractor macro-F1 {macro_f1(gold, before, ATTRACTORS):.3f} -> {macro_f1(gold, after, ATTRACTORS):.3f};"
        f" put right {right}, made wrong {wrong}"
    )
    groups = sorted({str(r.get("group", "")) for r in records})
    for group in groups if len(groups) <= 8 else ():
        rows = [k for k, r in enumerate(records) if r.get("group", "") == group]
        was = sum(before[k] == gold[k] for k in rows)
        now = sum(after[k] == gold[k] for k in rows)
        nea_was = sum(before[k] == Attractor.NEA.value for k in rows)
        nea_now = sum(after[k] == Attractor.NEA.value for k in rows)
        print(
            f"  {group or '(no group)':20} attractor right {was}/{len(rows)} -> {now}/{len(rows)};"
            f" read as NEA {nea_was} -> {nea_now}"
        )
    if show:
        for record, b, a in zip(records, before, after, strict=True):
            if a != b:
                print(f"    gold {record['attractor']:7} {b:7} -> {a:7} {str(record['text'])[:100]}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--show", action="store_true", help="every line whose attractor changes")
    args = parser.parse_args()
    for path in (PROBE_PATH, BLAME_PATH, SHOULD_PRAISE_PATH, REPROACH_PATH):
        with path.open(encoding="utf-8") as handle:
            probe = [json.loads(line) for line in handle if line.strip()]
        report(f"written for it ({path.name})", probe, args.show)
    never_fitted = load_corpus(
        authors=(*TEST_AUTHORS, *CONVERSATION_TEST_AUTHORS, *PRACTICE_TEST_AUTHORS, *PROBE_AUTHORS),
        team=False,
    )
    report("the corpus lines never fitted", never_fitted, args.show)


if __name__ == "__main__":
    main()
