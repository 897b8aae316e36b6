"""Tests for the reader of coachee language (simulator/client_talk.py)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.talk.client_talk import (
    _SCAN,
    _SCAN_GROUPS,
    MAX_CHARS,
    TalkReading,
    read_talk,
    talk_cues,
)
from simulator.talk.wording import normalise as _normalise
from tests.strategies import trainee_text

GOLD_PATH = Path(__file__).with_name("gold_talk.tsv")

# Floors sit a few points under what the reader measured on the gold set when they were set
# (accuracy 0.987 and macro-F1 0.985 on 382 lines), so a real regression fails while a
# one-line wobble does not. The gold set was written alongside the reader, so it guards
# against regressions rather than estimating accuracy: its last 60 lines, written after the
# rules and read once before any fix, scored 0.72 at first. Agreement with experts on real
# sessions is printed by `python benchmarks/quality.py` (AnnoMI) and is far lower.
GOLD_ACCURACY_FLOOR = 0.95
GOLD_MACRO_F1_FLOOR = 0.95
GOLD_MIN_LINES = 250


def talk(line: str) -> str:
    return read_talk(line)


# --- DARN-CAT, both ways ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "I want to cut down on the drinking.",
        "I'd really like to get my weekends back.",
        "Part of me wants to quit.",
        "I'd like that.",
    ],
)
def test_wanting_to_change_is_change_talk(line: str) -> None:
    assert talk(line) == "change"
    assert talk_cues(line).kind == "desire"


@pytest.mark.parametrize(
    "line", ["I don't want to stop.", "I don't want to give up my cigarettes.", "I want to drink."]
)
def test_wanting_the_status_quo_is_sustain_talk(line: str) -> None:
    assert talk(line) == "sustain"


@pytest.mark.parametrize(
    "line",
    ["I could probably cut back to weekends only.", "I know how to say no to extra shifts.", "I can do it."],
)
def test_being_able_to_change_is_change_talk(line: str) -> None:
    assert talk_cues(line) == TalkReading("change", "ability", talk_cues(line).cue)


@pytest.mark.parametrize(
    "line", ["I can't stop.", "I don't think I can stop drinking.", "There's no way I could quit."]
)
def test_being_unable_to_change_is_sustain_talk(line: str) -> None:
    assert talk(line) == "sustain"
    assert talk_cues(line).kind == "ability"


@pytest.mark.parametrize(
    "line",
    [
        "It's not good for my heart.",
        "My kids need me.",
        "I'd have more energy if I cut down.",
        "I drink too much.",
    ],
)
def test_reasons_for_change_are_change_talk(line: str) -> None:
    assert talk_cues(line)[:2] == ("change", "reasons")


@pytest.mark.parametrize(
    "line",
    ["It helps me relax.", "It's the only thing I enjoy.", "I'd be miserable without it.", "I'm too busy."],
)
def test_reasons_against_change_are_sustain_talk(line: str) -> None:
    assert talk_cues(line)[:2] == ("sustain", "reasons")


@pytest.mark.parametrize(
    "line",
    ["I need to cut down.", "I really should quit.", "I know I shouldn't drink so much.", "I need help."],
)
def test_needing_to_change_is_change_talk(line: str) -> None:
    assert talk_cues(line)[:2] == ("change", "need")


@pytest.mark.parametrize("line", ["I don't need to cut down.", "I don't have to quit."])
def test_denying_a_need_to_change_is_sustain_talk(line: str) -> None:
    assert talk_cues(line)[:2] == ("sustain", "need")


@pytest.mark.parametrize(
    "line",
    ["I'm going to cut down to two a night.", "I'll start walking on Monday.", "I've decided to talk to HR."],
)
def test_committing_to_change_is_change_talk(line: str) -> None:
    assert talk_cues(line)[:2] == ("change", "commitment")


@pytest.mark.parametrize(
    "line", ["I'm not going to quit.", "I won't stop drinking.", "I'll never give up my wine."]
)
def test_committing_to_the_status_quo_is_sustain_talk(line: str) -> None:
    assert talk_cues(line)[:2] == ("sustain", "commitment")


@pytest.mark.parametrize(
    "line", ["I'm ready to quit.", "I'm willing to try the patches.", "I'm thinking about quitting."]
)
def test_getting_ready_is_change_talk(line: str) -> None:
    assert talk_cues(line)[:2] == ("change", "activation")


@pytest.mark.parametrize("line", ["I'm not ready to give up smoking.", "I'm not willing to cut my hours."])
def test_not_being_ready_is_sustain_talk(line: str) -> None:
    assert talk_cues(line)[:2] == ("sustain", "activation")


@pytest.mark.parametrize(
    "line",
    [
        "I've cut down to three a day.",
        "I started walking after dinner.",
        "I haven't had a drink since Friday.",
        "I'm drinking less than I used to.",
        "I've been going to the gym twice a week.",
    ],
)
def test_taking_steps_is_change_talk(line: str) -> None:
    assert talk_cues(line)[:2] == ("change", "taking_steps")


@pytest.mark.parametrize(
    "line",
    ["I started smoking when I was fifteen.", "I've been in this job for six years.", "I'm drinking a lot."],
)
def test_a_past_habit_is_a_fact_not_a_step(line: str) -> None:
    assert talk(line) == "neutral"


@pytest.mark.parametrize(
    "line", ["It's not that bad.", "Everyone does it.", "I can handle it.", "I only drink on weekends."]
)
def test_minimising_is_sustain_talk(line: str) -> None:
    assert talk_cues(line)[:2] == ("sustain", "minimising")


@pytest.mark.parametrize("line", ["It's not my fault the targets are impossible.", "What's the point?"])
def test_discord_is_sustain_talk(line: str) -> None:
    assert talk_cues(line)[:2] == ("sustain", "discord")


# --- negation and its scope -------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("I don't want to keep drinking.", "change"),  # not wanting the status quo
        ("I don't want to stop.", "sustain"),  # not wanting the change
        ("I can't keep doing this.", "change"),
        ("I can't go on like this.", "change"),
        ("I can't stop.", "sustain"),
        ("I'm not going to keep drinking every night.", "change"),
        ("I'm not going to quit.", "sustain"),
        ("I'll never smoke again.", "change"),
        ("I'll never give up my wine.", "sustain"),
        ("I don't want to end up like my dad.", "change"),
        ("I won't drink this weekend.", "change"),
        ("I'm trying not to drink on weeknights.", "change"),
    ],
)
def test_negation_flips_the_verb_it_governs(line: str, expected: str) -> None:
    assert talk(line) == expected


def test_a_negated_frame_negates_the_stance_inside_it() -> None:
    assert talk("I think I can stop.") == "change"
    assert talk("I don't think I can stop.") == "sustain"
    assert talk("I'm not sure I want to quit.") == "sustain"


def test_a_negated_reason_is_still_a_reason_for_change() -> None:
    assert talk("It's not good for me.") == "change"
    assert talk("It's not a problem.") == "sustain"


def test_a_negated_wish_about_an_unknown_thing_is_left_neutral() -> None:
    # Without the topic, "go to court" may be the change or a harm the status quo risks.
    assert talk("I don't want to go to court.") == "neutral"
    assert talk("I can't do that.") == "sustain"  # "that" points back at what was proposed


# --- several clauses: ambivalence ------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("I want to quit, but I can't.", "sustain"),  # the clause after "but" is where they stand
        ("I can't right now, but I want to.", "change"),
        ("I like drinking, but I'm going to cut down.", "change"),
        ("I know it's bad for me, but I enjoy it.", "sustain"),
        ("It helps me relax, but it's ruining my health.", "change"),
        ("I'm going to try, but it will be hard.", "change"),  # commitment outweighs a barrier
        ("I want to quit. I can't, though.", "sustain"),  # a trailing "though" counts as a "but"
        ("I've tried to quit before but it never works.", "sustain"),
    ],
)
def test_ambivalence_is_read_by_strength_and_the_clause_after_but(line: str, expected: str) -> None:
    assert talk(line) == expected


def test_commitment_outweighs_earlier_preparatory_talk() -> None:
    assert talk("I don't want to stop. It's my only escape. But I'm going to cut down.") == "change"
    assert talk("I want to cut down. I'm not going to stop though.") == "sustain"


# --- speech-to-text and typing variants -------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("i dont want to quit", "sustain"),
        ("i want to quit but i cant", "sustain"),
        ("ill book the appointment this week", "change"),
        ("im gonna try the nicotine gum", "change"),
        ("its not good for me", "change"),
        ("i cant keep living like this", "change"),
        ("i like smoking but im going to try the patches", "change"),
        ("I DON'T WANT TO KEEP DRINKING", "change"),
        ("I don\u2019t want to stop", "sustain"),
        ("um i i really want to uh cut down", "change"),
    ],
)
def test_dictated_lowercase_and_curly_variants_read_alike(line: str, expected: str) -> None:
    assert talk(line) == expected


def test_feeling_ill_is_not_a_promise() -> None:
    assert talk("i feel ill most mornings") == "neutral"


# --- neutral -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "I drink about four beers a night.",
        "My manager is new.",
        "Yeah.",
        "Mm-hmm.",
        "I don't know.",
        "What do you mean?",
        "Should I quit?",
        "My wife wants me to quit.",
        "My doctor says I should lose weight.",
        "I'm not going to lie, it was a busy week.",
        "I can see why you'd ask.",
        "",
        "   ",
    ],
)
def test_facts_backchannels_questions_and_other_peoples_wishes_are_neutral(line: str) -> None:
    assert talk(line) == "neutral"
    assert talk_cues(line) == TalkReading("neutral", "none", "")


def test_talk_cues_name_the_words_that_decided() -> None:
    reading = talk_cues("Honestly, I don't want to keep drinking like this.")
    assert reading.talk == "change" and reading.kind == "desire"
    assert "keep drinking" in reading.cue


def test_long_pastes_are_cut_and_still_read() -> None:
    assert talk("I want to quit. " + "blah " * 10_000) == "change"
    assert talk("blah " * (MAX_CHARS // 5 + 10) + "I want to quit.") == "neutral"  # past the cut


# --- properties --------------------------------------------------------------------------------

coachee_text = st.one_of(
    trainee_text,
    st.lists(
        st.sampled_from(
            [
                "I",
                "don't",
                "want",
                "to",
                "can't",
                "keep",
                "stop",
                "but",
                "never",
                "it's",
                "not",
                "bad",
                "?",
                ".",
                "ill",
            ]
        )
    ).map(" ".join),
)


@pytest.mark.slow
@given(coachee_text)
def test_any_text_reads_as_one_of_three_without_error(text: str) -> None:
    reading = talk_cues(text)
    assert reading.talk in ("change", "sustain", "neutral")
    assert read_talk(text) == reading.talk


@pytest.mark.slow
@given(coachee_text)
def test_reading_is_deterministic(text: str) -> None:
    assert talk_cues(text) == talk_cues(text)


@given(st.sampled_from(["I want to cut down.", "I don't want to stop.", "It helps me relax."]))
def test_case_and_punctuation_do_not_change_the_reading(line: str) -> None:
    bare = line.lower().replace(".", "").replace("'", "")
    assert talk(bare) == talk(line) == talk(line.upper())


def reference_scan(line: str) -> list[tuple[str | None, int, int]]:
    """What the scanner must find: one big alternation tried at every word, without overlaps."""
    found, free, at = [], 0, 0
    for word in line.split(" "):
        if at >= free and (match := REFERENCE.match(line, at)) is not None:
            found.append((match.lastgroup, match.start(), match.end()))
            free = match.end()
        at += len(word) + 1
    return found


REFERENCE = re.compile(
    "|".join(
        f"(?P<{name}>(?:{pattern})(?![\\w']))" if name else f"(?:{pattern})" for name, pattern in _SCAN_GROUPS
    )
)


@pytest.mark.slow
@given(
    st.one_of(
        coachee_text, st.sampled_from([line.split("\t")[0] for line in GOLD_PATH.read_text().splitlines()])
    )
)
def test_the_fast_scanner_finds_what_one_big_alternation_finds(text: str) -> None:
    line = _normalise(text)
    assert [(m.lastgroup, m.start(), m.end()) for m in _SCAN.scan(line)] == reference_scan(line)


# --- the gold set ----------------------------------------------------------------------------------
# tests/gold_talk.tsv: coachee lines written for this project (never taken from a data set)
# in health (drinking, smoking, diabetes, exercise) and workplace (workload, performance,
# careers) settings, labelled by MI's definitions of change and sustain talk.


def load_gold() -> list[dict[str, str]]:
    with GOLD_PATH.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    scores = []
    for label in ("change", "sustain", "neutral"):
        hits = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        precision = hits / max(1, predicted.count(label))
        recall = hits / max(1, gold.count(label))
        scores.append(2 * precision * recall / (precision + recall) if hits else 0.0)
    return sum(scores) / len(scores)


def test_gold_set_is_large_labelled_and_covers_every_talk() -> None:
    rows = load_gold()
    assert len(rows) >= GOLD_MIN_LINES
    labels = [row["talk"] for row in rows]
    assert set(labels) == {"change", "sustain", "neutral"}
    assert min(labels.count(label) for label in set(labels)) >= 50
    assert len({row["text"] for row in rows}) == len(rows)


def test_reader_agrees_with_the_gold_set_above_the_floor() -> None:
    rows = load_gold()
    gold = [row["talk"] for row in rows]
    predicted = [read_talk(row["text"]) for row in rows]
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(rows)
    assert accuracy >= GOLD_ACCURACY_FLOOR
    assert macro_f1(gold, predicted) >= GOLD_MACRO_F1_FLOOR
