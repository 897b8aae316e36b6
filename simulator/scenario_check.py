"""Checks a scenario's parts against each other, beyond what the schema can say alone.

The schema knows the shape of each record; these checks know that a goal must name a
story item that exists, or that a story item needing `energised` cannot be revealed if
its only unlocking focus is never asked. Each finding carries the data path it is about,
so the file loader can point at the line.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.scenario import Scenario

DataPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """A problem with a scenario's content, at a data path such as ('goals', 2, 'reveal')."""

    path: DataPath
    message: str
    severity: str = "error"


def find_problems(scenario: Scenario) -> list[Finding]:
    """Every cross-reference problem in a scenario, errors and warnings alike."""
    findings: list[Finding] = []
    path: DataPath
    story_ids = [item.id for item in scenario.story]
    known = set(story_ids)
    for index, item in enumerate(scenario.story):
        if story_ids.index(item.id) != index:
            findings.append(Finding(("story", index, "id"), f"story id {item.id!r} is used twice"))
    for index, goal in enumerate(scenario.goals):
        if goal.reveal and goal.reveal not in known:
            findings.append(Finding(("goals", index, "reveal"), _unknown_story(goal.reveal, story_ids)))
    for t_index, test in enumerate(scenario.tests):
        for key in ("reveals", "never_reveals"):
            for r_index, item_id in enumerate(getattr(test.expect, key)):
                if item_id not in known:
                    path = ("tests", t_index, "expect", key, r_index)
                    findings.append(Finding(path, _unknown_story(item_id, story_ids)))
    button_ids = [button.id for button in scenario.coachee.hot_buttons]
    for index, button in enumerate(scenario.coachee.hot_buttons):
        if button_ids.index(button.id) != index:
            path = ("coachee", "hot_buttons", index, "id")
            findings.append(Finding(path, f"hot button id {button.id!r} is used twice"))
    story_kinds = {item.kind for item in scenario.story}
    for kind in scenario.coachee.temperament.energised_needs:
        if kind not in story_kinds:
            path = ("coachee", "temperament", "energised_needs")
            message = f"no story item is of kind {kind!r}, so the coachee can never become energised"
            findings.append(Finding(path, message, "warning"))
    return findings


def _unknown_story(item_id: str, story_ids: list[str]) -> str:
    return f"unknown story id {item_id!r}; known ids: {', '.join(story_ids)}"
