"""Gaming strategies: the same reply makes the same line, and drawn strategies replay exactly."""

from __future__ import annotations

import random

from simulator.scenario import catalogue
from simulator.trainer.gaming import GENERATED_KINDS, STRATEGIES, generated, play_strategy

NURSE = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario
REPLY = "Honestly? The students, the audit, the rota, the charting. Every shift, every single one."


def test_listing_their_words_breaks_ties_in_length_alike_in_every_process() -> None:
    # Words of one length once came in a set's order, which changes from process to process.
    listed = STRATEGIES["three of their words listed, then a new stock question"](REPLY, 0)
    assert listed == "So Honestly, charting, students. What is your vision for the future?"


def test_a_drawn_strategy_is_drawn_again_from_the_same_seed() -> None:
    def lines(seed: int) -> list[str]:
        kind, strategy = generated(random.Random(seed))
        assert kind in GENERATED_KINDS
        return [turn.trainee for turn in play_strategy(NURSE, strategy, turns=6).turns]

    assert lines(3) == lines(3)
    assert len({tuple(lines(seed)) for seed in range(6)}) > 1


def test_every_kind_can_be_drawn_and_makes_a_line() -> None:
    rng = random.Random(0)
    seen = {}
    while len(seen) < len(GENERATED_KINDS):
        kind, strategy = generated(rng)
        seen[kind] = strategy(REPLY, 0)
    assert all(line.strip() for line in seen.values())
