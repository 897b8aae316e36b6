"""Paths told in the words of the coaching model, with an example line per step that reads as that move."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.engine.session import Session
from simulator.reading.moves import classify
from simulator.scenario import catalogue
from simulator.trainer.explore import (
    COMPASSION_KINDS,
    COMPLIANCE_KINDS,
    MoveKind,
    Step,
    hot_button_kinds,
    replay,
)
from simulator.trainer.path_words import describe_path, move_words
from simulator.vocabulary import QUESTION_FORMS, REFLECTION_FORMS, Context, Form

DEFAULT = catalogue.load().scenario
KINDS = {kind.name: kind for kind in (*COMPASSION_KINDS, *COMPLIANCE_KINDS, *hot_button_kinds(DEFAULT))}


def family(form: Form) -> object:
    """Forms a reader may tell apart by degree only: a reflection is a reflection, a question a question."""
    if form in REFLECTION_FORMS:
        return "reflection"
    return "question" if form in QUESTION_FORMS else form


@pytest.mark.parametrize("name", sorted(KINDS))
@pytest.mark.parametrize("told", [frozenset(), frozenset({"vision", "values"})])
def test_every_example_line_reads_as_the_move_it_illustrates(name: str, told: frozenset[str]) -> None:
    kind: MoveKind = KINDS[name]
    words = move_words(name, told)
    assert words.move and words.model and words.example, name
    assert words.move != name  # said in the model's words, not the search's names
    for established in (False, True):
        read = classify(words.example, Context(vision_established=established))
        intended = kind.move(established)
        if kind.text:  # a hot button's word may make the line read harsher than a check: say the word, be NEA
            assert kind.text in words.example, name
            assert established or read.attractor is intended.attractor, (name, read)
            continue
        # Information, structure and fillers are neutral whatever they mention: their focus is not the move.
        focus_matters = intended.form not in (Form.INFORMATION, Form.STRUCTURE, Form.OTHER)
        assert (family(read.form), read.focus if focus_matters else None, read.attractor) == (
            family(intended.form),
            intended.focus if focus_matters else None,
            intended.attractor,
        ), (name, words.example, read)


def test_a_reflection_of_a_story_not_yet_told_is_told_as_hearing_a_hope() -> None:
    before = move_words("vision reflection")
    after = move_words("vision reflection", frozenset({"vision"}))
    assert "vision" not in before.move and "hope" in before.move
    assert after.move == "reflect their vision back and deepen it"


@pytest.mark.slow
@settings(max_examples=30)
@given(st.lists(st.sampled_from(COMPASSION_KINDS), min_size=1, max_size=DEFAULT.turn_limit))
def test_no_path_ever_reflects_a_vision_before_it_is_told(path: list[MoveKind]) -> None:
    session = Session(DEFAULT)
    steps: list[Step] = []
    for kind in path:
        if session.is_over:  # the coachee may walk out of a conversation that goes badly
            break
        steps.extend(replay(DEFAULT, [kind], session))
    told_vision = False
    for step, words in zip(steps, describe_path(DEFAULT, steps), strict=True):
        if "their vision" in words.move:
            assert told_vision, (step, words)
        told_vision = told_vision or any(DEFAULT.story_item(item).kind == "vision" for item in step.reveals)
        assert bool(words.told) == bool(step.reveals)
