"""A path of moves in the words of the coaching model: what to do, what the move is, an example line.

`coach explore` finds paths as sequences of abstract moves ("vision reflection", "agenda");
a trainer needs them as coaching: "invite the desired future (open question on the vision;
arc stage 2), e.g. 'Imagine it's two years on...'". The words are data, in
`path_words.json` beside this module. A reflection hands back what the coachee said, so a
move that reflects a part of the story the coachee has not told yet is described by its
`until_told` words ("reflect the hope you hear behind their words"), never as reflecting it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from simulator.scenario.model import Scenario
from simulator.trainer.explore import HOT_BUTTON_PREFIX, Step


@dataclass(frozen=True)
class StepWords:
    """One step of a path for a trainer: the move to make, its name in the model, a line that makes it."""

    move: str
    model: str
    example: str
    told: tuple[str, ...] = ()  # what the coachee tells on this step, e.g. "their vision ('vision')"


@cache
def _data() -> dict[str, Any]:
    text = resources.files("simulator.trainer").joinpath("path_words.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def story_kind_words(kind: str) -> str:
    """A kind of story item as a trainer says it: 'their vision', 'a next step of their own'."""
    return str(_data()["story_kinds"].get(kind, kind))


def move_words(kind: str, told_kinds: frozenset[str] = frozenset()) -> StepWords:
    """The words for one abstract move, given the kinds of story item the coachee has told so far."""
    if kind.startswith(HOT_BUTTON_PREFIX):
        word = kind.removeprefix(HOT_BUTTON_PREFIX).strip("'\"")
        entry = _data()["hot_button"]
        move, model, example = (str(entry[key]).format(word=word) for key in ("move", "model", "example"))
        return StepWords(move, model, example)
    entry = _data()["moves"].get(kind)
    if entry is None:
        return StepWords(kind, kind, "")
    untold = entry.get("until_told")
    if untold is not None and untold["kind"] not in told_kinds:
        entry = untold
    return StepWords(str(entry["move"]), str(entry["model"]), str(entry["example"]))


def describe_path(scenario: Scenario, steps: Sequence[Step]) -> list[StepWords]:
    """Each step of a path in the model's words, following what the coachee has told along the way."""
    told: set[str] = set()
    described = []
    for step in steps:
        words = move_words(step.kind, frozenset(told))
        revealed = [(scenario.story_item(item).kind, item) for item in step.reveals if _known(scenario, item)]
        told.update(kind for kind, _ in revealed)
        tells = tuple(f"{story_kind_words(kind)} ({item!r})" for kind, item in revealed)
        described.append(StepWords(words.move, words.model, words.example, tells))
    return described


def _known(scenario: Scenario, item_id: str) -> bool:
    return any(item.id == item_id for item in scenario.story)
