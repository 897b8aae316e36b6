"""A persona's own model lines: found for the moment after a topic reply or a told story item."""

from __future__ import annotations

import pytest

from simulator.engine.coachee import hot_button_hit
from simulator.engine.hint import hint_for
from simulator.engine.presumptions import presumed_by
from simulator.engine.session import Session
from simulator.reading.moves import classify
from simulator.scenario import catalogue
from simulator.scenario.base import COACH_MOVES, CoachLines
from simulator.scenario.coach_lines import coach_line_index
from simulator.scenario.model import Scenario
from simulator.scenario.replies import REPLY_KEYS, replies_for
from simulator.vocabulary import Attractor, Context, State

TOPIC_LINES = CoachLines(
    reflect=("Teaching is close to your heart.", "The students matter to you."),
    vision=("If the students had more of your time, what would that look like?",),
)
STORY_LINES = CoachLines(reflect=("Story reflect.",), affirm=("Story affirm.",))


def _with_lines() -> Scenario:
    scenario = catalogue.load().scenario
    topics = (scenario.topics[0].model_copy(update={"coach_lines": TOPIC_LINES}), *scenario.topics[1:])
    story = (scenario.story[0].model_copy(update={"coach_lines": STORY_LINES}), *scenario.story[1:])
    return scenario.model_copy(update={"topics": topics, "story": story})


def _after(scenario: Scenario, said: str, told: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    return coach_line_index(scenario).after(said, told)


def test_a_topic_reply_brings_its_topics_lines_that_take_it_up_said_plain_or_behind_an_opener() -> None:
    scenario = _with_lines()
    said = scenario.topics[0].replies.for_state(State.GUARDED)[0]
    reply = said.text
    assert reply == "The students are fine. They're not the problem, are they?"
    # "Teaching is close to your heart." shares no word with the reply: it would change the subject
    expected = {
        "answer": said.coach_lines.answer,  # the reply's own answer to its question, before the topic's lines
        "reflect": ("The students matter to you.",),
        "vision": ("If the students had more of your time, what would that look like?",),
    }
    assert said.coach_lines.answer and _after(scenario, reply) == expected
    opener = scenario.repeat_openers[0]
    assert _after(scenario, opener + reply) == expected


def test_a_told_story_item_comes_before_the_topic_and_any_other_line_brings_nothing() -> None:
    scenario = _with_lines()
    item = scenario.story[0]
    reply = scenario.topics[0].replies.for_state(State.GUARDED)[0].text
    lines = _after(scenario, reply, (item.id,))
    assert lines["reflect"] == ("Story reflect.", "The students matter to you.")
    assert lines["affirm"] == ("Story affirm.",)
    assert _after(scenario, scenario.opening.text) == {"answer": scenario.opening.coach_lines.answer}
    assert _after(scenario, "Something no topic says.") == {}


def _subjects(scenario: Scenario) -> list[tuple[str, CoachLines, str]]:
    """(name, lines, a coachee line they follow) for every topic, story item and hot button, and the
    coachee shut down."""
    subjects = []
    for topic in scenario.topics:
        replies = [reply.text for _, _, reply in topic.replies.keyed()]
        subjects.append((f"topic {topic.id}", topic.coach_lines, replies[0] if replies else ""))
    subjects += [(f"story {item.id}", item.coach_lines, item.text) for item in scenario.story]
    subjects += [(f"hot button {b.id}", b.coach_lines, b.reply.text) for b in scenario.coachee.hot_buttons]
    defensive = replies_for(scenario.replies.of(State.DEFENSIVE), "default")[0].text
    subjects.append(("the coachee shut down", scenario.coachee.coach_lines, defensive))
    subjects += [(f"reply {reply.text!r}", reply.coach_lines, reply.text) for reply in scenario.every_reply()]
    return subjects


@pytest.mark.parametrize("scenario_id", catalogue.bundled_ids())
def test_every_bundled_subject_hot_button_and_coachee_has_a_reflection_of_its_own(scenario_id: str) -> None:
    scenario = catalogue.load(scenario_id).scenario
    needed = [name for name, lines, _ in _subjects(scenario) if not name.startswith("reply ")]
    assert [name for name, lines, _ in _subjects(scenario) if name in needed and not lines.reflect] == []


@pytest.mark.parametrize("scenario_id", catalogue.bundled_ids())
def test_a_bundled_coach_line_is_compassion_led_as_the_reader_and_the_coachee_hear_it(
    scenario_id: str,
) -> None:
    # The better line is what the trainee is told to say: read back, it must not count against
    # them (a reading too unsure to count counts neither way), nor hit one of the coachee's nerves.
    scenario = catalogue.load(scenario_id).scenario
    wrong = []
    for name, lines, before in _subjects(scenario):
        for move in COACH_MOVES:
            for line in lines.of(move):
                read = classify(
                    line, Context(previous_coachee_line=before, phrases=scenario.phrases.as_lists())
                )
                against = read.attractor is Attractor.NEA and not read.is_unclear
                if against or hot_button_hit(read, line, scenario.coachee) is not None:
                    wrong.append((name, move, line, read.form.value, read.focus.value))
    assert wrong == []


def test_a_nerve_hit_or_a_shut_down_reply_brings_the_lines_written_for_it_whatever_its_words() -> None:
    scenario = catalogue.load().scenario
    button = scenario.coachee.hot_buttons[0]
    for reaction in button.replies:
        assert _after(scenario, reaction.text)["reflect"] == button.coach_lines.reflect
    shut = replies_for(scenario.replies.of(State.DEFENSIVE), "default")
    # its own reflection first, then the lines for any shut-down reply
    expected = (*shut[0].coach_lines.reflect, *scenario.coachee.coach_lines.reflect)
    assert _after(scenario, shut[0].text)["reflect"] == expected
    # a guarded reply brings the reflection written for it; the opening, its answers
    guarded = replies_for(scenario.replies.of(State.GUARDED), "default")
    assert _after(scenario, guarded[0].text)["reflect"] == guarded[0].coach_lines.reflect
    assert _after(scenario, scenario.opening.text) == {"answer": scenario.opening.coach_lines.answer}


def test_a_replys_own_lines_come_before_its_topics() -> None:
    scenario = _with_lines()
    topic = scenario.topics[0]
    reply = topic.replies.closed[0]
    answered = reply.model_copy(
        update={"coach_lines": CoachLines(answer=("An answer.",), reflect=("Its own.",))}
    )
    replies = topic.replies.model_copy(update={"closed": (answered, *topic.replies.closed[1:])})
    touched = scenario.model_copy(
        update={"topics": (topic.model_copy(update={"replies": replies}), *scenario.topics[1:])}
    )
    lines = _after(touched, reply.text)
    assert lines["answer"] == ("An answer.",)
    assert lines["reflect"] == ("Its own.", "The students matter to you.")


@pytest.mark.parametrize("scenario_id", catalogue.bundled_ids())
def test_every_closed_reply_of_a_bundled_persona_has_a_reflection_or_an_answer_of_its_own(
    scenario_id: str,
) -> None:
    # A shut-down or guarded coachee's line is where a trainee most needs a better line, and the
    # template's "So <your words>" is at its worst there (sarcasm handed back).
    scenario = catalogue.load(scenario_id).scenario
    closed = [
        reply
        for state in (State.DEFENSIVE, State.GUARDED)
        for key in REPLY_KEYS
        for reply in replies_for(scenario.replies.of(state), key)
    ]
    closed += [reply for topic in scenario.topics for reply in topic.replies.closed]
    assert [
        reply.text for reply in closed if not (reply.coach_lines.reflect or reply.coach_lines.answer)
    ] == []


@pytest.mark.parametrize("scenario_id", catalogue.bundled_ids())
def test_the_first_hint_answers_the_opening_and_said_as_given_it_settles_the_coachee(
    scenario_id: str,
) -> None:
    # The first moment of every practice: the hint is the persona's own answer to the opening's
    # worry, and a trainee who says any of those answers is heard as warm or plain, loses the
    # coachee no openness, and is not asked the worry again ("Am I in trouble? Tell me that first").
    scenario = catalogue.load(scenario_id).scenario
    answers = scenario.opening.coach_lines.answer
    assert answers, "every bundled opening has answers of its own"
    assert hint_for(Session(scenario)).example == answers[0]
    start = scenario.coachee.starting_state
    unsettled = []
    for line in answers:
        for seed in range(3):
            turn = Session(scenario, seed).say(line)
            against = turn.move.attractor is Attractor.NEA and not turn.move.is_unclear
            if against or turn.state_after.rank < start.rank or "unsettled" in presumed_by(turn.coachee):
                unsettled.append((line, seed, turn.move.form.value, turn.state_after.value, turn.coachee))
    assert unsettled == []
