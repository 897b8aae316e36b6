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
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from simulator.reading.trainee_text import normalise

__all__ = ["CONTEXT_FEATURES", "content_words", "line_features", "words"]

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
