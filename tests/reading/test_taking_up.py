"""A line that says back the step the coachee chose, and lines that only borrow a word of it."""

import pytest

from simulator.reading.taking_up import restates_their_step

TOLD = (
    "Tonight I email Dr Adeyemi. And this week, before the rota fills, I'll book the leave I've been sitting on.",
)


@pytest.mark.parametrize(
    "line",
    [
        "And the leave? Book it. Send it to me and I'll sign it before I go home tonight.",
        "so emailing dr adeyemi tonight and booking the leave good",
    ],
)
def test_their_step_said_back_is_restated(line: str) -> None:
    assert restates_their_step(line, TOLD)


@pytest.mark.parametrize(
    "line",
    [
        "Friday then. Go on, the lamb's waiting.",  # nothing of theirs
        "Take some leave and get some rest.",  # one word of theirs is not their plan
        "Book the leave, and get two CBDs and a mini-CEX done by Friday as well.",  # mostly the trainee's own
    ],
)
def test_a_word_or_two_of_theirs_in_the_trainees_own_plan_is_not(line: str) -> None:
    assert not restates_their_step(line, TOLD)


def test_nothing_told_means_nothing_restated() -> None:
    assert not restates_their_step("Book the leave and email Dr Adeyemi tonight.", ())
