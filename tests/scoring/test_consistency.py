"""The scorecard never contradicts itself: properties over generated conversations, practice and external."""

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.advice import ARC_LABEL, ONE_OFF, Behaviour, candidates, did
from scoring.cohort import Outcome, grade_practice
from scoring.evidence import Evidence, evidence_of
from scoring.external import Utterance, facts_from_utterances
from scoring.facts import facts_from_practice
from scoring.marks import Rating, rate
from scoring.measures import all_measures
from scoring.scorecard import Scorecard, band_of, score_facts, went_well_of
from simulator.arc import is_rewording, mirror
from simulator.reading.reflection import reflection_fit
from simulator.scenario import catalogue
from simulator.scenario.rubric import DEFAULT_RUBRIC
from simulator.trainer.rehearsal import on_a_typical_day, play, score_session
from simulator.vocabulary import MeasureKey
from tests.strategies import external_conversations, practice_conversations

NURSE = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario
PRAISE = re.compile(
    r"clearly led|held back the righting|opened up and stayed|accurate understanding|deep understanding|whole story|theirs, so it is more likely|power was shared|decided where it went"
)
CRITICISM = re.compile(
    r"more NEA than|too few|too much|never explored|closed\b|stayed untold|reflect back more|imposed goals|expert role|superficial|sporadic|no sign of"
)
HEDGED = re.compile(
    r"not yet clearly|about as many reflections|some added meaning|now and then|a little of the righting|not yet the whole story|partly theirs|leaned toward change"
)
"""The verdicts of a fair rating: a measure rated good never words its reason with one."""
REFLECTING_MOVES = ("empathic reflection", "reflect the feeling", "reflect and deepen")


def practice_card(lines: list[str], seed: int) -> Scorecard:
    return score_session(play(NURSE, lines, seed))


def typical_evidence(lines: list[str]) -> Evidence:
    """The scorecard's evidence for the lines said to Grace, as the card scores them (her typical day)."""
    return evidence_of(facts_from_practice(NURSE, on_a_typical_day(play(NURSE, lines)).turns))


def external_card(pairs: list[tuple[str, str]]) -> Scorecard:
    utterances = [
        Utterance("coach" if who == "coach" else "coachee", text, i) for i, (who, text) in enumerate(pairs, 1)
    ]
    return score_facts(facts_from_utterances(utterances, "generated"))


def strings(value: object) -> list[str]:
    """Every string inside JSON-ready data."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


def check_self_consistency(card: Scorecard) -> None:
    for item in card.went_well:
        named = [measure for measure in card.measures if item.startswith(f"{measure.label}: ")]
        assert named and named[0].rating in (Rating.GOOD, Rating.FAIR), item
    for item in card.try_next:  # a tip is shown under a measure that was not good, or under the arc
        named = [measure for measure in card.measures if item.startswith(f"{measure.label}: ")]
        assert item.startswith(f"{ARC_LABEL}: ") or (named and named[0].rating is not Rating.GOOD), item
    for measure in card.measures:
        if measure.score is None:
            assert measure.rating is Rating.NOT_APPLICABLE
            continue
        assert measure.rating is rate(measure.score), measure
        if measure.rating is Rating.POOR:
            assert not PRAISE.search(measure.reason), measure
        if measure.rating is Rating.GOOD:
            assert not CRITICISM.search(measure.reason) and not HEDGED.search(measure.reason), measure
    json.dumps(card.as_dict(), allow_nan=False)  # every number finite: no "inf", no NaN
    # The number and the band agree: a card held out of compassion-led never shows a compassion-led score.
    assert card.band is band_of(card.overall, DEFAULT_RUBRIC), (card.overall, card.band)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(practice_conversations, st.integers(0, 20))
def test_a_practice_scorecard_agrees_with_itself(lines: list[str], seed: int) -> None:
    check_self_consistency(practice_card(lines, seed))


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(external_conversations())
def test_an_external_scorecard_agrees_with_itself(pairs: list[tuple[str, str]]) -> None:
    check_self_consistency(external_card(pairs))


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(external_conversations())
def test_with_no_simulated_coachee_no_line_claims_an_effect_on_openness(pairs: list[tuple[str, str]]) -> None:
    data = external_card(pairs).as_dict()
    data["measures"] = [
        measure for measure in data["measures"] if measure["rating"] != "n/a"
    ]  # marks of what does not apply
    for text in strings(data):
        assert not re.search(r"openness|opened up|\blifts?\b|lowered|\bopen\b", text), text


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(practice_conversations, st.integers(0, 20))
def test_try_next_time_never_asks_for_what_the_conversation_already_did(lines: list[str], seed: int) -> None:
    session = play(NURSE, lines, seed)
    card = score_session(session)
    scored = on_a_typical_day(session)  # the conversation the card is scored on
    evidence = evidence_of(facts_from_practice(NURSE, scored.turns))
    asked = " ".join(card.try_next)
    for behaviour in ONE_OFF:
        if did(evidence, behaviour):
            # The oracle: the words each one-off tip would use never appear once it is done.
            phrase = {
                Behaviour.START_WITH_VISION: "Start from the desired future",
                Behaviour.AFFIRM: "Affirm a specific strength",
                Behaviour.STRESS_AUTONOMY: "Say out loud that the choice is theirs",
                Behaviour.REFLECT: "Reflect back what you heard",
                Behaviour.ASK_STEP: "which small step they would like to try first",
                Behaviour.GO_PAST_VISION: "Go on from their vision",
            }.get(behaviour)
            assert phrase is None or phrase not in asked, (behaviour, asked)


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(practice_conversations, st.integers(0, 20))
def test_better_lines_are_never_repeated_nor_the_trainees_own(lines: list[str], seed: int) -> None:
    card = practice_card(lines, seed)
    offered = [turn.better.example for turn in card.turns if turn.better is not None and turn.better.example]
    assert len(offered) == len(set(offered))
    said = [
        turn.trainee for turn in card.turns
    ]  # the coachee may have ended the meeting before the last lines
    for turn in card.turns:
        if turn.better is None or not turn.better.example:
            continue
        # Words handed back from the coachee's line are a reflection, not the trainee's own line reworded.
        example = turn.better.example
        assert example not in said and not is_rewording(example, said, turn.answered), example


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(practice_conversations, st.integers(0, 20))
def test_a_better_reflection_reflects_what_the_coachee_had_just_said(lines: list[str], seed: int) -> None:
    for turn in practice_card(lines, seed).turns:
        better = turn.better
        if better is None or not better.example or better.move not in REFLECTING_MOVES:
            continue
        if mirror(turn.answered) and mirror(turn.answered).lower() in better.example.lower():
            assert reflection_fit(better.example, [turn.answered]).echo.reflects, (
                turn.answered,
                better.example,
            )


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(practice_conversations, st.integers(0, 20), st.floats(0, 100))
def test_an_incomplete_conversation_never_passes(lines: list[str], seed: int, pass_mark: float) -> None:
    graded = grade_practice("Ann", NURSE, play(NURSE, lines, seed).turns, pass_mark)
    if not graded.card.complete:
        assert graded.outcome is Outcome.INCOMPLETE and not graded.passed
    if len(lines) < NURSE.rubric.min_turns:
        assert graded.outcome is Outcome.INCOMPLETE


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(practice_conversations, st.integers(0, 20), st.data())
def test_repeating_a_line_already_said_never_earns_credit(
    lines: list[str], seed: int, data: st.DataObject
) -> None:
    if not lines:
        return
    again = data.draw(st.sampled_from(lines))
    turns = play(NURSE, [*lines, again], seed).turns
    if len(turns) <= len(lines):
        return  # the coachee ended the meeting before the line was said
    last = evidence_of(facts_from_practice(NURSE, turns)).turns[-1]
    assert last.unclear or not last.earns


@pytest.mark.parametrize(
    ("opening", "heard"),
    [
        ("Your notes are late again and it's not good enough, Grace.", "a confrontation"),
        ("You need to chart as you go from now on.", "advice"),
    ],
)
def test_the_tip_to_start_from_the_future_names_the_line_that_came_first(opening: str, heard: str) -> None:
    lines = [opening, "What would a really good year look like for you?"]
    evidence = typical_evidence(lines)
    [tip] = [
        text
        for behaviour, text in candidates(MeasureKey.ICT_ORDER, evidence)
        if behaviour is Behaviour.START_WITH_VISION
    ]
    assert f'(turn 1, "{" ".join(opening.split()[:9])}' in tip and f"was heard as {heard}" in tip


def test_the_tip_to_start_from_the_future_names_nothing_when_the_future_came_first() -> None:
    lines = [
        "What would a really good year look like for you?",
        "Your notes are late again and it's not good enough.",
    ]
    evidence = typical_evidence(lines)
    [tip] = [
        text
        for behaviour, text in candidates(MeasureKey.ICT_ORDER, evidence)
        if behaviour is Behaviour.START_WITH_VISION
    ]
    assert "turn" not in tip


def test_the_tip_to_repair_names_the_line_after_which_the_coachee_closed() -> None:
    lines = [
        "What would a really good year look like for you?",
        "Your notes are late again and it's not good enough.",
        "You need to chart as you go from now on.",
    ]
    session = on_a_typical_day(play(NURSE, lines))
    closed = next(turn for turn in session.turns if turn.state_after.rank == 0)
    assert closed.n == 2
    evidence = evidence_of(facts_from_practice(NURSE, session.turns))
    [tip] = [
        text
        for behaviour, text in candidates(MeasureKey.COACHEE_TRAJECTORY, evidence)
        if behaviour is Behaviour.REPAIR
    ]
    assert 'closed after turn 2 ("Your notes are late again' in tip


def test_the_tips_on_stock_reflections_and_imposed_solutions_point_at_the_first_of_each() -> None:
    lines = [
        "Hi Grace, thanks for coming.",
        "That sounds really hard.",
        "What matters most to you?",
        "That sounds really hard.",
        "You should make a checklist and stick to it.",
    ]
    evidence = typical_evidence(lines)
    empathy = dict(candidates(MeasureKey.EMPATHY, evidence))[Behaviour.TAKE_UP_WORDS]
    assert 'such as turn 2 ("That sounds really hard.")' in empathy
    ownership = dict(candidates(MeasureKey.GOAL_OWNERSHIP, evidence))[Behaviour.HOLD_BACK]
    assert 'first at turn 5 ("You should make a checklist and stick to it.")' in ownership


def test_the_tip_to_reflect_more_names_the_longest_run_of_questions() -> None:
    lines = [
        "Hi Grace, thanks for coming.",
        "How was your shift?",
        "What matters most to you?",
        "What would a good year look like?",
        "What's getting in the way?",
        "It sounds like you're exhausted.",
        "What would help?",
    ]
    evidence = typical_evidence(lines)
    tip = dict(candidates(MeasureKey.REFLECTIONS_TO_QUESTIONS, evidence))[Behaviour.REFLECT_MORE]
    assert tip.endswith("and turns 2 to 5 were 4 questions in a row.")


def test_a_good_goal_ownership_is_worded_as_good_though_its_sum_falls_a_hair_short() -> None:
    lines = [
        "Hi Grace, thanks for making the time. How are you doing?",
        "That sounds exhausting, honestly.",
        "What do you love most about nursing?",
        "You clearly care a lot about your patients.",
        "Where would you like to be in a couple of years?",
        "So teaching the students really matters to you.",
        "What's getting in the way of that right now?",
        "What could be a first step?",
        "Great, let's do that. Thanks Grace.",
    ]
    card = practice_card(lines, 4)
    [owned] = [measure for measure in card.measures if measure.key is MeasureKey.GOAL_OWNERSHIP]
    assert owned.rating is Rating.GOOD and owned.reason.endswith("theirs, so it is more likely to hold")
    assert rate(0.3 + 0.35 + 0.35) is Rating.GOOD
    check_self_consistency(card)


def test_what_went_well_shows_a_line_of_the_trainees_for_each_kind_of_line_it_praises() -> None:
    lines = [
        "Thanks for coming in, Grace. How are you doing?",
        "What matters most to you in nursing?",
        "It sounds like nobody on your bay feeling alone is what drives you.",
        "If things went really well a year from now, what would you be doing?",
        "You light up when you talk about teaching.",
        "It's your call what we look at next.",
    ]
    evidence = typical_evidence(lines)
    about_lines = (MeasureKey.ICT_ORDER, MeasureKey.EMPATHY, MeasureKey.MI_ADHERENT)
    measures = tuple(m for m in all_measures(evidence, DEFAULT_RUBRIC) if m.key in about_lines)
    assert all(m.rating is not Rating.POOR for m in measures)
    went_well = went_well_of(measures, evidence)
    examples = [re.search(r'; for example turn (\d+), "(.*)"$', item) for item in went_well]
    assert all(examples)
    turns = [int(found.group(1)) for found in examples if found]
    assert len(turns) == len(set(turns))  # a different line for each
    for found in filter(None, examples):
        assert lines[int(found.group(1)) - 1].startswith(found.group(2).removesuffix("…"))
