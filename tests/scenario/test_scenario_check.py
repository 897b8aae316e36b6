"""Cross-reference checks: what the schema alone cannot see, reported at a data path."""

from typing import Any

import pytest

from simulator.scenario import catalogue
from simulator.scenario.check import find_problems, reachable_states
from simulator.scenario.loading import scenario_problems
from simulator.scenario.model import Scenario
from simulator.vocabulary import State

GOOD = catalogue.bundled_text(catalogue.DEFAULT_SCENARIO)


def variant(**changes: Any) -> Scenario:
    """The default scenario with some top-level or coachee fields replaced."""
    scenario = catalogue.load().scenario
    coachee = changes.pop("coachee", {})
    temperament = coachee.pop("temperament", {})
    persona = scenario.coachee.model_copy(
        update={**coachee, "temperament": scenario.coachee.temperament.model_copy(update=temperament)}
    )
    return scenario.model_copy(update={**changes, "coachee": persona})


def messages(scenario: Scenario) -> list[str]:
    return [f"{'.'.join(map(str, f.path))}: {f.severity}: {f.message}" for f in find_problems(scenario)]


@pytest.mark.slow
def test_every_bundled_scenario_has_no_findings() -> None:
    for loaded in catalogue.load_bundled():
        assert find_problems(loaded.scenario) == [], loaded.scenario.id


@pytest.mark.slow
def test_bundled_coachees_can_reach_every_state() -> None:
    for loaded in catalogue.load_bundled():
        assert reachable_states(loaded.scenario).states == tuple(State)


def test_open_needs_of_only_none_makes_open_and_energised_unreachable() -> None:
    found = messages(variant(coachee={"temperament": {"open_needs": ("none",)}}))
    assert (
        "coachee.temperament.open_needs: warning: the coachee can never reach 'open': "
        "open_needs lists only 'none', a focus no move explores" in found
    )
    assert any(
        m.startswith("coachee.temperament.open_needs: warning: the coachee can never reach 'energised'")
        for m in found
    )
    assert "goals.3.reach: error: this goal can never be met: the coachee can never reach 'open'" in found


def test_story_items_needing_an_unreachable_state_are_reported() -> None:
    found = messages(variant(coachee={"temperament": {"open_needs": ("none",)}}))
    assert (
        "story.2.needs: warning: story item 'vision' needs 'open', which the coachee can never reach" in found
    )
    assert not any(m.startswith("story.1.needs") for m in found)  # values needs reflective: fine


def test_energised_is_unreachable_when_every_needed_item_needs_energised() -> None:
    scenario = catalogue.load().scenario
    story = tuple(
        item.model_copy(update={"needs": State.ENERGISED}) if item.kind == "vision" else item
        for item in scenario.story
    )
    found = messages(scenario.model_copy(update={"story": story}))
    assert any(
        "can never reach 'energised': every story item of kind 'vision' needs 'energised'" in m for m in found
    )


def test_a_coachee_nothing_lowers_never_falls_below_the_start() -> None:
    calm = variant(
        coachee={
            "hot_buttons": (),
            "temperament": {"shuts_down_on": (), "drift": 0.0, "sensitivity": 0.0},
        }
    )
    reach = reachable_states(calm)
    assert reach.states[0] is State.GUARDED
    assert (
        "coachee.starting_state: warning: the coachee can never reach 'defensive': no move lowers openness"
        in messages(calm)[0]
    )


@pytest.mark.slow
def test_later_hot_button_word_shadowed_by_an_earlier_one_is_a_warning() -> None:
    text = GOOD.replace(
        "      words: [audit, audits, compliance]", "      words: [audit, audit trail, compliance]"
    )
    text = text.replace("      words: [written up, write-up,", "      words: [audit, written up, write-up,")
    _, problems = scenario_problems(text)
    shadowed = [p for p in problems if "never fires" in p.message]
    assert [p.severity for p in shadowed] == ["warning", "warning"]
    assert (
        "'audit trail' never fires hot button 'audit': the earlier hot button 'written-up' matches it first"
        in (shadowed[1].message)
    )
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "audit trail" in row)
    assert (shadowed[0].line, shadowed[1].line) == (line, line)


@pytest.mark.slow
def test_hot_buttons_with_distinct_words_do_not_shadow() -> None:
    assert not any("never fires" in m for m in messages(catalogue.load().scenario))


@pytest.mark.slow
def test_an_earlier_hot_button_firing_only_on_nea_moves_does_not_shadow_one_firing_on_any() -> None:
    scenario = catalogue.load().scenario
    first, second = scenario.coachee.hot_buttons
    narrow = first.model_copy(update={"words": ("audit",), "fires_on": "nea"})
    broad = second.model_copy(update={"words": ("audit",), "fires_on": "any"})
    persona = scenario.coachee.model_copy(update={"hot_buttons": (narrow, broad)})
    assert not any("never fires" in m for m in messages(scenario.model_copy(update={"coachee": persona})))
    persona = scenario.coachee.model_copy(update={"hot_buttons": (broad, narrow)})
    assert any("never fires" in m for m in messages(scenario.model_copy(update={"coachee": persona})))


def test_story_items_waiting_for_each_other_are_never_revealed() -> None:
    scenario = catalogue.load().scenario
    story = tuple(
        item.model_copy(update={"after": ("next-step",)})
        if item.id == "balance-sheet"
        else item.model_copy(update={"after": ("balance-sheet",)})
        if item.id == "next-step"
        else item
        for item in scenario.story
    )
    found = messages(scenario.model_copy(update={"story": story}))
    assert (
        "story.3.after: warning: story item 'balance-sheet' can never be revealed: it waits for items "
        "that never are (or for itself)" in found
    )
    assert any(
        m.startswith("story.4.after: warning: story item 'next-step' can never be revealed") for m in found
    )


def test_a_goal_to_reveal_an_item_that_never_is_revealed_is_an_error() -> None:
    found = messages(variant(coachee={"temperament": {"open_needs": ("none",)}}))
    assert "goals.0.reveal: error: this goal can never be met: story item 'vision' is never revealed" in found


def test_a_coach_line_naming_a_hot_buttons_words_is_a_warning() -> None:
    scenario = catalogue.load().scenario
    topic = scenario.topics[0]
    lines = topic.coach_lines.model_copy(
        update={"reflect": ("The audit weighs on you.", *topic.coach_lines.reflect)}
    )
    touched = scenario.model_copy(
        update={"topics": (topic.model_copy(update={"coach_lines": lines}), *scenario.topics[1:])}
    )
    assert messages(touched) == [
        "topics.0.coach_lines.reflect.0: warning: says 'audit', a word of hot button 'audit': a trainee "
        "who takes this line up as the better line hits that nerve"
    ]
    opening = scenario.opening
    answers = opening.coach_lines.model_copy(update={"answer": ("Partly the audit, Grace. How are you?",)})
    answered = scenario.model_copy(update={"opening": opening.model_copy(update={"coach_lines": answers})})
    assert messages(answered) == [
        "opening.coach_lines.answer.0: warning: says 'audit', a word of hot button 'audit': a trainee "
        "who takes this line up as the better line hits that nerve"
    ]
