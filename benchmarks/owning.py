"""Does the coachee hear a trainee own a bad start, and only that? Prints figures; run by hand.

    python benchmarks/owning.py [--show]

Lines a manager might say just after opening a one-to-one badly, each labelled `owns` (the
manager takes responsibility for how they opened: "Hang on. I started that badly, and I'm
sorry", "Right, I've gone about this arse over elbow") or not (condolence, "I'm sorry you feel
that way", "Sorry, but the notes still have to be done", "Sorry I'm late", a question about what
went wrong elsewhere). Two sets, each written by its own writer to its own brief without seeing
the patterns (`presumptions.owns_a_bad_start`, the `apology` presumption's words):
`widened_on.jsonl`, whose misses the patterns were then widened on, and `held_out.jsonl`, kept
aside and never tuned on.

For each set it prints how many lines of each kind the patterns find, and how many are heard as
owning the bad start (`repair.owned`) when said to the default persona made defensive by a sure
NEA move: the patterns, the rupture and the reader together (what follows a "but", read surely
as NEA, takes the apology back). `--show` lists the lines each gets wrong.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from simulator.engine.presumptions import owns_a_bad_start
from simulator.engine.session import Session
from simulator.scenario import catalogue
from simulator.vocabulary import Attractor, Focus, Form, Move, State

FOLDER = Path(__file__).parent / "owning"
SETS = ("widened_on", "held_out")
OPENING = "Your notes are late again and it's not good enough."


def owns_it(session: Session, line: str) -> bool:
    """Whether the line, said now, is heard as owning the rupture."""
    return "repair.owned" in session.say(line).rules


def ruptured(scenario_id: str) -> Session:
    """The persona made defensive by sure NEA moves: a rupture to own."""
    session = Session(catalogue.load(scenario_id).scenario, seed=0)
    while session.state is not State.DEFENSIVE:
        session.play(Move(Form.CONFRONT, Focus.DEFICIT, Attractor.NEA, confidence=1.0), OPENING)
    return session


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--show", action="store_true", help="list the lines each set gets wrong")
    args = parser.parse_args()
    for name in SETS:
        rows = [
            json.loads(line) for line in (FOLDER / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        ]
        found = [owns_a_bad_start(row["text"]) for row in rows]
        heard_owning = [owns_it(ruptured(catalogue.DEFAULT_SCENARIO), row["text"]) for row in rows]
        owning = [row["owns"] for row in rows]
        print(f"{name}: {len(rows)} lines, {sum(owning)} owning a bad start")
        for label, heard in (
            ("the patterns find", found),
            ("said to a defensive coachee, owns it", heard_owning),
        ):
            hits = sum(h and o for h, o in zip(heard, owning, strict=True))
            false = sum(h and not o for h, o in zip(heard, owning, strict=True))
            print(
                f"  {label:38} {hits:3} of {sum(owning)} owning lines; "
                f"{false:3} of {len(rows) - sum(owning)} that own nothing"
            )
        if args.show:
            for row, heard in zip(rows, heard_owning, strict=True):
                if heard != row["owns"]:
                    print(f"    {'missed' if row['owns'] else 'wrongly'}: {row['text']}")


if __name__ == "__main__":
    main()
