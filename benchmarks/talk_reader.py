"""How well coachee talk is read: the rules alone against the learned reader. Prints figures; run by hand.

    python benchmarks/talk_reader.py [--annomi ../shared/data/annomi-dev.csv] [--no-cv]

(i)  the probe authors td, th, tl and tp of `simulator/talk/corpus/` (never fitted), and leave-one-author-out
     inside the fitting part (each fitting author read by a fit on the others; needs the
     `[fit]` extra);
(ii) AnnoMI client utterances against the experts' client_talk_type, each after the
     therapist's line before it, as written and lower-cased without punctuation (read from the
     given path only, never copied).
Columns: `rules`, the rule reader alone (`talk_cues`); `shipped`, what the scorecard uses
(`simulator.talk.model.read`: the rules' change or sustain reading, else the learned model's,
with the coach's line before).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agreement import accuracy, annomi_with_line_before, macro_f1, per_class, print_confusion

from simulator.talk import model as talk_model
from simulator.talk.client_talk import talk_cues
from simulator.talk.fit import FIT_AUTHORS, PROBE_AUTHORS, load_corpus
from simulator.talk.model import TALKS

DEFAULT_ANNOMI = Path(__file__).resolve().parents[2] / "shared" / "data" / "annomi-dev.csv"

Reader = Callable[[str, str], str]
READERS: tuple[tuple[str, Reader], ...] = (
    ("rules", lambda text, after: talk_cues(text).talk),
    ("shipped", lambda text, after: talk_model.read(text, after).talk),
)


def report(
    title: str, items: Sequence[tuple[str, str, str]], readers: Sequence[tuple[str, Reader]] = READERS
) -> None:
    """`items`: (text, coach line before, gold talk)."""
    gold = [talk for _, _, talk in items]
    print(f"\n{title}: {len(items)} coachee lines")
    print(f"  {'':26}" + "".join(f"{name:>10}" for name, _ in readers))
    read = {name: [reader(text, after) for text, after, _ in items] for name, reader in readers}
    rows: dict[str, list[float]] = {}
    for name, _ in readers:
        said = read[name]
        rows.setdefault("accuracy", []).append(accuracy(gold, said))
        for talk, (precision, recall, _) in per_class(gold, said, TALKS).items():
            rows.setdefault(f"{talk} precision", []).append(precision)
            rows.setdefault(f"{talk} recall", []).append(recall)
        rows.setdefault("macro-F1", []).append(macro_f1(gold, said, TALKS))
    for name, values in rows.items():
        print(f"  {name:26}" + "".join(f"{value:>10.3f}" for value in values))
    for name, _ in readers:
        print(f"  confusion, {name} (rows: gold):")
        print_confusion(gold, read[name], TALKS)


def cross_validated() -> None:
    from simulator.talk.fit import fit
    from simulator.talk.model import TalkModel

    items, said = [], []
    for held_out in FIT_AUTHORS:
        weights, names = fit(load_corpus([a for a in FIT_AUTHORS if a != held_out]))
        model = TalkModel(weights, names)
        for record in load_corpus([held_out]):
            items.append((record["text"], record["previous_coach_line"], record["talk"]))
            said.append(talk_model.read_with(model, record["text"], record["previous_coach_line"]).talk)
    answers = {(text, after): talk for (text, after, _), talk in zip(items, said, strict=True)}
    report(
        f"(i) fitting part, each of {', '.join(FIT_AUTHORS)} read by a fit without it",
        items,
        (READERS[0], ("shipped", lambda text, after: answers[text, after])),
    )


def annomi(path: Path) -> list[tuple[str, str, str]]:
    """AnnoMI's client utterances the experts coded: (text, the therapist's line before, talk)."""
    return [
        (row["utterance_text"], before, row["client_talk_type"])
        for row, before in annomi_with_line_before(path, "client")
        if row["client_talk_type"] in TALKS
    ]


def dictated(text: str) -> str:
    return " ".join("".join(c if c.isalnum() or c in " '" else " " for c in text.lower()).split())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--annomi", type=Path, default=DEFAULT_ANNOMI, help="AnnoMI CSV (read, never copied)")
    parser.add_argument("--no-cv", action="store_true", help="skip the leave-one-author-out refits")
    args = parser.parse_args()
    probe = [(r["text"], r["previous_coach_line"], r["talk"]) for r in load_corpus(PROBE_AUTHORS)]
    report(f"(i) probe {', '.join(PROBE_AUTHORS)} (never fitted)", probe)
    if not args.no_cv:
        cross_validated()
    if args.annomi.exists():
        items = annomi(args.annomi)
        report(f"(ii) AnnoMI client utterances, as written, from {args.annomi}", items)
        report(
            "(ii) the same, lower-case without punctuation",
            [(dictated(t), dictated(a), g) for t, a, g in items],
        )
    else:
        print(f"\nAnnoMI not found at {args.annomi}: skipping it (pass --annomi PATH)")


if __name__ == "__main__":
    main()
