"""One sentence as read (`Reading`), the acts it signals, and the word helpers the readers share.

`signals_in` scans a sentence once for every kind of act (advice, confront, offer...); the
content-word helpers measure how far a line restates the coachee's previous one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from simulator.phrase_scan import PhraseScanner
from simulator.reading import cue_lexicon as lex
from simulator.reading.trainee_text import MAX_CHARS, normalise
from simulator.vocabulary import Focus, Form

_NO_SIGNALS: Mapping[str, str] = MappingProxyType({})


class Reading(NamedTuple):
    """One sentence as read: its form, the cues behind it, and what the topic is read from."""

    form: Form
    cues: tuple[str, ...]
    text: str
    forced_focus: Focus | None = None
    is_check: bool = False  # "is that right?" after a reflection: the reflection stays the act
    signals: Mapping[str, str] = _NO_SIGNALS


# The acts a sentence may contain (step 3), highest priority first: where two match at the
# same words, the earlier one is the reading.
_SIGNALS = PhraseScanner(
    (
        ("sarcasm", lex.SARCASM_PHRASES),
        ("confront", lex.CONFRONT_PHRASES),
        ("advice", lex.ADVICE_PHRASES),
        ("offer", lex.PERMISSION_OFFERS),
        ("affirmation", lex.AFFIRMATION_PHRASES),
        ("softener", lex.PERMISSION_SOFTENERS),
        ("autonomy", lex.AUTONOMY_PHRASES),
        ("compliance", lex.COMPLIANCE_PHRASES),
        ("summary", lex.SUMMARY_OPENERS),
        ("input", lex.INPUT_CUES),
        ("information", lex.INFORMATION_CUES),
        ("greeting", lex.GREETINGS),
    )
)


def signals_in(text: str) -> dict[str, str]:
    """The first phrase of each kind of act found in the text."""
    found: dict[str, str] = {}
    for kind, words in _SIGNALS.scan(text):
        if kind not in found:
            found[kind] = words
    return found


_WORDS = re.compile(r"[a-z][a-z']*")

_ECHO_OVERLAP = 0.6  # share of a label's content words the coachee used first


@lru_cache(maxsize=256)
def content_words_cached(text: str) -> frozenset[str]:
    """The stemmed content words of a text (no stopwords, none under three letters), cached for the coachee's line."""
    return frozenset(_stem(w) for w in _WORDS.findall(text.lower()) if w not in lex.STOPWORDS and len(w) > 2)


def content_words(text: str) -> frozenset[str]:
    """The stemmed content words of a text (see `content_words_cached`)."""
    return content_words_cached(text)


def _stem(word: str) -> str:
    """A crude stem, enough to match 'exhausted' with 'exhausting' and 'shifts' with 'shift'."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def echoes(phrase: str, previous: str) -> bool:
    """Whether the coachee said it first ("I've been coasting" -> "You've been coasting"): a reflection, not a label."""
    return bool(previous) and overlap_with(phrase, normalise(previous)) >= _ECHO_OVERLAP


def overlap_with(line: str, previous: str) -> float:
    """Share of the line's content words that the coachee just used."""
    if not previous:
        return 0.0
    mine = content_words(line)
    if not mine:
        return 0.0
    theirs = content_words_cached(previous[:MAX_CHARS])
    return len(mine & theirs) / len(mine)


def clip(text: str, limit: int = 40) -> str:
    """The text cut to `limit` characters for a cue, with an ellipsis where it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unique(cues: tuple[str, ...]) -> tuple[str, ...]:
    """The cues in their order, each once."""
    return tuple(dict.fromkeys(cues))
