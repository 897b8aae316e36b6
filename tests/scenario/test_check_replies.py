"""`coach validate` on what the coachee can say: conditions, topics, pools, leaving, ranges."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
import yaml

from simulator.scenario import catalogue
from simulator.scenario.check import find_problems
from simulator.scenario.check_replies import known_events, leaving_words
from simulator.scenario.loading import scenario_problems
from simulator.scenario.model import Event, Line

GOOD = catalogue.bundled_text("ward-nurse-charting")


def problems(text: str) -> list[str]:
    """Each problem as `LINE: severity: message`."""
    _, found = scenario_problems(text)
    return [f"{problem.line}: {problem.severity}: {problem.message}" for problem in found]


def line_of(text: str, fragment: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if fragment in line)


@pytest.mark.slow
def test_the_bundled_scenarios_have_no_problems_with_what_their_coachees_say() -> None:
    for loaded in catalogue.load_bundled():
        assert problems(loaded.text) == [], loaded.scenario.id


def test_a_condition_naming_nothing_is_a_located_error_with_a_guess() -> None:
    text = GOOD.replace("requires: [admitted-late]", "requires: [admited-late]")
    found = problems(text)
    assert len(found) == 1 and found[0].startswith(f"{line_of(text, 'admited-late')}: error:")
    assert "unknown event 'admited-late'; did you mean 'admitted-late'?" in found[0]


def test_every_kind_of_name_a_condition_may_use_is_known() -> None:
    names = known_events(catalogue.load("ward-nurse-charting").scenario)
    assert names["vision"] == "story item" and names["students"] == "topic"
    assert names["written-up"] == "hot button" and names["admitted-late"] == "fact"
    assert all(names[event.value] == "built-in event" for event in Event)


def test_a_name_with_two_meanings_is_an_error() -> None:
    text = GOOD.replace("  - id: students\n", "  - id: vision\n")
    assert any("topic id 'vision' is already a story item" in line for line in problems(text))


@pytest.mark.slow
def test_a_topic_with_no_replies_at_a_band_is_a_warning() -> None:
    start = GOOD.index("  - id: staffing")
    middle = GOOD.index("      middle:", start)
    end = GOOD.index("      open:", middle)
    text = GOOD[:middle] + GOOD[end:]
    found = problems(text)
    assert len(found) == 1 and "warning: topic 'staffing' (3rd), replies: no 'middle' replies" in found[0]


def test_a_reply_that_can_never_be_said_is_a_warning() -> None:
    # Only the replies indented as state replies are, not a topic's (a line deeper in the file).
    text = re.sub(
        r"(?m)^        requires: \[plan_agreed\]$",
        "        requires: [plan_agreed]\n        unless: [plan_agreed]",
        GOOD,
    )
    found = problems(text)
    assert any("can never be said: 'plan_agreed' is both required and excluded" in line for line in found)


def test_a_leaving_cue_on_a_reply_that_does_not_end_the_meeting_is_a_warning() -> None:
    text = GOOD.replace("        cue: edges forward on the chair", "        cue: stands and picks up her bag")
    found = problems(text)
    assert len(found) == 1, found
    assert found[0].startswith(f"{line_of(text, 'Right. Is that everything?')}: warning:")
    assert "reads as leaving ('stands') but the meeting goes on after it" in found[0]


def test_leaving_words_are_read_from_the_cue_and_from_what_is_said() -> None:
    assert leaving_words(Line(text="Fine.", cue="gets up and walks out")) != ""
    assert leaving_words(Line(text="Right, I'm off.", cue="")) == "I'm off"
    assert leaving_words(Line(text="Fine.", cue="colour rises in his neck")) == ""
    assert leaving_words(Line(text="I'm going to try it.", cue="looks at the door")) == ""


def test_a_coachee_who_can_leave_needs_a_line_to_leave_with() -> None:
    start = GOOD.index("  leaving:")
    end = GOOD.index("\nclosing:")
    text = GOOD[:start] + GOOD[end + 1 :]
    assert any(
        "error:" in line and "temperament.leaves_after is set, but pools.leaving has no 'closed'" in line
        for line in problems(text)
    )


def test_only_a_shutdown_hot_button_may_end_the_meeting() -> None:
    text = GOOD.replace(
        "      effect: shutdown\n      # The word ends", "      effect: drop\n      # The word ends"
    )
    assert any(
        "only a hot button with 'effect: shutdown' can end the meeting" in line for line in problems(text)
    )


@pytest.mark.slow
def test_a_state_whose_default_replies_all_have_conditions_is_an_error() -> None:
    scenario = catalogue.load("ward-nurse-charting").scenario
    guarded = scenario.replies.guarded  # type: ignore[attr-defined]
    only = guarded.default[0].model_copy(update={"requires": ("vision",)})
    replies = scenario.replies.model_copy(update={"guarded": guarded.model_copy(update={"default": (only,)})})
    found = find_problems(scenario.model_copy(update={"replies": replies}))
    assert any("every default reply of 'guarded' has a condition" in finding.message for finding in found)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[1.3, 1.1]", "a range goes [low, high]: 1.3 is above 1.1"),
        ("[1.1]", "a range is two numbers"),
        ("[1.1, 9]", "9 is out of bounds: at least 0 and at most 5"),
        ("lots", "expected a number or a range [low, high]"),
    ],
)
def test_a_bad_temperament_range_is_one_located_error(value: str, message: str) -> None:
    text = GOOD.replace("    sensitivity: [1.15, 1.25]", f"    sensitivity: {value}")
    found = problems(text)
    assert len(found) == 1 and found[0].startswith(f"{line_of(text, '    sensitivity:')}: error:"), found
    assert message in found[0]


@pytest.mark.slow
def test_a_whole_number_parameter_refuses_a_fraction() -> None:
    text = GOOD.replace("    leaves_after: 4", "    leaves_after: 2.5")
    assert any("expected a whole number, got 2.5" in line for line in problems(text))


def test_a_range_of_turns_before_the_coachee_leaves_is_a_located_warning() -> None:
    text = GOOD.replace("    leaves_after: 4", "    leaves_after: [3, 5]")
    found = problems(text)
    assert found == [
        f"{line_of(text, '    leaves_after:')}: warning: coachee.temperament.leaves_after: a range here "
        "means the seed decides whether the meeting ends, and so the score: give one number"
    ]


def test_a_range_of_one_number_before_the_coachee_leaves_is_no_warning() -> None:
    assert problems(GOOD.replace("    leaves_after: 4", "    leaves_after: [4, 4]")) == []


def _with(change: Callable[[dict], None]) -> str:
    """The bundled file with its data changed, as YAML."""
    data = yaml.safe_load(GOOD)
    change(data)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def test_a_leaving_cue_on_another_first_reaction_to_a_hot_button_is_a_located_warning() -> None:
    def add(data: dict) -> None:
        audit = next(button for button in data["coachee"]["hot_buttons"] if button["id"] == "audit")
        audit["first_replies"] = [{"text": "Not the audit.", "cue": "stands and picks up her bag"}]

    found = [line for line in problems(_with(add)) if "reads as leaving" in line]
    assert (
        len(found) == 1
        and "hot button 'audit'" in found[0]
        and "first reaction 1 'Not the audit.'" in found[0]
    ), found


def test_a_leaving_cue_on_a_telling_of_the_story_is_a_located_warning() -> None:
    def add(data: dict) -> None:
        data["story"][0]["tellings"] = [{"text": "I'm good with the frightened ones.", "cue": "walks out"}]

    found = [line for line in problems(_with(add)) if "reads as leaving" in line]
    assert len(found) == 1 and "story item 'strengths' (1st), telling 1" in found[0], found
