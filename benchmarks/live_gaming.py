"""Gaming strategies played live against every bundled persona: none should be compassion-led.

    python benchmarks/live_gaming.py [--seeds 3] [--generated 12] [--dictated]

The verdict's conversation sets (`benchmarks/verdict.py`) are written lines, fixed before the
coachee answers. A trainee gaming the scorecard answers the coachee mechanically instead: each
strategy (`simulator.trainer.gaming`) builds every line from the coachee's last reply, so it is
played against each persona turn by turn. For each it prints the overall and band on every
persona (seed 0) and the highest overall over the seeds, and at the end how many conversations
were compassion-led (target 0). The tests hold the same line for some of these strategies
(`tests/reading/test_parrot.py`, `tests/scoring/test_scorecard.py`).

With `--generated N`, it then plays N rounds of strategies drawn at random
(`gaming.generated`: the coachee's words poured into frames behind a changing opener), one per
persona a round at a random seed, and prints how many of each kind came out compassion-led and
the highest overall of each: a harder adversary than the fixed strategies (over forty rounds,
none compassion-led typed or dictated).

With `--dictated`, every line of every strategy is said as speech-to-text writes it (lower case,
no punctuation: `gaming.dictated`), which takes away the question marks the checks of a line's
question go by.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from collections.abc import Callable

from simulator.scenario import catalogue
from simulator.scenario.model import Scenario
from simulator.trainer.gaming import GENERATED_KINDS, STRATEGIES, Strategy, dictated, generated, play_strategy
from simulator.trainer.rehearsal import score_session
from simulator.vocabulary import Band


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seeds", type=int, default=3, help="seeds per persona and strategy (default 3)")
    parser.add_argument(
        "--generated", type=int, default=0, help="rounds of strategies drawn at random (default 0)"
    )
    parser.add_argument("--dictated", action="store_true", help="every line in lower case, no punctuation")
    args = parser.parse_args()
    said = dictated if args.dictated else _as_typed
    scenarios = [loaded.scenario for loaded in catalogue.load_bundled()]
    compassion_led = played = 0
    for name, strategy in STRATEGIES.items():
        print(f"\n{name}")
        for scenario in scenarios:
            cards = [
                score_session(play_strategy(scenario, said(strategy), seed)) for seed in range(args.seeds)
            ]
            led = sum(card.band is Band.COMPASSION_LED for card in cards)
            compassion_led, played = compassion_led + led, played + len(cards)
            first = cards[0]
            print(
                f"  {scenario.id:28} seed 0: {first.overall:5.1f} {first.band.value:15}"
                f" highest {max(card.overall for card in cards):5.1f}"
                + (f"  COMPASSION-LED on {led} seed(s)" if led else "")
            )
    print(f"\n{played} conversations, compassion-led: {compassion_led} (target 0)")
    if args.generated:
        play_generated(scenarios, args.generated, said)


def _as_typed(strategy: Strategy) -> Strategy:
    return strategy


def play_generated(scenarios: list[Scenario], rounds: int, said: Callable[[Strategy], Strategy]) -> None:
    """`rounds` rounds of strategies drawn at random (from a fixed seed), one per persona a round.

    Each gamer draws its lines from a generator of its own, seeded from the round's: how one
    conversation goes (a coachee who leaves early takes fewer lines) changes none of the others,
    so a change to the engine meets the same gamers as before it."""
    rng = random.Random(0)
    played, led, highest = Counter[str](), Counter[str](), Counter[str]()
    for _ in range(rounds):
        for scenario in scenarios:
            gamer = random.Random(rng.getrandbits(64))
            kind, strategy = generated(gamer)
            card = score_session(play_strategy(scenario, said(strategy), rng.randrange(5)))
            played[kind] += 1
            led[kind] += card.band is Band.COMPASSION_LED
            highest[kind] = max(highest[kind], card.overall)
    print(f"\nstrategies drawn at random, {rounds} round(s) of {len(scenarios)} personas:")
    for kind in GENERATED_KINDS:
        if played[kind]:
            print(
                f"  {kind:70} compassion-led {led[kind]:3} of {played[kind]:3}, highest {highest[kind]:5.1f}"
            )
    print(f"  in all: compassion-led {sum(led.values())} of {sum(played.values())} (target 0)")


if __name__ == "__main__":
    main()
