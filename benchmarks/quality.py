"""Does `overall` separate high- from low-quality counselling sessions? Prints figures; run by hand.

    python benchmarks/quality.py [--annomi ../shared/data/annomi-dev.csv]

Every AnnoMI transcript in the file is scored as an external transcript (therapist =
coach, client = coachee). Printed: the AUC of `overall` for high vs low quality, the AUC
of transcript length alone, and the AUC within length-matched pairs (each low-quality
session paired with the high-quality session closest in length), so that a score that
merely rewards long sessions shows up. Then the readers of coachee language (the rules of
`simulator.talk.client_talk` and the learned `simulator.talk.model`) are compared with the
experts' `client_talk_type` on every client utterance: accuracy, per-class precision and
recall, macro-F1 and the confusion matrix. The data is read from the given path only.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from collections import defaultdict
from pathlib import Path

from talk_reader import annomi as annomi_client_turns
from talk_reader import report

from scoring.external import Utterance, facts_from_utterances
from scoring.scorecard import score_facts

DEFAULT_ANNOMI = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "annomi-dev.csv"


def auc(positives: list[float], negatives: list[float]) -> float:
    """The probability that a random positive outranks a random negative (ties count half)."""
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def load_sessions(path: Path) -> dict[str, tuple[str, list[Utterance]]]:
    sessions: dict[str, tuple[str, list[Utterance]]] = {}
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            grouped[row["transcript_id"]].append(row)
    for transcript_id, rows in grouped.items():
        rows.sort(key=lambda row: int(row["utterance_id"]))
        utterances = [
            Utterance(
                "coach" if row["interlocutor"] == "therapist" else "coachee", row["utterance_text"], index
            )
            for index, row in enumerate(rows, start=1)
        ]
        sessions[transcript_id] = (rows[0]["mi_quality"], utterances)
    return sessions


def print_talk_agreement(path: Path) -> None:
    """How often coachee talk is read as AnnoMI's experts coded it (client_talk_type), each
    utterance after the therapist's line before it: the rules alone and the learned reader the
    scorecard uses (`benchmarks/talk_reader.py` has the rest)."""
    report("coachee talk vs AnnoMI client_talk_type", annomi_client_turns(path))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--annomi", type=Path, default=DEFAULT_ANNOMI)
    args = parser.parse_args()
    sessions = load_sessions(args.annomi)
    started = time.perf_counter()
    scored = []
    for transcript_id, (quality, utterances) in sessions.items():
        if not any(u.role == "coach" for u in utterances):
            continue
        card = score_facts(facts_from_utterances(utterances, transcript_id))
        scored.append((quality, card.overall, len(utterances), card))
    elapsed = time.perf_counter() - started
    high = [s for s in scored if s[0] == "high"]
    low = [s for s in scored if s[0] == "low"]
    print(f"sessions scored: {len(scored)} ({len(high)} high, {len(low)} low) in {elapsed:.2f} s")
    print(f"AUC overall, high vs low:      {auc([s[1] for s in high], [s[1] for s in low]):.3f}")
    print(f"AUC length alone:              {auc([s[2] for s in high], [s[2] for s in low]):.3f}")
    pairs, unused = [], list(high)
    for low_session in sorted(low, key=lambda s: s[2]):
        match = min(unused, key=lambda s: abs(s[2] - low_session[2]))
        unused.remove(match)
        pairs.append((match, low_session))
    within = sum((h[1] > lo[1]) + 0.5 * (h[1] == lo[1]) for h, lo in pairs) / len(pairs)
    length_within = sum((h[2] > lo[2]) + 0.5 * (h[2] == lo[2]) for h, lo in pairs) / len(pairs)
    print(
        f"within {len(pairs)} length-matched pairs: overall ranks high first {within:.3f}; length alone {length_within:.3f}"
    )
    print(
        f"mean overall: high {statistics.mean(s[1] for s in high):.1f}, low {statistics.mean(s[1] for s in low):.1f}"
    )
    bands = defaultdict(lambda: defaultdict(int))
    for quality, _, _, card in scored:
        bands[quality][card.band.value] += 1
    for quality in ("high", "low"):
        print(f"bands for {quality}: {dict(bands[quality])}")
    keys = [m.key for m in scored[0][3].measures]
    print("per-measure AUC (score, high vs low; n/a excluded):")
    for key in keys:
        hs = [
            c.measure(key).score for q, _, _, c in scored if q == "high" and c.measure(key).score is not None
        ]
        ls = [
            c.measure(key).score for q, _, _, c in scored if q == "low" and c.measure(key).score is not None
        ]
        if hs and ls:
            print(f"  {key:<28} {auc(hs, ls):.3f}")
    print_talk_agreement(args.annomi)


if __name__ == "__main__":
    main()
