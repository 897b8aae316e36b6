"""Tests for the features of a trainee line (simulator/reading/features.py): the fast way to a
vocabulary's columns gives exactly what `line_features` defines, for a batch and for one line."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.reading import features, model
from simulator.reading.features import FeatureColumns, IndexedLines, line_features
from simulator.reading.trainee_text import normalise
from simulator.vocabulary import Context
from tests.strategies import COMPASSION_LINES, COMPLIANCE_LINES, trainee_text

CORPUS_DIR = Path(__file__).resolve().parents[2] / "simulator" / "reading" / "corpus"

# Lines whose features make the small vocabularies below: every kind of feature, a "but" turn.
SAMPLE_LINES = [
    *COMPASSION_LINES,
    *COMPLIANCE_LINES,
    "I know you're tired, but the audit still has to be done by Friday.",
    "you've been carrying a lot of it though honestly",
    "what's the one thing you'd change?",
    "mm",
    "Right. Sit down. Your numbers are a disgrace.",
]
SAMPLE_PREVIOUS = "I'm knackered, the ward has been relentless and nobody notices what I do."
HAPPY_PREVIOUS = "Honestly I loved it, proud of the whole team."


def corpus_testing_part() -> tuple[list[str], list[str], list[bool]]:
    records = [
        json.loads(line)
        for name in ("d.jsonl", "h.jsonl")
        for line in (CORPUS_DIR / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    texts = [str(r["text"]) for r in records]
    return (
        texts,
        [str(r.get("previous_coachee_line") or "") for r in records],
        [bool(r["vision_established"]) for r in records],
    )


def as_features(lines: IndexedLines, row: int) -> dict[int, np.float32]:
    """One line of `lines` as {column: value}, the character grams' values worked out."""
    start, end = lines.offsets[row], lines.offsets[row + 1]
    found = dict(zip(lines.columns[start:end].tolist(), lines.values[start:end], strict=True))
    assert len(found) == end - start, "a column twice"
    start, end = lines.char_offsets[row], lines.char_offsets[row + 1]
    for column, count in zip(
        lines.char_columns[start:end].tolist(), lines.char_counts[start:end].tolist(), strict=True
    ):
        assert column not in found
        found[column] = np.float32(count * lines.char_scale[row])
    return found


def expected(
    index: dict[str, int],
    text: str,
    previous: str,
    vision: bool,
    previous_words: bool,
    turn_scope: bool,
    last_sentence: bool = False,
    frame: bool = False,
) -> dict[int, np.float32]:
    """`line_features` of a line, kept to the vocabulary `index` (name -> column)."""
    defined = line_features(
        text,
        previous,
        vision,
        previous_words=previous_words,
        turn_scope=turn_scope,
        last_sentence=last_sentence,
        frame=frame,
    )
    return {index[name]: np.float32(value) for name, value in defined.items() if name in index}


def rows_of(lines: IndexedLines, row: int) -> tuple[object, ...]:
    """Everything `index` and `index_one` both give for a line, in their order."""
    start, end = lines.offsets[row], lines.offsets[row + 1]
    chars = slice(lines.char_offsets[row], lines.char_offsets[row + 1])
    sums = None if lines.char_sums is None else lines.char_sums[row].tolist()
    return (
        lines.columns[start:end].tolist(),
        lines.values[start:end].tolist(),
        lines.char_columns[chars].tolist(),
        lines.char_counts[chars].tolist(),
        float(lines.char_scale[row]),
        sums,
    )


def test_a_line_echoes_the_coachee_on_the_first_letters_of_their_words() -> None:
    # "correctness" is the coachee's "correct", "exhausting" their "exhausted": a restatement.
    echoed = line_features(
        "So correctness is the whole point, and it's exhausting.", "Exhausted. Correct numbers."
    )
    # correct(ness) and exhaust(ing) of correctness, whole, point, exhausting
    assert echoed["x:echo"] == pytest.approx(0.5) and "x:echo=most" in echoed


def test_a_line_that_names_the_coachee_s_feeling_is_marked_and_one_that_names_the_opposite_too() -> None:
    same = line_features("you must be shattered", SAMPLE_PREVIOUS)
    assert same["x:feel=negative"] == 1.0 and same["x:feel_as_said"] == 1.0
    opposite = line_features("that sounds really hard", HAPPY_PREVIOUS)
    assert opposite["x:feel=negative"] == 1.0 and opposite["x:feel_unlike_said"] == 1.0
    plain = line_features("what's on the rota for next week", SAMPLE_PREVIOUS)
    assert not [name for name in plain if name.startswith("x:feel")]
    assert features.feeling_of("proud of you", ["proud", "of", "you"]) == "positive"


@pytest.fixture(scope="module")
def vocabularies() -> dict[tuple[bool, bool, bool, bool], list[str]]:
    """Small vocabularies (sorted as the fit writes them) for each way of naming word grams."""
    found = {}
    for flags in itertools.product((False, True), repeat=4):
        names: set[str] = set()
        for text in SAMPLE_LINES:
            for previous in (SAMPLE_PREVIOUS, HAPPY_PREVIOUS):
                names.update(line_features(text, previous, False, *flags))
        found[flags] = sorted(names)
    return found


@pytest.mark.slow
def test_the_fitted_vocabulary_gives_the_testing_part_as_line_features_defines_it() -> None:
    loaded = model._model()
    names, last_sentence, frame = loaded.names, loaded.features.last_sentence, loaded.features.frame
    index = {name: i for i, name in enumerate(names)}
    columns = FeatureColumns(names, last_sentence=last_sentence, frame=frame)
    texts, previous, vision = corpus_testing_part()
    kept = [k for k, text in enumerate(texts) if normalise(text).strip()][::3]  # a third: the time of a test
    lines = columns.index(
        [normalise(texts[k]) for k in kept], [previous[k] for k in kept], [vision[k] for k in kept]
    )
    for row, k in enumerate(kept):
        assert as_features(lines, row) == expected(
            index, texts[k], previous[k], vision[k], False, False, last_sentence, frame
        ), texts[k]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            trainee_text,
            st.sampled_from(["", SAMPLE_PREVIOUS, "it's been relentless", HAPPY_PREVIOUS]),
            st.booleans(),
        ),
        max_size=8,
    ),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
@pytest.mark.slow
def test_a_batch_and_each_line_alone_give_line_features(
    vocabularies: dict[tuple[bool, bool, bool, bool], list[str]],
    lines: list[tuple[str, str, bool]],
    previous_words: bool,
    turn_scope: bool,
    last_sentence: bool,
    frame: bool,
) -> None:
    names = vocabularies[(previous_words, turn_scope, last_sentence, frame)]
    index = {name: i for i, name in enumerate(names)}
    table = np.arange(len(names) * 2, dtype=np.float64).reshape(-1, 2) / 7
    columns = FeatureColumns(
        names, previous_words, turn_scope, char_table=table, last_sentence=last_sentence, frame=frame
    )
    lines = [(SAMPLE_LINES[0], "", False), *lines]  # never an empty batch
    lines = [(text, previous, vision) for text, previous, vision in lines if normalise(text).strip()]
    batch = columns.index(
        [normalise(t) for t, _, _ in lines], [p for _, p, _ in lines], [v for _, _, v in lines]
    )
    for row, (text, previous, vision) in enumerate(lines):
        assert as_features(batch, row) == expected(
            index, text, previous, vision, previous_words, turn_scope, last_sentence, frame
        )
        alone = columns.index_one(normalise(text), previous, vision)
        assert rows_of(alone, 0) == rows_of(batch, row)


def test_an_unsorted_vocabulary_gives_the_same_features() -> None:
    names = sorted({name for text in SAMPLE_LINES for name in line_features(text, SAMPLE_PREVIOUS, True)})
    shuffled = names[1::2] + names[0::2]
    text = normalise(SAMPLE_LINES[1])
    for vocabulary in (names, shuffled):
        lines = FeatureColumns(vocabulary).index([text], [SAMPLE_PREVIOUS], [True])
        index = {name: i for i, name in enumerate(vocabulary)}
        assert as_features(lines, 0) == expected(index, SAMPLE_LINES[1], SAMPLE_PREVIOUS, True, False, False)


@pytest.mark.slow
def test_readings_stay_the_same_when_the_word_memory_is_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    texts, previous, vision = corpus_testing_part()
    texts, contexts = texts[:300], [Context(p, v) for p, v in zip(previous[:300], vision[:300], strict=True)]
    remembered = model.read_many(texts, contexts)
    monkeypatch.setattr(features, "_WORDS_KEPT", 16)  # forget before nearly every batch
    loaded = model._model()
    assert (
        model.read_many(texts[:150], contexts[:150]) + model.read_many(texts[150:], contexts[150:])
        == remembered
    )
    assert len(loaded.features.memory) < 2000


def test_a_line_of_several_sentences_names_the_grams_of_its_last() -> None:
    assert features.last_sentence_grams(normalise("Right. Sit down. Your numbers are a disgrace.")) == (
        "<s> your", "a", "a disgrace", "are", "are a", "disgrace", "numbers", "numbers are", "your", "your numbers",
    )  # fmt: skip
    assert features.last_sentence_grams(normalise("Your numbers are a disgrace.")) == ()
    assert (
        features.last_sentence_grams(normalise("right sit down your numbers")) == ()
    )  # no stops, one sentence
    named = line_features("I know it's been hard. Have it done by Friday.", last_sentence=True)
    assert named["x:multi"] == 1.0 and "l:<s> have" in named and "l:know" not in named
    assert not [
        name for name in line_features("Have it done by Friday.", last_sentence=True) if name[:2] == "l:"
    ]


def test_a_question_s_frame_is_how_its_clause_starts_behind_the_lead_in_words() -> None:
    frame = features.question_frame
    assert frame(normalise("Okay. So are there other things you do to relax?")) == "q:are?"
    assert frame(normalise("Okay, so what else helps?")) == "q:what?"
    # the last sentence that asks, not the last sentence
    assert frame(normalise("Have you tried that before? Just curious.")) == "q:have?"
    # speech-to-text: no question mark, the last sentence frames it
    assert frame(normalise("um so do you want to talk about it")) == "q:do"
    assert frame(normalise("okay so")) == ""
    named = line_features("So, is there anything else?", frame=True)
    assert named["q:is?"] == 1.0 and not [
        name for name in line_features("So, is there anything else?") if name[:2] == "q:"
    ]
