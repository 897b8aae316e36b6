"""The fitted reader of a meeting's close: its features, its corpus and split, its weights, and
that a close it hears is answered with a goodbye."""

from __future__ import annotations

import json

import pytest

from simulator.engine import closing
from simulator.engine import closing_fit as fit
from simulator.engine.presumptions import granted_by
from simulator.vocabulary import Attractor, Focus, Form, Move

STATEMENT = Move(Form.STRUCTURE, Focus.NONE, Attractor.NEUTRAL, confidence=1.0)
LATE = 12  # trainee lines said before the line


def test_a_dictated_line_has_the_features_of_the_same_line_typed_but_for_its_marks() -> None:
    typed = closing.closing_features("Go on then, love. Mind the mountain.")
    dictated = closing.closing_features("go on then love mind the mountain")
    assert set(typed) == set(dictated)


def test_the_last_words_are_read_apart_and_so_is_a_question_at_the_end() -> None:
    features = closing.closing_features("Thanks for today. What will you try first?")
    assert {"e:first", "f:try first", "x:ends_asking"} <= set(features)
    assert "e:thanks" not in features  # more than `LAST_WORDS` from the end
    assert "x:asks_before_end" in closing.closing_features("Anything else? No? Off you go then.")


def test_a_line_of_no_words_or_a_pasted_page_reads_without_error() -> None:
    for text in ("", "   ", "?!", "\u2019", "x" * 100_000, "word " * 10_000):
        assert 0.0 <= closing.closing_probability(text) <= 1.0


def _corpus() -> list[dict[str, str]]:
    return [
        {**json.loads(line), "author": path.stem}
        for path in sorted(fit.CORPUS_DIR.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


def test_every_corpus_line_is_labelled_and_no_setting_is_shared_between_authors() -> None:
    records = _corpus()
    assert {record["moment"] for record in records} == {fit.CLOSING, fit.OTHER}
    authors_of: dict[str, set[str]] = {}
    for record in records:
        assert record["text"].strip()
        authors_of.setdefault(record["setting"], set()).add(record["author"])
    assert all(len(authors) == 1 for authors in authors_of.values())
    assert {path.stem for path in fit.CORPUS_DIR.glob("*.jsonl")} == {*fit.FIT_AUTHORS, *fit.PROBE_AUTHORS}
    assert not set(fit.FIT_AUTHORS) & set(fit.PROBE_AUTHORS)


def test_the_shipped_weights_are_the_fit_of_the_corpus() -> None:
    pytest.importorskip("scipy")  # fitting needs the `fit` extra
    assert closing.weights_text(fit.shipped_fit()) == closing.WEIGHTS_PATH.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "line",
    [
        "Go on then, love. Mind the mountain.",
        "Love it! Thanks Kasia, chat Monday!",
        "Brilliant. Shout if you need anything, yeah? Cheers.",
        "cheers tom back to it then",
        "Good. Off home with you, and thanks.",
    ],
)
def test_a_close_no_pattern_holds_grants_a_goodbye_once_a_plan_was_talked_of(line: str) -> None:
    assert closing.closes_the_meeting(line)
    assert "parting" not in granted_by(line, STATEMENT, LATE)  # the patterns alone do not hear it
    assert "parting" in granted_by(line, STATEMENT, LATE, plan_made=True)
    assert "parting" not in granted_by(
        line, STATEMENT, 2, plan_made=True
    )  # goodbyes and thanks open meetings too


def test_a_line_that_asks_on_is_read_as_its_last_question() -> None:
    asks_on = "Love it, thanks Kasia. Actually, before you go, what would help most this week?"
    assert "parting" not in granted_by(asks_on, STATEMENT, LATE, plan_made=True)
    assert "parting" in granted_by(
        "Thanks, Grace. Same time in a fortnight?", STATEMENT, LATE, plan_made=True
    )


@pytest.mark.parametrize(
    "line",
    [
        "Thanks for telling me that. What happened next?",
        "So bedside charting from Monday. How does that feel?",
        "Right, that's us. Oh, before you go, how's your mum?",
        "She said see you later and walked out two hours before the end of her shift.",
        "What would make next week feel worth it?",
        "Go on.",
    ],
)
def test_a_line_that_keeps_the_meeting_going_in_the_words_of_a_close_is_not_one(line: str) -> None:
    assert not closing.closes_the_meeting(line)
