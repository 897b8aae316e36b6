"""Word lists the move reader looks for, written from MI (MITI 4.2.1) and coaching practice.

The lists are data: they live in `cue_lexicon.json` beside this module, each with a note on
why it exists, and this module reads that file once, at import, and names every list.

Every entry is a regular-expression fragment matched against text that has already been
lower-cased, stripped of terminal escapes and had its contractions restored (see
`simulator.reading.moves`), so entries are written in lower case with straight apostrophes.
Fragments are grouped by what they *do* in a coaching conversation, not by part of speech;
`simulator.reading.moves` compiles each group once, at import.

Nothing here was mined from a data set: the lists come from the coaching model
(docs/COACHING-MODEL.md) and the MI literature, and are checked against measurements only
to find kinds of error.
"""

from __future__ import annotations

import json as _json
from importlib import resources as _resources
from typing import Any as _Any

_DATA: dict[str, _Any] = {
    name: entry
    for name, entry in _json.loads(
        _resources.files("simulator.reading").joinpath("cue_lexicon.json").read_text(encoding="utf-8")
    ).items()
    if not name.startswith("_")
}


def _fragment(value: str | list[str]) -> str:
    """One fragment; the JSON writes a long one as a list of pieces, joined with nothing."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(piece, str) for piece in value):
        return "".join(value)
    raise TypeError(f"cue_lexicon.json: a fragment must be a string or a list of strings, not {value!r}")


def _items(name: str) -> list[_Any]:
    """A list's entries in order, written flat ("items") or under notes ("groups")."""
    entry = _DATA.pop(name)
    if "groups" in entry:
        return [item for group in entry["groups"] for item in group["items"]]
    return list(entry["items"])


def _phrases(name: str) -> tuple[str, ...]:
    return tuple(_fragment(item) for item in _items(name))


WORD_REPAIRS: dict[str, str] = dict(_DATA.pop("WORD_REPAIRS")["map"])
FILLER_ONLY = _phrases("FILLER_ONLY")
GREETINGS = _phrases("GREETINGS")
ELICIT_AFTER_INFORMING = _phrases("ELICIT_AFTER_INFORMING")
APOLOGIES = _phrases("APOLOGIES")
SELF_DISCLOSURE = _phrases("SELF_DISCLOSURE")
CONFRONT_PHRASES = _phrases("CONFRONT_PHRASES")
SARCASM_OPENERS = _phrases("SARCASM_OPENERS")
SARCASM_TAILS = _phrases("SARCASM_TAILS")
SARCASM_PHRASES = _phrases("SARCASM_PHRASES")
BLAMING_WHY_LABEL = _phrases("BLAMING_WHY_LABEL")
BLAMING_WHY_QUESTION = _phrases("BLAMING_WHY_QUESTION")
ADVICE_PHRASES = _phrases("ADVICE_PHRASES")
ADVICE_QUESTIONS = _phrases("ADVICE_QUESTIONS")
IMPERATIVE_VERBS = _phrases("IMPERATIVE_VERBS")
PERMISSION_OFFERS = _phrases("PERMISSION_OFFERS")
PERMISSION_SOFTENERS = _phrases("PERMISSION_SOFTENERS")
AUTONOMY_PHRASES = _phrases("AUTONOMY_PHRASES")
AUTONOMY_QUESTIONS = _phrases("AUTONOMY_QUESTIONS")
OPEN_INVITATIONS = _phrases("OPEN_INVITATIONS")
WH_OPENERS = _fragment(_DATA.pop("WH_OPENERS")["pattern"])
AUX_OPENERS = _phrases("AUX_OPENERS")
CLOSED_WH = _phrases("CLOSED_WH")
TAG_CHECKS = _phrases("TAG_CHECKS")
COMPLIANCE_PHRASES = _phrases("COMPLIANCE_PHRASES")
VISION_CUES = _phrases("VISION_CUES")
VALUES_CUES = _phrases("VALUES_CUES")
STRENGTHS_CUES = _phrases("STRENGTHS_CUES")
FEELINGS_CUES = _phrases("FEELINGS_CUES")
REAL_SELF_CUES = _phrases("REAL_SELF_CUES")
BALANCE_GAP_CUES = _phrases("BALANCE_GAP_CUES")
DEFICIT_CUES = _phrases("DEFICIT_CUES")
PLAN_CUES = _phrases("PLAN_CUES")
REFLECTION_OPENERS = _phrases("REFLECTION_OPENERS")
SUMMARY_OPENERS = _phrases("SUMMARY_OPENERS")
COMPLEX_MARKERS = _phrases("COMPLEX_MARKERS")
AFFIRMATION_PHRASES = _phrases("AFFIRMATION_PHRASES")
INFORMATION_OPENERS = _phrases("INFORMATION_OPENERS")
INFORMATION_CUES = _phrases("INFORMATION_CUES")
INPUT_CUES = _phrases("INPUT_CUES")
STOPWORDS = frozenset(_phrases("STOPWORDS"))
OFF_TOPIC = _phrases("OFF_TOPIC")
INFORMATION_FOR_YOU = _phrases("INFORMATION_FOR_YOU")
STRONG_VALUES_CUES = _phrases("STRONG_VALUES_CUES")
STRONG_STRENGTHS_CUES = _phrases("STRONG_STRENGTHS_CUES")
FEELING_REFLECTION_OPENERS = _phrases("FEELING_REFLECTION_OPENERS")

if _DATA:
    raise ValueError(f"cue_lexicon.json has lists this module does not name: {sorted(_DATA)}")
