"""The coachee's states as a picture that needs no viewer: SVG alone, or a page around it."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from simulator.engine.session import Session
from simulator.engine.transcript import header_record
from simulator.scenario import catalogue
from simulator.trainer.graph import PathTurn, transcript_turns
from simulator.trainer.picture import html, svg
from simulator.vocabulary import State

SVG = "{http://www.w3.org/2000/svg}"
SCENARIO = catalogue.load().scenario
LINES = [
    "Thanks for coming in, Grace. What would make this half hour useful for you?",
    "It sounds like the last couple of months have been exhausting.",
    "What matters most to you about being a nurse?",
    "Has the audit been done?",
    "Honestly, that's not how a charge nurse behaves.",
]


def played(lines: list[str]) -> list[PathTurn]:
    session = Session(SCENARIO, seed=1)
    for line in lines:
        session.say(line)
    header = header_record(session, catalogue.bundled_text(SCENARIO.id), "now", "test")
    return transcript_turns(SCENARIO, header, [turn.as_record() for turn in session.turns])


def texts(drawing: str) -> list[str]:
    root = ET.fromstring(drawing)
    return [" ".join(" ".join(node.itertext()).split()) for node in root.iter(f"{SVG}text")]


def test_the_states_stand_left_to_right_in_their_order() -> None:
    root = ET.fromstring(svg(SCENARIO))
    boxes = {}
    for group in root.iter(f"{SVG}g"):
        rect, label = group.find(f"{SVG}rect"), group.find(f"{SVG}text")
        if rect is not None and label is not None:
            boxes[label.text] = float(rect.get("x", "0"))
    assert list(boxes) == [state.value for state in State]
    assert sorted(boxes.values()) == list(boxes.values())


def test_the_arrows_speak_plain_words_and_name_the_gates() -> None:
    drawing = svg(SCENARIO)
    words = " ".join(texts(drawing))
    assert "opens up" in words and "closes down" in words and "shuts down to defensive" in words
    assert "once you have explored vision or values" in words and "told you their vision" in words
    for machine_word in ("open_up", "close_down", "shut_down"):
        assert machine_word not in drawing


def test_every_hot_button_is_drawn_with_what_it_does_drop_ones_included() -> None:
    words = " ".join(texts(svg(SCENARIO)))
    assert "written-up: shuts them down to defensive" in words
    assert "audit: drops their openness by 0.96 of a state" in words  # 0.8 times her sensitivity 1.2
    for button in SCENARIO.coachee.hot_buttons:
        assert all(word in words for word in button.words)


def test_a_transcript_fills_the_states_it_passed_and_labels_the_arrows_it_took() -> None:
    turns = played(LINES)
    drawing = svg(SCENARIO, turns)
    words = " ".join(texts(drawing))
    assert re.search(r"opens up \(turn [\d, ]+\)", words) and "Green: the states and arrows" in words
    assert re.search(r"closes down \(turn [\d, ]+\)|shut down \(turn \d+", words)
    circles = list(ET.fromstring(drawing).iter(f"{SVG}circle"))
    assert len(circles) == len(turns)  # the chart marks every turn
    assert any(c.get("r") == "5" for c in circles)  # the hot button and the shutdown stand out
    assert "Green:" not in " ".join(texts(svg(SCENARIO)))


def test_scenario_text_is_escaped_and_nothing_is_loaded_or_run() -> None:
    hostile = SCENARIO.model_copy(
        update={"title": '<script>alert("x")</script> & "quotes"', "summary": "</p><img src=x>"}
    )
    for made in (svg(hostile), html(hostile, played(LINES[:2]))):
        assert (
            "<script" not in made
            and "<img" not in made
            and "http://" not in made.replace('xmlns="http://www.w3.org/2000/svg"', "")
        )
    ET.fromstring(svg(hostile))  # still well-formed


def test_the_page_is_one_self_contained_document_with_the_picture_and_its_tables() -> None:
    page = html(SCENARIO, played(LINES))
    tags: list[str] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append(tag)
            assert not any(name in ("src", "href") for name, _ in attrs), (tag, attrs)

    Tags().feed(page)
    assert page.startswith("<!DOCTYPE html>") and tags.count("svg") == 1 and "script" not in tags
    assert "<h2>Hot buttons</h2>" in page and "The conversation's path" in page
    assert "closed down; hot button audit" in page


def test_a_coachee_with_no_hot_buttons_and_no_shutdowns_says_so() -> None:
    calm = SCENARIO.coachee.model_copy(
        update={
            "hot_buttons": (),
            "temperament": SCENARIO.coachee.temperament.model_copy(update={"shuts_down_on": ()}),
        }
    )
    drawing = svg(SCENARIO.model_copy(update={"coachee": calm}))
    words = " ".join(texts(drawing))
    assert "None: no word hits harder" in words and "shuts down" not in words
