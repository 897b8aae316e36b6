"""Tests for the learned reader of trainee lines (simulator/reading/model.py) and its fitting."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.reading import model
from simulator.reading.feature_names import FeatureNames, NamedColumns
from simulator.reading.model import Reading, read, read_many
from simulator.reading.moves import attractor_of
from simulator.vocabulary import Attractor, Context, Focus, Form

BEFORE_VISION = Context()
AFTER_VISION = Context(vision_established=True)

LINES = [
    ("What would make this hour worthwhile for you?", BEFORE_VISION),
    ("Did you finish the audit?", BEFORE_VISION),
    ("Did you finish the audit?", AFTER_VISION),
    ("So it's been non-stop.", Context(previous_coachee_line="It's been non-stop since Monday, honestly.")),
    ("It's your call.", BEFORE_VISION),
    ("Payroll closes on the 20th.", BEFORE_VISION),
    ("Morning, grab a seat.", BEFORE_VISION),
    ("you kept that client when everyone else had given up", BEFORE_VISION),
    ("Oh great, another excuse.", BEFORE_VISION),
    ("mm", BEFORE_VISION),
]


def test_the_weights_load_and_match_the_vocabulary() -> None:
    loaded = model._model()
    assert loaded.form_weights.shape == (len(loaded.names), len(Form))
    assert loaded.focus_weights.shape == (len(loaded.names), len(Focus))
    assert len(loaded.names) > 1000
    assert loaded.names[loaded.bias] == "x:bias"


def test_the_names_kept_in_one_string_are_the_stored_names() -> None:
    stored = model.FEATURES_PATH.read_text(encoding="utf-8").splitlines()
    names = model._model().names
    assert len(names) == len(stored) and list(names) == stored
    assert names[-1] == stored[-1] and names[2:5] == stored[2:5] and names[::-40000] == stored[::-40000]
    with pytest.raises(IndexError):
        names[len(stored)]


@given(st.lists(st.text(max_size=6), max_size=8), st.integers(-9, 9))
def test_feature_names_behave_as_the_list_they_were_made_from(listed: list[str], at: int) -> None:
    names = FeatureNames(listed)
    assert len(names) == len(listed) and list(names) == listed and names[1:-1] == listed[1:-1]
    if -len(listed) <= at < len(listed):
        assert names[at] == listed[at]
    else:
        with pytest.raises(IndexError):
            names[at]


def test_same_input_same_reading() -> None:
    for text, context in LINES:
        assert read(text, context) == read(text, context)
    assert read_many([t for t, _ in LINES], [c for _, c in LINES]) == [read(t, c) for t, c in LINES]


def test_remembering_the_vocabulary_and_the_coachee_s_lines_first_changes_no_reading_to_the_last_bit() -> (
    None
):

    def fresh() -> model._Model:
        return model.load()

    plain, prepared = fresh(), fresh()
    prepared.remember_vocabulary()
    assert len(prepared.features.memory) >= len(prepared.features.unigrams) > len(plain.features.memory)
    said = ["I'm shattered, three nights on my own.", "Happy, love. Daft as that sounds.", ""]
    prepared.features.remember_said(said[:2])
    lines = [text for text, _ in LINES] + [
        "grace the famly liason nurse said ur brill w/ relatives",
        "Zyxw qlorp, honestly.",
    ]
    contexts = [
        Context(previous_coachee_line=[*said, "Not a line remembered."][k % 4]) for k in range(len(lines))
    ]
    one_by_one = [
        plain.read_many([line], [context])[0] for line, context in zip(lines, contexts, strict=True)
    ]
    assert [
        prepared.read_many([line], [context])[0] for line, context in zip(lines, contexts, strict=True)
    ] == one_by_one
    assert prepared.read_many(lines * 3, contexts * 3) == plain.read_many(lines * 3, contexts * 3)


def test_every_reading_is_valid_and_keeps_the_attractor_rule() -> None:
    for text, context in LINES:
        reading = read(text, context)
        assert isinstance(reading, Reading)
        assert reading.form in Form and reading.focus in Focus and reading.attractor in Attractor
        assert reading.attractor is attractor_of(reading.form, reading.focus, context)
        assert 0.0 < reading.confidence <= 1.0


def test_cues_are_present_and_short() -> None:
    for text, context in LINES:
        cues = read(text, context).cues
        assert 1 <= len(cues) <= 3, (text, cues)
        assert all(0 < len(cue) <= 40 for cue in cues), cues


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\x1b[2J"])
def test_empty_text_is_other_none_neutral_and_certain(text: str) -> None:
    reading = read(text, BEFORE_VISION)
    assert (reading.form, reading.focus, reading.attractor, reading.confidence) == (
        Form.OTHER,
        Focus.NONE,
        Attractor.NEUTRAL,
        1.0,
    )


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(st.text(), st.text(max_size=40), st.booleans())
def test_any_text_gives_a_reading(text: str, previous: str, vision: bool) -> None:
    context = Context(previous_coachee_line=previous, vision_established=vision)
    reading = read(text, context)
    assert reading.attractor is attractor_of(reading.form, reading.focus, context)


@pytest.mark.parametrize(
    ("text", "context", "form", "focus", "attractor"),
    [
        (
            "I know you must be shattered.",
            BEFORE_VISION,
            Form.SIMPLE_REFLECTION,
            Focus.FEELINGS,
            Attractor.PEA,
        ),
        ("Good. Have it done by Friday.", BEFORE_VISION, None, None, Attractor.NEA),
        (
            "If this carries on I'll have to put you on a performance plan.",
            BEFORE_VISION,
            None,
            None,
            Attractor.NEA,
        ),
        ("What would make this hour worthwhile for you?", BEFORE_VISION, Form.OPEN_QUESTION, None, None),
        ("It's entirely your call.", BEFORE_VISION, Form.AUTONOMY, None, Attractor.PEA),
        ("Right, I want to see an improvement by next month.", BEFORE_VISION, None, None, Attractor.NEA),
    ],
)
def test_plain_speech_examples(
    text: str, context: Context, form: Form | None, focus: Focus | None, attractor: Attractor | None
) -> None:
    reading = read(text, context)
    if form is not None:
        assert reading.form is form, reading
    if focus is not None:
        assert reading.focus is focus, reading
    if attractor is not None:
        assert reading.attractor is attractor, reading


LONG_WEEK = "It's been a long week."


@pytest.mark.parametrize(
    ("said", "bare", "previous"),
    [
        ("Well, you're clearly exhausted.", "You're clearly exhausted.", LONG_WEEK),  # was a confrontation
        ("OK so, that took real courage.", "That took real courage.", LONG_WEEK),  # was other
        (
            "Okay. So, tell me what a great day on the ward looks like.",
            "Tell me what a great day on the ward looks like.",
            LONG_WEEK,
        ),
        (  # was read neutral, the reflection without the name PEA
            "Sam, you're worn out and you're still covering the late shifts.",
            "You're worn out and you're still covering the late shifts.",
            "I'm worn out from covering the late shifts, but I'm fine.",
        ),
    ],
)
def test_a_spoken_lead_in_or_a_name_does_not_change_the_act(said: str, bare: str, previous: str) -> None:
    for context in (BEFORE_VISION, Context(previous_coachee_line=previous)):
        with_it, without_it = read(said, context), read(bare, context)
        # The form and the attractor; the focus of an order may lean to its plan or its shortfall.
        assert (with_it.form, with_it.attractor) == (without_it.form, without_it.attractor)
        assert read_many([said, bare], [context, context]) == [with_it, without_it]


def test_blending_averages_only_the_rows_read_both_ways() -> None:
    said = (np.array([[0.8, 0.2], [0.5, 0.5]]), np.array([[0.9, 0.1], [0.3, 0.7]]), None)
    bare = (np.array([[0.2, 0.8]]), np.array([[0.9, 0.1]]), np.array([[1.0, 0.0]]))
    form, focus, attractor = model.blend(said, bare, [1])
    assert form.tolist()[0] == [0.8, 0.2] and focus.tolist()[0] == [0.9, 0.1]
    assert form[1] == pytest.approx([1 / 3, 2 / 3])  # sqrt(0.1) : sqrt(0.4), normalised
    assert focus[1] == pytest.approx(
        [0.3**0.5 * 0.9**0.5, 0.7**0.5 * 0.1**0.5] / np.float64(0.3**0.5 * 0.9**0.5 + 0.7**0.5 * 0.1**0.5)
    )
    assert attractor is None  # no attractor head: nothing to blend
    assert said[0].tolist() == [[0.8, 0.2], [0.5, 0.5]]  # the readings passed in are left as they were


@pytest.mark.parametrize("text", ["asdf", "lol", "mm", "ok cool"])
def test_fillers_are_other_and_never_reflections(text: str) -> None:
    for context in (BEFORE_VISION, Context(previous_coachee_line="It's been a long week.")):
        reading = read(text, context)
        assert reading.form is Form.OTHER, reading
        assert reading.attractor is Attractor.NEUTRAL


@pytest.mark.slow
def test_loading_is_lazy() -> None:
    import subprocess
    import sys

    code = "import sys, simulator.reading.model as m; print(m._MODEL is None, 'scipy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False"]


@pytest.mark.slow
def test_fitting_a_tiny_corpus_is_deterministic(tmp_path: object) -> None:
    pytest.importorskip("scipy")
    import numpy as np

    from simulator.reading import fit

    lines = [
        ("what matters most to you about this job", "open_question", "values"),
        ("did you finish the audit", "closed_question", "deficit"),
        ("have it done by friday", "advice", "plan"),
        ("or it goes formal", "confront", "deficit"),
        ("you must be exhausted", "simple_reflection", "feelings"),
        ("morning grab a seat", "structure", "none"),
        ("lol", "other", "none"),
        ("it's your call", "autonomy", "none"),
    ]
    records = [
        {
            "text": text,
            "form": form,
            "focus": focus,
            "vision_established": 0,
            "previous_coachee_line": "",
            "author": "t",
        }
        for text, form, focus in lines * 2
    ]
    tiny = fit.Settings(min_count=1, prune=0.0)
    first, second = fit.fit(records, tiny), fit.fit(records, tiny)
    assert first.vocabulary == second.vocabulary
    assert np.array_equal(first.form, second.form) and np.array_equal(first.focus, second.focus)
    assert first.attractor is not None and second.attractor is not None
    assert np.array_equal(first.attractor, second.attractor)
    assert first.form.dtype == np.float32
    form_probs, _, attractor_probs = first.scores([fit.record_features(r, tiny) for r in records])
    assert [model.FORMS[i].value for i in form_probs.argmax(axis=1)] == [f for _, f, _ in lines * 2]
    # The attractor head learns the attractor the rule gives each line's labels.
    expected = ["PEA", "NEA", "NEA", "NEA", "PEA", "neutral", "neutral", "PEA"] * 2
    assert attractor_probs is not None
    assert [model.ATTRACTORS[i].value for i in attractor_probs.argmax(axis=1)] == expected


@given(
    st.lists(
        st.text(st.characters(blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=6),
        max_size=8,
    )
)
def test_names_read_from_lines_are_the_names_written_one_a_line(listed: list[str]) -> None:
    text = "".join(name + "\n" for name in listed)
    assert list(FeatureNames.from_lines(text)) == listed
    if not listed or listed[-1]:  # the last line's break may be missing, unless that line is empty
        assert list(FeatureNames.from_lines(text.removesuffix("\n"))) == listed
    kinds = FeatureNames(listed).kinds()
    assert sorted(column for columns in kinds.values() for column in columns.tolist()) == list(
        range(len(listed))
    )
    assert all(listed[column][:2] == kind for kind, columns in kinds.items() for column in columns.tolist())


@given(
    st.dictionaries(
        st.sampled_from(["c:", "l:", "w:"]), st.lists(st.text(max_size=5), max_size=6, unique=True)
    ),
    st.lists(st.text(max_size=5), max_size=8),
)
def test_named_columns_answer_as_a_dictionary_of_the_names_would(
    kinds: dict[str, list[str]], asked: list[str]
) -> None:
    listed = sorted(kind + body for kind, bodies in kinds.items() for body in bodies)
    names = FeatureNames(listed)
    for kind in ("c:", "l:", "w:"):
        columns = [column for column, name in enumerate(listed) if name.startswith(kind)]
        named = NamedColumns(names, kind, columns, (listed[column][2:] for column in columns))
        as_dict = {listed[column][2:]: column for column in columns}
        bodies = [*asked, *as_dict]
        assert [named.columns_of([body])[0] for body in bodies] == [as_dict.get(body) for body in bodies]
        assert named.columns_of(bodies) == [as_dict.get(body) for body in bodies]


def test_named_columns_tell_apart_names_that_share_a_hash() -> None:
    class Clash(str):  # a string whose hash clashes with every other's
        def __hash__(self) -> int:
            return 7

    listed = ["l:a", "l:b", "l:c"]
    named = NamedColumns(FeatureNames(listed), "l:", [0, 1, 2], map(Clash, ["a", "b", "c"]))
    assert [named.columns_of([Clash(body)])[0] for body in ("c", "a", "b", "d")] == [2, 0, 1, None]
    assert named.columns_of([Clash("b"), Clash("z"), Clash("a")]) == [1, None, 0]
