"""The persona's own model lines for the moment after a coachee line: what the better line and `/hint` may offer.

A scenario may carry `coach_lines:` (`base.CoachLines`), written by the trainer for the moment right
after the coachee said something: on the opening (the answer to its worry), on a reply itself (most
often the answer to a question it puts to the manager), on a topic or a story item (what they spoke
of), on a hot button (their reaction to a nerve being hit) and on the coachee (any reply of theirs
once shut down, under `replies: defensive:`). The moment is known from the coachee's line itself: a
story item told in that turn, the opening, or one of those replies (said plain or behind a repeat
opener). A topic's lines are about the subject, not one reply, so only those that take up a word of
the reply are offered. After anything else (a reply with no lines of its own) the arc's templates
speak.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from simulator.arc import names_in, shared_words
from simulator.scenario.base import COACH_MOVES, CoachLines
from simulator.scenario.model import Scenario
from simulator.scenario.replies import REPLY_KEYS, replies_for
from simulator.vocabulary import State


@dataclass(frozen=True)
class CoachLineIndex:
    """A scenario's coach lines, found by the coachee line they follow."""

    story: Mapping[str, CoachLines]  # story item id -> its lines
    # reply text -> the lines for after it, most particular first, each with whether they must take it up
    by_reply: Mapping[str, tuple[tuple[CoachLines, bool], ...]]
    openers: tuple[str, ...] = ()  # put before a reply said again

    def after(self, said: str, told: Sequence[str] = ()) -> dict[str, tuple[str, ...]]:
        """The lines for the moment after the coachee said `said`, telling the story items `told` (ids)
        in that turn: move -> lines, a story item's before a reply's (it is the more particular
        moment). Empty when the line was neither."""
        merged: Mapping[str, list[str]] = {move: [] for move in COACH_MOVES}
        for item in told:
            lines = self.story.get(item)
            if lines is not None:
                for move in COACH_MOVES:
                    merged[move].extend(lines.of(move))
        found = self.by_reply.get(said) or self.by_reply.get(_without_opener(said, self.openers), ())
        for lines, take_up in found:
            for move in COACH_MOVES:
                merged[move].extend(_grounded(lines.of(move), said) if take_up else lines.of(move))
        return {move: tuple(lines) for move, lines in merged.items() if lines}


NO_COACH_LINES = CoachLineIndex({}, {})
"""The index of a conversation with no scenario (an external transcript)."""

_INDEXES: dict[int, tuple[Scenario, CoachLineIndex, frozenset[str]]] = {}


def coach_line_index(scenario: Scenario) -> CoachLineIndex:
    """The scenario's coach lines by the coachee line they follow, remembered per scenario."""
    return _remembered(scenario)[1]


def persona_names(scenario: Scenario) -> frozenset[str]:
    """The names a scenario's own texts use (`arc.names_in`): its situation, the coachee's background,
    every topic reply and story telling. Remembered per scenario."""
    return _remembered(scenario)[2]


def _remembered(scenario: Scenario) -> tuple[Scenario, CoachLineIndex, frozenset[str]]:
    known = _INDEXES.get(id(scenario))
    if known is None or known[0] is not scenario:
        if len(_INDEXES) >= 64:
            _INDEXES.clear()
        known = _INDEXES[id(scenario)] = (scenario, _index(scenario), _names(scenario))
    return known


def _index(scenario: Scenario) -> CoachLineIndex:
    by_reply: dict[str, list[tuple[CoachLines, bool]]] = {}

    def add(text: str, lines: CoachLines, take_up: bool) -> None:
        if any(lines.of(move) for move in COACH_MOVES):
            by_reply.setdefault(text, []).append((lines, take_up))

    # The opening's lines, then a reply's own (written for it), then its topic's, a nerve's or a
    # shut-down coachee's.
    add(scenario.opening.text, scenario.opening.coach_lines, False)
    for reply in scenario.every_reply():
        add(reply.text, reply.coach_lines, False)
    for topic in scenario.topics:
        for _, _, reply in topic.replies.keyed():
            add(reply.text, topic.coach_lines, True)
    for button in scenario.coachee.hot_buttons:
        for line in button.replies:
            add(line.text, button.coach_lines, False)
    defensive = scenario.replies.of(State.DEFENSIVE)
    for key in REPLY_KEYS:
        for reply in replies_for(defensive, key):
            add(reply.text, scenario.coachee.coach_lines, False)
    story = {item.id: item.coach_lines for item in scenario.story}
    return CoachLineIndex(
        story, {text: tuple(found) for text, found in by_reply.items()}, scenario.repeat_openers
    )


def _names(scenario: Scenario) -> frozenset[str]:
    texts = [scenario.situation, scenario.coachee.background, scenario.opening.text]
    texts += [reply.text for topic in scenario.topics for _, _, reply in topic.replies.keyed()]
    texts += [telling.text for item in scenario.story for telling in item.all_tellings]
    return names_in(texts)


def _without_opener(said: str, openers: Iterable[str]) -> str:
    for opener in openers:
        if said.startswith(opener):
            return said[len(opener) :]
    return said


def _grounded(lines: Sequence[str], said: str) -> list[str]:
    """A topic's lines that take up something the coachee just said (a content word of theirs), those
    that take up most first. A topic's line speaks of the subject, not of this reply, and one that
    shares none of its words reads as changing the subject ("the drive over the mountain" after
    "they still call me the locum"); the other lines were written for the reply they follow."""
    shared = [(shared_words(line, said), line) for line in lines]
    return [line for count, line in sorted(shared, key=lambda pair: -pair[0]) if count]
