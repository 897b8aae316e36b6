"""A round's conversations as xAPI 1.0.3 statements, for the learning record store a trainer already uses.

One statement per trainee turn (*responded*: the reading of the line and what it did to the
coachee's openness, as result extensions) and, for a finished conversation, *completed* and
*passed* or *failed* (the overall score, scaled, raw, min and max; success; completion), held
back while the round keeps the grade for the trainer's review.

- The actor is an account whose name is the trainee's pseudonym (`pseudonyms.pseudonym`), never
  a name or an email; the trainee's words go out only when the trainer asks (`include_lines`).
- Statement ids are UUID version 5 from `STATEMENT_NAMESPACE` and what identifies the statement
  (round, pseudonym, scenario, start of the conversation, turn and when it was recorded), so
  exporting again yields the same ids and a record store keeps one copy.
- Timestamps are the gradebook's own; the version property is left to the record store, as the
  specification recommends (Part Two, 2.4.10).

Pure: the shell hands in the re-simulated turns, the grades, the times and the pseudonym.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from urllib.parse import quote

from scoring.cohort import GradedConversation
from simulator.records import Turn

XAPI_VERSION = "1.0.3"
"""The specification the statements follow, sent as the X-Experience-API-Version header."""

PROJECT_IRI = "https://compassion-coach.invalid/xapi"
"""The project's own namespace for extension keys. `.invalid` is reserved (RFC 2606): no one else can
ever own it, so these keys never clash with another tool's."""

DEFAULT_HOME_PAGE = "https://compassion-coach.invalid/"
"""Where accounts and activities live unless the trainer names their own platform (`--home-page`)."""

STATEMENT_NAMESPACE = uuid.UUID("6f1c2f4e-9a57-4c57-9a8e-3f0c6a1d2b70")
"""The UUID namespace statement ids are made in: fixed forever, or re-exports would duplicate statements."""

LANGUAGE = "en"
PLATFORM = "compassion-coach"


class Verb(StrEnum):
    """The ADL verbs the export uses, by IRI."""

    RESPONDED = "http://adlnet.gov/expapi/verbs/responded"
    COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
    PASSED = "http://adlnet.gov/expapi/verbs/passed"
    FAILED = "http://adlnet.gov/expapi/verbs/failed"

    @property
    def display(self) -> str:
        """The verb in words (the last part of its IRI)."""
        return self.value.rsplit("/", 1)[1]


class ActivityType(StrEnum):
    """ADL activity types for a round, a conversation and one turn of it."""

    ROUND = "http://adlnet.gov/expapi/activities/course"
    CONVERSATION = "http://adlnet.gov/expapi/activities/simulation"
    TURN = "http://adlnet.gov/expapi/activities/cmi.interaction"


class Extension(StrEnum):
    """The result extensions this project defines, each an IRI under `PROJECT_IRI`."""

    FORM = f"{PROJECT_IRI}/extensions/form"
    FOCUS = f"{PROJECT_IRI}/extensions/focus"
    ATTRACTOR = f"{PROJECT_IRI}/extensions/attractor"
    STATE_BEFORE = f"{PROJECT_IRI}/extensions/state-before"
    STATE_AFTER = f"{PROJECT_IRI}/extensions/state-after"
    OPENNESS_BEFORE = f"{PROJECT_IRI}/extensions/openness-before"
    OPENNESS_AFTER = f"{PROJECT_IRI}/extensions/openness-after"
    OPENNESS_CHANGE = f"{PROJECT_IRI}/extensions/openness-change"
    BAND = f"{PROJECT_IRI}/extensions/band"
    PASS_MARK = f"{PROJECT_IRI}/extensions/pass-mark"
    PEA_MOVES = f"{PROJECT_IRI}/extensions/pea-moves"
    NEA_MOVES = f"{PROJECT_IRI}/extensions/nea-moves"
    TURNS = f"{PROJECT_IRI}/extensions/turns"


@dataclass(frozen=True)
class ExportedConversation:
    """Everything one conversation's statements are made from."""

    round_id: str
    round_title: str
    scenario_id: str
    scenario_title: str
    account: str  # the trainee's pseudonym
    started_at: str
    ended_at: str | None
    turns: tuple[Turn, ...]
    turn_times: tuple[str, ...]  # when each turn was recorded, in turn order
    graded: GradedConversation
    pass_mark: float
    grade_held: bool = False  # the round holds grades for review and this one is not released


@dataclass(frozen=True)
class XapiOptions:
    """What the trainer chose: the platform accounts and activities live on, and whether lines go out."""

    home_page: str = DEFAULT_HOME_PAGE
    include_lines: bool = False


def _iri(home_page: str, *segments: str) -> str:
    return home_page.rstrip("/") + "/" + "/".join(quote(segment, safe="") for segment in segments)


def _statement_id(*parts: str) -> str:
    return str(uuid.uuid5(STATEMENT_NAMESPACE, "\x1f".join(parts)))


def _activity(iri: str, kind: ActivityType, name: str, **definition: Any) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": iri,
        "definition": {"name": {LANGUAGE: name}, "type": kind.value, **definition},
    }


def _verb(verb: Verb) -> dict[str, Any]:
    return {"id": verb.value, "display": {LANGUAGE: verb.display}}


def duration(started_at: str, ended_at: str) -> str | None:
    """The ISO 8601 duration between two gradebook times, e.g. `PT754S` (None if either is unreadable)."""
    try:
        seconds = (datetime.fromisoformat(ended_at) - datetime.fromisoformat(started_at)).total_seconds()
    except ValueError:
        return None
    # Hundredths at most (Part Two, 4.6), written out in full: never in exponent form.
    shown = f"{max(seconds, 0.0):.2f}".rstrip("0").rstrip(".")
    return f"PT{shown}S"


class _Builder:
    """The shared parts of one conversation's statements."""

    def __init__(self, conversation: ExportedConversation, options: XapiOptions) -> None:
        self.conversation = conversation
        self.options = options
        c = conversation
        self.identity = (c.round_id, c.account, c.scenario_id, c.started_at)
        self.round = _activity(
            _iri(options.home_page, "rounds", c.round_id), ActivityType.ROUND, c.round_title
        )
        self.conversation_iri = _iri(options.home_page, "rounds", c.round_id, "scenarios", c.scenario_id)
        self.activity = _activity(self.conversation_iri, ActivityType.CONVERSATION, c.scenario_title)
        self.actor = {"objectType": "Agent", "account": {"homePage": options.home_page, "name": c.account}}
        self.registration = _statement_id("registration", *self.identity)

    def statement(
        self, key: Sequence[str], verb: Verb, target: dict[str, Any], result: dict[str, Any], at: str
    ) -> dict[str, Any]:
        parents = {"grouping": [self.round]}
        if target is not self.activity:
            parents["parent"] = [self.activity]
        return {
            "id": _statement_id(*key),
            "actor": self.actor,
            "verb": _verb(verb),
            "object": target,
            "result": result,
            "context": {
                "registration": self.registration,
                "platform": PLATFORM,
                "contextActivities": parents,
            },
            "timestamp": at,
        }

    def turn_statement(self, turn: Turn, at: str) -> dict[str, Any]:
        c = self.conversation
        target = _activity(
            _iri(
                self.options.home_page, "rounds", c.round_id, "scenarios", c.scenario_id, "turns", str(turn.n)
            ),
            ActivityType.TURN,
            f"Turn {turn.n} of {c.scenario_title}",
            interactionType="other",
        )
        result: dict[str, Any] = {
            "extensions": {
                Extension.FORM.value: turn.move.form.value,
                Extension.FOCUS.value: turn.move.focus.value,
                Extension.ATTRACTOR.value: turn.move.attractor.value,
                Extension.STATE_BEFORE.value: turn.state_before.value,
                Extension.STATE_AFTER.value: turn.state_after.value,
                Extension.OPENNESS_BEFORE.value: round(turn.openness_before, 3),
                Extension.OPENNESS_AFTER.value: round(turn.openness_after, 3),
                Extension.OPENNESS_CHANGE.value: round(turn.openness_after - turn.openness_before, 3),
            }
        }
        if self.options.include_lines:
            result["response"] = turn.trainee
        key = ("turn", *self.identity, str(turn.n), at)
        return self.statement(key, Verb.RESPONDED, target, result, at)

    def closing_statements(self, ended_at: str) -> list[dict[str, Any]]:
        c, graded = self.conversation, self.conversation.graded
        result: dict[str, Any] = {
            "completion": True,
            "success": graded.passed,
            "score": {"scaled": round(graded.overall / 100, 4), "raw": graded.overall, "min": 0, "max": 100},
            "extensions": {
                Extension.BAND.value: graded.band.value,
                Extension.PASS_MARK.value: c.pass_mark,
                Extension.PEA_MOVES.value: graded.pea,
                Extension.NEA_MOVES.value: graded.nea,
                Extension.TURNS.value: graded.turns,
            },
        }
        spent = duration(c.started_at, ended_at)
        if spent is not None:
            result["duration"] = spent
        verdict = Verb.PASSED if graded.passed else Verb.FAILED
        return [
            self.statement(("completed", *self.identity), Verb.COMPLETED, self.activity, result, ended_at),
            self.statement(("verdict", *self.identity), verdict, self.activity, dict(result), ended_at),
        ]


def conversation_statements(conversation: ExportedConversation, options: XapiOptions) -> list[dict[str, Any]]:
    """One conversation's statements: one per turn, then, once it has ended, completed and passed or failed."""
    builder = _Builder(conversation, options)
    fallback = conversation.ended_at or conversation.started_at
    statements = [
        builder.turn_statement(
            turn, conversation.turn_times[index] if index < len(conversation.turn_times) else fallback
        )
        for index, turn in enumerate(conversation.turns)
    ]
    # A held grade waits for the trainer's review: the conversation's closing statements, which carry
    # the score, go out on the first export after its release (and never change after that).
    if conversation.ended_at is not None and not conversation.grade_held:
        statements += builder.closing_statements(conversation.ended_at)
    return statements


def round_statements(
    conversations: Sequence[ExportedConversation], options: XapiOptions
) -> list[dict[str, Any]]:
    """Every conversation's statements, in the order given."""
    return [
        statement
        for conversation in conversations
        for statement in conversation_statements(conversation, options)
    ]
