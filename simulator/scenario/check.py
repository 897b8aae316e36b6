"""Checks a scenario's parts against each other, beyond what the schema can say alone.

The schema knows the shape of each record; these checks know that a goal must name a
story item that exists, that a state above a gate nobody can open is never reached, or
that a hot button listed after a broader one never fires. Each finding carries the data
path it is about, so the file loader can point at the line.

Reachability here is reasoned from the rules of COACHING-MODEL.md §4, not searched, so it
costs microseconds on every load; it leaves a state out only when the rules make that
certain. `simulator.trainer.explore` searches real move sequences and agrees (a test keeps it so).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from simulator.scenario.check_replies import reply_problems
from simulator.scenario.model import Personality, Scenario
from simulator.scenario.paths import DataPath
from simulator.vocabulary import Focus, Form, State


@dataclass(frozen=True)
class Finding:
    """A problem with a scenario's content, at a data path such as ('goals', 2, 'reveal')."""

    path: DataPath
    message: str
    severity: str = "error"


def find_problems(scenario: Scenario) -> list[Finding]:
    """Every cross-reference and content problem in a valid scenario, errors and warnings alike."""
    return reference_problems(_reference_data(scenario)) + content_problems(scenario)


def _reference_data(scenario: Scenario) -> dict[str, Any]:
    """The ids of a scenario, shaped as its file holds them, for `reference_problems`."""
    return {
        "story": [{"id": item.id, "after": item.after} for item in scenario.story],
        "goals": [{"reveal": goal.reveal} for goal in scenario.goals],
        "tests": [
            {"expect": {"reveals": test.expect.reveals, "never_reveals": test.expect.never_reveals}}
            for test in scenario.tests
        ],
        "coachee": {"hot_buttons": [{"id": button.id} for button in scenario.coachee.hot_buttons]},
    }


def reference_problems(data: Any) -> list[Finding]:
    """Ids that name nothing or are used twice, checked on the raw data of a scenario file.

    Run on the data as read, before or without the schema, so a misspelt `after:` or goal
    comes out in the same run as a misspelt state; parts the schema refused (not a list,
    not a mapping) are passed over here, as the schema reports them.
    """
    if not isinstance(data, Mapping):
        return []
    findings: list[Finding] = []
    story = _records(data.get("story"))
    story_ids = [item_id for _, item in story if isinstance(item_id := item.get("id"), str)]
    known = set(story_ids)
    seen: set[str] = set()
    for index, item in story:
        item_id = item.get("id")
        if isinstance(item_id, str):
            if item_id in seen:
                findings.append(Finding(("story", index, "id"), f"story id {item_id!r} is used twice"))
            seen.add(item_id)
    for index, item in story:
        for a_index, earlier in _words(item.get("after")):
            if earlier not in known:
                findings.append(
                    Finding(("story", index, "after", a_index), _unknown_story(earlier, story_ids))
                )
    for index, goal in _records(data.get("goals")):
        reveal = goal.get("reveal")
        if isinstance(reveal, str) and reveal not in known:
            findings.append(Finding(("goals", index, "reveal"), _unknown_story(reveal, story_ids)))
    for t_index, test in _records(data.get("tests")):
        expect = test.get("expect")
        for key in ("reveals", "never_reveals"):
            for r_index, item_id in _words(expect.get(key) if isinstance(expect, Mapping) else None):
                if item_id not in known:
                    at: DataPath = ("tests", t_index, "expect", key, r_index)
                    findings.append(Finding(at, _unknown_story(item_id, story_ids)))
    coachee = data.get("coachee")
    buttons = _records(coachee.get("hot_buttons") if isinstance(coachee, Mapping) else None)
    seen = set()
    for index, button in buttons:
        button_id = button.get("id")
        if isinstance(button_id, str):
            if button_id in seen:
                findings.append(
                    Finding(
                        ("coachee", "hot_buttons", index, "id"), f"hot button id {button_id!r} is used twice"
                    )
                )
            seen.add(button_id)
    return findings


def _records(value: Any) -> list[tuple[int, Mapping[str, Any]]]:
    """The mappings of a list, with their indices; nothing when `value` is not a list."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, Mapping)]


def _words(value: Any) -> list[tuple[int, str]]:
    """The strings of a list, with their indices; nothing when `value` is not a list."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, str)]


def content_problems(scenario: Scenario) -> list[Finding]:
    """What a valid scenario's parts say about each other: gates, reach, shadowed hot buttons."""
    findings: list[Finding] = []
    story_kinds = {item.kind for item in scenario.story}
    for kind in scenario.coachee.temperament.energised_needs:
        if kind not in story_kinds:
            path = ("coachee", "temperament", "energised_needs")
            message = f"no story item is of kind {kind!r}, so the coachee can never become energised"
            findings.append(Finding(path, message, "warning"))
    findings.extend(_reach_findings(scenario))
    findings.extend(_shadowed_hot_buttons(scenario))
    states = reachable_states(scenario).states
    revealable = revealable_items(scenario, max(state.rank for state in states))
    for found in reply_problems(scenario, states, revealable):  # topics, pools, conditions
        findings.append(Finding(found.path, found.message, found.severity))
    return findings


def _unknown_story(item_id: str, story_ids: list[str]) -> str:
    close = difflib.get_close_matches(item_id, story_ids, n=1)
    guess = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown story id {item_id!r}{guess} (known ids: {', '.join(story_ids)})"


# Forms that can carry a PEA move, and so lift openness when their weight is above zero.
_LIFTING_FORMS = (
    Form.OPEN_QUESTION,
    Form.CLOSED_QUESTION,
    Form.SIMPLE_REFLECTION,
    Form.COMPLEX_REFLECTION,
    Form.AFFIRMATION,
    Form.AUTONOMY,
)


@dataclass(frozen=True)
class Reach:
    """The states a coachee can reach in some conversation, and why the others are out of reach."""

    states: tuple[State, ...]
    ceiling_path: DataPath = ()
    ceiling_reason: str = ""
    floor_reason: str = ""


def reachable_states(scenario: Scenario) -> Reach:
    """Which states the rules let this coachee reach, ignoring the turn limit.

    A rise needs a PEA move of positive weight; `open` and `energised` need their gates
    (`open_needs`, `energised_needs` and a story item of each needed kind revealable below
    `energised`); a fall needs an NEA move that costs something, drift, or a shutdown.
    """
    temperament = scenario.coachee.temperament.highest()  # some seed may draw the top of each range
    start = scenario.coachee.starting_state
    order = list(State)
    high, reason = start.rank, ""
    path: DataPath = ()
    if not any(temperament.weight(form) > 0 for form in _LIFTING_FORMS):
        path, reason = ("coachee", "temperament", "weights"), "every PEA form has weight 0, so nothing lifts"
    else:
        while high < State.ENERGISED.rank:
            upper = order[high + 1]
            if upper is State.OPEN and temperament.open_needs and set(temperament.open_needs) <= {Focus.NONE}:
                path = ("coachee", "temperament", "open_needs")
                reason = "open_needs lists only 'none', a focus no move explores"
                break
            if upper is State.ENERGISED:
                blocked = _energised_blocker(scenario)
                if blocked:
                    path, reason = ("coachee", "temperament", "energised_needs"), blocked
                    break
            high += 1
    low, floor_reason = 0, ""
    if not _can_fall(scenario):
        low = start.rank
        floor_reason = "no move lowers openness (no NEA cost, no drift, no shutdown)"
    return Reach(tuple(order[low : high + 1]), path, reason, floor_reason)


def revealable_items(scenario: Scenario, highest: int) -> set[str]:
    """Ids of the story items the coachee can reveal while at most at rank `highest`.

    An item needs its state and every item it waits for (`after`); items waiting on each
    other in a circle, or on an item that is never revealed, never are.
    """
    known = {item.id for item in scenario.story}
    found: set[str] = set()
    changed = True
    while changed:
        changed = False
        for item in scenario.story:
            if item.id in found or item.needs.rank > highest:
                continue
            if all(earlier in found for earlier in item.after if earlier in known):
                found.add(item.id)
                changed = True
    return found


def _energised_blocker(scenario: Scenario) -> str:
    below = revealable_items(scenario, State.OPEN.rank)
    for kind in scenario.coachee.temperament.energised_needs:
        items = [item for item in scenario.story if item.kind == kind]
        if not items:
            return f"no story item is of kind {kind!r}"
        if all(item.needs is State.ENERGISED for item in items):
            return f"every story item of kind {kind!r} needs 'energised', so none is revealed before it"
        if not any(item.id in below for item in items):
            return f"no story item of kind {kind!r} can be revealed before 'energised' (see their 'after')"
    return ""


def _can_fall(scenario: Scenario) -> bool:
    temperament: Personality = scenario.coachee.temperament.highest()
    nea_cost = temperament.negativity_bias * temperament.sensitivity
    deficit_cost = nea_cost * temperament.deficit_before_vision * temperament.weight(Form.OPEN_QUESTION)
    return (
        bool(temperament.shuts_down_on)
        or temperament.drift > 0
        or nea_cost * max(temperament.weight(Form.CONFRONT), temperament.weight(Form.ADVICE)) > 0
        or deficit_cost > 0
        or any(
            button.effect == "shutdown" or button.drop * temperament.sensitivity > 0
            for button in scenario.coachee.hot_buttons
        )
    )


def _reach_findings(scenario: Scenario) -> list[Finding]:
    reach = reachable_states(scenario)
    findings: list[Finding] = []
    start = scenario.coachee.starting_state
    energised_reported = any(
        kind not in {item.kind for item in scenario.story}
        for kind in scenario.coachee.temperament.energised_needs
    )
    for state in State:
        if state in reach.states or (state is State.ENERGISED and energised_reported):
            continue
        if state.rank > start.rank:
            path, why = reach.ceiling_path, reach.ceiling_reason
        else:
            path, why = ("coachee", "starting_state"), reach.floor_reason
        findings.append(Finding(path, f"the coachee can never reach {state.value!r}: {why}", "warning"))
    for index, item in enumerate(scenario.story):
        if item.needs not in reach.states:
            path = ("story", index, "needs")
            message = f"story item {item.id!r} needs {item.needs.value!r}, which the coachee can never reach"
            findings.append(Finding(path, message, "warning"))
    revealable = revealable_items(scenario, max(state.rank for state in reach.states))
    for index, item in enumerate(scenario.story):
        if item.needs in reach.states and item.id not in revealable and item.after:
            path = ("story", index, "after")
            message = f"story item {item.id!r} can never be revealed: it waits for items that never are (or for itself)"
            findings.append(Finding(path, message, "warning"))
    for index, goal in enumerate(scenario.goals):
        if goal.reach is not None and goal.reach not in reach.states:
            path = ("goals", index, "reach")
            message = f"this goal can never be met: the coachee can never reach {goal.reach.value!r}"
            findings.append(Finding(path, message))
        known = {item.id for item in scenario.story}
        if goal.reveal in known and goal.reveal not in revealable:
            path = ("goals", index, "reveal")
            message = f"this goal can never be met: story item {goal.reveal!r} is never revealed"
            findings.append(Finding(path, message))
    return findings


def _shadowed_hot_buttons(scenario: Scenario) -> list[Finding]:
    # The first button whose words a line contains is the one that fires; a later button's
    # word that an earlier button also matches can never fire the later one.
    findings: list[Finding] = []
    buttons = scenario.coachee.hot_buttons
    for later_index, later in enumerate(buttons):
        for word_index, word in enumerate(later.words):
            for earlier in buttons[:later_index]:
                # An earlier button that fires only on NEA moves leaves the others to the later one.
                covers = earlier.fires_on == "any" or later.fires_on == "nea"
                if covers and earlier.pattern().search(word):
                    path = ("coachee", "hot_buttons", later_index, "words", word_index)
                    message = (
                        f"{word!r} never fires hot button {later.id!r}: the earlier hot button "
                        f"{earlier.id!r} matches it first; list {later.id!r} before {earlier.id!r}"
                    )
                    findings.append(Finding(path, message, "warning"))
                    break
    return findings
