"""The learned reader of trainee lines: numpy-only inference over weights fitted by `simulator.reading.fit`.

    read(text, context) -> Reading        one line
    read_many(texts, contexts) -> list    many lines at once (faster per line)

Two softmax heads, one for the form (12 classes) and one for the focus (8 classes), score the
named features of `simulator.reading.features`. Decoding keeps the project's attractor rule in
its one place, `attractor_of`: every (form, focus) pair is mapped to its attractor in the line's
context, the attractor with the largest total probability (form and focus taken as independent)
is chosen, then the most probable pair that maps to it. `confidence` is the probability mass of
the chosen attractor; below the threshold recommended by `benchmarks/reader.py` a line should be
treated as unclear. `cues` names the two or three features that pushed hardest towards the
chosen form and focus, e.g. ``'have it done by' → advice``.

The weights (`reader_weights.npz`, `reader_vocabulary.json`, next to this module) are loaded once,
lazily, on the first call, never when `simulator.reading` is imported.
"""

from __future__ import annotations

import io
import json
import threading
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from simulator.reading.attractor import attractor_of
from simulator.reading.features import line_features
from simulator.reading.trainee_text import normalise
from simulator.vocabulary import Attractor, Context, Focus, Form

__all__ = ["WEIGHTS_PATH", "Reading", "read", "read_many"]

WEIGHTS_PATH = Path(__file__).with_name("reader_weights.npz")
VOCABULARY_PATH = Path(__file__).with_name("reader_vocabulary.json")

FORMS: tuple[Form, ...] = tuple(Form)
FOCI: tuple[Focus, ...] = tuple(Focus)
ATTRACTORS: tuple[Attractor, ...] = tuple(Attractor)

_CUE_CHARS = 40
_CUES_PER_HEAD = (2, 1)
_CUE_CANDIDATES = 12  # features named for the form, then for the focus

_CONTEXT_NAMES = {
    "x:echo": "echoes coachee",
    "x:echo=none": "no coachee words",
    "x:echo=some": "some coachee words",
    "x:echo=most": "mostly coachee words",
    "x:no_prev": "no coachee line",
    "x:ends_q": "ends with '?'",
    "x:has_q": "has a '?'",
    "x:you": "says 'you'",
    "x:vision": "after the vision",
    "x:turn": "a 'but' turn",
    "x:len=1": "one word",
    "x:len=2-3": "two or three words",
    "x:len=4-7": "short line",
    "x:len=8-15": "medium-length line",
    "x:len=16-30": "long line",
    "x:len=31+": "very long line",
}


@dataclass(frozen=True)
class Reading:
    """One trainee line as the learned reader reads it."""

    form: Form
    focus: Focus
    attractor: Attractor
    confidence: float
    cues: tuple[str, ...]


_EMPTY = Reading(Form.OTHER, Focus.NONE, Attractor.NEUTRAL, 1.0, ("empty line",))


def attractor_table(vision_established: bool) -> np.ndarray:
    """(forms x foci) index into ATTRACTORS of each pair's attractor, from `attractor_of`."""
    context = Context(vision_established=vision_established)
    return np.array(
        [[ATTRACTORS.index(attractor_of(form, focus, context)) for focus in FOCI] for form in FORMS],
        dtype=np.intp,
    )


_TABLES = (attractor_table(False), attractor_table(True))
_ONE_HOT = tuple(np.eye(len(ATTRACTORS))[table] for table in _TABLES)  # forms x foci x attractors


def decode(
    form_probs: np.ndarray, focus_probs: np.ndarray, vision: Sequence[bool]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Form index, focus index, attractor index and attractor mass for each row.

    `form_probs` is (n x 12), `focus_probs` (n x 8); `vision` says for each row whether the
    vision has been established (the only part of the context the attractor rule reads, through
    `attractor_of`, whose answers the tables hold).
    """
    joint = form_probs[:, :, None] * focus_probs[:, None, :]  # n x forms x foci
    flags = np.asarray(vision, dtype=bool)
    one_hot = np.where(flags[:, None, None, None], _ONE_HOT[1][None], _ONE_HOT[0][None])
    mass = np.einsum("nij,nija->na", joint, one_hot)
    chosen = mass.argmax(axis=1)
    tables = np.where(flags[:, None, None], _TABLES[1][None], _TABLES[0][None])
    masked = np.where(tables == chosen[:, None, None], joint, -1.0).reshape(len(joint), -1)
    pair = masked.argmax(axis=1)
    forms, foci = np.divmod(pair, len(FOCI))
    return forms, foci, chosen, mass[np.arange(len(mass)), chosen]


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=1, keepdims=True))


def load_npz(path: Path) -> dict[str, np.ndarray]:
    with np.load(path) as data:
        return {name: data[name] for name in data.files}


def save_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write arrays as an .npz that is byte-identical for identical arrays (fixed zip timestamps)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, buffer.getvalue())


class _Model:
    """The fitted weights and their feature names, and the arithmetic of reading."""

    def __init__(self, weights: dict[str, np.ndarray], vocabulary: dict[str, object]) -> None:
        names = vocabulary["features"]
        assert isinstance(names, list)
        self.names: list[str] = names
        self.index = {name: i for i, name in enumerate(names)}
        self.bias = self.index["x:bias"]
        self.form_weights = weights["form"].astype(np.float32)
        self.focus_weights = weights["focus"].astype(np.float32)
        # Per-class contributions relative to the mean class: what a feature pushes towards.
        self.form_push = self.form_weights - self.form_weights.mean(axis=1, keepdims=True)
        self.focus_push = self.focus_weights - self.focus_weights.mean(axis=1, keepdims=True)
        chosen = vocabulary.get("settings", {})
        self.previous_words = bool(isinstance(chosen, dict) and chosen.get("previous_words", False))
        self.turn_scope = bool(isinstance(chosen, dict) and chosen.get("turn_scope", False))
        assert [f.value for f in FORMS] == vocabulary["forms"]
        assert [f.value for f in FOCI] == vocabulary["foci"]

    def vectorise(self, text: str, context: Context) -> tuple[np.ndarray, np.ndarray]:
        features = line_features(
            text,
            context.previous_coachee_line,
            context.vision_established,
            previous_words=self.previous_words,
            turn_scope=self.turn_scope,
        )
        get = self.index.get
        columns: list[int] = []
        values: list[float] = []
        for name, value in features.items():
            column = get(name)
            if column is not None:
                columns.append(column)
                values.append(value)
        return np.array(columns, dtype=np.intp), np.array(values, dtype=np.float32)

    def read_many(self, texts: Sequence[str], contexts: Sequence[Context]) -> list[Reading]:
        readings: list[Reading | None] = [None] * len(texts)
        rows: list[int] = []
        vectors: list[tuple[np.ndarray, np.ndarray]] = []
        cleaned: list[str] = []
        for position, (text, context) in enumerate(zip(texts, contexts, strict=True)):
            clean = normalise(text)
            if not clean.strip():
                readings[position] = _EMPTY
                continue
            rows.append(position)
            cleaned.append(clean)
            vectors.append(self.vectorise(text, context))
        if rows:
            columns = np.concatenate([c for c, _ in vectors])
            values = np.concatenate([v for _, v in vectors])
            starts = np.cumsum([0] + [len(c) for c, _ in vectors[:-1]])
            form_scores = np.add.reduceat(self.form_weights[columns] * values[:, None], starts, axis=0)
            focus_scores = np.add.reduceat(self.focus_weights[columns] * values[:, None], starts, axis=0)
            vision = [contexts[p].vision_established for p in rows]
            forms, foci, attractors, mass = decode(softmax(form_scores), softmax(focus_scores), vision)
            for k, position in enumerate(rows):
                form, focus = FORMS[forms[k]], FOCI[foci[k]]
                attractor = ATTRACTORS[attractors[k]]
                assert attractor is attractor_of(form, focus, contexts[position])
                cues = self.cues(cleaned[k], vectors[k], int(forms[k]), int(foci[k]))
                readings[position] = Reading(form, focus, attractor, float(mass[k]), cues)
        return [r if r is not None else _EMPTY for r in readings]

    def cues(
        self, clean: str, vector: tuple[np.ndarray, np.ndarray], form: int, focus: int
    ) -> tuple[str, ...]:
        """The features that pushed most towards the chosen form and focus, as short strings."""
        columns, values = vector
        tokens = clean.split()
        cues: list[str] = []
        for push, label, wanted in (
            (self.form_push[columns, form], FORMS[form].value, _CUES_PER_HEAD[0]),
            (self.focus_push[columns, focus], FOCI[focus].value, _CUES_PER_HEAD[1]),
        ):
            contribution = push * values
            contribution[columns == self.bias] = 0.0
            # Only the strongest few features are named (naming costs more than the arithmetic);
            # character grams of one word add up under that word.
            top = np.argsort(-contribution, kind="stable")[:_CUE_CANDIDATES]
            totals: dict[str, float] = {}
            for k in top:
                if contribution[k] <= 0:
                    break
                shown = _shown(self.names[columns[k]], tokens)
                totals[shown] = totals.get(shown, 0.0) + float(contribution[k])
            ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
            taken = 0
            for shown, weight in ranked:
                if taken == wanted or weight <= 0:
                    break
                cue = _clip(shown, len(label)) + " → " + label
                if cue not in cues:
                    cues.append(cue)
                    taken += 1
        return tuple(cues) if cues else ("no strong cue",)


def _shown(name: str, tokens: list[str]) -> str:
    """A feature as a reader would recognise it: a phrase, the word holding a character gram, a context."""
    kind, _, body = name.partition(":")
    if kind == "w":
        if body.startswith("<s> "):
            return f"'{body[4:]}…' (opening)"
        return f"'{body}'"
    if kind == "v":
        return f"'{body}' + 'but'"
    if kind == "c":
        core = body.strip()
        for token in tokens:
            word = token.strip(".,!?;:\"'()")
            edged = f" {word} "
            if body in edged:
                return f"'{word}'"
        return f"'{core}'"
    if kind == "p":
        return f"coachee said '{body}'"
    return _CONTEXT_NAMES.get(name, name)


def _clip(shown: str, label_length: int) -> str:
    room = max(8, _CUE_CHARS - label_length - 3)
    if len(shown) <= room:
        return shown
    return shown[: room - 2] + "…'" if shown.startswith("'") else shown[: room - 1] + "…"


_MODEL: _Model | None = None
_LOCK = threading.Lock()


def _model() -> _Model:
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                vocabulary = json.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
                _MODEL = _Model(load_npz(WEIGHTS_PATH), vocabulary)
    return _MODEL


def read(text: str, context: Context | None = None) -> Reading:
    """Read one trainee line: form, focus, attractor, confidence and cues. Never raises on any string."""
    return read_many([text], [context or Context()])[0]


def read_many(texts: Sequence[str], contexts: Sequence[Context]) -> list[Reading]:
    """Read many lines at once (one context per line); the same readings as `read`, faster."""
    if not isinstance(texts, Sequence) or isinstance(texts, str):
        texts = list(texts)
    safe = [t if isinstance(t, str) else "" for t in texts]
    return _model().read_many(safe, list(contexts))
