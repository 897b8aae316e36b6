"""The learned reader of trainee lines: numpy-only inference over weights fitted by `simulator.reading.fit`.

    read(text, context) -> Reading        one line
    read_many(texts, contexts) -> list    many lines at once (faster per line)

Three softmax heads, one for the form (12 classes), one for the focus (8 classes) and one for
the attractor (3), score the named features of `simulator.reading.features`. Decoding keeps the
project's attractor rule in its one place, `attractor_of`: every (form, focus) pair is mapped to
its attractor in the line's context, each attractor's total probability (form and focus taken as
independent) is weighed by the attractor head (see `decode`), the most probable attractor is
chosen, then the most probable pair that maps to it. `confidence` is the probability mass of
the chosen attractor; below the threshold recommended by `benchmarks/reader.py` a line should be
treated as unclear. A line that opens with a name or a spoken lead-in ("Sam, ...", "Okay. So,
...") is scored as said and without it, and the heads' probabilities of the two averaged (`blend`)
before decoding. `cues` names the two or three features that pushed hardest towards the
chosen form and focus, e.g. ``'have it done by' → advice``.

The weights (`reader_weights.npz`, stored uncompressed; `reader_features.txt`, the feature names in
row order, one a line; and `reader_vocabulary.json`, the classes and the settings; all next to this
module) are loaded once, lazily, on the first call, never when `simulator.reading` is imported.

Speed: lines are read in batches of a few hundred, each one sparse product with numpy (the
features found by `features.FeatureColumns`, which remembers each word it has seen), and their
cues are picked, added up and ranked with numpy too; fewer than a handful of lines are read one
by one, with less fixed cost. Both ways give the same reading, to the last bit, and the same as
the straightforward arithmetic over `line_features` up to float rounding.
"""

from __future__ import annotations

import io
import json
import threading
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from simulator.reading.attractor import attractor_of
from simulator.reading.feature_names import FeatureNames
from simulator.reading.features import FeatureColumns, IndexedLines, distinct_with_index, words
from simulator.reading.trainee_text import normalise, without_lead_in
from simulator.vocabulary import Attractor, Context, Focus, Form

__all__ = ["WEIGHTS_PATH", "Reading", "known_word_share", "read", "read_many", "remember_vocabulary"]

WEIGHTS_PATH = Path(__file__).with_name("reader_weights.npz")
VOCABULARY_PATH = Path(__file__).with_name("reader_vocabulary.json")
FEATURES_PATH = Path(__file__).with_name("reader_features.txt")
WEIGHT_TYPE = np.float16
"""How the heads' weights are stored and read: in half precision the table takes 8.9 MB instead of
17.8. Rounding the float32 fit to it changed 6 of the corpus's 52,873 readings (a confidence by at
most 0.0006) and no reading speed."""

FORMS: tuple[Form, ...] = tuple(Form)
FOCI: tuple[Focus, ...] = tuple(Focus)
ATTRACTORS: tuple[Attractor, ...] = tuple(Attractor)

_CUE_CHARS = 40
_CUES_PER_HEAD = (2, 1)
_FORM_HEAD, _FOCUS_HEAD = 0, 1  # the heads a cue is named for
_HEAD_START = (0, len(FORMS))  # where each of them starts in `_Model.table`
_CUE_CANDIDATES = 12  # features named for the form, then for the focus
_BATCH = 512  # lines scored together: enough for numpy to pay, few enough for its arrays to stay in cache
_WARM_UP = ("So what would make this hour worthwhile for you?", "I'm tired, it's been a long week.")
_REMEMBERED_AT_ONCE = 256  # words whose character rows `remember_vocabulary` sums in one go
_ONE_BY_ONE = 8  # fewer lines than this are read one by one: a batch's fixed cost would dominate
_MEAN_ROWS = 16384  # rows whose mean weight `_Model` works out at once (a block of float32, 0.8 MB at most)

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
    "x:multi": "several sentences",
    "x:len=1": "one word",
    "x:len=2-3": "two or three words",
    "x:len=4-7": "short line",
    "x:len=8-15": "medium-length line",
    "x:len=16-30": "long line",
    "x:len=31+": "very long line",
    "x:feel=negative": "names a hard feeling",
    "x:feel=positive": "names a good feeling",
    "x:feel_as_said": "feeling as coachee's",
    "x:feel_unlike_said": "feeling unlike coachee's",
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
    form_probs: np.ndarray,
    focus_probs: np.ndarray,
    vision: Sequence[bool],
    attractor_probs: np.ndarray | None = None,
    attractor_weight: float = 0.0,
    pair_prior: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Form index, focus index, attractor index and attractor mass for each row.

    `form_probs` is (n x 12), `focus_probs` (n x 8); `vision` says for each row whether the
    vision has been established (the only part of the context the attractor rule reads, through
    `attractor_of`, whose answers the tables hold). `attractor_probs` (n x 3), from a head fitted
    on the attractor itself, weighs each attractor's mass by its probability to the power
    `attractor_weight` (a product of experts, renormalised): the words that make a line PEA or
    NEA count directly, not only through the form and focus they suggest. `pair_prior` (forms x
    foci), fitted on the corpus, weighs each pair by how much more often than chance the form and
    the focus go together (an affirmation is of a strength far more often than of a deficit): the
    two heads are fitted apart, and this is what they would otherwise not know of each other. The
    pair chosen is still one that `attractor_of` maps to the chosen attractor.
    """
    joint = form_probs[:, :, None] * focus_probs[:, None, :]  # n x forms x foci
    if pair_prior is not None:
        joint = joint * pair_prior[None]
        joint /= joint.sum(axis=(1, 2), keepdims=True)
    flags = np.asarray(vision, dtype=bool)
    one_hot = np.where(flags[:, None, None, None], _ONE_HOT[1][None], _ONE_HOT[0][None])
    mass = np.einsum("nij,nija->na", joint, one_hot)
    if attractor_probs is not None and attractor_weight:
        mass = mass * attractor_probs**attractor_weight
        mass /= mass.sum(axis=1, keepdims=True)
    chosen = mass.argmax(axis=1)
    tables = np.where(flags[:, None, None], _TABLES[1][None], _TABLES[0][None])
    masked = np.where(tables == chosen[:, None, None], joint, -1.0).reshape(len(joint), -1)
    pair = masked.argmax(axis=1)
    forms, foci = np.divmod(pair, len(FOCI))
    return forms, foci, chosen, mass[np.arange(len(mass)), chosen]


Probabilities = tuple[np.ndarray, np.ndarray, np.ndarray | None]
"""Each head's class probabilities, a row a line: form, focus and (if fitted) attractor."""


def blend(said: Probabilities, bare: Probabilities, rows: Sequence[int]) -> Probabilities:
    """`said` with the given rows replaced by the normalised geometric mean of theirs and `bare`'s
    (a row each, in order): the lines that open with a name or a spoken lead-in ("Sam, ...",
    "Okay. So, ...") read as said and read without it (`trainee_text.without_lead_in`). Most of the
    corpus's lines open with their act, so the fit leans on a line's first words, and the same act
    behind "Sam," or "Well," was read otherwise; what comes first can still carry a little ("Look,
    ...", "No, ..."), so neither reading decides alone. Measured in `simulator.reading.fit`
    (AnnoMI counsellors' lines, a third of which open so: four-behaviour macro-F1 0.631 -> 0.641)."""
    form, focus, attractor = (
        _geometric_mean(whole, without, rows) for whole, without in zip(said, bare, strict=True)
    )
    assert form is not None and focus is not None
    return form, focus, attractor


def _geometric_mean(
    whole: np.ndarray | None, bare: np.ndarray | None, rows: Sequence[int]
) -> np.ndarray | None:
    if whole is None or bare is None:
        return whole
    mean = whole.copy()
    mean[rows] = np.sqrt(whole[rows] * bare)
    mean[rows] /= mean[rows].sum(axis=1, keepdims=True)
    return mean


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=1, keepdims=True))


def save_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write arrays as an .npz that is byte-identical for identical arrays (fixed zip timestamps).

    Stored, not compressed: loading then reads the arrays as they lie (a few milliseconds, where
    inflating took tens), for a file a fifth larger.
    """
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            archive.writestr(info, buffer.getvalue())


class _Model:
    """The fitted weights and their feature names, and the arithmetic of reading."""

    def __init__(
        self, weights: Mapping[str, np.ndarray], vocabulary: dict[str, object], names: FeatureNames
    ) -> None:
        """`weights`: the stored heads by name (an open .npz reads each when it is asked for);
        `vocabulary`: the classes and settings; `names`: the feature names by row."""
        assert [f.value for f in FORMS] == vocabulary["forms"]
        assert [f.value for f in FOCI] == vocabulary["foci"]
        has_attractor = "attractor" in weights
        heads = len(FORMS) + len(FOCI)
        # Every head side by side (one gather scores all), in half precision as the heads are stored
        # (`WEIGHT_TYPE`); products and sums are taken in float64. Filled once the rest is built: an
        # empty array's pages cost nothing until written.
        self.table = np.empty(
            (len(names), heads + (len(ATTRACTORS) if has_attractor else 0)), dtype=WEIGHT_TYPE
        )
        chosen = vocabulary.get("settings", {})
        chosen = chosen if isinstance(chosen, dict) else {}
        self.attractor_weight = float(chosen.get("attractor_weight", 0.0)) if has_attractor else 0.0
        self.previous_words = bool(chosen.get("previous_words", False))
        self.turn_scope = bool(chosen.get("turn_scope", False))
        self.features = FeatureColumns(
            names,
            self.previous_words,
            self.turn_scope,
            char_table=self.table,
            last_sentence=bool(chosen.get("last_sentence", False)),
            frame=bool(chosen.get("frame", False)),
        )
        self.names = self.features.names
        self.bias = self.features.bias
        assert self.bias >= 0, "every fitted vocabulary keeps x:bias"
        # How each feature is shown as a cue (`_shown`), filled on first use.
        self.shown: dict[int, str | tuple[str]] = {}
        # Each stored head is copied in as it is read, so that no more than one lives beside the
        # table, and only what reading uses is kept.
        means = []
        for name, place in (("form", slice(0, len(FORMS))), ("focus", slice(len(FORMS), heads))):
            self.table[:, place] = weights[name]
            # Each feature's mean weight over the head's classes: a cue is how far a feature pushes
            # towards the chosen class beyond that (`pushes`), worked out for the features at hand.
            # Taken a block of rows at a time: the head in float32 all at once took 9 MB at the peak.
            means.append(
                np.concatenate(
                    [
                        self.table[start : start + _MEAN_ROWS, place].astype(np.float32).mean(axis=1)
                        for start in range(0, len(self.table), _MEAN_ROWS)
                    ]
                )
            )
        self.mean_weight = (means[0], means[1])
        if has_attractor:
            self.table[:, heads:] = weights["attractor"]
        self.pair_prior = np.asarray(weights["pair"], dtype=np.float32) if "pair" in weights else None
        self.lock = threading.Lock()  # the feature memory is shared: one batch at a time

    @property
    def form_weights(self) -> np.ndarray:
        """The form head's weights as stored (features x forms, `WEIGHT_TYPE`)."""
        return self.table[:, : len(FORMS)].copy()

    @property
    def focus_weights(self) -> np.ndarray:
        """The focus head's weights as stored (features x foci, `WEIGHT_TYPE`)."""
        return self.table[:, len(FORMS) : len(FORMS) + len(FOCI)].copy()

    def read_many(self, texts: Sequence[str], contexts: Sequence[Context]) -> list[Reading]:
        readings: list[Reading] = [_EMPTY] * len(texts)
        rows: list[int] = []
        cleaned: list[str] = []
        bare: list[str] = []  # each line without what is said before its act, or ""
        for position, (text, _) in enumerate(zip(texts, contexts, strict=True)):
            clean = normalise(text)
            if clean.strip():
                rows.append(position)
                cleaned.append(clean)
                bare.append(without_lead_in(text))
        with self.lock:
            if len(rows) < _ONE_BY_ONE:
                for position, clean, without in zip(rows, cleaned, bare, strict=True):
                    readings[position] = self.read_one(clean, contexts[position], without)
                return readings
            for start in range(0, len(rows), _BATCH):
                batch = rows[start : start + _BATCH]
                found = self.read_batch(
                    cleaned[start : start + _BATCH],
                    [contexts[p] for p in batch],
                    bare[start : start + _BATCH],
                )
                for position, reading in zip(batch, found, strict=True):
                    readings[position] = reading
        return readings

    def remember_vocabulary(self) -> None:
        """Work out the character grams of every word the reader has a weight for, now: a word
        met for the first time costs a few dictionary lookups and array updates, which a
        conversation's first lines would otherwise pay word by word. Words are summed in line
        order, so what the memory holds changes no reading."""
        words = list(self.features.unigrams)
        with self.lock:
            memory = self.features._memory()
            for start in range(0, len(words), _REMEMBERED_AT_ONCE):
                memory.learn(words[start : start + _REMEMBERED_AT_ONCE])
                memory.summed_rows()  # a few hundred words' rows at a time: the gather stays small

    def warm_up(self) -> None:
        """Read a line both ways once, so that the first line a trainee types pays no first-time costs
        (numpy's first calls, the word memory's first arrays); words are summed in line order, so
        what the warm-up leaves in the memory changes no reading."""
        clean, context = normalise(_WARM_UP[0]), Context(previous_coachee_line=_WARM_UP[1])
        self.read_one(clean, context, "")
        self.read_batch([clean], [context], [""])

    def read_batch(self, cleaned: list[str], contexts: list[Context], bare: list[str]) -> list[Reading]:
        """Readings of normalised, non-empty lines: one sparse product, one decoding, cues per line.
        `bare`: each line without what it says before its act (`without_lead_in`), or ""."""
        vision = [context.vision_established for context in contexts]
        said = [c.previous_coachee_line for c in contexts]
        led = [k for k, text in enumerate(bare) if text]
        # The lines read without their lead-in first: indexing may start a new word memory, and the
        # cues of the lines as said are named from the memory they were indexed with.
        without = led and self.features.index(
            [bare[k] for k in led], [said[k] for k in led], [vision[k] for k in led]
        )
        lines = self.features.index(cleaned, said, vision)
        probabilities = self.probabilities(lines)
        if without:
            probabilities = blend(probabilities, self.probabilities(without), led)
        forms, foci, attractors, mass = self.decoded(probabilities, vision)
        cues = self.batch_cues(cleaned, lines, forms, foci)
        readings = []
        for k, (form_index, focus_index, attractor_index, confidence) in enumerate(
            zip(forms.tolist(), foci.tolist(), attractors.tolist(), mass.tolist(), strict=True)
        ):
            form, focus, attractor = FORMS[form_index], FOCI[focus_index], ATTRACTORS[attractor_index]
            assert attractor is attractor_of(form, focus, contexts[k])
            readings.append(Reading(form, focus, attractor, confidence, cues[k]))
        return readings

    def batch_cues(
        self, cleaned: list[str], lines: IndexedLines, forms: np.ndarray, foci: np.ndarray
    ) -> list[tuple[str, ...]]:
        """`cues` of every line of a batch. numpy picks each line's strongest features, adds them up
        under what each shows (a character gram and a one-word gram show their word) and ranks
        them; Python words the two or three cues. A line numpy cannot rank alone goes to `cues`:
        one whose words are not plain words (a cue strips a word's edge punctuation only), or
        whose shown items tie (ties go by their text)."""
        columns, values, line_of, holders = _cue_features(lines)
        count = len(cleaned)
        features_per_line = np.diff(lines.offsets) + np.diff(lines.char_offsets)
        memory = self.features.memory
        size = self.features.size
        span = size + len(memory.words)
        assert lines.plain_words is not None
        word_by_word = {k for k, plain in enumerate(lines.plain_words) if not plain}
        heads = []
        for head, chosen, labels, wanted in (
            (_FORM_HEAD, forms, FORMS, _CUES_PER_HEAD[0]),
            (_FOCUS_HEAD, foci, FOCI, _CUES_PER_HEAD[1]),
        ):
            contribution = self.pushes(head, np.repeat(chosen, features_per_line), columns) * values
            top, ends = _strongest(contribution, line_of, count)
            pushes, top_columns, top_lines = contribution[top], columns[top], line_of[top]
            # What each shows: its column, or size + the word it names (a character or one-word gram).
            word = np.where(holders[top] >= 0, holders[top], memory.word_of_unigram[top_columns])
            shows = np.where(word >= 0, size + word, top_columns)
            # Totals per line and shown item, added in the order of strength (as `cues` adds them).
            items, index = distinct_with_index(top_lines * span + shows)
            totals = np.bincount(index, weights=pushes)
            item_line = items // span
            order = np.lexsort((-totals, item_line))
            ranked_line, ranked_total = item_line[order], totals[order]
            tied = (ranked_line[1:] == ranked_line[:-1]) & (ranked_total[1:] == ranked_total[:-1])
            word_by_word.update(ranked_line[1:][tied].tolist())
            heads.append(
                (
                    [labels[i].value for i in chosen.tolist()],
                    wanted,
                    (items % span)[order].tolist(),
                    np.searchsorted(ranked_line, np.arange(count + 1)).tolist(),
                    (top_columns.tolist(), pushes.tolist(), ends),
                )
            )
        form_candidates, focus_candidates = heads[0][4], heads[1][4]
        words, shown_as = memory.words, self.shown
        worded: dict[tuple[int, str], str] = {}  # (what a cue shows, its label) -> the cue, for this batch
        found = []
        for k, clean in enumerate(cleaned):
            if k in word_by_word:
                found.append(
                    self.cues(
                        clean,
                        _line_candidates(form_candidates, k),
                        _line_candidates(focus_candidates, k),
                        FORMS[forms[k]],
                        FOCI[foci[k]],
                    )
                )
                continue
            cues: list[str] = []
            for head_labels, wanted, ranked, bounds, _ in heads:
                label = head_labels[k]
                taken = 0
                for shows_k in ranked[bounds[k] : bounds[k + 1]]:
                    if taken == wanted:
                        break
                    cue = worded.get((shows_k, label))
                    if cue is None:
                        if shows_k >= size:
                            shown = f"'{words[shows_k - size]}'"
                        else:
                            named = shown_as.get(shows_k)
                            if named is None:
                                named = shown_as[shows_k] = _shown(self.names[shows_k])
                            shown = str(named)  # a column shown here is never a character gram's
                        cue = worded[shows_k, label] = _clip(shown, len(label)) + " → " + label
                    if cue not in cues:
                        cues.append(cue)
                        taken += 1
            found.append(tuple(cues) if cues else ("no strong cue",))
        return found

    def read_one(self, clean: str, context: Context, bare: str) -> Reading:
        """`read_batch` of one line, with less fixed cost: the same reading, to the last bit."""
        without = bare and self.features.index_one(
            bare, context.previous_coachee_line, context.vision_established
        )
        lines = self.features.index_one(clean, context.previous_coachee_line, context.vision_established)
        probabilities = self.probabilities(lines)
        if without:
            probabilities = blend(probabilities, self.probabilities(without), [0])
        forms, foci, attractors, mass = self.decoded(probabilities, [context.vision_established])
        columns = np.concatenate([lines.columns, lines.char_columns])
        values = np.concatenate([lines.values, (lines.char_counts * lines.char_scale[0]).astype(np.float32)])
        return self.reading(
            clean,
            context,
            (int(forms[0]), int(foci[0]), int(attractors[0]), float(mass[0])),
            _strongest_one(self.pushes(_FORM_HEAD, forms[:1], columns) * values, columns),
            _strongest_one(self.pushes(_FOCUS_HEAD, foci[:1], columns) * values, columns),
        )

    def pushes(self, head: int, chosen: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """How far each feature (column) pushes towards its chosen class of a head, beyond the
        feature's mean over the head's classes; the bias never a cue. Worked out for the columns at
        hand: a table of every feature's pushes would cost memory the size of the weights again."""
        width = self.table.shape[1]
        weight = self.table.ravel().take(columns * width + (_HEAD_START[head] + chosen))
        push: np.ndarray = weight - self.mean_weight[head].take(columns)
        push[columns == self.bias] = 0.0
        return push

    def probabilities(self, lines: IndexedLines) -> Probabilities:
        """Each head's class probabilities for the lines: the sparse product of both blocks with the weights."""
        products = np.multiply(self.table[lines.columns], lines.values[:, None], dtype=np.float64)
        scores = np.add.reduceat(products, lines.offsets[:-1], axis=0)
        assert lines.char_sums is not None
        scores += lines.char_scale[:, None] * lines.char_sums
        scores = scores.astype(np.float32)  # the decoding takes float32 scores, as the fit's predictions do
        forms, heads = len(FORMS), len(FORMS) + len(FOCI)
        return (
            softmax(scores[:, :forms]),
            softmax(scores[:, forms:heads]),
            softmax(scores[:, heads:]) if self.attractor_weight else None,
        )

    def decoded(
        self, probabilities: Probabilities, vision: Sequence[bool]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        form, focus, attractor = probabilities
        return decode(form, focus, vision, attractor, self.attractor_weight, self.pair_prior)

    def reading(
        self,
        clean: str,
        context: Context,
        decoded: tuple[int, int, int, float],
        form_candidates: Iterable[tuple[int, float]],
        focus_candidates: Iterable[tuple[int, float]],
    ) -> Reading:
        form_index, focus_index, attractor_index, confidence = decoded
        form, focus, attractor = FORMS[form_index], FOCI[focus_index], ATTRACTORS[attractor_index]
        assert attractor is attractor_of(form, focus, context)
        return Reading(
            form,
            focus,
            attractor,
            confidence,
            self.cues(clean, form_candidates, focus_candidates, form, focus),
        )

    def cues(
        self,
        clean: str,
        form_candidates: Iterable[tuple[int, float]],
        focus_candidates: Iterable[tuple[int, float]],
        form: Form,
        focus: Focus,
    ) -> tuple[str, ...]:
        """The features that pushed most towards the chosen form and focus, as short strings."""
        shown_as = self.shown
        words: list[str] = []
        edged = ""  # the line's words, each padded with spaces, one per row: filled on first need
        cues: list[str] = []
        for candidates, label, wanted in (
            (form_candidates, form.value, _CUES_PER_HEAD[0]),
            (focus_candidates, focus.value, _CUES_PER_HEAD[1]),
        ):
            # Character grams of one word add up under that word.
            totals: dict[str, float] = {}
            for column, contribution in candidates:
                named = shown_as.get(column)
                if named is None:
                    named = shown_as[column] = _shown(self.names[column])
                if isinstance(named, str):
                    shown = named
                else:  # a character gram: the first word that holds it
                    if not edged:
                        words = [word.strip(_EDGE_MARKS) for word in clean.split()]
                        edged = " " + f" {NEWLINE} ".join(words) + " "
                    at = edged.find(named[0])
                    shown = f"'{words[edged.count(NEWLINE, 0, at)]}'" if at >= 0 else f"'{named[0].strip()}'"
                totals[shown] = totals.get(shown, 0.0) + contribution
            taken = 0
            for weight, shown in sorted(zip([-w for w in totals.values()], totals, strict=True)):
                if taken == wanted or weight >= 0:
                    break
                cue = _clip(shown, len(label)) + " → " + label
                if cue not in cues:
                    cues.append(cue)
                    taken += 1
        return tuple(cues) if cues else ("no strong cue",)


def _strongest_one(contribution: np.ndarray, columns: np.ndarray) -> Iterable[tuple[int, float]]:
    """`_strongest` of one line: its features that pushed towards the choice, strongest first."""
    positive = np.flatnonzero(contribution > 0)
    strength = contribution[positive]
    # As `_strongest` sorts: the push, strongest first (a positive float's bits order as it
    # does), then the place in the line (equal pushes keep their order).
    weaker = 0x7FFFFFFF - strength.view(np.int32).astype(np.int64)
    top = np.sort((weaker << 32) | np.arange(len(positive)))[:_CUE_CANDIDATES] & 0xFFFFFFFF
    return zip(columns[positive[top]].tolist(), strength[top].tolist(), strict=True)


def _cue_features(lines: IndexedLines) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every feature of every line with its value and, for a character gram, the word that holds it
    (-1 for the others), line by line: words and context first, then characters."""
    assert lines.char_holders is not None
    firsts, chars = np.diff(lines.offsets), np.diff(lines.char_offsets)
    total = lines.offsets[-1] + lines.char_offsets[-1]
    columns = np.empty(total, dtype=np.intp)
    values = np.empty(total, dtype=np.float32)
    holders = np.full(total, -1, dtype=np.intp)
    at = np.arange(lines.offsets[-1]) + np.repeat(lines.char_offsets[:-1], firsts)
    columns[at] = lines.columns
    values[at] = lines.values
    at = np.arange(lines.char_offsets[-1]) + np.repeat(lines.offsets[1:], chars)
    columns[at] = lines.char_columns
    values[at] = lines.char_counts * np.repeat(
        lines.char_scale, chars
    )  # a gram's value, as line_features has it
    holders[at] = lines.char_holders
    return columns, values, np.repeat(np.arange(len(firsts)), firsts + chars), holders


def _strongest(contribution: np.ndarray, line_of: np.ndarray, lines: int) -> tuple[np.ndarray, list[int]]:
    """Per line, its features that pushed towards the choice, strongest first (ties: earlier first),
    at most _CUE_CANDIDATES of them: only those are named (naming costs more than the arithmetic).

    Returns their indices, line k's from `ends[k]` to `ends[k + 1]`.
    """
    positive = np.flatnonzero(contribution > 0)
    strength = contribution[positive]
    line = line_of[positive]
    bounds = np.searchsorted(line, np.arange(lines + 1))
    per_line = np.diff(bounds)
    place = np.arange(len(positive)) - np.repeat(bounds[:-1], per_line)
    if lines >= 1 << 16 or (lines and per_line.max() >= 1 << 16):
        order = np.lexsort((-strength, line))  # stable: equal pushes keep their order
    else:
        # One sort key, unique: the line, the push strongest first (a positive float's bits order
        # as it does), then the place in the line (equal pushes keep their order).
        weaker = 0x7FFFFFFF - strength.view(np.int32).astype(np.int64)
        key = np.sort((line.astype(np.int64) << 47) | (weaker << 16) | place)
        order = bounds[(key >> 47)] + (key & 0xFFFF)
    top = order[place < _CUE_CANDIDATES]  # a line's entries keep their places: its first are its strongest
    ends = np.zeros(lines + 1, dtype=np.intp)
    np.cumsum(np.minimum(per_line, _CUE_CANDIDATES), out=ends[1:])
    return positive[top], ends.tolist()


def _line_candidates(
    candidates: tuple[list[int], list[float], list[int]], k: int
) -> Iterable[tuple[int, float]]:
    columns, pushes, ends = candidates
    return zip(columns[ends[k] : ends[k + 1]], pushes[ends[k] : ends[k + 1]], strict=True)


NEWLINE = "\n"

_EDGE_MARKS = ".,!?;:\"'()"  # what a cue strips from a word's edges ("'tired.'" names 'tired')


def _shown(name: str) -> str | tuple[str]:
    """A feature as a reader would recognise it: a phrase or a context; for a character gram, (gram,),
    for the cue names the first word of the line that holds it (its edge punctuation stripped)."""
    kind, _, body = name.partition(":")
    if kind == "c":
        return (body,)
    if kind == "w":
        if body.startswith("<s> "):
            return f"'{body[4:]}…' (opening)"
        return f"'{body}'"
    if kind == "v":
        return f"'{body}' + 'but'"
    if kind == "p":
        return f"coachee said '{body}'"
    if kind == "l":  # the line's last sentence
        return f"'{body[4:]}…' (last sentence)" if body.startswith("<s> ") else f"'{body}' (last sentence)"
    if kind == "q":  # how the line's last question (or sentence) starts, behind any lead-in
        # Worded unlike every other kind: the batch ranks cues column by column, `cues` by what they show.
        return f"'{body.rstrip('?')}…?' (question)" if body.endswith("?") else f"'{body}…' (sentence start)"
    return _CONTEXT_NAMES.get(name, name)


def _clip(shown: str, label_length: int) -> str:
    room = max(8, _CUE_CHARS - label_length - 3)
    if len(shown) <= room:
        return shown
    return shown[: room - 2] + "…'" if shown.startswith("'") else shown[: room - 1] + "…"


_MODEL: _Model | None = None
_LOCK = threading.Lock()


def load() -> _Model:
    """The stored weights and names, read now (`_model` keeps the one every reading uses)."""
    vocabulary = json.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
    names = FeatureNames.from_lines(FEATURES_PATH.read_text(encoding="utf-8"))
    with np.load(WEIGHTS_PATH) as stored:
        return _Model(stored, vocabulary, names)


def _model() -> _Model:
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                loaded = load()
                loaded.warm_up()
                _MODEL = loaded
    return _MODEL


def known_word_share(text: str) -> float:
    """The share of a line's words the reader has learned a weight for (1.0 for a line of no words):
    low for keyboard mash and made-up words, high for plain talk however it was read."""
    found = words(normalise(text))
    if not found:
        return 1.0
    unigrams = _model().features.unigrams
    return sum(word in unigrams for word in found) / len(found)


def remember_vocabulary() -> None:
    """Load the weights if need be and remember every known word's character grams (the practice
    app does this while the trainee reads its first screen; see `_Model.remember_vocabulary`)."""
    _model().remember_vocabulary()


def remember_coachee_lines(lines: Iterable[str]) -> None:
    """Load the weights if need be and read, now, the coachee lines a trainee line may follow (the
    practice app passes the persona's while the trainee reads its first screen)."""
    model = _model()
    with model.lock:
        model.features.remember_said(lines)


def read(text: str, context: Context | None = None) -> Reading:
    """Read one trainee line: form, focus, attractor, confidence and cues. Never raises on any string."""
    return read_many([text], [context or Context()])[0]


def read_many(texts: Sequence[str], contexts: Sequence[Context]) -> list[Reading]:
    """Read many lines at once (one context per line); the same readings as `read`, faster."""
    if not isinstance(texts, Sequence) or isinstance(texts, str):
        texts = list(texts)
    safe = [t if isinstance(t, str) else "" for t in texts]
    return _model().read_many(safe, list(contexts))
