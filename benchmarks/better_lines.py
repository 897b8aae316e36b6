"""Do the feedback's better lines fit their moments? Draws them for blind rating, then tallies. Prints figures.

    python benchmarks/better_lines.py sample FILE N [--seed S] [--set live|...|all] [--against OTHER.json [--changed]]
    python benchmarks/better_lines.py tally FILE RATINGS

`sample` plays every written conversation of the chosen set(s) (`benchmarks/conversations/`, seed
0, the persona's typical self, as the verdict scores them), scores it, and keeps each weak turn's
better line with the coachee's words it answers and the trainee's line it replaces. It writes N
moments drawn at random (seeded) to FILE as a JSON list for a rater (`id`, `coachee_said`,
`trainee_said`, `suggested_instead`; a moment with no line shows the advice instead) and the key
(which moment each id is, and which version said it) to FILE.key.json. With `--against
OTHER.json` (the moments `sample --dump` wrote from another version of the code) each moment is
shown twice, once per version, shuffled together, so a rater blind to which is which compares
them (`--changed`: only moments where the two versions' lines differ). `--dump OUT.json` writes
every moment of this version, for such a comparison later.

A rater (a person, or a helper with the rubric below and nothing else) writes RATINGS: a JSON
object from each id to {"rating": "good" | "poor" | "bad", "category": ..., "note": ...}.
`tally` prints the ratings by version and stage, and, for paired moments, how many the second
version said better, worse or as well.

The rubric given to raters: "good", a line a coach educator would happily model at that moment
(it fits what the coachee just said, is natural spoken English, and is compassion-led); "poor",
acceptable but weak (generic, slightly awkward, or not the best move then), and advice with no
line; "bad", wrong for the moment or broken (garbled, answers something not said, takes sarcasm or
a complaint about the trainee at face value, ignores an obvious feeling or a direct question).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml
from coachee_fit import SETS  # run as a script: its own folder is importable

from scoring.scorecard import score_practice
from simulator.engine.session import typical_personality
from simulator.scenario import catalogue
from simulator.trainer.rehearsal import play

HERE = Path(__file__).resolve().parent / "conversations"
SCORES = {"good": 2, "poor": 1, "bad": 0}


def moments(which: str) -> list[dict[str, str]]:
    """Every weak turn's better line in the written conversations of `which` ("all": every set)."""
    found = []
    for name in SETS if which == "all" else (which,):
        for path in sorted((HERE / name).glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            scenario = catalogue.load(str(data["scenario"])).scenario
            for number, conversation in enumerate(data["conversations"]):
                lines = conversation["lines"]
                played = scenario  # a written conversation longer than the turn limit is played whole
                if len(lines) > scenario.turn_limit:
                    played = scenario.model_copy(update={"turn_limit": len(lines)})
                session = play(played, lines, 0, typical_personality(played))
                for turn in score_practice(played, session.turns).turns:
                    if turn.better is None:
                        continue
                    said = turn.better.example or f"(no line: {turn.better.why})"
                    found.append(
                        {
                            "moment": f"{name}/{path.name}/{number}/{turn.n}",
                            "coachee_said": turn.answered,
                            "trainee_said": turn.trainee,
                            "suggested_instead": said,
                            "stage": turn.better.move,
                        }
                    )
    return found


def sample(args: argparse.Namespace) -> None:
    ours = {m["moment"]: m for m in moments(args.set)}
    if args.dump:
        Path(args.dump).write_text(json.dumps(list(ours.values()), indent=1), encoding="utf-8")
    versions: dict[str, dict[str, dict[str, str]]] = {"this": ours}
    if args.against:
        other = {m["moment"]: m for m in json.loads(Path(args.against).read_text(encoding="utf-8"))}
        versions = {"other": other, "this": ours}
    shared = sorted(set.intersection(*(set(v) for v in versions.values())))
    if args.against:
        differ = [m for m in shared if other[m]["suggested_instead"] != ours[m]["suggested_instead"]]
        print(f"{len(differ)} of {len(shared)} shared moments have a different line in this version")
        if args.changed:
            shared = differ
    rng = random.Random(args.seed)
    chosen = rng.sample(shared, min(args.n, len(shared)))
    items = [(moment, version) for moment in chosen for version in versions]
    rng.shuffle(items)
    shown, key = [], {}
    for number, (moment, version) in enumerate(items):
        m = versions[version][moment]
        shown.append(
            {"id": number, **{k: m[k] for k in ("coachee_said", "trainee_said", "suggested_instead")}}
        )
        key[str(number)] = {"moment": moment, "version": version, "stage": m["stage"]}
    Path(args.file).write_text(json.dumps(shown, indent=1), encoding="utf-8")
    Path(f"{args.file}.key.json").write_text(json.dumps(key, indent=1), encoding="utf-8")
    print(f"{len(shown)} items for rating in {args.file}; key in {args.file}.key.json ({len(ours)} moments)")


def tally(args: argparse.Namespace) -> None:
    key: dict[str, dict[str, str]] = json.loads(Path(f"{args.file}.key.json").read_text(encoding="utf-8"))
    ratings: dict[str, dict[str, Any]] = json.loads(Path(args.ratings).read_text(encoding="utf-8"))
    by_version: dict[str, Counter[str]] = defaultdict(Counter)
    by_stage: dict[str, Counter[str]] = defaultdict(Counter)
    paired: dict[str, dict[str, str]] = defaultdict(dict)
    for number, entry in key.items():
        rating = ratings[number]["rating"]
        by_version[entry["version"]][rating] += 1
        if entry["version"] == "this":
            by_stage[entry["stage"]][rating] += 1
        paired[entry["moment"]][entry["version"]] = rating
    for version, counts in by_version.items():
        print(f"{version:<6} " + "  ".join(f"{r} {counts[r]}" for r in SCORES))
    for name, counts in sorted(by_stage.items(), key=lambda item: -sum(item[1].values())):
        print(f"  {name:<50} " + "  ".join(f"{r} {counts[r]}" for r in SCORES))
    both = [p for p in paired.values() if len(p) == 2]
    if both:
        better = sum(SCORES[p["this"]] > SCORES[p["other"]] for p in both)
        worse = sum(SCORES[p["this"]] < SCORES[p["other"]] for p in both)
        print(
            f"paired moments {len(both)}: this version better {better}, worse {worse}, as well {len(both) - better - worse}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("sample", help="draw moments for blind rating")
    drawing.add_argument("file")
    drawing.add_argument("n", type=int)
    drawing.add_argument("--seed", type=int, default=0)
    drawing.add_argument("--set", default="all", choices=[*SETS, "all"])
    drawing.add_argument("--against", help="moments dumped from another version, shown beside these")
    drawing.add_argument("--dump", help="write every moment of this version here")
    drawing.add_argument(
        "--changed", action="store_true", help="with --against: only moments whose line differs"
    )
    counting = commands.add_parser("tally", help="count a rater's ratings")
    counting.add_argument("file")
    counting.add_argument("ratings")
    args = parser.parse_args()
    sample(args) if args.command == "sample" else tally(args)


if __name__ == "__main__":
    main()
