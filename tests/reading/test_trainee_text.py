"""A line's question, split from the statements it opens with: by its marks, or dictated without them; and
the discourse markers a line opens with, set aside."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from simulator.reading.trainee_text import (
    asks,
    normalise,
    question_start,
    said_as_heard,
    split_lead,
    without_lead_in,
)


def test_a_typed_line_is_split_at_its_first_question_mark() -> None:
    line = "Six till seven. That's a thirteen hour day. What keeps you going?"
    assert split_lead(line) == ("Six till seven. That's a thirteen hour day.", "What keeps you going?")
    assert split_lead("You stayed an hour after your shift.") == ("", "You stayed an hour after your shift.")
    assert asks(line) and not asks("You stayed an hour after your shift.")


def test_a_dictated_line_is_split_where_its_question_starts() -> None:
    line = "so being known is the heart of it for you what would that look like"
    assert split_lead(line) == ("so being known is the heart of it for you", "what would that look like")
    assert (
        split_lead("you've had a rough week do you want to talk about it")[1]
        == "do you want to talk about it"
    )
    assert split_lead("what matters most to you") == ("", "what matters most to you")
    assert split_lead("you've been on nights all week how tired are you")[1] == "how tired are you"
    conditional = (
        "let me ask you something bigger if you could design your working life what would it look like"
    )
    assert split_lead(conditional)[0] == "let me ask you something bigger"
    assert asks(line) and asks("what matters most to you")


def test_a_line_typed_without_a_question_mark_is_split_by_its_words() -> None:
    assert split_lead("The reorg changed a lot. How has that been") == (
        "The reorg changed a lot.",
        "How has that been",
    )
    assert split_lead("You were proud of the team, who could support you now") == (
        "You were proud of the team",
        "who could support you now",
    )
    assert not asks("She's the one who got the new starter through her certificate.")
    assert (
        split_lead("that's the bit to hold on to what do you love about the job")[1]
        == "what do you love about the job"
    )


def test_a_wh_word_or_an_auxiliary_inside_a_statement_asks_nothing() -> None:
    for statement in (
        "i know what you mean and that's what matters",
        "you stayed with that family for an hour after your shift",
        "i want to hear how you see it first",
        "that is exactly what you did",
    ):
        assert not asks(statement) and split_lead(statement) == ("", statement)


WORDS = st.sampled_from(
    ["so", "you", "what", "would", "do", "is", "that", "the", "rota", "matters", "know", "how", "it", "i"]
)


@given(st.lists(WORDS, max_size=14))
def test_a_dictated_line_split_keeps_every_word_in_order(words: list[str]) -> None:
    line = " ".join(words)
    lead, asked = split_lead(line)
    assert " ".join(part for part in (lead, asked) if part).split() == words
    assert asks(line) is (question_start(words) is not None)
    assert (lead == "") is (question_start(words) in (None, 0))


def test_the_discourse_markers_a_line_opens_with_are_set_aside_when_punctuation_sets_them_off() -> None:
    assert without_lead_in("okay. so, what would help?") == "what would help?"
    assert without_lead_in("right, i want to see an improvement by next month.") == (
        "i want to see an improvement by next month."
    )
    assert without_lead_in("well... you've done brilliantly") == "you've done brilliantly"
    assert without_lead_in("yeah okay, let's start") == "let's start"


def test_a_line_without_a_marker_set_off_keeps_its_opening() -> None:
    assert without_lead_in("so you feel tired") == ""  # no punctuation: "so" may start a reflection
    assert without_lead_in("but, you were late again") == ""  # a "but" may take something back
    assert without_lead_in("right now it's a mess") == ""
    assert without_lead_in("well done, you got there") == ""
    assert without_lead_in("what would help?") == ""
    assert without_lead_in("well-being matters here.") == ""  # a hyphen joins a word, a dash sets off
    assert without_lead_in("so-called experts.") == ""
    assert without_lead_in("look - it is late.") == "it is late."


def test_a_line_of_markers_only_is_not_set_aside() -> None:
    for line in ("ok.", "right, right.", "mm. yeah.", "so, um..."):
        assert without_lead_in(line) == ""


def test_a_name_or_word_set_off_by_a_comma_at_the_start_is_set_aside() -> None:
    assert without_lead_in("Sam, what would help?") == "what would help?"
    assert without_lead_in("Dr Okonkwo, kindly share the rota.") == "kindly share the rota."
    assert without_lead_in("Mary-Jane, okay. So, what's next?") == "what's next?"
    assert without_lead_in("Honestly, you did great.") == "you did great."
    assert without_lead_in("sam, what would help?") == ""  # lower case: a name cannot be told from a word
    assert without_lead_in("I, for one, am glad.") == ""
    assert without_lead_in("Sam,") == "" and without_lead_in("Sam, ...") == ""


@given(st.text(max_size=60))
def test_setting_aside_the_lead_in_leaves_a_shorter_normalised_line(line: str) -> None:
    bare = without_lead_in(line)
    assert bare == "" or (normalise(bare) == bare and len(bare) < len(normalise(line)))


def test_what_a_line_says_it_heard_is_its_first_sentence_after_a_frame_of_listening() -> None:
    assert said_as_heard("I'm hearing that you stayed in community. What strengths does that show?") == (
        "you stayed in community."
    )
    assert said_as_heard("Reflecting back, what I'm noticing is the mountain road.") == "the mountain road."
    assert said_as_heard("so what im hearing is three are missing") == "three are missing"
    assert said_as_heard("So, right. What do you want?") == ""
    assert said_as_heard("What would you love to be doing?") == ""


@given(st.text(max_size=80))
def test_what_a_line_says_it_heard_is_always_part_of_the_line(line: str) -> None:
    assert said_as_heard(line) in line.lower().replace("\u2019", "'")
