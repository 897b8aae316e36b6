"""Scenario files: valid ones load; every kind of bad one gives one located error, never a traceback."""

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from simulator.engine.session import Session
from simulator.scenario import catalogue
from simulator.scenario.loading import (
    MAX_SCENARIO_BYTES,
    ScenarioError,
    load_scenario,
    locate_in,
    parse_scenario,
    scenario_problems,
)
from simulator.vocabulary import State
from tests.strategies import COMPASSION_LINES, mutated_text, scenario_data

GOOD = catalogue.bundled_text(catalogue.DEFAULT_SCENARIO)


def first_problem(text: str) -> str:
    _, problems = scenario_problems(text)
    assert problems, "expected a problem"
    return problems[0].render("s.yaml")


def line_of(text: str, fragment: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if fragment in line)


def test_default_scenario_parses_without_problems() -> None:
    scenario, problems = scenario_problems(GOOD)
    assert scenario is not None and scenario.id == catalogue.DEFAULT_SCENARIO
    assert problems == []


@pytest.mark.slow
def test_misspelt_key_is_located_and_gets_a_suggestion() -> None:
    text = GOOD.replace("    warm_up:", "    warmup:")
    assert first_problem(text) == (
        f"s.yaml:{line_of(text, 'warmup:')}:5: error: coachee.temperament.warmup: "
        "unknown key 'warmup'; did you mean 'warm_up'?"
    )


def test_unknown_state_is_located_at_its_value() -> None:
    text = GOOD.replace("starting_state: guarded", "starting_state: gaurded")
    message = first_problem(text)
    assert message.startswith(f"s.yaml:{line_of(text, 'gaurded')}:19: error: coachee.starting_state:")


def test_wrong_type_is_located() -> None:
    text = GOOD.replace("turn_limit: 30", "turn_limit: many")
    assert first_problem(text).startswith(f"s.yaml:{line_of(text, 'turn_limit')}:13: error: turn_limit:")


def test_missing_required_key_names_it() -> None:
    text = GOOD.replace("closing:\n", "closin:\n")
    _, problems = scenario_problems(text)
    messages = [problem.message for problem in problems]
    assert "(top level): missing required key 'closing'" in messages
    assert "closin: unknown key 'closin'; did you mean 'closing'?" in messages


def test_reply_key_that_is_not_a_form_or_focus_is_located() -> None:
    text = GOOD.replace(
        "    vision:\n      - text: I'm not really", "    visoin:\n      - text: I'm not really"
    )
    assert "replies.defensive.visoin: unknown key 'visoin'; did you mean 'vision'?" in first_problem(text)


def test_state_without_default_replies_is_an_error() -> None:
    text = GOOD.replace("  energised:\n    default:", "  energised:\n    plan_b:")
    _, problems = scenario_problems(text)
    assert any("replies.energised: missing required key 'default'" in p.message for p in problems)


@pytest.mark.slow
def test_duplicate_key_is_refused_at_the_second_one() -> None:
    text = GOOD.replace("  starting_state: guarded\n", "  starting_state: guarded\n  starting_state: open\n")
    assert (
        first_problem(text)
        == f"s.yaml:{line_of(text, 'starting_state: open')}:3: error: duplicate key 'starting_state'"
    )


def test_goal_naming_an_unknown_story_item_is_located() -> None:
    text = GOOD.replace("    reveal: values", "    reveal: valuez")
    assert first_problem(text).startswith(
        f"s.yaml:{line_of(text, 'valuez')}:13: error: goal 2 'Learn what matters most to her...', reveal: "
        "unknown story id 'valuez'; did you mean 'values'?"
    )


def test_yaml_syntax_error_is_located() -> None:
    assert first_problem("id: [unclosed\ntitle: x\n").startswith("s.yaml:1:5: error: YAML syntax: the [ here")


def test_alias_bomb_is_refused_before_expansion() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
    )
    assert "anchors and aliases are not allowed" in first_problem(bomb)


def test_deep_nesting_is_refused() -> None:
    assert "nesting deeper than 40 levels" in first_problem("a: " + "[" * 100 + "]" * 100)
    assert "nesting depth" in first_problem("a: " + "[" * 5000 + "]" * 5000)


def test_empty_file_is_refused() -> None:
    assert (
        first_problem("") == "s.yaml:1:1: error: file is empty; a scenario needs at least an id and a title"
    )


def test_a_list_is_not_a_scenario() -> None:
    assert "a scenario must be a mapping" in first_problem("- one\n- two\n")


def test_parse_scenario_raises_one_line_error_naming_the_source() -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario("id: x\n", "mine.yaml")
    assert str(caught.value).startswith("mine.yaml:1:1: error:")
    assert "\n" not in str(caught.value)


def test_non_utf8_file_is_refused_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"id: caf\xe9\n")
    with pytest.raises(ScenarioError, match=r"latin.yaml:1:8: error: not UTF-8 text"):
        load_scenario(path)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blob.yaml"
    path.write_bytes(b"\x00\x01\x02id: x")
    with pytest.raises(ScenarioError, match="binary data"):
        load_scenario(path)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="is a directory"):
        load_scenario(tmp_path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="no such file"):
        load_scenario(tmp_path / "nope.yaml")


def test_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("# " + "x" * MAX_SCENARIO_BYTES)
    with pytest.raises(ScenarioError, match="larger than"):
        load_scenario(path)


def test_python_tags_are_never_constructed() -> None:
    assert "YAML" in first_problem("id: !!python/object/apply:os.system ['echo hi']\n")


# --- trainer tools: suggestions, locations for every error, generated scenarios ---------------


def test_misspelt_state_suggests_the_state() -> None:
    text = GOOD.replace("starting_state: guarded", "starting_state: gaurded")
    assert first_problem(text).endswith(
        "coachee.starting_state: 'gaurded' is not one of defensive, guarded, neutral, reflective, "
        "open, energised; did you mean 'guarded'?"
    )


def test_misspelt_focus_suggests_the_focus_and_is_reported_once() -> None:
    text = GOOD.replace("unlocked_by: [plan]", "unlocked_by: [plna]")
    _, problems = scenario_problems(text)
    assert len(problems) == 1
    assert problems[0].render("s.yaml") == (
        f"s.yaml:{line_of(text, 'plna')}:19: error: story item 'next-step' (5th), unlocked_by (1st): "
        "'plna' is not one of vision, "
        "values, strengths, feelings, real_self, deficit, plan, none; did you mean 'plan'?"
    )


def test_test_conversation_naming_an_unknown_state_is_located_and_suggests() -> None:
    text = GOOD.replace("final_at_most: guarded", "final_at_most: gaurded")
    message = first_problem(text)
    assert message.startswith(
        f"s.yaml:{line_of(text, 'final_at_most: gaurded')}:22: error: "
        "test conversation 2 'compliance-led conversation...', expect.final_at_most:"
    )
    assert message.endswith("did you mean 'guarded'?")


def test_locate_in_finds_a_value_and_falls_back_to_the_start() -> None:
    assert locate_in(GOOD, ("coachee", "starting_state")) == (line_of(GOOD, "starting_state"), 19)
    assert locate_in("id: [x\n", ("id",)) == (1, 1)


@pytest.mark.slow
@given(scenario_data())
def test_generated_valid_scenarios_load_validate_and_run_a_conversation(data: dict[str, Any]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    scenario, problems = scenario_problems(text)
    assert scenario is not None
    assert [p for p in problems if p.severity == "error"] == []
    session = Session(scenario, seed=1)
    for line in COMPASSION_LINES[: scenario.turn_limit]:
        turn = session.say(line)
        assert turn.state_after in State
    assert 0 <= session.openness < len(State)


@pytest.mark.slow
@given(st.data())
def test_every_problem_in_a_mutated_bundled_scenario_carries_a_location(data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(catalogue.bundled_ids()))
    original = catalogue.bundled_text(source)
    text = data.draw(mutated_text(original))
    _, problems = scenario_problems(text)
    lines = text.count("\n") + 2
    for problem in problems:
        assert 1 <= problem.line <= lines and problem.column >= 1, problem
        assert problem.message and "\n" not in problem.render("s.yaml")
        assert problem.severity in ("error", "warning")


def test_an_anchor_is_refused_even_when_no_alias_uses_it() -> None:
    text = GOOD.replace("id: ward-nurse-charting", "id: &mine ward-nurse-charting", 1)
    assert (
        first_problem(text)
        == f"s.yaml:{line_of(text, '&mine')}:5: error: anchors and aliases are not allowed in scenario files"
    )


@pytest.mark.slow
def test_a_number_of_thousands_of_digits_is_one_located_error() -> None:
    text = GOOD.replace("turn_limit: ", "turn_limit: " + "9" * 5000 + " #", 1)
    line = line_of(text, "9" * 5000)
    assert first_problem(text) == f"s.yaml:{line}:13: error: a number longer than 100 characters"


def test_a_list_of_more_than_a_thousand_items_is_refused_where_it_starts() -> None:
    text = GOOD + "x_list: [" + ", ".join(["a"] * 1001) + "]\n"
    assert first_problem(text).startswith(
        f"s.yaml:{line_of(text, 'x_list')}:9: error: a list of more than 1000 items"
    )


def with_extra_items(key: str, template: dict[str, Any], count: int) -> str:
    data = yaml.safe_load(GOOD)
    target = data["coachee"] if key == "hot_buttons" else data
    target[key] = [*target[key], *({**copy.deepcopy(template), "id": f"extra-{n}"} for n in range(count))]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("key", "template", "most"),
    [
        ("hot_buttons", {"words": ["rota"], "reply": {"text": "Not the rota.", "cue": "sighs"}}, 40),
        ("story", {"kind": "worries", "unlocked_by": ["feelings"], "text": "It worries me."}, 100),
    ],
)
def test_a_persona_has_at_most_forty_hot_buttons_and_a_hundred_story_items(
    key: str, template: dict[str, Any], most: int
) -> None:
    data = yaml.safe_load(GOOD)
    present = len((data["coachee"] if key == "hot_buttons" else data)[key])
    assert scenario_problems(with_extra_items(key, template, most - present))[0] is not None
    assert f"at most {most} items" in first_problem(with_extra_items(key, template, most + 1 - present))
