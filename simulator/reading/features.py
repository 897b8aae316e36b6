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
_NUMBERS_KEPT = 1 << 18  # character grams outside the vocabulary that have a number

_YOU_WORDS = frozenset({"you", "your", "you're", "you've", "you'll"})


@dataclass(frozen=True)
class IndexedLines:
    """Lines over a fitted vocabulary, in two sparse blocks (CSR: line k is entries offsets[k]:offsets[k + 1]).

    - words and context (w:, v:, p:, x:): `columns` with their `values`;
    - characters (c:): `char_columns` with `char_counts`, how many distinct words of the line
      hold the gram; a gram's value is its count times the line's `char_scale`;
    - `char_sums`: per line, the rows of the table given to `FeatureColumns` summed over the
      line's character grams, each as often as its count (the block's product is
      ``char_scale * char_sums``); None without a table.
    """

    columns: np.ndarray  # intp
    values: np.ndarray  # float32, as `line_features` values are stored
    offsets: np.ndarray  # intp, one more than there are lines
    char_columns: np.ndarray
    char_counts: np.ndarray
    char_offsets: np.ndarray
    char_scale: np.ndarray  # float64, 0 for a line without words
    char_sums: np.ndarray | None


class FeatureColumns:
    """The features of `line_features` that a fitted vocabulary kept, as its column numbers, fast.

    `index(cleaned, previous, vision)` gives for each normalised line exactly the features and
    values `line_features` gives it, restricted to the vocabulary. The speed comes from words
    repeating: each word's character grams are found once and remembered as numbers (and, with
    a `char_table`, as that table's rows summed), word n-grams are looked up as tuples, and the
    grams that several words of a line share (which set the block's scale) are counted with
    numpy, a batch of lines at a time. Not for two threads at once: the caller holds a lock.
    """

    def __init__(
        self,
        names: Sequence[str],
        previous_words: bool = False,
        turn_scope: bool = False,
        char_table: np.ndarray | None = None,
    ) -> None:
        self.size = len(names)
        self.previous_words = previous_words
        self.turn_scope = turn_scope
        self.char_table = None if char_table is None else np.asarray(char_table, dtype=np.float64)
        plain: dict[object, int] = {}  # w: grams; a word is its own key, longer grams are tuples
        before_turn: dict[object, int] = {}  # v: grams, keyed the same way
        self.chars: dict[str, int] = {}
        self._said: dict[str, int] = {}
        context: dict[str, int] = {}
        for column, name in enumerate(names):
            kind, body = name[:2], name[2:]
            if kind == "c:":
                self.chars[body] = column
            elif kind in ("w:", "v:"):
                parts = body.split(" ")
                (plain if kind == "w:" else before_turn)[parts[0] if len(parts) == 1 else tuple(parts)] = column
            elif kind == "p:":
                self._said[body] = column
            else:
                context[name] = column
        self._plain, self._plain_keys = plain, frozenset(plain)
        self._before_turn = before_turn
        self._context = {name: context.get(name, -1) for name in CONTEXT_FEATURES}  # -1: not kept
        self._length_columns = [(limit, self._context["x:len=" + name]) for limit, name in _LENGTH_BUCKETS]
        self.memory = _WordMemory(self)

    def index(self, cleaned: Sequence[str], previous: Sequence[str], vision: Sequence[bool]) -> IndexedLines:
        """The features of normalised, non-empty lines, each with its coachee line (raw) and vision flag."""
        memory = self.memory
        if len(memory) > _WORDS_KEPT or len(memory.unknown) > _NUMBERS_KEPT:
            memory = self.memory = _WordMemory(self)  # between batches: a batch's numbers share one memory
        word_number = memory.__getitem__
        plain, plain_keys = self._plain.__getitem__, self._plain_keys
        context = self._context
        bias, no_prev, echo = context["x:bias"], context["x:no_prev"], context["x:echo"]
        echo_none, echo_some, echo_most = context["x:echo=none"], context["x:echo=some"], context["x:echo=most"]
        ends_q, has_q, you, after_vision = context["x:ends_q"], context["x:has_q"], context["x:you"], context["x:vision"]
        very_long = context["x:len=31+"]
        columns: list[int] = []  # -1 for a context feature the vocabulary did not keep
        values: list[float] = []
        per_line: list[int] = []
        word_numbers: list[int] = []
        words_per_line: list[int] = []
        said_cache: dict[str, tuple[bool, frozenset[str], list[tuple[int, float]]]] = {}
        for clean, said, seen in zip(cleaned, previous, vision, strict=True):
            before = len(columns)
            every = _WORD.findall(clean)
            tokens = every[:_MAX_WORDS]
            if tokens:
                if self.turn_scope:
                    self._word_grams_with_turn(tokens, columns, values)
                else:
                    padded = ["<s>", *tokens]
                    grams = {*tokens, *zip(padded, tokens), *zip(padded, tokens, tokens[1:])}
                    found = grams & plain_keys
                    if found:
                        columns.extend(sorted(map(plain, found)))
                        values.extend([1.0 / math.sqrt(len(grams))] * len(found))
                distinct = dict.fromkeys(tokens)  # first-seen order: the same sums in every process
                word_numbers.extend(map(word_number, distinct))
                words_per_line.append(len(distinct))
            else:
                words_per_line.append(0)

            known = said_cache.get(said)
            if known is None:
                known = said_cache[said] = self._said_of(said)
            has_previous, their_words, said_features = known
            columns.append(bias)
            values.append(1.0)
            if not has_previous:
                columns.append(no_prev)
                values.append(1.0)
            else:
                own = {w for w in every if w not in _STOP and len(w) > 1}
                share = len(own & their_words) / len(own) if own else 0.0
                columns.append(echo)
                values.append(share)
                columns.append(echo_none if share == 0 else echo_some if share < 0.5 else echo_most)
                values.append(1.0)
            if clean.rstrip(" .!\"')").endswith("?"):
                columns.append(ends_q)
                values.append(1.0)
            if "?" in clean:
                columns.append(has_q)
                values.append(1.0)
            if not _YOU_WORDS.isdisjoint(tokens):
                columns.append(you)
                values.append(1.0)
            if seen:
                columns.append(after_vision)
                values.append(1.0)
            count = len(tokens)
            for limit, column in self._length_columns:
                if count <= limit:
                    columns.append(column)
                    break
            else:
                columns.append(very_long)
            values.append(1.0)
            for column, value in said_features:
                columns.append(column)
                values.append(value)
            per_line.append(len(columns) - before)
        return self._assemble(len(cleaned), columns, values, per_line, word_numbers, words_per_line)

    def _word_grams_with_turn(self, tokens: list[str], columns: list[int], values: list[float]) -> None:
        """Word n-grams when those before a yes-but turn have their own names (v:)."""
        padded = ["<s>", *tokens]
        turn = _turn_at(padded)
        plain: set[object] = set()
        before: set[object] = set()
        for n in (1, 2, 3):
            for i in range(1 if n == 1 else 0, len(padded) - n + 1):
                key = padded[i] if n == 1 else tuple(padded[i : i + n])
                (before if i + n <= turn else plain).add(key)
        scale = 1.0 / math.sqrt(len(plain) + len(before))
        found = [self._plain[key] for key in plain if key in self._plain]
        found += [self._before_turn[key] for key in before if key in self._before_turn]
        columns.extend(sorted(found))
        values.extend([scale] * len(found))
        if turn:
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

    def _assemble(
        self,
        lines: int,
        columns: list[int],
        values: list[float],
        per_line: list[int],
        word_numbers: list[int],
        words_per_line: list[int],
    ) -> IndexedLines:
        """The two blocks as arrays; the character block counted across each line's distinct words."""
        column = np.array(columns, dtype=np.intp)
        value = np.array(values, dtype=np.float32)
        line_of = np.repeat(np.arange(lines), per_line)
        kept = column >= 0
        if not kept.all():
            column, value, line_of = column[kept], value[kept], line_of[kept]
        offsets = _offsets(line_of, lines)

        memory = self.memory
        char_scale = np.zeros(lines)
        char_sums = None if self.char_table is None else np.zeros((lines, self.char_table.shape[1]))
        if not word_numbers:
            empty = np.zeros(0, dtype=np.intp)
            return IndexedLines(column, value, offsets, empty, empty, np.zeros(lines + 1, dtype=np.intp), char_scale, char_sums)
        words = np.array(word_numbers, dtype=np.intp)
        grams = [memory.grams[w] for w in word_numbers]
        numbers = np.concatenate(grams)
        gram_line = np.repeat(np.repeat(np.arange(lines), words_per_line), memory.lengths[words])
        span = memory.span
        keys = gram_line.astype(np.int32 if lines * span < 2**31 else np.int64) * span + numbers
        keys.sort()
        first = np.empty(len(keys), dtype=bool)
        first[0] = True
        np.not_equal(keys[1:], keys[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        counts = np.diff(starts, append=len(keys))
        unique = keys[starts]
        key_line = unique // span
        key_number = unique - key_line * span
        squares = np.bincount(key_line, weights=(counts * counts).astype(np.float64), minlength=lines)
        has_words = squares > 0
        char_scale[has_words] = 1.0 / np.sqrt(squares[has_words])
        known = key_number < self.size
        char_line = key_line[known]
        if char_sums is not None:
            rows = memory.summed_rows()[words]
            word_offsets = np.zeros(lines + 1, dtype=np.intp)
            np.cumsum(words_per_line, out=word_offsets[1:])
            char_sums[has_words] = np.add.reduceat(rows, word_offsets[:-1][has_words], axis=0)
        return IndexedLines(
            column,
            value,
            offsets,
            key_number[known].astype(np.intp),
            counts[known],
            _offsets(char_line, lines),
            char_scale,
            char_sums,
        )


def _offsets(line_of: np.ndarray, lines: int) -> np.ndarray:
    """CSR offsets of entries sorted by line."""
    offsets = np.zeros(lines + 1, dtype=np.intp)
    np.cumsum(np.bincount(line_of, minlength=lines), out=offsets[1:])
    return offsets


class _WordMemory(dict[str, int]):
    """word -> its number; per number, the word's character grams as numbers (the vocabulary's
    column, or a number past the vocabulary for a gram it lacks) and, with a table, their rows summed."""

    def __init__(self, columns: FeatureColumns) -> None:
        super().__init__()
        self.columns = columns
        self.grams: list[np.ndarray] = []
        self.known: list[np.ndarray] = []
        self.unknown: dict[str, int] = {}
        self._lengths: list[int] = []
        self._sums = np.zeros((0, 0 if columns.char_table is None else columns.char_table.shape[1]))
        self._summed = 0

    @property
    def span(self) -> int:
        """One more than the largest gram number given so far."""
        return self.columns.size + len(self.unknown)

    @property
    def lengths(self) -> np.ndarray:
        return np.array(self._lengths, dtype=np.intp)

    def __missing__(self, word: str) -> int:
        edged = f" {word} "
        size = len(edged)
        chars, unknown, vocabulary = self.columns.chars, self.unknown, self.columns.size
        numbers = []
        known = []
        for gram in {edged[i : i + n] for n in (2, 3, 4, 5) for i in range(size - n + 1)}:
            number = chars.get(gram)
            if number is None:
                number = unknown.get(gram)
                if number is None:
                    number = unknown[gram] = vocabulary + len(unknown)
            else:
                known.append(number)
            numbers.append(number)
        self.grams.append(np.array(numbers, dtype=np.int32 if vocabulary + len(unknown) < 2**31 else np.int64))
        self.known.append(np.array(sorted(known), dtype=np.intp))
        self._lengths.append(len(numbers))
        number = self[word] = len(self.grams) - 1
        return number

    def summed_rows(self) -> np.ndarray:
        """Per word number, the table's rows of its known grams summed (new words summed in one go)."""
        table = self.columns.char_table
        assert table is not None
        have, need = self._summed, len(self.grams)
        if need > have:
            if need > len(self._sums):
                grown = np.zeros((max(need, 2 * len(self._sums), 1024), table.shape[1]))
                grown[:have] = self._sums[:have]
                self._sums = grown
            known = self.known[have:need]
            sizes = np.array([len(k) for k in known], dtype=np.intp)
            some = sizes > 0
            if some.any():
                starts = np.zeros(len(known), dtype=np.intp)
                np.cumsum(sizes[:-1], out=starts[1:])
                sums = np.add.reduceat(table[np.concatenate(known)], starts[some], axis=0)
                self._sums[have:need][some] = sums
            self._summed = need
        return self._sums
