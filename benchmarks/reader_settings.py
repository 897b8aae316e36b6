"""How the reader's fit settings read authors held out together. Prints figures; run by hand.

    python benchmarks/reader_settings.py [--without bf,bg,bh] [--with ay,be] [kept no-frame no-line-shape ...]

For each named variant of `simulator.reading.fit.Settings`, one fit on the fitting part without
authors s, t, u, v (four single-line voices) and ah, aj (two conversation authors), read on
them and on each never-fitted probe (`fit.PROBE_AUTHORS`): attractor macro-F1, form and focus accuracy;
then the held-out lines read behind eight lead-ins no fit puts in front of a line (`UNSEEN_LEAD_INS`):
how well, and how many attractors the lead-in changed. Every
choice of setting is made on these, inside the fitting part; the testing parts are read once,
by `benchmarks/reader.py`, on the fit that is kept. `--without` leaves fitting authors out as
well (`--without bf,bg,bh` with `no-frame` is the reader before the question frame), and `--with`
fits authors set aside as well (never the testing parts or a probe). Each fit takes a few minutes.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace

import numpy as np

from simulator.reading import fit

HELD_OUT = {"s, t, u, v": ("s", "t", "u", "v"), "ah, aj": ("ah", "aj")}
UNSEEN_LEAD_INS = (
    "Hmm. ",
    "Ah, ",
    "Sure. ",
    "Got it. ",
    "I see. ",
    "Right then, ",
    "OK then. ",
    "Yeah okay, ",
)
"""Lead-ins no fit ever puts in front of a line (`fit.LEAD_INS` are the fitted ones)."""
VARIANTS = {
    "kept": fit.Settings(),
    "no-frame": replace(fit.Settings(), frame=False),
    "no-line-shape": replace(fit.Settings(), line_shape=False),
    "turn-scope": replace(fit.Settings(), turn_scope=True),
    **{f"shape-held-{n}": replace(fit.Settings(), shape_penalty=float(n)) for n in (100, 1000, 10000)},
    **{f"hard-cases-x{n}": replace(fit.Settings(), hard_case_weight=float(n)) for n in (2, 4)},
    **{f"joined-{n}": replace(fit.Settings(), joined_share=n / 100) for n in (25, 50)},
    **{
        f"joined-attractor-{n}": replace(fit.Settings(), joined_share=n / 100, joined_in_form_focus=False)
        for n in (25, 50)
    },
    "shape-balanced": replace(fit.Settings(), shape_balanced=True),
    **{f"lead-ins-{n}": replace(fit.Settings(), lead_in_share=n / 100) for n in (25, 50, 100)},
    "contracted": replace(fit.Settings(), contract=True),
    "embeddings": replace(fit.Settings(), embeddings=1.0),  # needs `pip install wordllama`
}


def behind_lead_ins(fitted: fit.Fitted, group: list[fit.Record], settings: fit.Settings) -> str:
    """How the lines read behind lead-ins never fitted: the attractor macro-F1 over every lead-in
    put in front of every line (form other excepted, as `fit.with_lead_in_copies` does), and the
    share of attractors that differ from the same line's reading alone."""
    lines = [r for r in group if r["form"] != "other"]
    alone = fit.predict(fitted, lines, [fit.record_features(r, settings) for r in lines], settings)
    led = [
        {**r, "text": lead + str(r["text"])[:1].lower() + str(r["text"])[1:]}
        for lead in UNSEEN_LEAD_INS
        for r in lines
    ]
    behind = fit.predict(fitted, led, [fit.record_features(r, settings) for r in led], settings)
    flipped = np.mean(np.array(behind.attractors) != np.tile(alone.attractors, len(UNSEEN_LEAD_INS)))
    return (
        f"behind unseen lead-ins: attractor macro-F1 {fit.scores_of(behind)['attractor_f1']:.3f}"
        f" (alone {fit.scores_of(alone)['attractor_f1']:.3f}), attractor changed {flipped:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("variants", nargs="*", default=["kept"], metavar="VARIANT", help=", ".join(VARIANTS))
    parser.add_argument("--without", default="", help="fitting authors to leave out too, comma-separated")
    parser.add_argument(
        "--with", dest="adding", default="", help="authors set aside to fit too, comma-separated"
    )
    args = parser.parse_args()
    unknown = sorted(set(args.variants) - set(VARIANTS))
    if unknown:
        parser.error(f"unknown variant(s) {', '.join(unknown)}; known: {', '.join(VARIANTS)}")
    left_out = tuple(author for author in args.without.split(",") if author)
    added = tuple(author for author in args.adding.split(",") if author)
    never = {
        *fit.TEST_AUTHORS,
        *fit.CONVERSATION_TEST_AUTHORS,
        *fit.PRACTICE_TEST_AUTHORS,
        *fit.PROBE_AUTHORS,
    }
    if never.intersection(added):
        parser.error(f"--with: {', '.join(sorted(never.intersection(added)))} may never be fitted")
    held_out = tuple(author for group in HELD_OUT.values() for author in group)
    fitted_authors = [a for a in fit.FIT_AUTHORS if a not in left_out] + [
        a for a in added if a not in fit.FIT_AUTHORS
    ]
    records = fit.fitting_part(fitted_authors)
    groups = {
        **{name: [r for r in records if r["author"] in authors] for name, authors in HELD_OUT.items()},
        "practice": fit.load_corpus(authors=fit.PRACTICE_TEST_AUTHORS, team=False),
        **{f"probe {author}": fit.load_corpus(authors=(author,), team=False) for author in fit.PROBE_AUTHORS},
    }
    inside = [r for r in records if r["author"] not in held_out]
    print(
        f"fitted on {len(inside)} lines; left out besides the held-out authors: {', '.join(left_out) or 'none'};"
        f" added: {', '.join(added) or 'none'}"
    )
    for name in args.variants:
        settings = VARIANTS[name]
        started = time.perf_counter()
        fitted = fit.fit(inside, settings)
        for title, group in groups.items():
            rows = [fit.record_features(r, settings) for r in group]
            scores = fit.scores_of(fit.predict(fitted, group, rows, settings))
            print(
                f"  {name:14} {title:11} attractor macro-F1 {scores['attractor_f1']:.3f}"
                f"  form {scores['form_acc']:.3f}  focus {scores['focus_acc']:.3f}"
            )
        for title in HELD_OUT:
            print(f"  {name:14} {title:11} {behind_lead_ins(fitted, groups[title], settings)}")
        print(f"  ({time.perf_counter() - started:.0f} s, {len(fitted.vocabulary)} features)", flush=True)


if __name__ == "__main__":
    main()
