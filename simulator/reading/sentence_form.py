"""Step 3 of reading a trainee line: the form of one sentence and the cue that decided it.

Sarcasm, confronts and advice are read first, since they decide the attractor whatever the
topic; then offers, autonomy and structure; then questions (`simulator.reading.question_form`) and
finally statements (`simulator.reading.statement_form`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from simulator.phrase_scan import anywhere, opening
from simulator.reading import cue_lexicon as lex
from simulator.reading.move_focus import trainer_phrases
from simulator.reading.question_form import (
    AUX_OPENING,
    CHECK_BACK,
    DOES_A_THING,
    OPEN_INVITATION,
    question_reading,
)
from simulator.reading.sentence_reading import Reading, clip, echoes, signals_in
from simulator.reading.statement_form import INFORMATION_OPENING, statement_reading
from simulator.reading.trainee_text import FILLER_ONLY, WH_OPENING, strip_lead_in
from simulator.vocabulary import Context, Focus, Form

_SARCASM_OPENER = opening(lex.SARCASM_OPENERS)

_SARCASM_TAIL = anywhere(lex.SARCASM_TAILS)

_BLAMING_WHY_LABEL = opening(lex.BLAMING_WHY_LABEL)

_BLAMING_WHY = opening(lex.BLAMING_WHY_QUESTION)

_ADVICE_QUESTION = opening(lex.ADVICE_QUESTIONS)

_IMPERATIVE = opening(lex.IMPERATIVE_VERBS)

# Openings that look like bare verbs but invite rather than instruct.
_NOT_INSTRUCTIONS = (
    "be honest with me",
    "do you",
    "don't you",
    "do tell",
    "try me",
    "take it or leave it",
    "do go on",
    "keep going with that",
    "keep talking",
    "don't worry",
    "don't stress",
    "don't panic",
    "don't feel",
    "don't rush",
)

# "You said you have to...": the coach restates; the "have to" is the coachee's.
_REPORTED = re.compile(
    r"(?:(?:and|so|but) )?(?:you(?:'ve)? (?:also |just )?(?:said|mentioned|told me|described|talked about|wrote|were"
    r" saying|were telling me)|(?:it )?(?:sounds|seems|looks) like|what i(?:'m| am) hearing|i hear|so you're saying"
    r"|i (?:can |kind of |sort of )?(?:tell|sense|see)|i(?:'m| am) (?:picking up|sensing))\b"
)

_AUTONOMY_QUESTION = opening(lex.AUTONOMY_QUESTIONS)

_OFF_TOPIC = opening(lex.OFF_TOPIC)

_APOLOGY = opening(lex.APOLOGIES)

_SHORT_SENTENCE_WORDS = 12  # a greeting inside a longer sentence does not make it structure


def read_sentence(body: str, asks: bool, context: Context) -> Reading:
    """The form of one sentence and the cue that decided it."""
    if FILLER_ONLY.fullmatch(body):
        return Reading(Form.OTHER, (f"filler '{clip(body)}'",), body)
    signals = signals_in(body)
    if context.phrases and "compliance" not in signals:
        local = trainer_phrases(context.phrases).nea_in(body)
        if local:
            signals["compliance"] = local  # a question about a local NEA word is a compliance check
    sarcasm = _sarcasm_cue(body, signals)
    if sarcasm:
        return Reading(Form.CONFRONT, (sarcasm,), body, Focus.DEFICIT)
    rest, saw_structure = strip_lead_in(body)
    if not rest or FILLER_ONLY.fullmatch(rest):
        form = Form.STRUCTURE if saw_structure else Form.OTHER
        return Reading(form, (f"{form.value} '{clip(body)}'",), body)
    apology = _APOLOGY.match(rest)
    if apology:
        return Reading(Form.OTHER, (f"apology '{clip(apology.group())}'",), rest)
    if rest.count(" ") < _SHORT_SENTENCE_WORDS and not asks:
        greeting = signals.get("greeting")
        if greeting:
            return Reading(Form.STRUCTURE, (f"greeting '{clip(greeting)}'",), body)
    if INFORMATION_OPENING.match(rest) and rest.startswith(("did you know", "just so you know", "as you")):
        return Reading(Form.INFORMATION, (f"information '{clip(rest)}'",), rest)
    blame_label = _BLAMING_WHY_LABEL.match(rest)
    confront = signals.get("confront") or (blame_label.group() if blame_label else None)
    if confront and not echoes(confront, context.previous_coachee_line):
        return Reading(Form.CONFRONT, (f"confront '{clip(confront)}'",), rest, Focus.DEFICIT)
    blame = _BLAMING_WHY.match(rest)
    if blame:
        return Reading(
            Form.OPEN_QUESTION, (f"blaming question '{clip(blame.group())}'",), rest, Focus.DEFICIT
        )
    opens_a_question = bool(
        WH_OPENING.match(rest)
        or OPEN_INVITATION.match(rest)
        or (AUX_OPENING.match(rest) and (asks or not DOES_A_THING.match(rest)))
    )
    advice = None if _REPORTED.match(rest) else _advice_cue(rest, asks, opens_a_question, signals)
    if advice:
        return Reading(Form.ADVICE, (advice,), rest, signals=signals)
    if "offer" in signals:
        cue = f"offer with permission '{clip(signals['offer'])}'"
        return Reading(Form.ADVICE_WITH_PERMISSION, (cue,), rest, signals=signals)
    handing_over = _AUTONOMY_QUESTION.match(rest)
    if handing_over:
        return Reading(Form.AUTONOMY, (f"hands over the choice '{clip(handing_over.group())}'",), rest)
    if not opens_a_question:
        autonomy = signals.get("softener") or signals.get("autonomy")
        if autonomy:
            return Reading(Form.AUTONOMY, (f"autonomy '{clip(autonomy)}'",), rest, signals=signals)
        if saw_structure:
            return Reading(Form.STRUCTURE, (f"structure '{clip(body)}'",), body)
    if _OFF_TOPIC.match(rest):
        return Reading(Form.OTHER, (f"off topic '{clip(rest)}'",), rest)
    if CHECK_BACK.fullmatch(rest):
        return Reading(Form.CLOSED_QUESTION, (f"check '{clip(rest)}'",), rest, is_check=True)
    question = question_reading(rest, asks, body, signals)
    if question:
        return question
    if saw_structure:
        return Reading(Form.STRUCTURE, (f"structure '{clip(body)}'",), body)
    return statement_reading(rest, body, context, signals)


def _sarcasm_cue(body: str, signals: Mapping[str, str]) -> str | None:
    if "sarcasm" in signals:
        return f"sarcasm '{clip(signals['sarcasm'])}'"
    opener = None if "greeting" in signals else _SARCASM_OPENER.match(body)  # "nice to see you again"
    if opener:
        tail = _SARCASM_TAIL.search(body, opener.end())
        if tail:
            return f"sarcasm '{clip(opener.group())} ... {tail.group()}'"
    return None


def _advice_cue(rest: str, asks: bool, opens_a_question: bool, signals: Mapping[str, str]) -> str | None:
    disguised = _ADVICE_QUESTION.match(rest)
    if disguised:
        return f"advice as a question '{clip(disguised.group())}'"
    if opens_a_question:
        # Inside a genuine question "you need to" is part of what is asked, not an instruction.
        return None
    said = signals.get("advice")
    if said:
        kind = "'should' without permission" if "should" in said else "advice"
        return f"{kind} '{clip(said)}'"
    bare = rest.removeprefix("just ").removeprefix("simply ").removeprefix("please ")
    imperative = _IMPERATIVE.match(bare)
    if imperative and not asks and not bare.startswith(_NOT_INSTRUCTIONS):
        return f"instruction '{clip(imperative.group())}'"
    if imperative and not asks and ", " in rest:
        # "Don't worry about it, just get it done": reassurance that leads into an order.
        for clause in rest.split(", ")[1:]:
            order = _IMPERATIVE.match(clause.removeprefix("just ").removeprefix("please "))
            if order and not clause.startswith(_NOT_INSTRUCTIONS):
                return f"instruction '{clip(order.group())}'"
    return None
