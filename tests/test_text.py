"""Untrusted text is made safe to store and to show in a terminal."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.text import MAX_LINE_CHARS, clean_line, strip_control, terminal_json, terminal_text


def test_escape_sequences_and_controls_are_removed() -> None:
    assert strip_control("a\x1b[31mred\x1b[0m b\x1b]0;title\x07c\x00d\u202e") == "ared bcd"


def test_tabs_and_newlines_become_single_spaces_in_a_line() -> None:
    assert clean_line("  one\ttwo\n\nthree  ") == "one two three"


def test_other_scripts_and_emoji_are_kept() -> None:
    assert clean_line("Grüße 日本語 🙂") == "Grüße 日本語 🙂"


@pytest.mark.slow
@given(st.text())
def test_cleaned_lines_hold_no_control_characters_and_respect_the_limit(text: str) -> None:
    cleaned = clean_line(text)
    assert len(cleaned) <= MAX_LINE_CHARS
    assert not any(ord(char) < 32 or 0x7F <= ord(char) < 0xA0 for char in cleaned)
    assert cleaned == cleaned.strip()


def test_text_for_the_terminal_keeps_its_lines_and_tabs_and_loses_its_escapes() -> None:
    assert terminal_text("a\tb\x1b]52;c;aGk=\x07\nc\x1b[2J\u202e") == "a\tb\nc"


@pytest.mark.slow
@given(st.recursive(st.text(), lambda inner: st.lists(inner, max_size=3), max_leaves=8))
def test_json_for_the_terminal_reads_back_the_same_and_holds_nothing_a_terminal_acts_on(
    value: object,
) -> None:
    text = terminal_json({"value": value})
    assert json.loads(text) == {"value": value}
    assert all(char.isprintable() for char in text)
