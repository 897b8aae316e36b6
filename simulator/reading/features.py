"""Named sparse features of one trainee line, for the learned reader (`simulator.reading.model`).

Pure Python, deterministic, no vocabulary needed: `line_features` returns every feature a line
has as a {name: value} dict, and the fitted model keeps the names it learned a weight for. Names
are readable on purpose, because the reader explains itself with them:

- ``w:have it done``: a word 1-3-gram of the normalised line (``<s>`` marks its start);
- ``v:i know``: a word n-gram before a yes-but turn (only if asked for, see `line_features`);
- ``c:atte``: a character 2-5-gram inside one word (`` `` pads the word's edges, as ``c: sha``);
- ``p:knackered``: a content word of the coachee's previous line (only if asked for);
- ``x:...``: a context feature: ``x:echo`` (share of the line's content words that occur in the
  coachee's previous line), ``x:echo=none/some/most``, ``x:no_prev``, ``x:ends_q``, ``x:has_q``,
  ``x:you``, ``x:len=...`` (word-count bucket) and ``x:vision``.

The word and character blocks are each scaled to unit length (word n-grams: binary presence;
character n-grams: the number of distinct words holding the gram), so a long line does not
outvote a short one by sheer count.
Text is normalised with `simulator.reading.trainee_text.normalise`, exactly as the rule reader does.

`line_features` is the definition (the fit reads it); `FeatureColumns` is the fast way to the
same features of many lines as column numbers of a fitted vocabulary, for reading.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from simulator.reading.trainee_text import normalise

__all__ = ["CONTEXT_FEATURES", "FeatureColumns", "IndexedLines", "content_words", "line_features", "words"]

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_MAX_WORDS = 60  # a coaching turn's act shows early; also bounds the cost of a pasted essay

# Function words that say nothing about whether a line echoes the coachee.
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "so",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "i",
        "me",
        "my",
        "you",
        "your",
        "yours",
        "we",
        "us",
        "our",
        "it",
        "its",
        "it's",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "what",
        "which",
        "who",
        "how",
        "why",
        "when",
        "where",
        "do",
        "does",
        "did",
        "doing",
        "done",
        "have",
        "has",
        "had",
        "can",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "not",
        "no",
        "yes",
        "yeah",
        "ok",
        "okay",
        "just",
        "really",
        "very",
        "too",
        "also",
        "then",
        "than",
        "if",
        "about",
        "up",
        "out",
        "get",
        "got",
        "i'm",
        "you're",
        "that's",
        "don't",
        "didn't",
        "isn't",
        "wasn't",
        "can't",
        "won't",
        "i've",
        "you've",
        "we're",
        "they",
        "they're",
        "them",
        "their",
        "he",
        "she",
        "his",
        "her",
        "him",
        "all",
        "any",
        "some",
        "more",
        "much",
        "bit",
        "lot",
        "one",
        "like",
        "well",
        "right",
        "oh",
        "um",
        "uh",
        "mm",
        "hmm",
    ]
)

_TURN_WORDS = frozenset({"but", "however", "though", "although"})

_LENGTH_BUCKETS = ((1, "1"), (3, "2-3"), (7, "4-7"), (15, "8-15"), (30, "16-30"))

CONTEXT_FEATURES = (
    "x:echo",
    "x:echo=none",
    "x:echo=some",
    "x:echo=most",
    "x:no_prev",
    "x:ends_q",
    "x:has_q",
    "x:you",
    "x:vision",
    *(f"x:len={name}" for _, name in _LENGTH_BUCKETS),
    "x:len=31+",
    "x:turn",
    "x:bias",
)


def words(clean: str) -> list[str]:
    """The words of a normalised line (apostrophes kept inside words), at most the first 60."""
    return _WORD.findall(clean)[:_MAX_WORDS]


def content_words(clean: str) -> set[str]:
    """The words of a normalised line that carry content (no function words, no single letters)."""
    return {w for w in _WORD.findall(clean) if w not in _STOP and len(w) > 1}


def line_features(
    text: str,
    previous_coachee_line: str = "",
    vision_established: bool = False,
    previous_words: bool = False,
    turn_scope: bool = False,
) -> dict[str, float]:
    """Every feature of one line as {name: value}; an empty line has only the context features.

    With `previous_words`, the content words of the coachee's previous line are features too
    (``p:knackered``): what a reflection is about often shows only in what it answers.
    With `turn_scope`, the word n-grams before a turn ("but", "however", "though", "although"
    after the second word) are named ``v:`` instead of ``w:``, and ``x:turn`` is set: "I know
    you're tired" then reads on its own, apart from "I know you're tired, but ...", the yes-but
    turn that takes the empathy back.
    """
    clean = normalise(text)
    tokens = words(clean)
    features: dict[str, float] = {}

    grams: set[str] = set()
    padded = ["<s>", *tokens]
    turn = _turn_at(padded) if turn_scope else 0  # grams ending at or before `turn` are named v:
    for n in (1, 2, 3):
        for i in range(len(padded) - n + 1):
            if n == 1 and i == 0:
                continue  # "<s>" alone says nothing
            prefix = "v:" if i + n <= turn else "w:"
            grams.add(prefix + " ".join(padded[i : i + n]))
    if grams:
        scale = 1.0 / math.sqrt(len(grams))
        for gram in grams:
            features[gram] = scale
    if turn:
        features["x:turn"] = 1.0

    chars: dict[str, float] = {}
    for token in set(tokens):
        for gram in _char_grams(token):
            chars[gram] = chars.get(gram, 0.0) + 1.0
    if chars:
        scale = 1.0 / math.sqrt(sum(value * value for value in chars.values()))
        for gram, count in chars.items():
            features[gram] = count * scale

    if previous_words and previous_coachee_line:
        said = sorted(content_words(normalise(previous_coachee_line)))[:_MAX_WORDS]
        if said:
            scale = 1.0 / math.sqrt(len(said))
            for word in said:
                features["p:" + word] = scale

    features.update(context_features(clean, tokens, previous_coachee_line, vision_established))
    return features


@lru_cache(maxsize=1 << 16)
def _char_grams(token: str) -> tuple[str, ...]:
    """The distinct character 2-5-grams of one word, edges padded with a space, named ``c:``."""
    edged = f" {token} "
    size = len(edged)
    return tuple(sorted({"c:" + edged[i : i + n] for n in (2, 3, 4, 5) for i in range(size - n + 1)}))


def _turn_at(padded: list[str]) -> int:
    """Index in `padded` ("<s>" first) of the first turn word after the second word, else 0."""
    for index in range(3, len(padded) - 1):
        if padded[index] in _TURN_WORDS:
            return index
    return 0


def context_features(
    clean: str, tokens: list[str], previous_coachee_line: str, vision_established: bool
) -> dict[str, float]:
    """The handful of context features (names in CONTEXT_FEATURES) of a normalised line."""
    features = {"x:bias": 1.0}
    previous = normalise(previous_coachee_line)
    if not previous:
        features["x:no_prev"] = 1.0
    else:
        own = content_words(clean)
        share = len(own & content_words(previous)) / len(own) if own else 0.0
        features["x:echo"] = share
        features["x:echo=" + ("none" if share == 0 else "some" if share < 0.5 else "most")] = 1.0
    stripped = clean.rstrip(" .!\"')")
    if stripped.endswith("?"):
        features["x:ends_q"] = 1.0
    if "?" in clean:
        features["x:has_q"] = 1.0
    if "you" in tokens or "your" in tokens or "you're" in tokens or "you've" in tokens or "you'll" in tokens:
        features["x:you"] = 1.0
    if vision_established:
        features["x:vision"] = 1.0
    count = len(tokens)
    for limit, name in _LENGTH_BUCKETS:
        if count <= limit:
            features["x:len=" + name] = 1.0
            break
    else:
        features["x:len=31+"] = 1.0
    return features


# --- the fast path: many lines as columns of a fitted vocabulary -----------------------------

_WORDS_KEPT = 1 << 15  # distinct words whose character grams are remembered between batches
_UNKNOWN_KEPT = 1 << 18  # character grams outside the vocabulary that have a number

_YOU_WORDS = frozenset({"you", "your", "you're", "you've", "you'll"})


@dataclass(frozen=True)
class IndexedLines:
    """Lines as a sparse matrix over a vocabulary (CSR): line k is `columns[offsets[k]:offsets[k + 1]]`
    with `values` alongside, columns ascending within a line."""

    columns: np.ndarray  # intp
    values: np.ndarray  # float32
    offsets: np.ndarray  # intp, one more than there are lines


class FeatureColumns:
    """The features of `line_features` that a fitted vocabulary kept, as its column numbers, fast.

    `index(cleaned, previous, vision)` gives for each normalised line exactly the features
    and values `line_features` gives it, restricted to the vocabulary. The speed comes from
    remembering each word's character grams as numbers (words repeat), looking word n-grams up
    as tuples, and counting the character grams that several words of a line share (which
    sets the block's scale) with numpy, a batch of lines at a time. Not safe to call from two
    threads at once: the caller holds a lock.
    """

    def __init__(self, names: Sequence[str], previous_words: bool = False, turn_scope: bool = False) -> None:
        self.size = len(names)
        self.previous_words = previous_words
        self.turn_scope = turn_scope
        plain: dict[object, int] = {}  # w: grams; a word is its own key, longer grams are tuples
        before_turn: dict[object, int] = {}  # v: grams, keyed the same way
        self._chars: dict[str, int] = {}
        self._said: dict[str, int] = {}
        context: dict[str, int] = {}
        for column, name in enumerate(names):
            kind, body = name[:2], name[2:]
            if kind == "c:":
                self._chars[body] = column
            elif kind in ("w:", "v:"):
                parts = body.split(" ")
                (plain if kind == "w:" else before_turn)[parts[0] if len(parts) == 1 else tuple(parts)] = column
            elif kind == "p:":
                self._said[body] = column
            else:
                context[name] = column
        self._plain, self._plain_keys = plain, frozenset(plain)
        self._before_turn = before_turn
        self._context = {name: context.get(name, -1) for name in CONTEXT_FEATURES}
        self._length_columns = [
            (limit, self._context["x:len=" + name]) for limit, name in _LENGTH_BUCKETS
        ]
        self._new_memory()

    def _new_memory(self) -> None:
        self._unknown: dict[str, int] = {}
        self._words: _WordGrams = _WordGrams(self._grams_of)

    def index(self, cleaned: Sequence[str], previous: Sequence[str], vision: Sequence[bool]) -> IndexedLines:
        """The features of normalised, non-empty lines, each with its coachee line (raw) and vision flag."""
        if len(self._words) > _WORDS_KEPT or len(self._unknown) > _UNKNOWN_KEPT:
            self._new_memory()  # between batches only: a batch's numbers must all be of one memory
        columns: list[int] = []
        values: list[float] = []
        per_line: list[int] = []
        grams: list[np.ndarray] = []
        words_per_line: list[int] = []
        said_cache: dict[str, tuple[bool, frozenset[str], list[tuple[int, float]]]] = {}
        for clean, said, seen in zip(cleaned, previous, vision, strict=True):
            before = len(columns)
            every = _WORD.findall(clean)
            tokens = every[:_MAX_WORDS]
            if tokens:
                self._word_grams(tokens, columns, values)
                distinct = set(tokens)
                grams.extend(map(self._words.__getitem__, distinct))
                words_per_line.append(len(distinct))
            else:
                words_per_line.append(0)
            known = said_cache.get(said)
            if known is None:
                known = said_cache[said] = self._said_of(said)
            self._context_of(clean, every, tokens, known, seen, columns, values)
            per_line.append(len(columns) - before)
        return self._assemble(len(cleaned), columns, values, per_line, grams, words_per_line)

    def _word_grams(self, tokens: list[str], columns: list[int], values: list[float]) -> None:
        padded = ["<s>", *tokens]
        turn = _turn_at(padded) if self.turn_scope else 0
        if not turn:
            grams = {*tokens, *zip(padded, tokens), *zip(padded, tokens, tokens[1:])}
            found = grams & self._plain_keys
            if found:
                columns.extend(map(self._plain.__getitem__, found))
                values.extend([1.0 / math.sqrt(len(grams))] * len(found))
            return
        plain: set[object] = set()
        before: set[object] = set()
        for n in (1, 2, 3):
            for i in range(1 if n == 1 else 0, len(padded) - n + 1):
                key = padded[i] if n == 1 else tuple(padded[i : i + n])
                (before if i + n <= turn else plain).add(key)
        scale = 1.0 / math.sqrt(len(plain) + len(before))
        for keys, table in ((plain, self._plain), (before, self._before_turn)):
            for key in keys:
                column = table.get(key)
                if column is not None:
                    columns.append(column)
                    values.append(scale)
        if self._context["x:turn"] >= 0:
            columns.append(self._context["x:turn"])
            values.append(1.0)

    def _said_of(self, said: str) -> tuple[bool, frozenset[str], list[tuple[int, float]]]:
        """The coachee's previous line: whether there is one, its content words, its p: features."""
        previous = normalise(said)
        content = frozenset(w for w in _WORD.findall(previous) if w not in _STOP and len(w) > 1)
        features: list[tuple[int, float]] = []
        if self.previous_words and said:
            kept = sorted(content)[:_MAX_WORDS]
            if kept:
                scale = 1.0 / math.sqrt(len(kept))
                features = [(self._said[w], scale) for w in kept if w in self._said]
        return bool(previous), content, features

    def _context_of(
        self,
        clean: str,
        every: list[str],
        tokens: list[str],
        said: tuple[bool, frozenset[str], list[tuple[int, float]]],
        seen: bool,
        columns: list[int],
        values: list[float],
    ) -> None:
        """The p: and x: features of one line, as `line_features` and `context_features` name them."""
        context = self._context
        has_previous, their_words, said_features = said
        found: list[tuple[str, float]] = [("x:bias", 1.0)]
        if not has_previous:
            found.append(("x:no_prev", 1.0))
        else:
            own = {w for w in every if w not in _STOP and len(w) > 1}
            share = len(own & their_words) / len(own) if own else 0.0
            found.append(("x:echo", share))
            found.append(("x:echo=" + ("none" if share == 0 else "some" if share < 0.5 else "most"), 1.0))
        if clean.rstrip(" .!\"')").endswith("?"):
            found.append(("x:ends_q", 1.0))
        if "?" in clean:
            found.append(("x:has_q", 1.0))
        if not _YOU_WORDS.isdisjoint(tokens):
            found.append(("x:you", 1.0))
        if seen:
            found.append(("x:vision", 1.0))
        for name, value in found:
            column = context[name]
            if column >= 0:
                columns.append(column)
                values.append(value)
        count = len(tokens)
        for limit, column in self._length_columns:
            if count <= limit:
                break
        else:
            column = context["x:len=31+"]
        if column >= 0:
            columns.append(column)
            values.append(1.0)
        for column, value in said_features:
            columns.append(column)
            values.append(value)

    def _grams_of(self, word: str) -> np.ndarray:
        """Numbers of a word's distinct character grams: the vocabulary's column, or a number past it."""
        edged = f" {word} "
        size = len(edged)
        chars, unknown = self._chars, self._unknown
        numbers = []
        for gram in {edged[i : i + n] for n in (2, 3, 4, 5) for i in range(size - n + 1)}:
            number = chars.get(gram)
            if number is None:
                number = unknown.get(gram)
                if number is None:
                    number = unknown[gram] = self.size + len(unknown)
            numbers.append(number)
        return np.array(numbers, dtype=np.int64)

    def _assemble(
        self,
        lines: int,
        columns: list[int],
        values: list[float],
        per_line: list[int],
        grams: list[np.ndarray],
        words_per_line: list[int],
    ) -> IndexedLines:
        """Add the character block (counted across each line's distinct words) and sort each line's columns."""
        line_of = np.repeat(np.arange(lines), per_line)
        column = np.array(columns, dtype=np.int64)
        value = np.array(values, dtype=np.float64)
        if grams:
            numbers = np.concatenate(grams)
            word_line = np.repeat(np.arange(lines), words_per_line)
            gram_line = np.repeat(word_line, [len(g) for g in grams])
            span = self.size + len(self._unknown)
            keys, counts = np.unique(gram_line * span + numbers, return_counts=True)
            key_line = keys // span
            key_number = keys - key_line * span
            squares = np.bincount(key_line, weights=(counts * counts).astype(np.float64), minlength=lines)
            known = key_number < self.size
            char_line = key_line[known]
            scale = 1.0 / np.sqrt(squares[char_line])
            line_of = np.concatenate([line_of, char_line])
            column = np.concatenate([column, key_number[known]])
            value = np.concatenate([value, counts[known] * scale])
        order = np.argsort(line_of * self.size + column)
        offsets = np.zeros(lines + 1, dtype=np.intp)
        np.cumsum(np.bincount(line_of, minlength=lines), out=offsets[1:])
        return IndexedLines(
            column[order].astype(np.intp), value[order].astype(np.float32), offsets
        )


class _WordGrams(dict[str, np.ndarray]):
    """word -> its character grams' numbers, made on first sight."""

    def __init__(self, make: object) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, word: str) -> np.ndarray:
        numbers = self[word] = self._make(word)  # type: ignore[operator]
        return numbers
