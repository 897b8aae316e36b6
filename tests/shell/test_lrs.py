"""Posting statements to a learning record store: batches, headers, credentials, bounded retries, refusals.

Every request goes to a store the test starts on 127.0.0.1 (tests/record_store.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from simulator.errors import CoachError
from simulator.shell.lrs import (
    FIRST_PAUSE_SECONDS,
    LRS_AUTH_ENV,
    LRS_PASSWORD_ENV,
    LRS_USER_ENV,
    RecordStore,
    lrs_authorization,
    statements_url,
)
from tests.record_store import AUTHORIZATION, PASSWORD, USER, StoreState, record_store


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, StoreState]]:
    """A local record store; no proxy may stand between the test and 127.0.0.1."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    with record_store() as running:
        yield running


def statements(count: int) -> list[dict[str, object]]:
    return [
        {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"s{n}")),
            "actor": {"account": {"homePage": "https://lms.example.org/", "name": f"trainee-{n}"}},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/responded", "display": {"en": "responded"}},
            "object": {"id": f"https://lms.example.org/turns/{n}"},
        }
        for n in range(count)
    ]


class Pauses:
    """Records the pauses between tries instead of sleeping through them."""

    def __init__(self) -> None:
        self.taken: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.taken.append(seconds)


def test_statements_go_in_batches_with_the_version_header_and_credentials(
    store: tuple[str, StoreState],
) -> None:
    endpoint, state = store
    report = RecordStore(endpoint, AUTHORIZATION).post(statements(120), batch_size=50, sleep=Pauses())
    assert (report.sent, report.requests, report.retries, report.failures) == (120, 3, 0, ())
    assert len(state.statements) == 120
    assert all(request["headers"]["x-experience-api-version"] == "1.0.3" for request in state.requests)
    assert all(request["headers"]["content-type"] == "application/json" for request in state.requests)


def test_sending_the_same_statements_again_duplicates_nothing(store: tuple[str, StoreState]) -> None:
    endpoint, state = store
    lrs = RecordStore(endpoint, AUTHORIZATION)
    lrs.post(statements(30), sleep=Pauses())
    again = lrs.post(statements(30), sleep=Pauses())
    assert again.sent == 30 and again.failures == () and len(state.statements) == 30


def test_a_failing_store_is_tried_again_after_growing_pauses(store: tuple[str, StoreState]) -> None:
    endpoint, state = store
    state.fail_first = 2
    pauses = Pauses()
    report = RecordStore(endpoint, AUTHORIZATION).post(statements(10), retries=4, sleep=pauses)
    assert (report.sent, report.retries, report.requests) == (10, 2, 3)
    assert pauses.taken == [FIRST_PAUSE_SECONDS, 2 * FIRST_PAUSE_SECONDS]


def test_retries_are_bounded_and_the_rest_is_reported_as_not_sent(store: tuple[str, StoreState]) -> None:
    endpoint, state = store
    state.fail_first = 100
    pauses = Pauses()
    report = RecordStore(endpoint, AUTHORIZATION).post(
        statements(120), batch_size=50, retries=3, sleep=pauses
    )
    assert report.sent == 0 and report.requests == 4 and len(pauses.taken) == 3
    assert [(f.first, f.last) for f in report.failures] == [(1, 50), (51, 120)]
    assert "HTTP 503" in report.failures[0].reason and "after 4 tries" in report.failures[0].reason
    assert report.failed == 120


def test_a_refusal_is_not_tried_again_and_names_the_store_s_reason(store: tuple[str, StoreState]) -> None:
    endpoint, state = store
    state.refuse_all = True
    pauses = Pauses()
    report = RecordStore(endpoint, AUTHORIZATION).post(statements(60), batch_size=50, sleep=pauses)
    assert pauses.taken == [] and report.requests == 2  # each batch once, and the next still tried
    assert report.failures[0].reason == 'HTTP 400 Bad Request: {"message": "statement 1 is not valid"}'


def test_wrong_credentials_are_a_refusal(store: tuple[str, StoreState]) -> None:
    endpoint, _ = store
    report = RecordStore(endpoint, "Basic bm9ib2R5Om5vdGhpbmc=").post(statements(1), sleep=Pauses())
    assert report.sent == 0 and report.failures[0].reason.startswith("HTTP 401")


def test_a_redirect_is_not_followed_so_the_credentials_go_nowhere_else(store: tuple[str, StoreState]) -> None:
    endpoint, state = store
    state.redirect_to = "http://127.0.0.1:9/elsewhere"
    report = RecordStore(endpoint, AUTHORIZATION).post(statements(1), sleep=Pauses())
    assert report.sent == 0 and report.failures[0].reason.startswith("HTTP 307")
    assert len(state.requests) == 1


def test_a_store_that_is_not_there_is_tried_a_bounded_number_of_times() -> None:
    pauses = Pauses()
    report = RecordStore("http://127.0.0.1:9/xapi", AUTHORIZATION).post(
        statements(3), retries=2, sleep=pauses
    )
    assert report.sent == 0 and report.requests == 3 and len(pauses.taken) == 2
    assert "cannot reach http://127.0.0.1:9/xapi/statements" in report.failures[0].reason


def test_credentials_come_from_the_environment() -> None:
    assert lrs_authorization({LRS_USER_ENV: USER, LRS_PASSWORD_ENV: PASSWORD}) == AUTHORIZATION
    assert lrs_authorization({LRS_AUTH_ENV: AUTHORIZATION}) == AUTHORIZATION
    assert lrs_authorization({LRS_AUTH_ENV: AUTHORIZATION.split()[1]}) == AUTHORIZATION
    with pytest.raises(CoachError, match="set COACH_LRS_USER and COACH_LRS_PASSWORD"):
        lrs_authorization({LRS_USER_ENV: USER})


def test_only_a_web_address_is_a_record_store() -> None:
    assert statements_url("https://lrs.example.org/xapi/") == "https://lrs.example.org/xapi/statements"
    for wrong in ("file:///etc/passwd", "lrs.example.org/xapi", "ftp://lrs.example.org/"):
        with pytest.raises(CoachError, match="is not a record store address"):
            statements_url(wrong)
