"""Gaming strategies that answer the coachee mechanically, for checking a scorecard cannot be gamed.

A trainee gaming the scorecard builds each line from the coachee's last reply without hearing
it: the coachee's words handed back, listed or turned round before a stock question, stock
empathy before one, a rota. Each strategy here makes the next line from that reply and the turn
number, so it is played against a persona turn by turn (`play_strategy`); none should come out
compassion-led (`benchmarks/live_gaming.py` plays them all, and the tests hold some of them).
`generated` draws further strategies at random: the coachee's words poured into a few frames
behind a different opener each time, the way a script would dodge a check on its openings.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from simulator.engine.session import Session
from simulator.errors import ConversationOver
from simulator.reading.trainee_text import as_dictated
from simulator.scenario.model import Scenario

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
    # Ties in length go alphabetically: a set's order changes from process to process.
    words = {word.strip(".,!?\"'") for word in reply.split() if len(word) > 5}
    return sorted(words, key=lambda word: (-len(word), word))[:3]


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


def dictated(strategy: Strategy) -> Strategy:
    """The same strategy said as speech-to-text writes it (`trainee_text.as_dictated`)."""
    return lambda reply, turn: as_dictated(strategy(reply, turn))


def play_strategy(scenario: Scenario, strategy: Strategy, seed: int = 0, turns: int = TURNS) -> Session:
    """A conversation of `turns` lines, each made by `strategy` from the coachee's last reply."""
    session, last = Session(scenario, seed=seed), scenario.opening.text
    try:
        for turn in range(turns):
            last = session.say(strategy(last, turn)).coachee
    except ConversationOver:
        pass
    return session


_SMALL_WORDS = frozenset({
    "that", "this", "there", "here", "with", "just", "really", "very", "they", "them", "their", "what",
    "when", "then", "than", "your", "yeah", "okay", "been", "were", "have", "from", "about", "would",
})  # fmt: skip
"""Words too common to pass for one of theirs (the shortest, three letters or fewer, are never taken)."""
_MORE_OPENERS = [
    *OPENERS,
    "It sounds like",
    "You're saying",
    "What I'm hearing is",
    "Seems like",
    "I'm hearing",
    "Got it,",
]
_FRAMES = [
    "{word} really matters to you.", "{word} is important to you.", "you care about {word}.",
    "{word} means a lot to you.", "{word} is on your mind.", "you feel strongly about {word}.",
]  # fmt: skip
_FEELINGS = ["frustrated", "tired", "stretched", "proud", "hopeful", "worried", "stuck"]
GENERATED_KINDS = (
    "one of their words, then a stock question",
    "one of their words in a frame, then a stock question",
    "one of their sentences turned, then a stock question",
    "a feeling guessed about one of their words, between stock questions",
    "stock empathy and one of their words, then a stock question",
    "one of their words in a frame, nothing asked",
)


def _their_words(reply: str) -> list[str]:
    found = (word.strip(".,!?\"'") for word in reply.split())
    return sorted({word for word in found if len(word) > 3 and word.lower() not in _SMALL_WORDS})


def generated(rng: random.Random) -> tuple[str, Strategy]:
    """A strategy drawn at random (its kind, one of GENERATED_KINDS, and the strategy): the same
    `rng` state draws the same strategy, which draws its openers, frames and words from `rng` too."""
    kind = rng.randrange(len(GENERATED_KINDS))
    questions = rng.sample(DISTINCT, len(DISTINCT))

    def word(reply: str) -> str:
        words = _their_words(reply)
        return rng.choice(words) if words else "that"

    def opener() -> str:
        return rng.choice(_MORE_OPENERS)

    def strategy(reply: str, turn: int) -> str:
        asked = questions[turn % len(questions)]
        if kind == 0:
            return f"{opener()} {word(reply)}. {asked}"
        if kind == 1:
            return f"{opener()} {rng.choice(_FRAMES).format(word=word(reply))} {asked}"
        if kind == 2:
            return f"{opener()} {_turned(_last_sentence(reply))}. {asked}"
        if kind == 3:
            return (
                f"{opener()} you feel {rng.choice(_FEELINGS)} about {word(reply)}."
                if turn % 2 == 0
                else asked
            )
        if kind == 4:
            return f"{rng.choice(STOCK_EMPATHY)} {word(reply).capitalize()} matters. {asked}"
        return f"{opener()} {rng.choice(_FRAMES).format(word=word(reply))}"

    return GENERATED_KINDS[kind], strategy
