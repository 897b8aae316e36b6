"""Replaying many conversations at once gives exactly the sessions of playing each alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.engine.listening import topics_raised, without_set_aside
from simulator.engine.replay import Replay, replay_all
from simulator.scenario import catalogue
from simulator.scenario.model import Scenario
from simulator.trainer.rehearsal import play
from tests.strategies import COMPASSION_LINES, COMPLIANCE_LINES, STOCK_LINES, trainee_text

ALL_BUNDLED = [loaded.scenario for loaded in catalogue.load_bundled()]

conversation = st.tuples(
    st.sampled_from(ALL_BUNDLED),
    st.lists(
        st.one_of(
            st.sampled_from([*COMPASSION_LINES, *COMPLIANCE_LINES, *STOCK_LINES, "", "  "]), trainee_text
        ),
        max_size=40,
    ),
    st.integers(0, 2**31),
)


def limited(scenario: Scenario, limit: int) -> Scenario:
    return scenario.model_copy(update={"turn_limit": limit})


@pytest.mark.slow
@settings(max_examples=25)
@given(st.lists(conversation, min_size=1, max_size=6))
def test_conversations_replayed_together_are_the_same_as_played_alone(
    conversations: list[tuple[Scenario, list[str], int]],
) -> None:
    together = replay_all([Replay(scenario, lines, seed) for scenario, lines, seed in conversations])
    for (scenario, lines, seed), session in zip(conversations, together, strict=True):
        alone = play(scenario, lines, seed)
        assert session.turns == alone.turns
        assert (session.state, session.openness, session.revealed, session.end_reason) == (
            alone.state,
            alone.openness,
            alone.revealed,
            alone.end_reason,
        )


def test_a_blank_line_is_skipped_and_lines_past_the_end_are_never_read() -> None:
    nurse = limited(ALL_BUNDLED[-1], 2)
    lines = ["", COMPASSION_LINES[0], "   ", COMPASSION_LINES[1], COMPASSION_LINES[2]]
    short, long_ = replay_all([Replay(nurse, lines[:2], 1), Replay(nurse, lines, 1)])
    assert [turn.trainee for turn in short.turns] == [COMPASSION_LINES[0]]
    assert [turn.trainee for turn in long_.turns] == COMPASSION_LINES[:2] and long_.is_over
    assert replay_all([]) == []


# --- the topics a line raises, found without trying every topic's pattern -----------------------

TOPIC_WORDS = sorted({word for scenario in ALL_BUNDLED for topic in scenario.topics for word in topic.words})


@st.composite
def lines_naming_topics(draw: st.DrawFn) -> str:
    """Lines made of topic words, changed the ways a trainee changes them: case, endings, glued, cut."""
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        word = draw(st.sampled_from(TOPIC_WORDS)).rstrip("*")
        word = draw(
            st.sampled_from(
                [
                    word,
                    word.upper(),
                    word.title(),
                    word + "ing",
                    word + "s",
                    word + "'s",
                    word + "_x",
                    "un" + word,
                    word[:-1],
                    "_" + word,
                ]
            )
        )
        parts += [word, draw(st.sampled_from(["", " ", " the ", ", ", "? ", "-", "é"]))]
    return "".join(parts)


def every_topic_found(scenario: Scenario, line: str) -> tuple[tuple[object, int], ...]:
    line = without_set_aside(line)  # a subject named only to be set aside is not raised
    every = [
        (topic, hits)
        for topic in scenario.topics
        if (hits := topic.hits(line)) and topic.allowed(frozenset())
    ]
    return tuple(sorted(every, key=lambda pair: -pair[1]))


@pytest.mark.slow
def test_each_topic_word_raises_what_every_topics_pattern_finds_in_any_case_and_with_an_ending() -> None:
    for scenario in ALL_BUNDLED:
        for word in (word.rstrip("*") for topic in scenario.topics for word in topic.words):
            for line in (f"So, {word}? un{word}", f"{word.upper()}ING and {word[:-1]}"):
                assert topics_raised(scenario, line, frozenset()) == every_topic_found(scenario, line), line


@pytest.mark.slow
@settings(max_examples=300)
@given(st.sampled_from(ALL_BUNDLED), st.one_of(lines_naming_topics(), st.text(max_size=80)))
def test_the_topics_a_line_raises_are_those_every_topics_pattern_finds(scenario: Scenario, line: str) -> None:
    assert topics_raised(scenario, line, frozenset()) == every_topic_found(scenario, line)
