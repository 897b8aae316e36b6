"""How a written conversation scores when every line is read right. Prints figures; run by hand.

    python benchmarks/hand_read.py [--seeds 3]

Plays each conversation listed in `benchmarks/conversations/hand_read.yaml` twice per seed: once
as the practice app does (the reader reads every line), once with the readings given by hand
(each line's form and focus; the attractor from `attractor_of`, fully sure). Where the two
differ, the difference is the reader's: the persona and the scorecard are the same. Prints the
overall, band and final state of each, and the lines the reader read otherwise.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from simulator.engine.session import Session
from simulator.reading.moves import attractor_of
from simulator.scenario import catalogue
from simulator.trainer.rehearsal import score_session
from simulator.vocabulary import Focus, Form, Move

HERE = Path(__file__).resolve().parent / "conversations"


def conversation_lines(set_name: str, scenario_id: str, title: str) -> list[str]:
    """The trainee lines of one written conversation, found by its set, persona and title."""
    data = yaml.safe_load((HERE / set_name / f"{scenario_id}.yaml").read_text(encoding="utf-8"))
    return next(c["lines"] for c in data["conversations"] if c["title"].startswith(title))


def played(session: Session, lines: list[str], moves: list[str] | None) -> list[tuple[str, str]]:
    """Play the lines (by hand-given moves when given); return each line's reading as form/focus."""
    readings = []
    for number, line in enumerate(lines):
        if session.is_over:
            break
        if moves is None:
            turn = session.say(line)
        else:
            form, focus = (part.strip() for part in moves[number].split("/"))
            move_form, move_focus = Form(form), Focus(focus)
            move = Move(
                move_form, move_focus, attractor_of(move_form, move_focus, session.context()), ("by hand",)
            )
            turn = session.play(move, line)
        readings.append((line, f"{turn.move.form.value}/{turn.move.focus.value}"))
    return readings


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    for entry in yaml.safe_load((HERE / "hand_read.yaml").read_text(encoding="utf-8")):
        scenario = catalogue.load(entry["scenario"]).scenario
        lines = conversation_lines(entry["set"], entry["scenario"], entry["title"])
        moves = entry["moves"]
        if len(moves) != len(lines):
            raise SystemExit(f"{entry['title']}: {len(moves)} readings for {len(lines)} lines")
        print(f"== {entry['scenario']}: {entry['title']}")
        for seed in range(args.seeds):
            results = []
            for by_hand in (False, True):
                session = Session(scenario, seed)
                played(session, lines, moves if by_hand else None)
                card = score_session(session)
                results.append(f"{card.overall:5.1f} {card.band.value:<15} ends {session.state.value:<10}")
            print(f"  seed {seed}: read {results[0]}  by hand {results[1]}")
        reader = played(Session(scenario, 0), lines, None)
        missed = [
            (line, read, hand) for (line, read), hand in zip(reader, moves, strict=False) if read != hand
        ]
        print(f"  the reader read {len(missed)} of {len(lines)} lines otherwise (seed 0):")
        for line, read, hand in missed:
            print(f"    {read:<28} by hand {hand:<26} {line[:70]}")


if __name__ == "__main__":
    main()
