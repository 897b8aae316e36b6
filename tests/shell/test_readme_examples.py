"""The README's examples are what the code does: quoted scenario excerpts, messages and words."""

import re
from pathlib import Path

import pytest

from simulator.scenario import catalogue
from simulator.scenario.validation import validate
from simulator.trainer.path_words import move_words

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
GOOD = catalogue.bundled_text(catalogue.DEFAULT_SCENARIO)


def excerpts() -> list[tuple[str, str]]:
    """Every ```yaml block that says which bundled scenario it is taken from, with that file's name."""
    found = []
    for block in re.findall(r"```yaml\n(.*?)```", README, flags=re.DOTALL):
        first, _, rest = block.partition("\n")
        named = re.fullmatch(r"# from (scenarios/[\w-]+\.yaml)", first.strip())
        if named:
            found.append((named.group(1), rest))
    return found


def test_the_readme_quotes_at_least_one_bundled_scenario() -> None:
    assert any(name == "scenarios/ward-nurse-charting.yaml" for name, _ in excerpts())


@pytest.mark.parametrize(("name", "excerpt"), excerpts())
def test_a_quoted_scenario_excerpt_is_word_for_word_in_the_scenario_it_names(name: str, excerpt: str) -> None:
    assert excerpt in (ROOT / name).read_text(encoding="utf-8"), f"the README's excerpt of {name} has drifted"


def test_the_hot_button_example_says_what_the_bundled_buttons_do() -> None:
    grace = catalogue.load("ward-nurse-charting").scenario
    effects = {button.id: (button.effect, button.drop) for button in grace.coachee.hot_buttons}
    words = {button.id: button.words for button in grace.coachee.hot_buttons}
    assert "any mention of a disciplinary shuts her down" in README
    assert effects["written-up"][0] == "shutdown" and "disciplinary" in words["written-up"]
    assert "the audit costs her 0.8 of a state" in README
    assert effects["audit"] == ("drop", 0.8) and "audit" in words["audit"]


def validated(text: str) -> list[str]:
    return validate([("grace.yaml", text)])[0].lines()


def test_the_validate_examples_are_what_validate_prints() -> None:
    apostrophe = GOOD.replace(
        "  text: You wanted to see me. Is this about the notes?\n",
        "  text: 'You wanted to see me. Isn't this about the notes?'\n",
    )
    assert f"`{validated(apostrophe)[0]}`" in README
    named = GOOD.replace(
        "  - id: vision\n    kind: vision\n    needs: open",
        "  - id: vision\n    kind: vision\n    needs: opne",
    ).replace("    reveal: values", "    reveal: valeus")
    messages = [line.split(": error: ", 1)[1] for line in validated(named)]
    assert "`story item 'vision' (3rd), needs: 'opne' is not one of ...`" in README
    assert messages[0].startswith("story item 'vision' (3rd), needs: 'opne' is not one of ")
    quoted = "goal 2 'Learn what matters most to her...', reveal: unknown story id 'valeus'; did you mean 'values'?"
    assert f"`{quoted}`" in README and messages[1].startswith(quoted)


def test_the_explore_example_is_in_the_words_explore_uses() -> None:
    words = move_words("vision question")
    assert f"`{words.move} ({words.model})`" in README and f'`e.g. "{words.example}"`' in README
