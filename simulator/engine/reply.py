"""Choosing what the coachee says: pure, seeded, and never the same line twice in a conversation.

A state's replies are filed under a move form, a focus, or `default`; the most specific
key with a line not yet said wins. When every fitting line has been said, an earlier
one comes back behind one of the scenario's repeat openers ("Like I said, "), so the
coachee still never repeats verbatim.
"""

from __future__ import annotations

import random
from collections.abc import Set

from simulator.scenario.model import Line, Scenario, replies_for
from simulator.vocabulary import Move, State


def reply_keys(move: Move) -> tuple[str, ...]:
    """The keys a reply is looked up by, most specific first."""
    return (move.form.value, move.focus.value, "default")


def choose_reply(scenario: Scenario, state: State, move: Move, said: Set[str], rng: random.Random) -> Line:
    """A line for the coachee in `state` answering `move`, not among the lines already `said`."""
    state_replies = scenario.replies.of(state)
    fitting = [replies_for(state_replies, key) for key in reply_keys(move)]
    for lines in fitting:
        fresh = [line for line in lines if line.text not in said]
        if fresh:
            return rng.choice(fresh)
    most_specific = next(lines for lines in fitting if lines)
    return say_again(most_specific, scenario.repeat_openers, said, rng)


def say_again(lines: tuple[Line, ...], openers: tuple[str, ...], said: Set[str], rng: random.Random) -> Line:
    """One of `lines` again, behind an opener that makes it a line not yet said."""
    variants = [
        Line(text=opener + _lower_first(line.text), cue=line.cue) for opener in openers for line in lines
    ]
    fresh = [variant for variant in variants if variant.text not in said]
    if fresh:
        return rng.choice(fresh)
    # Every combination is spent (only possible far past any turn limit): count the retelling.
    line = rng.choice(lines)
    count = 2
    while f"({count}) {line.text}" in said:
        count += 1
    return Line(text=f"({count}) {line.text}", cue=line.cue)


def _lower_first(text: str) -> str:
    # "Like I said, " + "I'm fine." reads better as "Like I said, I'm fine." than "..., i'm fine".
    is_pronoun_i = text.startswith(("I ", "I'"))
    if len(text) > 1 and text[0].isupper() and not text[1].isupper() and not is_pronoun_i:
        return text[0].lower() + text[1:]
    return text
