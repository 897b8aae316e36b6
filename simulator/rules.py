"""The registry of the coachee's rules: every id a turn's `rules` list may hold, and what each means.

A rule is one of the dynamics of COACHING-MODEL.md §4 that decided how a trainee move moved
the coachee. The engine records the ids of the rules that fired on each turn, the transcript
stores them, and the scorer explains them to the trainee in the words kept here.

Most ids are a `Rule` value as it stands (`pea.lift`, `drift`, `gate.open`, `repeat`). Four
rules carry a detail after a dot, naming what fired them: `shutdown.<kind>` (the kind of NEA
move the persona shuts down on), `hot_button.<id>` (the hot button hit), `reveal.<id>` (the
story item told) and `end.<why>` (the coachee ended the meeting: `end.defensive` after a run
of turns left defensive, `end.hot_button` on a hot button that ends it). `rule_id` writes an id and `parse_rule_id` reads one back. The values are
the exact strings transcripts hold, so they never change casually.
"""

from __future__ import annotations

from enum import StrEnum

from simulator.vocabulary import State


class Rule(StrEnum):
    """One of the coachee's rules; a rule that `takes_detail` is only the prefix of its ids."""

    PEA_LIFT = "pea.lift"
    PEA_HABITUATION = "pea.habituation"
    PEA_UNHEARD = "pea.unheard"
    PEA_VISION_BOOST = "pea.vision_boost"
    PEA_REPAIR = "pea.repair"
    REPAIR_OWNED = "repair.owned"
    RECOVERY_SLOW = "recovery.slow"
    NEA_DROP = "nea.drop"
    NEA_GOODWILL = "nea.goodwill"
    DEFICIT_BEFORE_VISION = "deficit.before_vision"
    DEFICIT_BALANCE_SHEET = "deficit.balance_sheet"
    DRIFT = "drift"
    GATE_OPEN = "gate.open"
    GATE_ENERGISED = "gate.energised"
    SHUTDOWN = "shutdown"
    HOT_BUTTON = "hot_button"
    REVEAL = "reveal"
    REPEAT = "repeat"
    FORMULA = "formula"
    FLATTERY = "flattery"
    PARROT = "parrot"
    MARKING_NOTE = "marking_note"
    BARRAGE = "barrage"
    UNCLEAR = "unclear"
    REFLECTION_MISSED = "reflection.missed"
    REFLECTION_STOCK = "reflection.stock"
    END = "end"

    @property
    def explanation(self) -> str:
        """The rule in plain words, as the per-turn feedback gives it."""
        return EXPLANATIONS[self]

    @property
    def takes_detail(self) -> bool:
        """Whether the rule's ids carry a detail after a dot (`hot_button.audit`)."""
        return self in WITH_DETAIL


EXPLANATIONS: dict[Rule, str] = {
    Rule.PEA_LIFT: "a PEA move lifts openness",
    Rule.PEA_HABITUATION: "the same kind of move again lifts less each time",
    Rule.PEA_UNHEARD: "question after question, none taking up what the coachee answered, lifts less each time: interviewed, not heard",
    Rule.PEA_VISION_BOOST: "vision and values talk lifts most once the coachee is neutral",
    Rule.PEA_REPAIR: "autonomy and empathy repair a closed coachee",
    Rule.REPAIR_OWNED: "owning the bad start you made repairs, as autonomy and empathy do",
    Rule.RECOVERY_SLOW: "recovery from defensive is slow",
    Rule.NEA_DROP: "an NEA move pulls openness down, harder than a PEA move lifts it",
    Rule.NEA_GOODWILL: "after a run of PEA moves, the goodwill built up softens the first NEA move",
    Rule.DEFICIT_BEFORE_VISION: "a deficit probe before a vision exists feels like a charge sheet",
    Rule.DEFICIT_BALANCE_SHEET: "after the vision, looking at the present is the balance sheet",
    Rule.DRIFT: "several turns without a PEA move let openness drift down",
    Rule.GATE_OPEN: "the coachee opens up only once their vision or values are explored",
    Rule.GATE_ENERGISED: "the coachee is energised only once they have told their vision",
    Rule.SHUTDOWN: "this persona shuts down on that kind of move",
    Rule.HOT_BUTTON: "that word hits a nerve for this coachee",
    Rule.REVEAL: "open enough and asked the right question, the coachee told their story",
    Rule.REPEAT: "the coachee had heard that line before: said again, it earns nothing",
    Rule.FORMULA: "the line opened as the trainee's last lines did, or refilled one of their frames: a frame said over and over moves nothing",
    Rule.FLATTERY: "the line heaped praise on the coachee as the trainee's last lines did: flattery moves nothing",
    Rule.PARROT: "the line quoted the coachee's own words back, as the trainee's last lines did: parroting moves nothing",
    Rule.MARKING_NOTE: "the line carried a note for whoever marks it (a technique's label, a template's blank, a stage ticked off): nobody says that to a coachee, and it moves nothing",
    Rule.BARRAGE: "the line stacked three questions or more, as the trainee's last lines did: a barrage of questions moves nothing",
    Rule.UNCLEAR: "it could not be told how the line was meant, so it counted neither way",
    Rule.REFLECTION_MISSED: "the reflection named the opposite of what the coachee had said, so it did not land",
    Rule.REFLECTION_STOCK: "the reflection carried nothing the coachee had said: a stock line moves nothing",
    Rule.END: "the coachee ended the meeting: left defensive for too long, or hit where it hurts most",
}
"""Every rule's explanation, next to the rules themselves."""

WITH_DETAIL = frozenset({Rule.SHUTDOWN, Rule.HOT_BUTTON, Rule.REVEAL, Rule.END})
"""The rules whose ids name what fired them: the NEA kind, the hot button, the story item, why it ended."""

END_DEFENSIVE = "defensive"
"""The detail of `end.defensive`: the coachee, defensive, was pushed with `leaves_after` sure NEA moves in a row."""

END_HOT_BUTTON = "hot_button"
"""The detail of `end.hot_button`: a hot button marked `ends` was hit."""

GATES: dict[State, Rule] = {State.OPEN: Rule.GATE_OPEN, State.ENERGISED: Rule.GATE_ENERGISED}
"""The gate rule that holds a rise into each gated state."""


def rule_id(rule: Rule, detail: str | None = None) -> str:
    """The id a turn records for `rule`: its value, then `.detail` for a rule that takes one."""
    if rule.takes_detail != (detail is not None) or detail == "":
        need = "needs a detail" if rule.takes_detail else "takes no detail"
        raise ValueError(f"rule {rule.value!r} {need}, got {detail!r}")
    return rule.value if detail is None else f"{rule.value}.{detail}"


def parse_rule_id(text: str) -> tuple[Rule, str | None]:
    """The rule and detail of a recorded id (`'hot_button.audit'` -> HOT_BUTTON, 'audit'); ValueError if none."""
    rule = _BY_VALUE.get(text)
    if rule is not None and not rule.takes_detail:
        return rule, None
    prefix, _, detail = text.partition(".")
    rule = _BY_VALUE.get(prefix)
    if rule is not None and rule.takes_detail and detail:
        return rule, detail
    raise ValueError(f"not a rule id: {text!r}")


def rule_named(text: str) -> Rule | None:
    """The rule a recorded id names (`parse_rule_id`), or None for text that names no rule."""
    try:
        return parse_rule_id(text)[0]
    except ValueError:
        return None


_BY_VALUE: dict[str, Rule] = {rule.value: rule for rule in Rule}
