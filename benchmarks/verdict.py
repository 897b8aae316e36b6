"""Does the verdict rank conversations as a coach educator would, and hold still across seeds? Prints figures; run by hand.

    python benchmarks/verdict.py                          # the tuning conversations, seeds 0-4
    python benchmarks/verdict.py --set held_out           # conversations kept aside for testing
    python benchmarks/verdict.py --set all                # every set, one process per core, then totals
    python benchmarks/verdict.py --set all --dictated     # every line lower-cased, without punctuation
    python benchmarks/verdict.py --annomi ../shared/data/annomi-dev.csv

Conversations live in `benchmarks/conversations/<set>/*.yaml`: a `scenario` id and
`conversations: [{style, title, lines}]`, in five styles: textbook, warm_deficit, blunt, repair
and gaming. For every persona it prints each conversation's overall, band and completeness over
the seeds, then checks what a coach educator expects:

- every textbook conversation is compassion-led; every warm-deficit and blunt one compliance-led;
- the order textbook > repair > warm-deficit and blunt holds (the lowest of one style above the
  highest of the next);
- no gaming conversation is compassion-led or scores above the lowest textbook one;
- the same lines with another seed give the same band and an overall within 5 points.

Each set ends with how much of each style the reader read as NEA (seed 0; each such line by its
certainty, `Move.certainty`, per line played): in textbook conversations, warm lines misread.

With `--why`, each unstable conversation also shows how many of its lines read differently
under another seed and the measures that moved its overall most, and the set ends with a tally.

With `--annomi`, every AnnoMI session is scored as an external transcript (therapist = coach,
client = coachee): the AUC of `overall` for high vs low quality, of length alone, and within
length-matched pairs; then again with every line lower-cased and stripped of punctuation, as a
speech-to-text transcript would be. The data is read from the given path only.

With `--dictated`, every trainee line is played as speech-to-text writes it (lower case, no
punctuation), and the same expectations are checked: a verdict should not turn on the marks.

How fast scoring is, `benchmarks/score_speed.py` measures.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import re
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from scoring.external import Utterance, facts_from_utterances
from scoring.scorecard import Scorecard, score_facts
from simulator.engine.session import Session
from simulator.scenario import catalogue
from simulator.scenario.model import Scenario
from simulator.scenario.rubric import Rubric
from simulator.shell.workers import worker_count
from simulator.trainer.rehearsal import play, score_session
from simulator.vocabulary import Attractor

HERE = Path(__file__).resolve().parent
STYLES = ("textbook", "repair", "warm_deficit", "blunt", "gaming")
STABLE_WITHIN = 5.0


def load_set(name: str) -> list[tuple[str, list[dict[str, object]]]]:
    """Every (scenario id, conversations) of a conversation set."""
    found = []
    for path in sorted((HERE / "conversations" / name).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found.append((data["scenario"], data["conversations"]))
    return found


@cache
def scenario_for(scenario_id: str, turns: int) -> Scenario:
    """The persona with room for `turns` lines. One copy per length, not per conversation: the
    indexes the engine and the scorecard build on a scenario are then built once."""
    scenario = catalogue.load(scenario_id).scenario
    if turns > scenario.turn_limit:
        scenario = scenario.model_copy(update={"turn_limit": turns})
    return scenario


def play_lines(scenario_id: str, lines: list[str], seed: int) -> Session:
    return play(scenario_for(scenario_id, len(lines)), lines, seed)


def score_lines(scenario_id: str, lines: list[str], seed: int) -> Scorecard:
    return score_session(play_lines(scenario_id, lines, seed))


def movers(cards: list[Scorecard]) -> list[tuple[float, str]]:
    """The measures whose scores differ across the seeds' cards, by how far they move the overall
    (score spread times weight), strongest first; a measure that applies under some seeds only
    counts its highest score times its weight, as if it were 0 where it does not apply (at most)."""
    weights = Rubric().weights
    moved = []
    for key in [measure.key for measure in cards[0].measures]:
        scores = [card.measure(key).score for card in cards]
        known = [score for score in scores if score is not None]
        if len(known) < len(scores):
            if known:
                spread = max(known) * weights.of(key)
                moved.append((spread, f"{key.value} (applies under some seeds only)"))
        elif max(known) - min(known) > 0.005:
            spread = (max(known) - min(known)) * weights.of(key)
            moved.append((spread, f"{key.value} {min(known):.2f}-{max(known):.2f}"))
    return sorted(moved, reverse=True)


def readings_differ(sessions: list[Session]) -> tuple[int, int]:
    """Of the turns all seeds' sessions reached: how many, and on how many the line read differently."""
    reached = min(len(session.turns) for session in sessions)
    differ = sum(
        len({(s.turns[k].move.form, s.turns[k].move.focus, s.turns[k].move.attractor) for s in sessions}) > 1
        for k in range(reached)
    )
    return reached, differ


@dataclass(frozen=True)
class SetSummary:
    """What one set's report adds up to (for `--set all`'s totals)."""

    conversations: int
    unstable: int
    missed: int
    textbooks: int
    textbooks_compassion_led: int
    gaming_highest: float


def report_set(name: str, seeds: int, why: bool = False, dictated: bool = False) -> SetSummary:
    failures: list[str] = []
    textbooks = textbooks_led = 0
    gaming_highest = 0.0
    unstable = 0
    total = 0
    blamed: Counter[str] = Counter()
    turns_compared = turns_differing = 0
    nea_weight: Counter[str] = Counter()  # per style, seed 0: NEA readings, each by its certainty
    lines_read: Counter[str] = Counter()
    for scenario_id, conversations in load_set(name):
        print(f"\n== {scenario_id}")
        by_style: dict[str, list[tuple[str, list[float]]]] = defaultdict(list)
        for conversation in conversations:
            style, title = str(conversation["style"]), str(conversation["title"])
            lines = [str(line) for line in conversation["lines"]]  # type: ignore[attr-defined]
            if dictated:
                lines = [_spoken(line) or line for line in lines]
            sessions = [play_lines(scenario_id, lines, seed) for seed in range(seeds)]
            cards = [score_session(session) for session in sessions]
            overalls = [card.overall for card in cards]
            bands = {card.band.value for card in cards}
            spread = max(overalls) - min(overalls)
            total += 1
            stable = len(bands) == 1 and spread <= STABLE_WITHIN
            unstable += not stable
            first = cards[0]
            lines_read[style] += len(sessions[0].turns)
            nea_weight[style] += sum(
                turn.move.certainty for turn in sessions[0].turns if turn.move.attractor is Attractor.NEA
            )
            print(
                f"  {style:<12} {first.overall:5.1f} {first.band.value:<15} "
                f"{'complete' if first.complete else 'incomplete':<10} "
                f"seeds {min(overalls):5.1f}-{max(overalls):5.1f}{'' if stable else '  UNSTABLE'}  {title}"
            )
            by_style[style].append((title, overalls))
            if why:
                reached, differ = readings_differ(sessions)
                turns_compared, turns_differing = turns_compared + reached, turns_differing + differ
                if not stable:
                    top = movers(cards)[:3]
                    blamed.update(label.split(" ")[0] for _, label in top)
                    print(
                        f"{'':20}{differ} of {reached} lines read differently; moved most: {'; '.join(label for _, label in top)}"
                    )
            if style == "textbook":
                textbooks += 1
                if bands == {"compassion-led"}:
                    textbooks_led += 1
                else:
                    failures.append(f"{scenario_id}: textbook '{title}' is {sorted(bands)}")
            if style == "gaming":
                gaming_highest = max(gaming_highest, *overalls)
            if style in ("warm_deficit", "blunt") and bands != {"compliance-led"}:
                failures.append(f"{scenario_id}: {style} '{title}' is {sorted(bands)}")
            if style == "gaming" and "compassion-led" in bands:
                failures.append(f"{scenario_id}: gaming '{title}' is compassion-led")
        lowest = {style: min((min(o) for _, o in by_style[style]), default=None) for style in STYLES}
        highest = {style: max((max(o) for _, o in by_style[style]), default=None) for style in STYLES}
        worst = max((v for v in (highest["warm_deficit"], highest["blunt"]) if v is not None), default=None)
        if (
            lowest["textbook"] is not None
            and highest["repair"] is not None
            and lowest["textbook"] <= highest["repair"]
        ):
            failures.append(
                f"{scenario_id}: textbook {lowest['textbook']} not above repair {highest['repair']}"
            )
        if lowest["repair"] is not None and worst is not None and lowest["repair"] <= worst:
            failures.append(f"{scenario_id}: repair {lowest['repair']} not above warm-deficit/blunt {worst}")
        if (
            highest["gaming"] is not None
            and lowest["textbook"] is not None
            and highest["gaming"] >= lowest["textbook"]
        ):
            failures.append(
                f"{scenario_id}: gaming {highest['gaming']} not below textbook {lowest['textbook']}"
            )
    print(
        f"\n{name}: {total} conversations over {seeds} seeds; unstable (band changes or spread > {STABLE_WITHIN:g}): {unstable}"
    )
    print(f"expectations missed: {len(failures)}")
    for failure in failures:
        print(f"  - {failure}")
    # What the reader does to a conversation: a textbook line read as NEA is almost always a warm
    # line misread, and it moves the coachee and the scorecard as a cold one would.
    print(
        "lines read as NEA, each by its certainty, per line (seed 0): "
        + ", ".join(
            f"{style} {nea_weight[style] / lines_read[style]:.3f}" for style in STYLES if lines_read[style]
        )
    )
    if why:
        share = turns_differing / max(turns_compared, 1)
        print(
            f"why unstable: {turns_differing} of {turns_compared} lines ({share:.1%}) read differently under another seed;"
            f" the measures that moved most in unstable conversations (times in a top three): "
            + ", ".join(f"{key} {count}" for key, count in blamed.most_common())
        )
    return SetSummary(total, unstable, len(failures), textbooks, textbooks_led, gaming_highest)


def set_names() -> list[str]:
    """Every conversation set under benchmarks/conversations/, in name order."""
    return sorted(path.name for path in (HERE / "conversations").iterdir() if path.is_dir())


def _report_quietly(name: str, seeds: int, why: bool, dictated: bool) -> tuple[str, SetSummary]:
    # In a worker process: the report is printed by the parent, in set order, not interleaved.
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        summary = report_set(name, seeds, why, dictated)
    return printed.getvalue(), summary


def report_all(seeds: int, why: bool = False, dictated: bool = False) -> None:
    """Every set (one process per core), each reported as `--set` would, then the totals."""
    names = set_names()
    count = len(names)
    with ProcessPoolExecutor(max_workers=worker_count()) as pool:
        done = list(pool.map(_report_quietly, names, [seeds] * count, [why] * count, [dictated] * count))
    for name, (printed, _) in zip(names, done, strict=True):
        print(f"\n########## {name}{printed}")
    summaries = [summary for _, summary in done]
    print(
        f"\nall {len(names)} sets ({', '.join(names)}), {seeds} seeds each{', dictated' if dictated else ''}: "
        f"{sum(s.conversations for s in summaries)} conversations, "
        f"expectations missed {sum(s.missed for s in summaries)}, "
        f"unstable {sum(s.unstable for s in summaries)}, "
        f"textbooks compassion-led {sum(s.textbooks_compassion_led for s in summaries)} of "
        f"{sum(s.textbooks for s in summaries)}, "
        f"highest gaming {max(s.gaming_highest for s in summaries):.1f}"
    )


def auc(positives: list[float], negatives: list[float]) -> float:
    """The probability that a random positive outranks a random negative (ties count half)."""
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def _spoken(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9' ]+", " ", text.lower())).strip()


def report_annomi(path: Path) -> None:
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            grouped[row["transcript_id"]].append(row)
    for label, transform in (("as written", lambda text: text), ("lower-case, no punctuation", _spoken)):
        scored = []
        started = time.perf_counter()
        for transcript_id, rows in grouped.items():
            rows.sort(key=lambda row: int(row["utterance_id"]))
            utterances = [
                Utterance(
                    "coach" if row["interlocutor"] == "therapist" else "coachee",
                    transform(row["utterance_text"]),
                    i,
                )
                for i, row in enumerate(rows, start=1)
            ]
            if not any(u.role == "coach" for u in utterances):
                continue
            card = score_facts(facts_from_utterances(utterances, transcript_id))
            scored.append((rows[0]["mi_quality"], card.overall, len(utterances), card))
        elapsed = time.perf_counter() - started
        high = [s for s in scored if s[0] == "high"]
        low = [s for s in scored if s[0] == "low"]
        pairs, unused = [], list(high)
        for low_session in sorted(low, key=lambda s: s[2]):
            match = min(unused, key=lambda s: abs(s[2] - low_session[2]))
            unused.remove(match)
            pairs.append((match, low_session))
        within = sum((h[1] > lo[1]) + 0.5 * (h[1] == lo[1]) for h, lo in pairs) / len(pairs)
        length_within = sum((h[2] > lo[2]) + 0.5 * (h[2] == lo[2]) for h, lo in pairs) / len(pairs)
        print(f"\nAnnoMI, {label}: {len(high)} high and {len(low)} low sessions in {elapsed:.2f} s")
        print(f"  AUC overall, high vs low: {auc([s[1] for s in high], [s[1] for s in low]):.3f}")
        print(f"  AUC length alone:         {auc([s[2] for s in high], [s[2] for s in low]):.3f}")
        print(
            f"  {len(pairs)} length-matched pairs, high ranked first: overall {within:.3f}, length alone {length_within:.3f}"
        )
        for key in [m.key for m in scored[0][3].measures]:
            hs = [
                c.measure(key).score
                for q, _, _, c in scored
                if q == "high" and c.measure(key).score is not None
            ]
            ls = [
                c.measure(key).score
                for q, _, _, c in scored
                if q == "low" and c.measure(key).score is not None
            ]
            if hs and ls:
                print(f"    {key:<28} AUC {auc(hs, ls):.3f}")  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--set", default="tuning", help="the conversation set under benchmarks/conversations/, or 'all'"
    )
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--annomi", type=Path, help="an AnnoMI CSV to measure session-level quality on")
    parser.add_argument(
        "--dictated", action="store_true", help="play every line lower-cased, without punctuation"
    )
    parser.add_argument(
        "--why",
        action="store_true",
        help="for each unstable conversation, the measures that moved most across seeds, and how many lines read differently",
    )
    args = parser.parse_args()
    if args.annomi:
        report_annomi(args.annomi)
    elif args.set == "all":
        report_all(args.seeds, args.why, args.dictated)
    else:
        report_set(args.set, args.seeds, args.why, args.dictated)


if __name__ == "__main__":
    main()
