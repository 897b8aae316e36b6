"""The coachee's words quoted back line after line are parroting: they move nothing and earn nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.evidence import conversation_evidence
from scoring.facts import facts_from_practice
from scoring.feedback import credit_of
from simulator.engine.session import Session
from simulator.errors import ConversationOver
from simulator.reading.parrot import WINDOW, parrot_of, quote_framed, quotes
from simulator.scenario import catalogue
from simulator.trainer.gaming import STRATEGIES, play_strategy
from simulator.trainer.rehearsal import score_session
from simulator.vocabulary import Band

SAID = "Frustrated. Mostly that I can't keep anyone."
STOCK = (
    "What's important to you at the moment?",
    "Where do you see yourself in a couple of years?",
    "What are you most proud of?",
    "What's one small step you could take?",
    "How does that make you feel?",
    "What matters most to you?",
    "What would you like to do next?",
)


def test_a_quote_is_the_coachees_words_handed_back_word_for_word() -> None:
    assert quotes("You said 'Frustrated.'", (SAID,))
    assert quotes("You said 'mostly that I can't keep anyone.'", (SAID,))
    assert quotes(
        "Mostly that you can't keep anyone.", ("I keep people safe.", "Mostly that you can't keep anyone.")
    )
    assert not quotes("Frustrated.", (SAID,))  # one word with no frame is an ordinary short reflection
    assert not quotes("It sounds like losing people wears you down.", (SAID,))
    assert not quotes("You said 'Frustrated.'", ("I'm fine.",))


def test_a_third_quote_within_six_lines_is_parroting() -> None:
    earlier = [("You said 'I'm fine.'", ("I'm fine.",)), ("What matters?", ("Fine.",))]
    assert (
        parrot_of("You said 'Frustrated.'", (SAID,), earlier) is None
    )  # twice is a habit, not yet a refrain
    earlier.append(("You said 'The food going out right.'", ("The food going out right.",)))
    assert parrot_of("You said 'Frustrated.'", (SAID,), earlier) == 0
    assert parrot_of("What would help?", (SAID,), earlier) is None  # a line that quotes nothing is none
    forgotten = earlier[:1] + [("What matters?", ("Fine.",))] * WINDOW + earlier[2:]
    assert parrot_of("You said 'Frustrated.'", (SAID,), forgotten) is None


def test_a_line_framed_as_a_quote_counts_whether_or_not_the_coachee_said_it() -> None:
    assert quote_framed("You said 'I'm fine. It's just been busy.'")
    assert quote_framed("'Nobody alone.' That's what you said.")
    assert quote_framed("you said \u201cstuck\u201d. tell me more")
    assert not quote_framed("You said you were tired.")  # in the trainee's own words: a reflection
    assert not quote_framed("She said 'no' to the rota.")  # someone else's words
    assert not quote_framed("I'm sure you'd say it's fine.")  # apostrophes open no quote
    misquoted = [
        ("You said 'I'm fine. It's just been busy.'", ("Morning.",)),
        ("What matters most?", ("The patients.",)),
        ("You said 'I'm good with the frightened ones.'", ("The patients.",)),
    ]
    # Neither earlier line quotes what was said, yet the frame is the refrain.
    assert parrot_of("So you said 'the patients'.", ("The patients.",), misquoted) == 0
    assert parrot_of("So you said 'I love teaching'.", ("The patients.",), misquoted) == 0
    assert parrot_of("What would help?", ("The patients.",), misquoted) is None


@given(st.lists(st.tuples(st.text(max_size=30), st.text(max_size=30)), max_size=10), st.text(max_size=30))
def test_parroting_points_at_an_earlier_quote_in_the_window(pairs: list[tuple[str, str]], line: str) -> None:
    earlier = [(trainee, (coachee,)) for trainee, coachee in pairs]
    found = parrot_of(line, (SAID,), earlier)
    if found is not None:
        assert found >= len(earlier) - WINDOW
        assert quotes(earlier[found][0], earlier[found][1]) or quote_framed(earlier[found][0])


def _parrot_between_stock_questions(scenario_id: str) -> Session:
    # The coachee's last first sentence quoted back, then a stock question, over and over.
    scenario = catalogue.load(scenario_id).scenario
    session, last = Session(scenario, seed=0), scenario.opening.text
    try:
        for turn in range(18):
            line = (
                f"You said '{last.split('. ')[0].rstrip('.')}.'"
                if turn % 2 == 0
                else STOCK[turn // 2 % len(STOCK)]
            )
            last = session.say(line).coachee
    except ConversationOver:
        pass
    return session


@pytest.mark.parametrize("scenario_id", [loaded.scenario.id for loaded in catalogue.load_bundled()])
def test_quoting_the_coachee_between_stock_questions_is_never_compassion_led(scenario_id: str) -> None:
    # Before parroting was heard, this scored compassion-led (75 to 89) on seven of the eight personas.
    session = _parrot_between_stock_questions(scenario_id)
    assert any("parrot" in turn.rules for turn in session.turns)
    assert score_session(session).band is not Band.COMPASSION_LED


def test_a_quote_opening_a_question_is_a_quote() -> None:
    glued = "So mostly that I can't keep anyone. What matters most to you?"
    assert not quotes(glued, (SAID,))  # the question dilutes the line
    earlier = [(glued, (SAID,)), (glued, (SAID,))]
    assert parrot_of(glued, (SAID,), earlier) == 0
    assert parrot_of("So keeping people matters. What matters most to you?", (SAID,), earlier) is None


def test_a_quote_with_the_person_turned_round_is_a_quote() -> None:
    said = ("I was never late out of the depot in thirty-one years.",)
    assert quotes("So you were never late out of the depot in thirty-one years.", said)
    assert quotes("Right, sounds like you were never late out of the depot.", said)
    assert not quotes("Thirty-one years and the depot never once waited for you.", said)


@pytest.mark.parametrize("scenario_id", [loaded.scenario.id for loaded in catalogue.load_bundled()])
def test_quoting_the_coachee_before_each_stock_question_is_never_compassion_led(scenario_id: str) -> None:
    # Before a quote opening a question was heard as one (checked at 6a5ffe5), this scored
    # compassion-led on every persona, 82 to 94.
    glued = STRATEGIES["their last sentence back, then a stock question"]
    session = play_strategy(catalogue.load(scenario_id).scenario, glued)
    assert any("parrot" in turn.rules for turn in session.turns)
    assert score_session(session).band is not Band.COMPASSION_LED


def test_the_coachee_is_moved_by_parroting_no_more_and_the_scorecard_credits_none() -> None:
    session = _parrot_between_stock_questions(catalogue.DEFAULT_SCENARIO)
    parroted = [turn for turn in session.turns if "parrot" in turn.rules]
    assert parroted and all(t.openness_after <= t.openness_before and not t.reveals for t in parroted)
    scenario = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario
    evidence = conversation_evidence(facts_from_practice(scenario, session.turns))
    flagged = [seen for seen in evidence if seen.parrot_of is not None]
    assert [seen.n for seen in flagged] == [turn.n for turn in parroted]  # as the coachee heard them
    assert not any(seen.earns for seen in flagged)
    assert "quotes words back at them" in credit_of(flagged[0])
