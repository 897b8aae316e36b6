"""A trainee line said again, as a listener hears it: the same words, or the same content words.

The coachee notices a near-repeat ("You asked me that already.") and the scorecard credits it
nothing, so both ask the same question of a line. A question may come after statements of its
own ("So you read it every morning. What matters most to you?"): its question is remembered
apart too, since the same stock question after a new opening is still asked again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from simulator.reading.reflection import content_words
from simulator.reading.trainee_text import split_lead

NOT_WORDS = re.compile(r"[^a-z0-9']+")
"""What separates the words of a lower-cased line."""

_FILLERS = frozenset(
    {"so", "ok", "okay", "and", "um", "erm", "uh", "right", "well", "yeah", "mm", "hmm", "then"}
)

REPEAT_MIN_WORDS = 3
"""A line of fewer words than this is never a repeat by its wording alone ("ok", "go on")."""

REPEAT_MIN_CONTENT = 2
"""A line with at least this many content words repeats another whose content words are the same."""


@dataclass(frozen=True)
class LineKey:
    """A trainee line as remembered for noticing repeats: normalised words and content words."""

    words: str
    content: frozenset[str]
    # Whether the line may repeat another by its wording, or by its content words: worked out
    # once, since every line is compared with every earlier one.
    by_words: bool = field(init=False, compare=False)
    by_content: bool = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_words", self.words.count(" ") + 1 >= REPEAT_MIN_WORDS)
        object.__setattr__(self, "by_content", len(self.content) >= REPEAT_MIN_CONTENT)


NO_LINE = LineKey("", frozenset())
"""The key of an empty line."""


def line_key(text: str) -> LineKey:
    """The line lowered, stripped of punctuation and leading or trailing fillers; and its content words."""
    words = NOT_WORDS.sub(" ", text.lower().replace("\u2019", "'")).split()
    while words and words[0] in _FILLERS:
        words.pop(0)
    while words and words[-1] in _FILLERS:
        words.pop()
    return LineKey(" ".join(words), content_words(text))


def asked_key(text: str) -> LineKey | None:
    """The key of the question a line's opening statements lead to, or None when it has none."""
    lead, asked = split_lead(text)
    return line_key(asked) if lead else None


def repeats(key: LineKey, before: LineKey) -> bool:
    """Whether the line `key` says again what the one line `before` said: the same words, or the
    same content words (`LinesHeard` asks it of all the lines before at once)."""
    return bool(key.words) and (
        (key.by_words and key.words == before.words) or (key.by_content and key.content == before.content)
    )


@dataclass
class LinesHeard:
    """The keys of the lines heard so far, held so that a repeat is told at once, not by rereading
    them all every turn: a line repeats one of them exactly when it has the same words (being long
    enough to repeat by its words) or the same content words (having enough), as `repeats` says."""

    words: set[str] = field(default_factory=set)
    contents: set[frozenset[str]] = field(default_factory=set)

    @classmethod
    def of(cls, keys: Iterable[LineKey]) -> LinesHeard:
        """The keys given, held."""
        heard = cls()
        for key in keys:
            heard.add(key)
        return heard

    def add(self, key: LineKey) -> None:
        """Hold one more line's key."""
        self.words.add(key.words)
        self.contents.add(key.content)

    def repeated_by(self, key: LineKey) -> bool:
        """Whether the line `key` says again what one held said (`repeats` of any of them)."""
        return bool(key.words) and (
            (key.by_words and key.words in self.words) or (key.by_content and key.content in self.contents)
        )
