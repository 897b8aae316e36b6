"""Sending xAPI statements to a learning record store: batches, bounded retries, and what happened.

The standard library only (urllib). Statements go to `URL/statements` as POST batches of
JSON with the `X-Experience-API-Version` header and HTTP Basic credentials from the
environment. A batch that meets a server error (5xx, 429) or a connection failure is tried
again after a growing pause, a bounded number of times; a batch the store refuses (4xx) is
not, since sending it again would be refused again. Redirects are not followed: the
credentials go only to the address the trainer gave. Statement ids are stable across
exports, so sending a round again does not duplicate what the store already holds.
"""

from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from http.client import HTTPException
from typing import Any
from urllib.parse import urlsplit

from simulator.errors import CoachError
from simulator.rounds.xapi import XAPI_VERSION

LRS_USER_ENV = "COACH_LRS_USER"
LRS_PASSWORD_ENV = "COACH_LRS_PASSWORD"
LRS_AUTH_ENV = "COACH_LRS_AUTH"

BATCH_SIZE = 50
"""Statements per request: small enough for any store's request limit, few enough requests for a round."""

RETRIES = 4
"""How many times a batch is tried again after a server error or a failed connection."""

FIRST_PAUSE_SECONDS = 0.5
LONGEST_PAUSE_SECONDS = 30.0
REQUEST_TIMEOUT_SECONDS = 30.0


def lrs_authorization(environment: Mapping[str, str]) -> str:
    """The Authorization header: $COACH_LRS_AUTH (a header value or a Basic token), else user and password."""
    given = environment.get(LRS_AUTH_ENV, "").strip()
    if given:
        return given if " " in given else f"Basic {given}"
    user, password = environment.get(LRS_USER_ENV), environment.get(LRS_PASSWORD_ENV)
    if user and password is not None:
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        return f"Basic {token}"
    raise CoachError(
        f"the record store needs credentials: set {LRS_USER_ENV} and {LRS_PASSWORD_ENV} "
        f"(its key and secret), or {LRS_AUTH_ENV} (a whole Authorization header, e.g. 'Basic ...')"
    )


def statements_url(endpoint: str) -> str:
    """The store's statements resource under the endpoint the trainer gave (http or https only)."""
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CoachError(f"{endpoint!r} is not a record store address; give its xAPI endpoint, https://...")
    return endpoint.rstrip("/") + "/statements"


@dataclass(frozen=True)
class BatchFailure:
    """Statements `first` to `last` (counted from 1) that the store did not take, and why."""

    first: int
    last: int
    reason: str

    @property
    def count(self) -> int:
        """How many statements the failure covers."""
        return self.last - self.first + 1


@dataclass(frozen=True)
class PostReport:
    """What a posting did: statements the store took, requests made, retries, and what failed."""

    sent: int
    requests: int
    retries: int
    failures: tuple[BatchFailure, ...]

    @property
    def failed(self) -> int:
        """How many statements did not reach the store."""
        return sum(failure.count for failure in self.failures)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_: Any) -> None:
        return None  # urllib then raises the 3xx as an HTTPError, reported like any refusal


@dataclass(frozen=True)
class _Failure:
    """Why one try of a batch failed, and whether trying again could help."""

    reason: str
    transient: bool  # a server error or a lost connection: the store or the way to it may recover
    wait: float | None = None  # how long the store asked us to wait (Retry-After), if it did


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip().splitlines()
    return text[0][:200] if text else ""


def _retry_after(error: urllib.error.HTTPError) -> float | None:
    value = error.headers.get("Retry-After") if error.headers else None
    try:
        return min(float(value), LONGEST_PAUSE_SECONDS) if value is not None else None
    except ValueError:
        return None  # an HTTP date: the usual pause will do


class RecordStore:
    """One learning record store endpoint with its credentials."""

    def __init__(self, endpoint: str, authorization: str, timeout: float = REQUEST_TIMEOUT_SECONDS) -> None:
        self.url = statements_url(endpoint)
        self.authorization = authorization
        self.timeout = timeout
        self._opener = urllib.request.build_opener(_NoRedirects())

    def _post_once(self, batch: Sequence[dict[str, Any]]) -> _Failure | None:
        request = urllib.request.Request(
            self.url,
            data=json.dumps(list(batch)).encode("utf-8"),
            method="POST",
            headers={
                "Content-Type": "application/json",
                "X-Experience-API-Version": XAPI_VERSION,
                "Authorization": self.authorization,
            },
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            reason = f"HTTP {error.code} {error.reason}"
            detail = _first_line(error.read())
            reason += f": {detail}" if detail else ""
            if error.code >= 500 or error.code == 429:
                return _Failure(reason, transient=True, wait=_retry_after(error))
            return _Failure(
                reason, transient=False
            )  # the store said no: the same batch would be refused again
        except (urllib.error.URLError, OSError, HTTPException) as error:
            return _Failure(f"cannot reach {self.url}: {getattr(error, 'reason', error)}", transient=True)
        return None

    def post(
        self,
        statements: Sequence[dict[str, Any]],
        *,
        batch_size: int = BATCH_SIZE,
        retries: int = RETRIES,
        sleep: Callable[[float], None] = time.sleep,
    ) -> PostReport:
        """Send the statements in batches; every batch is tried at most `retries` + 1 times.

        Once a batch is lost to the store being unreachable or failing, the rest are not tried
        (each would spend its own retries on the same outage) and are reported as not sent.
        """
        sent = requests = retried = 0
        failures: list[BatchFailure] = []
        starts = range(0, len(statements), batch_size)
        for position, start in enumerate(starts):
            batch = statements[start : start + batch_size]
            first, last = start + 1, start + len(batch)
            for attempt in range(retries + 1):
                requests += 1
                failure = self._post_once(batch)
                if failure is None:
                    sent += len(batch)
                    break
                if not failure.transient:
                    failures.append(BatchFailure(first, last, failure.reason))
                    break
                if attempt == retries:
                    failures.append(
                        BatchFailure(first, last, f"{failure.reason} (after {retries + 1} tries)")
                    )
                    if position + 1 < len(starts):
                        failures.append(
                            BatchFailure(last + 1, len(statements), "not sent: the record store was failing")
                        )
                    return PostReport(sent, requests, retried, tuple(failures))
                retried += 1
                pause = FIRST_PAUSE_SECONDS * 2**attempt
                sleep(min(failure.wait if failure.wait is not None else pause, LONGEST_PAUSE_SECONDS))
        return PostReport(sent, requests, retried, tuple(failures))
