"""Validating many files at once: each file's problems, and ids shared across files."""

import pytest

from simulator.errors import Problem
from simulator.scenario import catalogue
from simulator.scenario.validation import validate

GOOD = catalogue.bundled_text(catalogue.DEFAULT_SCENARIO)
ID = catalogue.DEFAULT_SCENARIO


def test_valid_files_have_no_problems() -> None:
    reports = validate([(f"{ID}.yaml", GOOD)])
    assert reports[0].problems == () and not reports[0].has_errors and reports[0].lines() == []


def test_every_problem_in_every_file_is_reported_in_line_order() -> None:
    broken = GOOD.replace("turn_limit: 30", "turn_limit: many").replace("    warm_up:", "    warmup:")
    reports = validate([("a.yaml", broken), ("b.yaml", "id: [x\n")])
    assert [report.has_errors for report in reports] == [True, True]
    first = reports[0].lines()
    assert len(first) == 2 and "warmup" in first[0] and "turn_limit" in first[1]
    assert reports[1].lines()[0].startswith("b.yaml:1:5: error: YAML syntax: the [ here is never closed")


@pytest.mark.slow
def test_an_id_used_by_two_files_is_an_error_at_the_second_id() -> None:
    reports = validate([(f"one/{ID}.yaml", GOOD), (f"two/{ID}.yaml", GOOD)])
    assert not reports[0].has_errors
    line = next(n for n, row in enumerate(GOOD.splitlines(), 1) if row.startswith("id:"))
    assert reports[1].lines() == [
        f"two/{ID}.yaml:{line}:5: error: id: scenario id '{ID}' is also used by one/{ID}.yaml"
    ]


@pytest.mark.slow
def test_a_file_named_unlike_its_id_gets_a_warning() -> None:
    report = validate([("mine.yaml", GOOD)])[0]
    assert not report.has_errors
    assert [p.severity for p in report.problems] == ["warning"]
    assert f"{ID!r} differs from the file name 'mine'" in report.problems[0].message


def test_unreadable_files_keep_the_problem_that_stopped_them() -> None:
    report = validate([("gone.yaml", (Problem(1, 1, "no such file"),))])[0]
    assert report.has_errors and report.lines() == ["gone.yaml:1:1: error: no such file"]


def test_schema_and_cross_reference_errors_come_out_in_one_run() -> None:
    broken = (
        GOOD.replace(
            "  - id: vision\n    kind: vision\n    needs: open",
            "  - id: vision\n    kind: vision\n    needs: opne",
        )
        .replace("    unlocked_by: [plan]\n", "    unlocked_by: [plan]\n    after: [visoin]\n")
        .replace("    reveal: values", "    reveal: valeus")
    )
    messages = [problem.message for problem in validate([(f"{ID}.yaml", broken)])[0].problems]
    assert len(messages) == 3, messages
    assert "story item 'vision' (3rd), needs: 'opne' is not one of" in messages[0]
    assert messages[1].startswith(
        "story item 'next-step' (5th), after (1st): unknown story id 'visoin'; did you mean 'vision'?"
    )
    assert messages[2].startswith(
        "goal 2 'Learn what matters most to her...', reveal: unknown story id 'valeus'"
    )


@pytest.mark.slow
def test_a_place_the_schema_refused_is_not_reported_again_by_the_cross_reference_checks() -> None:
    broken = GOOD.replace("    reveal: values", "    reveal: Values")
    messages = [problem.message for problem in validate([(f"{ID}.yaml", broken)])[0].problems]
    assert len(messages) == 1 and "'Values' is not an id: use lowercase letters" in messages[0]


def test_cross_reference_checks_read_whatever_shape_the_data_has() -> None:
    odd = "id: x\nstory: {a: 1}\ngoals: [3, {reveal: [1]}, {reveal: nothing}]\ncoachee: [x]\ntests: [{expect: 1}]\n"
    messages = [problem.message for problem in validate([("x.yaml", odd)])[0].problems]
    assert any("goal 3, reveal: unknown story id 'nothing'" in message for message in messages)
