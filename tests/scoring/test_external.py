"""External transcripts of two people: both formats, speaker aliases, located errors."""

import pytest

from scoring.external import parse_external
from scoring.scorecard import score_facts
from simulator.errors import ExternalTranscriptError
from simulator.talk.client_talk import read_talk

TXT = """Manager: Thanks for coming in. What would make this useful for you?
Employee: I don't know. I'm fine really.
Manager: It sounds like things have been a lot lately.
Employee: I want to get back to running,
  and I could start with short runs.
"""


def test_txt_transcript_reads_speakers_and_continuation_lines() -> None:
    facts = parse_external(TXT, "t.txt", ".txt")
    assert [turn.trainee for turn in facts.turns] == [
        "Thanks for coming in. What would make this useful for you?",
        "It sounds like things have been a lot lately.",
    ]
    assert facts.turns[1].coachee.endswith("I could start with short runs.")
    assert facts.turns[1].coachee_talk == ("change",)
    assert not facts.simulated


def test_jsonl_transcript_reads_speaker_and_text() -> None:
    text = '{"speaker": "Therapist", "text": "What matters most to you?"}\n{"speaker": "client", "text": "My kids."}\n'
    facts = parse_external(text, "t.jsonl", ".jsonl")
    assert facts.turns[0].move.focus.value == "values" and facts.turns[0].coachee == "My kids."


@pytest.mark.parametrize(
    ("text", "suffix", "message"),
    [
        ("Boss: Do it.\n", ".txt", "t:1: unknown speaker 'Boss'"),
        ("just words\n", ".txt", "t:1: expected 'Speaker: text'"),
        ('{"speaker": "coach"}\n', ".jsonl", "t:1: 'text' must be a string"),
        ("{oops\n", ".jsonl", "t:1: not JSON"),
        ("Client: Hello.\n", ".txt", "t: no coach lines to score"),
    ],
)
def test_bad_external_transcript_names_the_line(text: str, suffix: str, message: str) -> None:
    with pytest.raises(ExternalTranscriptError, match=message):
        parse_external(text, "t", suffix)


def test_external_scorecard_marks_simulator_measures_not_applicable() -> None:
    card = score_facts(parse_external(TXT, "t.txt", ".txt"))
    assert card.measure("coachee_trajectory").rating == "n/a"
    assert card.measure("story_revealed").rating == "n/a"
    assert card.measure("change_talk").rating == "good"


@pytest.mark.parametrize(
    ("line", "talk"),
    [
        ("I want to cut down.", "change"),
        ("I'm going to call him tomorrow.", "change"),
        ("I don't want to end up like my dad.", "change"),
        ("I don't want to stop drinking.", "sustain"),
        ("I can't do that.", "sustain"),
        ("It's not a big deal.", "sustain"),
        ("Yeah.", "neutral"),
    ],
)
def test_coachee_talk_is_read_as_change_sustain_or_neutral(line: str, talk: str) -> None:
    assert read_talk(line) == talk
