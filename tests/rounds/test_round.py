"""Round files: validated with located errors, documented defaults, seeds, scenario choice."""

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.rounds.round_file import (
    DEFAULT_PASS_MARK,
    RoundError,
    choose_scenario,
    load_round,
    parse_round,
    parse_rubric,
    practised_scenario,
    seed_for,
    trainee_key,
    trainee_name,
)

MINIMAL = "id: spring-1\ntitle: Spring round\nscenarios: [ward-nurse-charting]\n"


def problems_of(text: str) -> tuple[str, ...]:
    with pytest.raises(RoundError) as raised:
        parse_round(text, "round.yaml")
    return raised.value.problems


def test_a_minimal_round_gets_the_documented_defaults() -> None:
    rules = parse_round(MINIMAL, "round.yaml").round
    assert (rules.turns, rules.meter, rules.hints, rules.undo) == (None, False, False, False)
    assert rules.pass_mark == DEFAULT_PASS_MARK == 60
    assert rules.seeds.per_trainee and rules.seeds.shared is None


def test_an_unknown_key_is_located_and_a_close_one_suggested() -> None:
    problems = problems_of(MINIMAL + "pass_mrk: 70\n")
    assert problems == ("round.yaml:4:1: error: pass_mrk: unknown key 'pass_mrk'; did you mean 'pass_mark'?",)


def test_every_wrong_value_is_reported_at_its_line_and_column() -> None:
    text = MINIMAL + "turns: 0\nmeter: perhaps\npass_mark: 140\n"
    problems = problems_of(text)
    assert any(p.startswith("round.yaml:4:8: error: turns:") for p in problems)
    assert any(p.startswith("round.yaml:5:8: error: meter:") for p in problems)
    assert any(p.startswith("round.yaml:6:12: error: pass_mark:") for p in problems)


def test_seeds_must_be_shared_or_per_trainee_not_both() -> None:
    problems = problems_of(MINIMAL + "seeds:\n  shared: 4\n  per_trainee: true\n")
    assert problems[0].startswith("round.yaml:5:3: error: seeds:") and "either" in problems[0]


def test_a_missing_scenarios_key_and_a_bad_id_are_named() -> None:
    problems = problems_of("id: Spring Round!\ntitle: x\n")
    assert any("round.yaml:1:5: error: id:" in p for p in problems)
    assert any("missing required key 'scenarios'" in p for p in problems)


def test_yaml_syntax_errors_and_aliases_are_located() -> None:
    assert problems_of(MINIMAL + "turns: [1\n")[0].startswith("round.yaml:")
    assert "anchors and aliases" in problems_of("id: &x a\ntitle: *x\nscenarios: [a]\n")[0]


def test_a_missing_round_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RoundError, match="no such file"):
        load_round(tmp_path / "nope.yaml")


def test_per_trainee_seeds_are_stable_and_differ_between_neighbours() -> None:
    rules = parse_round(MINIMAL, "round.yaml").round
    ann = seed_for(rules, "Ann", "ward-nurse-charting")
    assert ann == seed_for(rules, "Ann", "ward-nurse-charting")
    assert ann != seed_for(rules, "Bob", "ward-nurse-charting")
    assert ann != seed_for(rules, "Ann", "diabetes-walking")


def test_a_shared_seed_is_everyone_s() -> None:
    rules = parse_round(MINIMAL + "seeds: {shared: 7}\n", "round.yaml").round
    assert seed_for(rules, "Ann", "x") == seed_for(rules, "Bob", "y") == 7


@pytest.mark.slow
def test_scenario_paths_are_relative_to_the_round_file(tmp_path: Path) -> None:
    from simulator.scenario.catalogue import bundled_text

    (tmp_path / "personas").mkdir()
    (tmp_path / "personas" / "grace.yaml").write_text(bundled_text("ward-nurse-charting"), encoding="utf-8")
    round_file = tmp_path / "round.yaml"
    round_file.write_text(
        "id: r\ntitle: r\nscenarios: [personas/grace.yaml, diabetes-walking]\n", encoding="utf-8"
    )
    loaded = load_round(round_file)
    assert choose_scenario(loaded, "personas/grace.yaml").scenario.id == "ward-nurse-charting"
    assert choose_scenario(loaded, "diabetes-walking").source == "bundled:diabetes-walking"
    with pytest.raises(RoundError, match="several scenarios"):
        choose_scenario(loaded, None)
    with pytest.raises(RoundError, match="no scenario 'sales-behind-target'"):
        choose_scenario(loaded, "sales-behind-target")


def test_the_round_s_turn_limit_replaces_the_scenario_s() -> None:
    loaded = parse_round(MINIMAL + "turns: 5\n", "round.yaml")
    assert practised_scenario(choose_scenario(loaded, None), loaded.round).scenario.turn_limit == 5


def test_trainee_names_lose_control_characters_and_cannot_be_empty() -> None:
    assert trainee_name("  Ann\x1b[31m  Lee\x07 ") == "Ann Lee"
    assert trainee_name("a" * 99 + " b") == "a" * 99  # cut to 100 characters, never ending in a space
    with pytest.raises(RoundError):
        trainee_name("\x1b[2J  ")


def test_a_rubric_file_is_validated_like_a_round() -> None:
    assert parse_rubric("pea_nea_ratio: {fair: 1, good: 2}\n", "r.yaml").pea_nea_ratio.good == 2
    with pytest.raises(RoundError, match=r"r\.yaml:1:1: error: pea_nea_ratoi: unknown key"):
        parse_rubric("pea_nea_ratoi: {fair: 1, good: 2}\n", "r.yaml")


@pytest.mark.slow
@given(st.text(max_size=300))
def test_any_trainee_name_is_refused_or_made_clean_and_stable(raw: str) -> None:
    try:
        name = trainee_name(raw)
    except RoundError:
        return
    assert name and len(name) <= 100 and name == trainee_name(name)
    assert not any(unicodedata.category(char) in ("Cc", "Cf") for char in name)


def test_a_round_may_set_the_minimum_turns_of_a_complete_conversation() -> None:
    assert parse_round(MINIMAL, "round.yaml").round.min_turns is None  # the rubric's, 8
    assert parse_round(MINIMAL + "min_turns: 12\n", "round.yaml").round.min_turns == 12
    assert any("min_turns" in problem for problem in problems_of(MINIMAL + "min_turns: 0\n"))


def test_trainee_names_compare_case_insensitively_after_trimming() -> None:
    assert trainee_key("  ann   lee ") == trainee_key("Ann Lee")
    assert trainee_name(" ann  lee ", known=["Bob", "Ann Lee"]) == "Ann Lee"
    assert trainee_name("Ann Leigh", known=["Ann Lee"]) == "Ann Leigh"
    rules = parse_round(MINIMAL, "round.yaml").round
    assert seed_for(rules, "ann lee", "ward-nurse-charting") == seed_for(
        rules, "Ann Lee", "ward-nurse-charting"
    )


def test_a_shared_seed_past_what_a_database_column_holds_is_located() -> None:
    problems = problems_of(MINIMAL + "seeds: {shared: 9223372036854775808}\n")
    assert problems[0].startswith("round.yaml:4:17: error: seeds") and "2147483647" in problems[0]
    assert (
        parse_round(MINIMAL + "seeds: {shared: 2147483647}\n", "round.yaml").round.seeds.shared == 2**31 - 1
    )


def test_a_round_names_at_most_a_hundred_scenarios() -> None:
    many = (
        "id: spring-1\ntitle: Spring round\nscenarios: [" + ", ".join(["ward-nurse-charting"] * 101) + "]\n"
    )
    assert problems_of(many)[0].startswith("round.yaml:3:12: error: scenarios")


def test_a_rubric_refuses_infinities_nan_and_numbers_past_their_bounds() -> None:
    for text, where in (
        ("weights: {empathy: .inf}\n", "rubric.yaml:1:20: error: "),
        ("pea_nea_ratio: {fair: .nan, good: 3}\n", "rubric.yaml:1:23: error: "),
        ("per_turns: 99999999999\n", "rubric.yaml:1:12: error: "),
        ("per_turns: " + "7" * 400 + "\n", "rubric.yaml:1:12: error: a number longer than 100 characters"),
        ("compassion_led_from: 1e999\n", "rubric.yaml:1:22: error: "),
    ):
        with pytest.raises(RoundError) as raised:
            parse_rubric(text, "rubric.yaml")
        assert raised.value.problems[0].startswith(where), raised.value.problems
