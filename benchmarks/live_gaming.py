"""Gaming strategies played live against every bundled persona: none should be compassion-led.

    python benchmarks/live_gaming.py [--seeds 3]

The verdict's conversation sets (`benchmarks/verdict.py`) are written lines, fixed before the
coachee answers. A trainee gaming the scorecard answers the coachee mechanically instead: each
strategy here builds every line from the coachee's last reply, so it is played against each
persona turn by turn. For each it prints the overall and band on every persona (seed 0) and the
highest overall over the seeds, and at the end how many conversations were compassion-led
(target 0). The tests hold the same line for some of these strategies
(`tests/reading/test_parrot.py`, `tests/scoring/test_scorecard.py`).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable

from simulator.engine.session import Session
from simulator.errors import ConversationOver
from simulator.scenario import catalogue
from simulator.scenario.model import Scenario
from simulator.trainer.rehearsal import score_session
from simulator.vocabulary import Band

TURNS = 18

ROTA = [
    "What's your vision for the future?", "What matters most to you?", "What are you good at?",
    "What would you like to try?", "What's your next step?", "How would that feel?",
]  # fmt: skip
"""Six stock questions, asked in turn."""

DISTINCT = [
    "What is your vision for the future?", "What matters most to you?", "What are you good at?",
    "What would you like to try?", "What is your next step?", "How would that feel?",
    "What gives you energy at work?", "Who do you want to be in five years?", "What are you proudest of?",
    "What values guide you?", "What would your ideal day look like?", "What strengths could you draw on?",
    "What is one small thing you could change?", "Who could support you?", "What would success look like?",
    "What do you love about your job?", "What would you do if you could not fail?", "What will you do first?",
]  # fmt: skip
"""Eighteen stock questions, none asked twice."""

OPENERS = ["So", "Right,", "OK so", "I hear that", "Sounds like", "Mm,"]
TURNED = {
    "i": "you",
    "i'm": "you're",
    "my": "your",
    "me": "you",
    "i've": "you've",
    "am": "are",
    "was": "were",
}
STOCK_EMPATHY = ["That sounds really hard.", "I hear you.", "That must be tough.", "I understand."]


def _last_sentence(reply: str) -> str:
    sentences = [part for part in re.split(r"(?<=[.!?])\s+", reply.strip()) if part]
    return (sentences[-1] if sentences else reply).rstrip(".!? ")


def _turned(text: str) -> str:
    return " ".join(TURNED.get(word.lower(), word) for word in text.split())


def _longest_words(reply: str) -> list[str]:
    return sorted({word.strip(".,!?\"'") for word in reply.split() if len(word) > 5}, key=len, reverse=True)[
        :3
    ]


Strategy = Callable[[str, int], str]
"""The next line from the coachee's last reply and the turn number (from 0)."""

STRATEGIES: dict[str, Strategy] = {
    "six stock questions in turn": lambda reply, turn: ROTA[turn % len(ROTA)],
    "their last sentence back, then a stock question": lambda reply, turn: (
        f"So {_last_sentence(reply)}. {ROTA[turn % len(ROTA)]}"
    ),
    "their last sentence, person turned, then a new stock question": lambda reply, turn: (
        f"{OPENERS[turn % len(OPENERS)]} {_turned(_last_sentence(reply))}. {DISTINCT[turn % len(DISTINCT)]}"
    ),
    "three of their words listed, then a new stock question": lambda reply, turn: (
        f"{OPENERS[turn % len(OPENERS)]} {', '.join(_longest_words(reply))}. {DISTINCT[turn % len(DISTINCT)]}"
    ),
    "stock empathy, then a new stock question": lambda reply, turn: (
        f"{STOCK_EMPATHY[turn % len(STOCK_EMPATHY)]} {DISTINCT[turn % len(DISTINCT)]}"
    ),
    "'You said' their words, every other line": lambda reply, turn: (
        f"You said '{_last_sentence(reply)}.'" if turn % 2 == 0 else DISTINCT[turn % len(DISTINCT)]
    ),
}


def play_strategy(scenario: Scenario, strategy: Strategy, seed: int) -> Session:
    """A conversation of TURNS lines, each made by `strategy` from the coachee's last reply."""
    session, last = Session(scenario, seed=seed), scenario.opening.text
    try:
        for turn in range(TURNS):
            last = session.say(strategy(last, turn)).coachee
    except ConversationOver:
        pass
    return session


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seeds", type=int, default=3, help="seeds per persona and strategy (default 3)")
    args = parser.parse_args()
    scenarios = [loaded.scenario for loaded in catalogue.load_bundled()]
    compassion_led = played = 0
    for name, strategy in STRATEGIES.items():
        print(f"\n{name}")
        for scenario in scenarios:
            cards = [score_session(play_strategy(scenario, strategy, seed)) for seed in range(args.seeds)]
            led = sum(card.band is Band.COMPASSION_LED for card in cards)
            compassion_led, played = compassion_led + led, played + len(cards)
            first = cards[0]
            print(
                f"  {scenario.id:28} seed 0: {first.overall:5.1f} {first.band.value:15}"
                f" highest {max(card.overall for card in cards):5.1f}"
                + (f"  COMPASSION-LED on {led} seed(s)" if led else "")
            )
    print(f"\n{played} conversations, compassion-led: {compassion_led} (target 0)")


if __name__ == "__main__":
    main()
