"""One conversation between a trainee and a scenario's coachee, as a deterministic core.

The same scenario, seed and trainee lines give the same turns, every time: randomness
comes only from `random.Random` objects the session seeds itself (one draws the coachee's
personality within the persona's ranges, the other breaks ties between replies), and
nothing here reads a clock, a file or the terminal. Front ends (the prompt-toolkit app,
the piped mode, the scorer) all drive this class, and the transcript writer records what
it returns.

A turn, in order: the line is heard (topics, a repeat, whether a reflection landed); the
coachee reacts (a line heard before, a formula or flattery, an unclear line or a reflection
that missed earns nothing; anything else goes through `appraise`); the memory takes in what
the line raised; the coachee may end the meeting; then comes the reply: a leaving line, a
story item, a hot button's line, the answer to a moment the line makes (a scaling question, a
goodbye, the agenda handed over, an offer of help, an apology), a pool for a moment that earns
nothing, or the best-fitting reply (`engine.reply`).
"""

from __future__ import annotations

import random
import re
from collections.abc import Set
from dataclasses import dataclass, replace

from simulator.engine.coachee import (
    OWNING_A_BAD_START,
    Coachee,
    History,
    Impact,
    Progress,
    appraise,
    hot_button_hit,
    is_discord,
)
from simulator.engine.listening import Heard, Verdict, hear
from simulator.engine.memory import Memory
from simulator.engine.presumptions import is_plain_talk, owns_a_bad_start, without_unasked_echo
from simulator.engine.reply import Choice, choose_from_pool, choose_reply, picked_by_line
from simulator.errors import ConversationOver, NothingSaid
from simulator.reading.flattery import WINDOW as FLATTERY_WINDOW
from simulator.reading.flattery import flattery_of
from simulator.reading.formula import WINDOW as FORMULA_WINDOW
from simulator.reading.formula import formula_of
from simulator.reading.marking_notes import marking_note
from simulator.reading.moves import classify, is_filler_only, is_gibberish
from simulator.reading.parrot import WINDOW as PARROT_WINDOW
from simulator.reading.parrot import parrot_of
from simulator.reading.question_barrage import WINDOW as BARRAGE_WINDOW
from simulator.reading.question_barrage import barrage_of
from simulator.reading.reflection import content_words
from simulator.reading.taking_up import restates_their_step
from simulator.records import EndReason, Turn, attractor_tally
from simulator.rules import END_DEFENSIVE, END_HOT_BUTTON, Rule, rule_id
from simulator.scenario.model import (
    Event,
    HotButton,
    Line,
    Personality,
    PoolName,
    Scenario,
    StoryItem,
    StoryKind,
)
from simulator.text import clean_line
from simulator.vocabulary import (
    QUESTION_FORMS,
    REFLECTION_FORMS,
    Attractor,
    Context,
    Focus,
    Form,
    Move,
    State,
)

ELICITING_FORMS = frozenset({*QUESTION_FORMS, *REFLECTION_FORMS, Form.AFFIRMATION, Form.AUTONOMY})
"""The forms of move that can draw a story item out of the coachee."""

VISION_FOCI = frozenset({Focus.VISION, Focus.VALUES})
"""The foci of the trainee's moves that explore the coachee's vision with them."""

ANSWERED_MOMENTS = (
    PoolName.WELCOME,
    PoolName.SCALE,
    PoolName.APOLOGY,
    PoolName.OFFER,
    PoolName.PARTING,
    PoolName.AGENDA,
)
"""Moments of the meeting a line makes that the coachee answers as such, whatever its topic: each
granted by the presumption of its name (`presumptions.json`), each answered from its pool. A drink
offered comes first: it is granted only when the line ends on it, so it is what was just asked.
An apology or an offer of help said in a goodbye ("thank you, and sorry again for how I started,
go home and rest"; "anything you need, give me a shout, go on, go to your case") is answered
before the goodbye: blind, over the closes the fitted reader of a meeting's close first heard, two
raters preferred the apology's or the offer's reply to the goodbye's every time (9 and 9 of 9)."""

BACKS_THEIR_STEP = "says back the step they chose → affirmation"
"""The cue of advice heard as backing the step the coachee chose (`Session._backing_their_step`)."""

_INVITATION = re.compile(
    r"\b(?:what|how|why|where|which|who)(?:'s|'d)?\s+(?:would|do|did|does|is|are|was|were|could|can|will|"
    r"might|should|makes?|made|matters?|draws?|drew|pulls?|keeps?|has|have)\b"
    r"|\btell me\b|\bsay (?:a bit |a little )?more\b|\b(?:talk|walk) me through\b|\bgo on\b",
    re.IGNORECASE,
)
"""Words that ask for the coachee's story in a line not closed as a question (dictated, or an
invitation: "Tell me about a time you felt good at this.")."""

_INVITING_FORMS = frozenset({*QUESTION_FORMS, Form.AUTONOMY})
"""Forms that hand the coachee the floor, asked or not: a question, and the choice handed over."""

TYPICAL_SEED = 0
"""The seed that meets the persona's typical self: the middle of every temperament range."""


def personality_for(scenario: Scenario, seed: int) -> Personality:
    """The coachee this seed meets: each temperament range drawn from the seed (the middle for seed 0)."""
    temperament = scenario.coachee.temperament
    if seed == TYPICAL_SEED or not temperament.is_ranged():
        return temperament.draw()
    # Its own stream, so the personality never shifts which replies the tie-breaking rng picks.
    return temperament.draw(random.Random(f"personality {seed}"))


def typical_personality(scenario: Scenario) -> Personality:
    """The persona's typical self, the middle of every temperament range: the coachee a verdict is
    scored against, so that the same lines get the same verdict whatever day the seed drew."""
    return personality_for(scenario, TYPICAL_SEED)


@dataclass(frozen=True)
class Condition:
    """Everything that decides how the coachee reacts next, and the peak so far (not the lines said)."""

    state: State
    openness: float
    explored: frozenset[Focus]
    revealed: tuple[str, ...]
    turns_since_pea: int
    peak: State
    last_kind: tuple[Form, Focus] | None = None
    run: int = 0  # how many moves in a row, up to now, were of `last_kind`
    heard: frozenset[str] = frozenset()  # events of the trainee's lines: topics raised, hot buttons hit, ...
    exchanges: int = 0  # vision and values exchanges answered at neutral or above
    defensive_run: int = 0  # NEA moves in a row made while the coachee was already defensive
    ended: EndReason | None = None
    pea_since_nea: int = 0  # PEA moves since the last NEA move (goodwill)
    asked: bool = False  # the last move that counted was a PEA question
    unheard: int = 0  # PEA questions in a row, each asked over the answer to the one before
    discord: bool = False  # a sure NEA move has counted: drift may cool the coachee past guarded
    owned: bool = False  # the trainee has owned a bad start (`OWNING_A_BAD_START`): it can be owned once


_TAKING_BACK = re.compile(r"\b(?:but|however|though|although)\b", re.IGNORECASE)
"""Where a line may go on to take back what it said before ("Sorry. But the notes are late.")."""


class Session:
    """A conversation in progress. `say` plays one turn; `undo` takes the last one back."""

    def __init__(self, scenario: Scenario, seed: int = 0, personality: Personality | None = None) -> None:
        self.scenario = scenario
        self.seed = seed
        self.personality = personality or personality_for(scenario, seed)
        self._kind_of = {item.id: item.kind for item in scenario.story}
        self._phrases = scenario.phrases.as_lists()  # the same every turn: built once, not per line read
        self._restart()

    def _restart(self) -> None:
        self._rng = random.Random(self.seed)
        self._coachee = Coachee(self.scenario.coachee, self.personality)
        self._turns: list[Turn] = []
        self._choices: list[Choice] = []
        self._memory = Memory.fresh(self.scenario, self._coachee.current)
        self._revealed: list[str] = []
        self._turns_since_pea = 0
        self._peak = self._coachee.current
        self._last_kind: tuple[Form, Focus] | None = None
        self._run = 0
        self._exchanges = 0
        self._defensive_run = 0
        self._pea_since_nea = 0
        self._asked = False
        self._unheard = 0
        self._discord = False
        self._owned = False
        self._left = False

    # --- what front ends read -------------------------------------------------------------

    @property
    def turns(self) -> tuple[Turn, ...]:
        """The turns played so far, oldest first."""
        return tuple(self._turns)

    @property
    def choices(self) -> tuple[Choice, ...]:
        """Where each turn's reply came from, in turn order (for checks and benchmarks, not transcripts)."""
        return tuple(self._choices)

    @property
    def state(self) -> State:
        """The coachee's state now."""
        return self._coachee.current

    @property
    def openness(self) -> float:
        """The coachee's openness now, from 0 (deep defensive) to just under 6 (fully energised)."""
        return self._coachee.openness

    @property
    def peak(self) -> State:
        """The most open state the coachee has reached in this conversation."""
        return self._peak

    @property
    def revealed(self) -> tuple[str, ...]:
        """Ids of the story items revealed so far, in the order they came out."""
        return tuple(self._revealed)

    @property
    def is_vision_established(self) -> bool:
        """Whether the vision is in place, so deficit talk is the balance sheet from then on.

        Either the coachee has told it (a story item of kind `vision`), or the trainee has
        explored it with them: `vision_exchanges` vision or values questions, reflections and
        invitations (autonomy) answered at neutral or above.
        """
        told = any(self._kind_of[item] == "vision" for item in self._revealed)
        return told or self._exchanges >= self.personality.vision_exchanges

    @property
    def events(self) -> frozenset[str]:
        """Every event that has happened: the names `requires:` and `unless:` conditions test."""
        return self._memory.events(self._built_in_events())

    @property
    def end_reason(self) -> EndReason | None:
        """Why the conversation is over (the coachee left, or the turn limit), or None while it goes on."""
        if self._left:
            return EndReason.COACHEE_LEFT
        if len(self._turns) >= self.scenario.turn_limit:
            return EndReason.TURN_LIMIT
        return None

    @property
    def is_over(self) -> bool:
        """Whether the conversation has ended: the turn limit is reached or the coachee has left."""
        return self.end_reason is not None

    def condition(self) -> Condition:
        """The coachee's condition now, for a search that branches from here."""
        return Condition(
            self.state,
            self.openness,
            frozenset(self._coachee.progress.explored),
            self.revealed,
            self._turns_since_pea,
            self._peak,
            self._last_kind,
            self._run,
            frozenset(self._memory.heard),
            self._exchanges,
            self._defensive_run,
            EndReason.COACHEE_LEFT if self._left else None,
            self._pea_since_nea,
            self._asked,
            self._unheard,
            self._discord,
            self._owned,
        )

    def enter(self, condition: Condition) -> None:
        """Start afresh in `condition`, as if a conversation had just reached it (no turns, no lines said).

        Searches use this to branch from a condition without replaying the path to it.
        """
        # The coachee's machine is kept and placed, not rebuilt: searches enter thousands of conditions.
        self._rng = random.Random(self.seed)
        self._turns = []
        self._choices = []
        kinds: set[str] = {self._kind_of[item] for item in condition.revealed}
        self._coachee.place(condition.state, condition.openness, Progress(set(condition.explored), kinds))
        self._memory = Memory.fresh(self.scenario, condition.state, condition.heard)
        self._revealed = list(condition.revealed)
        self._turns_since_pea = condition.turns_since_pea
        self._peak = condition.peak
        self._last_kind = condition.last_kind
        self._run = condition.run
        self._exchanges = condition.exchanges
        self._defensive_run = condition.defensive_run
        self._pea_since_nea = condition.pea_since_nea
        self._asked = condition.asked
        self._unheard = condition.unheard
        self._discord = condition.discord
        self._owned = condition.owned
        self._left = condition.ended is EndReason.COACHEE_LEFT

    def attractor_counts(self) -> dict[Attractor, int]:
        """How many of the trainee's moves invoked each attractor."""
        return attractor_tally(turn.move for turn in self._turns)

    def context(self) -> Context:
        """What the reader of the next trainee line knows of the conversation."""
        last = self._turns[-1].coachee if self._turns else self.scenario.opening.text
        return Context(
            previous_coachee_line=last,
            vision_established=self.is_vision_established,
            phrases=self._phrases,
        )

    # --- what front ends do ---------------------------------------------------------------

    def say(self, raw_text: str) -> Turn:
        """Play one trainee line; raise `NothingSaid` for a blank line, `ConversationOver` once it has ended."""
        self._refuse_if_over()
        text = clean_line(raw_text)
        if not text:
            raise NothingSaid("nothing to say: type a line for the coachee, or /help")
        return self.play(classify(text, self.context()), text)

    def play(self, move: Move, text: str = "") -> Turn:
        """Play a move already read (as `say` does after reading `text`); explorers call this directly."""
        self._refuse_if_over()
        move = self._backing_their_step(move, text)
        before_state, before_openness = self.state, self.openness
        events_before = self.events
        heard = hear(
            self.scenario,
            move,
            text,
            self._memory.recent,
            self._memory.last_topic,
            self._memory.lines,
            self._memory.lines_heard,
            events_before,
            before_state,
            plan_made=self._memory.plan_talked or Event.PLAN_AGREED.value in events_before,
        )
        unheard = self._unheard_with(move, heard)
        refrain = self._refrain(text, move)
        impact, moment = self._react_to(move, text, heard, unheard, refrain)
        # A repeat, a formula or flattery, an unclear line, a missed or a stock reflection counts neither way.
        stock = rule_id(Rule.REFLECTION_STOCK) in impact.rules
        counts = (
            moment is None
            and refrain is None
            and not stock
            and (not move.is_unclear or impact.hot_button is not None)
        )
        if counts and move.attractor is Attractor.PEA and move.focus is not Focus.NONE:
            self._coachee.progress.explored.add(move.focus)  # before the rise: this move may open the gate
        held = self._coachee.react(impact)
        if counts:
            kind = _kind_of(move)
            self._run = (self._run if kind == self._last_kind else 0) + 1
            self._last_kind = kind
            self._unheard = unheard
            self._asked = _is_pea_question(move)
        self._turns_since_pea = 0 if counts and move.attractor is Attractor.PEA else self._turns_since_pea + 1
        if counts and move.attractor is Attractor.PEA:
            self._pea_since_nea += 1
        elif counts and move.attractor is Attractor.NEA:
            self._pea_since_nea = 0
        self._discord = self._discord or (counts and is_discord(move))
        self._owned = self._owned or rule_id(Rule.REPAIR_OWNED) in impact.rules
        if self.state.rank > self._peak.rank:
            self._peak = self.state
        if counts and self._is_vision_exchange(move):
            self._exchanges += 1
        self._memory.hear(move, heard, impact.hot_button, self.state, counts=counts)

        end_rule = self._update_end(move, impact, counts, before_state)
        hot_button = impact.hot_button
        events = self.events  # with what this line raised: a reply may build on it at once
        earned = not (
            moment or hot_button or end_rule or move.is_unclear or refrain is not None
        )  # an unsure reading, or a formula or flattery, draws no story out
        reveal = self._story_to_reveal(move, text, heard, events) if earned else None
        choice = self._reply(move, heard, events, moment, hot_button, reveal, ending=end_rule is not None)
        rules = [*impact.rules, *held]
        if reveal is not None:
            self._revealed.append(reveal.id)
            self._coachee.progress.revealed_kinds.add(reveal.kind)
            rules.append(rule_id(Rule.REVEAL, reveal.id))
        if end_rule is not None:
            self._left = True
            rules.append(end_rule)
        self._memory.said_line(choice, reveal)
        turn = Turn(
            n=len(self._turns) + 1,
            trainee=text,
            move=move,
            coachee=choice.line.text,
            cue=choice.line.cue,
            state_before=before_state,
            state_after=self.state,
            openness_before=before_openness,
            openness_after=self.openness,
            reveals=(reveal.id,) if reveal else (),
            rules=tuple(rules),
        )
        self._turns.append(turn)
        self._choices.append(choice)
        return turn

    def undo(self) -> Turn | None:
        """Take back the last turn and return it (None if there is none).

        The conversation is replayed from the start without it, so the coachee, the
        random choices and the lines already said are exactly as they were before it.
        """
        if not self._turns:
            return None
        kept = self._turns[:-1]
        undone = self._turns[-1]
        self._restart()
        for turn in kept:
            self.play(turn.move, turn.trainee)
        return undone

    # --- one turn, step by step -------------------------------------------------------------

    def _refuse_if_over(self) -> None:
        if self._left:
            raise ConversationOver(
                f"{self.scenario.coachee.name} has left the meeting; the conversation is over"
            )
        if self.is_over:
            raise ConversationOver(
                f"the conversation has reached its limit of {self.scenario.turn_limit} turns"
            )

    def _backing_their_step(self, move: Move, text: str) -> Move:
        # Once the coachee has told the step they chose, the trainee saying it back as an instruction
        # ("And the leave? Book it. Send it to me and I'll sign it.") backs their plan and imposes
        # nothing of the trainee's own: heard as affirming it, not as advice (COACHING-MODEL §3.3).
        if move.form is not Form.ADVICE or not text:
            return move
        steps = {item for item in self._revealed if self._kind_of[item] == "next_step"}
        # As they told it; a coachee placed part-way (an explorer's) told it in one of its tellings.
        told = [turn.coachee for turn in self._turns if steps.intersection(turn.reveals)] or [
            telling.text for item in self.scenario.story if item.id in steps for telling in item.all_tellings
        ]
        if not told or not restates_their_step(text, told):
            return move
        return Move(Form.AFFIRMATION, Focus.PLAN, Attractor.PEA, (BACKS_THEIR_STEP,), move.confidence)

    def _refrain(self, text: str, move: Move) -> Rule | None:
        """The rule that hears the line as said by rote, if one does: a note for whoever marks it
        (`reading.marking_notes`), or what the trainee's last lines kept doing: the same opening or
        frame (`reading.formula`), sweeping praise (`reading.flattery`), the coachee's own words
        quoted back (`reading.parrot`) or questions stacked (`reading.question_barrage`). An order is
        an order whatever is written beside it."""
        if move.attractor is not Attractor.NEA and marking_note(text) is not None:
            return Rule.MARKING_NOTE
        recent = [
            turn.trainee for turn in self._turns[-max(FORMULA_WINDOW, FLATTERY_WINDOW, BARRAGE_WINDOW) :]
        ]
        if formula_of(text, recent, nea=move.attractor is Attractor.NEA) is not None:
            return Rule.FORMULA
        if flattery_of(text, recent) is not None:
            return Rule.FLATTERY
        replies = (self.scenario.opening.text, *(turn.coachee for turn in self._turns))
        start = max(0, len(self._turns) - PARROT_WINDOW)
        quoted = [(self._turns[i].trainee, replies[: i + 1]) for i in range(start, len(self._turns))]
        if parrot_of(text, replies, quoted) is not None:
            return Rule.PARROT
        if move.attractor is not Attractor.NEA and barrage_of(text, recent) is not None:
            return Rule.BARRAGE
        return None

    def _react_to(
        self, move: Move, text: str, heard: Heard, unheard: int, refrain: Rule | None
    ) -> tuple[Impact, PoolName | None]:
        """The move's impact, and the moment it makes when it earns nothing (a repeat, unclear, a missed
        reflection); a refrain (a formula, flattery) earns nothing and makes no moment: it is answered as usual."""
        if heard.repeat:
            return Impact(rules=(rule_id(Rule.REPEAT),)), PoolName.REPEAT
        if refrain is not None:
            # "So what I'm hearing is ..." or "a superstar like you" once more: answered, but it moves nothing.
            return Impact(rules=(rule_id(refrain),)), None
        if self._owns_the_rupture(text):
            # Before the unclear checks: the reader files an apology as `other`, but its words are plain.
            return self._owning(move, text, unheard), None
        # A hot-button word hits the nerve however unsure the reader is of the rest of the line.
        nerve = move.is_unclear and hot_button_hit(move, text, self.scenario.coachee) is not None
        if move.is_unclear and not nerve and not heard.topics:
            return Impact(rules=(rule_id(Rule.UNCLEAR),)), PoolName.UNCLEAR
        if self._says_nothing_here(move, text, heard):
            return Impact(rules=(rule_id(Rule.UNCLEAR),)), PoolName.UNCLEAR
        if move.is_unclear and not nerve:
            # Unsure how it was meant, but sure what it was about: answer the topic, move nothing.
            return Impact(rules=(rule_id(Rule.UNCLEAR),)), None
        if heard.verdict is Verdict.MISSED:
            return Impact(rules=(rule_id(Rule.REFLECTION_MISSED),)), PoolName.CORRECT
        if heard.verdict is Verdict.STOCK and hot_button_hit(move, text, self.scenario.coachee) is None:
            # "That sounds really hard" after small talk, or their words listed back: answered, but
            # nobody feels heard by it, so it moves nothing (as the scorecard credits nothing for it).
            return Impact(rules=(rule_id(Rule.REFLECTION_STOCK),)), None
        if nerve:
            # Only the word counts: the rest of the line, read too unsurely, moves nothing.
            move = Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL, move.cues, move.confidence)
        return self._appraised(move, text, unheard), None

    def _appraised(self, move: Move, text: str, unheard: int) -> Impact:
        history = History(
            self.state,
            self.is_vision_established,
            self._turns_since_pea,
            self.openness,
            self._run if _kind_of(move) == self._last_kind else 0,
            self._discord,
            self._pea_since_nea,
            unheard,
        )
        return appraise(move, text, self.scenario.coachee, history, self.personality)

    def _owning(self, move: Move, text: str, unheard: int) -> Impact:
        # The line lifts as a repair move (`OWNING_A_BAD_START`), or as what it is if that lifts more
        # (an apology handing over a real choice, read surely as autonomy). Appraised without its
        # words: the sore subject named in owning the start ("I went straight in with the audit")
        # is no fresh hit.
        owned = self._appraised(OWNING_A_BAD_START, "", unheard)
        if move.attractor is Attractor.PEA and not move.is_unclear:
            itself = self._appraised(move, "", unheard)
            if itself.delta > owned.delta:
                owned = itself
        return replace(owned, rules=(*owned.rules, rule_id(Rule.REPAIR_OWNED)))

    def _owns_the_rupture(self, text: str) -> bool:
        # Only a rupture there was can be owned: after a sure NEA move, with the coachee defensive,
        # and once. The reader's NEA reading of the whole line is no veto: a line owning
        # a bad start must say what the start was, and of the 95 lines written to own one that the
        # patterns find, the reader reads 14 as NEA (`benchmarks/owning.py`'s two sets). A line
        # that takes it back after a "but" ("Sorry, that came out wrong. But the notes are still
        # late.") is no repair.
        return (
            self._discord
            and not self._owned
            and self.state is State.DEFENSIVE
            and owns_a_bad_start(text)
            and not self._taken_back(text)
        )

    def _taken_back(self, text: str) -> bool:
        # The line from its last "but" on, read on its own, surely NEA: the apology is taken back.
        # Read with the "but", which says a turn is coming: without it, "the notes are still late"
        # after the coachee's "Everybody's notes are late" reads as a reflection of their words.
        turns = list(_TAKING_BACK.finditer(text))
        if not turns:
            return False
        tail = classify(text[turns[-1].start() :], self.context())
        return tail.attractor is Attractor.NEA and not tail.is_unclear

    def _unheard_with(self, move: Move, heard: Heard) -> int:
        """The run of PEA questions asked over the coachee's answers that this move makes (0: none).

        A question straight after another that takes up none of the coachee's answer between
        them adds to the run; a question that takes up the answer, or any other move, ends it.
        """
        if not (_is_pea_question(move) and self._asked):
            return 0
        if not heard.takes_up:
            return self._unheard + 1
        # "Tell me more about that" follows the answer up without showing it was heard: the run goes on.
        return self._unheard if heard.only_points_back else 0

    def _says_nothing_here(self, move: Move, text: str, heard: Heard) -> bool:
        # Keyboard mash, chat about nothing here, a word on its own: read surely as nothing, so it
        # moves nothing (a backchannel, "mm", "go on", lets them carry on instead).
        return (
            move.form is Form.OTHER
            and not heard.topics
            and not is_filler_only(text)
            and hot_button_hit(move, text, self.scenario.coachee) is None
        )

    def _is_vision_exchange(self, move: Move) -> bool:
        # The trainee asks about or reflects the vision or values, or hands it over to them ("It's your
        # picture. Say more, if you want."), and the coachee answers from neutral up.
        return (
            move.attractor is Attractor.PEA
            and move.focus in VISION_FOCI
            and (move.form in QUESTION_FORMS or move.form in REFLECTION_FORMS or move.form is Form.AUTONOMY)
            and self.state.rank >= State.NEUTRAL.rank
        )

    def _update_end(self, move: Move, impact: Impact, counts: bool, before: State) -> str | None:
        """Count the NEA moves in a row while defensive; the `end.*` rule id if this turn ends the meeting."""
        if impact.hot_button is not None and impact.hot_button.ends and impact.shutdown:
            return rule_id(Rule.END, END_HOT_BUTTON)
        owned = rule_id(Rule.REPAIR_OWNED) in impact.rules
        if self.state is not State.DEFENSIVE or (counts and move.attractor is Attractor.PEA) or owned:
            # A warm move, or owning the bad start, breaks the row: someone who has started to
            # listen gives a reason to stay.
            self._defensive_run = 0
        elif move.attractor is Attractor.NEA and move.certainty >= 1.0 and before is State.DEFENSIVE:
            # Only being pushed counts, only on a sure reading (a walk-out on a line the reader
            # half made out would be the misreading's, not the trainee's), and only once
            # defensive: the push that made them defensive is not yet one of the row, so a
            # trainee who pushes four times and then owns it still gets the chance.
            self._defensive_run += 1
        leaves_after = self.personality.leaves_after
        if leaves_after is not None and self._defensive_run >= leaves_after:
            return rule_id(Rule.END, END_DEFENSIVE)
        return None

    def _built_in_events(self) -> set[str]:
        events: set[str] = set(self._revealed)
        if self.is_vision_established:
            events.add(Event.VISION_ESTABLISHED.value)
        if any(self._kind_of[item] == "next_step" for item in self._revealed):
            events.add(Event.PLAN_AGREED.value)
        return events

    def _hot_button_line(self, hot_button: HotButton, heard: Heard, said: Set[str]) -> Line | None:
        """The first hit gets one of the first reactions, picked by the line; later hits the further
        replies in order, as they may escalate ("There's that word again"); None once all are said."""
        if not any(line.text in said for line in hot_button.first_reactions):
            return picked_by_line(hot_button.first_reactions, heard, said, self._rng)
        return next((line for line in hot_button.more_replies if line.text not in said), None)

    def _story_to_reveal(
        self, move: Move, text: str, heard: Heard, events: frozenset[str]
    ) -> StoryItem | None:
        # The coachee tells their story when drawn out, not when told what to do: a next step
        # the trainee suggested, even with permission, is not one the coachee chose.
        if move.attractor is Attractor.NEA or move.form not in ELICITING_FORMS:
            return None
        # A question, an invitation ("Tell me about...") or the choice handed over ("Up to you,
        # you're in charge here": their own step) draws out what it asks about, and a reflection
        # that landed goes a step further; a line that asks nothing draws out only a story it
        # touches, by two of its words (`STORY_TOUCHED_BY`: "Nine years on that towpath, every
        # morning" -> the towpath years), not the next speech its focus unlocks. Told after "The
        # lead on the hook. That makes sense" or "You're a natural leader", the towpath story
        # answered nothing the trainee said. Blind, over 58 such turns of the practice
        # conversations, a rater preferred the reply given instead 48 times to 8 (53 fitting
        # against 9). A move played without a line (the explorer's) stands for every line of its
        # kind: one touching the story among them. Praise that touches a story draws none out:
        # "Kofi from the pot wash to sous in three years, that's you" was answered with the
        # strengths story retold ("Kofi, first. Pot wash to sous in three years; ..."), the
        # trainee's own words handed back as news. Blind, over 60 of the 133 conversations of the
        # verdict's sets whose replies first parted there (seed 0), two raters preferred the
        # reply given instead ("Well. I did used to be good at that.") 58 times to 2 and 58 to 0,
        # and found it fitting 54 and 58 times, the story 10 and 6.
        asked = (
            not heard.spoken
            or "asked" in heard.grants
            or move.form in _INVITING_FORMS
            or _INVITATION.search(text) is not None
        )
        for item in self.scenario.story:
            if item.id in self._revealed or move.focus not in item.unlocked_by:
                continue
            if not item.allowed(events):
                continue
            if item.kind in TOLD_ONLY_WHEN_ASKED and not asked:
                continue
            if self.state.rank >= item.needs.rank and (
                asked
                or self._goes_further(heard, item)
                or (move.form is not Form.AFFIRMATION and _touches(heard.words, item))
            ):
                return None if self._draws_nothing_out(heard) else item
        return None

    @staticmethod
    def _draws_nothing_out(heard: Heard) -> bool:
        # Asked only once a story item is ready to be told: the answered moments cost a search of
        # the line each, and most lines reach no story item at all.
        if any(answered.value in heard.grants for answered in ANSWERED_MOMENTS):
            # A scaling question, a goodbye, the agenda handed over, an offer of help, an apology:
            # none asks for their story.
            return True
        # A stock reflection ("That sounds really hard" after small talk) draws nothing out either:
        # someone tells their story to a listener, and the scorecard credits no stock line. One in
        # words of its own that shares none of theirs still may: the judge of reflections cannot
        # tell a fine paraphrase from a miss, and the reader vouched for it.
        return heard.verdict is Verdict.STOCK

    def _goes_further(self, heard: Heard, item: StoryItem) -> bool:
        """Whether a reflection that landed goes a step further into this story item. Not when the
        coachee's last line was a story item of another kind: the reflection stays on what was just
        told ("Walking Maisie to school, and all those steps at Robin Hood's Bay. Your whole face
        changed", after the vision, drew the towpath years as a strength; a rater called it a
        non sequitur), unless its words touch this item. Blind, over the 17 conversations of the
        verdict's sets whose replies first parted here, two raters found the reply given now fitting
        16 and 15 times, the story item given before 0 and 1 times."""
        if heard.verdict is not Verdict.LANDED:
            return False
        just_told = self._turns[-1].reveals if self._turns else ()
        return not any(self._kind_of[told] != item.kind for told in just_told)

    def _reply(
        self,
        move: Move,
        heard: Heard,
        events: frozenset[str],
        moment: PoolName | None,
        hot_button: HotButton | None,
        reveal: StoryItem | None,
        *,
        ending: bool,
    ) -> Choice:
        said, state = self._memory.said, self.state
        pool_choice = None
        if ending:
            pool_choice = choose_from_pool(
                self.scenario, PoolName.LEAVING, state, heard, events, said, self._rng
            )
            if pool_choice is None:  # a scenario without leaving lines still ends with its closing line
                closing = self.scenario.closing
                return Choice(Line(text=closing.text, cue=closing.cue), None, "closing")
            return pool_choice
        if reveal is not None:
            # Told in one of its tellings, picked by the line: the same story, not the same words every meeting.
            telling = picked_by_line(reveal.all_tellings, heard, said, self._rng)
            told = without_unasked_echo(telling.text, heard.grants)
            return Choice(Line(text=told, cue=telling.cue), None, f"story:{reveal.id}")
        if hot_button is not None:
            line = self._hot_button_line(hot_button, heard, said)
            if line is not None:
                return Choice(line, None, f"hot_button:{hot_button.id}")
        if moment in (None, PoolName.UNCLEAR):
            # The trainee asks for a number ("On a scale of one to ten..."), wraps up ("Thanks for
            # your time"), hands over the agenda ("What would you like to get out of today?"), offers
            # help ("What do you need from me?") or owns a bad start ("I started that badly, I'm
            # sorry"): answered as such, at the coachee's openness, not as the next line on the
            # topic or the focus the reader gave it.
            for answered in ANSWERED_MOMENTS:
                if answered.value in heard.grants:
                    pool_choice = choose_from_pool(
                        self.scenario, answered, state, heard, events, said, self._rng
                    )
                    if pool_choice is not None and not pool_choice.repeated:
                        return pool_choice
        if (
            moment is PoolName.UNCLEAR
            and not is_gibberish(heard.key.words)
            and (not move.is_unclear or is_plain_talk(heard.key.words))
        ):
            # Read surely as nothing here, but plain words ("hello", "I hear you", an apology the
            # reader did not place), or plain talk the reader could not place ("Thank you. I should
            # have asked that first."): an ordinary answer, moving nothing, by what the line is about
            # (its act counts as far as the reader was sure of it: not at all), not "What do you
            # mean?", which only keyboard mash and short lines the reader could not make out are asked.
            # Blind, over the 94 moments of probe6 to probe8 where the reply changed, two raters
            # found the ordinary answer fitting 67 and 64 times, "What do you mean?" 37 and 29, and
            # preferred it 59 and 61 times to 25 and 19.
            moment = None
        if moment is not None:
            pool_choice = choose_from_pool(self.scenario, moment, state, heard, events, said, self._rng)
            if pool_choice is not None and not pool_choice.repeated:
                return pool_choice
            # The moment's lines are all said: a fresh ordinary reply beats saying one of them again.
            ordinary = choose_reply(self.scenario, state, move, heard, events, said, self._rng)
            return pool_choice if pool_choice is not None and ordinary.repeated else ordinary
        return choose_reply(self.scenario, state, move, heard, events, said, self._rng)


STORY_TOUCHED_BY = 2
"""How many content words a line that asks nothing must share with one telling of a story item to
draw it out. One word in common with any of them ("year", "two", "start", "people") was mostly
chance: over the verdict's 740 conversations at seed 0 (`benchmarks/verdict.py`), 50 of the 134
stories told to such a line shared a single word with their best telling ("You were 52 last
year" brought out Des's towpath years; a goodbye brought out Niamh's strengths). Where asking
for two changed a reply, two raters blind to which was which judged the reply given instead to
fit 40 and 43 times of 45, the story 5 and 7 times, and preferred it 40 to 3 and 43 to 2.
Expectations missed 32 -> 33 typed (textbooks compassion-led 136 -> 137), 37 -> 38 dictated
(132 -> 131)."""


TOLD_ONLY_WHEN_ASKED: frozenset[StoryKind] = frozenset({"next_step"})
"""The kinds of story item told only to a line that asks for them or hands over the choice: a
coachee tells the next step they chose when asked for it, never after a line that asks nothing,
however well it landed. A reflection of their vision ("Walking Maisie to school. You're smiling
just saying it.") is answered about the vision, not with a plan ("I could offer to walk Pat's
spaniel..."). Where this changed a reply in the verdict's conversations (42 at seed 0), two
raters blind to which was which judged the reply given instead to fit 34 and 34 times of 42, the
plan 14 and 17 times, and preferred it 28 to 4 (10 alike) and 37 to 5. Over the verdict's 740
conversations, typed, expectations missed and textbooks compassion-led stay at 33 and 137 of 148;
dictated, 38 -> 40 missed, 131 textbooks as before."""


def _touches(words: frozenset[str], item: StoryItem) -> bool:
    """Whether a line's content words touch a story item: enough of them in one of its tellings."""
    return any(len(words & content_words(telling.text)) >= STORY_TOUCHED_BY for telling in item.all_tellings)


def _kind_of(move: Move) -> tuple[Form, Focus]:
    """What habituation compares: the form and focus, except that handing the choice back is one act
    whatever it is about ("It's your call", "Your plan, your decision"): it names nothing new."""
    return (move.form, Focus.NONE) if move.form is Form.AUTONOMY else (move.form, move.focus)


def _is_pea_question(move: Move) -> bool:
    return move.form in QUESTION_FORMS and move.attractor is Attractor.PEA
