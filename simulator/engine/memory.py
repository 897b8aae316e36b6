"""What the coachee remembers of a conversation: what it was told, what it said, what happened.

The session keeps one `Memory` and asks it for the events that `requires:` and `unless:`
conditions test. Events come from three places: the trainee's lines (topics raised, hot
buttons hit, an NEA move heard, a reflection that landed, having been made defensive), the
coachee's own replies (their ids and the facts they reveal), and the session's built-in
facts (story items told, the vision established, a plan agreed), which it passes in.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field

from simulator.engine.listening import Heard, Verdict
from simulator.engine.reply import Choice
from simulator.reading.repeats import LinesHeard
from simulator.scenario.model import Event, HotButton, Scenario, StoryItem
from simulator.vocabulary import Attractor, Focus, Move, State

TOPIC_SOURCE = "topic:"


@dataclass
class Memory:
    """The coachee's memory of one conversation."""

    heard: set[str] = field(default_factory=set)  # events of the trainee's lines
    told: set[str] = field(default_factory=set)  # reply ids and facts the coachee has said
    said: set[str] = field(default_factory=set)  # every line the coachee has said, verbatim
    lines: int = 0  # how many lines the trainee has said
    lines_heard: LinesHeard = field(default_factory=LinesHeard)  # their keys, and the questions some
    # opened with statements before, for noticing repeats
    recent: list[str] = field(default_factory=list)  # the coachee's lines in order, the opening first
    last_topic: str | None = None  # the topic of the coachee's last line, if it was on one
    plan_talked: bool = False  # the trainee has talked of a plan or step (a line read surely as about one)

    @classmethod
    def fresh(cls, scenario: Scenario, state: State, heard: Set[str] = frozenset()) -> Memory:
        """The memory at the start of a conversation (or of a search branch with events already heard)."""
        memory = cls(heard=set(heard), said={scenario.opening.text}, recent=[scenario.opening.text])
        if state is State.DEFENSIVE:
            memory.heard.add(Event.WAS_DEFENSIVE.value)
        return memory

    def events(self, built_in: Set[str]) -> frozenset[str]:
        """Every event so far: heard, told, and the session's built-in ones."""
        return frozenset(self.heard | self.told | built_in)

    def hear(
        self, move: Move, heard: Heard, hot_button: HotButton | None, state: State, *, counts: bool
    ) -> None:
        """Take in one trainee line; a line that earned nothing (a repeat, unclear) raises nothing new.

        An unclear line that named a topic still raised it: how it was meant was unsure, what it
        was about was not.
        """
        self.lines += 1
        self.plan_talked = self.plan_talked or (move.focus is Focus.PLAN and not move.is_unclear)
        self.lines_heard.add(heard.key)
        if heard.asked is not None:
            self.lines_heard.add(heard.asked)
        if counts or (move.is_unclear and not heard.repeat):
            self.heard.update(topic.id for topic, _ in heard.topics)
        if counts:
            if hot_button is not None:
                self.heard.add(hot_button.id)
            if move.attractor is Attractor.NEA:
                self.heard.add(Event.NEA_HEARD.value)
            if heard.verdict is Verdict.LANDED:
                self.heard.add(Event.FELT_HEARD.value)
        if state is State.DEFENSIVE:
            self.heard.add(Event.WAS_DEFENSIVE.value)

    def said_line(self, choice: Choice, reveal: StoryItem | None) -> None:
        """Take in the coachee's own reply."""
        self.said.add(choice.line.text)
        self.recent.append(choice.line.text)
        if choice.reply is not None:
            if choice.reply.id is not None:
                self.told.add(choice.reply.id)
            self.told.update(choice.reply.reveals)
        topic = choice.source.removeprefix(TOPIC_SOURCE) if choice.source.startswith(TOPIC_SOURCE) else None
        self.last_topic = topic if reveal is None else None
