"""Tests for the learned reader of coachee talk (simulator/talk/model.py) and its corpus."""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import given

from scoring.external import Utterance, facts_from_utterances
from simulator.talk import fit
from simulator.talk import model as talk_model
from simulator.talk.client_talk import talk_cues
from simulator.talk.reading import Kind, TalkReading
from simulator.talk.wording import normalise
from tests.strategies import trainee_text

KINDS = set(get_args(Kind)) - {"none"}


def corpus_records() -> list[dict[str, str]]:
    return [
        json.loads(line)
        for path in sorted(fit.CORPUS_DIR.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_every_corpus_line_is_labelled_by_the_data_card() -> None:
    records = corpus_records()
    assert len(records) >= 4500
    for record in records:
        assert set(record) == {"text", "talk", "kind", "target", "previous_coach_line", "setting", "author"}
        assert record["talk"] in talk_model.TALKS
        assert (record["kind"] == "none") == (record["talk"] == "neutral"), record
        assert record["kind"] == "none" or record["kind"] in KINDS, record
        if record["kind"] in ("minimising", "discord"):
            assert record["talk"] == "sustain", record
        assert record["text"].strip() and record["previous_coach_line"].strip(), record


def test_no_setting_is_shared_between_authors_and_no_probe_is_fitted() -> None:
    authors_of: dict[str, set[str]] = defaultdict(set)
    for record in corpus_records():
        authors_of[record["setting"]].add(record["author"])
    assert all(len(authors) == 1 for authors in authors_of.values())
    files = {path.stem for path in fit.CORPUS_DIR.glob("*.jsonl")}
    assert files == set(fit.FIT_AUTHORS) | set(fit.PROBE_AUTHORS)
    assert not set(fit.FIT_AUTHORS) & set(fit.PROBE_AUTHORS)


def test_the_shipped_weights_are_the_fit_of_the_corpus() -> None:
    pytest.importorskip("scipy")  # fitting needs the `fit` extra
    weights, names = fit.fit(fit.load_corpus(fit.FIT_AUTHORS))
    assert talk_model.weights_text(weights, names) == talk_model.WEIGHTS_PATH.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("coach", "talk"),
    [
        ("Would you like to get back to running with the kids?", "change"),
        ("So the Friday drinks are something you look forward to?", "sustain"),
        ("Did you manage to park okay?", "neutral"),
    ],
)
def test_a_short_answer_takes_its_lean_from_the_coach_line_it_answers(coach: str, talk: str) -> None:
    assert talk_model.read("Yeah, definitely.", after=coach).talk == talk


@pytest.mark.parametrize(
    ("line", "talk"),
    [
        ("I need to cut down.", "change"),
        ("I'm going to stop at two pints on a Friday.", "change"),
        ("I'll never give up my wine.", "sustain"),
        ("It helps me relax.", "sustain"),
    ],
)
def test_the_rules_reading_of_change_or_sustain_talk_stands_with_its_kind_and_words(
    line: str, talk: str
) -> None:
    ruled = talk_cues(line)
    assert ruled.talk == talk
    assert talk_model.read(line, after="Tell me about the drinking.") == ruled


@given(trainee_text)
def test_any_text_reads_as_one_talk_with_a_cue_from_its_own_words(text: str) -> None:
    reading = talk_model.read(text, after=text[::-1])
    assert isinstance(reading, TalkReading)
    assert reading.talk in talk_model.TALKS
    if reading != talk_cues(text):  # the model's own reading: its cue is the words that weighed most
        words = re.findall(r"[a-z0-9']+", normalise(text))
        assert reading.kind == "none"
        assert all(word in words for word in reading.cue.split())


def test_an_external_transcript_reads_each_coachee_line_after_the_coach_line_before_it() -> None:
    utterances = [
        Utterance("coach", "Would you like to get back to running with the kids?", 1),
        Utterance("coachee", "Yeah, definitely.", 2),
        Utterance("coach", "Did you manage to park okay?", 3),
        Utterance("coachee", "Yeah, definitely.", 4),
    ]
    facts = facts_from_utterances(utterances, "two turns")
    assert [turn.coachee_talk for turn in facts.turns] == [("change",), ("neutral",)]


def test_the_gold_set_reads_nearly_as_the_rules_alone_read_it() -> None:
    """The rules' regression set (tests/talk/gold_talk.tsv, written alongside the rules): the
    model reads only what the rules leave neutral, so it may move few of its lines. Measured at
    0.955 when the model was fitted (the rules alone 0.987); the floor sits a point under it."""
    with (Path(__file__).with_name("gold_talk.tsv")).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    right = sum(talk_model.read(row["text"]).talk == row["talk"] for row in rows)
    assert right / len(rows) >= 0.945
