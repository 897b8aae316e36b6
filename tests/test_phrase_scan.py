"""Tests for the word-list matchers under the move reader (simulator/phrase_scan.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.phrase_scan import WORD_END, WORD_START, PhraseScanner, alternation, word_starts
from simulator.reading import cue_lexicon as lex

# Plain fragments in the lexicon's style: shared beginnings, optional groups, leading choices.
FRAGMENTS = (
    r"you should",
    r"you need to",
    r"you(?:'re| are) (?:so |really )?tired",
    r"(?:it|that) sounds",
    r"take it or leave it",
    r"try",
    r"trying (?:that|this)",
    r"i(?:'ve| have) told you",
    r"why not(?: just)? \w+",
    r"\d+ (?:percent|drinks)",
)
WORDS = (
    "you",
    "should",
    "need",
    "to",
    "you're",
    "are",
    "so",
    "tired",
    "it",
    "that",
    "sounds",
    "take",
    "or",
    "leave",
    "try",
    "trying",
    "this",
    "i've",
    "have",
    "told",
    "why",
    "not",
    "just",
    "go",
    "10",
    "percent",
    "drinks",
    "really",
    "okay,",
    "(so",
    "well.",
)
sentences = st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join)


def plain_scan(lists: tuple[tuple[str, tuple[str, ...]], ...]) -> re.Pattern[str]:
    named = "|".join(f"(?P<{kind}>{'|'.join(fragments)})" for kind, fragments in lists)
    return re.compile(WORD_START + "(?:" + named + ")" + WORD_END)


@pytest.mark.slow
@settings(max_examples=300)
@given(text=sentences)
def test_trie_alternation_matches_where_the_plain_alternation_matches(text: str) -> None:
    shaped = re.compile(WORD_START + alternation(FRAGMENTS) + WORD_END)
    plain = re.compile(WORD_START + "(?:" + "|".join(FRAGMENTS) + ")" + WORD_END)
    assert [m.start() for m in shaped.finditer(text)] == [m.start() for m in plain.finditer(text)]


@pytest.mark.slow
@settings(max_examples=300)
@given(text=sentences)
def test_scanner_finds_the_phrases_a_plain_scan_finds(text: str) -> None:
    lists = (("advice", FRAGMENTS[:2] + FRAGMENTS[8:9]), ("feeling", FRAGMENTS[2:4]), ("rest", FRAGMENTS[4:]))
    found = {kind for kind, _ in PhraseScanner(lists).finditer(text)}
    expected = {m.lastgroup for m in plain_scan(lists).finditer(text)}
    assert found == expected


def test_scanner_reports_the_list_and_the_words() -> None:
    scanner = PhraseScanner((("advice", (r"you should",)), ("tired", (r"you(?:'re| are) tired",))))
    assert list(scanner.finditer("well, you're tired and you should rest")) == [
        ("tired", "you're tired"),
        ("advice", "you should"),
    ]


def test_anchored_phrases_match_only_at_the_first_word() -> None:
    scanner = PhraseScanner((("confront", (r"^come on",)),))
    assert scanner.finds("come on, really", "confront")
    assert not scanner.finds("do come on in", "confront")


def test_a_phrase_without_a_plain_beginning_is_refused_at_build_time() -> None:
    with pytest.raises(ValueError, match="must start with plain letters"):
        PhraseScanner((("odd", (r"(?:a|b(?:c))d",)),))


@given(text=st.text(alphabet=" ab'(-.,x", max_size=40))
def test_word_starts_are_where_words_begin(text: str) -> None:
    for start in word_starts(text):
        assert text[start] not in " "
        assert start == 0 or text[start - 1] in " \"'([{-*_~`,.;:!?"


@pytest.mark.slow
def test_every_lexicon_list_compiles() -> None:
    lists = [
        value
        for name, value in vars(lex).items()
        if name.isupper() and isinstance(value, tuple) and all(isinstance(v, str) for v in value)
    ]
    assert len(lists) > 20
    for fragments in lists:
        re.compile(alternation(fragments))


def reference_scan(scanner: PhraseScanner, text: str) -> list[tuple[str, str]]:
    """The scanner's contract spelled out slowly: try the phrases at every word start, in order."""
    found, end = [], 0
    for start in word_starts(text):
        if start < end:
            continue
        key = (text[start : start + 2], not start)
        pattern = scanner._pattern_for(*key)
        match = pattern.match(text, start) if pattern is not None else None
        if match:
            end = match.end()
            found.append((match.lastgroup or "", match.group()))
    return found


PUNCTUATED = st.lists(
    st.sampled_from((*WORDS, "'you", "self-you", "x-should", "you,should", '"tired"', "-so", "'cause")),
    max_size=14,
).map(" ".join)


@pytest.mark.slow
@settings(max_examples=300)
@given(text=PUNCTUATED)
def test_the_gated_scan_finds_exactly_what_trying_every_word_start_finds(text: str) -> None:
    lists = (("advice", FRAGMENTS[:2] + FRAGMENTS[8:9]), ("feeling", FRAGMENTS[2:4]), ("rest", FRAGMENTS[4:]))
    scanner = PhraseScanner(lists)
    assert scanner.scan(text) == reference_scan(scanner, text)


def test_the_gated_scan_matches_the_word_by_word_scan_on_the_lexicon() -> None:
    lists = (
        ("confront", lex.CONFRONT_PHRASES),
        ("advice", lex.ADVICE_PHRASES),
        ("feelings", lex.FEELINGS_CUES),
    )
    scanner = PhraseScanner(lists)
    for text in (
        "'you should' is what they all say, and you're so tired of it",
        "self-confidence, you need to-- you need to rest",
        "35-40% of people feel overwhelmed; you always forget the obs",
    ):
        assert scanner.scan(text) == reference_scan(scanner, text)
