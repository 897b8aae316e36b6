"""The checks a learning record store makes on a statement, written from the xAPI 1.0.3 specification.

Part Two (Data) of the specification: 2.2 formatting (no null values outside extensions, no
unknown properties), 2.4 the statement properties (id, actor, verb, object, result, context,
timestamp, version), 4.1 extensions, 4.2 language maps, 4.3 IRIs, 4.4 UUIDs, 4.5 timestamps
and 4.6 durations. `statement_problems` returns what is wrong, one sentence each, so a test
can assert there is nothing and show what there is when there is.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

STATEMENT_KEYS = {
    "id",
    "actor",
    "verb",
    "object",
    "result",
    "context",
    "timestamp",
    "stored",
    "authority",
    "version",
    "attachments",
}
AGENT_KEYS = {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"}
IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
ACTIVITY_DEFINITION_KEYS = {
    "name", "description", "type", "moreInfo", "extensions", "interactionType",
    "correctResponsesPattern", "choices", "scale", "source", "target", "steps",
}  # fmt: skip
INTERACTION_TYPES = {
    "true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric", "other",
}  # fmt: skip
RESULT_KEYS = {"score", "success", "completion", "response", "duration", "extensions"}
SCORE_KEYS = {"scaled", "raw", "min", "max"}
CONTEXT_KEYS = {
    "registration",
    "instructor",
    "team",
    "contextActivities",
    "revision",
    "platform",
    "language",
    "statement",
    "extensions",
}
CONTEXT_ACTIVITY_KEYS = {"parent", "grouping", "category", "other"}

UUID = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"
)
LANGUAGE_TAG = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*$")
DURATION = re.compile(
    r"^P(?=\d|T\d)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$"
    r"|^P\d+W$"
)


def _nulls(value: Any, path: str, problems: list[str]) -> None:
    if value is None:
        problems.append(f"{path} is null (2.2: null only inside extensions)")
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "extensions":
                _nulls(item, f"{path}.{key}", problems)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _nulls(item, f"{path}[{index}]", problems)


def is_iri(value: Any) -> bool:
    """An absolute IRI: a scheme, no spaces (4.3; 2.2.s4.b1.b8 rejects IRIs without one)."""
    if not isinstance(value, str) or not value or any(char.isspace() for char in value):
        return False
    scheme = urlsplit(value).scheme
    return bool(scheme) and bool(SCHEME.match(scheme)) and value.startswith(scheme + ":")


def is_irl(value: Any) -> bool:
    """A resolvable IRI: http or https with a host (the account homePage is an IRL)."""
    return is_iri(value) and urlsplit(value).scheme in ("http", "https") and bool(urlsplit(value).netloc)


def _unknown(value: dict[str, Any], allowed: set[str], path: str, problems: list[str]) -> None:
    extra = sorted(set(value) - allowed)
    if extra:
        problems.append(f"{path} has properties the specification does not allow: {extra}")


def _language_map(value: Any, path: str, problems: list[str]) -> None:
    if not isinstance(value, dict) or not value:
        problems.append(f"{path} is not a language map")
        return
    for tag, text in value.items():
        if not LANGUAGE_TAG.match(tag):
            problems.append(f"{path} key {tag!r} is not an RFC 5646 language tag")
        if not isinstance(text, str):
            problems.append(f"{path}[{tag}] is not a string")


def _extensions(value: Any, path: str, problems: list[str]) -> None:
    if not isinstance(value, dict):
        problems.append(f"{path} is not an object")
        return
    problems += [f"{path} key {key!r} is not an IRI (4.1)" for key in value if not is_iri(key)]


def _agent(value: Any, path: str, problems: list[str]) -> None:
    if not isinstance(value, dict):
        problems.append(f"{path} is not an object")
        return
    _unknown(value, AGENT_KEYS, path, problems)
    if value.get("objectType", "Agent") != "Agent":
        problems.append(f"{path}.objectType is not Agent")
    found = [ifi for ifi in IFIS if ifi in value]
    if len(found) != 1:
        problems.append(
            f"{path} has {len(found)} inverse functional identifiers {found}; exactly one is required"
        )
    if "name" in value and not isinstance(value["name"], str):
        problems.append(f"{path}.name is not a string")
    if "mbox" in value and not str(value["mbox"]).startswith("mailto:"):
        problems.append(f"{path}.mbox is not a mailto IRI")
    if "account" in value:
        account = value["account"]
        if not isinstance(account, dict) or set(account) != {"homePage", "name"}:
            problems.append(f"{path}.account must have exactly homePage and name")
        else:
            if not is_irl(account["homePage"]):
                problems.append(f"{path}.account.homePage is not an IRL")
            if not isinstance(account["name"], str) or not account["name"]:
                problems.append(f"{path}.account.name is not a non-empty string")


def _activity(value: Any, path: str, problems: list[str]) -> None:
    if not isinstance(value, dict):
        problems.append(f"{path} is not an object")
        return
    _unknown(value, {"objectType", "id", "definition"}, path, problems)
    if value.get("objectType", "Activity") != "Activity":
        problems.append(f"{path}.objectType is not Activity")
    if not is_iri(value.get("id")):
        problems.append(f"{path}.id is not an IRI")
    definition = value.get("definition")
    if definition is None:
        return
    if not isinstance(definition, dict):
        problems.append(f"{path}.definition is not an object")
        return
    _unknown(definition, ACTIVITY_DEFINITION_KEYS, f"{path}.definition", problems)
    for key in ("name", "description"):
        if key in definition:
            _language_map(definition[key], f"{path}.definition.{key}", problems)
    if "type" in definition and not is_iri(definition["type"]):
        problems.append(f"{path}.definition.type is not an IRI")
    if "interactionType" in definition and definition["interactionType"] not in INTERACTION_TYPES:
        problems.append(f"{path}.definition.interactionType is not one of the interaction types")
    if "extensions" in definition:
        _extensions(definition["extensions"], f"{path}.definition.extensions", problems)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _result(value: Any, problems: list[str]) -> None:
    if not isinstance(value, dict):
        problems.append("result is not an object")
        return
    _unknown(value, RESULT_KEYS, "result", problems)
    for key in ("success", "completion"):
        if key in value and not isinstance(value[key], bool):
            problems.append(f"result.{key} is not a boolean")
    if "response" in value and not isinstance(value["response"], str):
        problems.append("result.response is not a string")
    if "duration" in value and not (isinstance(value["duration"], str) and DURATION.match(value["duration"])):
        problems.append(f"result.duration {value['duration']!r} is not an ISO 8601 duration")
    if "extensions" in value:
        _extensions(value["extensions"], "result.extensions", problems)
    score = value.get("score")
    if score is None:
        return
    if not isinstance(score, dict):
        problems.append("result.score is not an object")
        return
    _unknown(score, SCORE_KEYS, "result.score", problems)
    problems += [f"result.score.{key} is not a number" for key in score if not _number(score[key])]
    if _number(score.get("scaled")) and not -1 <= score["scaled"] <= 1:
        problems.append("result.score.scaled is outside -1 to 1")
    low, high, raw = score.get("min"), score.get("max"), score.get("raw")
    if _number(low) and _number(high) and not low < high:
        problems.append("result.score.min is not below max")
    if _number(raw) and _number(low) and raw < low:
        problems.append("result.score.raw is below min")
    if _number(raw) and _number(high) and raw > high:
        problems.append("result.score.raw is above max")


def _context(value: Any, object_is_activity: bool, problems: list[str]) -> None:
    if not isinstance(value, dict):
        problems.append("context is not an object")
        return
    _unknown(value, CONTEXT_KEYS, "context", problems)
    if "registration" in value and not (
        isinstance(value["registration"], str) and UUID.match(value["registration"])
    ):
        problems.append("context.registration is not a UUID")
    for key in ("revision", "platform"):
        if key in value and not object_is_activity:
            problems.append(f"context.{key} is used though the object is not an Activity (2.4.6.s4)")
        if key in value and not isinstance(value[key], str):
            problems.append(f"context.{key} is not a string")
    if "language" in value and not LANGUAGE_TAG.match(str(value["language"])):
        problems.append("context.language is not an RFC 5646 language tag")
    if "extensions" in value:
        _extensions(value["extensions"], "context.extensions", problems)
    activities = value.get("contextActivities")
    if activities is None:
        return
    if not isinstance(activities, dict):
        problems.append("context.contextActivities is not an object")
        return
    _unknown(activities, CONTEXT_ACTIVITY_KEYS, "context.contextActivities", problems)
    for key, listed in activities.items():
        for index, activity in enumerate(listed if isinstance(listed, list) else [listed]):
            _activity(activity, f"context.contextActivities.{key}[{index}]", problems)


def _timestamp(value: Any, path: str, problems: list[str]) -> None:
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        problems.append(f"{path} {value!r} is not an ISO 8601 timestamp")
    elif parsed.tzinfo is None:
        problems.append(f"{path} {value!r} has no time zone (4.5.s1.b4)")


def statement_problems(statement: Any) -> list[str]:
    """Everything in `statement` that a record store following xAPI 1.0.3 would reject or flag."""
    problems: list[str] = []
    if not isinstance(statement, dict):
        return ["a statement is a JSON object"]
    _nulls(statement, "statement", problems)
    _unknown(statement, STATEMENT_KEYS, "statement", problems)
    problems += [
        f"statement has no {key} (2.2.s2.b3)" for key in ("actor", "verb", "object") if key not in statement
    ]
    if "id" in statement and not (isinstance(statement["id"], str) and UUID.match(statement["id"])):
        problems.append(f"id {statement['id']!r} is not a UUID in standard form (2.4.1)")
    if "actor" in statement:
        _agent(statement["actor"], "actor", problems)
    verb = statement.get("verb")
    if "verb" in statement:
        if not isinstance(verb, dict):
            problems.append("verb is not an object")
        else:
            _unknown(verb, {"id", "display"}, "verb", problems)
            if not is_iri(verb.get("id")):
                problems.append("verb.id is not an IRI")
            if "display" not in verb:
                problems.append("verb has no display (2.4.3.s5.b1)")
            else:
                _language_map(verb["display"], "verb.display", problems)
    target = statement.get("object")
    object_is_activity = isinstance(target, dict) and target.get("objectType", "Activity") == "Activity"
    if "object" in statement:
        if object_is_activity:
            _activity(target, "object", problems)
        else:
            problems.append("object is not an Activity (the only kind this project sends)")
    if "result" in statement:
        _result(statement["result"], problems)
    if "context" in statement:
        _context(statement["context"], object_is_activity, problems)
    if "timestamp" in statement:
        _timestamp(statement["timestamp"], "timestamp", problems)
    if "version" in statement and statement["version"] != "1.0.0":
        problems.append("version, when a provider sets it, must be 1.0.0 (2.4.10.s4.b1)")
    return problems
