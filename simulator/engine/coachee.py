"""The coachee: how one trainee move moves their openness (COACHING-MODEL.md §4).

Two parts. `appraise` is a pure function from a move and what the coachee has lived
through so far to an `Impact`: how far openness moves and which rules said so. The
`Coachee` applies impacts on a `transitions` state machine over the six ordered states.
Openness is a number on the same ladder: its whole part is the state's rank (0 for
defensive, 5 for energised) and its fraction is progress toward the next rung. The
machine is the authority on the state; its gates decide whether a rise may cross into
`open` or `energised`, so a coachee who was never asked about their vision stays just
below `open` however warm the trainee is.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from transitions import EventData, Machine

from simulator.reading.reassurance import without_put_off
from simulator.reading.set_aside import DEFERRED_BACK, DENIED_BACK, REFERS_BACK, in_its_clause, puts_aside
from simulator.reading.trainee_text import split_lead
from simulator.rules import GATES, Rule, rule_id
from simulator.scenario.model import HotButton, Persona, Personality
from simulator.vocabulary import REFLECTION_FORMS, Attractor, Focus, Form, Move, State

# With model_override=True the machine binds only the triggers the model declares, and logs a
# warning for every convenience method it skips, each time a machine is built: that is the intent here.
logging.getLogger("transitions.core").setLevel(logging.ERROR)

TOP_OPENNESS = len(State) - 1e-6
"""Openness lives in [0, TOP_OPENNESS]: rank 5 (energised) plus almost one rung of progress."""

GATE_MARGIN = 0.05
"""How far below a closed gate a rise stops, so the next step can cross it once the gate opens."""


@dataclass(frozen=True)
class Impact:
    """What one move does to the coachee: a change of openness, or a shutdown, and why."""

    delta: float = 0.0
    shutdown: bool = False
    rules: tuple[str, ...] = ()  # rule ids (simulator.rules), in the order the rules fired
    hot_button: HotButton | None = None


@dataclass(frozen=True)
class History:
    """What the coachee has lived through before this move, as far as its reactions care."""

    state: State
    vision_established: bool = False
    turns_since_pea: int = 0
    openness: float | None = None  # None: the middle of the state's rung
    repeats: int = 0  # how many moves just before this one had its form and focus
    discord: bool = False  # whether the trainee has made a sure NEA move before this one (`is_discord`)
    pea_since_nea: int = 0  # PEA moves since the last NEA move (or since the start)
    unheard: int = 0  # with this move, PEA questions in a row each asked over the answer to the last

    @property
    def level(self) -> float:
        """Openness before the move."""
        return self.state.rank + 0.5 if self.openness is None else self.openness


def hot_button_hit(move: Move, text: str, persona: Persona) -> HotButton | None:
    """The first of the persona's hot buttons whose words the line contains (and whose move it fires on).

    A line not read as NEA that names a button's words only to deny them ("This isn't a
    disciplinary.", "Nobody's calling you a bully.") is reassurance, and hits nothing; said with
    blame ("You're not hitting your numbers.") the reader reads it NEA and the words sting.
    A line that names a sore subject to set it aside ("Forget the portfolio for now.", "Let me put
    the numbers away.", "The audit can wait.") hits nothing however it is read: putting it down is
    the kindness, and the rest of the line is read on its own. So is a sore subject named only in
    the statements before a kind question about something else (`_named_in_passing`). A threat set
    aside is still a threat ("Forget the GMC for now"): the buttons that shut the coachee down are
    not set aside.
    """
    for button in persona.hot_buttons:
        if button.fires_on == "nea" and move.attractor is not Attractor.NEA:
            continue
        matches = list(button.pattern().finditer(text))
        if not matches:
            continue
        found = [in_its_clause(text, match) for match in matches]
        warm = move.attractor is not Attractor.NEA
        sore = button.effect != "shutdown"
        if sore and warm and move.focus in _ASKS_AFTER_THEM and _named_in_passing(text, button, found):
            continue
        if all(
            (sore and puts_aside(before, word, after))
            or (warm and _denied(before))
            or (sore and warm and _put_aside_after(text, match.end() + len(after)))
            for (before, word, after), match in zip(found, matches, strict=True)
        ):
            continue
        return button
    return None


def _put_aside_after(text: str, clause_end: int) -> bool:
    """Whether a later clause sends the subject to another day or says it is not what the meeting is for."""
    return (
        DEFERRED_BACK.search(text, clause_end) is not None or DENIED_BACK.search(text, clause_end) is not None
    )


def _named_in_passing(text: str, button: HotButton, found: list[tuple[str, str, str]]) -> bool:
    # "Compliance is off the table this morning, hen. How's the week been?": named only in the
    # statements before a question that asks about something else, the subject is put down however
    # it was put, and the coachee answers what was asked. A question that names it or refers back
    # to it ("How has that been?", "What happened?") still asks about it, and so does one the
    # subject stands in front of alone ("So, portfolio: where are we at?"). A line that asks
    # nothing is taken at what it says comes first after putting the subject off ("We'll get to
    # the numbers later. Today I just want to hear how you are.", `without_put_off`). Measured on
    # lines written without sight of the rule (`benchmarks/set_aside.py`): set-aside lines that
    # stung 23 -> 18 of 48 and 26 -> 15 of 60, pressing and kindly raised ones unchanged.
    lead, question = split_lead(text)
    if not lead:  # no statements before a question: what comes first after a subject put off, if any
        question, put_off = without_put_off(text)
        if not put_off:
            return False
    if REFERS_BACK.search(question) or button.pattern().search(question) is not None:
        return False
    return all(len(_WORDS.findall(before + " " + after)) >= 3 for before, _, after in found)


_WORDS = re.compile(r"[\w']+")
_ASKS_AFTER_THEM = frozenset(Focus) - {Focus.DEFICIT, Focus.REAL_SELF}
"""The foci of a question that asks after the person, not about the problem or how things stand."""


_DENIAL = re.compile(
    r"\b(?:not|no|never|nothing|nobody|nobody'?s|no one|none|neither|nor|without|cannot|"
    # the "n't" words, typed or as speech-to-text writes them, without the apostrophe
    r"(?:is|are|was|were|wo|do|does|did|have|has|had|ca|should|would|ai)n'?t)\b"
    r"(?:\W+\w+(?:'\w+)?){0,4}\W*$",
    re.IGNORECASE,
)


def _denied(before: str) -> bool:
    # A word is denied when a negation stands at most four words before it in its clause.
    return _DENIAL.search(before) is not None


def nea_kind(move: Move) -> str | None:
    """Which kind of NEA move this is, in the names personas use for `shuts_down_on`."""
    if move.form is Form.CONFRONT:
        return "confront"
    if move.form is Form.ADVICE:
        return "advice"
    if move.is_compliance_check:
        return "compliance_check"
    return None


DRIFT_FLOOR = float(State.GUARDED.rank)
"""Drift alone never takes a coachee below guarded: coolness without a sure NEA move is not discord (`is_discord`)."""


def is_discord(move: Move) -> bool:
    """Whether a move is an NEA move the reader is sure of, which lets drift cool past guarded.

    A line the reader half-heard as NEA ("what do you need from this so it's not a waste of your
    afternoon?" read as a deficit at 0.57) moves the coachee by its own small, scaled drop, but
    it does not turn a conversation with no clear NEA move into discord.
    """
    return move.attractor is Attractor.NEA and move.certainty >= 1.0


def appraise(
    move: Move, text: str, persona: Persona, history: History, personality: Personality | None = None
) -> Impact:
    """How far this move moves the coachee's openness, with the ids of the rules that decided it.

    `personality` is this conversation's drawn temperament; without one, the persona's typical self.
    """
    temperament = personality or persona.temperament.draw()
    button = hot_button_hit(move, text, persona)
    sure = move.certainty >= 1.0  # a shutdown on a reading the reader was unsure of would be a misreading's
    # A button that fires on NEA moves is hit by what the line meant, so the reading's certainty
    # counts for it as for any NEA move; a button that fires on the word alone is hit however read.
    by_meaning = button is not None and button.fires_on == "nea"
    if button is not None and button.effect == "shutdown" and (sure or not by_meaning):
        return Impact(shutdown=True, rules=(rule_id(Rule.HOT_BUTTON, button.id),), hot_button=button)
    kind = nea_kind(move)
    if sure and kind is not None and kind in temperament.shuts_down_on and move.attractor is Attractor.NEA:
        return Impact(shutdown=True, rules=(rule_id(Rule.SHUTDOWN, kind),), hot_button=button)

    delta, rules = _move_delta(move, temperament, history)
    if delta < 0 and move.attractor is Attractor.NEA and not sure and history.level >= DRIFT_FLOOR:
        # A reading the reader was unsure of costs its scaled share, but never takes a coachee who
        # was at least guarded down to defensive: one misreading must not close a coachee, as it
        # must not shut one down (a warm line half-read as NEA, "Maybe we don't even get to it",
        # used to undo a whole conversation, as recovery from defensive is slow). A sure NEA
        # move still can, and a coachee already defensive still pays in full.
        delta = max(delta, DRIFT_FLOOR - history.level)
    if button is not None:
        delta -= button.drop * temperament.sensitivity * (move.certainty if by_meaning else 1.0)
        rules.append(rule_id(Rule.HOT_BUTTON, button.id))
    turns_without_pea = 0 if move.attractor is Attractor.PEA else history.turns_since_pea + 1
    if turns_without_pea >= temperament.drift_after and temperament.drift > 0:
        drift = temperament.drift
        if not history.discord and not is_discord(move):
            # No sure NEA move yet: drift cools a coachee, down to guarded at most (or not at all below it).
            drift = min(drift, max(0.0, history.level + delta - DRIFT_FLOOR))
        if drift > 0:
            delta -= drift
            rules.append(rule_id(Rule.DRIFT))
    return Impact(delta=delta, rules=tuple(rules), hot_button=button)


OWNING_A_BAD_START = Move(Form.AUTONOMY, Focus.NONE, Attractor.PEA, confidence=1.0)
"""How a line owning the bad start the trainee made moves the coachee, whatever the reader made of
it ("I started that badly, and I'm sorry" is read as `other`): as a repair move.

Acknowledging one's own part in a rupture of the working alliance is a repair strategy (Safran &
Muran, 2000); rupture-repair episodes go with better outcomes (Eubanks, Muran & Safran, 2018,
r = .29). So the line lifts as autonomy does, which repairs discord (`pea.repair`), at the slow
pace of a defensive coachee's recovery, and no drift cools them that turn. The session allows it
once, and only after a sure NEA move has made the rupture (`Session._owns_the_rupture`): a second
apology is a pattern, not a repair.

Measured and not kept, on the verdict's 740 conversations typed and dictated
(`python benchmarks/verdict.py --set all [--dictated]`; expectations missed; pairs of one
persona's conversations in one set where a repaired one scored at least a textbook one, and
where a warm-deficit or blunt one scored at least a repaired one; repaired conversations
compassion-led / compliance-led, of 147): without the rule 47 and 53 missed, 16 + 15 and 14 + 11
pairs, 31 / 55 typed; owning taking the coachee straight to the foot of guarded, 48 and 58, 25 +
31 and 10 + 9, 59 / 38; owning ending the slow recovery until the next push, 47 and 58, 20 + 25
and 11 + 10, 44 / 43. Both put repaired conversations above textbook ones the reader misread,
and both broke "recovery from defensive is slower than the fall": a sensitive coachee (Niamh)
told her vision three lines after two pushes and an apology. This rule, kept: 48 and 55 missed,
18 + 20 and 13 + 11 pairs, 41 / 50.
"""


def _move_delta(move: Move, temperament: Personality, history: History) -> tuple[float, list[str]]:
    # A reading the reader was less than sure of moves the coachee less (`Move.certainty`).
    step = temperament.weight(move.form) / temperament.warm_up * move.certainty
    if move.is_compliance_check:
        # The coachee reacts to a deficit probe by when it comes, whatever the reader called it.
        if history.vision_established:
            return -step * temperament.deficit_after_vision * temperament.sensitivity, [
                rule_id(Rule.DEFICIT_BALANCE_SHEET)
            ]
        cost = (
            step * temperament.negativity_bias * temperament.deficit_before_vision * temperament.sensitivity
        )
        return _cushioned(-cost, [rule_id(Rule.DEFICIT_BEFORE_VISION)], temperament, history)
    if move.attractor is Attractor.NEA:
        cost = step * temperament.negativity_bias * temperament.sensitivity
        return _cushioned(-cost, [rule_id(Rule.NEA_DROP)], temperament, history)
    if move.attractor is not Attractor.PEA:
        return 0.0, []
    rules = [rule_id(Rule.PEA_LIFT)]
    if history.repeats:
        step *= temperament.habituation**history.repeats
        rules.append(rule_id(Rule.PEA_HABITUATION))
    if history.unheard >= 2:
        # The question-answer trap (Miller & Rollnick): question after question with nothing of
        # the answers taken up, the coachee is interviewed, not heard. One such question is how
        # any conversation moves on; from the second in a row each lifts less.
        step *= temperament.habituation ** (history.unheard - 1)
        rules.append(rule_id(Rule.PEA_UNHEARD))
    boost = temperament.vision_boost if move.focus in (Focus.VISION, Focus.VALUES) else 1.0
    if boost != 1.0 and history.state.rank >= State.NEUTRAL.rank:
        step *= boost
        rules.append(rule_id(Rule.PEA_VISION_BOOST))
    if _is_repair(move) and history.state.rank <= State.GUARDED.rank:
        # Repair lets a closed coachee catch up, but never past where the same move would take
        # one who was already neutral: otherwise a warmer conversation could end colder.
        ceiling = State.NEUTRAL.rank + step * boost - history.level
        step = max(step, min(step * temperament.repair, ceiling))
        rules.append(rule_id(Rule.PEA_REPAIR))
    if history.state is State.DEFENSIVE:
        step *= temperament.recovery
        rules.append(rule_id(Rule.RECOVERY_SLOW))
    return step, rules


def _cushioned(
    delta: float, rules: list[str], temperament: Personality, history: History
) -> tuple[float, list[str]]:
    # A run of PEA moves builds goodwill (the working alliance): the first NEA move after it
    # costs less. One slip in a warm conversation is not the same as a pattern, and the next NEA
    # move, with the run broken, costs in full.
    if history.pea_since_nea >= temperament.goodwill_after and temperament.goodwill > 0:
        return delta * (1.0 - temperament.goodwill), [*rules, rule_id(Rule.NEA_GOODWILL)]
    return delta, rules


def _is_repair(move: Move) -> bool:
    # Autonomy and empathy repair discord (MI): they lift a closed coachee more than other PEA moves.
    return move.form is Form.AUTONOMY or (move.form in REFLECTION_FORMS and move.focus is Focus.FEELINGS)


@dataclass
class Progress:
    """What the gates look at: the foci explored with PEA moves and the story kinds revealed."""

    explored: set[Focus] = field(default_factory=set)
    revealed_kinds: set[str] = field(default_factory=set)


class Coachee:
    """The coachee's openness on a state machine whose gates guard `open` and `energised`."""

    state: str

    # Placeholders: with model_override=True the machine binds exactly these triggers.
    def open_up(self) -> bool:
        raise NotImplementedError

    def close_down(self) -> bool:
        raise NotImplementedError

    def shut_down(self) -> bool:
        raise NotImplementedError

    def may_open_up(self) -> bool:
        raise NotImplementedError

    def __init__(self, persona: Persona, personality: Personality | None = None) -> None:
        self.temperament = personality or persona.temperament.draw()
        self.progress = Progress()
        self.openness = persona.starting_state.rank + 0.5
        Machine(
            model=self,
            states=[state.value for state in State],
            initial=persona.starting_state.value,
            transitions=machine_transitions(),
            auto_transitions=False,
            model_override=True,
            send_event=True,
        )

    @property
    def current(self) -> State:
        """The current state as the project's enum."""
        return _STATE_OF[self.state]  # a dict, not State(...): asked several times a turn

    def place(self, state: State, openness: float, progress: Progress) -> None:
        """Put the coachee straight into a condition (for searches that branch from it)."""
        self.state = state.value
        self.openness = openness
        self.progress = progress

    def is_gate_open(self, event: EventData) -> bool:
        """Whether the rise into the transition's destination may happen now."""
        assert event.transition is not None, "conditions are only asked during a transition"
        destination = State(str(event.transition.dest))
        if destination is State.OPEN:
            needs = self.temperament.open_needs
            return not needs or any(focus in self.progress.explored for focus in needs)
        if destination is State.ENERGISED:
            return all(kind in self.progress.revealed_kinds for kind in self.temperament.energised_needs)
        return True

    def react(self, impact: Impact) -> tuple[str, ...]:
        """Apply an impact; return the ids of gate rules that held the coachee back, if any."""
        if impact.shutdown:
            self.shut_down()
            self.openness = min(self.openness, State.DEFENSIVE.rank + 0.5)
            return ()
        # Rounded so that steps which should land exactly on a rung (1.5 - 0.25 - 0.25) do not fall short of it.
        target = round(min(max(self.openness + impact.delta, 0.0), TOP_OPENNESS), 9)
        while int(target) > self.current.rank and self.may_open_up():
            self.open_up()
        held: tuple[str, ...] = ()
        if int(target) > self.current.rank:
            blocked = State(_next_state(self.current))
            held = (rule_id(GATES[blocked]),)
            target = self.current.rank + 1 - GATE_MARGIN
        while int(target) < self.current.rank:
            self.close_down()
        self.openness = target
        return held


_STATE_OF = {state.value: state for state in State}


def _next_state(state: State) -> str:
    order = list(State)
    return order[order.index(state) + 1].value


def machine_transitions() -> list[dict[str, Any]]:
    """The coachee's transitions in the shape of the `transitions.Machine` constructor."""
    order = [state.value for state in State]
    rises = [
        {"trigger": "open_up", "source": lower, "dest": higher, "conditions": "is_gate_open"}
        for lower, higher in pairwise(order)
    ]
    falls = [{"trigger": "close_down", "source": higher, "dest": lower} for lower, higher in pairwise(order)]
    shutdowns = [{"trigger": "shut_down", "source": "*", "dest": State.DEFENSIVE.value}]
    return rises + falls + shutdowns
