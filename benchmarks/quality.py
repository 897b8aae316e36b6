"""Does `overall` separate high- from low-quality counselling sessions? Prints figures; run by hand.

    python benchmarks/quality.py [--annomi ../shared/data/annomi-dev.csv]

Every AnnoMI transcript in the file is scored as an external transcript (therapist =
coach, client = coachee). Printed: the AUC of `overall` for high vs low quality, the AUC
of transcript length alone, and the AUC within length-matched pairs (each low-quality
session paired with the high-quality session closest in length), so that a score that
merely rewards long sessions shows up. Then the reader of coachee language
(`simulator.talk.client_talk.read_talk`) is compared with the experts' `client_talk_type` on
every client utterance: accuracy, per-class precision/recall/F1, macro-F1 and the
confusion matrix. The data is read from the given path only.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from collections import defaultdict
from pathlib import Path

from scoring.external import Utterance, facts_from_utterances
from scoring.scorecard import score_facts
from simulator.talk.client_talk import read_talk

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


TALKS = ("change", "sustain", "neutral")


def print_talk_agreement(path: Path) -> None:
    """How often `read_talk` agrees with AnnoMI's expert client_talk_type, per class and overall."""
    confusion: dict[str, dict[str, int]] = {gold: dict.fromkeys(TALKS, 0) for gold in TALKS}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["interlocutor"] == "client" and row["client_talk_type"] in TALKS:
                confusion[row["client_talk_type"]][read_talk(row["utterance_text"])] += 1
    total = sum(sum(row.values()) for row in confusion.values())
    correct = sum(confusion[talk][talk] for talk in TALKS)
    print(f"coachee talk vs AnnoMI client_talk_type ({total} client utterances):")
    print(f"  accuracy {correct / total:.3f}")
    f1s = []
    for talk in TALKS:
        hits = confusion[talk][talk]
        predicted = sum(confusion[gold][talk] for gold in TALKS)
        actual = sum(confusion[talk].values())
        precision = hits / predicted if predicted else 0.0
        recall = hits / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        print(f"  {talk:<8} precision {precision:.2f}  recall {recall:.2f} ({hits}/{actual})  F1 {f1:.2f}")
    print(f"  macro-F1 {statistics.mean(f1s):.3f}")
    print("  confusion (rows: experts, columns: reader): " + " ".join(f"{t:>8}" for t in TALKS))
    for gold in TALKS:
        print(f"  {gold:>42} " + " ".join(f"{confusion[gold][t]:>8}" for t in TALKS))


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
