"""The scorecard's renderers: text for the terminal, and a self-contained, escaped HTML page."""

import re

from scoring.html_report import render_html
from scoring.text_report import render_text
from simulator.scenario import catalogue
from simulator.trainer.rehearsal import play, score_session

NURSE = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario
HOSTILE = "<script>alert(1)</script> \x1b[2J & did you finish the notes?"


def test_text_report_shows_overall_band_measures_and_next_steps() -> None:
    text = render_text(score_session(play(NURSE, ["Did you finish the notes?"])), detail=True)
    assert re.search(r"Overall: \d+/100 \(compliance-led\)", text)
    assert "Try next time:" in text and "better here" in text and "\x1b" not in text


def test_html_report_is_self_contained_and_escapes_every_text() -> None:
    page = render_html(
        score_session(play(NURSE, [HOSTILE, "What matters most to you?"])), "Scorecard <b>x</b>"
    )
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<title>Scorecard &lt;b&gt;x&lt;/b&gt;</title>" in page
    assert "\x1b" not in page
    assert not re.search(r"(src|href)=\"?https?:", page)
    assert "<svg" in page and "<polyline" in page and 'id="turn-1"' in page


def test_html_chart_plots_one_point_per_turn() -> None:
    page = render_html(
        score_session(play(NURSE, ["Hello.", "It sounds like a long month.", "What matters to you?"])), "t"
    )
    assert page.count("<circle") == 3


def test_per_turn_feedback_shows_the_coachees_line_it_answered_in_text_and_html() -> None:
    card = score_session(play(NURSE, ["Did you finish the notes?", "It sounds like a hard month."]))
    text = render_text(card, detail=True)
    assert f"coachee: {NURSE.opening.text}" in text and f"coachee: {card.turns[1].answered}" in text
    page = render_html(card, "t")
    assert 'class="said">Coachee: ' in page


def test_an_incomplete_conversation_says_so_at_a_glance() -> None:
    card = score_session(play(NURSE, ["What matters most to you about nursing?"]))
    assert not card.complete
    assert "Incomplete: 1 turn(s)" in render_text(card) and "Incomplete: 1 turn(s)" in render_html(card, "t")


def test_the_scorecard_says_when_the_coachee_ended_the_conversation() -> None:
    from dataclasses import replace

    from scoring.facts import facts_from_practice
    from scoring.scorecard import score_facts

    facts = facts_from_practice(NURSE, play(NURSE, ["Did you finish the notes?"]).turns)
    ended = replace(facts, turns=(replace(facts.turns[0], rules=(*facts.turns[0].rules, "end.defensive")),))
    card = score_facts(ended)
    assert card.notes and card.notes[0].startswith("The coachee ended the conversation at turn 1")
    assert "Note: The coachee ended" in render_text(card)
