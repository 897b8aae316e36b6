"""Named sparse features of one trainee line, for the learned reader (`simulator.reading.model`).

Pure Python, deterministic, no vocabulary needed: `line_features` returns every feature a line
has as a {name: value} dict, and the fitted model keeps the names it learned a weight for. Names
are readable on purpose, because the reader explains itself with them:

- ``w:have it done``: a word 1-3-gram of the normalised line (``<s>`` marks its start);
- ``v:i know``: a word n-gram before a yes-but turn (only if asked for, see `line_features`);
- ``c:atte``: a character 2-5-gram inside one word (`` `` pads the word's edges, as ``c: sha``);
- ``p:knackered``: a content word of the coachee's previous line (only if asked for);
- ``l:<s> have``: a word 1-2-gram of the last sentence of a line of several sentences, with
  ``x:multi`` (only if asked for; the fitted reader asks, see `last_sentence_grams`);
- ``q:are?``: the frame of the line's last question, its first word after any lead-in (only if
  asked for, see `question_frame`);
- ``x:...``: a context feature: ``x:echo`` (share of the line's content words that occur in the
  coachee's previous line, compared on their first five letters), ``x:echo=none/some/most``,
  ``x:no_prev``, ``x:ends_q``, ``x:has_q``, ``x:you``, ``x:len=...`` (word-count bucket),
  ``x:vision``, ``x:feel=negative/positive`` (the feeling words the line names, `feeling_of`) and
  ``x:feel_as_said`` / ``x:feel_unlike_said`` (the same feeling as the coachee's line, or the opposite).

The word and character blocks are each scaled to unit length (word n-grams: binary presence;
character n-grams: the number of distinct words holding the gram), so a long line does not
outvote a short one by sheer count.
Text is normalised with `simulator.reading.trainee_text.normalise`, as every reader of trainee lines does.

`line_features` is the definition (the fit reads it); `FeatureColumns` is the fast way to the
same features of many lines as column numbers of a fitted vocabulary, for reading.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from operator import add
from typing import cast

import numpy as np

from simulator.reading.feature_names import FeatureNames, NamedColumns
from simulator.reading.reflection import valence_words, word_feeling
from simulator.reading.trainee_text import LEAD_IN_WORDS, SENTENCE_END, normalise

__all__ = [
    "CONTEXT_FEATURES",
    "FeatureColumns",
    "IndexedLines",
    "content_words",
    "distinct_with_index",
    "feeling_features",
    "feeling_of",
    "line_features",
    "stems",
    "words",
]

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
        # Greetings, thanks and apologies: "hi" after the coachee's "Hi. Sorry, I had to finish
        # the bookings" is a greeting returned, not their words reflected.
        "hi",
        "hello",
        "hey",
        "morning",
        "thanks",
        "thank",
        "cheers",
        "sorry",
        "bye",
        "please",
    ]
)

_TURN_WORDS = frozenset({"but", "however", "though", "although"})

_LENGTH_BUCKETS = ((1, "1"), (3, "2-3"), (7, "4-7"), (15, "8-15"), (30, "16-30"))

_FEELING_NAMES = ("x:feel=negative", "x:feel=positive", "x:feel_as_said", "x:feel_unlike_said")

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
    *_FEELING_NAMES,
)

_STEM = 5
"""Lines are compared word by word on each word's first five letters: a reflection's "correctness"
echoes the coachee's "correct", its "exhausting" their "exhausted"."""


def words(clean: str) -> list[str]:
    """The words of a normalised line (apostrophes kept inside words), at most the first 60."""
    return _WORD.findall(clean)[:_MAX_WORDS]


def content_words(clean: str) -> set[str]:
    """The words of a normalised line that carry content (no function words, no single letters)."""
    return {w for w in _WORD.findall(clean) if w not in _STOP and len(w) > 1}


def stems(content: Iterable[str]) -> set[str]:
    """Content words as they are compared with the coachee's (their first `_STEM` letters)."""
    return {word[:_STEM] for word in content}


@lru_cache(maxsize=1)
def _feeling_phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The negative and positive feeling phrases of `valence.json` (its entries of several words)."""
    negative, positive = valence_words()
    return tuple(w for w in negative if " " in w), tuple(w for w in positive if " " in w)


def feeling_of(clean: str, tokens: Sequence[str]) -> str:
    """Which way the feeling words of a normalised line lean: "negative", "positive" or "" (none, a tie).

    A word counts when it begins like a feeling word ("exhaust" holds "exhausted"), a phrase when
    the line holds it. A reflection that names the feeling the coachee voiced is empathy; one that
    names the opposite feeling missed them.
    """
    negative_phrases, positive_phrases = _feeling_phrases()
    low = sum(map(clean.__contains__, negative_phrases))
    high = sum(map(clean.__contains__, positive_phrases))
    for feeling in map(word_feeling, tokens):
        low += feeling == "negative"
        high += feeling == "positive"
    return "negative" if low > high else "positive" if high > low else ""


def line_features(
    text: str,
    previous_coachee_line: str = "",
    vision_established: bool = False,
    previous_words: bool = False,
    turn_scope: bool = False,
    last_sentence: bool = False,
    frame: bool = False,
) -> dict[str, float]:
    """Every feature of one line as {name: value}; an empty line has only the context features.

    With `previous_words`, the content words of the coachee's previous line are features too
    (``p:knackered``): what a reflection is about often shows only in what it answers.
    With `turn_scope`, the word n-grams before a turn ("but", "however", "though", "although"
    after the second word) are named ``v:`` instead of ``w:``, and ``x:turn`` is set: "I know
    you're tired" then reads on its own, apart from "I know you're tired, but ...", the yes-but
    turn that takes the empathy back.
    With `last_sentence`, a line of two or more sentences also has the word 1- and 2-grams of its
    last sentence (``l:``) and ``x:multi``: see `last_sentence_grams`.
    With `frame`, the frame of its last question is a feature too (``q:``): see `question_frame`.
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

    if last_sentence:
        last = last_sentence_grams(clean)
        if last:
            scale = 1.0 / math.sqrt(len(last))
            for gram in last:
                features["l:" + gram] = scale
            features["x:multi"] = 1.0

    if frame:
        framed = question_frame(clean)
        if framed:
            features[framed] = 1.0

    features.update(context_features(clean, tokens, previous_coachee_line, vision_established))
    return features


def last_sentence_grams(clean: str) -> tuple[str, ...]:
    """The word 1- and 2-grams of the last sentence of a normalised line of two or more sentences
    (none for one sentence), ascending; the sentence's start is "<s>". In a turn of several
    sentences the act that does the work often comes last ("Right. Sit down. Your numbers are a
    disgrace."; "I know it's been hard. Have it done by Friday."), and a line's own n-grams
    cannot tell where they stand."""
    sentences = [sentence for sentence in SENTENCE_END.split(clean) if _WORD.search(sentence)]
    if len(sentences) < 2:
        return ()
    padded = ["<s>", *_WORD.findall(sentences[-1])]
    grams = {
        " ".join(padded[i : i + n]) for n in (1, 2) for i in range(1 if n == 1 else 0, len(padded) - n + 1)
    }
    return tuple(sorted(grams))


def question_frame(clean: str) -> str:
    """``q:`` and the first word, after any lead-in words, of the last sentence of a normalised
    line that asks ("?" follows the word then), or of its last sentence if none asks; "" for a
    line of lead-ins only. Whether a question is open or closed is settled by how its clause
    starts ("so are there other things..." asks for a yes or no, "so what else..." does not),
    and neither the line's first word nor the last sentence's finds that start behind "okay, so"
    or before a sentence that follows the question."""
    sentences = [sentence for sentence in SENTENCE_END.split(clean) if _WORD.search(sentence)]
    asked = [sentence for sentence in sentences if "?" in sentence]
    chosen = asked[-1] if asked else sentences[-1] if sentences else ""
    for word in _WORD.findall(chosen):
        if word not in LEAD_IN_WORDS:
            return f"q:{word}{'?' if asked else ''}"
    return ""


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
        own = stems(content_words(clean))
        share = len(own & stems(content_words(previous))) / len(own) if own else 0.0
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
    felt = feeling_of(clean, tokens)
    heard = feeling_of(previous, words(previous)) if felt and previous else ""
    features.update(dict.fromkeys(feeling_features(felt, heard), 1.0))
    return features


def feeling_features(felt: str, heard: str) -> tuple[str, ...]:
    """The x:feel features of a line naming the feeling `felt` after a coachee line naming `heard`
    (each "negative", "positive" or ""), in `_FEELING_NAMES` order."""
    if not felt:
        return ()
    if not heard:
        return ("x:feel=" + felt,)
    return ("x:feel=" + felt, "x:feel_as_said" if heard == felt else "x:feel_unlike_said")


# --- the fast path: lines as columns of a fitted vocabulary -----------------------------------

_WORDS_KEPT = 1 << 15  # distinct words remembered between batches (with their character grams)
_NUMBERS_KEPT = 1 << 18  # character grams outside the vocabulary that have a number

_YOU_WORDS = frozenset({"you", "your", "you're", "you've", "you'll"})

# A word of one letter or digit (the only one-character words `words` finds) carries no content either.
_NO_CONTENT = _STOP | frozenset("abcdefghijklmnopqrstuvwxyz0123456789")

_SAID_KEPT = 2048  # coachee lines remembered as `_said_of` reads them: a persona's lines, and then some

_PLACE_BITS = 6  # enough for a word's place among a line's first _MAX_WORDS
assert _MAX_WORDS <= 1 << _PLACE_BITS

_NO_PREVIOUS = -1.0  # the echo share of a line with no coachee line before it

_LENGTH_NAMES = (*(f"x:len={name}" for _, name in _LENGTH_BUCKETS), "x:len=31+")
_LENGTH_LIMIT_LIST = [limit for limit, _ in _LENGTH_BUCKETS]
_LENGTH_LIMITS = np.array(_LENGTH_LIMIT_LIST)

# A coachee line, as `_said_of` reads it: whether there is one, its content stems, its p: features
# and the way its feeling words lean.
_SAID = tuple[bool, frozenset[str], list[tuple[int, float]], str]


@dataclass(frozen=True)
class IndexedLines:
    """Lines over a fitted vocabulary, in two sparse blocks (CSR: line k is entries offsets[k]:offsets[k + 1]).

    - words and context (w:, v:, p:, l:, x:): `columns` with their `values`, in a fixed order
      (word n-grams by column, the x: features, then p:, v: and l: features);
    - characters (c:): `char_columns` (ascending) with `char_counts`, how many distinct words
      of the line hold the gram; a gram's value is its count times the line's `char_scale`;
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
    # `index` only (what a cue names; `index_one` leaves both to the caller): for each character
    # gram, the memory number of the line's first word that holds it; for each line, whether its
    # words, stripped of edge punctuation, are exactly the words the features read.
    char_holders: np.ndarray | None = None
    plain_words: list[bool] | None = None


class FeatureColumns:
    """The features of `line_features` that a fitted vocabulary kept, as its column numbers, fast.

    `index(cleaned, previous, vision)` gives for each normalised line exactly the features and
    values `line_features` gives it, restricted to the vocabulary; `index_one` gives the same
    for one line, in the same order, with less fixed cost. Words repeat, so each word gets a
    number and its character grams are found once and remembered (with a `char_table`, as that
    table's rows summed too). For a batch, Python only splits the lines into numbered words:
    numpy finds every line's distinct word n-grams at once, counts the character grams that
    several words of a line share (they set the block's scale) and looks everything up. Not
    for two threads at once: the caller holds a lock.
    """

    def __init__(
        self,
        names: Sequence[str],
        previous_words: bool = False,
        turn_scope: bool = False,
        char_table: np.ndarray | None = None,
        last_sentence: bool = False,
        frame: bool = False,
    ) -> None:
        self.names = names if isinstance(names, FeatureNames) else FeatureNames(names)
        self.size = len(names)
        self.frame = frame
        self.previous_words = previous_words
        self.turn_scope = turn_scope
        self.last_sentence = last_sentence
        self.char_table = char_table  # summed in float64
        names = self.names  # each name is made a string only when it is looked at
        kinds = names.kinds()

        def columns(kind: str) -> list[int]:
            found: list[int] = kinds.get(kind, _NONE).tolist()
            return found

        def bodies(kind: str) -> Iterable[str]:
            return names.bodies(columns(kind), kind)

        # Character grams, the most names, are looked up only for a word met for the first time:
        # kept as hashes (`NamedColumns`). The grams of every line are looked up in dictionaries.
        self.chars = NamedColumns(names, "c:", columns("c:"), bodies("c:"))
        self._last_columns, self._frame_columns, self._said_columns = (
            dict(zip(bodies(kind), columns(kind), strict=True)) for kind in ("l:", "q:", "p:")
        )
        context = {
            names[column]: column
            for kind in kinds
            if kind not in _NAMED_BY_BODY
            for column in kinds[kind].tolist()
        }
        self._multi = context.get("x:multi", -1)
        self.bias = context.get("x:bias", -1)
        # w: grams: one-word grams by their word; longer ones both as tuples of words (for a line
        # read alone) and as numbered words in numpy tables (for a batch).
        plain = kinds.get("w:", _NONE)
        spaces = np.fromiter((body.count(" ") for body in bodies("w:")), dtype=np.intp, count=len(plain))
        assert not len(spaces) or spaces.max() <= 2, "word grams are at most three words long"
        by_size = [plain[spaces == size].tolist() for size in (0, 1, 2)]
        self.unigrams = dict(zip(names.bodies(by_size[0], "w:"), by_size[0], strict=True))
        # The words of longer w: grams, numbered as they are first met ("<s>" first), pairs then
        # triples; each gram's words are numbered as its name is read, so that no list of every
        # word is made (it took 14 MB at the peak).
        numbered = {"<s>": 0}
        pairs, triples = (_numbered_words(names.bodies(by_size[size], "w:"), numbered) for size in (1, 2))
        self._pairs = _GramTable(pairs, by_size[1], len(numbered), 2)
        self._triples = _GramTable(triples, by_size[2], len(numbered), 3)
        del pairs, triples
        # Kept made afresh, side by side, not among the words just freed: a few survivors scattered
        # over the heap would keep all of it.
        self.gram_words = dict(zip(" ".join(numbered).split(" "), range(len(numbered)), strict=True))
        del numbered
        # Word grams by their words' tuple, for the names that turn scope gives them (v: and w:).
        self._grams: dict[object, int] = {}
        self._before_turn: dict[object, int] = {}
        if turn_scope:
            for table, kind in ((self._grams, "w:"), (self._before_turn, "v:")):
                table.update(
                    (grams[0] if len(grams) == 1 else grams, column)
                    for grams, column in zip(
                        (tuple(body.split(" ")) for body in bodies(kind)),
                        columns(kind),
                        strict=True,
                    )
                )
        self._context = {name: context.get(name, -1) for name in CONTEXT_FEATURES}  # -1: not kept
        self._length_list = [self._context[name] for name in _LENGTH_NAMES]
        self._length_columns = np.array(self._length_list)
        self.memory = _WordMemory(self)
        # Coachee lines as `_said_of` read them, kept across lines and batches: a simulated coachee
        # says the persona's lines, so they come round again (`remember_said` fills it up front).
        self._said_cache: dict[str, _SAID] = {}

    # --- many lines ---------------------------------------------------------------------------

    def index(self, cleaned: Sequence[str], previous: Sequence[str], vision: Sequence[bool]) -> IndexedLines:
        """The features of normalised, non-empty lines, each with its coachee line (raw) and vision flag."""
        memory = self._memory()
        number_of = memory.__getitem__
        numbers: list[int] = []  # each line's words (the first 60), as numbers
        per_line: list[int] = []
        echo: list[float] = []
        felt: list[tuple[str, ...]] = []  # each line's x:feel features (`_felt`)
        plain: list[bool] = []
        extra: list[tuple[int, int, float]] = []  # (line, column, value) found word by word
        words_of_lines = [_words_of(clean) for clean in cleaned]
        memory.learn(chain.from_iterable(every[:_MAX_WORDS] for every in words_of_lines))
        for line, (clean, said, every) in enumerate(zip(cleaned, previous, words_of_lines, strict=True)):
            tokens = every[:_MAX_WORDS]
            numbers.extend(map(number_of, tokens))
            per_line.append(len(tokens))
            plain.append(clean.translate(_EDGE_MARKS) == " ".join(every))
            known = self._said(said)
            echo.append(_echo(every, known))
            felt.append(_felt(clean, tokens, known))
            if known[2]:
                extra.extend((line, column, value) for column, value in known[2])
            if self.turn_scope and tokens:
                extra.extend((line, column, value) for column, value in self._grams_with_turn(tokens))
            if self.last_sentence:
                extra.extend((line, column, value) for column, value in self._last_sentence(clean))
            if self.frame:
                extra.extend((line, column, value) for column, value in self._frame(clean))
        lines = len(cleaned)
        memory.settle()
        words = _LineWords(np.array(numbers, dtype=np.int64), np.array(per_line, dtype=np.intp), len(memory))
        asks = [clean.rstrip(_TRAILING).endswith("?") for clean in cleaned]
        has_q = ["?" in clean for clean in cleaned]
        blocks = [] if self.turn_scope else [self._word_grams(words, lines)]
        blocks.append(self._context_block(words, lines, np.array(echo), asks, has_q, vision, felt))
        if extra:
            found = np.array(extra, dtype=np.float64).reshape(-1, 3)
            blocks.append(
                (found[:, 0].astype(np.intp), found[:, 1].astype(np.intp), found[:, 2].astype(np.float32))
            )
        line_of, column, value = (np.concatenate(parts) for parts in zip(*blocks, strict=True))
        order = np.argsort(line_of, kind="stable")  # line by line, each block in its own order
        line_of, column, value = line_of[order], column[order], value[order]
        kept = column >= 0
        if not kept.all():
            line_of, column, value = line_of[kept], column[kept], value[kept]
        indexed = self._with_characters(lines, column, value, _offsets(line_of, lines), words)
        return dataclasses.replace(indexed, plain_words=plain)

    def _word_grams(self, words: _LineWords, lines: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(line, column, value) of every line's w: grams, by column, each line's scaled to unit length."""
        memory = self.memory
        start = words.start  # the number of "<s>"
        span = start + 1
        unigram_columns = np.append(memory.unigram_columns[:start], -1)
        gram_words = np.append(memory.gram_words[:start], 0)
        distinct = words.distinct
        pairs, pair_index = distinct_with_index(words.pair_keys)
        triples = _distinct(words.triple_keys(pair_index))
        pair_line = pairs // (span * span)
        triple_pair = triples // span
        count = np.bincount(distinct // span, minlength=lines)
        count += np.bincount(pair_line, minlength=lines)
        count += np.bincount(pair_line[triple_pair], minlength=lines)
        scale = np.zeros(lines, dtype=np.float64)
        has_words = count > 0
        scale[has_words] = 1.0 / np.sqrt(count[has_words])

        first, second = gram_words[(pairs // span) % span], gram_words[pairs % span]
        line_of = np.concatenate([distinct // span, pair_line, pair_line[triple_pair]])
        column = np.concatenate(
            [
                unigram_columns[distinct % span],
                self._pairs.columns_of(first, second),
                self._triples.columns_of(gram_words[triples % span], first[triple_pair], second[triple_pair]),
            ]
        )
        kept = column >= 0
        keys = np.sort(line_of[kept] * self.size + column[kept])
        line_of = keys // self.size
        return line_of, keys - line_of * self.size, scale[line_of].astype(np.float32)

    def _context_block(
        self,
        words: _LineWords,
        lines: int,
        echo: np.ndarray,
        asks: list[bool],
        has_q: list[bool],
        vision: Sequence[bool],
        felt: list[tuple[str, ...]],
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(line, column, value) of the x: features, feature by feature (-1: a column not kept)."""
        context = self._context
        every_line = np.arange(lines)
        span = words.start + 1
        you = np.zeros(lines, dtype=bool)
        you[
            words.distinct[np.append(self.memory.you[: words.start], False)[words.distinct % span]] // span
        ] = True
        said = echo != _NO_PREVIOUS
        bucket = np.where(
            echo == 0,
            context["x:echo=none"],
            np.where(echo < 0.5, context["x:echo=some"], context["x:echo=most"]),
        )
        length = self._length_columns[np.searchsorted(_LENGTH_LIMITS, words.per_line)]
        ones = np.ones(lines)
        parts = [
            (every_line, np.full(lines, context["x:bias"]), ones),
            (every_line[~said], np.full(lines, context["x:no_prev"])[~said], ones[~said]),
            (every_line[said], np.full(lines, context["x:echo"])[said], echo[said]),
            (every_line[said], bucket[said], ones[said]),
        ]
        for flags, name in ((asks, "x:ends_q"), (has_q, "x:has_q"), (you, "x:you"), (vision, "x:vision")):
            chosen = every_line[np.asarray(flags, dtype=bool)]
            parts.append((chosen, np.full(len(chosen), context[name]), np.ones(len(chosen))))
        parts.append((every_line, length, ones))
        for name in _FEELING_NAMES:  # each line has at most two of these, in this order
            chosen = every_line[[name in names for names in felt]]
            parts.append((chosen, np.full(len(chosen), context[name]), np.ones(len(chosen))))
        line_of, column, value = (np.concatenate(part) for part in zip(*parts, strict=True))
        return line_of, column, value.astype(np.float32)

    def _with_characters(
        self, lines: int, column: np.ndarray, value: np.ndarray, offsets: np.ndarray, words: _LineWords
    ) -> IndexedLines:
        """Add the character block of each line's distinct words."""
        memory = self.memory
        char_scale = np.zeros(lines)
        char_sums = None if self.char_table is None else np.zeros((lines, self.char_table.shape[1]))
        word_line, word = np.divmod(words.distinct, words.start + 1)
        if not len(word):
            empty = np.zeros(0, dtype=np.intp)
            return IndexedLines(
                column,
                value,
                offsets,
                empty,
                empty,
                np.zeros(lines + 1, dtype=np.intp),
                char_scale,
                char_sums,
                empty,
            )
        numbers = memory.grams_of(word)
        lengths = memory.lengths[word]
        numbered = memory.span
        # Sorted, the keys count the words of a line that hold each gram; their low bits keep the
        # earliest of those words' places in the line, which a cue names.
        keys = (np.repeat(word_line, lengths) * numbered + numbers) << _PLACE_BITS
        keys |= np.repeat(words.first_place, lengths)
        keys.sort()
        first = np.empty(len(keys), dtype=bool)
        first[0] = True
        np.not_equal(keys[1:] >> _PLACE_BITS, keys[:-1] >> _PLACE_BITS, out=first[1:])
        starts = np.flatnonzero(first)
        counts = np.diff(starts, append=len(keys))
        unique = keys[starts] >> _PLACE_BITS
        key_line = unique // numbered
        key_number = unique - key_line * numbered
        squares = np.bincount(key_line, weights=(counts * counts).astype(np.float64), minlength=lines)
        has_words = squares > 0
        char_scale[has_words] = 1.0 / np.sqrt(squares[has_words])
        known = key_number < self.size
        if char_sums is not None:
            # Summed word by word in the order the words first come in the line: the same sums
            # whatever numbers the words were given.
            in_order = np.argsort((word_line << _PLACE_BITS) | words.first_place)
            rows = memory.summed_rows()[word[in_order]]
            word_offsets = _offsets(word_line, lines)
            char_sums[has_words] = np.add.reduceat(rows, word_offsets[:-1][has_words], axis=0)
        place = keys[starts[known]] & ((1 << _PLACE_BITS) - 1)
        return IndexedLines(
            column,
            value,
            offsets,
            key_number[known].astype(np.intp),
            counts[known],
            _offsets(key_line[known], lines),
            char_scale,
            char_sums,
            words.numbers[words.starts[key_line[known]] + place],
        )

    # --- one line -----------------------------------------------------------------------------

    def index_one(self, clean: str, said: str, seen: bool) -> IndexedLines:
        """`index` of one line, found word by word: the same columns, values and order, sooner."""
        memory = self._memory()
        every = _words_of(clean)
        tokens = every[:_MAX_WORDS]
        memory.learn(tokens)
        found: list[tuple[int, float]] = []
        if tokens and not self.turn_scope:
            padded = ["<s>", *tokens]
            # "<s>" and every word, each word with the next, each with the next two: the pairs and triples
            pairs = set(zip(padded, tokens, strict=False))
            triples = set(zip(padded, tokens, tokens[1:], strict=False))
            singles = set(tokens)
            scale = 1.0 / math.sqrt(len(singles) + len(pairs) + len(triples))
            columns = [column for column in map(self.unigrams.get, singles) if column is not None]
            columns += self._pairs.columns_of_words(pairs, self.gram_words)
            columns += self._triples.columns_of_words(triples, self.gram_words)
            found += [(column, scale) for column in sorted(columns)]
        known = self._said(said)
        echo = _echo(every, known)
        context = self._context
        found.append((context["x:bias"], 1.0))
        if echo == _NO_PREVIOUS:
            found.append((context["x:no_prev"], 1.0))
        else:
            bucket = "none" if echo == 0 else "some" if echo < 0.5 else "most"
            found += [(context["x:echo"], echo), (context["x:echo=" + bucket], 1.0)]
        for flag, name in (
            (clean.rstrip(_TRAILING).endswith("?"), "x:ends_q"),
            ("?" in clean, "x:has_q"),
            (not _YOU_WORDS.isdisjoint(tokens), "x:you"),
            (seen, "x:vision"),
        ):
            if flag:
                found.append((context[name], 1.0))
        found.append((self._length_list[bisect.bisect_left(_LENGTH_LIMIT_LIST, len(tokens))], 1.0))
        named = _felt(clean, tokens, known)
        found += [(context[name], 1.0) for name in _FEELING_NAMES if name in named]
        found += known[2]
        if self.turn_scope and tokens:
            found += self._grams_with_turn(tokens)
        if self.last_sentence:
            found += self._last_sentence(clean)
        if self.frame:
            found += self._frame(clean)
        found = [(column, value) for column, value in found if column >= 0]
        column = np.array([c for c, _ in found], dtype=np.intp)
        value = np.array([v for _, v in found], dtype=np.float32)
        offsets = np.array([0, len(column)], dtype=np.intp)
        char_sums = None if self.char_table is None else np.zeros((1, self.char_table.shape[1]))
        if not tokens:
            empty = np.zeros(0, dtype=np.intp)
            return IndexedLines(
                column, value, offsets, empty, empty, np.zeros(2, dtype=np.intp), np.zeros(1), char_sums
            )
        # The character block as `_with_characters` has it, without a batch's line bookkeeping.
        word = np.fromiter(
            dict.fromkeys(map(memory.__getitem__, tokens)), dtype=np.intp
        )  # as they first come
        unique, counts = _distinct_with_counts(memory.grams_of(word))
        in_vocabulary = unique < self.size
        if char_sums is not None:
            char_sums = np.add.reduceat(memory.summed_rows()[word], [0], axis=0)
        return IndexedLines(
            column,
            value,
            offsets,
            unique[in_vocabulary].astype(np.intp),
            counts[in_vocabulary],
            np.array([0, np.count_nonzero(in_vocabulary)], dtype=np.intp),
            np.array([1.0 / math.sqrt(float(np.dot(counts, counts)))]),
            char_sums,
        )

    # --- both ---------------------------------------------------------------------------------

    def _memory(self) -> _WordMemory:
        if len(self.memory) > _WORDS_KEPT or len(self.memory.unknown) > _NUMBERS_KEPT:
            self.memory = _WordMemory(self)  # between batches: a batch's numbers share one memory
        return self.memory

    def _grams_with_turn(self, tokens: list[str]) -> list[tuple[int, float]]:
        """Word n-grams when those before a yes-but turn have their own names (v:), and x:turn."""
        padded = ["<s>", *tokens]
        turn = _turn_at(padded)
        plain: set[object] = set()
        before: set[object] = set()
        for n in (1, 2, 3):
            for i in range(1 if n == 1 else 0, len(padded) - n + 1):
                key = padded[i] if n == 1 else tuple(padded[i : i + n])
                (before if i + n <= turn else plain).add(key)
        scale = 1.0 / math.sqrt(len(plain) + len(before))
        found = [self._grams[key] for key in plain if key in self._grams]
        found += [self._before_turn[key] for key in before if key in self._before_turn]
        grams = [(column, scale) for column in sorted(found)]
        return [*grams, (self._context["x:turn"], 1.0)] if turn else grams

    def _last_sentence(self, clean: str) -> list[tuple[int, float]]:
        """The kept l: grams of the line's last sentence, by column, then x:multi (none for one sentence)."""
        grams = last_sentence_grams(clean)
        if not grams:
            return []
        scale = 1.0 / math.sqrt(len(grams))
        columns = sorted(column for column in map(self._last_columns.get, grams) if column is not None)
        return [*((column, scale) for column in columns), (self._multi, 1.0)]

    def _frame(self, clean: str) -> list[tuple[int, float]]:
        """The line's q: feature, if the vocabulary kept it (see `question_frame`)."""
        column = self._frame_columns.get(question_frame(clean)[2:])
        return [] if column is None else [(column, 1.0)]

    def remember_said(self, lines: Iterable[str]) -> None:
        """Read the coachee lines now, as a line after each would need them (the practice warm-up
        passes the persona's): a new coachee line otherwise costs the next line read 50 to 100 µs."""
        for said in lines:
            self._said(said)

    def _said(self, said: str) -> _SAID:
        known = self._said_cache.get(said)
        if known is None:
            if len(self._said_cache) >= _SAID_KEPT:
                self._said_cache.clear()
            known = self._said_cache[said] = self._said_of(said)
        return known

    def _said_of(self, said: str) -> _SAID:
        """The coachee's previous line: whether there is one, its content stems, its p: features, its feeling."""
        previous = normalise(said)
        every = _words_of(previous)
        content = frozenset(every).difference(_NO_CONTENT)
        features: list[tuple[int, float]] = []
        if self.previous_words and said:
            kept = sorted(content)[:_MAX_WORDS]
            if kept:
                scale = 1.0 / math.sqrt(len(kept))
                features = [(self._said_columns[w], scale) for w in kept if w in self._said_columns]
        return bool(previous), frozenset(stems(content)), features, feeling_of(previous, every[:_MAX_WORDS])


_TRAILING = " .!\"')"  # stripped before asking whether a line ends with '?'

# Punctuation a cue strips from a word's edges, but the apostrophe: with them gone, a line of
# plain words is its words joined (a mark inside a word splits it, so the two then differ).
_EDGE_MARKS = str.maketrans("", "", '.,!?;:"()')

_NONE = np.zeros(0, dtype=np.intp)  # the columns of a kind the vocabulary has none of

# Kinds whose features are kept by what follows the colon.
_NAMED_BY_BODY = ("c:", "w:", "v:", "p:", "l:", "q:")


def _words_of(clean: str) -> list[str]:
    """`_WORD.findall(clean)`; for an ASCII line with no apostrophe, without the regex (then a word
    is just a run of letters and digits)."""
    if "'" in clean or not clean.isascii():
        return _WORD.findall(clean)
    return clean.translate(_NOT_WORD).split()


_NOT_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not ("a" <= c <= "z" or "0" <= c <= "9")})


def _felt(clean: str, tokens: list[str], said: _SAID) -> tuple[str, ...]:
    """`feeling_features` of a line after the coachee line `said`."""
    return feeling_features(feeling_of(clean, tokens), said[3])


def _echo(every: list[str], said: _SAID) -> float:
    """Share of the line's content words the coachee's previous line holds (_NO_PREVIOUS: no line)."""
    if not said[0]:
        return _NO_PREVIOUS
    own = stems(set(every).difference(_NO_CONTENT))
    return len(own & said[1]) / len(own) if own else 0.0


def _distinct(keys: np.ndarray) -> np.ndarray:
    """The distinct keys, ascending (np.unique, without its first-call import of numpy.ma)."""
    if not len(keys):
        return keys
    keys = np.sort(keys)
    first = np.empty(len(keys), dtype=bool)
    first[0] = True
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    return keys[first]


def _distinct_with_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    keys = np.sort(keys)
    first = np.empty(len(keys), dtype=bool)
    first[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    return keys[starts], np.diff(starts, append=len(keys))


def distinct_with_index(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct keys, ascending, and for each key the index of its distinct value."""
    order = np.argsort(keys)
    ordered = keys[order]
    first = np.empty(len(keys), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    index = np.empty(len(keys), dtype=np.intp)
    index[order] = np.cumsum(first) - 1
    return ordered[first], index


class _LineWords:
    """The words of a batch of lines as numbers, and the keys of their distinct n-grams.

    A word's number is its number in the memory; `start` (one past them) stands for "<s>".
    Keys are unique per line: a word is ``line * span + word``, a pair ``(line * span + a) * span + b``.
    """

    def __init__(self, numbers: np.ndarray, per_line: np.ndarray, start: int) -> None:
        self.numbers = numbers
        self.per_line = per_line
        self.start = start
        span = start + 1
        lines = len(per_line)
        self.starts = np.cumsum(per_line) - per_line  # where each line's words begin in `numbers`
        line_of = np.repeat(np.arange(lines), per_line)
        place = np.arange(len(numbers)) - np.repeat(self.starts, per_line)
        # The distinct words of each line, and where each first comes (sorted, the place is in the low bits).
        keys = np.sort(((line_of * span + numbers) << _PLACE_BITS) | place)
        first = np.empty(len(keys), dtype=bool)
        first[:1] = True
        np.not_equal(keys[1:] >> _PLACE_BITS, keys[:-1] >> _PLACE_BITS, out=first[1:])
        self.distinct = keys[first] >> _PLACE_BITS
        self.first_place = keys[first] & ((1 << _PLACE_BITS) - 1)
        opening = np.zeros(len(numbers), dtype=bool)
        opening[self.starts[per_line > 0]] = True
        before = np.empty_like(numbers)
        before[1:] = numbers[:-1]
        before[opening] = start
        self._before = before
        self._opening = opening
        self.pair_keys = (line_of * span + before) * span + numbers

    def triple_keys(self, pair_index: np.ndarray) -> np.ndarray:
        """Keys of the word triples, given each word's pair as an index into the distinct pairs."""
        later = np.flatnonzero(~self._opening)  # a word after the first ends a triple
        return np.asarray(pair_index[later] * (self.start + 1) + self._before[later - 1])


def _numbered_words(bodies: Iterable[str], numbers: dict[str, int]) -> array[int]:
    """The number of each word of the grams, one gram after another; a word met for the first time
    is given the next number (in `numbers`)."""
    numbered = array("q")
    for body in bodies:
        for word in body.split(" "):
            number = numbers.get(word)
            if number is None:
                number = numbers[word] = len(numbers)
            numbered.append(number)
    return numbered


class _GramTable:
    """Known word n-grams of one length (their words numbered) and their columns, looked up with numpy."""

    def __init__(self, words: array[int], columns: list[int], word_count: int, size: int) -> None:
        """`words`: the numbers of the grams' words one after another, `size` to a gram;
        `word_count`: how many words are numbered."""
        self.words = word_count
        numbered = np.frombuffer(words, dtype=np.int64).reshape(-1, size)
        keys = np.zeros(len(numbered), dtype=np.int64)
        for position in range(size):
            keys = keys * self.words + numbered[:, position]
        order = np.argsort(keys)
        self.keys = keys[order]
        self.columns = np.array(columns, dtype=np.intp)[order]

    def columns_of_words(self, grams: Iterable[tuple[str, ...]], numbers: dict[str, int]) -> list[int]:
        """`columns_of` for a few grams given as words: the columns of those that are known. The
        keys are worked out in Python and looked up with one search (a dictionary of every key
        would be faster by a few microseconds a line and take megabytes for as long as the reader
        lives)."""
        base, number = self.words, numbers.get
        keys = []
        for gram in grams:
            key = 0
            for word in gram:
                at = number(word)
                if at is None:
                    break
                key = key * base + at
            else:
                keys.append(key)
        if not keys or not len(self.keys):
            return []
        wanted = np.array(keys, dtype=np.int64)
        place = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        found: list[int] = self.columns[place[self.keys[place] == wanted]].tolist()
        return found

    def columns_of(self, *parts: np.ndarray) -> np.ndarray:
        """Column of each n-gram given its words' numbers (-1: a word in no known gram), or -1."""
        keys = np.zeros(len(parts[0]), dtype=np.int64)
        valid = np.ones(len(parts[0]), dtype=bool)
        for part in parts:
            keys = keys * self.words + part
            valid &= part >= 0
        found = np.full(len(keys), -1, dtype=np.intp)
        if len(self.keys):
            at = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
            hit = valid & (self.keys[at] == keys)
            found[hit] = self.columns[at[hit]]
        return found


def _char_grams_of(edged: str) -> list[str]:
    """The 2-5-character grams of a padded word (as `_char_grams`, without the c: and with repeats)."""
    pairs = list(map(add, edged, edged[1:]))
    threes = list(map(add, pairs, edged[2:]))
    fours = list(map(add, threes, edged[3:]))
    return [*pairs, *threes, *fours, *map(add, fours, edged[4:])]


def _offsets(line_of: np.ndarray, lines: int) -> np.ndarray:
    """CSR offsets of entries sorted by line."""
    offsets = np.zeros(lines + 1, dtype=np.intp)
    np.cumsum(np.bincount(line_of, minlength=lines), out=offsets[1:])
    return offsets


class _WordMemory(dict[str, int]):
    """word -> its number, and per number what the reader needs of the word: its character grams as
    numbers, ascending (the vocabulary's column, or a number past the vocabulary for a gram it
    lacks), its w: column, its number among the words of longer w: grams, whether it is a "you"
    word, and, with a table, the table's rows summed over its known grams.

    A new word costs a few dictionary lookups; the arrays numpy reads are brought up to date for
    all new words at once, by `settle`.
    """

    def __init__(self, columns: FeatureColumns) -> None:
        super().__init__()
        self.columns = columns
        self.words: list[str] = []
        self.unsettled: list[tuple[int, ...]] = []  # the gram numbers of each word `settle` has yet to take
        self.unknown: dict[str, int] = {}
        self.flat = np.zeros(0, dtype=np.int64)  # every word's gram numbers, one after another
        self.starts = np.zeros(0, dtype=np.intp)  # where each word's grams start in `flat`
        self.lengths = np.zeros(0, dtype=np.intp)
        self.unigram_columns = np.zeros(0, dtype=np.intp)
        self.gram_words = np.zeros(0, dtype=np.intp)
        self.you = np.zeros(0, dtype=bool)
        self.word_of_unigram = np.full(columns.size, -1, dtype=np.intp)  # a w: word's column -> its number
        self._settled = 0
        self._used = 0  # of `flat`
        self._sums = np.zeros((0, 0 if columns.char_table is None else columns.char_table.shape[1]))
        self._summed = 0

    @property
    def span(self) -> int:
        """One more than the largest gram number given so far."""
        return self.columns.size + len(self.unknown)

    def __missing__(self, word: str) -> int:
        self.learn([word])
        return dict.__getitem__(self, word)

    def learn(self, words: Iterable[str]) -> None:
        """Give each new word its number and character grams, as looking it up would, words in order:
        the grams of them all are looked up in the vocabulary at once."""
        new = [word for word in dict.fromkeys(words) if word not in self]
        grams_of = [list(set(_char_grams_of(f" {word} "))) for word in new]
        distinct = list(dict.fromkeys(chain.from_iterable(grams_of)))
        column_of = dict(zip(distinct, self.columns.chars.columns_of(distinct), strict=True))
        for word, grams in zip(new, grams_of, strict=True):
            looked_up = [column_of[gram] for gram in grams]
            numbers = (
                [self._unknown_number(g) if n is None else n for g, n in zip(grams, looked_up, strict=True)]
                if None in looked_up
                else cast(list[int], looked_up)
            )
            numbers.sort()  # so that a word's rows are summed in one order, whatever the process
            self[word] = len(self.words)
            self.words.append(word)
            self.unsettled.append(tuple(numbers))

    def _unknown_number(self, gram: str) -> int:
        number = self.unknown.get(gram)
        if number is None:
            number = self.unknown[gram] = self.columns.size + len(self.unknown)
        return number

    def settle(self) -> None:
        """Bring the arrays numpy reads up to date with the words added since."""
        have, need = self._settled, len(self.words)
        if need == have:
            return
        if need > len(self.lengths):
            room = max(need, 2 * len(self.lengths), 1024)
            self.starts, self.lengths, self.unigram_columns, self.gram_words, self.you = (
                np.concatenate([array, np.zeros(room - len(array), dtype=array.dtype)])
                for array in (self.starts, self.lengths, self.unigram_columns, self.gram_words, self.you)
            )
        columns = self.columns
        new = self.words[have:need]
        unsettled, self.unsettled = self.unsettled, []  # kept in `flat` from now on
        assert len(unsettled) == need - have
        lengths = np.fromiter(map(len, unsettled), dtype=np.intp, count=need - have)
        self.lengths[have:need] = lengths
        self.starts[have:need] = self._used + np.cumsum(lengths) - lengths
        total = int(lengths.sum())
        if self._used + total > len(self.flat):
            grown = np.zeros(max(self._used + total, 2 * len(self.flat), 1 << 14), dtype=np.int64)
            grown[: self._used] = self.flat[: self._used]
            self.flat = grown
        self.flat[self._used : self._used + total] = np.fromiter(
            chain.from_iterable(unsettled), dtype=np.int64, count=total
        )
        self._used += total
        unigrams = np.fromiter(map(columns.unigrams.get, new, repeat(-1)), dtype=np.intp, count=need - have)
        self.unigram_columns[have:need] = unigrams
        named = unigrams >= 0
        self.word_of_unigram[unigrams[named]] = np.arange(have, need)[named]
        self.gram_words[have:need] = np.fromiter(
            map(columns.gram_words.get, new, repeat(-1)), dtype=np.intp, count=need - have
        )
        self.you[have:need] = np.fromiter(map(_YOU_WORDS.__contains__, new), dtype=bool, count=need - have)
        self._settled = need

    def grams_of(self, words: np.ndarray) -> np.ndarray:
        """The gram numbers of the given words, one word after another."""
        self.settle()
        lengths = self.lengths[words]
        placed = np.cumsum(lengths) - lengths
        return self.flat[np.repeat(self.starts[words] - placed, lengths) + np.arange(int(lengths.sum()))]

    def summed_rows(self) -> np.ndarray:
        """Per word number, the table's rows of its known grams summed (new words summed in one go)."""
        table = self.columns.char_table
        assert table is not None
        self.settle()
        have, need = self._summed, len(self.words)
        if need > have:
            if need > len(self._sums):
                grown = np.zeros((max(need, 2 * len(self._sums), 1024), table.shape[1]))
                grown[:have] = self._sums[:have]
                self._sums = grown
            start = int(self.starts[have])
            numbers = self.flat[start : self._used]
            owner = np.repeat(np.arange(have, need), self.lengths[have:need])
            known = numbers < self.columns.size
            numbers, owner = numbers[known], owner[known]
            if len(numbers):
                sizes = np.bincount(owner - have, minlength=need - have)
                some = sizes > 0
                starts = np.cumsum(sizes) - sizes
                self._sums[have:need][some] = np.add.reduceat(
                    table[numbers], starts[some], axis=0, dtype=np.float64
                )
            self._summed = need
        return self._sums
