"""Places in a scenario named for a trainer: by id or title, counting from one."""

import re
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from simulator.scenario import catalogue
from simulator.scenario.paths import describe_path, ordinal

DATA = yaml.safe_load(catalogue.bundled_text(catalogue.DEFAULT_SCENARIO))


def every_path(node: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += every_path(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += every_path(value, (*path, index))
    return found


PATHS = every_path(DATA)


def test_ordinals_count_in_english() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
    ]  # fmt: skip


def test_items_with_an_id_are_named_by_it_and_others_by_number_and_title() -> None:
    assert describe_path(("story", 2), DATA) == "story item 'vision' (3rd)"
    assert describe_path(("goals", 0, "reveal"), DATA) == "goal 1 'Hear what kind of nurse Grace...', reveal"
    assert (
        describe_path(("coachee", "hot_buttons", 1, "words", 0), DATA)
        == "hot button 'audit' (2nd), words (1st)"
    )
    assert describe_path(("replies", "open", "default", 0), DATA).startswith(
        "replies.open.default, reply 1 '"
    )
    assert describe_path(("coachee", "temperament", "warm_up"), DATA) == "coachee.temperament.warm_up"
    assert describe_path((), DATA) == "(top level)"


def test_an_item_missing_from_the_data_is_still_named_by_its_number() -> None:
    assert describe_path(("story", 40, "id"), DATA) == "story item 41, id"
    assert describe_path(("goals", 1, "text"), None) == "goal 2, text"


@given(st.sampled_from(PATHS))
def test_no_place_is_named_by_a_bare_index_counted_from_zero(path: tuple[str | int, ...]) -> None:
    named = describe_path(path, DATA)
    assert not re.search(r"(^|[.,] ?)\d+($|[.,])", named), named
    assert not re.search(r"(?<!\d)0th", named) and " 0 " not in named
    numbers = [
        int(n) for n in re.findall(r"(?:story item|goal|test conversation|reply|hot button) (\d+)", named)
    ]
    assert all(n >= 1 for n in numbers)
