"""Validating many files at once: each file's problems, and ids shared across files."""

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
    assert reports[1].lines()[0].startswith("b.yaml:2:1: error: YAML syntax")


def test_an_id_used_by_two_files_is_an_error_at_the_second_id() -> None:
    reports = validate([(f"one/{ID}.yaml", GOOD), (f"two/{ID}.yaml", GOOD)])
    assert not reports[0].has_errors
    line = next(n for n, row in enumerate(GOOD.splitlines(), 1) if row.startswith("id:"))
    assert reports[1].lines() == [
        f"two/{ID}.yaml:{line}:5: error: id: scenario id '{ID}' is also used by one/{ID}.yaml"
    ]


def test_a_file_named_unlike_its_id_gets_a_warning() -> None:
    report = validate([("mine.yaml", GOOD)])[0]
    assert not report.has_errors
    assert [p.severity for p in report.problems] == ["warning"]
    assert f"{ID!r} differs from the file name 'mine'" in report.problems[0].message


def test_unreadable_files_keep_the_problem_that_stopped_them() -> None:
    report = validate([("gone.yaml", (Problem(1, 1, "no such file"),))])[0]
    assert report.has_errors and report.lines() == ["gone.yaml:1:1: error: no such file"]
