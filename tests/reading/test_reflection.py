"""A reflection reflects only what the coachee said: content, feeling or meaning, never a stock phrase."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.reading.features import feeling_of as features_feeling_of
from simulator.reading.features import words as words_of
from simulator.reading.reflection import (
    Echo,
    content_words,
    count_feeling_words,
    feeling_of,
    not_feelings,
    reflection_fit,
    strings_words_together,
    valence_words,
)
from simulator.reading.trainee_text import normalise

TIRED = ["I'm exhausted, three nights on my own this week."]
CHEERFUL = ["Honestly? Best month I've had in ages, the students were brilliant."]


def test_restating_the_coachees_words_restates() -> None:
    assert reflection_fit("Three nights on your own.", TIRED).echo is Echo.RESTATES


def test_naming_the_feeling_they_described_names_it() -> None:
    assert reflection_fit("You've been running on empty.", TIRED).echo is Echo.NAMES_FEELING


def test_a_stock_hard_after_a_cheerful_answer_misses() -> None:
    fit = reflection_fit("That sounds really hard.", CHEERFUL)
    assert fit.echo is Echo.MISSES and not fit.echo.reflects


def test_a_contraction_of_a_small_word_is_no_shared_word() -> None:
    # "That's" is "that" with an "'s": a stopword, so "That's really tough." after the coachee's
    # "That's the job" takes nothing of theirs (it was read as restating them, and credited).
    assert content_words("That's it. What's next? Bess's lead.") == {"bes", "lead", "next"}
    assert not reflection_fit("That's really tough.", ["That's the job, isn't it."]).echo.reflects


def test_taking_their_words_further_extends() -> None:
    said = ["I stay late because the students need someone to check their charts."]
    assert reflection_fit("You care a lot about the students getting it right.", said).echo is Echo.EXTENDS


def test_one_shared_word_extends_a_short_line_but_not_a_paragraph() -> None:
    said = ["Kofi, Ellie, Big Dave, the regulars, a menu people love. That's a decent start."]
    assert reflection_fit("So it's the people you'd build the new kitchen around.", said).echo is Echo.EXTENDS
    paragraph = (
        "Thank you for sharing that; it takes real courage and self-awareness to reflect so openly. Your "
        "values clearly shine through in everything you do, and the people around you are lucky to have you."
    )
    fit = reflection_fit(paragraph, said)
    assert fit.shared == ("people",) and not fit.echo.reflects
    # Two words of theirs are not chance, however long the line around them.
    longer = paragraph.replace("lucky", "the regulars who love the menu")
    assert reflection_fit(longer, said).echo is Echo.EXTENDS


def test_a_generic_phrase_with_nothing_said_before_is_stock() -> None:
    assert reflection_fit("That sounds hard.", []).echo is Echo.STOCK


def test_a_bare_feeling_after_words_that_name_none_is_stock_but_a_particular_one_is_not_blamed() -> None:
    neutral = ["Something I'd keep doing, mind. Not a January thing."]
    assert reflection_fit("That sounds really frustrating.", neutral).echo is Echo.STOCK
    fit = reflection_fit("It sounds like it's been a rough one this year.", neutral)
    assert fit.echo is Echo.UNRELATED and not fit.echo.reflects


@pytest.mark.parametrize(
    "line",
    [
        "Three, nights, exhausted.",
        "So: three, nights, own.",
        "I hear that exhausted, nights, own. What would help?",
        "Right, nights and exhausted. What matters most to you?",
    ],
)
def test_their_words_listed_say_nothing_of_them(line: str) -> None:
    assert strings_words_together(line)
    assert reflection_fit(line, TIRED).echo is Echo.STOCK


@pytest.mark.parametrize(
    "line",
    [
        "Three nights on your own, and exhausted.",
        "Exhausted.",
        "Tired, stretched, fed up.",
        "Right, I hear that.",
    ],
)
def test_a_reflection_in_a_few_words_is_no_list(line: str) -> None:
    assert not strings_words_together(line)


def test_only_the_last_three_coachee_lines_count() -> None:
    said = ["Bay three has been chaos since March.", "Anyway.", "Fine, I suppose.", "Whatever."]
    assert reflection_fit("Bay three has been chaos.", said).echo is not Echo.RESTATES
    assert reflection_fit("Bay three has been chaos.", said[:3]).echo is Echo.RESTATES


def test_feelings_lean_by_their_words_and_negation_turns_them() -> None:
    assert feeling_of("I'm shattered and fed up") == "negative"
    assert feeling_of("I'm really happy with it") == "positive"
    assert feeling_of("I'm not happy about it") == "negative"
    assert feeling_of("The rota is on the wall") == ""


def test_a_feeling_wished_for_is_not_a_feeling_felt() -> None:
    assert feeling_of("You'd love the team to have that too.") == ""
    assert feeling_of("I wish I felt proud of it.") == ""
    assert feeling_of("I love the students.") == "positive"


def test_reflecting_the_want_under_a_complaint_names_no_contrary_feeling() -> None:
    said = ["Maybe it's not the team I miss. Maybe it's the midwife I was in it."]
    fit = reflection_fit("Being known really matters to you, and you'd love Glanrhyd to have that too.", said)
    assert fit.feeling == "" and feeling_of(said[0]) == "negative"


def test_a_possessive_holds_its_word() -> None:
    said = ["Jean saw the word 'raised' on the letter and she's not spoken since."]
    assert reflection_fit("Sounds like the letter's caused a stir at home.", said).echo is Echo.EXTENDS
    assert "letter" in content_words("the letter's") and "maisie" in content_words("Maisie's school run")


def test_down_as_a_direction_names_no_feeling() -> None:
    assert feeling_of("I want to get down to the rock pools and back up again.") == ""
    assert feeling_of("Sit down and write it down.") == ""
    # Rated blind: "Not quite. I'm not fed up" answered this, as if it had named a hard feeling.
    assert feeling_of("So the steps are the real test. Going down and coming back up again.") == ""
    assert feeling_of("You've earned the right to say it, the hard way.") == ""
    assert feeling_of("I've been feeling down.") == feeling_of("It's got me down.") == "negative"


def test_im_afraid_said_as_regret_names_no_feeling() -> None:
    # "It sounds like you've been carrying a great deal on your own" answered "Same answer, I'm afraid."
    assert feeling_of("I think you asked me that already. Same answer, I'm afraid.") == ""
    assert feeling_of("I'm afraid so.") == feeling_of("I'm afraid not.") == ""
    assert feeling_of("I'm afraid of losing my job.") == feeling_of("Honestly? I'm afraid.") == "negative"


def test_a_feeling_is_judged_against_the_line_the_reflection_answers() -> None:
    said = [
        "I'm worried sick, it's been awful since March.",
        "Honestly, it makes me happy: walking Maisie to school, the coast path with Jean.",
    ]
    fit = reflection_fit("Walking with the people you love. That's a lovely picture.", said)
    assert fit.echo is Echo.EXTENDS and feeling_of(" ".join(said)) == "negative"


def test_new_words_and_no_feeling_are_unrelated_neither_reflecting_nor_missing() -> None:
    said = [
        "Not being a burden, that's what it comes down to. My dad hated being pushed about in that chair."
    ]
    fit = reflection_fit("Doing for your family, not being done for.", said)
    assert fit.echo is Echo.UNRELATED and not fit.echo.reflects


def _dog_and_mornings(text: str) -> frozenset[str]:
    """A persona's topics by their words, as a scenario's `topics:` name them."""
    lowered = text.lower()
    named = {"bess"} if any(word in lowered for word in ("bess", "her lead", "dog")) else set()
    return frozenset(named | ({"mornings"} if "morning" in lowered else set()))


def test_naming_the_subject_of_their_recent_lines_in_other_words_paraphrases() -> None:
    said = ["I go to get my coat and her lead's still on the hook. That towpath was her walk."]
    line = "Losing Bess changed the mornings."
    assert reflection_fit(line, said).echo is Echo.UNRELATED  # no word of theirs, no feeling
    fit = reflection_fit(line, said, _dog_and_mornings)
    assert fit.echo is Echo.PARAPHRASES and fit.echo.reflects


def test_a_subject_they_did_not_raise_is_no_paraphrase() -> None:
    said = ["Up at half five with nowhere to put myself."]
    assert reflection_fit("Losing Bess changed things.", said, _dog_and_mornings).echo is Echo.UNRELATED


def test_a_contrary_feeling_on_their_subject_still_misses() -> None:
    said = ["Best walk of the week with the dog, honestly, I loved it."]
    fit = reflection_fit("Bess must be a real worry for you.", said, _dog_and_mornings)
    assert fit.echo is Echo.MISSES


@pytest.mark.slow
@given(st.text(max_size=300), st.lists(st.text(max_size=300), max_size=4))
def test_any_text_gets_a_verdict_and_an_overlap_between_0_and_1(line: str, said: list[str]) -> None:
    fit = reflection_fit(line, said)
    assert fit.echo in Echo and 0.0 <= fit.overlap <= 1.0


_LISTED = [*valence_words()[0], *valence_words()[1]]


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_LISTED),
            st.sampled_from(
                ["not", "so", "sad", "a", "upset", "downstairs", "funding", "hopeless", "weight's"]
            ),
        ),
        max_size=12,
    )
)
def test_each_word_counts_once_by_the_longest_feeling_it_begins_with(words: list[str]) -> None:
    lowered = " " + " ".join(words) + " "
    negative_words, positive_words = valence_words()
    expected = {False: 0, True: 0}
    present = set()
    for place, char in enumerate(lowered[:-1]):
        if char != " " or lowered[place + 1 :].split(" ", 1)[0].removesuffix("'s") in not_feelings():
            continue
        begun = [(word, False) for word in negative_words if lowered.startswith(word, place + 1)]
        begun += [(word, True) for word in positive_words if lowered.startswith(word, place + 1)]
        if begun:
            word, is_positive = max(begun, key=lambda entry: len(entry[0]))
            expected[is_positive] += 1
            if is_positive:
                present.add(word)
    negative, positive, found = count_feeling_words(lowered)
    assert (negative, positive) == (expected[False], expected[True])
    assert sorted(found) == sorted(present)


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("Dad's funeral was on Tuesday.", "negative"),
        ("Bess died in March. Nine years we walked every morning.", "negative"),
        ("My mum passed away last spring.", "negative"),
        ("I feel hopeless about it.", "negative"),
        ("We're still waiting on the funding decision.", ""),
        ("I've been painting the spare room all weekend.", ""),
        ("My weight's gone up again since Christmas.", ""),
        ("The badge reader on the ward door doesn't work.", ""),
        ("Confidential, obviously, like everything in here.", ""),
    ],
)
def test_words_that_begin_like_a_feeling_are_read_as_what_they_are(text: str, feeling: str) -> None:
    assert feeling_of(text) == feeling
    clean = normalise(text)
    assert features_feeling_of(clean, words_of(clean)) == feeling


def test_a_reflection_of_the_last_line_misses_no_feeling_only_an_earlier_line_carried() -> None:
    said = [
        "I'd get Miss Farrell to do a session. The registrars would be too scared of her to nod off.",
        "Honestly, it's me. I've been hiding in theatre at Moorside, and Pennine Vale feels like begging.",
    ]
    taken_up = "bless your heart for being that straight with me. moorside loves you, pennine vale doesn't know you yet"
    assert reflection_fit(taken_up, said).echo is Echo.EXTENDS
    # A line taking up none of the last line's words is still heard against the recent lines' feeling.
    assert reflection_fit("You sound really happy about it.", [said[0], "Right."]).echo is Echo.MISSES
