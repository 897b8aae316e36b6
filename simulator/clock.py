"""The one wall clock.

Only shells read it: the command line stamps transcripts and file names, and the gradebook
stamps what it records. The functional core (readers, engine, scoring) never calls it; it is
given times as arguments, which keeps every conversation replayable byte for byte.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    """The current time in UTC, as transcripts and the gradebook record it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def file_stamp() -> str:
    """The current time in UTC, in a form that sorts and is safe in a file name."""
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
