"""The measures of what the conversation did for the coachee (COACHING-MODEL.md §5.1 and §5.2).

Where the coachee went (trajectory), what they chose to tell (story, drawn out by lines that
earned it), whose goal and step it was (Gessnitzer & Kauffeld 2015: coachee-initiated goals
predict success, coach-initiated ones the opposite), the scenario's goals, and, with two real
people, the coachee's own change talk.
"""

from __future__ import annotations

from itertools import pairwise

from scoring.evidence import HALF_A_LINE, Evidence
from scoring.marks import FAIR_SCORE, Measure, Rating, judged, measure, not_applicable, rate, rising, tally
from simulator.scenario.rubric import Rubric
from simulator.vocabulary import Focus, Form, MeasureKey, State

NO_COACHEE = "no simulated coachee"


def coachee_trajectory(evidence: Evidence, rubric: Rubric) -> Measure:
    """Where the simulated coachee went: final and peak state, shutdowns, turns to open."""
    facts = evidence.facts
    key, label = MeasureKey.COACHEE_TRAJECTORY, "Coachee trajectory"
    marks = ("ends neutral or above", "reaches open, ends open or energised, never defensive")
    if not facts.simulated or facts.starting_state is None:
        return not_applicable(key, label, *marks, NO_COACHEE)
    states = [facts.starting_state, *(turn.state_after or facts.starting_state for turn in facts.turns)]
    final, peak = states[-1], max(states, key=lambda state: state.rank)
    shutdowns = sum(
        1 for before, after in pairwise(states) if after is State.DEFENSIVE and before is not State.DEFENSIVE
    )
    never_defensive = State.DEFENSIVE not in states[1:]
    reached_open = peak.rank >= State.OPEN.rank
    if final.rank >= State.NEUTRAL.rank:
        climb = min((final.rank - State.NEUTRAL.rank) / (State.OPEN.rank - State.NEUTRAL.rank), 1.0)
        score = FAIR_SCORE + (1 - FAIR_SCORE) * (0.4 * climb + 0.3 * reached_open + 0.3 * never_defensive)
    else:
        score = FAIR_SCORE * (
            0.6 * final.rank / State.NEUTRAL.rank + 0.2 * peak.rank / State.OPEN.rank + 0.2 * never_defensive
        )
        score = min(score, FAIR_SCORE - 0.01)
    credited = credited_share(evidence)
    score *= UNEARNED_FLOOR + (1 - UNEARNED_FLOOR) * credited
    opened = next((i for i, state in enumerate(states) if state.rank >= State.OPEN.rank), None)
    seen = f"ended {final.value}, peaked {peak.value}" + (
        f", open after {opened} turn(s)" if opened else ", never open"
    )
    if shutdowns:
        seen += f", shut down {shutdowns} time(s)"
    if credited < 1:
        seen += f"; {1 - credited:.0%} of the rise came from lines that earned nothing, not credited"
    verdicts = {
        Rating.GOOD: "the coachee opened up and stayed open",
        Rating.FAIR: "the coachee stayed with you" if never_defensive else "the coachee came back",
        Rating.POOR: "the coachee closed",
    }
    return measure(
        key, label, float(final.rank), final.value, marks, score, judged(seen, rate(score), verdicts)
    )


UNEARNED_FLOOR = 0.3
"""The share of the trajectory's score kept when every rise in openness came from lines that earned nothing."""


def credited_share(evidence: Evidence) -> float:
    """The share of the coachee's rises in openness that lines earning what followed them
    (`TurnEvidence.earns_what_followed`), or owning the bad start the trainee made, brought about
    (1 with no rise)."""
    total = credited = 0.0
    for fact, turn in zip(evidence.facts.turns, evidence.turns, strict=True):
        if fact.openness_before is None or fact.openness_after is None:
            continue
        gain = fact.openness_after - fact.openness_before
        if gain > 0:
            total += gain
            credited += gain if turn.earns_what_followed or fact.owns_the_bad_start else 0.0
    return credited / total if total else 1.0


def story_revealed(evidence: Evidence, rubric: Rubric) -> Measure:
    """How much of their story the simulated coachee told, drawn out by lines that earned it."""
    key, label = MeasureKey.STORY_REVEALED, "Story revealed"
    marks = ("vision", "vision, values and a next step")
    if not evidence.facts.simulated:
        return not_applicable(key, label, *marks, NO_COACHEE)
    kinds = set(evidence.reveals(credited=True))
    unearned = set(evidence.reveals(credited=False)) - kinds
    score = 0.6 * ("vision" in kinds) + 0.2 * ("values" in kinds) + 0.2 * ("next_step" in kinds)
    told = _kinds_in_words(kinds) or "nothing"
    seen = f"the coachee told you: {told}"
    if unearned:
        seen += f" (drawn out by lines that earned nothing, not credited: {_kinds_in_words(unearned)})"
    verdicts = {
        Rating.GOOD: "their vision, what matters and a step of their own",
        Rating.FAIR: "the vision, not yet the whole story",
        Rating.POOR: "the vision stayed untold",
    }
    return measure(key, label, score, told, marks, score, judged(seen, rate(score), verdicts))


def _kinds_in_words(kinds: set[str]) -> str:
    # Story kinds are identifiers ("next_step"); a trainee reads them as words.
    return ", ".join(kind.replace("_", " ") for kind in sorted(kinds))


def external_proposals(evidence: Evidence) -> tuple[bool, bool]:
    """With two real people: did the coachee voice change of their own when drawn out (a goal), and about a plan (a step)?"""
    goal = step = False
    for fact, turn in zip(evidence.facts.turns, evidence.turns, strict=True):
        if "change" in fact.coachee_talk and (turn.eliciting or turn.reflects or turn.autonomy):
            goal = True
            step = step or turn.move.focus is Focus.PLAN or turn.move.form is Form.AUTONOMY
    return goal, step


def imposed_count(evidence: Evidence) -> float:
    """How many times the coach pressed their own answer: advice without permission, or a
    confrontation about the plan; each by how sure the reader was of it (`TurnEvidence.sureness`)."""
    return sum(
        turn.sureness
        for turn in evidence.turns
        if turn.counts
        and (
            turn.move.form is Form.ADVICE
            or (turn.move.form is Form.CONFRONT and turn.move.focus is Focus.PLAN)
        )
    )


def proposals(evidence: Evidence) -> tuple[bool, bool]:
    """Whether the coachee proposed a goal of their own, and a step: told when drawn out by a line
    that earned it (a simulated coachee's vision and next step), or voiced as change talk."""
    if evidence.facts.simulated:
        told = set(evidence.reveals(credited=True))
        return "vision" in told, "next_step" in told
    return external_proposals(evidence)


def goal_ownership(evidence: Evidence, rubric: Rubric) -> Measure:
    """Who proposed the goal and the step: the coachee's own count for the trainee, imposed ones against."""
    key, label = MeasureKey.GOAL_OWNERSHIP, "Goal and step ownership"
    marks = (
        "the coachee proposed a goal, nothing imposed",
        "the coachee proposed the goal and the step, nothing imposed",
    )
    goal, step = proposals(evidence)
    imposed = imposed_count(evidence)
    # Less than half a line's worth of half-sure advice is no solution pressed (`HALF_A_LINE`): it
    # costs nothing, or a coachee's own goal and step would read "partly theirs" for a misreading.
    pressed = imposed >= HALF_A_LINE
    score = max(0.3 + 0.35 * goal + 0.35 * step - (0.2 * imposed if pressed else 0.0), 0.0)
    if pressed:
        score = min(score, FAIR_SCORE - 0.01)
    owned = (
        "the coachee proposed their goal and their step" if goal and step
        else "the coachee proposed their goal" if goal
        else "the coachee proposed a step" if step
        else "the coachee proposed no goal or step of their own"
    )  # fmt: skip
    seen = owned + (f"; you proposed {tally(imposed)} solution(s) of your own" if pressed else "")
    verdicts = {
        Rating.GOOD: "theirs, so it is more likely to hold",
        Rating.FAIR: "partly theirs",
        Rating.POOR: "imposed goals predict the opposite of success"
        if pressed
        else "draw out their own goal and step",
    }
    shown = "coachee's" if goal or step else "none"
    if pressed:
        shown = "imposed" if not (goal or step) else "mixed"
    value = round(score, 3)
    return measure(key, label, value, shown, marks, score, judged(seen, rate(score), verdicts))


def goals_met(evidence: Evidence, rubric: Rubric) -> Measure:
    """The share of the scenario's own goals that the conversation met."""
    facts = evidence.facts
    key, label = MeasureKey.GOALS_MET, "Scenario goals"
    mark = rubric.goals_met
    marks = (f">= {mark.fair:.0%}", f">= {mark.good:.0%}")
    if not facts.simulated or not facts.goals:
        return not_applicable(key, label, *marks, "no scenario goals to check")
    missed = missed_goals(evidence)
    met = len(facts.goals) - len(missed)
    value = met / len(facts.goals)
    score = rising(value, mark)
    seen = f"{met} of {len(facts.goals)} goal(s) met" + (f"; missed: {missed[0]}" if missed else "")
    return measure(key, label, value, f"{met}/{len(facts.goals)}", marks, score, seen)


def missed_goals(evidence: Evidence) -> list[str]:
    """The scenario's goals the conversation did not meet, in the scenario's order: a story item
    told when drawn out by a line that earned it, or a state reached."""
    facts = evidence.facts
    revealed = {
        item
        for fact, turn in zip(facts.turns, evidence.turns, strict=True)
        for item in fact.reveals
        if turn.earns_what_followed  # told when drawn out by a line that earned it
    }
    reached = [turn.state_after.rank for turn in facts.turns if turn.state_after is not None]
    peak = max([facts.starting_state.rank if facts.starting_state else 0, *reached])
    met = [
        goal for goal in facts.goals
        if (goal.reveal is not None and goal.reveal in revealed) or (goal.reach is not None and peak >= goal.reach.rank)
    ]  # fmt: skip
    return [goal.text for goal in facts.goals if goal not in met]


def change_talk(evidence: Evidence, rubric: Rubric) -> Measure:
    """For two real people: how much of the coachee's talk was about changing rather than staying."""
    key, label = MeasureKey.CHANGE_TALK, "Coachee change talk"
    mark = rubric.change_talk
    marks = (f">= {mark.fair:.0%}", f">= {mark.good:.0%}")
    if evidence.facts.simulated:
        return not_applicable(key, label, *marks, "the simulated coachee's path is used instead")
    talk = [kind for turn in evidence.facts.turns for kind in turn.coachee_talk]
    change, sustain = talk.count("change"), talk.count("sustain")
    if not change + sustain:
        return not_applicable(key, label, *marks, "the coachee said nothing for or against change")
    value = change / (change + sustain)
    score = rising(value, mark)
    verdicts = {
        Rating.GOOD: "the coachee talked themselves toward change",
        Rating.FAIR: "the coachee leaned toward change",
        Rating.POOR: "the coachee argued for staying as they are",
    }
    seen = f"{change} change and {sustain} sustain statement(s) from the coachee"
    return measure(key, label, value, f"{value:.0%}", marks, score, judged(seen, rate(score), verdicts))
