"""How the reader's fit settings read authors held out together. Prints figures; run by hand.

    python benchmarks/reader_settings.py [--without bf,bg,bh] [kept no-frame no-line-shape ...]

For each named variant of `simulator.reading.fit.Settings`, one fit on the fitting part without
authors s, t, u, v (four single-line voices) and ah, aj (two conversation authors), read on
them and on the never-fitted probe bi: attractor macro-F1, form and focus accuracy. Every
choice of setting is made on these, inside the fitting part; the testing parts are read once,
by `benchmarks/reader.py`, on the fit that is kept. `--without` leaves fitting authors out as
well (`--without bf,bg,bh` with `no-frame` is the reader before the question frame). Each fit
takes a few minutes.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace

from simulator.reading import fit

HELD_OUT = {"s, t, u, v": ("s", "t", "u", "v"), "ah, aj": ("ah", "aj")}
VARIANTS = {
    "kept": fit.Settings(),
    "no-frame": replace(fit.Settings(), frame=False),
    "no-line-shape": replace(fit.Settings(), line_shape=False),
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("variants", nargs="*", default=["kept"], metavar="VARIANT", help=", ".join(VARIANTS))
    parser.add_argument("--without", default="", help="fitting authors to leave out too, comma-separated")
    args = parser.parse_args()
    unknown = sorted(set(args.variants) - set(VARIANTS))
    if unknown:
        parser.error(f"unknown variant(s) {', '.join(unknown)}; known: {', '.join(VARIANTS)}")
    left_out = tuple(author for author in args.without.split(",") if author)
    held_out = tuple(author for group in HELD_OUT.values() for author in group)
    records = fit.load_corpus(authors=[a for a in fit.FIT_AUTHORS if a not in left_out], team=True)
    probe = fit.load_corpus(authors=fit.PROBE_AUTHORS, team=False)
    groups = {
        **{name: [r for r in records if r["author"] in authors] for name, authors in HELD_OUT.items()},
        "probe " + ", ".join(fit.PROBE_AUTHORS): probe,
    }
    inside = [r for r in records if r["author"] not in held_out]
    print(
        f"fitted on {len(inside)} lines; left out besides the held-out authors: {', '.join(left_out) or 'none'}"
    )
    for name in args.variants:
        settings = VARIANTS[name]
        started = time.perf_counter()
        fitted = fit.fit(inside, settings)
        for title, group in groups.items():
            rows = [fit.record_features(r, settings) for r in group]
            scores = fit.scores_of(fit.predict(fitted, group, rows, settings.attractor_weight))
            print(
                f"  {name:14} {title:11} attractor macro-F1 {scores['attractor_f1']:.3f}"
                f"  form {scores['form_acc']:.3f}  focus {scores['focus_acc']:.3f}"
            )
        print(f"  ({time.perf_counter() - started:.0f} s, {len(fitted.vocabulary)} features)", flush=True)


if __name__ == "__main__":
    main()
