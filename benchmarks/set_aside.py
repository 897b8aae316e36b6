"""Does a line that sets a sore subject aside spare the coachee's hot button, and does pressing it still sting? Prints figures; run by hand.

    python benchmarks/set_aside.py [--show]

Lines a manager might say naming one of a bundled persona's hot-button words (`hot_buttons:` in
its scenario), each labelled by how it uses the word: `set_aside` ("Forget the audit for now, how
are you?", "That's a job for next week"), `pressing` (the word as the problem, an order or a
deadline, half of them in the same words of time and deferral said coldly: "no more putting the
portfolio off, it's today") or `raised` (brought up kindly, not set aside). Three sets, each
written by its own writer to its own brief without seeing the rule (`simulator.reading.set_aside.puts_aside`):
`widened_on.jsonl`, whose misses the rule's phrasings were then widened on; `held_out.jsonl`,
never tuned on, whose misses showed the shape no phrasing covers (the subject named in passing
before a question about something else, `simulator.engine.coachee`); and `held_out_2.jsonl`,
written after that rule (60 set aside, 30 pressing, 30 raised kindly), on whose three raised
misses "happened" joined the words that refer back (`set_aside.REFERS_BACK`); and
`held_out_3.jsonl`, written to the same brief after the prepositions and phrases that put a
subject aside ("apart from", "if you strip away", "off the table", "will still be there next
week") joined the rule, to measure them. Each line is read by the reader, and the figure is how many of
each kind hit a button (`coachee.hot_button_hit`): set-aside lines should not, pressing lines
should. `--show` lists the set-aside lines that still hit and the pressing lines that do not.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from simulator.engine.coachee import hot_button_hit
from simulator.reading.moves import classify
from simulator.scenario import catalogue

FOLDER = Path(__file__).parent / "set_aside"
SETS = ("widened_on", "held_out", "held_out_2", "held_out_3")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--show", action="store_true", help="list the lines each set gets wrong")
    args = parser.parse_args()
    personas = {loaded.scenario.id: loaded.scenario.coachee for loaded in catalogue.load_bundled()}
    for name in SETS:
        rows = [
            json.loads(line) for line in (FOLDER / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        hit: Counter[str] = Counter()
        total: Counter[str] = Counter()
        wrong = []
        for row in rows:
            hits = hot_button_hit(classify(row["text"]), row["text"], personas[row["scenario"]]) is not None
            total[row["kind"]] += 1
            hit[row["kind"]] += hits
            if hits == (row["kind"] == "set_aside") and row["kind"] != "raised":
                wrong.append(f"    {row['kind']:9} {row['scenario']:26} {row['text']}")
        figures = ", ".join(f"{kind} {hit[kind]} of {total[kind]} hit" for kind in sorted(total))
        print(f"{name}: {figures}")
        if args.show:
            print("\n".join(wrong))


if __name__ == "__main__":
    main()
