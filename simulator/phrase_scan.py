"""Compiling word lists into fast matchers: the machinery under `simulator.moves`.

A word list is a tuple of regular-expression fragments written in lower case (see
`simulator.cue_lexicon`). Python's regex engine tries the alternatives of a pattern one by
one at every position, which is slow for lists of hundreds of phrases; this module shapes
each list as a trie over its literal beginnings and, for scanning a sentence for many lists
at once, wakes the engine only at word starts where some phrase could begin. Nothing here
knows about coaching.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

__all__ = ["WORD_END", "WORD_START", "PhraseScanner", "alternation", "anywhere", "opening", "word_starts"]

WORD_START = r"(?<![\w'])"
WORD_END = r"(?:(?<![\w'])|(?![\w']))"  # satisfied if the match ended on a non-word char


def alternation(fragments: tuple[str, ...]) -> str:
    """One alternation of the fragments, shaped as a trie over their literal beginnings.

    Python's regex engine tries alternatives one by one at each word start. Sharing the
    literal beginnings ("you should", "you need to" -> "you (?:should|need to)") lets it
    reject most phrases with one comparison, which makes the reader several times faster
    without changing what matches (longer phrases are tried first).
    """
    trie = _TrieNode()
    others: list[str] = []
    for fragment in _distribute_leading_choice(fragments):
        prefix = _literal_prefix(fragment)
        if not prefix or _has_top_level_bar(fragment):
            others.append(fragment)
            continue
        node = trie
        for char in prefix:
            node = node.children.setdefault(char, _TrieNode())
        node.tails.append(fragment[len(prefix) :])
    branches = [trie.pattern()] if trie.children else []
    return "(?:" + "|".join(branches + [f"(?:{other})" for other in others]) + ")"


class _TrieNode:
    """Phrases sharing a literal beginning: the next characters, and the tails that end here."""

    def __init__(self) -> None:
        self.children: dict[str, _TrieNode] = {}
        self.tails: list[str] = []

    def pattern(self) -> str:
        # Children (longer literal beginnings) first, so a longer phrase wins over its prefix.
        parts = [char + child.pattern() for char, child in self.children.items()] + self.tails
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _literal_prefix(fragment: str) -> str:
    """The plain characters a fragment starts with ("" if it starts with regex syntax)."""
    prefix = []
    for index, char in enumerate(fragment):
        if not (char.isalnum() or char in " ',-"):
            break
        if fragment[index + 1 : index + 2] in ("?", "*", "+", "{"):
            break
        prefix.append(char)
    return "".join(prefix)


_LEADING_CHOICE = re.compile(r"\(\?:([^()\\]*)\)(\??)(?![*+{])(.*)", re.DOTALL)


def _distribute_leading_choice(fragments: tuple[str, ...]) -> list[str]:
    """Rewrite "(?:a|b) c" as "a c" and "b c", and "(?:a )?c" as "a c" and "c", to expose plain beginnings."""
    spread: list[str] = []
    pending = list(fragments)
    while pending:
        fragment = pending.pop(0)
        choice = _LEADING_CHOICE.fullmatch(fragment)
        options = choice.group(1).split("|") if choice else []
        if choice and all(options):
            tail = choice.group(3)
            optional = [tail] if choice.group(2) and tail else []  # "(?:it's )?nice" is also "nice"
            pending[:0] = [option + tail for option in options] + optional
        else:
            spread.append(fragment)
    return spread


def _has_top_level_bar(fragment: str) -> bool:
    """True if the fragment has an alternation bar outside any group or character class."""
    depth, escaped, in_class = 0, False, False
    for char in fragment:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


def anywhere(fragments: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern found anywhere in a sentence, on word boundaries."""
    return re.compile(WORD_START + alternation(fragments) + WORD_END)


def opening(fragments: tuple[str, ...]) -> re.Pattern[str]:
    """Phrases that must open the sentence (use with .match)."""
    return re.compile(alternation(fragments) + WORD_END)


class PhraseScanner:
    """One pass over a sentence for many word lists at once, reporting which list matched.

    The phrases are indexed by their first two letters. Walking the sentence's word starts,
    the scanner wakes the regex engine only where some phrase could begin, and then only
    for the phrases that begin there; that keeps reading a line well under a tenth of a
    millisecond. Where two lists match at the same spot the earlier list wins, so lists come
    in priority order. Phrases anchored with "^" are tried at the first word only; phrases
    must otherwise begin with plain letters, or with a digit class ("\\d+ percent").
    """

    def __init__(self, lists: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
        self._rank = {kind: rank for rank, (kind, _) in enumerate(lists)}
        keyed: dict[str, list[tuple[str, list[str]]]] = {}
        anywhere: list[tuple[str, list[str]]] = []
        first: list[tuple[str, list[str]]] = []  # phrases anchored to the start of the sentence
        for kind, fragments in lists:
            by_key: dict[str, list[str]] = {}
            loose: list[str] = []
            anchored = [f[1:] for f in fragments if f.startswith("^")]
            if anchored:
                first.append((kind, anchored))
            for fragment in _distribute_leading_choice(tuple(f for f in fragments if not f.startswith("^"))):
                prefix = _literal_prefix(fragment)
                if prefix and not _has_top_level_bar(fragment):
                    # A one-letter beginning ("i(?:'ve| have)") is filed under that letter alone.
                    by_key.setdefault(prefix[:_KEY_LENGTH], []).append(fragment)
                elif fragment.startswith("\\d"):
                    loose.append(fragment)
                else:
                    raise ValueError(f"word list {kind!r}: {fragment!r} must start with plain letters or \\d")
            for key, phrases in by_key.items():
                keyed.setdefault(key, []).append((kind, phrases))
            if loose:
                anywhere.append((kind, loose))
        self._keyed = keyed
        self._anywhere = anywhere
        self._anchored = first
        # Compiled on first use, per two-letter key and per "first word or not": most keys
        # never occur, and compiling every one at import would slow every program start.
        self._patterns: dict[tuple[str, bool], re.Pattern[str] | None] = {}

    def _pattern_for(self, key: str, at_start: bool) -> re.Pattern[str] | None:
        entries = list(self._keyed.get(key, []))
        if len(key) > 1:
            entries += self._keyed.get(key[0], [])  # one-letter beginnings
        if not key[:1].isalpha():
            entries += self._anywhere  # "\d+ percent" and the like
        if at_start:
            entries = self._anchored + entries
        pattern = self._compile(entries) if entries else None
        if key.isascii():  # other keys are not kept, so unusual input cannot grow the table
            self._patterns[key, at_start] = pattern
        return pattern

    def _compile(self, entries: list[tuple[str, list[str]]]) -> re.Pattern[str]:
        # Several entries may share a kind; a group name may appear only once, so merge them,
        # and keep the lists in their order of priority.
        merged: dict[str, list[str]] = {}
        for kind, phrases in sorted(entries, key=lambda entry: self._rank[entry[0]]):
            merged.setdefault(kind, []).extend(phrases)
        named = "|".join(f"(?P<{kind}>{alternation(tuple(phrases))})" for kind, phrases in merged.items())
        return re.compile("(?:" + named + ")" + WORD_END)

    def finditer(self, text: str) -> Iterator[tuple[str, str]]:
        """Each match as (the list it came from, the words matched), left to right."""
        patterns, build = self._patterns, self._pattern_for
        end = 0
        for start in word_starts(text):
            if start < end:
                continue
            key = (text[start : start + _KEY_LENGTH], not start)
            pattern = patterns[key] if key in patterns else build(*key)
            if pattern is None:
                continue
            match = pattern.match(text, start)
            if match:
                end = match.end()
                yield match.lastgroup or "", match.group()

    def finds(self, text: str, kind: str) -> bool:
        """Whether a phrase from the named list occurs in the text."""
        return any(found == kind for found, _ in self.finditer(text))


_KEY_LENGTH = 2


@lru_cache(maxsize=64)
def word_starts(text: str) -> tuple[int, ...]:
    """Where words begin: after a space, or after opening punctuation at the start of a token."""
    starts = []
    position = 0
    for token in text.split(" "):
        if token:
            word = token if token[0].isalnum() else token.lstrip(_OPENING_PUNCTUATION)
            if word:
                starts.append(position + len(token) - len(word))
        position += len(token) + 1
    return tuple(starts)


_OPENING_PUNCTUATION = "\"'([{-*_~`,.;:!?"
