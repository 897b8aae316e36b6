"""How deep each bundled persona is: distinct replies, topics, and the thinnest state x focus slots.

    python benchmarks/persona_depth.py [--slots 6] [SCENARIO ...]

Targets for a finished persona (scenarios/AUTHORING.md, "Depth"): at least 300 distinct
replies, at least 10 topics, and at least 4 replies in every state x common focus slot (the
replies filed under that focus in that state's `replies:`). A reply counts once however many
lists it is in; the story, the opening and the closing are not replies. It also counts the
persona's `coach_lines:` (the better line's own lines), names the topics, story items and hot
buttons with no reflection, and how many questions and closed replies have lines of their own.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from simulator.scenario import catalogue
from simulator.scenario.base import COACH_MOVES
from simulator.scenario.model import Scenario, replies_for
from simulator.scenario.replies import REPLY_KEYS, Reply
from simulator.vocabulary import Focus, State

COMMON_FOCI = tuple(focus for focus in Focus if focus is not Focus.NONE)
"""The foci a trainee's lines are mostly about: each state should answer each of them in kind."""

TARGET_REPLIES = 300
TARGET_TOPICS = 10
TARGET_PER_SLOT = 4


def all_reply_texts(scenario: Scenario) -> Iterator[str]:
    """Every reply the coachee can say: state replies, topic replies, pool replies, hot button lines."""
    yield from (reply.text for reply in scenario.every_reply())
    for button in scenario.coachee.hot_buttons:
        yield from (line.text for line in button.replies)


def slot_counts(scenario: Scenario) -> dict[tuple[State, Focus], int]:
    """How many replies each state has filed under each common focus."""
    return {
        (state, focus): len(replies_for(scenario.replies.of(state), focus.value))
        for state in State
        for focus in COMMON_FOCI
    }


def report(scenario: Scenario, shown: int) -> list[str]:
    """One persona's depth as lines of text."""
    distinct = len(set(all_reply_texts(scenario)))
    slots = slot_counts(scenario)
    thin = sorted(slots.items(), key=lambda item: (item[1], item[0][0].rank, item[0][1].value))
    below = sum(count < TARGET_PER_SLOT for count in slots.values())
    topic_replies = sum(1 for topic in scenario.topics for _ in topic.replies.keyed())
    mark = lambda ok: "ok" if ok else "below target"  # noqa: E731
    lines = [
        f"{scenario.id}",
        f"  distinct replies {distinct:>4}  (target >= {TARGET_REPLIES}: {mark(distinct >= TARGET_REPLIES)})",
        f"  topics           {len(scenario.topics):>4}  (target >= {TARGET_TOPICS}: {mark(len(scenario.topics) >= TARGET_TOPICS)}),"
        f" {topic_replies} topic replies",
        f"  slots under {TARGET_PER_SLOT}     {below:>4} of {len(slots)} state x focus slots",
        "  thinnest slots:  "
        + ", ".join(f"{state.value}/{focus.value} {count}" for (state, focus), count in thin[:shown]),
        "  coach lines      " + coach_line_coverage(scenario),
    ]
    return lines


def coach_line_coverage(scenario: Scenario) -> str:
    """How many model lines the persona has for the better line, and where a reflection is missing."""
    subjects = [*((f"topic {topic.id}", topic.coach_lines) for topic in scenario.topics)]
    subjects += [(f"story {item.id}", item.coach_lines) for item in scenario.story]
    subjects += [(f"hot button {button.id}", button.coach_lines) for button in scenario.coachee.hot_buttons]
    subjects.append(("the coachee", scenario.coachee.coach_lines))
    replies = {reply.text: reply for reply in scenario.every_reply()}.values()
    total = sum(len(lines.of(move)) for _, lines in subjects for move in COACH_MOVES)
    total += sum(len(reply.coach_lines.of(move)) for reply in replies for move in COACH_MOVES)
    opening = len(scenario.opening.coach_lines.answer)
    total += opening
    asking = [reply for reply in replies if "?" in reply.text]
    answered = sum(1 for reply in asking if reply.coach_lines.answer)
    closed = {reply.text: reply for reply in closed_replies(scenario)}.values()
    reflected_closed = sum(1 for reply in closed if reply.coach_lines.reflect or reply.coach_lines.answer)
    unreflected = [name for name, lines in subjects if not lines.reflect]
    named = ", ".join(unreflected[:4]) + (", ..." if len(unreflected) > 4 else "")
    reflected = f"{len(subjects) - len(unreflected)} of {len(subjects)} topics, story items, hot buttons and the coachee reflected"
    answers = (
        f"the opening answered {opening} way(s); {answered} of {len(asking)} replies with a question answered; "
        f"{reflected_closed} of {len(closed)} closed replies reflected or answered"
    )
    return f"{total:>4}  ({reflected}; {answers}" + (f"; none for {named})" if unreflected else ")")


def closed_replies(scenario: Scenario) -> Iterator[Reply]:
    """The replies of a closed coachee: `replies: defensive:` and `guarded:`, and every topic's `closed:` band."""
    for key in REPLY_KEYS:
        yield from replies_for(scenario.replies.of(State.DEFENSIVE), key)
        yield from replies_for(scenario.replies.of(State.GUARDED), key)
    for topic in scenario.topics:
        yield from topic.replies.closed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("scenarios", nargs="*", help="bundled ids or paths (default: every bundled scenario)")
    parser.add_argument("--slots", type=int, default=6, help="how many of the thinnest slots to show")
    args = parser.parse_args()
    names = args.scenarios or catalogue.bundled_ids()
    for name in names:
        for line in report(catalogue.load(name).scenario, args.slots):
            print(line)


if __name__ == "__main__":
    main()
