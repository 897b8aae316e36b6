"""YAML syntax errors explained: one broken copy of a bundled scenario per common cause, each named at its line."""

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from simulator.scenario import catalogue
from simulator.scenario.loading import scenario_problems
from simulator.scenario.yaml_hints import syntax_problem

GOOD = catalogue.bundled_text(catalogue.DEFAULT_SCENARIO)

# cause: (the line as the trainer left it, what it replaced, words the explanation must hold)
BROKEN: dict[str, tuple[str, str, str]] = {
    "an apostrophe inside a single-quoted text": (
        "  text: 'You wanted to see me. Isn't this about the notes?'",
        "  text: You wanted to see me. Is this about the notes?",
        """the apostrophe in "Isn't" ends it early: put the whole text in double quotes""",
    ),
    "a double quote inside a double-quoted text": (
        '  text: "You wanted to see me. Is this about the "notes"?"',
        "  text: You wanted to see me. Is this about the notes?",
        "the \" before 'notes' ends it early: put the whole text in single quotes",
    ),
    "one space too many": ("     negativity_bias: 2.0", "    negativity_bias: 2.0", "remove 1 space"),
    "one space too few": ("   recovery: 0.5", "    recovery: 0.5", "add 1 space"),
    "a tab": ("\tstarting_state: guarded", "  starting_state: guarded", "indented with a tab"),
    "no space after a colon": ("  name:Grace Mensah", "  name: Grace Mensah", "write 'name: Grace Mensah'"),
    "an unclosed quote": (
        '  cue: "stands in the doorway, arms folded',
        "  cue: stands in the doorway, arms folded",
        'starts with " here is never closed',
    ),
    "an unclosed bracket": (
        "    shuts_down_on: [confront",
        "    shuts_down_on: [confront]",
        "[ here is never closed",
    ),
    "a list item at the wrong level": (
        "   - id: audit",
        "    - id: audit",
        "'-' is in column 4, but the items above it",
    ),
    "a list item one level too deep": (
        "      - id: audit",
        "    - id: audit",
        "'-' is in column 7, but the items above it",
    ),
    "': ' inside a plain text": (
        "  cue: stands in the doorway: arms folded",
        "  cue: stands in the doorway, arms folded",
        "': ' in it, which YAML reads as the start of a new key",
    ),
    "a key without its colon": (
        "  starting_state guarded",
        "  starting_state: guarded",
        "no ':' after its key",
    ),
}


def line_of(text: str, fragment: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if line == fragment)


@pytest.mark.parametrize("cause", BROKEN)
def test_each_common_cause_is_named_at_the_line_it_is_on_with_its_fix(cause: str) -> None:
    broken_line, good_line, explanation = BROKEN[cause]
    assert GOOD.count(good_line + "\n") == 1
    text = GOOD.replace(good_line + "\n", broken_line + "\n")
    scenario, problems = scenario_problems(text)
    assert scenario is None and len(problems) == 1
    problem = problems[0]
    assert problem.line == line_of(text, broken_line), problem
    assert problem.message.startswith("YAML syntax: ") and explanation in problem.message, problem.message


def test_the_line_the_reader_stopped_at_is_named_when_the_mistake_is_on_another() -> None:
    text = GOOD.replace("  name: Grace Mensah\n", "  name:Grace Mensah\n")
    (problem,) = scenario_problems(text)[1]
    assert problem.line == line_of(text, "  name:Grace Mensah")
    assert problem.message.endswith(f"(the YAML reader stopped at line {problem.line + 1})")


def test_an_error_with_no_known_cause_keeps_the_readers_words() -> None:
    (problem,) = scenario_problems("id: x\n? [a, b]\n: c\n--- \nmore: x\n")[1]
    assert problem.message.startswith("YAML syntax: ") and "stray quote" in problem.message


@pytest.mark.slow
@given(st.text(alphabet="ab:'\"[]{}- \t\n#>|,", max_size=60))
def test_any_syntax_error_gets_one_located_line_and_never_raises(text: str) -> None:
    try:
        yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        problem = syntax_problem(text, error)
        assert 1 <= problem.line <= text.count("\n") + 1 and problem.column >= 1
        assert "\n" not in problem.message
    except yaml.YAMLError:
        pass
