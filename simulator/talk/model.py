"""The learned reader of coachee talk: change, sustain or neutral, from the words and the coach's line before.

A multinomial logistic regression over `talk_features`: the utterance's word 1- to 3-grams
(normalised as the rules read them, `simulator.talk.wording`), what the rule reader of
`simulator.talk.client_talk` makes of it, and, for a short answer, the words of the coach's
line it answers ("Yeah, definitely." says nothing alone; after "Would you like to get back to
running?" it is change talk). Fitted by `python -m simulator.talk.fit` on the coachee lines of
`simulator/talk/corpus/`; the weights ship beside this module (`talk_weights.tsv`: a feature's
name and its weight toward each talk, one feature a line) and load on first use.

`read` is what the scorecard uses: the rules' reading where they find change or sustain talk,
else the model's. Measured (`python benchmarks/talk_reader.py`), macro-F1, rules alone against
`read`: the probes td, th, tl and tp 0.524 -> 0.738; each fitting author read by a fit without
it 0.581 -> 0.745; AnnoMI's client utterances 0.461 -> 0.477 as written and 0.462 -> 0.478
lower-cased, change talk found 0.28 -> 0.37 of the time, sustain talk 0.15 -> 0.30, at some
cost in precision. The model alone read three of the four probes better still (td 0.808, th
0.744, tl 0.864; tp 0.602 against 0.628) and AnnoMI worse (0.468), and misread the plain lines
the rules were written for: 0.819 of the rules' regression set, where `read` keeps 0.955.
Letting the model overrule a reading of the rules it gives under 5% or 10% traded the
regression set (0.935, 0.914) for the probes (th 0.664, 0.680 against 0.656): not kept.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from simulator.talk.client_talk import talk_cues
from simulator.talk.reading import Talk, TalkReading
from simulator.talk.wording import normalise

HERE = Path(__file__).parent
WEIGHTS_PATH = HERE / "talk_weights.tsv"

TALKS: tuple[Talk, ...] = ("change", "sustain", "neutral")

SHORT_ANSWER_WORDS = 4  # an answer this short takes its meaning from the coach's line before

_WORD = re.compile(r"[a-z0-9']+")

# Words of a coach's line that say nothing about which way a short answer leans.
_COACH_STOP = frozenset(
    {
        "a",
        "an",
        "the",
        "to",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "for",
        "it",
        "is",
        "be",
        "so",
        "do",
        "you",
        "your",
        "i",
        "me",
        "my",
        "we",
        "that",
        "this",
        "what",
        "how",
        "would",
        "could",
        "can",
        "are",
        "was",
        "were",
        "have",
        "has",
        "had",
        "did",
        "does",
        "with",
        "about",
        "there",
        "any",
        "some",
        "just",
    }
)

_LENGTHS = ((1, "1"), (3, "2-3"), (7, "4-7"), (15, "8-15"))


def talk_features(text: str, after: str, ruled: TalkReading) -> dict[str, float]:
    """The features of one coachee utterance `text`, said after the coach's line `after`,
    which the rules read as `ruled`. N-grams share a unit of weight (1/sqrt(count)); flags weigh 1."""
    line = normalise(text)
    words = _WORD.findall(line)
    padded = ["<s>", *words]
    grams = {f"w:{w}" for w in words}
    grams |= {f"w:{a} {b}" for a, b in itertools.pairwise(padded)}
    grams |= {f"w:{a} {b} {c}" for a, b, c in zip(padded, padded[1:], padded[2:], strict=False)}
    features = dict.fromkeys(grams, 1.0 / math.sqrt(len(grams))) if grams else {}
    features["x:bias"] = 1.0
    features[f"r:{ruled.talk}"] = 1.0
    if ruled.talk != "neutral":
        features[f"r:{ruled.talk}:{ruled.kind}"] = 1.0
    features["x:len=" + next((name for limit, name in _LENGTHS if len(words) <= limit), "16+")] = 1.0
    if line.rstrip(" .!").endswith("?"):
        features["x:asks"] = 1.0
    if len(words) <= SHORT_ANSWER_WORDS and after:
        coach = [w for w in _WORD.findall(normalise(after)) if w not in _COACH_STOP]
        if after.rstrip().endswith("?"):
            features["x:answers_question"] = 1.0
        for word in dict.fromkeys(coach):
            features[f"p:{word}"] = 1.0 / math.sqrt(len(coach))
    return features


Weights = tuple[float, float, float]  # a feature's weight toward change, sustain and neutral


class TalkModel:
    """The fitted weights of every feature, by name. Plain floats, not numpy: a line has a few
    dozen features, and importing numpy would cost the scorecard's start more than reading does."""

    def __init__(self, rows: Iterable[Sequence[float]], names: Iterable[str]) -> None:
        self.weights: dict[str, Weights] = {
            name: (float(row[0]), float(row[1]), float(row[2])) for name, row in zip(names, rows, strict=True)
        }

    def talk(self, features: dict[str, float]) -> Talk:
        """The likeliest talk: the highest sum of weights (the softmax keeps the order)."""
        scores = [0.0, 0.0, 0.0]
        for name, value in features.items():
            weights = self.weights.get(name)
            if weights is not None:
                for column, weight in enumerate(weights):
                    scores[column] += value * weight
        return TALKS[scores.index(max(scores))]

    def strongest(self, features: dict[str, float], talk: Talk) -> str:
        """The word gram that pushed hardest toward `talk`, beyond its mean push, as shown words."""
        column = TALKS.index(talk)
        best, best_push = "", 0.0
        for name, value in features.items():
            weights = self.weights.get(name)
            if weights is None or not name.startswith("w:"):
                continue
            push = value * (weights[column] - sum(weights) / len(weights))
            if push > best_push:
                best, best_push = name[2:].replace("<s> ", ""), push
        return best


def weights_text(rows: Iterable[Sequence[float]], names: Iterable[str]) -> str:
    """The weights as `talk_weights.tsv` holds them: the same text for the same weights."""
    return "".join(
        f"{name}\t" + "\t".join(f"{w:.6g}" for w in row) + "\n" for name, row in zip(names, rows, strict=True)
    )


@functools.cache
def load() -> TalkModel:
    rows = [line.split("\t") for line in WEIGHTS_PATH.read_text(encoding="utf-8").splitlines()]
    return TalkModel(([float(w) for w in row[1:]] for row in rows), (row[0] for row in rows))


def read(text: str, after: str = "") -> TalkReading:
    """One coachee utterance, said after the coach's line `after`: the rules' reading where they
    find change or sustain talk, else the model's, whose cue is the words that weighed most
    (kind "none"). The rules know the canonical phrasings surely ("I need to cut down"); the
    model reads what they leave neutral: talk in words no rule lists, and short answers by the
    coach's line they answer."""
    return read_with(load(), text, after)


def read_with(model: TalkModel, text: str, after: str) -> TalkReading:
    """`read` with the given weights (a fit held out from some authors, when measuring)."""
    ruled = talk_cues(text)
    if ruled.talk != "neutral":
        return ruled
    features = talk_features(text, after, ruled)
    talk = model.talk(features)
    return ruled if talk == "neutral" else TalkReading(talk, "none", model.strongest(features, talk))
