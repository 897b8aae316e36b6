"""How well the question of a dictated line is found without its marks. Prints figures; run by hand.

    python benchmarks/dictated_questions.py [--annomi PATH] [--examples N]

First, every line of the project's corpus (`simulator/reading/corpus`) as written, typed or
dictated, against its label: whether `trainee_text.asks` finds a question in the lines that ask
(a "?", or labelled an open or closed question), beside what the question mark alone finds.
Then every line that has sentence marks is said again as speech-to-text would give it (lower
case, no punctuation), and `trainee_text.asks` and `trainee_text.split_lead` on the bare words are
compared with what the marks said: whether the line asks (a "?"), and whether the statements
before its question were found (the same words). With `--annomi`, the therapist lines of an
AnnoMI CSV are measured the second way too; the data is read from the given path only.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from pathlib import Path

from simulator.reading.trainee_text import as_dictated, asks, split_lead

CORPUS = Path(__file__).resolve().parents[1] / "simulator" / "reading" / "corpus"
QUESTION_FORMS = ("open_question", "closed_question")
_WORD = re.compile(r"[a-z0-9']+")


def measure_as_written(rows: list[dict[str, str]]) -> None:
    asking = [row["text"] for row in rows if "?" in row["text"] or row["form"] in QUESTION_FORMS]
    found = sum(asks(line) for line in asking)
    heard = sum(asks(row["text"]) for row in rows)
    marked = sum("?" in line for line in asking)
    print(
        f"corpus as written: {len(rows)} lines, {len(asking)} asking; found {found / len(asking):.3f} "
        f"(the question mark alone {marked / len(asking):.3f}); of {heard} found, asking {found / max(1, heard):.3f}"
    )


def measure(lines: list[str], label: str, examples: int) -> None:
    found = missed = wrong = 0
    leads = leads_found = 0
    shown: list[str] = []
    for line in lines:
        bare = as_dictated(line)
        asked, heard = "?" in line, asks(bare)
        found += asked and heard
        missed += asked and not heard
        wrong += heard and not asked
        if not asked and heard:
            shown.append(f"  not a question, found one: {line[:110]}")
        lead = split_lead(line)[0]
        if asked and lead:
            leads += 1
            same = _WORD.findall(split_lead(bare)[0]) == _WORD.findall(as_dictated(lead))
            leads_found += same
    print(
        f"{label}: {len(lines)} lines; of {found + missed} that ask, found {found / max(1, found + missed):.3f}; "
        f"of {found + wrong} found, asking {found / max(1, found + wrong):.3f}; "
        f"statements before the question found word for word {leads_found} of {leads}"
    )
    random.Random(0).shuffle(shown)
    for example in shown[:examples]:
        print(example)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--annomi", type=Path, help="an AnnoMI CSV whose therapist lines to measure too")
    parser.add_argument("--examples", type=int, default=0, help="lines wrongly found asking, to show")
    args = parser.parse_args()
    rows = [
        json.loads(row)
        for path in sorted(CORPUS.glob("*.jsonl"))
        for row in path.read_text(encoding="utf-8").splitlines()
        if row.strip()
    ]
    measure_as_written(rows)
    corpus = [row["text"] for row in rows]
    measure([line for line in corpus if re.search(r"[.?!]", line)], "corpus spoken", args.examples)
    if args.annomi:
        with args.annomi.open(encoding="utf-8", newline="") as handle:
            therapist = [
                row["utterance_text"] for row in csv.DictReader(handle) if row["interlocutor"] == "therapist"
            ]
        measure(therapist, "AnnoMI therapist lines", args.examples)


if __name__ == "__main__":
    main()
