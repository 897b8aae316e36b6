"""The reader of trainee lines as the product uses it: `classify` over the learned model, with trainer phrases."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.reading.moves import MAX_CHARS, attractor_of, classify
from simulator.reading.reassurance import without_put_off, without_reassurance
from simulator.vocabulary import REFLECTION_FORMS, Attractor, Context, Focus, Form, Move
from tests.strategies import trainee_text

GOLD_PATH = Path(__file__).with_name("gold_moves.tsv")
BEFORE_VISION = Context()
AFTER_VISION = Context(vision_established=True)

# The team's gold set stays as a regression test. The learned reader measured form accuracy
# 0.967 and attractor macro-F1 0.966 on its 539 lines when these floors were last set (the set
# is in the fitting part; the old hand-written rules scored 0.98 here, and 0.53 on lines others
# wrote: the set holds the team's own phrasing). The floors sit a little under, so a refit may
# move them but a real regression fails. The form floor was lowered from 0.94 to 0.93 when the
# last-sentence features came in: they took form accuracy here from 0.941 to 0.933 (three
# reflections ending in "is that right?" and two "why do you always..." put-downs now read as
# the questions they are shaped as, keeping their attractors; attractor accuracy stayed 0.950,
# one put-down newly misread and one closed question newly right), while form accuracy rose on
# every author held out from fitting (see the corpus README). It was lowered again to 0.925 when
# authors co and cp were fitted (503 -> 500 of 539): "Which of the two options would you like to
# try?" now reads as the open question it is shaped as (PEA either way), and "You're in charge of
# how fast this goes." and "I think I know that feeling." changed form too unsure to count either
# way (0.47 and 0.53, under `UNCLEAR_BELOW`); no put-down reads as warm, and every probe author
# but two read better (see the corpus README). The attractor floor went from 0.94 to 0.935 with
# them (macro-F1 0.938): the four lines whose attractor changed were each read under
# `UNCLEAR_BELOW` by both readers (0.49 to 0.54), so they counted neither way before or after.
# Both went down again when the practice conversations of probe8 to probe16 were fitted (form 500
# -> 498 of 539, attractor macro-F1 0.938 -> 0.936): "Which of these would you like to start
# with?" reads as the open question it is shaped as, "It sounds like the last few months have
# been really tough." as a complex reflection, PEA either way; the two lines whose attractor
# changed ("You're in charge of how fast this goes.", "How often do you check your blood sugar?")
# are read 0.50 sure, under `UNCLEAR_BELOW`, and count neither way. Practice lines written by
# people outside the team read far better (see the corpus README).
GOLD_FORM_ACCURACY_FLOOR = 0.92
GOLD_ATTRACTOR_MACRO_F1_FLOOR = 0.93
GOLD_MIN_LINES = 400


def read(text: str, context: Context = BEFORE_VISION) -> Move:
    return classify(text, context)


# --- forms -------------------------------------------------------------------------------


def test_vision_question_is_open_vision_pea() -> None:
    move = read("If work were going really well two years from now, what would you be doing?")
    assert (move.form, move.focus, move.attractor) == (Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA)


def test_question_without_question_mark_is_recognised_from_its_opening_words() -> None:
    move = read("what would a great year look like for you")
    assert (move.form, move.focus, move.attractor) == (Form.OPEN_QUESTION, Focus.VISION, Attractor.PEA)


def test_values_question_has_values_focus() -> None:
    move = read("What matters most to you in this job?")
    assert (move.form, move.focus, move.attractor) == (Form.OPEN_QUESTION, Focus.VALUES, Attractor.PEA)


def test_peak_experience_question_has_strengths_focus() -> None:
    move = read("When were you at your best?")
    assert (move.form, move.focus, move.attractor) == (Form.OPEN_QUESTION, Focus.STRENGTHS, Attractor.PEA)


def test_plan_question_is_open_plan_pea() -> None:
    move = read("Which small step would be most fun to try first?")
    assert (move.form, move.focus, move.attractor) == (Form.OPEN_QUESTION, Focus.PLAN, Attractor.PEA)


def test_plain_fact_finding_is_a_neutral_closed_question() -> None:
    move = read("Is Tuesday still your day off?")
    assert (move.form, move.attractor) == (Form.CLOSED_QUESTION, Attractor.NEUTRAL)


def test_tell_me_invitation_counts_as_open_question() -> None:
    assert read("Tell me about a shift you were proud of.").form is Form.OPEN_QUESTION


def test_feelings_reflection_is_pea() -> None:
    move = read("You sound exhausted.")
    assert move.form in (Form.SIMPLE_REFLECTION, Form.COMPLEX_REFLECTION)
    assert (move.focus, move.attractor) == (Focus.FEELINGS, Attractor.PEA)


def test_double_sided_reflection_is_complex() -> None:
    move = read("Part of you wants the lead role, and part of you worries about the hours.")
    assert move.form is Form.COMPLEX_REFLECTION
    assert move.attractor is Attractor.PEA


def test_summary_is_a_complex_reflection() -> None:
    move = read("So far you've told me you love mentoring and you want more time with patients.")
    assert move.form is Form.COMPLEX_REFLECTION


def test_restating_the_coachee_without_a_stock_opener_is_a_reflection() -> None:
    context = Context(previous_coachee_line="I've been covering night shifts for three weeks straight.")
    move = read("Three weeks of night shifts in a row.", context)
    assert move.form is Form.SIMPLE_REFLECTION


def test_reflection_that_adds_a_reason_is_complex() -> None:
    context = Context(previous_coachee_line="I keep saying yes to extra shifts.")
    move = read("You keep saying yes because you don't want to let the team down.", context)
    assert move.form is Form.COMPLEX_REFLECTION


def test_generic_praise_is_not_an_affirmation() -> None:
    move = read("Good job.")
    assert move.form in (Form.OTHER, Form.STRUCTURE)
    assert move.attractor is Attractor.NEUTRAL


def test_autonomy_statement_is_pea() -> None:
    move = read("It's your call which of these, if any, you try.")
    assert (move.form, move.attractor) == (Form.AUTONOMY, Attractor.PEA)


def test_asking_what_the_coachee_wants_to_focus_on_is_pea() -> None:
    move = read("What would you like to focus on?")
    assert move.form in (Form.AUTONOMY, Form.OPEN_QUESTION)
    assert move.attractor is Attractor.PEA


def test_information_is_neutral() -> None:
    move = read("The course runs in March.")
    assert (move.form, move.attractor) == (Form.INFORMATION, Attractor.NEUTRAL)


def test_transition_is_structure() -> None:
    assert read("Let's turn to next steps.").form is Form.STRUCTURE


def test_backchannel_is_other() -> None:
    move = read("Mm-hmm.")
    assert (move.form, move.focus, move.attractor) == (Form.OTHER, Focus.NONE, Attractor.NEUTRAL)


def test_self_disclosure_is_other() -> None:
    assert read("When I was a ward sister I hated the rota too.").form is Form.OTHER


# --- advice, permission, confront ----------------------------------------------------------


def test_advice_after_asking_permission_is_advice_with_permission() -> None:
    move = read("Could I share something that helped others? Take it or leave it.")
    assert (move.form, move.attractor) == (Form.ADVICE_WITH_PERMISSION, Attractor.NEUTRAL)


def test_permission_turns_a_suggestion_into_advice_with_permission() -> None:
    move = read("Would it be okay if I made a suggestion? You could try a short huddle at handover.")
    assert move.form is Form.ADVICE_WITH_PERMISSION


def test_moralising_label_is_confront() -> None:
    move = read("Honestly, that's not how a charge nurse behaves.")
    assert (move.form, move.attractor) == (Form.CONFRONT, Attractor.NEA)


def test_why_didnt_you_question_is_a_nea_deficit_probe() -> None:
    move = read("Why didn't you hand the report in on Friday?")
    assert move.form in (Form.OPEN_QUESTION, Form.CLOSED_QUESTION, Form.CONFRONT)
    assert (move.focus, move.attractor) == (Focus.DEFICIT, Attractor.NEA)


def test_why_are_you_always_late_is_nea_even_without_punctuation() -> None:
    move = read("why are you always late")
    assert move.form in (Form.CONFRONT, Form.OPEN_QUESTION, Form.CLOSED_QUESTION)
    assert move.attractor is Attractor.NEA


# --- compliance checks and the balance sheet -------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Did you manage to finish the audit?",
        "Have you done your charting yet?",
        "did you get the discharge summaries done",
    ],
)
def test_compliance_check_before_vision_is_nea(line: str) -> None:
    move = read(line, BEFORE_VISION)
    assert (move.form, move.focus, move.attractor) == (Form.CLOSED_QUESTION, Focus.DEFICIT, Attractor.NEA)


def test_compliance_check_after_vision_is_the_neutral_balance_sheet() -> None:
    move = read("Did you manage to finish the audit?", AFTER_VISION)
    assert (move.focus, move.attractor) == (Focus.DEFICIT, Attractor.NEUTRAL)


def test_balance_sheet_question_after_vision_is_neutral_real_self() -> None:
    move = read("Against that picture, what's already in place? What's missing?", AFTER_VISION)
    assert (move.form, move.focus, move.attractor) == (Form.OPEN_QUESTION, Focus.REAL_SELF, Attractor.NEUTRAL)


# --- multi-sentence turns and dictation ------------------------------------------------------


def test_agenda_question_after_pleasantries_names_the_turn() -> None:
    move = read("Hi, thanks for coming in. What would make this hour worthwhile for you?")
    assert move.form is Form.OPEN_QUESTION


def test_dictated_agenda_turn_without_punctuation_is_still_an_open_question() -> None:
    move = read("hi thanks for coming in what would make this hour worthwhile for you")
    assert move.form is Form.OPEN_QUESTION


def test_greeting_alone_is_structure() -> None:
    assert read("Good morning, thanks for coming in.").form is Form.STRUCTURE


def test_dictated_missing_apostrophes_are_repaired() -> None:
    assert read("why dont you make a checklist").form is Form.ADVICE


# --- multi-sentence turns, checks and the coach's own talk ------------------------------


def test_of_several_questions_the_open_one_names_the_turn() -> None:
    move = read("What would you like your team to say about you? Is that a big change?")
    assert move.form is Form.OPEN_QUESTION and move.focus in (Focus.VISION, Focus.VALUES)


def test_a_reflection_that_ends_by_checking_is_still_a_reflection() -> None:
    context = Context(previous_coachee_line="Handover takes us an hour every morning.")
    assert read("So handover takes an hour, is that right?", context).form is Form.SIMPLE_REFLECTION


def test_a_short_statement_with_a_rising_end_is_a_closed_question() -> None:
    assert read("You're happy with the new rota?").form is Form.CLOSED_QUESTION


def test_wondering_if_part_of_the_coachee_wants_change_is_a_complex_reflection() -> None:
    context = Context(previous_coachee_line="I don't know, maybe I've been here too long.")
    assert read("I wonder if part of you is ready for a change.", context).form is Form.COMPLEX_REFLECTION


def test_a_greeting_by_name_is_structure() -> None:
    assert read("Priya, it's good to see you again.").form is Form.STRUCTURE


def test_scaling_question_is_closed() -> None:
    assert read("On a scale of one to ten, how confident are you?").form is Form.CLOSED_QUESTION


# --- open or closed: settled by what the question asks for (MI function) ---------------------
# Open invites the coachee to elaborate; closed asks for yes/no, one fact or a pick from a menu.


def test_the_coaching_model_examples_keep_their_forms() -> None:
    assert read("Is Tuesday still your day off?").form is Form.CLOSED_QUESTION
    assert read("What would a great week look like for you?").form is Form.OPEN_QUESTION


def test_a_yes_no_follow_up_does_not_close_an_open_question() -> None:
    line = "What would make Mondays easier? Is that something you could ask for?"
    assert read(line).form is Form.OPEN_QUESTION


def test_asking_for_one_more_fact_of_a_kind_stays_closed() -> None:
    assert read("Any other family members living with you?").form is Form.CLOSED_QUESTION
    assert read("Any problems with the new rota?").form is Form.CLOSED_QUESTION


def test_yes_or_no_with_or_not_stays_closed() -> None:
    assert read("Are you going to apply or not?").form is Form.CLOSED_QUESTION


def test_a_story_invitation_phrased_with_when_is_open() -> None:
    assert read("When was a time you handled a difficult relative well?").form is Form.OPEN_QUESTION
    assert read("When was your last appraisal?").form is Form.CLOSED_QUESTION


def test_think_of_asks_for_a_list_but_think_any_asks_an_opinion() -> None:
    assert read("Can you think of anything that would help on the late shift?").form is Form.OPEN_QUESTION
    assert read("Do you think any of those would work for you?").form is Form.CLOSED_QUESTION


def test_a_wh_word_left_at_the_end_still_asks_for_an_account() -> None:
    assert read("And feeling settled at work would look like what?").form is Form.OPEN_QUESTION


def test_a_verb_before_a_wh_word_is_not_a_yes_no_opener() -> None:
    assert read("I asked you before, is what worries you the night shifts").form is not Form.CLOSED_QUESTION


def test_an_open_question_after_a_frame_joined_by_and_names_the_turn() -> None:
    line = "And when you and the team are on a quiet night, and what- what do you do? Do you chat, read?"
    assert read(line).form is Form.OPEN_QUESTION


def test_every_move_says_why() -> None:
    for line in (
        "What matters most to you?",
        "You should just work faster.",
        "Mm-hmm.",
        "Take it or leave it.",
    ):
        assert read(line).cues, line


# --- dictation ----------------------------------------------------------------------------


def test_dictated_repeats_and_false_starts_are_dropped() -> None:
    assert read("wh what would help you most").form is Form.OPEN_QUESTION
    assert read("do you do you want to try that").form is Form.CLOSED_QUESTION


def test_dictated_why_are_you_always_late_is_not_split_after_why() -> None:
    move = read(
        "why are you always late"
    )  # blame as a question: confront, or a deficit question before the vision
    assert move.form in (Form.CONFRONT, Form.OPEN_QUESTION) and move.attractor is Attractor.NEA


def test_transcribed_stutter_with_hyphens_is_read_through() -> None:
    assert read("Do you- do you want to try that?").form is Form.CLOSED_QUESTION


# --- lines the team found misread (regressions) -----------------------------------------------

P, N, U = Attractor.PEA, Attractor.NEA, Attractor.NEUTRAL


@pytest.mark.parametrize(
    "line",
    [
        "Did you hit your call numbers last week?",
        "Have you met your call target yet?",
        "did you hit your call numbers last week",
        "Did you make your calls this week?",
        "Is your call rate where it should be?",
    ],
)
def test_sales_call_targets_are_compliance_checks_never_autonomy(line: str) -> None:
    move = read(line)
    assert move.form is not Form.AUTONOMY
    assert (move.focus, move.attractor) == (Focus.DEFICIT, Attractor.NEA), move.cues


def test_your_call_numbers_in_a_statement_is_not_autonomy() -> None:
    assert read("Your call numbers are down this month.").form is not Form.AUTONOMY
    assert read("It's your call whether we look at that.").form is Form.AUTONOMY


def test_an_apology_then_a_question_is_read_as_the_question() -> None:
    move = read("Sorry, that came out wrong. What matters most to you about the job?")
    assert (move.form, move.focus) == (Form.OPEN_QUESTION, Focus.VALUES)


def test_empathy_that_starts_with_sorry_stays_empathy() -> None:
    assert read("I'm sorry, that sounds really hard.").focus is Focus.FEELINGS


def test_a_label_the_coachee_used_first_is_reflected_not_confronted() -> None:
    context = Context(previous_coachee_line="Honestly? I've been coasting since the restructure.")
    assert read("You've been coasting.", context).form in (Form.SIMPLE_REFLECTION, Form.COMPLEX_REFLECTION)


def test_reassurance_that_leads_into_an_order_is_advice() -> None:
    assert read("Don't worry about it, just get the charting done by four.").form is Form.ADVICE


def test_the_coachs_agenda_about_a_deficit_is_never_warmth_and_an_open_agenda_is_not_nea() -> None:
    # Setting a deficit agenda is read as advice (NEA) by some authors and as structure (neutral)
    # by others; never as warmth, and always about the deficit.
    deficit_agenda = read("We need to talk about your lateness.")
    assert deficit_agenda.focus is Focus.DEFICIT and deficit_agenda.attractor is not Attractor.PEA
    assert read("We need to talk about what you'd like from today.").attractor is not Attractor.NEA


def test_a_reflection_of_the_coachees_worry_about_harm_stays_a_reflection() -> None:
    move = read("You're worried it could cause problems with the baby.")
    assert move.form in (Form.SIMPLE_REFLECTION, Form.COMPLEX_REFLECTION)


# --- robustness --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\t ", "\x1b[2J\x1b[H", "\x00\x01", "\x9b1;1H\u202e\u200b"])
def test_empty_or_blank_input_is_other_none_neutral(text: str) -> None:
    move = read(text)
    assert (move.form, move.focus, move.attractor) == (Form.OTHER, Focus.NONE, Attractor.NEUTRAL)


@pytest.mark.parametrize(
    "text",
    [
        "😀🙏",
        "这是什么意思",
        "Что вы чувствуете?",
        "\x1b[31mWhat matters to you?\x1b[0m",
        "a" * 10_000,
        "what would you like " * 800,
        "?!?!...;;;",
        "'" * 50,
    ],
)
def test_odd_input_gives_a_move_and_no_exception(text: str) -> None:
    assert isinstance(read(text), Move)


def test_terminal_escapes_are_ignored() -> None:
    assert read("\x1b[1mWhat matters most to you?\x1b[0m").focus is Focus.VALUES


def test_only_the_first_max_chars_are_read() -> None:
    tail = " You should just work faster." * 200
    assert read("What matters most to you? " + "x" * MAX_CHARS + tail).form is Form.OPEN_QUESTION


# --- attractor rule ------------------------------------------------------------------------------


@pytest.mark.parametrize("form", [Form.ADVICE, Form.CONFRONT])
def test_advice_and_confront_are_nea_whatever_the_focus(form: Form) -> None:
    assert {attractor_of(form, focus, AFTER_VISION) for focus in Focus} == {Attractor.NEA}


@pytest.mark.parametrize("form", [Form.AFFIRMATION, Form.AUTONOMY])
def test_affirmation_and_autonomy_are_pea_whatever_the_focus(form: Form) -> None:
    assert {attractor_of(form, focus, BEFORE_VISION) for focus in Focus} == {Attractor.PEA}


@pytest.mark.parametrize("form", [Form.INFORMATION, Form.STRUCTURE, Form.OTHER, Form.ADVICE_WITH_PERMISSION])
def test_information_structure_other_and_permitted_advice_are_neutral(form: Form) -> None:
    assert {attractor_of(form, focus, BEFORE_VISION) for focus in Focus} == {Attractor.NEUTRAL}


def test_deficit_question_is_nea_before_vision_and_neutral_after() -> None:
    assert attractor_of(Form.CLOSED_QUESTION, Focus.DEFICIT, BEFORE_VISION) is Attractor.NEA
    assert attractor_of(Form.CLOSED_QUESTION, Focus.DEFICIT, AFTER_VISION) is Attractor.NEUTRAL


def test_real_self_question_is_neutral_either_side_of_the_vision() -> None:
    assert attractor_of(Form.OPEN_QUESTION, Focus.REAL_SELF, BEFORE_VISION) is Attractor.NEUTRAL
    assert attractor_of(Form.OPEN_QUESTION, Focus.REAL_SELF, AFTER_VISION) is Attractor.NEUTRAL


@pytest.mark.parametrize("focus", [Focus.VISION, Focus.VALUES, Focus.STRENGTHS, Focus.FEELINGS, Focus.PLAN])
def test_pea_foci_make_questions_and_reflections_pea(focus: Focus) -> None:
    for form in (Form.OPEN_QUESTION, Form.CLOSED_QUESTION, Form.SIMPLE_REFLECTION, Form.COMPLEX_REFLECTION):
        assert attractor_of(form, focus, BEFORE_VISION) is Attractor.PEA


# --- properties ------------------------------------------------------------------------------------

any_text = st.text(max_size=400) | st.text(alphabet=st.characters(codec="utf-8"), max_size=3000)
contexts = st.builds(
    Context,
    previous_coachee_line=st.text(max_size=200),
    vision_established=st.booleans(),
)
COACHING_WORDS = (
    "what",
    "how",
    "why",
    "did",
    "you",
    "should",
    "it's",
    "your",
    "call",
    "feel",
    "sounds",
    "like",
    "matters",
    "most",
    "best",
    "step",
    "try",
    "audit",
    "late",
    "great",
    "another",
    "so",
    "far",
    "part",
    "of",
    "tell",
    "me",
    "have",
    "tried",
    "just",
    "yet",
    ",",
    ".",
    "?",
    "!",
)
coaching_words = st.lists(st.sampled_from(COACHING_WORDS), max_size=30).map(" ".join)


@pytest.mark.slow
@settings(max_examples=300)
@given(text=any_text | coaching_words | trainee_text, context=contexts)
def test_any_text_gives_a_move_in_the_vocabularies(text: str, context: Context) -> None:
    move = classify(text, context)
    assert move.form in Form and move.focus in Focus and move.attractor in Attractor
    assert move.attractor is attractor_of(move.form, move.focus, context)
    assert all(isinstance(cue, str) and cue for cue in move.cues)


@pytest.mark.slow
@settings(max_examples=200)
@given(text=any_text | coaching_words | trainee_text, context=contexts)
def test_classify_is_deterministic(text: str, context: Context) -> None:
    assert classify(text, context) == classify(text, context)


@pytest.mark.slow
@settings(max_examples=100)
@given(text=st.text(alphabet=" \t\n\r\x0b\x0c", max_size=50))
def test_whitespace_only_is_other_none_neutral(text: str) -> None:
    move = classify(text)
    assert (move.form, move.focus, move.attractor) == (Form.OTHER, Focus.NONE, Attractor.NEUTRAL)


# --- the gold set ----------------------------------------------------------------------------------
# tests/gold_moves.tsv: lines written for this project (never taken from a data set) in
# nursing, clinical, engineering, sales, retail, teaching and new-manager settings, with
# typed and dictated (lower-case, unpunctuated) variants. Labelling conventions:
# - the attractor always follows attractor_of(form, focus, vision_established), tested below;
# - confront is about a deficit; structure, other and information have no focus;
# - an affirmation is about strengths; advice with no other topic is about the plan;
# - a reflection with no other topic reflects the present situation (real_self);
# - a bare feeling label ("You sound exhausted.") is a simple reflection; a complex one adds
#   a second side, a reason, a meaning, or goes well beyond the coachee's words;
# - a gap question ("what's missing?") is real_self after the vision and deficit before it.


def load_gold() -> list[dict[str, str]]:
    with GOLD_PATH.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    labels = sorted(set(gold) | set(predicted))
    scores = []
    for label in labels:
        hits = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        precision = hits / max(1, predicted.count(label))
        recall = hits / max(1, gold.count(label))
        scores.append(0.0 if hits == 0 else 2 * precision * recall / (precision + recall))
    return sum(scores) / len(scores)


def test_gold_set_is_large_labelled_in_the_vocabularies_and_covers_every_form_and_focus() -> None:
    rows = load_gold()
    assert len(rows) >= GOLD_MIN_LINES
    for row in rows:
        Form(row["form"]), Focus(row["focus"]), Attractor(row["attractor"])
        assert row["vision_established"] in ("0", "1")
    assert set(Counter(row["form"] for row in rows)) == {form.value for form in Form}
    assert set(Counter(row["focus"] for row in rows)) == {focus.value for focus in Focus}


def test_gold_labels_follow_the_attractor_rule() -> None:
    for row in load_gold():
        context = Context(vision_established=row["vision_established"] == "1")
        expected = attractor_of(Form(row["form"]), Focus(row["focus"]), context).value
        assert row["attractor"] == expected, row["text"]


@pytest.mark.slow
def test_reader_agrees_with_the_gold_set_above_its_floor() -> None:
    rows = load_gold()
    predicted = [
        classify(
            row["text"],
            Context(
                previous_coachee_line=row["previous_coachee_line"],
                vision_established=row["vision_established"] == "1",
            ),
        )
        for row in rows
    ]
    form_accuracy = sum(m.form.value == r["form"] for m, r in zip(predicted, rows, strict=True)) / len(rows)
    attractor_f1 = macro_f1([r["attractor"] for r in rows], [m.attractor.value for m in predicted])
    assert form_accuracy >= GOLD_FORM_ACCURACY_FLOOR
    assert attractor_f1 >= GOLD_ATTRACTOR_MACRO_F1_FLOOR


# --- a trainer's own phrases (Context.phrases, a scenario's `phrases:`, `coach classify --phrases`) ---
# Kept here with the reader they steer; the scenario key and the CLI option only carry them in.

LOCAL = (("nea", ("Datix", "RAG status", "A&E breach")), ("vision", ("Magnet journey",)))


def test_a_local_nea_word_makes_a_question_a_compliance_check() -> None:
    plain = read("Have you closed your Datix yet?", Context())
    local = read("Have you closed your Datix yet?", Context(phrases=LOCAL))
    assert (local.focus, local.attractor) == (Focus.DEFICIT, Attractor.NEA)
    assert any("local" in cue and "datix" in cue for cue in local.cues)
    assert plain.form is local.form
    after = read("Where is your RAG status at?", Context(phrases=LOCAL, vision_established=True))
    assert (after.focus, after.attractor) == (Focus.DEFICIT, Attractor.NEUTRAL)


@pytest.mark.parametrize(
    "line",
    [
        "Forget the Datix for now. How are you doing, really?",
        "The Datix can wait. What would make this half hour useful for you?",
        "I'd rather hear how you are than go over the Datix again. How's things?",
        "If you picture the nurse you'd love to be in five years, not the one the Datix wants, who is she?",
        "Whatever happens with the Datix, if you picture yourself in a few years, what does she look like?",
    ],
)
def test_a_local_nea_word_set_aside_makes_no_compliance_check(line: str) -> None:
    # Asked after the ARCP was put down, "How are you doing, really?" shut Niamh down.
    move = read(line, Context(phrases=LOCAL))
    assert move.focus is not Focus.DEFICIT and move.attractor is not Attractor.NEA, move
    assert not any("local" in cue for cue in move.cues)
    # Set aside in one clause and asked about in another, it is still asked about.
    asked = read("Forget the Datix for now. Have you closed your Datix yet?", Context(phrases=LOCAL))
    assert (asked.focus, asked.attractor) == (Focus.DEFICIT, Attractor.NEA)


def test_a_local_focus_phrase_settles_the_focus() -> None:
    assert read("Where are you on the Magnet journey?").focus is not Focus.VISION
    move = read("Where are you on the Magnet journey?", Context(phrases=LOCAL))
    assert (move.focus, move.attractor) == (Focus.VISION, Attractor.PEA)


def test_a_context_with_phrases_stays_hashable_and_equal_by_value() -> None:
    assert hash(Context(phrases=LOCAL)) == hash(Context(phrases=tuple(LOCAL)))
    assert Context(phrases=LOCAL) != Context()


def test_the_phrases_model_refuses_unknown_lists_and_odd_phrases() -> None:
    from pydantic import ValidationError

    from simulator.scenario.model import Phrases

    assert Phrases(nea=("Datix",), plan=()).as_lists() == (("nea", ("Datix",)),)
    assert Phrases().as_lists() is None
    for bad in ({"hot": ["x"]}, {"nea": [" leading space"]}, {"nea": ["two\nlines"]}, {"nea": [""]}):
        with pytest.raises(ValidationError):
            Phrases.model_validate(bad)


@pytest.mark.slow
def test_a_scenarios_phrases_reach_the_reader_through_the_session() -> None:
    from simulator.engine.session import Session
    from simulator.scenario import catalogue
    from simulator.scenario.loading import parse_scenario

    text = catalogue.bundled_text(catalogue.DEFAULT_SCENARIO) + "phrases:\n  nea: [Datix]\n"
    session = Session(parse_scenario(text, "test"), seed=1)
    assert session.context().phrases == (("nea", ("Datix",)),)
    turn = session.say("Have you closed your Datix yet?")
    assert (turn.move.focus, turn.move.attractor) == (Focus.DEFICIT, Attractor.NEA)


def test_coach_classify_reads_a_phrases_file_and_locates_its_mistakes(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from simulator.shell.cli import main

    good = tmp_path / "phrases.yaml"
    good.write_text("nea: [Datix]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["classify", "--json", "--phrases", str(good), "Done your Datix yet?"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["focus"] == "deficit"
    bad = tmp_path / "bad.yaml"
    bad.write_text("nea: [Datix]\nvison: [Magnet]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["classify", "--phrases", str(bad), "hello"])
    assert result.exit_code == 1 and f"{bad}:2:1: error:" in result.output and "vision" in result.output


@settings(max_examples=150, deadline=None)
@given(
    phrases=st.lists(
        st.text(min_size=1, max_size=20).filter(lambda p: p[:1].isalnum() and p.isprintable()),
        min_size=1,
        max_size=4,
    ),
    text=trainee_text,
)
@pytest.mark.slow
def test_any_valid_trainer_phrases_give_a_move_and_no_exception(phrases: list[str], text: str) -> None:
    context = Context(phrases=(("nea", tuple(phrases)), ("vision", tuple(phrases))))
    move = classify(text, context)
    assert move.form in Form and move.focus in Focus and move.attractor in Attractor
    for phrase in phrases:
        classify(f"Have you done the {phrase} yet?", context)


FILLERS = ("erm", "um", "right", "so", "yeah", "okay", "ok", "mm", "hmm", "uh huh", "cool")


@pytest.mark.slow
@given(st.lists(st.sampled_from(FILLERS), min_size=1, max_size=6))
def test_fillers_and_backchannels_are_other_never_a_reflection(words: list[str]) -> None:
    move = read(" ".join(words))
    assert (move.form, move.focus, move.attractor) == (Form.OTHER, Focus.NONE, Attractor.NEUTRAL)


@pytest.mark.parametrize("line", ["asdf", "lol", "That's all.", "🙂🙂", "...", "jjjjjj kkk"])
def test_nonsense_and_one_word_lines_never_read_as_reflections(line: str) -> None:
    assert read(line, Context(previous_coachee_line="I'm exhausted.")).form not in (
        Form.SIMPLE_REFLECTION,
        Form.COMPLEX_REFLECTION,
    )


@pytest.mark.parametrize("line", ["hi", "Hello", "thanks", "sorry", "Morning!"])
def test_a_greeting_returned_is_no_reflection_of_the_coachees_greeting(line: str) -> None:
    # Greetings, thanks and apologies say nothing about whether a line echoes the coachee: "hi"
    # after "Hi. Sorry, I had to finish the bookings" was read as a sure simple reflection.
    opening = "Hi. Sorry, I had to finish the bookings for tomorrow. Is this about the KPI pack?"
    assert read(line, Context(previous_coachee_line=opening)).form not in REFLECTION_FORMS


def test_every_reading_carries_a_confidence_between_0_and_1_and_unclear_below_the_threshold() -> None:
    from simulator.vocabulary import UNCLEAR_BELOW

    for line in ("What would a great year look like for you?", "the thing with the stuff", "Right."):
        move = read(line)
        assert 0.0 <= move.confidence <= 1.0
        assert move.is_unclear is (move.confidence < UNCLEAR_BELOW)


# --- reassurance ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Hi Tomasz. Empty doc is fine. No report needed.",
        "It isn't a performance review.",
        "this isnt a disciplinary or anything like that",
        "No need to apologise. How have you been?",
        "We'll keep it short, and it's not a telling-off, I promise. How are things with you?",
        # blame lifted: each of these was read as a confrontation, up to 0.98 sure
        "It wasn't your fault.",
        "its not ur fault the scanner died",
        "You did nothing wrong.",
        "That's not on you.",
        "You're not to blame.",
        # a "but" that puts the subject off takes nothing back; what is left puts it off too
        "its not a telling off carys i promise the notes and ffion will come into it but thats not where i want to start",
    ],
)
def test_a_line_that_puts_the_worry_down_is_not_read_as_the_worry(line: str) -> None:
    # The words of a reassurance are the problem's own; read again without it, the line is what it says besides.
    assert read(line).attractor is not Attractor.NEA


@pytest.mark.parametrize(
    "line",
    [
        "This is a disciplinary.",
        "don't fret about it just clear the backlog by friday",
        "No worries, but have it done by Friday or it goes formal.",
        "Patience is fine but the traders want twenty stones a week, not poetry.",
        "Have it done by Friday.",
        "It wasn't your fault, but you still should have had backups.",
        "You need to let that go. It wasn't your fault and moping won't help anyone.",
        "So it's never your fault, is it?",
    ],
)
def test_a_directive_or_a_reassurance_taken_back_stays_nea(line: str) -> None:
    assert read(line).attractor is Attractor.NEA


def test_a_but_that_puts_the_subject_off_takes_no_reassurance_back() -> None:
    line = "It's not a telling-off, but that's not where I want to start."
    assert without_reassurance(line) == ("but that's not where I want to start.", True)
    assert read(line).cues == ("puts the worry down",)  # what is left only puts the subject off
    assert without_reassurance("It's not a telling-off, but the notes have to improve.")[1] is False


def test_every_reassuring_clause_of_a_sentence_goes() -> None:
    line = "Honestly the doc is kind of optional, it's a tool, not a status report. Get comfy."
    assert without_reassurance(line) == ("it's a tool. Get comfy.", True)


def test_a_line_of_nothing_but_reassurance_is_plain_structure_and_says_why() -> None:
    move = read("It isn't a performance review.")
    assert (move.form, move.focus, move.attractor) == (Form.STRUCTURE, Focus.NONE, Attractor.NEUTRAL)
    assert move.cues == ("puts the worry down",)


# --- reproach asked as a question ------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "What is wrong with you?",
        "Do you even care about this job?",
        "Is it too much to ask that one register is filled once a day?",
        "who do you think you are",
        "How many times do I have to tell you?",
    ],
)
def test_a_question_that_only_reproaches_is_a_confrontation(line: str) -> None:
    move = read(line)
    assert (move.form, move.attractor) == (Form.CONFRONT, Attractor.NEA)
    assert "(reproach)" in move.cues[0]


@pytest.mark.parametrize(
    "line",
    [
        "What matters most to you about this job?",
        "what were you thinking about when you came up with that",
        "So part of you is going, who do you think you are, and part of you wants it.",
    ],
)
def test_the_same_words_asked_kindly_or_voicing_the_coachee_are_no_reproach(line: str) -> None:
    assert read(line).attractor is not Attractor.NEA


# --- praise said with "should" ---------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        # each was read as advice, up to 0.98 sure: "should" outweighed the praise after it
        "You should be so proud of yourself.",
        "Wow. Such strengths. Really impressive. You should be so proud of yourself.",
        "you should be really proud",
        "You should give yourself some credit for that.",
        "You should feel really good about that.",
    ],
)
def test_praise_said_with_should_is_not_read_as_advice(line: str) -> None:
    assert read(line).attractor is not Attractor.NEA


@pytest.mark.parametrize(
    "line",
    [
        "You should be proud, but the notes still need doing.",
        "You should be proud of the visits. Now get the notes done.",
        "You should be getting these in on time.",
    ],
)
def test_should_that_orders_or_takes_the_praise_back_stays_nea(line: str) -> None:
    assert read(line).attractor is Attractor.NEA


# --- a subject put off for later ------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "The notes are on my list, but first, how are you doing?",
        "We'll get to the rota later, but first how are you?",
        "I do need to talk about the audit at some point but before that, how's things?",
        "Yep. The audit stuff, but that's later. First: how are you?",
        "theres the scrap log to talk about but thats later how you doing since your mums op",
    ],
)
def test_a_subject_put_off_for_later_is_not_read_as_pressed_when_what_comes_first_is_kind(line: str) -> None:
    # "'but' -> deficit" was learned from yes-but turns; what the line says comes first decides.
    assert read(line).attractor is Attractor.PEA


@pytest.mark.parametrize(
    "line",
    [
        "The notes are on my list, but first, why were Tuesday's entries two hours late?",
        "We'll get to how you are later. First, explain the missing temperature logs.",
        "Next time the pumps go down on your shift, there will be a warning letter.",
        "Next week is too late. Wednesday, 5pm, in my inbox. Clear?",
    ],
)
def test_a_subject_put_off_and_then_pressed_or_a_threat_about_next_time_stays_nea(line: str) -> None:
    assert read(line).attractor is Attractor.NEA


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("The notes are on my list, but first, how are you doing?", "how are you doing?"),
        (
            "There's the complaint, I won't pretend there isn't, but first I want to hear how you are.",
            "I want to hear how you are.",
        ),
        ("Yep. The audit stuff, but that's later. First: how are you?", "how are you?"),
        ("What will you do later?", ""),
        ("You can't keep putting this off for another day.", ""),
    ],
)
def test_what_a_line_says_comes_first_is_what_follows_the_subject_it_puts_off(line: str, rest: str) -> None:
    assert without_put_off(line) == (rest, bool(rest))


def test_a_warm_line_read_unsurely_for_the_subject_it_puts_off_is_read_surely_on_what_comes_first() -> None:
    # Dictated, after "I snapped a bit as well", the reader was 0.51 sure and the coachee asked
    # "Is that a yes or no question?"; what the line says comes first reads 0.99 sure.
    line = "let me start again the pack can wait what has it been like for you these four months"
    move = classify(
        line, Context(previous_coachee_line="I snapped a bit as well. I know. Can we just carry on?")
    )
    assert move.attractor is Attractor.PEA and not move.is_unclear
