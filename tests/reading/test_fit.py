"""The fit's corpus handling (dictated copies, counting a line once, borrowing within a setting) and its validation by author."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.reading import fit
from simulator.vocabulary import Focus, Form


def record(text: str, setting: str = "ward", previous: str = "", author: str = "a") -> dict[str, object]:
    return {
        "text": text,
        "form": "open_question",
        "focus": "values",
        "attractor": "PEA",
        "vision_established": 0,
        "previous_coachee_line": previous,
        "setting": setting,
        "author": author,
    }


def test_a_dictated_line_is_lower_case_without_punctuation_and_keeps_its_apostrophes() -> None:
    assert fit.as_dictated("Is Thursday OK, Sam? I don't mind.") == "is thursday ok sam i don't mind"
    assert fit.as_dictated("'Tired,' she said.") == "tired she said"


@given(st.text(max_size=80))
def test_dictating_twice_changes_nothing_more(text: str) -> None:
    once = fit.as_dictated(text)
    assert fit.as_dictated(once) == once


def test_each_typed_line_is_followed_by_its_dictated_copy_with_the_same_labels() -> None:
    typed, dictated = record("What matters most to you?"), record("what matters most to you")
    doubled = fit.with_dictated_copies([typed, dictated])
    assert [r["text"] for r in doubled] == [
        "What matters most to you?",
        "what matters most to you",
        "what matters most to you",
    ]
    assert doubled[1]["dictated_copy"] and not doubled[2].get("dictated_copy")
    assert {k: v for k, v in doubled[1].items() if k not in ("text", "dictated_copy")} == {
        k: v for k, v in typed.items() if k != "text"
    }


def test_a_gram_of_one_line_and_its_copy_counts_once_towards_the_minimum() -> None:
    records = fit.with_dictated_copies([record("Zebra crossings?"), record("what matters")])
    rows = [fit.record_features(r, fit.Settings()) for r in records]
    merged = fit._names_per_line(records, rows)
    assert len(merged) == 2
    assert "w:zebra" not in fit.build_vocabulary(merged, min_count=2)
    assert "w:zebra" in fit.build_vocabulary(rows, min_count=2)  # counted twice without the merge


def test_a_joined_turn_opens_with_a_warm_statement_of_its_setting_labelled_as_the_second_line() -> None:
    warm = {**record("You held the ward together."), "form": "affirmation", "focus": "strengths"}
    cold = {**record("You were late again."), "form": "confront", "focus": "deficit", "attractor": "NEA"}
    asked = record("What would help?", previous="It's been heaving.")
    elsewhere = {**record("You kept the depot going."), "setting": "depot"}
    records = [warm, cold, asked, elsewhere]
    joined = fit.with_joined_lines(records, share=2.0)
    assert joined[:4] == records and joined == fit.with_joined_lines(records, share=2.0)
    turns = joined[4:]
    assert turns and all(turn["joined"] for turn in turns)
    for turn in turns:
        first, second = str(turn["text"]).split(". ", 1)
        assert first == "You held the ward together"  # the only warm one-sentence statement of the ward
        source = next(r for r in records if r["text"] == second)
        assert {k: turn[k] for k in ("form", "focus", "attractor", "setting")} == {
            k: source[k] for k in ("form", "focus", "attractor", "setting")
        }
    rows = [fit.record_features(r, fit.Settings()) for r in joined]
    assert len(fit._names_per_line(joined, rows)) == 4  # a joined turn lets no gram into the vocabulary


def test_a_lead_in_copy_follows_its_line_with_the_same_labels_and_lets_no_gram_in_alone() -> None:
    asked = record("What would help?")
    own = {**record("I hear you, it's been a lot."), "form": "simple_reflection", "focus": "feelings"}
    already = record("So what would help?")
    filler = {**record("asdf"), "form": "other", "focus": "none", "attractor": "neutral"}
    copied = fit.with_lead_in_copies([asked, own, already, filler], share=1.0)
    assert copied == fit.with_lead_in_copies([asked, own, already, filler], share=1.0)
    assert [r.get("lead_in_copy", False) for r in copied] == [False, True, False, True, False, False]
    for line, copy in ((asked, copied[1]), (own, copied[3])):
        lead = next(lead for lead in fit.LEAD_INS if str(copy["text"]).startswith(lead))
        rest = str(copy["text"])[len(lead) :]
        assert rest.lower() == str(line["text"]).lower()
        assert {k: v for k, v in copy.items() if k not in ("text", "lead_in_copy")} == {
            k: v for k, v in line.items() if k != "text"
        }
    assert str(copied[3]["text"]).endswith("I hear you, it's been a lot.")  # "I" keeps its capital
    rows = [fit.record_features(r, fit.Settings()) for r in copied]
    assert len(fit._names_per_line(copied, rows)) == 4  # a copy counts with its line
    assert fit.with_lead_in_copies([asked, own], share=0.0) == [asked, own]


def test_weighed_by_shape_lines_of_every_length_spread_their_attractors_alike() -> None:
    cold = {"form": "confront", "focus": "deficit", "attractor": "NEA"}
    lines = [
        record("What matters most to you?"),
        {**record("Do it by Friday."), **cold},
        record("Nice to see you. What matters most to you?"),
        {**record("You were late. Again."), **cold},
        {**record("You were late. Do it by Friday."), **cold},
    ]
    records = fit.with_dictated_copies(lines)  # each line, then its copy without full stops
    weights = fit.shape_balance(records)
    assert list(weights[0::2]) == list(weights[1::2])  # a copy weighs what its line does
    for shape in (range(0, 4), range(4, 10)):  # one sentence; two
        cold_share = sum(weights[k] for k in shape if records[k]["form"] == "confront") / sum(
            weights[k] for k in shape
        )
        assert cold_share == pytest.approx(3 / 5)  # as over all lines


def test_a_line_without_a_coachee_line_borrows_one_from_its_own_setting() -> None:
    records = [
        record("How are you?", setting="ward"),
        record("x", setting="ward", previous="The ward was heaving."),
        record("y", setting="depot", previous="The vans were late again."),
        record("How's the week been?", setting="depot"),
    ]
    borrowed = fit.borrow_previous(records)
    assert borrowed[0]["previous_coachee_line"] == "The ward was heaving."
    assert borrowed[3]["previous_coachee_line"] == "The vans were late again."
    by_author = fit.borrow_previous(records, within="author")
    assert {r["previous_coachee_line"] for r in by_author} <= {
        "The ward was heaving.",
        "The vans were late again.",
    }


def test_validation_fits_without_the_held_out_authors_and_reads_only_them() -> None:
    pytest.importorskip("scipy")  # fitting needs the `fit` extra
    kinds = [
        ("what matters most to you about this work", "open_question", "values"),
        ("have it done by friday", "advice", "plan"),
        ("or it goes formal", "confront", "deficit"),
    ]
    records = [
        {**record(text, author=author), "form": form, "focus": focus}
        for author in ("a", "b", "s")
        for text, form, focus in kinds
    ]
    tiny = fit.Settings(min_count=1, prune=0.0, dictated_copies=False, borrow_previous=False)
    read = fit.validate(records, tiny, held_out=("s",))
    assert {r["author"] for r in read.records} == {"s"} and len(read.forms) == len(kinds)
    assert read.forms == [form for _, form, _ in kinds]  # the other authors' identical lines taught it
    assert read.attractors == ["PEA", "NEA", "NEA"]


def test_the_settings_choose_the_features_a_line_is_fitted_on() -> None:
    line = record("I know you're tired, but the audit has to be done", previous="I'm knackered")
    plain = fit.record_features(line, fit.Settings())
    assert not [name for name in plain if name[:2] in ("p:", "v:")]
    named = fit.record_features(line, fit.Settings(previous_words=True, turn_scope=True))
    assert "p:knackered" in named and "v:i know" in named and "x:turn" in named
    two = record("You stayed till ten. That was the job done properly.")
    assert {"x:multi", "x:len=8-15"} <= set(fit.record_features(two, fit.Settings()))
    shapeless = fit.record_features(two, fit.Settings(line_shape=False))
    assert not [name for name in shapeless if name.startswith(("x:len=", "x:multi"))]
    assert "l:<s> that" in shapeless  # the last sentence's words stay


def test_the_pair_prior_favours_a_form_and_focus_that_go_together() -> None:
    lines = [("morning", "structure", "none")] * 6 + [("what went well", "open_question", "strengths")] * 6
    records = [{**record(text), "form": form, "focus": focus} for text, form, focus in lines]
    prior = fit.pair_prior(records, weight=1.0)
    forms, foci = list(fit.FORMS), list(fit.FOCI)
    structure, question = forms.index(Form.STRUCTURE), forms.index(Form.OPEN_QUESTION)
    none, strengths = foci.index(Focus.NONE), foci.index(Focus.STRENGTHS)
    assert prior[structure, none] > 1.0 > prior[structure, strengths]
    assert prior[question, strengths] > 1.0 > prior[question, none]
    assert prior.dtype == np.float32
    assert np.allclose(fit.pair_prior(records, weight=0.0), 1.0)


def test_calibration_counts_how_often_readings_in_each_band_of_confidence_were_right() -> None:
    records = [{**record(str(k)), "attractor": "PEA"} for k in range(4)]
    read = fit.Predictions(records, [""] * 4, [""] * 4, ["PEA", "NEA", "PEA", "PEA"], [0.52, 0.58, 0.95, 1.0])
    assert fit.calibration(read) == [
        "    confidence 0.5-0.6:     2 lines, right 50%",
        "    confidence 0.9-1.0:     2 lines, right 100%",
    ]


def test_no_testing_author_is_fitted_and_no_setting_is_shared_between_authors() -> None:
    testing = {
        *fit.TEST_AUTHORS,
        *fit.CONVERSATION_TEST_AUTHORS,
        *fit.PRACTICE_TEST_AUTHORS,
        *fit.PROBE_AUTHORS,
    }
    assert not testing & set(fit.FIT_AUTHORS)
    records = fit.load_corpus(team=False)
    authors_of: dict[str, set[str]] = {}
    for r in records:
        authors_of.setdefault(str(r["setting"]), set()).add(str(r["author"]))
    shared = {setting: authors for setting, authors in authors_of.items() if len(authors) > 1}
    assert not shared


def test_a_line_counted_twice_weighs_as_much_as_the_same_line_written_twice() -> None:
    sparse = pytest.importorskip("scipy.sparse")  # fitting needs the `fit` extra
    rows = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0], [1.0, 1.0, 1.0], [0.0, 0.0, 1.0]])
    labels = np.array([0, 1, 1, 0])
    penalised = np.array([1.0, 1.0, 0.0])
    counted = fit.fit_softmax(sparse.csr_matrix(rows), labels, 2, 1e-3, penalised, np.array([1, 1, 2, 1]))
    written = fit.fit_softmax(
        sparse.csr_matrix(rows[[0, 1, 2, 2, 3]]), labels[[0, 1, 2, 2, 3]], 2, 1e-3, penalised
    )
    once = fit.fit_softmax(sparse.csr_matrix(rows), labels, 2, 1e-3, penalised)
    assert np.allclose(counted, written, atol=1e-4)
    assert not np.allclose(counted, once, atol=1e-2)


def test_hard_case_authors_are_fitting_authors_and_count_as_the_settings_say() -> None:
    assert set(fit.HARD_CASE_AUTHORS) <= set(fit.FIT_AUTHORS)


def test_the_practice_testing_part_holds_every_style_of_conversation_and_is_never_fitted() -> None:
    practice = fit.load_corpus(authors=fit.PRACTICE_TEST_AUTHORS, team=False)
    styles = {"textbook", "warm_deficit", "blunt", "repair", "gaming"}
    assert {str(r["group"]) for r in practice} == {f"practice_{style}" for style in styles}
    assert {str(r["author"]) for r in practice} == set(fit.PRACTICE_TEST_AUTHORS)
    assert not set(fit.PRACTICE_TEST_AUTHORS) & set(fit.FIT_AUTHORS)


def test_practice_lines_are_fitted_but_for_their_gaming_conversations() -> None:
    fitted = fit.fitting_part()
    practice = [r for r in fitted if r["author"] in fit.PRACTICE_FIT_AUTHORS]
    assert {str(r["author"]) for r in practice} == set(fit.PRACTICE_FIT_AUTHORS)
    assert {str(r["group"]) for r in practice} == {
        f"practice_{style}" for style in ("textbook", "warm_deficit", "blunt", "repair")
    }
    assert not any(r.get("group") in fit.UNFITTED_GROUPS for r in fitted)
    written = fit.load_corpus(authors=fit.PRACTICE_FIT_AUTHORS, team=False)
    assert any(r["group"] == "practice_gaming" for r in written)  # written and labelled, not fitted


def test_the_second_labels_point_at_lines_of_the_practice_testing_part_and_follow_the_rule() -> None:
    import json

    from simulator.reading.attractor import attractor_of
    from simulator.vocabulary import Context

    practice = {f"{author}.jsonl" for author in fit.PRACTICE_TEST_AUTHORS}
    for path in (fit.CORPUS_DIR / "second_labels").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert row["file"] in practice
            first = (fit.CORPUS_DIR / row["file"]).read_text(encoding="utf-8").splitlines()[row["line"] - 1]
            assert json.loads(first)["text"] == row["text"]
            context = Context(vision_established=bool(row["vision_established"]))
            assert attractor_of(Form(row["form"]), Focus(row["focus"]), context).value == row["attractor"]


def test_spelt_out_pairs_are_contracted_as_a_speaker_may_say_them() -> None:
    assert fit.contracted("you are right and i do not mind") == "you're right and i don't mind"
    assert fit.contracted("it is not that you cannot, i  am sure") == "it's not that you can't, i'm sure"
    assert fit.contracted("we will see what they have done") == "we'll see what they've done"
    assert fit.contracted("you're fine, don't worry") == "you're fine, don't worry"
    assert fit.contracted("yourself are") == "yourself are"  # whole words only


@given(st.text(alphabet=st.sampled_from(list("abcdehilmnorstuwy '")), max_size=60))
def test_contracting_twice_changes_nothing_more(text: str) -> None:
    once = fit.contracted(text)
    assert fit.contracted(once) == once
