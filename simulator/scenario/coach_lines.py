"""The persona's own model lines for the moment after a coachee line: what the better line and `/hint` may offer.

A scenario's topics and story items may carry `coach_lines:` (`base.CoachLines`), written by the
trainer for the moment right after the coachee spoke on that subject. The moment is known from the
coachee's line itself: a story item told in that turn, or a reply of one topic (said plain or behind
a repeat opener), and then only the topic's lines that take up a word of that reply. Lines from
anything else (a state's pool, a hot button) leave the moment to the arc's templates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from simulator.arc import names_in, shared_words
from simulator.scenario.base import COACH_MOVES, CoachLines
from simulator.scenario.model import Scenario, StoryItem
from simulator.scenario.replies import Topic

_BY_REPLY: dict[int, tuple[tuple[Topic, ...], dict[str, CoachLines]]] = {}


def _lines_by_reply(topics: tuple[Topic, ...]) -> dict[str, CoachLines]:
    """Each topic reply's text -> its topic's lines, remembered per scenario's topics."""
    known = _BY_REPLY.get(id(topics))
    if known is None or known[0] is not topics:
        if len(_BY_REPLY) >= 64:
            _BY_REPLY.clear()
        by_reply: dict[str, CoachLines] = {}
        for topic in topics:
            for _, _, reply in topic.replies.keyed():
                by_reply.setdefault(reply.text, topic.coach_lines)
        known = _BY_REPLY[id(topics)] = (topics, by_reply)
    return known[1]


_NAMES: dict[int, tuple[Scenario, frozenset[str]]] = {}


def persona_names(scenario: Scenario) -> frozenset[str]:
    """The names a scenario's own texts use (`arc.names_in`): its situation, the coachee's background,
    every topic reply and story telling. Remembered per scenario."""
    known = _NAMES.get(id(scenario))
    if known is None or known[0] is not scenario:
        if len(_NAMES) >= 64:
            _NAMES.clear()
        texts = [scenario.situation, scenario.coachee.background, scenario.opening.text]
        texts += [reply.text for topic in scenario.topics for _, _, reply in topic.replies.keyed()]
        texts += [telling.text for item in scenario.story for telling in item.all_tellings]
        known = _NAMES[id(scenario)] = (scenario, names_in(texts))
    return known[1]


def _without_opener(said: str, openers: Iterable[str]) -> str:
    for opener in openers:
        if said.startswith(opener):
            return said[len(opener) :]
    return said


def coach_lines_after(
    said: str,
    told: Sequence[str],
    topics: tuple[Topic, ...],
    story: Sequence[StoryItem],
    openers: Iterable[str] = (),
) -> dict[str, tuple[str, ...]]:
    """The persona's lines for the moment after the coachee said `said`, telling the story items
    `told` (ids) in that turn: move -> lines, a story item's before a topic's (it is the more
    particular moment). Empty when the line was neither."""
    merged: Mapping[str, list[str]] = {move: [] for move in COACH_MOVES}
    for item in story:
        if item.id in told:
            for move in COACH_MOVES:
                merged[move].extend(item.coach_lines.of(move))
    by_reply = _lines_by_reply(topics)
    topic_lines = by_reply.get(said) or by_reply.get(_without_opener(said, openers))
    if topic_lines is not None:
        for move in COACH_MOVES:
            merged[move].extend(_grounded(topic_lines.of(move), said))
    return {move: tuple(lines) for move, lines in merged.items() if lines}


def _grounded(lines: Sequence[str], said: str) -> list[str]:
    """A topic's lines that take up something the coachee just said (a content word of theirs), those
    that take up most first. A topic's line speaks of the subject, not of this reply, and one that
    shares none of its words reads as changing the subject ("the drive over the mountain" after
    "they still call me the locum"); a story item's lines were written for what it tells."""
    shared = [(shared_words(line, said), line) for line in lines]
    return [line for count, line in sorted(shared, key=lambda pair: -pair[0]) if count]
