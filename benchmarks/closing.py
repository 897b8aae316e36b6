"""How well a meeting's close is heard: the `parting` patterns, the fitted reader, and both. Prints figures.

    python benchmarks/closing.py [--cv]

(i)  the corpus's probes (`simulator.engine.closing_fit.PROBE_AUTHORS`, never fitted): closings found and
     other lines taken for one, typed as written and dictated (lower case, no marks);
(ii) the verdict's written conversations (`benchmarks/conversations/*/`, none of them fitted): the
     last trainee line of each conversation of eight lines or more, most often a close; its lines
     from the fifth to the middle, nearly never one (from the fifth: the patterns grant nothing
     before it); and its lines from the middle to the last but two, seldom one. How many of each
     were heard as closing the meeting, typed and dictated. The reader is asked only once a plan
     or step has been talked of, as in a session: here, once an earlier line of the conversation
     reads surely as about a plan. `CLOSING_FROM` and that gate were chosen on the sets tuning and
     probe to probe5 (`CHOSEN_ON`), reported apart from the rest;
(iii) with `--cv` (needs the `[fit]` extra), each fitting author read by a fit on the others.

A close heard is answered from the persona's `pools: parting:`; one heard mid-meeting has the
coachee say goodbye while the trainee goes on, so the middle lines count most.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path

import yaml

from simulator.engine.closing_fit import CLOSING, FIT_AUTHORS, L2, PROBE_AUTHORS, cross_validate, load_corpus
from simulator.engine.presumptions import Grants, _by_id, wraps_up_by_patterns
from simulator.reading.moves import classify, classify_many
from simulator.vocabulary import Context, Focus

HERE = Path(__file__).parent
FIRST_PATTERN_LINE = 4  # lines said before a line the `parting` patterns may grant (`not_before`)
CHOSEN_ON = ("tuning", "probe", "probe2", "probe3", "probe4", "probe5")

Detector = Callable[[str, int, bool], bool]
Said = tuple[str, int, bool]  # a line, the lines said before it, whether a plan was talked of before it


def by_patterns(line: str, lines_before: int, plan_made: bool) -> bool:
    """The `parting` patterns alone, as the session applies them."""
    return wraps_up_by_patterns(line, classify(line), lines_before)


def by_reader(line: str, lines_before: int, plan_made: bool) -> bool:
    """The fitted reader alone, as the session asks it (`granted_when_closing`)."""
    grants = Grants(line, classify(line), lines_before, plan_made)
    return any(grants._grants(p) for p in _by_id()["parting"] if p.granted_when_closing)


def by_both(line: str, lines_before: int, plan_made: bool) -> bool:
    return by_patterns(line, lines_before, plan_made) or by_reader(line, lines_before, plan_made)


DETECTORS: dict[str, Detector] = {"patterns": by_patterns, "reader": by_reader, "both": by_both}


def dictated(line: str) -> str:
    return re.sub(r"[^\w\s']", "", line.lower())


def written_conversations(chosen_on: bool) -> tuple[list[Said], list[Said], list[Said]]:
    """Each conversation's last line, its lines from the fifth to the middle, and from the middle
    to the last but two, of the sets `CHOSEN_ON` or of the others."""
    last: list[Said] = []
    middle: list[Said] = []
    late: list[Said] = []
    for path in sorted((HERE / "conversations").glob("*/*.yaml")):
        if (path.parent.name in CHOSEN_ON) != chosen_on:
            continue
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(document, dict) or "conversations" not in document:
            continue
        for conversation in document["conversations"]:
            lines = conversation["lines"]
            if len(lines) < 8:
                continue
            moves = classify_many(lines, [Context()] * len(lines))
            plan = [False]
            for move in moves:
                plan.append(plan[-1] or (move.focus is Focus.PLAN and not move.is_unclear))
            said = [(line, n, plan[n]) for n, line in enumerate(lines)]
            last.append(said[-1])
            middle.extend(said[FIRST_PATTERN_LINE : len(lines) // 2])
            late.extend(said[len(lines) // 2 : -2])
    return last, middle, late


def report_probe() -> None:
    records = load_corpus(PROBE_AUTHORS)
    closings = [r["text"] for r in records if r["moment"] == CLOSING]
    others = [r["text"] for r in records if r["moment"] != CLOSING]
    print(
        f"(i) probes {', '.join(PROBE_AUTHORS)}: {len(closings)} closings, {len(others)} other lines, read late in a meeting"
    )
    for name, detect in DETECTORS.items():
        for shown, form in (("typed", str), ("dictated", dictated)):
            found = sum(detect(form(line), 10, True) for line in closings)
            mistaken = sum(detect(form(line), 10, True) for line in others)
            print(
                f"  {name:9} {shown:9} closings found {found:4}/{len(closings)}  other lines taken for one {mistaken:4}/{len(others)}"
            )


def report_conversations() -> None:
    for chosen_on in (True, False):
        last, middle, late = written_conversations(chosen_on)
        sets = ", ".join(CHOSEN_ON) if chosen_on else "every other set"
        print(
            f"(ii) written conversations, {sets}: {len(last)} last lines, {len(middle)} from the fifth to the middle, {len(late)} from the middle to the last but two"
        )
        for name, detect in DETECTORS.items():
            for shown, form in (("typed", str), ("dictated", dictated)):
                heard = [
                    sum(detect(form(line), n, plan) for line, n, plan in part)
                    for part in (last, middle, late)
                ]
                print(
                    f"  {name:9} {shown:9} heard closing: last lines {heard[0]:4}  fifth to middle {heard[1]:3}  middle to last but two {heard[2]:3}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--cv", action="store_true", help="also read each fitting author by a fit on the others"
    )
    args = parser.parse_args()
    report_probe()
    report_conversations()
    if args.cv:
        found, closings, mistaken, others = cross_validate(L2)
        print(
            f"(iii) fitting authors {', '.join(FIT_AUTHORS)}, each by a fit on the others: closings found {found}/{closings}, other lines taken for one {mistaken}/{others}"
        )


if __name__ == "__main__":
    main()
