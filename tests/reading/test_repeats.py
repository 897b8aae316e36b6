"""`LinesHeard` tells a repeat at once, as comparing the line with every earlier one would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.reading.repeats import LinesHeard, line_key, repeats

# Lines from a few words, so that the same words, the same content words in another order and
# fillers around them all come up often.
WORDS = ["what", "matters", "most", "to", "you", "nursing", "ok", "so", "the", "ward", "teaching", "then"]
lines = st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join)


@settings(max_examples=300)
@given(st.lists(lines, max_size=8), lines)
def test_a_repeat_is_told_as_comparing_with_every_earlier_line_tells_it(
    earlier: list[str], line: str
) -> None:
    keys = [line_key(text) for text in earlier]
    key = line_key(line)
    assert LinesHeard.of(keys).repeated_by(key) == any(repeats(key, before) for before in keys)


def test_lines_held_one_by_one_are_remembered() -> None:
    heard = LinesHeard()
    assert not heard.repeated_by(line_key("What matters most to you about nursing?"))
    heard.add(line_key("What matters most to you about nursing?"))
    assert heard.repeated_by(line_key("so what matters most to you about nursing then"))
    assert heard.repeated_by(line_key("About nursing, what matters most to you?"))  # same content words
    assert not heard.repeated_by(line_key("What matters most to you about teaching?"))
