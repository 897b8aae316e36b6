"""The coachee stays coherent over any sequence of trainee lines, for every bundled scenario.

A Hypothesis state machine plays random lines (warm, cold, on the persona's topics, hitting
its hot buttons, reflecting or repeating what was said, nonsense) and moves built by hand
(some unclear), and after every turn checks, from the scenario's data rather than the
engine's own bookkeeping:

- no reply requires something not yet said, or is said after something it excludes;
- no reply is said again (even behind an opener) while an unused one that fits remains;
- no story item comes out before the items it comes `after`;
- every reply belongs to the state the coachee is in;
- an ended conversation accepts no more lines.
"""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from simulator.engine.presumptions import without_unasked_echo
from simulator.engine.session import Session
from simulator.errors import ConversationOver, NothingSaid
from simulator.scenario import catalogue
from simulator.scenario.model import PoolName, Reply, Scenario, replies_for
from simulator.scenario.replies import REPLY_KEYS
from simulator.vocabulary import Attractor, Focus, Form, Move, State
from tests.strategies import COMPASSION_LINES, COMPLIANCE_LINES

BUNDLED = [loaded.scenario for loaded in catalogue.load_bundled()]
NONSENSE = ["asdf", "mm", "ok", "lol", "hmm right", "🙂", "That's all."]
STOCK = ["That sounds really hard.", "That must be exhausting for you.", "You seem really happy about it."]


def topic_lines(scenario: Scenario) -> list[str]:
    """A question for each topic word and a hot-button line for each button, in the persona's words."""
    words = [word.rstrip("*") for topic in scenario.topics for word in topic.words]
    lines = [f"Tell me more about {word}." for word in words]
    lines += [
        f"So what about the {button.words[0]}? You need to sort it."
        for button in scenario.coachee.hot_buttons
    ]
    return lines


@cache
def texts_by_state(scenario_id: str) -> dict[State, frozenset[str]]:
    """Every line the coachee may say in each state, from the scenario's data."""
    scenario = next(s for s in BUNDLED if s.id == scenario_id)
    allowed: dict[State, set[str]] = {}
    for state in State:
        texts = {reply.text for key in REPLY_KEYS for reply in replies_for(scenario.replies.of(state), key)}
        for topic in scenario.topics:
            texts |= {reply.text for reply in topic.replies.for_state(state)}
        for pool in PoolName:
            texts |= {reply.text for reply in scenario.pools.named(pool).for_state(state)}
        told = [
            telling.text
            for item in scenario.story
            if item.needs.rank <= state.rank
            for telling in item.all_tellings
        ]
        # A story item is told whole, in one of its tellings, or without an opening echo of what the line did not say.
        texts |= {*told, *(without_unasked_echo(text, frozenset()) for text in told)}
        texts |= {line.text for button in scenario.coachee.hot_buttons for line in button.replies}
        texts.add(scenario.closing.text)
        allowed[state] = texts
    return {state: frozenset(texts) for state, texts in allowed.items()}


def base_text(scenario: Scenario, said: str) -> str:
    """The reply under a repeat opener ("Like I said, i'm fine." -> "i'm fine."), lower-cased."""
    for opener in scenario.repeat_openers:
        if said.startswith(opener):
            return said[len(opener) :].lower()
    if said.startswith("(") and ") " in said:
        return said.split(") ", 1)[1].lower()
    return said.lower()


def fitting_replies(scenario: Scenario, state: State, move: Move) -> list[Reply]:
    """The state's replies for this move's form, focus and default: what a repeat must have used up."""
    state_replies = scenario.replies.of(state)
    return [
        reply
        for key in (move.form.value, move.focus.value, "default")
        for reply in replies_for(state_replies, key)
    ]


class CoacheeStaysCoherent(RuleBasedStateMachine):
    """Random conversations with every bundled coachee, checked turn by turn."""

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None

    @initialize(scenario=st.sampled_from(BUNDLED), seed=st.integers(0, 40))
    def start(self, scenario: Scenario, seed: int) -> None:
        self.scenario = scenario
        self.session = Session(scenario, seed)
        self.lines = [*COMPASSION_LINES, *COMPLIANCE_LINES, *NONSENSE, *STOCK, *topic_lines(scenario)]

    # --- what the trainee does -----------------------------------------------------------

    @precondition(lambda self: self.session is not None and not self.session.is_over)
    @rule(data=st.data())
    def say_a_line(self, data: st.DataObject) -> None:
        self._turn(lambda session: session.say(data.draw(st.sampled_from(self.lines))))

    @precondition(lambda self: self.session is not None and not self.session.is_over and self.session.turns)
    @rule(data=st.data())
    def repeat_an_earlier_line(self, data: st.DataObject) -> None:
        assert self.session is not None
        earlier = data.draw(st.sampled_from([turn.trainee for turn in self.session.turns]))
        self._turn(lambda session: session.say(earlier))

    @precondition(lambda self: self.session is not None and not self.session.is_over)
    @rule()
    def reflect_the_last_line(self) -> None:
        assert self.session is not None
        last = self.session.turns[-1].coachee if self.session.turns else self.scenario.opening.text
        self._turn(lambda session: session.say("So " + last[:1].lower() + last[1:]))

    @precondition(lambda self: self.session is not None and not self.session.is_over)
    @rule(
        form=st.sampled_from(Form),
        focus=st.sampled_from(Focus),
        attractor=st.sampled_from(Attractor),
        confidence=st.sampled_from([0.2, 0.9, 1.0]),
        data=st.data(),
    )
    def play_a_move(
        self, form: Form, focus: Focus, attractor: Attractor, confidence: float, data: st.DataObject
    ) -> None:
        text = data.draw(st.sampled_from(["", *self.lines]))
        self._turn(lambda session: session.play(Move(form, focus, attractor, confidence=confidence), text))

    @precondition(lambda self: self.session is not None and self.session.is_over)
    @rule()
    def an_ended_conversation_takes_no_more_lines(self) -> None:
        assert self.session is not None
        count = len(self.session.turns)
        with pytest.raises(ConversationOver):
            self.session.say("Can we carry on?")
        with pytest.raises(ConversationOver):
            self.session.play(Move(Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA), "What next?")
        assert len(self.session.turns) == count

    # --- what is checked after each turn -------------------------------------------------------

    def _turn(self, act: object) -> None:
        session = self.session
        assert session is not None
        events_before = session.events
        revealed_before = set(session.revealed)
        said_before = [turn.coachee for turn in session.turns]
        bases_before = {base_text(self.scenario, text) for text in said_before}
        try:
            turn = act(session)  # type: ignore[operator]
        except NothingSaid:
            return
        choice = session.choices[-1]

        assert turn.coachee not in said_before and turn.coachee != self.scenario.opening.text
        allowed = {t.lower() for t in texts_by_state(self.scenario.id)[turn.state_after]}
        # A line may itself begin with words a repeat opener also uses ("Honestly, ...").
        assert turn.coachee.lower() in allowed or base_text(self.scenario, turn.coachee) in allowed

        reply = choice.reply
        told_now = ({*reply.reveals, reply.id} - {None}) - events_before if reply is not None else set()
        at_choice = events_before | (session.events - told_now)  # what had happened when the reply was chosen
        if reply is not None:
            assert set(reply.requires) <= at_choice, (reply.text, reply.requires, sorted(at_choice))
            assert not set(reply.unless) & events_before, (reply.text, reply.unless)

        for item_id in turn.reveals:
            item = self.scenario.story_item(item_id)
            assert set(item.after) <= revealed_before, (item_id, item.after)
            assert set(item.requires) <= session.events and not set(item.unless) & events_before

        if choice.repeated and choice.source.startswith("state:"):
            unused = [
                candidate
                for candidate in fitting_replies(self.scenario, turn.state_after, turn.move)
                if candidate.text.lower() not in bases_before and candidate.allowed(at_choice)
            ]
            assert not unused, (turn.coachee, [candidate.text for candidate in unused])

    @invariant()
    def openness_stays_on_the_ladder(self) -> None:
        if self.session is not None:
            assert 0 <= self.session.openness < len(State)
            assert int(self.session.openness) == self.session.state.rank


TestCoacheeStaysCoherent = CoacheeStaysCoherent.TestCase
TestCoacheeStaysCoherent.settings = settings(
    max_examples=60, stateful_step_count=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TestCoacheeStaysCoherent = pytest.mark.slow(TestCoacheeStaysCoherent)
