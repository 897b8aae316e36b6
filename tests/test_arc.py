"""The coaching arc: the stage read from the conversation, and a line voiced from the coachee's own words."""

from collections.abc import Mapping
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.arc import (
    ArcFacts,
    Exchange,
    mirror,
    moment,
    names_in,
    next_step_on_arc,
    shared_words,
    stage,
    stage_of,
)
from simulator.reading.reflection import feeling_of, reflection_fit, reflects
from simulator.vocabulary import Focus, State
from tests.strategies import COACHEE_WORDS, COMPASSION_LINES, STOCK_LINES


def test_mirror_hands_back_the_coachees_words_from_the_trainees_side() -> None:
    assert mirror("I'm fine. It's just been busy.") == "it's just been busy"
    assert mirror("I've tried lists, and charts.") == "you've tried lists"
    assert mirror("Last week I was on nights again.") == "last week you were on nights again"


def test_mirror_never_hands_back_a_question_or_a_line_about_the_trainee() -> None:
    assert mirror("You wanted to see me. Is this about the notes?") == ""
    assert mirror("That's not fair and you know it.") == ""
    assert mirror("Okay.") == ""


def test_mirror_hands_back_no_fragment_and_no_order() -> None:
    # A clause opening with a preposition or "because" is no statement; one opening with a verb is
    # an order to the listener, which the swap would garble ("Let me pick" -> "let you pick").
    assert mirror("Right. Because I'd never have thought of that.") == ""
    two_missed = "Two got missed. Two, on the worst nights we've had, and that's what we're talking about."
    assert mirror(two_missed) == "two got missed"
    assert mirror("Let me pick something I'd do on a Saturday. Not just on a good Tuesday.") == ""
    assert mirror("Fine. Just please tell me before any of it goes upstairs.") == ""
    assert mirror("Calm. Which is strange, because nothing's fixed yet.") == ""
    assert mirror("Frustrated, maybe. Not with you. With how things get decided now.") == ""
    # a verb whose subject was dropped, or thanks, would come back garbled
    assert mirror("My plan is to cook dinner. Starts at half five.") == "your plan is to cook dinner"
    assert mirror("That stings. Doesn't mean it's wrong.") == ""
    assert mirror("Thanks for leaving it with me. Makes it easier to be straight.") == ""
    assert mirror("Even when I'm shattered, I go to the students.") == "you go to the students"


def test_mirror_keeps_a_name_capitalised_and_lowers_an_ordinary_first_word() -> None:
    assert mirror("Jean saw the letter and went quiet.", "I told Jean about it.").startswith("Jean")
    assert mirror("Nobody notices the nights I stay late.").startswith("nobody")


def test_a_name_the_persona_uses_keeps_its_capital_when_it_opens_the_handed_back_words() -> None:
    texts = ["I told Kofi on Sunday.", "Kofi's good. Good cooks are rare, and it's a good kitchen."]
    assert names_in(texts) == {"Kofi", "Sunday"}
    said = "Kofi wants the pass, and he's earned it."
    assert mirror(said).startswith("kofi")
    assert mirror(said, names=names_in(texts)).startswith("Kofi wants the pass")


def test_a_line_takes_up_the_coachees_words_by_a_word_of_theirs_not_by_an_everyday_one() -> None:
    said = "The Glanrhyd women are lovely. I start from nothing every time."
    assert shared_words("The women in Glanrhyd don't know you yet.", said) == 2
    assert shared_words("The drive over the mountain shapes every working day.", said) == 0


def test_a_repair_hands_back_a_shut_down_coachees_words_only_when_nothing_else_is_left() -> None:
    jab = "Lovely. She can lend me her afternoon, then."
    first = next_step_on_arc(ArcFacts(5, set(), set(), State.DEFENSIVE, coachee_said=jab)).example
    assert "afternoon" not in first
    everything_else = frozenset(
        template for template in stage("repair").templates if "{mirror}" not in template
    )
    last = next_step_on_arc(
        ArcFacts(9, set(), set(), State.DEFENSIVE, coachee_said=jab, used=everything_else)
    )
    assert "her afternoon" in last.example


def test_the_arc_repairs_before_anything_else_and_warms_up_first() -> None:
    assert stage_of(ArcFacts(4, set(), set(), State.DEFENSIVE)) == "repair"
    assert stage_of(ArcFacts(0, set(), set(), State.GUARDED)) == "warm_up"
    assert stage_of(ArcFacts(3, set(), set(), State.GUARDED, last_move_was_nea=True)) == "acknowledge"


def test_a_vision_asked_for_but_not_yet_told_is_deepened_not_asked_again() -> None:
    asked = ArcFacts(5, {Focus.VISION, Focus.VALUES, Focus.STRENGTHS}, set(), State.REFLECTIVE)
    assert stage_of(asked) == "deepen"


def test_after_question_after_question_the_next_move_hands_back_the_last_answer() -> None:
    answer = "Teaching, maybe. I'd love to train the new starters on the ward."
    asked = [
        Exchange(
            "What matters most to you?", Focus.VALUES, False, "The patients. Getting it right.", question=True
        ),
        Exchange("Where do you see yourself in five years?", Focus.VISION, False, answer, question=True),
    ]
    suggestion = next_step_on_arc(moment(asked, "Hello.", State.NEUTRAL), reflects)
    assert suggestion.move == "reflect before asking again"
    assert "train the new starters" in suggestion.example and reflects(suggestion.example, answer)
    reflected = [asked[0], Exchange("Getting it right for them.", Focus.VALUES, False, "Always."), asked[1]]
    assert stage_of(moment(reflected, "Hello.", State.NEUTRAL)) != "reflect_first"
    unclear = Exchange("asdf", Focus.NONE, False, "Sorry?", counts=False)
    assert stage_of(moment([asked[0], unclear, asked[1]], "Hello.", State.NEUTRAL)) == "reflect_first"


def test_a_better_reflection_is_built_from_what_the_coachee_just_said() -> None:
    said = "We're two nurses down most nights, and I'm tired of it."
    facts = ArcFacts(3, {Focus.FEELINGS}, set(), State.GUARDED, coachee_said=said)
    line = next_step_on_arc(facts).example
    assert "two nurses down" in line and reflection_fit(line, [said]).echo.reflects


def test_the_better_line_never_rewords_the_trainees_own_line_nor_repeats_an_offered_one() -> None:
    said = "It's the same for everyone at the moment."
    first = next_step_on_arc(ArcFacts(3, set(), set(), State.GUARDED, coachee_said=said))
    again = next_step_on_arc(
        ArcFacts(3, set(), set(), State.GUARDED, coachee_said=said, used=frozenset({first.example}))
    )
    assert again.example != first.example
    own = next_step_on_arc(
        ArcFacts(3, set(), set(), State.GUARDED, coachee_said=said, trainee_lines=(first.example,))
    )
    assert own.example != first.example


def test_a_topic_is_named_only_once_the_coachee_has_mentioned_it() -> None:
    unsaid = ArcFacts(2, {Focus.STRENGTHS}, set(), State.NEUTRAL, coachee_said="Maybe.", topics=("students",))
    assert "students" not in next_step_on_arc(unsaid).example


PERSONA_LINES = {
    "reflect": ("The students matter to you, even on the nights there's nothing left to give them.",),
    "vision": ("If teaching had a proper place in your week, what would that look like?",),
    "step": ("What's one small thing you'd like to try with the students, if anything?",),
}


def _after(
    state: State, said: str, lines: Mapping[str, tuple[str, ...]] | None = None, **more: Any
) -> ArcFacts:
    """A moment five turns in, after the coachee said `said`, with persona lines (PERSONA_LINES by default)."""
    return ArcFacts(
        5,
        set(),
        set(),
        state,
        coachee_said=said,
        persona_lines=PERSONA_LINES if lines is None else lines,
        **more,
    )


def test_a_persona_line_for_the_stage_comes_before_the_templates() -> None:
    said = "The students are fine. They're not the problem, are they?"
    guarded = _after(State.GUARDED, said)
    assert next_step_on_arc(guarded, reflects, feeling_of).example == PERSONA_LINES["reflect"][0]
    # the vision stage takes the persona's vision line; a stage with no line of its own takes a template
    ready = ArcFacts(
        4,
        {Focus.STRENGTHS},
        set(),
        State.NEUTRAL,
        coachee_said="I love having them.",
        persona_lines=PERSONA_LINES,
    )
    assert stage_of(ready) == "vision"
    assert next_step_on_arc(ready, reflects, feeling_of).example == PERSONA_LINES["vision"][0]
    closing = ArcFacts(
        9,
        {Focus.VISION, Focus.VALUES, Focus.REAL_SELF, Focus.PLAN},
        {"vision", "values", "next_step"},
        State.OPEN,
        coachee_said="I'll ask her on Monday.",
        persona_lines=PERSONA_LINES,
    )
    assert stage_of(closing) == "affirm_and_close"
    assert next_step_on_arc(closing).example not in {
        line for lines in PERSONA_LINES.values() for line in lines
    }


def test_a_repair_says_the_persona_line_as_written_unless_a_push_was_named() -> None:
    # A blind rater preferred the line alone to the line with a choice handed back after it (arc.json).
    said = "The students are fine. They're not the problem, are they?"
    shut = _after(State.DEFENSIVE, said)
    line = next_step_on_arc(shut, reflects, feeling_of).example
    assert line == PERSONA_LINES["reflect"][0]
    # said once, it is not offered again
    again = _after(State.DEFENSIVE, said, used=frozenset({line}))
    assert next_step_on_arc(again, reflects, feeling_of).example != line
    # told off, the coachee is owed the owning of it first
    lectured = _after(State.DEFENSIVE, "I don't need a lecture.")
    assert next_step_on_arc(lectured, reflects, feeling_of).example.startswith("I came in too hard")
    # but "told" of someone else, or of themselves, is no complaint about the trainee
    for own in (
        "I told Ffion to stay in the car. She was slow on the doorstep.",
        "I keep saying that, I know.",
    ):
        line = next_step_on_arc(_after(State.DEFENSIVE, own), reflects, feeling_of).example
        assert not line.startswith(("I came in too hard", "You've had enough of being told")), line


def test_an_answer_written_for_the_coachees_question_comes_first_as_written() -> None:
    asked = "Is this going on my record?"
    answer = "No, nothing goes on your record from today. I'm sorry I made it sound that way."
    lines = {**PERSONA_LINES, "answer": (answer,)}
    assert next_step_on_arc(_after(State.DEFENSIVE, asked, lines), reflects, feeling_of).example == answer
    assert stage_of(_after(State.NEUTRAL, asked, lines)) == "answer"
    assert next_step_on_arc(_after(State.NEUTRAL, asked, lines), reflects, feeling_of).example == answer
    # written for a line the coachee could not follow, the answer is the muddle cleared up
    again = "Sorry, I made a muddle of that. How have things been for you this month?"
    muddled = _after(State.NEUTRAL, "You've lost me. Say that again?", {"answer": (again,)})
    assert stage_of(muddled) == "clarify"
    assert next_step_on_arc(muddled, reflects, feeling_of).example == again
    # and an answer is not given twice
    given = _after(State.DEFENSIVE, asked, lines, used=frozenset({answer}))
    assert next_step_on_arc(given, reflects, feeling_of).example != answer


def test_a_persona_line_is_held_back_when_the_coachee_asked_to_leave_the_subject() -> None:
    said = "Leave the students out of it. They work hard."
    shut = _after(State.DEFENSIVE, said)
    assert PERSONA_LINES["reflect"][0] not in next_step_on_arc(shut, reflects, feeling_of).example


def test_a_persona_line_is_not_offered_twice_nor_after_the_trainee_said_it() -> None:
    said = "The students are fine."
    line = PERSONA_LINES["reflect"][0]
    used = _after(State.GUARDED, said, used=frozenset({line}))
    assert next_step_on_arc(used).example != line
    own = _after(State.GUARDED, said, trainee_lines=(line,))
    assert next_step_on_arc(own).example != line


def test_a_persona_line_does_not_pass_over_a_question_or_a_worry() -> None:
    asked = _after(State.NEUTRAL, "Why do you want to know about them?")
    assert stage_of(asked) == "answer"
    assert next_step_on_arc(asked).example not in PERSONA_LINES["reflect"]


def test_a_persona_line_naming_a_hard_feeling_waits_for_one() -> None:
    heavy = {"reflect": ("That's a lot to carry, the students on top of everything.",)}
    cheerful = _after(State.GUARDED, "I love having the students.", lines=heavy)
    assert next_step_on_arc(cheerful, reflects, feeling_of).example != heavy["reflect"][0]
    weary = _after(State.GUARDED, "I'm exhausted, and the students need me.", lines=heavy)
    assert next_step_on_arc(weary, reflects, feeling_of).example == heavy["reflect"][0]


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([*COMPASSION_LINES, *STOCK_LINES]), st.sampled_from(COACHEE_WORDS)),
        max_size=8,
    ),
    st.sampled_from([None, *State]),
)
@pytest.mark.slow
def test_a_moment_always_has_a_move_and_its_line_is_fresh(
    pairs: list[tuple[str, str]], state: State | None
) -> None:
    exchanges = [Exchange(line, Focus.VISION, False, reply) for line, reply in pairs]
    suggestion = next_step_on_arc(moment(exchanges, "Hello.", state))
    assert suggestion.move and suggestion.why
    assert suggestion.example not in [line for line, _ in pairs]


# --- the arc's shortcuts say what the plain definitions say -----------------------------------------

# Letters whose lowering is not one for one (the dotted capital I, the long s, the Kelvin sign), a curly
# apostrophe and word joiners, so a word can start or stop where a plain comparison would not expect.
arc_words = st.text(st.sampled_from("abcdeI_'-. \u0130\u017f\u212a\u2019\u00e9"), min_size=1, max_size=8)


@settings(max_examples=50)
@given(
    st.lists(arc_words, min_size=1, max_size=8, unique=True),
    st.lists(st.one_of(arc_words, st.sampled_from([" ", ", ", ". "])), max_size=30),
)
@pytest.mark.slow
def test_the_topic_words_named_are_those_found_from_a_word_start(
    topics: list[str], pieces: list[str]
) -> None:
    import re

    from simulator.arc import _topics_named

    lowered = "".join(pieces).lower()
    found = {word: word.lower() for word in topics if re.search(rf"\b{re.escape(word.lower())}", lowered)}
    assert dict(_topics_named(lowered, tuple(topics))) == found


@settings(max_examples=150)
@given(st.lists(arc_words, min_size=1, max_size=6, unique=True), st.data())
@pytest.mark.slow
def test_the_topic_words_named_in_lines_are_those_named_in_the_lines_joined(
    topics: list[str], data: st.DataObject
) -> None:
    import re

    from simulator.arc import _topics_named_in_lines

    # A text of topic words among others, cut into lines at some of its spaces (the space that joins
    # two lines may fall inside a topic word that holds one).
    pieces = data.draw(st.lists(st.one_of(st.sampled_from(topics), arc_words, st.just(" ")), max_size=14))
    text = "".join(pieces)
    spaces = [at for at, character in enumerate(text) if character == " "]
    cuts = sorted(data.draw(st.sets(st.sampled_from(spaces), min_size=1))) if spaces else []
    lines = tuple(text[start + 1 : end] for start, end in pairwise([-1, *cuts, len(text)]))
    # Each moment reads its lines so far, as a conversation's come (the lines before are not read again).
    for count in range(2, len(lines) + 1):
        said = " ".join(lines[:count])
        lowered = said.lower()
        found = {word: word.lower() for word in topics if re.search(rf"\b{re.escape(word.lower())}", lowered)}
        assert dict(_topics_named_in_lines(said, lowered, lines[:count], tuple(topics))) == found


@settings(max_examples=50)
@given(
    st.lists(
        st.sampled_from([*COMPASSION_LINES, *STOCK_LINES, *COACHEE_WORDS, "What matters most to you here?"]),
        max_size=12,
    ),
    st.sampled_from([*COMPASSION_LINES, *STOCK_LINES, "What matters to you most? Tell me more."]),
    st.sampled_from(COACHEE_WORDS),
)
def test_a_line_is_too_close_to_the_trainees_lines_as_the_plain_comparison_says(
    lines: list[str], line: str, coachee: str
) -> None:
    from simulator.arc import _said, _said_lines, _too_close, _words

    own = _words(coachee)
    assert _said_lines(tuple(lines)).too_close(line, own) == _too_close(line, _said(lines, own), own)


def test_a_line_that_hands_back_the_coachee_s_words_is_offered_only_if_it_reflects_them() -> None:
    said = "That's good to know. I wasn't sure I'd get a say."
    facts = ArcFacts(3, set(), set(), State.GUARDED, coachee_said=said)
    handed_back = mirror(said)
    assert handed_back in next_step_on_arc(facts, lambda line, words: True).example
    # A check that finds no reflection in it: a line that does not hand their words back instead.
    instead = next_step_on_arc(facts, lambda line, words: False).example
    assert instead and handed_back not in instead
    offered = next_step_on_arc(facts, reflects).example
    assert handed_back not in offered or reflects(offered, said)


def test_a_line_voicing_a_hard_feeling_follows_only_words_that_carried_one() -> None:
    # "That's a lot to carry" after pride reads it as a burden; after small talk, as mockery.
    heavy = ("a lot to carry", "wearing on you", "carrying a great deal", "more than anyone should")
    for said in (
        "Ninety covers on four cooks and nothing sent back. That's a strength, last I checked.",
        "Sure. The weather's not helped, mind.",
    ):
        facts = ArcFacts(2, set(), set(), State.GUARDED, coachee_said=said)
        offered = next_step_on_arc(facts, reflects, feeling_of).example
        assert offered and not any(phrase in offered for phrase in heavy)
    worn = ArcFacts(2, set(), set(), State.GUARDED, coachee_said="I'm exhausted. The nights are killing me.")
    assert any(phrase in next_step_on_arc(worn, reflects, feeling_of).example for phrase in heavy)


def test_a_topic_is_named_as_the_coachee_named_it() -> None:
    said = "Nobody asked us about the reorg. An email on a Tuesday, and then new meetings."
    facts = ArcFacts(6, {Focus.VISION}, {"vision"}, State.OPEN, coachee_said=said, topics=("reorg",), told=())
    not_their_words = next_step_on_arc(facts, lambda line, words: False).example
    assert not_their_words == "What matters most to you about the reorg?"


def test_an_opening_worry_is_answered_before_the_time_is_handed_over() -> None:
    # "Is this about the notes?" met with "What would make this time worthwhile?" dodges it.
    worried = ArcFacts(
        0, set(), set(), State.GUARDED, coachee_said="You wanted to see me. Is this about the notes?"
    )
    assert stage_of(worried) == "settle"
    calm = ArcFacts(0, set(), set(), State.GUARDED, coachee_said="Morning. Lovely day for it.")
    assert stage_of(calm) == "warm_up"


def test_a_line_the_coachee_could_not_follow_is_said_again_simply_first() -> None:
    lost = ArcFacts(
        9,
        {Focus.VISION},
        {"vision", "next_step"},
        State.OPEN,
        coachee_said="You've lost me, sorry. Start that again?",
    )
    assert stage_of(lost) == "clarify"
    assert "muddle" in next_step_on_arc(lost).example or "said that badly" in next_step_on_arc(lost).example
    guessing = ArcFacts(
        2,
        set(),
        set(),
        State.GUARDED,
        coachee_said="Not sure what you're getting at. I'm too tired to guess.",
    )
    assert stage_of(guessing) == "clarify"


@pytest.mark.parametrize(
    "said",
    [
        "We've done this bit.",
        "I think you asked me that already. Same answer, I'm afraid.",
        "Same answer as two minutes ago.",
        "You've asked me that. Still the same answer, I'm afraid.",
        "Asked and answered, I think. Unless you mean something different?",
        "Have I gone in a loop, or have you?",
    ],
)
@pytest.mark.parametrize("state", [State.DEFENSIVE, State.GUARDED, State.OPEN])
def test_a_complaint_of_being_asked_again_is_owned_first_whatever_the_state(said: str, state: State) -> None:
    # Rated blind: "So you did this one already. Go on, I'm listening." took the complaint at face value.
    moment = ArcFacts(6, set(), set(), state, coachee_said=said)
    assert stage_of(moment) == "own_repeat"
    assert next_step_on_arc(moment, reflects, feeling_of).example in stage("own_repeat").templates
    # "same answer" in passing is no complaint, nor being asked for the first time in years
    for plain in (
        "I put the same answer on the form.",
        "I don't know. Nobody's asked me that in four years.",
    ):
        assert stage_of(ArcFacts(6, set(), set(), State.GUARDED, coachee_said=plain)) != "own_repeat"


def test_a_question_put_to_the_trainee_is_answered_before_the_arc_moves_on() -> None:
    asked = ArcFacts(
        5, {Focus.VISION}, set(), State.NEUTRAL, coachee_said="So I stay late. Would you rather I went home?"
    )
    assert stage_of(asked) == "answer"
    to_themselves = ArcFacts(
        5, {Focus.VISION}, set(), State.NEUTRAL, coachee_said="Two years? Still here, I suppose."
    )
    assert stage_of(to_themselves) != "answer"
    # nor is a tag on a statement, nor an idea of their own put forward as a question: thinking
    # aloud, which is heard (reflected) before the arc moves on
    for aloud in (
        "And I'm not much use to our Maisie from that armchair, am I?",
        "I can't show them good care and then chart from my kitchen at eleven at night, can I?",
        "Growing them, you know?",
        "What if I chart at the bedside as I go, for one week? I'd like to try that.",
    ):
        moment = ArcFacts(5, {Focus.VISION}, set(), State.NEUTRAL, coachee_said=aloud)
        assert stage_of(moment) == "reflect_first", aloud
    challenged = ArcFacts(5, {Focus.VISION}, set(), State.NEUTRAL, coachee_said="You don't care, do you?")
    assert stage_of(challenged) == "answer"


def test_a_line_that_answers_something_is_offered_only_after_it_was_said() -> None:
    # "No need to apologise" after no apology, "we'll keep it short" when nobody asked: arc.json's template_needs.
    sorry = ArcFacts(
        0, set(), set(), State.GUARDED, coachee_said="Sorry, sorry, I got stuck on the ward. I know."
    )
    assert next_step_on_arc(sorry).example.startswith("No need to apologise")
    rushed = ArcFacts(
        0, set(), set(), State.GUARDED, coachee_said="I know. Can we be quick? I've got a clinic at two."
    )
    assert next_step_on_arc(rushed).example.startswith("We'll keep it short")
    plain = "Go on then. I know what the dashboard says, so let's not pretend this is a coffee."
    assert next_step_on_arc(ArcFacts(0, set(), set(), State.GUARDED, coachee_said=plain)).example.startswith(
        "I won't pretend otherwise"
    )
    # A marker is not found inside another word: "still" holds no "till", "coffee" no "off".
    still = ArcFacts(
        0,
        set(),
        set(),
        State.GUARDED,
        coachee_said="Is this about the rota? I'm still on it, coffee and all.",
    )
    assert not next_step_on_arc(still).example.startswith(("We'll keep it short", "I came in too hard"))
    neither = ArcFacts(0, set(), set(), State.GUARDED, coachee_said="I know the notes are late.")
    offered = next_step_on_arc(neither).example
    assert offered and not offered.startswith(
        ("No need to apologise", "We'll keep it short", "Fair question")
    )


def test_a_hard_feeling_just_voiced_is_met_before_the_arc_moves_on() -> None:
    frightened = ArcFacts(
        4, set(), set(), State.NEUTRAL, coachee_said="Honestly? I was scared on that shift. I still am."
    )
    assert stage_of(frightened) == "strengths"
    met = next_step_on_arc(frightened, reflects, feeling_of)
    assert met.move == "empathic reflection"
    assert next_step_on_arc(frightened).move == "ask about strengths"  # without the reader's feeling check


@pytest.mark.parametrize(
    "said",
    [
        "Bess died in March. Nine years we walked every morning, rain or shine.",
        "Dad's funeral was on the Tuesday, so I wasn't really here that week.",
    ],
)
def test_a_loss_told_without_feeling_words_is_met_before_the_arc_moves_on(said: str) -> None:
    bereaved = ArcFacts(4, set(), set(), State.NEUTRAL, coachee_said=said)
    assert stage_of(bereaved) == "strengths"
    assert next_step_on_arc(bereaved, reflects, feeling_of).move == "empathic reflection"
