"""xAPI statements: valid under the specification, pseudonymous, stable, and holding back what they should."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.cohort import grade_practice
from simulator.rounds.pseudonyms import pseudonym
from simulator.rounds.xapi import (
    ExportedConversation,
    Extension,
    Verb,
    XapiOptions,
    conversation_statements,
    duration,
    round_statements,
)
from simulator.scenario import catalogue
from simulator.trainer.rehearsal import play
from tests.strategies import COMPASSION_LINES, COMPLIANCE_LINES, coaching_lines, trainee_names
from tests.xapi_spec import statement_problems

NURSE = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario
SECRET = "0" * 64
STARTED = "2026-03-02T09:00:00+00:00"
ENDED = "2026-03-02T09:12:34+00:00"


def exported(
    lines: list[str],
    trainee: str = "Ann Lee",
    *,
    ended: str | None = ENDED,
    held: bool = False,
    times: tuple[str, ...] | None = None,
    started: str = STARTED,
) -> ExportedConversation:
    session = play(NURSE, lines, seed=4)
    return ExportedConversation(
        round_id="spring-1",
        round_title="Spring <round>",
        scenario_id=NURSE.id,
        scenario_title=NURSE.title,
        account=pseudonym(SECRET, trainee),
        started_at=started,
        ended_at=ended,
        turns=tuple(session.turns),
        turn_times=times
        or tuple(f"2026-03-02T09:{n:02d}:00+00:00" for n in range(1, len(session.turns) + 1)),
        graded=grade_practice(trainee, NURSE, session.turns, 60.0),
        pass_mark=60.0,
        grade_held=held,
    )


def verbs(statements: list[dict[str, Any]]) -> list[str]:
    return [statement["verb"]["id"] for statement in statements]


@pytest.mark.slow
@given(coaching_lines, trainee_names, st.booleans(), st.booleans())
def test_every_statement_meets_the_specification(
    lines: list[str], trainee: str, include_lines: bool, finished: bool
) -> None:
    conversation = exported(lines, trainee, ended=ENDED if finished else None)
    for statement in conversation_statements(conversation, XapiOptions(include_lines=include_lines)):
        assert statement_problems(statement) == []


@pytest.mark.slow
@given(coaching_lines, trainee_names)
def test_no_statement_carries_the_trainee_s_name_or_words_unless_asked(lines: list[str], name: str) -> None:
    trainee = f"{name} Wyxbourne"  # long enough that finding it anywhere in the JSON means it leaked
    statements = conversation_statements(exported(lines, trainee), XapiOptions())
    text = json.dumps(statements, ensure_ascii=False)
    assert trainee not in text
    assert not any(line in text for line in lines)
    assert {statement["actor"]["account"]["name"] for statement in statements} == {pseudonym(SECRET, trainee)}


def test_the_trainee_s_words_go_out_as_the_response_only_with_include_lines() -> None:
    lines = COMPASSION_LINES[:3]
    with_lines = conversation_statements(exported(lines), XapiOptions(include_lines=True))
    responses = [s["result"]["response"] for s in with_lines if s["verb"]["id"] == Verb.RESPONDED]
    assert responses == lines


def test_one_responded_per_turn_then_completed_and_the_verdict() -> None:
    conversation = exported(COMPASSION_LINES[:5])
    statements = conversation_statements(conversation, XapiOptions())
    verdict = Verb.PASSED if conversation.graded.passed else Verb.FAILED
    assert verbs(statements) == [Verb.RESPONDED] * 5 + [Verb.COMPLETED, verdict]
    assert [problem for statement in statements for problem in statement_problems(statement)] == []
    assert [s["object"]["id"].rsplit("/", 1)[1] for s in statements[:5]] == ["1", "2", "3", "4", "5"]


def test_a_cold_conversation_fails_and_a_warm_one_passes_with_its_score() -> None:
    warm = conversation_statements(exported(COMPASSION_LINES), XapiOptions())
    cold = conversation_statements(exported(COMPLIANCE_LINES[:4]), XapiOptions())
    assert verbs(warm)[-1] == Verb.PASSED and verbs(cold)[-1] == Verb.FAILED
    result = warm[-1]["result"]
    assert result["success"] is True and result["completion"] is True
    assert result["score"]["scaled"] == pytest.approx(result["score"]["raw"] / 100)
    assert (result["score"]["min"], result["score"]["max"]) == (0, 100)
    assert result["duration"] == "PT754S"
    assert cold[-1]["result"]["success"] is False


def test_the_reading_and_the_change_in_openness_are_result_extensions() -> None:
    conversation = exported(["Did you finish your charting yesterday?"])
    (turn,) = conversation.turns
    extensions = conversation_statements(conversation, XapiOptions())[0]["result"]["extensions"]
    assert extensions[Extension.FORM] == turn.move.form.value
    assert extensions[Extension.FOCUS] == turn.move.focus.value
    assert extensions[Extension.ATTRACTOR] == turn.move.attractor.value
    assert extensions[Extension.OPENNESS_CHANGE] == pytest.approx(
        turn.openness_after - turn.openness_before, abs=1e-3
    )
    assert extensions[Extension.STATE_AFTER] == turn.state_after.value


def test_timestamps_are_the_gradebook_s_own() -> None:
    statements = conversation_statements(exported(COMPASSION_LINES[:2]), XapiOptions())
    assert [s["timestamp"] for s in statements] == [
        "2026-03-02T09:01:00+00:00",
        "2026-03-02T09:02:00+00:00",
        ENDED,
        ENDED,
    ]


def test_statement_ids_are_stable_across_exports_and_unique_within_one() -> None:
    first = round_statements(
        [exported(COMPASSION_LINES[:4]), exported(COMPASSION_LINES[:4], "Bob")], XapiOptions()
    )
    again = round_statements(
        [exported(COMPASSION_LINES[:4]), exported(COMPASSION_LINES[:4], "Bob")], XapiOptions()
    )
    ids = [statement["id"] for statement in first]
    assert ids == [statement["id"] for statement in again]
    assert len(set(ids)) == len(ids)
    assert {s["context"]["registration"] for s in first[:6]} != {
        s["context"]["registration"] for s in first[6:]
    }


def test_a_turn_taken_back_and_said_again_or_a_new_conversation_gets_new_ids() -> None:
    before = conversation_statements(exported(COMPASSION_LINES[:2]), XapiOptions())
    retimed = ("2026-03-02T09:01:00+00:00", "2026-03-02T09:05:00+00:00")
    after_undo = conversation_statements(exported(COMPASSION_LINES[:2], times=retimed), XapiOptions())
    assert before[0]["id"] == after_undo[0]["id"] and before[1]["id"] != after_undo[1]["id"]
    restarted = conversation_statements(exported(COMPASSION_LINES[:2], started=ENDED), XapiOptions())
    assert not {s["id"] for s in before} & {s["id"] for s in restarted}


def test_a_grade_held_for_review_or_an_unfinished_conversation_sends_no_score() -> None:
    held = conversation_statements(exported(COMPASSION_LINES[:3], held=True), XapiOptions())
    unfinished = conversation_statements(exported(COMPASSION_LINES[:3], ended=None), XapiOptions())
    for statements in (held, unfinished):
        assert verbs(statements) == [Verb.RESPONDED] * 3
        assert not any("score" in statement["result"] for statement in statements)


def test_accounts_and_activities_live_on_the_platform_the_trainer_names() -> None:
    options = XapiOptions(home_page="https://lms.example.org/coach/")
    statement = conversation_statements(exported(COMPASSION_LINES[:1]), options)[0]
    assert statement["actor"]["account"]["homePage"] == "https://lms.example.org/coach/"
    assert (
        statement["object"]["id"]
        == "https://lms.example.org/coach/rounds/spring-1/scenarios/ward-nurse-charting/turns/1"
    )


def test_durations_are_written_out_in_seconds() -> None:
    assert duration(STARTED, ENDED) == "PT754S"
    assert duration(STARTED, "2026-03-02T09:00:01.25+00:00") == "PT1.25S"
    assert duration(STARTED, "2026-04-30T09:00:00+00:00") == "PT5097600S"
    assert duration("yesterday", ENDED) is None


# --- the checks themselves can fail ---------------------------------------------------------


def _broken(change: str) -> dict[str, Any]:
    statement = copy.deepcopy(conversation_statements(exported(COMPASSION_LINES[:1]), XapiOptions())[-1])
    match change:
        case "no actor":
            del statement["actor"]
        case "two identifiers":
            statement["actor"]["mbox"] = "mailto:ann@example.org"
        case "id not a UUID":
            statement["id"] = "turn-1"
        case "verb without display":
            del statement["verb"]["display"]
        case "verb id not an IRI":
            statement["verb"]["id"] = "responded"
        case "scaled above 1":
            statement["result"]["score"]["scaled"] = 1.5
        case "raw as a string":
            statement["result"]["score"]["raw"] = "64"
        case "a null":
            statement["result"]["success"] = None
        case "unknown property":
            statement["grade"] = 64
        case "timestamp without zone":
            statement["timestamp"] = "2026-03-02T09:00:00"
        case "version set to the patch":
            statement["version"] = "1.0.3"
        case "extension key not an IRI":
            statement["result"]["extensions"]["band"] = "mixed"
        case "homePage not an IRL":
            statement["actor"]["account"]["homePage"] = "coach"
    return statement


@pytest.mark.parametrize(
    "change",
    [
        "no actor",
        "two identifiers",
        "id not a UUID",
        "verb without display",
        "verb id not an IRI",
        "scaled above 1",
        "raw as a string",
        "a null",
        "unknown property",
        "timestamp without zone",
        "version set to the patch",
        "extension key not an IRI",
        "homePage not an IRL",
    ],
)
def test_the_specification_checks_catch_a_broken_statement(change: str) -> None:
    assert statement_problems(_broken(change)) != []
