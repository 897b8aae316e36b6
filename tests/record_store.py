"""A small learning record store for the tests, on 127.0.0.1 only, in a thread of the test process.

It takes `POST /statements` as a record store does under xAPI 1.0.3 (Part Three, 2.1): it
checks the `X-Experience-API-Version` header, the credentials and the JSON, keeps each
statement once by id (the same statement again is accepted and not duplicated, another
statement under a taken id is a 409 Conflict) and answers with the ids. It can be told to
fail the first N requests with a 503, to refuse everything with a 400, or to redirect, so
the tests can exercise retries, refusals and redirects without any other address.
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

USER, PASSWORD = "coach-key", "coach-secret"
AUTHORIZATION = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()


@dataclass
class StoreState:
    """What the store holds and how it should misbehave."""

    statements: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)
    fail_first: int = 0
    refuse_all: bool = False
    redirect_to: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    state: StoreState

    def log_message(self, *_: Any) -> None:  # quiet: the tests read `state.requests`
        pass

    def _answer(self, status: int, body: object, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        state = self.state
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with state.lock:
            state.requests.append(
                {
                    "path": self.path,
                    "headers": {name.lower(): value for name, value in self.headers.items()},
                    "size": len(body),
                }
            )
            number = len(state.requests)
            if state.redirect_to is not None:
                self._answer(307, {}, {"Location": state.redirect_to})
                return
            if number <= state.fail_first:
                self._answer(503, {"message": "warming up"})
                return
            if self.path != "/xapi/statements":
                self._answer(404, {"message": f"no resource {self.path}"})
                return
            if self.headers.get("Authorization") != AUTHORIZATION:
                self._answer(401, {"message": "who are you?"})
                return
            if self.headers.get("X-Experience-API-Version") != "1.0.3":
                self._answer(400, {"message": "X-Experience-API-Version 1.0.3 is required"})
                return
            if state.refuse_all:
                self._answer(400, {"message": "statement 1 is not valid"})
                return
            try:
                batch = json.loads(body)
            except ValueError:
                self._answer(400, {"message": "not JSON"})
                return
            clashes = [
                s["id"] for s in batch if s["id"] in state.statements and state.statements[s["id"]] != s
            ]
            if clashes:
                self._answer(409, {"message": f"statement {clashes[0]} exists with other content"})
                return
            for statement in batch:
                state.statements[statement["id"]] = statement
            self._answer(200, [statement["id"] for statement in batch])


@contextmanager
def record_store() -> Iterator[tuple[str, StoreState]]:
    """A running store: its xAPI endpoint (http://127.0.0.1:PORT/xapi) and its state."""
    state = StoreState()
    handler = type("Handler", (_Handler,), {"state": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/xapi", state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
