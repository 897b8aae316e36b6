"""Checks of what the coachee can say: conditions, topics, pools, and replies that are never said.

`simulator.scenario.check` runs these with its other content checks. They know the
condition vocabulary (simulator.scenario.replies): every name in a `requires:` or `unless:`
must be a story item, topic, hot button or reply id, a fact some reply `reveals:`, or a
built-in event; anything else is an error with a "did you mean". They warn about what a
writer would want to know: a topic with no reply at some band of openness, a reply that can
never be said (its conditions contradict each other, or wait for something that never
happens), a reply whose cue stands the coachee up to leave although the meeting goes on.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from simulator.scenario.base import COACH_MOVES, CoachLines
from simulator.scenario.model import (
    BAND_OF_STATE,
    BandReplies,
    Event,
    HotButton,
    Line,
    PoolName,
    Reply,
    ReplyBand,
    Scenario,
)
from simulator.scenario.paths import DataPath
from simulator.vocabulary import State


@dataclass(frozen=True)
class Finding:
    """A problem with what the coachee can say, at a data path (the same shape as `check.Finding`)."""

    path: DataPath
    message: str
    severity: str = "error"


@dataclass(frozen=True)
class _Said:
    """One reply of the scenario with where it stands and whether saying it ends the meeting."""

    path: DataPath
    reply: Reply
    ends: bool = False
    states: tuple[State, ...] = tuple(State)  # the states it may be said in


def _all_replies(scenario: Scenario) -> Iterator[_Said]:
    for state, key, index, reply in scenario.replies.keyed():
        yield _Said(("replies", state.value, key, index), reply, states=(state,))
    for t_index, topic in enumerate(scenario.topics):
        yield from _banded(("topics", t_index, "replies"), topic.replies)
    for pool in PoolName:
        yield from _banded(("pools", pool.value), scenario.pools.named(pool), ends=pool is PoolName.LEAVING)


def _banded(path: DataPath, band: BandReplies, *, ends: bool = False) -> Iterator[_Said]:
    for key, index, reply in band.keyed():
        states = tuple(State) if key == "any" else _states_of(ReplyBand(key))
        yield _Said((*path, key, index), reply, ends, states)


def _states_of(band: ReplyBand) -> tuple[State, ...]:
    return tuple(state for state, of in BAND_OF_STATE.items() if of is band)


def known_events(scenario: Scenario) -> dict[str, str]:
    """Every name a condition may use, with what it is (for messages and the guide)."""
    names: dict[str, str] = {event.value: "built-in event" for event in Event}
    for item in scenario.story:
        names.setdefault(item.id, "story item")
    for topic in scenario.topics:
        names.setdefault(topic.id, "topic")
    for button in scenario.coachee.hot_buttons:
        names.setdefault(button.id, "hot button")
    for said in _all_replies(scenario):
        if said.reply.id is not None:
            names.setdefault(said.reply.id, "reply")
        for fact in said.reply.reveals:
            names.setdefault(fact, "fact")
    return names


def reply_problems(scenario: Scenario, reach: tuple[State, ...], revealable: set[str]) -> list[Finding]:
    """Every problem with what the coachee can say, errors and warnings alike.

    `reach` is the states the coachee can reach and `revealable` the story items it can tell
    (from `simulator.scenario.check`, which runs this).
    """
    findings: list[Finding] = []
    findings.extend(_clashing_names(scenario))
    names = known_events(scenario)
    findings.extend(_unknown_names(scenario, names))
    findings.extend(_defaults_without_conditions(scenario))
    findings.extend(_topic_gaps(scenario, reach))
    findings.extend(_never_said(scenario, reach, revealable))
    findings.extend(_leaving(scenario))
    findings.extend(_coach_lines_on_nerves(scenario))
    return findings


def _clashing_names(scenario: Scenario) -> list[Finding]:
    # One name, one meaning: a condition naming `audit` must not be able to mean two things.
    findings: list[Finding] = []
    owners: dict[str, str] = {event.value: "a built-in event" for event in Event}
    for index, item in enumerate(scenario.story):
        if item.id in owners and owners[item.id] != "a story item":
            findings.append(Finding(("story", index, "id"), f"{item.id!r} is already {owners[item.id]}"))
        owners.setdefault(item.id, "a story item")
    seen_topics: set[str] = set()
    for index, topic in enumerate(scenario.topics):
        if topic.id in seen_topics:
            findings.append(Finding(("topics", index, "id"), f"topic id {topic.id!r} is used twice"))
        elif topic.id in owners:
            findings.append(
                Finding(("topics", index, "id"), f"topic id {topic.id!r} is already {owners[topic.id]}")
            )
        seen_topics.add(topic.id)
        owners.setdefault(topic.id, "a topic")
    for index, button in enumerate(scenario.coachee.hot_buttons):
        if button.id in owners and owners[button.id] != "a hot button":
            message = f"hot button id {button.id!r} is already {owners[button.id]}"
            findings.append(Finding(("coachee", "hot_buttons", index, "id"), message))
        owners.setdefault(button.id, "a hot button")
    reply_ids: set[str] = set()
    for said in _all_replies(scenario):
        reply = said.reply
        if reply.id is not None:
            if reply.id in reply_ids:
                findings.append(Finding((*said.path, "id"), f"reply id {reply.id!r} is used twice"))
            elif reply.id in owners:
                findings.append(
                    Finding((*said.path, "id"), f"reply id {reply.id!r} is already {owners[reply.id]}")
                )
            reply_ids.add(reply.id)
        for f_index, fact in enumerate(reply.reveals):
            owner = owners.get(fact)
            if owner is not None and owner != "a fact":
                message = f"fact {fact!r} is already {owner}; give the fact a name of its own"
                findings.append(Finding((*said.path, "reveals", f_index), message))
    for said in _all_replies(scenario):
        for fact in said.reply.reveals:
            owners.setdefault(fact, "a fact")
        if said.reply.id is not None:
            owners.setdefault(said.reply.id, "a reply")
    return findings


def _conditions(scenario: Scenario) -> Iterator[tuple[DataPath, str, tuple[str, ...]]]:
    for index, item in enumerate(scenario.story):
        yield ("story", index), "requires", item.requires
        yield ("story", index), "unless", item.unless
    for index, topic in enumerate(scenario.topics):
        yield ("topics", index), "requires", topic.requires
        yield ("topics", index), "unless", topic.unless
    for said in _all_replies(scenario):
        yield said.path, "requires", said.reply.requires
        yield said.path, "unless", said.reply.unless


def _unknown_names(scenario: Scenario, names: dict[str, str]) -> list[Finding]:
    findings = []
    for path, key, used in _conditions(scenario):
        for index, name in enumerate(used):
            if name not in names:
                close = difflib.get_close_matches(name, list(names), n=1)
                guess = f"; did you mean {close[0]!r}?" if close else ""
                message = (
                    f"unknown event {name!r}{guess} (a condition names a story item, topic, hot button "
                    f"or reply id, a fact a reply reveals, or one of: {', '.join(event.value for event in Event)})"
                )
                findings.append(Finding((*path, key, index), message))
    return findings


def _defaults_without_conditions(scenario: Scenario) -> list[Finding]:
    findings = []
    for state in State:
        defaults = scenario.replies.of(state).default  # type: ignore[attr-defined]
        if all(reply.requires or reply.unless for reply in defaults):
            message = (
                f"every default reply of {state.value!r} has a condition: give at least one none, "
                "so the coachee always has something to say"
            )
            findings.append(Finding(("replies", state.value, "default"), message))
    return findings


def _topic_gaps(scenario: Scenario, states: tuple[State, ...]) -> list[Finding]:
    findings = []
    reach = set(states)
    for index, topic in enumerate(scenario.topics):
        if topic.replies.any:
            continue
        for band in ReplyBand:
            if not getattr(topic.replies, band.value) and reach & set(_states_of(band)):
                named = " or ".join(state.value for state in _states_of(band))
                message = (
                    f"no {band.value!r} replies: raised while the coachee is {named}, the topic "
                    "gets an answer from the state's replies as if it were not there"
                )
                findings.append(Finding(("topics", index, "replies"), message, "warning"))
    return findings


def _never_said(scenario: Scenario, reach: tuple[State, ...], revealable: set[str]) -> list[Finding]:
    findings = []
    never = {item.id for item in scenario.story if item.id not in revealable}
    if not any(item.kind == "next_step" and item.id in revealable for item in scenario.story):
        never.add(Event.PLAN_AGREED.value)
    if State.DEFENSIVE not in reach:
        never.add(Event.WAS_DEFENSIVE.value)
    topic_conditions: dict[DataPath, tuple[tuple[str, ...], tuple[str, ...]]] = {
        ("topics", index, "replies"): (topic.requires, topic.unless)
        for index, topic in enumerate(scenario.topics)
    }
    for said in _all_replies(scenario):
        reply = said.reply
        requires, unless = set(reply.requires), set(reply.unless)
        topic = topic_conditions.get(said.path[:3])
        if topic is not None:
            requires |= set(topic[0])
            unless |= set(topic[1])
        both = sorted(requires & unless)
        waits = sorted(requires & never)
        if both:
            message = (
                f"this reply can never be said: {', '.join(map(repr, both))} is both required and excluded"
            )
            findings.append(Finding(said.path, message, "warning"))
        elif waits:
            message = f"this reply can never be said: it requires {', '.join(map(repr, waits))}, which never happens"
            findings.append(Finding(said.path, message, "warning"))
        elif said.ends and State.DEFENSIVE not in said.states:
            message = "a coachee leaves only from defensive: a leaving reply outside 'closed' or 'any' is never said"
            findings.append(Finding(said.path, message, "warning"))
    findings.extend(_repeated_texts(scenario))
    return findings


def _repeated_texts(scenario: Scenario) -> list[Finding]:
    # The coachee never says one line twice, so the second copy in a list is never said.
    findings = []
    seen: dict[DataPath, set[str]] = {}
    for said in _all_replies(scenario):
        texts = seen.setdefault(said.path[:-1], set())
        if said.reply.text in texts:
            findings.append(
                Finding(
                    said.path, "the same reply is already in this list; this copy is never said", "warning"
                )
            )
        texts.add(said.reply.text)
    return findings


@cache
def _leaving_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = json.loads(resources.files("simulator.scenario").joinpath("leaving_cues.json").read_text("utf-8"))

    def pattern(phrases: list[str]) -> re.Pattern[str]:
        alternatives = "|".join(
            re.escape(phrase.lower()) for phrase in sorted(phrases, key=len, reverse=True)
        )
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)

    return pattern(data["cue"]), pattern(data["text"])


def leaving_words(line: Line) -> str:
    """The phrase that makes a line read as the coachee leaving, or "" if none does."""
    cue_pattern, text_pattern = _leaving_patterns()
    found = cue_pattern.search(line.cue) or text_pattern.search(line.text.replace("\u2019", "'"))
    return found.group(0) if found else ""


def _leaving(scenario: Scenario) -> list[Finding]:
    findings = []
    leaves = scenario.coachee.temperament.leaves_after is not None
    ending_buttons = [button.id for button in scenario.coachee.hot_buttons if button.ends]
    leaving = scenario.pools.leaving
    if (leaves or ending_buttons) and not (leaving.closed or leaving.any):
        why = (
            "temperament.leaves_after is set"
            if leaves
            else f"hot button {ending_buttons[0]!r} ends the meeting"
        )
        message = f"{why}, but pools.leaving has no 'closed' or 'any' reply for the coachee to leave with"
        path: DataPath = ("pools", "leaving") if "leaving" in scenario.pools.model_fields_set else ("pools",)
        findings.append(Finding(path, message))
    leaves_after = scenario.coachee.temperament.leaves_after
    if isinstance(leaves_after, tuple) and leaves_after[0] != leaves_after[1]:
        # Each seed draws its own number: the same lines would end the meeting on one seed and
        # not on another, and the verdict would follow the seed instead of the trainee.
        message = (
            "a range here means the seed decides whether the meeting ends, and so the score: give one number"
        )
        findings.append(Finding(("coachee", "temperament", "leaves_after"), message, "warning"))
    if not leaves and not ending_buttons and not leaving.is_empty():
        message = (
            "nothing ends the meeting (no temperament.leaves_after, no hot button with 'ends: true'), "
            "so these leaving replies are never said"
        )
        findings.append(Finding(("pools", "leaving"), message, "warning"))
    for said in _all_replies(scenario):
        if said.ends:
            continue
        words = leaving_words(said.reply)
        if words:
            message = (
                f"this reply reads as leaving ({words!r}) but the meeting goes on after it: "
                "move it to pools.leaving, or change its words"
            )
            findings.append(Finding(said.path, message, "warning"))
    for index, button in enumerate(scenario.coachee.hot_buttons):
        for at, line in _hot_button_lines(("coachee", "hot_buttons", index), button):
            words = leaving_words(line)
            if words and not button.ends:
                message = (
                    f"this reply reads as leaving ({words!r}) but the button does not end the meeting: "
                    "set 'ends: true' (with effect shutdown), or change its words"
                )
                findings.append(Finding(at, message, "warning"))
    for index, item in enumerate(scenario.story):
        for t_index, line in enumerate(item.tellings):
            words = leaving_words(line)
            if words:
                message = f"this telling reads as leaving ({words!r}) but the meeting goes on after it: change its words"
                findings.append(Finding(("story", index, "tellings", t_index), message, "warning"))
    return findings


def _coach_lines_on_nerves(scenario: Scenario) -> list[Finding]:
    # A coach line is offered to the trainee as the better line: one that names the words of a
    # hot button firing on any move would hit the coachee's nerve when the trainee takes it up.
    buttons = [button for button in scenario.coachee.hot_buttons if button.fires_on == "any"]
    subjects: list[tuple[DataPath, CoachLines]] = [(("opening", "coach_lines"), scenario.opening.coach_lines)]
    subjects += [
        (("topics", index, "coach_lines"), topic.coach_lines) for index, topic in enumerate(scenario.topics)
    ]
    subjects += [
        (("story", index, "coach_lines"), item.coach_lines) for index, item in enumerate(scenario.story)
    ]
    subjects += [
        (("coachee", "hot_buttons", index, "coach_lines"), button.coach_lines)
        for index, button in enumerate(scenario.coachee.hot_buttons)
    ]
    subjects.append((("coachee", "coach_lines"), scenario.coachee.coach_lines))
    subjects += [((*said.path, "coach_lines"), said.reply.coach_lines) for said in _all_replies(scenario)]
    findings = []
    for path, lines in subjects:
        for move in COACH_MOVES:
            for index, line in enumerate(lines.of(move)):
                for button in buttons:
                    found = button.pattern().search(line)
                    if found is not None:
                        message = (
                            f"says {found.group(0)!r}, a word of hot button {button.id!r}: a trainee who "
                            "takes this line up as the better line hits that nerve"
                        )
                        findings.append(Finding((*path, move, index), message, "warning"))
    return findings


def _hot_button_lines(path: DataPath, button: HotButton) -> Iterator[tuple[DataPath, Line]]:
    yield (*path, "reply"), button.reply
    for key, lines in (("first_replies", button.first_replies), ("more_replies", button.more_replies)):
        for index, line in enumerate(lines):
            yield (*path, key, index), line
