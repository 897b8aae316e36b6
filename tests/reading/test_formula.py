"""A frame said over and over is a formula: it moves the coachee nothing and earns no credit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scoring.evidence import conversation_evidence
from scoring.facts import facts_from_practice
from simulator.reading.formula import (
    FRAME_WORDS,
    WINDOW,
    formula_of,
    opening,
    same_frame,
    stated,
    stated_frames,
)
from simulator.scenario import catalogue
from simulator.trainer.rehearsal import play

NURSE = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario
PARROT = [
    "So what I'm hearing is the notes are late. Is that right?",
    "So what I'm hearing is you're tired. Is that right?",
    "So what I'm hearing is the ward is short. Is that right?",
]


def test_a_line_opening_as_two_of_the_last_six_did_is_a_formula() -> None:
    assert formula_of(PARROT[1], PARROT[:1]) is None  # once again is a style, not yet a formula
    assert formula_of(PARROT[2], PARROT[:2]) == 0
    # Every other line is enough: "So you feel ..." between stock questions.
    lines = ["So you feel stuck.", "What do you want?", "So you feel tired.", "What matters most?"]
    assert formula_of("So you feel cross.", lines) == 0


def test_openings_further_back_than_the_window_are_forgotten() -> None:
    earlier = PARROT[:2] + ["What would help?"] * WINDOW
    assert formula_of(PARROT[2], earlier) is None


def test_varied_openings_are_never_a_formula() -> None:
    textbook = [
        "What would a really good year look like for you?",
        "It sounds like the students matter a lot to you.",
        "You stayed with that family for an hour after your shift.",
        "What's already in place, holding that picture?",
        "And what's missing?",
    ]
    assert all(formula_of(line, textbook[:i]) is None for i, line in enumerate(textbook))


@given(st.lists(st.text(max_size=40), max_size=10), st.text(max_size=40))
def test_a_formula_points_at_an_earlier_line_with_the_same_opening_or_frame(
    earlier: list[str], line: str
) -> None:
    found = formula_of(line, earlier)
    if found is not None:
        ours, theirs = stated_frames(line), stated_frames(earlier[found])
        assert (
            opening(earlier[found]) == opening(line) != ()
            or theirs[0] == ours[0] != ()
            or theirs[1] == ours[1] != ()
            or same_frame(stated(line), stated(earlier[found]))
        )
        assert found >= len(earlier) - WINDOW
    assert formula_of(line, earlier, nea=True) is None


def test_the_same_frame_behind_changing_openers_is_a_formula() -> None:
    poured = [
        "It sounds like the rota really matters to you. What values guide you?",
        "Right, Maisie really matters to you. What are you good at?",
        "I hear that the pass really matters to you. What would success look like?",
    ]
    assert formula_of(poured[2], poured[:2]) == 0
    feelings = [
        "Sounds like you feel stuck about the rota.",
        "What do you want?",
        "Right, you feel stuck about Bess.",
    ]
    assert formula_of("I hear that you feel stuck about the notes.", feelings) == 0
    # What a line asks is no part of its frame: stock questions differ from line to line.
    asked = ["Tell me. What really matters to you?", "Go on. What really matters to you?"]
    assert formula_of("Okay. What really matters to you?", asked) is None


def test_one_frame_with_its_slot_refilled_is_a_formula_the_second_time() -> None:
    # The slot anywhere, neither opening nor closing the same: once before is enough.
    assert formula_of("Right, the audit is on your mind.", ["Bess is on your mind."]) == 0
    assert formula_of("Mm, you feel proud about the notes.", ["So you feel stuck about the rota."]) == 0
    assert formula_of("I'm hearing the pass means a lot to you.", ["Maisie means a lot to you."]) == 0
    # Three words in common are not a frame when more than two of either line's words differ.
    assert (
        formula_of("You're worried about what they'll all think of you.", ["You're worried about the rota."])
        is None
    )
    # Nor is a statement too long to be a slot filled.
    long_one = "You stayed with that family for an hour after your shift and nobody asked you to."
    assert formula_of(long_one.replace("an hour", "two hours"), [long_one]) is None


@given(st.lists(st.sampled_from(["you", "feel", "stuck", "about", "the", "rota", "Bess", "is"]), max_size=14))
def test_a_frame_is_one_frame_with_itself_when_it_is_short_enough_and_either_way_round(
    words: list[str],
) -> None:
    statement = tuple(word.lower() for word in words)
    low, high = FRAME_WORDS
    assert same_frame(statement, statement) is (low <= len(statement) <= high)
    other = (*statement[:-1], "notes")
    assert same_frame(statement, other) is same_frame(other, statement)


def test_an_order_given_again_is_still_an_order() -> None:
    orders = ["You need to finish the notes by Friday.", "You need to finish the audit too."]
    assert formula_of("You need to finish the handover.", orders) == 0
    assert formula_of("You need to finish the handover.", orders, nea=True) is None


def test_the_coachee_is_moved_by_a_formula_no_more_and_the_scorecard_credits_none() -> None:
    session = play(NURSE, PARROT, seed=0)
    last = session.turns[-1]
    assert "formula" in last.rules
    assert last.openness_after == last.openness_before
    assert last.reveals == ()
    evidence = conversation_evidence(facts_from_practice(NURSE, session.turns))
    assert evidence[-1].formula_of == 1 and not evidence[-1].earns
    assert not evidence[0].formula_of and not evidence[1].formula_of


FRAME_TEST_WORDS = ["the", "audit", "is", "on", "your", "mind", "a", "lot"]


@given(
    st.lists(st.sampled_from(FRAME_TEST_WORDS), max_size=14),
    st.lists(st.sampled_from(FRAME_TEST_WORDS), max_size=14),
)
def test_one_frame_is_all_but_a_slot_of_words_in_common_in_order(ours: list[str], theirs: list[str]) -> None:
    from simulator.reading.formula import FRAME_SLOT

    # The plain definition: the longest run of words the two share in order, however long it takes to find.
    longest = [[0] * (len(theirs) + 1) for _ in range(len(ours) + 1)]
    for i, word in enumerate(ours):
        for j, other in enumerate(theirs):
            longest[i + 1][j + 1] = (
                longest[i][j] + 1 if word == other else max(longest[i][j + 1], longest[i + 1][j])
            )
    kept = longest[-1][-1]
    low, high = FRAME_WORDS
    expected = (
        low <= len(ours) <= high
        and low <= len(theirs) <= high
        and kept >= low
        and len(ours) - kept <= FRAME_SLOT
        and len(theirs) - kept <= FRAME_SLOT
    )
    assert same_frame(tuple(ours), tuple(theirs)) == expected
