"""Word lists the reader of coachee language looks for (`simulator.talk.client_talk`), written from MI.

The lists are data: they live in `lexicon.json` beside this module, each with a note on why
it exists or is ordered as it is, and this module reads that file once, at import, and names
every list.

Every entry is a regular-expression fragment matched against text that has already been
normalised (`simulator.talk.wording`: lower case, straight apostrophes, dictation mended,
hedges dropped), so entries are written that way. The stances are verb phrases read right
after "i"; the cues are fixed phrases (reasons, minimising, discord, barriers) with the talk
and DARN-CAT kind they signal; the last lists say which way what follows a stance points.
Like `simulator.reading.cue_lexicon`, nothing here was mined from a data set.
"""

from __future__ import annotations

import json as _json
from importlib import resources as _resources
from typing import Any as _Any
from typing import cast as _cast
from typing import get_args as _get_args

from simulator.talk.reading import Kind, Talk

_DATA: dict[str, _Any] = {
    name: entry
    for name, entry in _json.loads(
        _resources.files("simulator.talk").joinpath("lexicon.json").read_text(encoding="utf-8")
    ).items()
    if not name.startswith("_")
}


def _fragment(value: str | list[str]) -> str:
    """One regex; the JSON writes a long one as a list of pieces, joined with nothing."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(piece, str) for piece in value):
        return "".join(value)
    raise TypeError(f"lexicon.json: a regex must be a string or a list of strings, not {value!r}")


def _items(name: str) -> list[_Any]:
    """A list's entries in order, written flat ("items") or under notes ("groups")."""
    entry = _DATA.pop(name)
    if "groups" in entry:
        return [item for group in entry["groups"] for item in group["items"]]
    return list(entry["items"])


def _pattern(name: str) -> str:
    return _fragment(_DATA.pop(name)["pattern"])


def _kind(value: str) -> Kind:
    if value not in _get_args(Kind):
        raise ValueError(f"lexicon.json: {value!r} is not a DARN-CAT kind")
    return _cast(Kind, value)


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"lexicon.json: 'negated' must be true or false, not {value!r}")
    return value


def _talk(value: str) -> Talk:
    if value not in _get_args(Talk):
        raise ValueError(f"lexicon.json: {value!r} is not a kind of talk")
    return _cast(Talk, value)


SPELLINGS: dict[str, str] = dict(_DATA.pop("SPELLINGS")["map"])
HEDGES = _pattern("HEDGES")
UNWELL: tuple[str, ...] = tuple(_items("UNWELL"))
FILLERS: frozenset[str] = frozenset(_items("FILLERS"))

# (verb phrase after "i", kind, negated). The verb phrase is matched right after the subject.
STANCES: tuple[tuple[str, Kind, bool], ...] = tuple(
    (_fragment(stance["pattern"]), _kind(stance["kind"]), _flag(stance["negated"]))
    for stance in _items("STANCES")
)

STEP_DONE: frozenset[str] = frozenset(_items("STEP_DONE"))
SUBJECT = _pattern("SUBJECT")

# (pattern, talk, kind, strength); "{SUBJECT}" in a pattern stands for SUBJECT.
CUES: tuple[tuple[str, Talk, Kind, float], ...] = tuple(
    (
        _fragment(cue["pattern"]).replace("{SUBJECT}", SUBJECT),
        _talk(cue["talk"]),
        _kind(cue["kind"]),
        cue["strength"],
    )
    for cue in _items("CUES")
)

NOT_OWN = _pattern("NOT_OWN")
COMPLEMENT_END = _pattern("COMPLEMENT_END")
TRANSPARENT = _pattern("TRANSPARENT")
NOT = _pattern("NOT")
STATUS_QUO_MARK = _pattern("STATUS_QUO_MARK")
KEEP = _pattern("KEEP")
KEEP_GOOD = _pattern("KEEP_GOOD")
PROBLEM = _pattern("PROBLEM")
REDUCTION = _pattern("REDUCTION")
UNDESIRED = _pattern("UNDESIRED")
NEUTRAL_VERB = _pattern("NEUTRAL_VERB")
CHANGE_WORD = _pattern("CHANGE_WORD")
PROPOSAL = _pattern("PROPOSAL")
PAST_ATTEMPT = _pattern("PAST_ATTEMPT")
CONTROL = _pattern("CONTROL")

if _DATA:
    raise ValueError(f"lexicon.json has lists this module does not name: {sorted(_DATA)}")
