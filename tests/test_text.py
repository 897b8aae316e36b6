"""Untrusted text is made safe to store and to show in a terminal."""

from hypothesis import given
from hypothesis import strategies as st

from simulator.text import MAX_LINE_CHARS, clean_line, strip_control


def test_escape_sequences_and_controls_are_removed() -> None:
    assert strip_control("a\x1b[31mred\x1b[0m b\x1b]0;title\x07c\x00d\u202e") == "ared bcd"


def test_tabs_and_newlines_become_single_spaces_in_a_line() -> None:
    assert clean_line("  one\ttwo\n\nthree  ") == "one two three"


def test_other_scripts_and_emoji_are_kept() -> None:
    assert clean_line("Grüße 日本語 🙂") == "Grüße 日本語 🙂"


@given(st.text())
def test_cleaned_lines_hold_no_control_characters_and_respect_the_limit(text: str) -> None:
    cleaned = clean_line(text)
    assert len(cleaned) <= MAX_LINE_CHARS
    assert not any(ord(char) < 32 or 0x7F <= ord(char) < 0xA0 for char in cleaned)
    assert cleaned == cleaned.strip()
