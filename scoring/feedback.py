"""Per-turn feedback: what each line was read as, what it did, the rule behind it, and a better line.

A weak turn (one that invoked the negative attractor or lowered the coachee's openness)
gets one better line for that moment of the arc, chosen from what the conversation had
reached *before* the turn, so the suggestion is what would have fitted there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from scoring.facts import ConversationFacts, TurnFacts
from simulator.arc import ArcFacts, Suggestion, next_step_on_arc
from simulator.rules import Rule, parse_rule_id
from simulator.vocabulary import Attractor, Focus, Form

Verdict = Literal["strong", "fine", "weak"]


def explain_rule(rule: str) -> str:
    """A sentence for a rule id such as 'hot_button.audit' or 'pea.lift' (an unknown id as it stands)."""
    try:
        return parse_rule_id(rule)[0].explanation
    except ValueError:
        return rule


def _is_reveal(rule: str) -> bool:
    try:
        return parse_rule_id(rule)[0] is Rule.REVEAL
    except ValueError:
        return False


@dataclass(frozen=True)
class TurnFeedback:
    """Feedback on one trainee line."""

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


def verdict_of(turn: TurnFacts) -> Verdict:
    """Strong if it invoked the PEA without costing openness, weak if NEA or it cost openness."""
    dropped = (
        turn.openness_before is not None
        and turn.openness_after is not None
        and turn.openness_after < turn.openness_before
    )
    if turn.move.attractor is Attractor.NEA or dropped:
        return "weak"
    return "strong" if turn.move.attractor is Attractor.PEA else "fine"


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


def rule_of(turn: TurnFacts) -> str:
    """The rule that decided the turn, in words."""
    if turn.rules:
        return explain_rule(turn.rules[-1] if _is_reveal(turn.rules[-1]) else turn.rules[0])
    if turn.move.attractor is Attractor.NEA:
        return "NEA move: " + (
            "advice without permission" if turn.move.form is Form.ADVICE else turn.move.form.value
        )
    if turn.move.attractor is Attractor.PEA:
        return Rule.PEA_LIFT.explanation
    return "neutral move: no effect on openness"


def per_turn_feedback(facts: ConversationFacts) -> tuple[TurnFeedback, ...]:
    """Feedback on every trainee line, with a better line for each weak one."""
    explored: set[Focus] = set()
    revealed: set[str] = set()
    last_nea = False
    feedback = []
    for index, turn in enumerate(facts.turns):
        verdict = verdict_of(turn)
        better = None
        if verdict == "weak":
            moment = ArcFacts(index, frozenset(explored), frozenset(revealed), turn.state_before, last_nea)
            better = next_step_on_arc(moment)
        feedback.append(
            TurnFeedback(
                n=turn.n,
                trainee=turn.trainee,
                form=turn.move.form.value,
                focus=turn.move.focus.value,
                attractor=turn.move.attractor.value,
                effect=effect_of(turn),
                rule=rule_of(turn),
                verdict=verdict,
                better=better,
                cues=turn.move.cues,
                openness_after=turn.openness_after,
            )
        )
        if turn.move.attractor is not Attractor.NEA:
            explored.add(turn.move.focus)
        revealed.update(facts.kind_of(item) for item in turn.reveals)
        last_nea = turn.move.attractor is Attractor.NEA
    return tuple(feedback)
