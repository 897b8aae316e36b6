"""Per-turn feedback: what the coachee had said, how the line was read, what it did and earned, and a better line.

A weak turn (one that invoked the negative attractor, lowered the coachee's openness, or
earned nothing: a repeat, a stock reflection) gets one better line for that moment of the arc,
read from what the conversation had reached *before* the turn and voiced from the coachee's own
last words (`simulator.arc`). No better line is offered twice in one conversation, and none is
one of the trainee's own lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from scoring.evidence import TurnEvidence, conversation_evidence
from scoring.facts import ConversationFacts, TurnFacts
from simulator.arc import Exchange, Suggestion, moment, next_step_on_arc
from simulator.reading.reflection import feeling_of, reflects
from simulator.rules import Rule, rule_id, rule_named
from simulator.vocabulary import Attractor, Form

Verdict = Literal["strong", "fine", "weak"]


def explain_rule(rule: str) -> str:
    """A sentence for a rule id such as 'hot_button.audit' or 'pea.lift' (an unknown id as it stands)."""
    named = rule_named(rule)
    return rule if named is None else named.explanation


def _is_reveal(rule: str) -> bool:
    return rule_named(rule) is Rule.REVEAL


@dataclass(frozen=True)
class TurnFeedback:
    """Feedback on one trainee line, with the coachee's words it answered."""

    n: int
    trainee: str
    form: str
    focus: str
    attractor: str
    effect: str
    rule: str
    verdict: Verdict
    better: Suggestion | None
    cues: tuple[str, ...]
    openness_after: float | None
    answered: str = ""  # what the coachee had just said
    credit: str = ""  # what the line earned, when that differs from its label


def _dropped(turn: TurnFacts) -> bool:
    """Whether the coachee ended the turn less open than they began it."""
    return (
        turn.openness_before is not None
        and turn.openness_after is not None
        and turn.openness_after < turn.openness_before
    )


def verdict_of(turn: TurnFacts, evidence: TurnEvidence | None = None) -> Verdict:
    """Weak if NEA, if it cost openness, or if it earned nothing (a repeat, a stock reflection); strong if it earned PEA."""
    dropped = _dropped(turn)
    if evidence is not None and not evidence.counts:
        return "fine"
    if (
        dropped
        and turn.move.attractor is not Attractor.NEA
        and rule_id(Rule.DEFICIT_BALANCE_SHEET) in turn.rules
    ):
        # The balance sheet after the vision is the arc's next step, even where looking at the gap
        # stings a persona a little (`deficit_after_vision`): the line was right, not weak.
        return "fine"
    if turn.move.attractor is Attractor.NEA or dropped:
        return "weak"
    if evidence is not None and (
        evidence.marking_note is not None
        or evidence.repeat_of is not None
        or evidence.formula_of is not None
        or evidence.flattery_of is not None
        or evidence.parrot_of is not None
        or evidence.barrage_of is not None
        or evidence.stock_reflection
    ):
        return "weak"
    earned = turn.move.attractor if evidence is None else evidence.attractor
    return "strong" if earned is Attractor.PEA else "fine"


def effect_of(turn: TurnFacts) -> str:
    """What the line did to the coachee, e.g. 'guarded -> neutral (+0.6)'."""
    if turn.state_before is None or turn.state_after is None:
        return "no simulated coachee"
    change = f"{turn.state_before.value} -> {turn.state_after.value}"
    if turn.state_before is turn.state_after:
        change = f"stayed {turn.state_after.value}"
    if turn.openness_before is not None and turn.openness_after is not None:
        change += f" ({turn.openness_after - turn.openness_before:+.2f})"
    return change


_PULLS_DOWN = frozenset(
    {Rule.HOT_BUTTON, Rule.SHUTDOWN, Rule.NEA_DROP, Rule.DEFICIT_BEFORE_VISION, Rule.DRIFT}
)
"""Rules that lower openness: when a line lifted less than it cost, the one to name."""


def rule_of(turn: TurnFacts, simulated: bool = True) -> str:
    """The rule that decided the turn, in words (with no simulated coachee, only what the move invites).
    A line whose coachee ended less open is explained by what pulled them down ("that word hits a
    nerve"), never by the lift its warmth would otherwise have had."""
    if turn.rules:
        pulling = [rule for rule in turn.rules if rule_named(rule) in _PULLS_DOWN]
        if _dropped(turn) and pulling:
            return explain_rule(pulling[0])
        return explain_rule(turn.rules[-1] if _is_reveal(turn.rules[-1]) else turn.rules[0])
    if turn.move.attractor is Attractor.NEA:
        return "NEA move: " + (
            "advice without permission" if turn.move.form is Form.ADVICE else turn.move.form.value
        )
    if turn.move.attractor is Attractor.PEA:
        return Rule.PEA_LIFT.explanation if simulated else "PEA move: it invites hope, strengths or values"
    return "neutral move: no effect on openness" if simulated else "neutral move"


def credit_of(evidence: TurnEvidence) -> str:
    """What the line earned, said only when it differs from what its label promises."""
    if not evidence.counts:
        return "unclear: the reader was unsure of this line, so it counts neither way"
    if evidence.marking_note is not None:
        return (
            f"'{evidence.marking_note}' is a note for whoever marks the line, not words for the coachee: "
            "a label, a template's blank or a stage ticked off earns nothing; say what you would say to them"
        )
    if evidence.repeat_of is not None and evidence.asks_again:
        return (
            f"asks again what you asked at turn {evidence.repeat_of}: a new opening before the same "
            "question still asks it twice, and it earns nothing the second time"
        )
    if evidence.repeat_of is not None:
        return f"repeats your line at turn {evidence.repeat_of}: it earns nothing the second time"
    if evidence.formula_of is not None:
        return (
            f"opens as your lines from turn {evidence.formula_of} did: a frame said over and over "
            "earns nothing, whatever is put in it"
        )
    if evidence.flattery_of is not None:
        return (
            f"heaps praise on them as your lines from turn {evidence.flattery_of} did: praise in every "
            "other line sounds like flattery and earns nothing; name one thing they did instead"
        )
    if evidence.parrot_of is not None:
        return (
            f"quotes words back at them as your lines from turn {evidence.parrot_of} did: a quote, "
            "line after line, sounds like an echo; say what you heard in your own words"
        )
    if evidence.barrage_of is not None:
        return (
            f"stacks questions as your lines from turn {evidence.barrage_of} did: asked all at once, "
            "none of them is heard as meant; ask the one you most want answered"
        )
    if evidence.stock_reflection:
        return "a stock phrase: it reflects nothing the coachee had just said, so it earns no credit"
    if evidence.unconfirmed_reflection:
        return "uses none of the coachee's words, so it earns no reflection credit: one of their words shows you heard them"
    if evidence.move.form is Form.AFFIRMATION and not evidence.specific:
        return "generic praise: an affirmation names something particular they did"
    return ""


def per_turn_feedback(
    facts: ConversationFacts, evidence: tuple[TurnEvidence, ...] | None = None
) -> tuple[TurnFeedback, ...]:
    """Feedback on every trainee line, with a better line, built for that moment, for each weak one."""
    evidence = evidence if evidence is not None else conversation_evidence(facts)
    exchanges: list[Exchange] = []
    told: list[tuple[str, str]] = []
    used: set[str] = set()
    trainee_lines = tuple(turn.trainee for turn in facts.turns)
    feedback = []
    for index, (turn, seen) in enumerate(zip(facts.turns, evidence, strict=True)):
        verdict = verdict_of(turn, seen)
        better = None
        if verdict == "weak":
            here = moment(
                exchanges,
                facts.opening,
                turn.state_before,
                tuple(told),
                facts.topics,
                frozenset(used),
                trainee_lines,
                facts.persona_lines_before(index),
                facts.persona_names,
            )
            better = next_step_on_arc(here, reflects, feeling_of)
            if better.example:
                used.add(better.example)
        feedback.append(
            TurnFeedback(
                n=turn.n,
                trainee=turn.trainee,
                form=turn.move.form.value,
                focus=turn.move.focus.value,
                attractor=turn.move.attractor.value,
                effect=effect_of(turn),
                rule=rule_of(turn, facts.simulated),
                verdict=verdict,
                better=better,
                cues=turn.move.cues,
                openness_after=turn.openness_after,
                answered=facts.answered(index),
                credit=credit_of(seen),
            )
        )
        exchanges.append(
            Exchange(turn.trainee, turn.move.focus, seen.is_nea, turn.coachee, seen.counts, seen.is_question)
        )
        told.extend((facts.kind_of(item), facts.story_text(item)) for item in turn.reveals)
    return tuple(feedback)
