"""How often the reader's readings are right, by how sure it is. Prints figures; run by hand.

    python benchmarks/calibration.py        # needs the fitting extra: pip install -e '.[fit]'

One fit on the fitting part without six of its authors (s, t, u, v and the conversation authors
ah and aj), read on them: for each band of confidence, how many readings fall in it and the share
whose attractor is right, for all readings and for NEA readings alone. This is where the engine's
two thresholds come from (`simulator.vocabulary`): `UNCLEAR_BELOW`, where a reading stops being
more likely right than wrong, and `SURE_FROM`, where nine readings in ten are right. The testing
parts of the corpus are not read. About a minute and a half on two cores.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.reading.fit import Settings, fitting_part, validate
from simulator.vocabulary import SURE_FROM, UNCLEAR_BELOW

HELD_OUT = ("s", "t", "u", "v", "ah", "aj")
BANDS = (
    (0.0, 0.5),
    (0.5, 0.55),
    (0.55, 0.6),
    (0.6, 0.7),
    (0.7, 0.8),
    (0.8, 0.85),
    (0.85, 0.9),
    (0.9, 0.95),
    (0.95, 1.01),
)


def main() -> None:
    started = time.perf_counter()
    predictions = validate(fitting_part(), Settings(), held_out=HELD_OUT)
    gold = [str(record["attractor"]) for record in predictions.records]
    print(
        f"fitted without authors {', '.join(HELD_OUT)}, read on their {len(gold):,} lines "
        f"({time.perf_counter() - started:.0f} s)"
    )
    print(f"  {'confidence':<12} {'lines':>6} {'right':>7}   {'NEA readings':>12} {'right':>7}")
    for low, high in BANDS:
        band = [k for k, confidence in enumerate(predictions.confidence) if low <= confidence < high]
        nea = [k for k in band if predictions.attractors[k] == "NEA"]
        right = sum(gold[k] == predictions.attractors[k] for k in band)
        nea_right = sum(gold[k] == "NEA" for k in nea)
        print(
            f"  {low:.2f}-{min(high, 1.0):.2f}    {len(band):6d} {right / max(len(band), 1):7.1%}"
            f"   {len(nea):12d} {nea_right / max(len(nea), 1):7.1%}"
        )
    print(f"thresholds in use: unclear below {UNCLEAR_BELOW}, sure from {SURE_FROM}")


if __name__ == "__main__":
    main()
