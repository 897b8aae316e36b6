"""Cohort grading: one graded conversation per trainee, averages, the weakest measure, regrade diffs."""

from scoring.cohort import regrade_changes, summarise
from simulator.rounds.grading import grade_session
from simulator.scenario import catalogue
from simulator.scenario.rubric import Rubric, Threshold
from simulator.trainer.rehearsal import play

NURSE = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario
WARM = [
    "Thanks for coming in. What would make this conversation useful for you?",
    "It sounds like the last couple of months have been exhausting.",
    "What are you proudest of in the way you nurse?",
    "You calm people down when they're most frightened. That's a real gift.",
    "What matters most to you about being a nurse?",
    "If work were going really well two years from now, what would you be doing?",
    "Against that picture, what's already in place, and what's missing?",
    "Which small step would you most like to try first?",
]
COLD = ["Did you finish the charting?", "You need to get the notes done by the end of the shift."]


def test_a_warm_conversation_grades_above_a_cold_one_and_passes() -> None:
    warm = grade_session("Ann", play(NURSE, WARM, seed=1), pass_mark=50)
    cold = grade_session("Bob", play(NURSE, COLD, seed=1), pass_mark=50)
    assert warm.overall > cold.overall and warm.passed and not cold.passed
    assert warm.turns == 8 and warm.pea > warm.nea and cold.nea >= 1
    assert warm.outcome == "pass" and cold.outcome == "incomplete"
    assert warm.pea_to_nea == f"{warm.pea}:{warm.nea}"


def test_falling_into_defensive_counts_as_a_shutdown() -> None:
    graded = grade_session("Bob", play(NURSE, [*COLD, "Honestly, just do the audit properly."], seed=1), 50)
    assert graded.shutdowns >= 1 and not graded.reached_open


def test_averages_skip_measures_that_do_not_apply_and_name_the_weakest() -> None:
    graded = [
        grade_session("Ann", play(NURSE, WARM, seed=1), 50),
        grade_session("Bob", play(NURSE, COLD, seed=1), 50),
    ]
    summary = summarise(graded)
    keys = {average.key for average in summary.averages}
    assert "change_talk" not in keys  # external-only: never counted as zero for simulated conversations
    assert (summary.conversations, summary.trainees, summary.passed) == (2, 2, 1)
    assert summary.weakest is not None
    assert summary.weakest.mean_score == min(average.mean_score for average in summary.averages)
    assert summary.mean_overall == round((graded[0].overall + graded[1].overall) / 2, 1)


def test_an_empty_cohort_summarises_to_nothing() -> None:
    summary = summarise([])
    assert summary.conversations == 0 and summary.weakest is None


def test_a_more_lenient_rubric_shows_what_moved_trainee_by_trainee() -> None:
    sessions = [("Ann", play(NURSE, WARM, seed=1)), ("Bob", play(NURSE, [*WARM[4:6], *COLD], seed=1))]
    lenient = Rubric(pea_nea_ratio=Threshold(fair=0.1, good=0.2))
    before = [grade_session(name, session, 50) for name, session in sessions]
    after = [grade_session(name, session, 50, lenient) for name, session in sessions]
    changes = regrade_changes(before, after)
    assert [change.trainee for change in changes] == ["Ann", "Bob"]
    bob = changes[1]
    assert bob.is_changed and bob.overall_delta > 0
    assert any(label == "PEA : NEA" for label, _, _ in bob.rating_changes)


def test_the_same_rubric_changes_nothing() -> None:
    session = play(NURSE, WARM, seed=1)
    changes = regrade_changes([grade_session("Ann", session, 50)], [grade_session("Ann", session, 50)])
    assert not changes[0].is_changed


def test_a_short_conversation_is_incomplete_and_never_passes_however_it_scores() -> None:
    short = grade_session("Ann", play(NURSE, WARM[:3], seed=1), pass_mark=0)
    assert short.outcome == "incomplete" and not short.passed
    assert "a whole conversation takes at least 8" in short.card.completeness.reason


def test_a_round_may_set_its_own_minimum_of_turns() -> None:
    graded = grade_session("Ann", play(NURSE, WARM[:3], seed=1), pass_mark=0, min_turns=2)
    assert graded.card.complete or "real self or a plan" in graded.card.completeness.reason


def test_a_tally_counts_outcomes_and_bins_each_overall_score_once() -> None:
    from dataclasses import replace

    from scoring.cohort import SCORE_BINS, CohortTally, Outcome

    warm = grade_session("Ann", play(NURSE, WARM, seed=1), 50)
    cold = grade_session("Bob", play(NURSE, COLD, seed=1), 50)
    tally = CohortTally()
    for graded, overall in ((warm, 100.0), (warm, 99.9), (cold, 0.0), (cold, 45.0)):
        tally.add(replace(graded, card=replace(graded.card, overall=overall)))
    assert tally.score_bins == [1, 0, 0, 0, 1, 0, 0, 0, 0, 2] and len(tally.score_bins) == SCORE_BINS
    assert tally.outcomes == {Outcome.PASS: 2, Outcome.FAIL: 0, Outcome.INCOMPLETE: 2}
    assert tally.summary().trainees == 2 and tally.summary().conversations == 4


def test_a_grade_without_per_turn_feedback_is_the_same_grade() -> None:
    from dataclasses import replace

    from scoring.cohort import grade_practice

    session = play(NURSE, [*WARM, *COLD], seed=4)
    full = grade_practice("Ann", NURSE, session.turns, 50)
    quick = grade_practice("Ann", NURSE, session.turns, 50, per_turn=False)
    assert full.card.turns and quick.card.turns == ()
    assert quick == replace(full, card=replace(full.card, turns=()))
