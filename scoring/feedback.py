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
from simulator.vocabulary import Attractor, Focus

Verdict = Literal["strong", "fine", "weak"]

RULE_TEXT = {
    "pea.lift": "a PEA move lifts openness",
    "pea.habituation": "the same kind of move again lifts less each time",
    "pea.vision_boost": "vision and values talk lifts most once the coachee is neutral",
    "pea.repair": "autonomy and empathy repair a closed coachee",
    "recovery.slow": "recovery from defensive is slow",
    "nea.drop": "an NEA move pulls openness down, harder than a PEA move lifts it",
    "deficit.before_vision": "a deficit probe before a vision exists feels like a charge sheet",
    "deficit.balance_sheet": "after the vision, looking at the present is the balance sheet",
    "drift": "several turns without a PEA move let openness drift down",
    "gate.open": "the coachee opens up only once their vision or values are explored",
    "gate.energised": "the coachee is energised only once they have told their vision",
    "shutdown": "this persona shuts down on that kind of move",
    "hot_button": "that word hits a nerve for this coachee",
    "reveal": "open enough and asked the right question, the coachee told their story",
}


def explain_rule(rule: str) -> str:
    """A sentence for a rule id such as 'hot_button.audit' or 'pea.lift'."""
    if rule in RULE_TEXT:
        return RULE_TEXT[rule]
    family = rule.split(".", 1)[0]
    return RULE_TEXT.get(family, rule)


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
        return explain_rule(turn.rules[-1] if turn.rules[-1].startswith("reveal.") else turn.rules[0])
    if turn.move.attractor is Attractor.NEA:
        return "NEA move: " + (
            "advice without permission" if turn.move.form.value == "advice" else turn.move.form.value
        )
    if turn.move.attractor is Attractor.PEA:
        return RULE_TEXT["pea.lift"]
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
