"""Where the product keeps things on this machine, read from the environment in one place.

$XDG_DATA_HOME/compassion-coach/           (default ~/.local/share/compassion-coach/)
    transcripts/                           practice transcripts ($COACH_TRANSCRIPTS overrides)
    gradebook.sqlite                       the default gradebook ($COACH_DB overrides, any URL)
$XDG_CACHE_HOME/compassion-coach/          (default ~/.cache/compassion-coach/) results worth keeping
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pathlib (with urllib and ipaddress) costs `coach --help` 4 ms it never needs
    from pathlib import Path

PRODUCT_FOLDER = "compassion-coach"
TRANSCRIPTS_ENV = "COACH_TRANSCRIPTS"
DB_ENV = "COACH_DB"


def data_folder() -> Path:
    """The product's data folder under $XDG_DATA_HOME."""
    from pathlib import Path

    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / PRODUCT_FOLDER


def cache_folder() -> Path:
    """The product's cache folder under $XDG_CACHE_HOME."""
    from pathlib import Path

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / PRODUCT_FOLDER


def transcripts_folder() -> Path:
    """Where practice transcripts go when no --transcript is given."""
    from pathlib import Path

    configured = os.environ.get(TRANSCRIPTS_ENV)
    return Path(configured) if configured else data_folder() / "transcripts"


def gradebook_url(given: str | None = None) -> str:
    """The gradebook's URL: the one given, else $COACH_DB, else a SQLite file in the data folder."""
    if given:
        return given
    configured = os.environ.get(DB_ENV)
    if configured:
        return configured
    return f"sqlite:///{data_folder() / 'gradebook.sqlite'}"
