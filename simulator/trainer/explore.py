"""Exploring a coachee: which sequences of moves reach which states, and how hard it is.

Trainers need proof that their coachee can be reached by a compassion-led trainee and not
by a compliance-led one. This module searches sequences of abstract move kinds (a vision
question, an empathic reflection, a compliance check, ...) against the coachee and reports

- the shortest compassion-led path to `energised` (no NEA move anywhere on it);
- the states no sequence of any moves reaches within the turn limit;
- whether any compliance-only sequence reaches `open` (it must not);
- what one NEA slip half-way along the shortest path costs in extra turns;
- a difficulty derived from these: easy, moderate, hard, or unreachable.

The search is breadth-first over the coachee's condition, with dominance pruning: of two
conditions alike in everything the rules look at (state, whether the `open` gate is met,
story revealed, turns since the last PEA move), only the more open one is kept when
climbing and the less open one when falling. Every step is played by `Session.play`
itself (on a scratch session loaded with the node's condition), so the search follows
exactly the rules a trainee meets, and every path reported is replayed from the start.
The bounds: the scenario's turn limit, and MAX_EXPANSIONS moves tried per question.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from simulator.engine.coachee import nea_kind
from simulator.engine.session import Condition, Session
from simulator.reading.moves import attractor_of
from simulator.scenario.model import BAND_OF_STATE, ReplyBand, Scenario
from simulator.vocabulary import REFLECTION_FORMS, Attractor, Context, Focus, Form, Move, State

Style = Literal["compassion", "compliance"]

MAX_EXPANSIONS = 60_000
"""Search budget per question: far above what any bundled scenario needs (a few thousand)."""


@dataclass(frozen=True)
class MoveKind:
    """An abstract trainee move: a form and focus, with the words said (only hot buttons need words)."""

    name: str
    form: Form
    focus: Focus
    style: Style
    text: str = ""

    def move(self, vision_established: bool) -> Move:
        """The move as the reader would read it at this point of the conversation."""
        context = Context(vision_established=vision_established)
        return Move(self.form, self.focus, attractor_of(self.form, self.focus, context), (self.name,))


COMPASSION_KINDS: tuple[MoveKind, ...] = (
    MoveKind("agenda", Form.STRUCTURE, Focus.NONE, "compassion"),
    MoveKind("vision question", Form.OPEN_QUESTION, Focus.VISION, "compassion"),
    MoveKind("values question", Form.OPEN_QUESTION, Focus.VALUES, "compassion"),
    MoveKind("strengths question", Form.OPEN_QUESTION, Focus.STRENGTHS, "compassion"),
    MoveKind("empathic reflection", Form.COMPLEX_REFLECTION, Focus.FEELINGS, "compassion"),
    MoveKind("vision reflection", Form.COMPLEX_REFLECTION, Focus.VISION, "compassion"),
    MoveKind("values reflection", Form.COMPLEX_REFLECTION, Focus.VALUES, "compassion"),
    MoveKind("affirmation", Form.AFFIRMATION, Focus.STRENGTHS, "compassion"),
    MoveKind("autonomy", Form.AUTONOMY, Focus.PLAN, "compassion"),
    MoveKind("plan question", Form.OPEN_QUESTION, Focus.PLAN, "compassion"),
    MoveKind("balance-sheet question", Form.OPEN_QUESTION, Focus.REAL_SELF, "compassion"),
    MoveKind("gap question", Form.OPEN_QUESTION, Focus.DEFICIT, "compassion"),
)
"""What a compassion-led trainee says. The gap question is NEA before a vision exists, so a
compassion-led path may only use it after (the balance sheet)."""

COMPLIANCE_KINDS: tuple[MoveKind, ...] = (
    MoveKind("agenda", Form.STRUCTURE, Focus.NONE, "compliance"),
    MoveKind("information", Form.INFORMATION, Focus.NONE, "compliance"),
    MoveKind("fact-finding", Form.CLOSED_QUESTION, Focus.REAL_SELF, "compliance"),
    MoveKind("compliance check", Form.CLOSED_QUESTION, Focus.DEFICIT, "compliance"),
    MoveKind("advice", Form.ADVICE, Focus.PLAN, "compliance"),
    MoveKind("confrontation", Form.CONFRONT, Focus.DEFICIT, "compliance"),
)
"""What a compliance-led trainee says: the coach's agenda, facts, checks, advice, blame."""

SLIP_KINDS = ("confrontation", "compliance check", "advice")
"""The NEA slips whose cost the difficulty weighs."""


HOT_BUTTON_PREFIX = "asks about "
"""How a hot-button move's name begins: `asks about 'audit'`."""


def hot_button_kinds(scenario: Scenario) -> tuple[MoveKind, ...]:
    """One compliance move per hot button: a compliance check that says its first word."""
    return tuple(
        MoveKind(
            f"{HOT_BUTTON_PREFIX}{button.words[0]!r}",
            Form.CLOSED_QUESTION,
            Focus.DEFICIT,
            "compliance",
            button.words[0],
        )
        for button in scenario.coachee.hot_buttons
    )


Probe = Condition
"""A node of the search: the coachee's condition after some moves."""

MAY_BE_PEA = frozenset(
    form for form in Form for focus in Focus for established in (False, True)
    if attractor_of(form, focus, Context(vision_established=established)) is Attractor.PEA
)  # fmt: skip
"""The forms of move that can invoke the PEA, and so can wear thin when repeated."""

SearchKey = tuple[State, bool, frozenset[str], int, tuple[Form, Focus] | None, tuple[object, ...]]
"""What tells search nodes apart besides openness and the length of the run of the last move kind."""


class Stepper:
    """Plays abstract moves on a coachee condition with `Session.play` itself.

    Building a session and replaying the path to every node of a search would cost a
    thousand times more, so one scratch session enters a condition, plays one move, and is
    read back; a property test checks that stepping this way and replaying from the start
    always agree.
    """

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        # No words, no hot button: a wordless move meets a persona without buttons, which
        # gives the same turn and skips matching every button's pattern on every step.
        wordless = scenario.model_copy(
            update={"coachee": scenario.coachee.model_copy(update={"hot_buttons": ()})}
        )
        self._sessions = {False: Session(wordless), True: Session(scenario)}
        self._story_events = frozenset(
            name for item in scenario.story for name in (*item.requires, *item.unless)
        )

    def start(self) -> Probe:
        """The condition before the first move."""
        return Session(self.scenario).condition()

    def move_of(self, probe: Probe, kind: MoveKind) -> Move:
        """The move `kind` is read as at this condition (the session says whether the vision is established)."""
        session = self._sessions[bool(kind.text)]
        session.enter(probe)
        return kind.move(session.is_vision_established)

    def step(self, probe: Probe, kind: MoveKind) -> Probe:
        """The condition after one more move of this kind."""
        move = self.move_of(probe, kind)
        session = self._sessions[bool(kind.text)]
        session.play(move, kind.text)
        return session.condition()

    def key(self, probe: Probe) -> SearchKey:
        """What the rules look at besides openness: conditions alike here differ only in openness."""
        personality = self._sessions[True].personality
        needs = personality.open_needs
        gate = not needs or any(focus in probe.explored for focus in needs)
        since = min(probe.turns_since_pea, personality.drift_after)
        # Only a PEA move wears thin when repeated, so after any other move the last kind is no matter.
        last = probe.last_kind if probe.last_kind is not None and probe.last_kind[0] in MAY_BE_PEA else None
        # The balance sheet, the drift floor, goodwill, owning a bad start, walking out and story
        # conditions read these too.
        memory = (
            min(probe.exchanges, personality.vision_exchanges),
            min(probe.pea_since_nea, personality.goodwill_after),
            probe.discord,
            probe.owned,
            min(probe.defensive_run, personality.leaves_after or 0),
            probe.heard & self._story_events,
            probe.ended,
        )
        return (probe.state, gate, frozenset(probe.revealed), since, last, memory)


@dataclass(frozen=True)
class Step:
    """One move of a reported path, with what it did as `Session.play` played it."""

    kind: str
    state_before: State
    state_after: State
    reveals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Exploration:
    """What the search found about one scenario."""

    scenario_id: str
    shortest_path: tuple[Step, ...] | None
    unreached: tuple[State, ...]
    compliance_path: tuple[Step, ...] | None
    compliance_peak: State
    slip_costs: dict[str, int | None] = field(default_factory=dict)
    difficulty: str = "unreachable"
    topics: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Each topic, and the bands of openness at which raising it on the paths found got a reply of its own."""

    @property
    def topics_never_heard(self) -> tuple[str, ...]:
        """Topics no path found lets the coachee answer: their conditions or bands are never met."""
        return tuple(topic for topic, bands in self.topics.items() if not bands)

    @property
    def compliance_reaches_open(self) -> bool:
        """Whether some compliance-only sequence reaches `open` (a persona bug if so)."""
        return self.compliance_path is not None


_Path = tuple[MoveKind, ...]


def _search(
    stepper: Stepper,
    start: Probe,
    kinds: Sequence[MoveKind],
    limit: int,
    goal: Callable[[Probe], bool],
    *,
    climbing: bool = True,
    compassion_only: bool = False,
) -> tuple[_Path | None, set[State]]:
    """Breadth-first to the first condition meeting `goal`; also every state seen on the way."""
    # Per key, the (openness, run) pairs kept so far. A node is pruned when a kept one is at least as
    # far toward the goal with a run no longer (a longer run only dulls the next repeat of its kind).
    best: dict[SearchKey, list[tuple[float, int]]] = {stepper.key(start): [(start.openness, start.run)]}
    seen = {start.state}
    if goal(start):
        return (), seen
    frontier: list[tuple[Probe, _Path]] = [(start, ())]
    expansions = 0
    for _ in range(limit):
        next_frontier: list[tuple[Probe, _Path]] = []
        for probe, path in frontier:
            for kind in kinds:
                if compassion_only and stepper.move_of(probe, kind).attractor is Attractor.NEA:
                    continue
                expansions += 1
                if expansions > MAX_EXPANSIONS:
                    return None, seen  # checked at every move: one level can hold more than the budget
                child = stepper.step(probe, kind)
                seen.add(child.state)
                if goal(child):
                    return (*path, kind), seen
                kept = best.setdefault(stepper.key(child), [])
                if child.ended is not None or any(_dominates(pair, child, climbing) for pair in kept):
                    continue  # a coachee who has left hears nothing more
                kept.append((child.openness, child.run))
                next_frontier.append((child, (*path, kind)))
        frontier = next_frontier
        if not frontier:
            break
    return None, seen


def _dominates(kept: tuple[float, int], child: Probe, climbing: bool) -> bool:
    openness, run = kept
    if climbing:
        return openness >= child.openness and run <= child.run
    return openness <= child.openness and run >= child.run


def useful_kinds(kinds: Sequence[MoveKind], scenario: Scenario) -> tuple[MoveKind, ...]:
    """`kinds` less those another kind beats: same effect on the coachee in every respect but a smaller step.

    Two kinds differ to the coachee only by their form's weight when they share a focus, an
    attractor before and after the vision, whether they repair discord, whether they are a
    compliance check or a named NEA kind, and their words; of such kinds the heaviest is kept.
    """
    personality = scenario.coachee.temperament.draw()  # the typical self, as the search meets it
    kept: dict[tuple[object, ...], MoveKind] = {}
    for kind in kinds:
        before, after = kind.move(False), kind.move(True)
        repairs = kind.form is Form.AUTONOMY or (
            kind.form in REFLECTION_FORMS and kind.focus is Focus.FEELINGS
        )
        group = (
            kind.focus,
            before.attractor,
            after.attractor,
            repairs,
            before.is_compliance_check,
            nea_kind(before),
            kind.text,
        )
        if group not in kept or personality.weight(kind.form) > personality.weight(kept[group].form):
            kept[group] = kind
    return tuple(kind for kind in kinds if kind in kept.values())


def replay(scenario: Scenario, path: Iterable[MoveKind], session: Session | None = None) -> tuple[Step, ...]:
    """Play abstract moves through a real `Session`, reporting what each did."""
    session = session or Session(scenario)
    steps = []
    for kind in path:
        move = kind.move(session.is_vision_established)
        turn = session.play(move, kind.text)
        steps.append(Step(kind.name, turn.state_before, turn.state_after, turn.reveals))
    return tuple(steps)


def _energised(probe: Probe) -> bool:
    return probe.state is State.ENERGISED


def _kinds_named(names: Iterable[str]) -> list[MoveKind]:
    by_name = {kind.name: kind for kind in COMPLIANCE_KINDS}
    return [by_name[name] for name in names]


def explore(scenario: Scenario) -> Exploration:
    """Search the scenario's coachee: shortest compassion-led path, unreached states, compliance, slips."""
    stepper = Stepper(scenario)
    start = stepper.start()
    limit = scenario.turn_limit
    buttons = hot_button_kinds(scenario)
    everything = useful_kinds((*COMPASSION_KINDS, *COMPLIANCE_KINDS[1:], *buttons), scenario)
    compliance = useful_kinds((*COMPLIANCE_KINDS, *buttons), scenario)

    shortest, seen = _shortest(stepper, start, limit)
    down_path, down = _search(
        stepper, start, everything, limit, lambda p: p.state is State.DEFENSIVE, climbing=False
    )
    seen |= down
    if len(seen) < len(State):  # only a persona with a closed gate or no way down gets here
        _, up = _search(stepper, start, everything, limit, _energised)
        seen |= up
    unreached = tuple(state for state in State if state not in seen)

    is_open = lambda probe: probe.state.rank >= State.OPEN.rank  # noqa: E731
    compliance_path, compliance_seen = _search(stepper, start, compliance, limit, is_open)
    compliance_peak = max(compliance_seen, key=lambda state: state.rank)
    slip_costs = _slip_costs(stepper, start, shortest, limit)
    return Exploration(
        scenario_id=scenario.id,
        shortest_path=None if shortest is None else replay(scenario, shortest),
        unreached=unreached,
        compliance_path=None if compliance_path is None else replay(scenario, compliance_path),
        compliance_peak=compliance_peak,
        slip_costs=slip_costs,
        difficulty=_rate(None if shortest is None else len(shortest), slip_costs),
        topics=topics_heard(stepper, start, (shortest, down_path, compliance_path)),
    )


TOPIC_PROBE = Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL, ("topic probe",))
"""How the explorer raises a topic: a line that names it and asks for nothing else, so no story item
answers in the topic's place ("Tell me about ...")."""


def topics_heard(stepper: Stepper, start: Probe, paths: Iterable[_Path | None]) -> dict[str, tuple[str, ...]]:
    """For each topic, the bands at which raising it, at any condition along `paths`, got one of its replies."""
    scenario = stepper.scenario
    probes = [start]
    for path in paths:
        probe = start
        for kind in path or ():
            probe = stepper.step(probe, kind)
            probes.append(probe)
    heard: dict[str, set[ReplyBand]] = {topic.id: set() for topic in scenario.topics}
    session = Session(scenario)
    for probe in probes:
        if probe.ended is not None:
            continue
        for topic in scenario.topics:
            session.enter(probe)
            session.play(TOPIC_PROBE, f"Tell me about {topic.words[0].rstrip('*')}.")
            if session.choices[-1].source == f"topic:{topic.id}":
                heard[topic.id].add(BAND_OF_STATE[session.state])
    order = list(ReplyBand)
    return {topic: tuple(band.value for band in order if band in bands) for topic, bands in heard.items()}


def _shortest(stepper: Stepper, start: Probe, limit: int) -> tuple[_Path | None, set[State]]:
    kinds = useful_kinds(COMPASSION_KINDS, stepper.scenario)
    return _search(stepper, start, kinds, limit, _energised, compassion_only=True)


def _slip_costs(stepper: Stepper, start: Probe, shortest: _Path | None, limit: int) -> dict[str, int | None]:
    """Extra turns to energised after one NEA slip half-way along the shortest path (None: never)."""
    costs: dict[str, int | None] = {}
    if shortest is None:
        return costs
    half = len(shortest) // 2
    for slip in _kinds_named(SLIP_KINDS):
        probe = start
        for kind in (*shortest[:half], slip):
            probe = stepper.step(probe, kind)
        if probe.ended is not None:
            costs[slip.name] = None  # the slip ended the meeting
            continue
        rest, _ = _shortest(stepper, probe, limit - half - 1)
        costs[slip.name] = None if rest is None else half + 1 + len(rest) - len(shortest)
    return costs


EASY_AT_MOST = 7
"""A rating score (shortest path plus the worst slip's cost, in turns) up to this is easy."""

MODERATE_AT_MOST = 10
"""Above EASY_AT_MOST and up to this is moderate; above it, hard."""


def _rate(shortest: int | None, slip_costs: dict[str, int | None]) -> str:
    if shortest is None:
        return "unreachable"
    costs = list(slip_costs.values())
    if any(cost is None for cost in costs):
        return "hard"  # one slip can make energised unreachable within the turn limit
    score = shortest + max((cost for cost in costs if cost is not None), default=0)
    if score <= EASY_AT_MOST:
        return "easy"
    return "moderate" if score <= MODERATE_AT_MOST else "hard"


def difficulty(scenario: Scenario) -> str:
    """easy, moderate, hard or unreachable: how many turns a compassion-led trainee needs to
    energise the coachee, plus the turns one NEA slip half-way costs (the worst of confrontation,
    compliance check and advice)."""
    stepper = Stepper(scenario)
    start = stepper.start()
    shortest, _ = _shortest(stepper, start, scenario.turn_limit)
    slip_costs = _slip_costs(stepper, start, shortest, scenario.turn_limit)
    return _rate(None if shortest is None else len(shortest), slip_costs)
