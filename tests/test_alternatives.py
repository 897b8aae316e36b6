"""`Alternatives` finds a match exactly where the joined alternation does, only sooner."""

from __future__ import annotations

import json
import re
from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.phrase_scan import Alternatives, required_text
from simulator.reading.flattery import praises

PRESUMED = json.loads(
    resources.files("simulator.engine").joinpath("presumptions.json").read_text(encoding="utf-8")
)
PATTERNS = [
    pattern for item in PRESUMED["presumptions"] for key in ("line", "reply") for pattern in item[key]
]

# Texts built from the words the patterns look for, run together and cut at odd places, so that
# word boundaries fall inside, before and after the phrases.
WORDS = sorted({word for pattern in PATTERNS for word in re.findall(r"[a-z']{2,}", pattern)})
texts = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(["", " ", ".", ",", "?", "!", "x", "un", "s", "\n"])),
    max_size=14,
).map(lambda parts: "".join(part if index % 3 else part + " " for index, part in enumerate(parts)))


@settings(max_examples=400)
@given(st.lists(st.sampled_from(PATTERNS), min_size=1, max_size=6, unique=True), texts)
def test_a_text_matches_exactly_when_the_joined_patterns_match(patterns: list[str], text: str) -> None:
    joined = re.compile("|".join(f"(?:{pattern})" for pattern in patterns))
    assert (Alternatives(patterns).search(text) is not None) == (joined.search(text) is not None)


@settings(max_examples=400)
@given(st.sampled_from(PATTERNS), texts)
def test_every_match_holds_the_text_a_pattern_requires(pattern: str, text: str) -> None:
    for found in re.finditer(pattern, text):
        assert required_text(pattern) in found.group(0)


def test_the_required_text_is_the_longest_plain_run_every_match_holds() -> None:
    assert required_text(r"\bi(?:'m| am) (?:so |really )?sorry\b") == "sorry"
    assert required_text(r"\bthank(?:s| you)\b") == "thank"
    assert required_text(r"^right\b") == "right"
    assert required_text(r"ab(cdef)g") == "cdef"  # a group is passed through whole
    assert required_text(r"\b(?:see you|bye)\b") == ""  # choices only: nothing is certain
    assert required_text(r"(?:good )?luck") == "luck"  # an optional part ends a run
    assert required_text(r"(?i)hello there") == ""  # case ignored: no plain text to look for
    assert required_text(r"ab(?i:cdef)") == "ab"
    assert required_text(r"(unclosed") == ""


def test_a_leading_word_boundary_still_holds() -> None:
    luck = Alternatives([r"\bgood luck\b", r"\btake care\b"])
    assert luck.search("good luck with it") is not None
    assert luck.search("ok. good luck") is not None
    assert luck.search("goodgood luck") is None  # the second "good" does not start a word
    assert luck.search("goodgood good luck") is not None  # found after a start that failed
    assert luck.search("xgood luck") is None
    assert luck.search("so, take care") is not None
    assert luck.search("mistake care plan") is None


def test_praise_is_found_whatever_the_case() -> None:
    assert praises("You're an absolute SUPERSTAR")
    assert praises("Amazing work.")
    assert not praises("You stayed late to cover bay three.")
    assert not praises("a superstarry night")
