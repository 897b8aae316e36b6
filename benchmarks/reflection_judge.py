"""Does the reflection judge credit real reflections and only them? Prints figures; run by hand.

    python benchmarks/reflection_judge.py [--seed 0]

A reflection earns credit (`simulator.reading.reflection.reflection_fit`) only when it captures
what the coachee said. Every reflection in the labelled corpus was written as the reflection of
the coachee line stored beside it, by authors who never saw this judge. So:

- credited, in place: the share of those reflections judged to reflect the line they answer
  (higher is better: a real reflection denied its credit teaches the trainee nothing);
- credited, elsewhere: the share judged to reflect another coachee line of the same author,
  chosen at random (lower is better: that is credit for a line that reflects something else).

Both are printed for the fitting authors, the testing authors of the reader (`d`, `h`, `n`,
`ap`, `aq`), and by form, with how the judge filed the reflections in place.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

from simulator.reading import fit
from simulator.reading.reflection import reflection_fit

REFLECTIONS = ("simple_reflection", "complex_reflection")


def pairs(authors: tuple[str, ...], rng: random.Random) -> list[tuple[str, str, str, str]]:
    """(form, reflection, the coachee line it answers, another coachee line of the same author)."""
    found = []
    for author in authors:
        records = fit.load_corpus(authors=[author], team=False)
        said = sorted({r["previous_coachee_line"] for r in records if r.get("previous_coachee_line")})
        for record in records:
            answered = record.get("previous_coachee_line")
            if record["form"] not in REFLECTIONS or not answered or len(said) < 2:
                continue
            other = rng.choice([line for line in said if line != answered])
            found.append((record["form"], record["text"], answered, other))
    return found


def report(label: str, found: list[tuple[str, str, str, str]]) -> None:
    in_place = [reflection_fit(text, [answered]).echo for _, text, answered, _ in found]
    elsewhere = [reflection_fit(text, [other]).echo.reflects for _, text, _, other in found]
    credited = sum(echo.reflects for echo in in_place) / len(found)
    print(
        f"{label:<34} {len(found):>6}   credited in place {credited:.3f}   elsewhere {sum(elsewhere) / len(found):.3f}"
    )
    for form in REFLECTIONS:
        mine = [echo for (f, *_), echo in zip(found, in_place, strict=True) if f == form]
        if mine:
            print(
                f"  {form:<32} {len(mine):>6}   credited in place {sum(e.reflects for e in mine) / len(mine):.3f}"
            )
    filed = Counter(echo.value for echo in in_place)
    print(
        "  filed in place as: "
        + ", ".join(f"{name} {count / len(found):.0%}" for name, count in filed.most_common())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seed", type=int, default=0, help="which other coachee line each reflection is tried on"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    testing = (*fit.TEST_AUTHORS, *fit.CONVERSATION_TEST_AUTHORS)
    report("fitting authors", pairs(fit.FIT_AUTHORS, rng))
    report("testing authors (d, h, n, ap, aq)", pairs(testing, rng))


if __name__ == "__main__":
    main()
