"""The measures that count moves (COACHING-MODEL.md §5.1), over what each line earned, not its label.

Each reads `scoring.evidence`: a repeated, stock or unclear line earns nothing here, so a rota
of well-labelled stock lines does not fill these counts. Each is monotone in the right
direction (one more confrontation never helps), which the tests hold as properties.
"""

from __future__ import annotations

from scoring.evidence import HALF_A_LINE, Evidence, TurnEvidence
from scoring.marks import (
    FAIR_SCORE,
    Measure,
    Rating,
    bounded_ratio,
    falling,
    judged,
    measure,
    not_applicable,
    per_turns,
    rate,
    rising,
    tally,
)
from simulator.scenario.rubric import Rubric
from simulator.vocabulary import Attractor, Focus, Form, MeasureKey, Move

WARM_UP_TURNS = 2
"""A look at the present in the first turns is a check-in ("how are you doing?"), not the balance sheet."""


def _unearned(evidence: Evidence) -> str:
    idle = sum(turn.counts and not turn.earns for turn in evidence.turns)
    stock = evidence.count("stock_reflection")
    parts = []
    if idle:
        parts.append(f"{idle} repeated line(s)")
    if stock:
        parts.append(f"{stock} stock reflection(s)")
    return f" ({' and '.join(parts)} earned nothing)" if parts else ""


def pea_nea_ratio(evidence: Evidence, rubric: Rubric) -> Measure:
    """PEA moves per NEA move, counting only PEA moves that earned it."""
    pea = sum(turn.attractor is Attractor.PEA for turn in evidence.turns)
    nea = evidence.against("is_nea")
    value = bounded_ratio(pea, nea)
    mark = rubric.pea_nea_ratio
    score = rising(value, mark)
    rating = rate(score)
    if not pea and not nea:
        reason = "no move invoked either attractor"
    else:
        poor = "more NEA than the coachee can absorb" if nea else "too few PEA moves to lead"
        verdicts = {
            Rating.GOOD: "the positive attractor clearly led",
            Rating.FAIR: "the positive attractor led, not yet clearly",
            Rating.POOR: poor,
        }
        reason = judged(f"{pea} PEA to {tally(nea)} NEA moves{_unearned(evidence)}", rating, verdicts)
    marks = (f">= {mark.fair:g}:1", f">= {mark.good:g}:1")
    return measure(
        MeasureKey.PEA_NEA_RATIO, "PEA : NEA", round(value, 3), f"{pea}:{tally(nea)}", marks, score, reason
    )


_NOT_A_LOOK = frozenset({Form.AFFIRMATION, Form.AUTONOMY, Form.STRUCTURE, Form.OTHER})
"""Forms that never look at the real self, whatever words of the problem they hold: praise ("Nine
years without missing, that's a man who knows his own mind"), the choice handed over ("Not here
to read you the dashboard; you know it better than me") and the agenda named ("It is partly about
the notes, I won't pretend it isn't"). Read with a deficit focus, they were counted as the real
self coming before the vision in 25 of the verdict's 148 textbook conversations."""


def is_balance_sheet(index: int, move: Move) -> bool:
    """Whether `move` at turn `index` (from 0) looks at the real self: a check-in does not, nor a
    form that never looks (`_NOT_A_LOOK`)."""
    if move.form in _NOT_A_LOOK:
        return False
    return move.focus is Focus.DEFICIT or (move.focus is Focus.REAL_SELF and index >= WARM_UP_TURNS)


def is_vision_exchange(turn: TurnEvidence) -> bool:
    """Whether a turn explored the desired future or what matters: a warm move on the vision or values."""
    return turn.attractor is Attractor.PEA and turn.move.focus in (Focus.VISION, Focus.VALUES)


def reached_real_self_or_plan(evidence: Evidence) -> bool:
    """Whether the conversation got past the vision: the coachee's worries or the balance sheet
    (the real self), or a plan, told or talked about in a move that counted."""
    facts = evidence.facts
    kinds = {facts.kind_of(item) for turn in facts.turns for item in turn.reveals}
    real_self = "worries" in kinds or any(
        turn.counts and is_balance_sheet(index, turn.move) for index, turn in enumerate(evidence.turns)
    )
    return (
        real_self
        or "next_step" in kinds
        or any(turn.counts and turn.move.focus is Focus.PLAN for turn in evidence.turns)
    )


def ict_order(evidence: Evidence, rubric: Rubric) -> Measure:
    """Intentional Change Theory's order: vision before any NEA move, vision and values before the real self."""
    nea_first, vision_first = 0.0, 0
    seen_vision = seen_real_self = False
    for index, turn in enumerate(evidence.turns):
        if not turn.counts:
            continue
        if turn.is_nea and not seen_vision:
            nea_first += turn.sureness
        if is_balance_sheet(index, turn.move):
            seen_real_self = True
        if is_vision_exchange(turn):
            seen_vision = True
            vision_first += not seen_real_self
    need = rubric.vision_exchanges_before_real_self
    nea_before = nea_first >= HALF_A_LINE
    if seen_vision and not nea_before and vision_first:
        score = FAIR_SCORE + (1 - FAIR_SCORE) * min(vision_first, need) / need
        verdict = (
            "vision first, and explored before the real self"
            if score >= 1
            else "vision first, but the real self came early"
        )
        reason = f"{vision_first} vision/values exchange(s) before the real self: {verdict}"
    elif seen_vision and not nea_before:
        score = 0.5
        reason = "the real self came before any vision or values exchange"
    elif seen_vision:
        score = 0.3 / (1 + nea_first)
        reason = f"{tally(nea_first)} NEA move(s) came before the first vision exchange"
    else:
        score = 0.15 / (1 + nea_first)
        reason = "the coachee's vision and values were never explored"
    marks = (
        "no NEA before the first vision exchange",
        f">= {need} vision/values exchanges before the real self",
    )
    shown = "met" if score >= FAIR_SCORE else "not met"
    return measure(MeasureKey.ICT_ORDER, "ICT order", float(nea_first), shown, marks, score, reason)


def reflections_to_questions(evidence: Evidence, rubric: Rubric) -> Measure:
    """Reflections that reflect (`Evidence.reflections`), per question (MITI)."""
    reflections, questions = evidence.reflections, evidence.count("is_question")
    value = bounded_ratio(reflections, questions)
    mark = rubric.reflections_to_questions
    score = rising(value, mark)
    verdicts = {
        Rating.GOOD: "you reflected more than you asked",
        Rating.FAIR: "about as many reflections as questions",
        Rating.POOR: "reflect back more before asking again",
    }
    facts = f"{reflections} reflection(s) that reflected to {questions} question(s){_unearned(evidence)}"
    marks = (f">= {mark.fair:g}:1", f">= {mark.good:g}:1")
    shown = f"{reflections}:{questions}"
    return measure(
        MeasureKey.REFLECTIONS_TO_QUESTIONS, "Reflections : questions", round(value, 3), shown, marks, score,
        judged(facts, rate(score), verdicts),
    )  # fmt: skip


def complex_reflection_share(evidence: Evidence, rubric: Rubric) -> Measure:
    """Complex reflections among the reflections that reflected (MITI)."""
    reflections = [turn for turn in evidence.turns if turn.reflects]
    mark = rubric.complex_reflection_share
    fair, good = f">= {mark.fair:.0%}", f">= {mark.good:.0%}"
    if not reflections:
        return not_applicable(
            MeasureKey.COMPLEX_REFLECTION_SHARE,
            "Complex reflections",
            fair,
            good,
            "no reflections that reflected to judge",
        )
    complex_ = sum(turn.move.form is Form.COMPLEX_REFLECTION for turn in reflections)
    value = complex_ / len(reflections)
    score = rising(value, mark)
    verdicts = {
        Rating.GOOD: "they added meaning or feeling",
        Rating.FAIR: "some added meaning or feeling",
        Rating.POOR: "most only handed the words back",
    }
    facts = f"{complex_} of {len(reflections)} reflection(s) added meaning or feeling"
    return measure(
        MeasureKey.COMPLEX_REFLECTION_SHARE, "Complex reflections", value, f"{value:.0%}", (fair, good), score,
        judged(facts, rate(score), verdicts),
    )  # fmt: skip


def mi_adherent(evidence: Evidence, rubric: Rubric) -> Measure:
    """Specific affirmations and autonomy moves (MITI's MI-adherent behaviours)."""
    affirmations, autonomy = evidence.count("affirms"), evidence.count("autonomy")
    count = affirmations + autonomy
    value = per_turns(count, evidence.counted, rubric)
    mark = rubric.mi_adherent
    score = rising(value, mark)
    verdicts = {
        Rating.GOOD: "strengths and choices were recognised",
        Rating.FAIR: "recognised now and then",
        Rating.POOR: "too seldom recognised a strength or a choice"
        if count
        else "none recognised a strength or a choice",
    }
    generic = sum(
        turn.earns and turn.move.form is Form.AFFIRMATION and not turn.specific for turn in evidence.turns
    )
    facts = f"{affirmations} specific affirmation(s), {autonomy} autonomy move(s)" + (
        f" ({generic} generic praise earned nothing)" if generic else ""
    )
    per = f" per {rubric.per_turns} turns"
    return measure(
        MeasureKey.MI_ADHERENT, "MI-adherent moves", round(value, 3), f"{count}",
        (f">= {mark.fair:g}{per}", f">= {mark.good:g}{per}"), score, judged(facts, rate(score), verdicts),
    )  # fmt: skip


def mi_non_adherent(evidence: Evidence, rubric: Rubric) -> Measure:
    """Confrontations and unsolicited advice (MITI's MI non-adherent behaviours)."""
    counted = [turn for turn in evidence.turns if turn.counts]
    confronts = sum(turn.sureness for turn in counted if turn.move.form is Form.CONFRONT)
    advice = sum(turn.sureness for turn in counted if turn.move.form is Form.ADVICE)
    value = per_turns(confronts + advice, len(counted), rubric)
    mark = rubric.mi_non_adherent
    score = falling(value, mark)
    if confronts >= HALF_A_LINE and score >= 1.0:
        score = 0.99  # good needs no confrontation at all, however long the conversation
    verdicts = {
        Rating.GOOD: "you held back the righting reflex",
        Rating.FAIR: "a little of the righting reflex",
        Rating.POOR: "too much correcting and telling",
    }
    facts = f"{tally(confronts)} confrontation(s), {tally(advice)} piece(s) of unsolicited advice"
    per = f" per {rubric.per_turns} turns"
    return measure(
        MeasureKey.MI_NON_ADHERENT, "MI non-adherent moves", round(value, 3), tally(confronts + advice),
        (f"<= {mark.fair:g}{per}", f"0 confront, <= {mark.good:g} advice{per}"), score,
        judged(facts, rate(score), verdicts),
    )  # fmt: skip
