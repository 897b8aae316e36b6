""" "Try next time": one tip per weak measure, fitted to what the conversation did and did not do.

A tip never asks for something the conversation already did. Each tip names the behaviour it
asks for (`Behaviour`); a one-off behaviour the trainee showed ("start from the desired future"
after vision questions came first) is never asked for, and the tip says instead what was missing
around it. Tips about how often ("reflect more") carry the counts they are based on. With no
simulated coachee no tip speaks of the coachee's openness.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from scoring.counts import is_balance_sheet, is_vision_exchange, reached_real_self_or_plan
from scoring.evidence import HALF_A_LINE, Evidence, TurnEvidence
from scoring.experience import imposed_count, missed_goals, proposals
from scoring.facts import TurnFacts
from scoring.global_ratings import told_them_who_they_are
from scoring.marks import Measure, tally
from simulator.vocabulary import Attractor, Focus, Form, MeasureKey


class Behaviour(StrEnum):
    """A thing a tip can ask the trainee to do, that the conversation either did or did not do."""

    START_WITH_VISION = "start_with_vision"
    ASK_VISION = "ask_vision"
    ASK_VALUES = "ask_values"
    ASK_STEP = "ask_step"
    AFFIRM = "affirm"
    STRESS_AUTONOMY = "stress_autonomy"
    REFLECT = "reflect"
    REFLECT_MORE = "reflect_more"
    DEEPEN_REFLECTIONS = "deepen_reflections"
    HOLD_BACK = "hold_back"
    REPAIR = "repair"
    VARY_LINES = "vary_lines"
    TAKE_UP_WORDS = "take_up_words"
    LEAD_WITH_PEA = "lead_with_pea"
    STEER_TO_GOALS = "steer_to_goals"
    DRAW_OUT_CHANGE = "draw_out_change"
    GO_PAST_VISION = "go_past_vision"


ONE_OFF = frozenset(
    {
        Behaviour.START_WITH_VISION,
        Behaviour.ASK_VISION,
        Behaviour.ASK_VALUES,
        Behaviour.ASK_STEP,
        Behaviour.AFFIRM,
        Behaviour.STRESS_AUTONOMY,
        Behaviour.REFLECT,
        Behaviour.GO_PAST_VISION,
    }
)
"""Behaviours that, once done, are done: a tip never asks for them again."""

GO_PAST_VISION_TIP = (
    "Go on from their vision to the real self and a step: hold the picture up against today "
    "(\"What's already in place? What's missing?\"), then ask what they would like to try first."
)
"""The tip for a conversation that explored the vision and never went past it (`stayed_in_vision`)."""

ARC_LABEL = "Conversation arc"
"""What the go-past-the-vision tip is shown under: the arc (COACHING-MODEL.md §2), not ICT order,
which such a conversation kept and which may well be rated good."""


@dataclass(frozen=True)
class Tip:
    """One thing to try next time, and the behaviour it asks for."""

    key: MeasureKey
    label: str
    asks_for: Behaviour
    text: str

    def __str__(self) -> str:
        return f"{self.label}: {self.text}"


def _asked(evidence: Evidence, focus: Focus) -> bool:
    return any(
        turn.attractor is Attractor.PEA
        and turn.move.focus is focus
        and turn.move.form in (Form.OPEN_QUESTION, Form.CLOSED_QUESTION)
        for turn in evidence.turns
    )


_PUSH_IN_WORDS = {Form.CONFRONT: "a confrontation", Form.ADVICE: "advice"}
_SHOWN_WORDS = 9


def _first_of_the_arc(evidence: Evidence) -> tuple[int, str | None] | None:
    """The first line that counted and set the order: a vision or values exchange (with None), or
    a line that came before one, with how it was heard (a push: a line counting against the
    trainee; or a look at the present). None when no line did either."""
    for index, turn in enumerate(evidence.turns):
        if not turn.counts:
            continue
        if is_vision_exchange(turn):
            return index, None
        if turn.is_nea:
            return index, _PUSH_IN_WORDS.get(turn.move.form, "a look at what went wrong")
        if is_balance_sheet(index, turn.move):
            return index, "a look at how things are now"
    return None


def started_with_vision(evidence: Evidence) -> bool:
    """Whether a vision or values exchange came before any NEA move and any look at the real self."""
    first = _first_of_the_arc(evidence)
    return first is not None and first[1] is None


def _what_came_before_vision(evidence: Evidence) -> str:
    # The tip names the line that came first, as it was heard: the trainee sees which line it
    # was, and can tell a line they meant warmly that was read otherwise.
    found = _first_of_the_arc(evidence)
    if found is None or found[1] is None:
        return ""
    index, heard = found
    fact = evidence.facts.turns[index]
    return (
        f' (turn {fact.n}, "{_shown(fact.trainee)}", was heard as {heard} before any talk of what they want)'
    )


def _first_shutdown(evidence: Evidence) -> TurnFacts | None:
    """The first line after which the simulated coachee went from open to any degree to defensive."""
    before = evidence.facts.starting_state
    for fact in evidence.facts.turns:
        if (
            before is not None
            and fact.state_after is not None
            and before.rank > 0
            and fact.state_after.rank == 0
        ):
            return fact
        before = fact.state_after
    return None


def _first_turn(
    evidence: Evidence, holds: Callable[[TurnEvidence], bool], skip: frozenset[int] = frozenset()
) -> TurnFacts | None:
    """The first line, by its facts, whose evidence `holds`, leaving out the turns in `skip`."""
    for fact, turn in zip(evidence.facts.turns, evidence.turns, strict=True):
        if fact.n not in skip and holds(turn):
            return fact
    return None


def _first_such(evidence: Evidence, kind: str, lead: str) -> str:
    """`lead` and the first line showing `kind` (a `TurnEvidence` property), by turn and first
    words, so that a tip points at the moment; "" when there is none."""
    fact = _first_turn(evidence, lambda turn: bool(getattr(turn, kind)))
    return f'{lead} turn {fact.n} ("{_shown(fact.trainee)}")' if fact is not None else ""


_EXAMPLES: dict[MeasureKey, Callable[[TurnEvidence], bool]] = {
    MeasureKey.EMPATHY: lambda turn: turn.reflects or turn.reflects_first,
    MeasureKey.REFLECTIONS_TO_QUESTIONS: lambda turn: turn.reflects,
    MeasureKey.COMPLEX_REFLECTION_SHARE: lambda turn: (
        turn.reflects and turn.move.form is Form.COMPLEX_REFLECTION
    ),
    MeasureKey.MI_ADHERENT: lambda turn: turn.affirms or turn.autonomy,
    MeasureKey.ICT_ORDER: lambda turn: turn.counts and is_vision_exchange(turn),
    MeasureKey.PARTNERSHIP: lambda turn: turn.follow_up or turn.autonomy,
}
"""For measures about the trainee's own lines, what a line that did well looks like."""


def example_for(
    key: MeasureKey, evidence: Evidence, shown: frozenset[int] = frozenset()
) -> tuple[str, int | None]:
    """'; for example turn 4, "..."' and its turn: the first line, not among the turns already
    `shown`, that shows what a measure that went well rewarded; ("", None) for a measure about the
    whole conversation, or with no such line."""
    holds = _EXAMPLES.get(key)
    fact = _first_turn(evidence, holds, shown) if holds is not None else None
    if fact is None:
        return "", None
    return f'; for example turn {fact.n}, "{_shown(fact.trainee)}"', fact.n


QUESTIONS_IN_A_ROW = 3
"""A tip on reflecting more names the longest run of questions with no reflection among them, from this long."""


def _questions_in_a_row(evidence: Evidence) -> str:
    """ ", and turns 3 to 6 were 4 questions in a row" for the longest such run, or ""."""
    best: tuple[int, int, int] = (0, 0, 0)  # length, first turn, last turn
    run: list[int] = []
    for fact, turn in zip(evidence.facts.turns, evidence.turns, strict=True):
        if turn.is_question and not turn.reflects_first:
            run.append(fact.n)
            if len(run) > best[0]:
                best = (len(run), run[0], run[-1])
        else:
            run = []
    length, first, last = best
    if length < QUESTIONS_IN_A_ROW:
        return ""
    return f", and turns {first} to {last} were {length} questions in a row"


def _shown(line: str) -> str:
    """The first words of a trainee line, enough to recognise it in a tip."""
    words = line.split()
    return " ".join(words[:_SHOWN_WORDS]) + ("…" if len(words) > _SHOWN_WORDS else "")


def did(evidence: Evidence, behaviour: Behaviour) -> bool:
    """Whether the conversation already shows a one-off behaviour (always False for the others)."""
    checks = {
        Behaviour.START_WITH_VISION: lambda: started_with_vision(evidence),
        Behaviour.ASK_VISION: lambda: _asked(evidence, Focus.VISION),
        Behaviour.ASK_VALUES: lambda: _asked(evidence, Focus.VALUES),
        Behaviour.ASK_STEP: lambda: any(
            turn.eliciting and turn.move.focus is Focus.PLAN for turn in evidence.turns
        ),
        Behaviour.AFFIRM: lambda: evidence.count("affirms") > 0,
        Behaviour.STRESS_AUTONOMY: lambda: evidence.count("autonomy") > 0,
        Behaviour.REFLECT: lambda: evidence.reflections > 0,
        Behaviour.GO_PAST_VISION: lambda: reached_real_self_or_plan(evidence),
    }
    check = checks.get(behaviour)
    return bool(check and check())


def _ownership_tips(goal: bool, step: bool) -> list[tuple[Behaviour, str]]:
    """What to ask for when the goal or the step was not the coachee's own: never the part they proposed."""
    if goal and step:
        return []  # both theirs: only solutions pressed on them can have cost the measure
    if step:
        return [
            (
                Behaviour.TAKE_UP_WORDS,
                "The step was theirs; let the goal be theirs too: ask what they want the future to look "
                "like, and reflect it back before the plan.",
            )
        ]
    return [
        (Behaviour.ASK_STEP, "Ask which small step they would like to try first, and let them choose it."),
        (
            Behaviour.TAKE_UP_WORDS,
            "Let the step come from them: reflect their vision back before you ask for it.",
        ),
    ]


def candidates(key: MeasureKey, evidence: Evidence) -> list[tuple[Behaviour, str]]:
    """Every tip that could answer a weak measure, best first (the first not already done is the one given)."""
    simulated = evidence.facts.simulated
    reflected, questions = evidence.reflections, evidence.count("is_question")
    stock = evidence.count("stock_reflection")
    repeated = sum(turn.counts and turn.repeat_of is not None for turn in evidence.turns)
    imposed, nea = imposed_count(evidence), evidence.against("is_nea")
    shutdowns = any(
        fact.state_after is not None and fact.state_after.rank == 0 for fact in evidence.facts.turns
    )
    repair = "Repair before you push on: when the coachee closes, reflect the feeling and hand back control."
    closed_after = _first_shutdown(evidence)
    if closed_after is not None:
        repair = (
            f'Repair before you push on: the coachee closed after turn {closed_after.n} ("{_shown(closed_after.trainee)}");'
            " when they close, reflect the feeling and hand back control."
        )
    told = set(evidence.reveals(credited=True))
    missed = missed_goals(evidence)
    tips: dict[MeasureKey, list[tuple[Behaviour, str]]] = {
        MeasureKey.COACHEE_TRAJECTORY: [
            *([(Behaviour.REPAIR, repair)] if shutdowns else []),
            (
                Behaviour.ASK_VALUES,
                "Ask what matters most to them: the coachee opens up once their vision or values are explored.",
            ),
            (
                Behaviour.REFLECT,
                "Reflect what they tell you in their own words: being heard is what opens a guarded coachee.",
            ),
            (
                Behaviour.TAKE_UP_WORDS,
                "Stay with what the coachee offers: reflect and affirm it before asking for more.",
            ),
        ],
        MeasureKey.STORY_REVEALED: [
            # Only the parts of the story still untold: a tip never asks for what the coachee told.
            *(
                [
                    (
                        Behaviour.ASK_VISION,
                        'Ask about their desired future once they are open: "If things were going really well two years from now, what would you be doing?"',
                    )
                ]
                if "vision" not in told
                else []
            ),
            *(
                [(Behaviour.ASK_VALUES, "Ask what matters most to them: their values carry the vision.")]
                if "values" not in told
                else []
            ),
            # Asking for a step is the next part of the story only once the vision is told; before
            # that, earning it is.
            *(
                [
                    (
                        Behaviour.ASK_STEP,
                        "Now the vision is told, ask which small step they would like to try first.",
                    )
                ]
                if "vision" in told and "next_step" not in told
                else []
            ),
            (
                Behaviour.TAKE_UP_WORDS,
                "Earn the story: reflect and affirm what they tell you until they are open enough to say more.",
            ),
        ],
        MeasureKey.GOAL_OWNERSHIP: [
            *(
                [
                    (
                        Behaviour.HOLD_BACK,
                        f"Hold back your own solutions ({tally(imposed)} this time"
                        f"{_first_such(evidence, 'imposes', ', first at')}): ask which step they would choose.",
                    )
                ]
                if imposed >= HALF_A_LINE
                else []
            ),
            *_ownership_tips(*proposals(evidence)),
        ],
        MeasureKey.GOALS_MET: [
            (
                Behaviour.STEER_TO_GOALS,
                "Check the scenario's goals before you start, and steer the arc toward them"
                + (f'; the first not met: "{missed[0]}".' if missed else "."),
            ),
        ],
        MeasureKey.CHANGE_TALK: [
            (
                Behaviour.DRAW_OUT_CHANGE,
                "Draw out change talk: ask why it matters to them and what they could do, and reflect it back.",
            ),
        ],
        MeasureKey.PARTNERSHIP: [
            *(
                [
                    (
                        Behaviour.HOLD_BACK,
                        f"Share the lead: {tally(nea)} NEA move(s) put you in the expert's chair; ask permission before offering an idea.",
                    )
                ]
                if nea >= HALF_A_LINE
                else []
            ),
            *(
                [
                    (
                        Behaviour.VARY_LINES,
                        f"Answer what the coachee just said rather than a prepared line ({repeated} line(s) repeated).",
                    )
                ]
                if repeated
                else []
            ),
            *(
                [
                    (
                        Behaviour.HOLD_BACK,
                        f"Ask before you tell: {evidence.count('presumes')} line(s) told them their own vision,"
                        f" values or plan{_first_such(evidence, 'presumes', ', from')}; ask for them, then"
                        " reflect what they say.",
                    )
                ]
                if told_them_who_they_are(evidence)
                else []
            ),
            (Behaviour.STRESS_AUTONOMY, "Say out loud that the choice is theirs."),
            (Behaviour.ASK_STEP, "Ask for their own ideas and their own step, and build on them."),
            (Behaviour.TAKE_UP_WORDS, "Take up their words: ask about what they have just told you."),
        ],
        MeasureKey.EMPATHY: [
            *(
                [
                    (
                        Behaviour.TAKE_UP_WORDS,
                        f"Reflect their own words: {stock} stock line(s) reflected nothing they had said"
                        f"{_first_such(evidence, 'stock_reflection', ', such as')}.",
                    )
                ]
                if stock
                else []
            ),
            (Behaviour.REFLECT, "Reflect back what you heard, in their words, before the next question."),
            (
                Behaviour.DEEPEN_REFLECTIONS,
                "Add the feeling or the meaning behind what they said, not only the words.",
            ),
        ],
        MeasureKey.PEA_NEA_RATIO: [
            (
                Behaviour.LEAD_WITH_PEA,
                "Lead with the positive attractor: ask about their hopes, strengths and values before problems.",
            ),
        ],
        MeasureKey.ICT_ORDER: [
            (
                Behaviour.START_WITH_VISION,
                f"Start from the desired future{_what_came_before_vision(evidence)}:"
                ' "If things were going really well a year from now, what would you be doing?"',
            ),
            (
                Behaviour.LEAD_WITH_PEA,
                "Hold the problems until the vision is on the table, then look at the present against it.",
            ),
        ],
        MeasureKey.REFLECTIONS_TO_QUESTIONS: [
            (Behaviour.REFLECT, "Reflect back what you heard before asking the next question."),
            (
                Behaviour.REFLECT_MORE,
                f"Reflect more, ask less: {reflected} reflection(s) to {questions} question(s) this time"
                f"{_questions_in_a_row(evidence)}.",
            ),
        ],
        MeasureKey.COMPLEX_REFLECTION_SHARE: [
            (
                Behaviour.DEEPEN_REFLECTIONS,
                'Add meaning to your reflections: name the feeling, or both sides ("Part of you..., and part of you...").',
            ),
        ],
        MeasureKey.MI_ADHERENT: [
            (Behaviour.AFFIRM, "Affirm a specific strength: name what they did and what it shows."),
            (Behaviour.STRESS_AUTONOMY, "Say out loud that the choice is theirs."),
            (
                Behaviour.TAKE_UP_WORDS,
                "Recognise strengths and choices more often, in the coachee's own words.",
            ),
        ],
        MeasureKey.MI_NON_ADHERENT: [
            (
                Behaviour.HOLD_BACK,
                "Hold back the advice and the correction; ask permission before offering an idea.",
            ),
        ],
    }
    found = tips[key]
    if not simulated:
        found = [(behaviour, text) for behaviour, text in found if not re.search(r"\bopen", text)]
    return found


def tip_for(measure: Measure, evidence: Evidence) -> Tip | None:
    """The tip for one measure: the first that asks for something not already done, or None."""
    for behaviour, text in candidates(measure.key, evidence):
        if behaviour in ONE_OFF and did(evidence, behaviour):
            continue
        return Tip(measure.key, measure.label, behaviour, text)
    return None


def stayed_in_vision(evidence: Evidence) -> bool:
    """Whether the conversation explored the vision or values (a warm move on them that counted)
    and never went past them to the real self or a plan: the arc stopped half way."""
    explored = any(turn.counts and is_vision_exchange(turn) for turn in evidence.turns)
    return explored and not reached_real_self_or_plan(evidence)


def tips_for(measures: tuple[Measure, ...], evidence: Evidence, limit: int = 3) -> tuple[Tip, ...]:
    """Up to `limit` tips: first, when the arc stopped at the vision, how to go on (what holds such a
    conversation below compassion-led); then for the weakest measures that are not rated good,
    weakest first, none repeated."""
    weak = sorted(
        (m for m in measures if m.applies and m.rating.value != "good"), key=lambda m: m.score or 0.0
    )
    tips: list[Tip] = []
    if stayed_in_vision(evidence):
        tips.append(Tip(MeasureKey.ICT_ORDER, ARC_LABEL, Behaviour.GO_PAST_VISION, GO_PAST_VISION_TIP))
    for measure in weak:
        tip = tip_for(measure, evidence)
        if tip is not None and all(tip.text != other.text for other in tips):
            tips.append(tip)
        if len(tips) == limit:
            break
    return tuple(tips)
