"""The act that names a whole turn of several sentences (step 3, after each sentence is read)."""

from __future__ import annotations

from simulator.reading.question_form import BARE_CHOICE, ELICIT
from simulator.reading.sentence_reading import Reading, clip
from simulator.vocabulary import QUESTION_FORMS, REFLECTION_FORMS, Form

# A turn with this many times more words of facts than of question informs (MI's
# elicit-provide-elicit: the closing question checks back, the facts are the act).
_FACTS_BEFORE_A_QUESTION = 3

# When several sentences share a turn and none confronts, advises or asks, the rarer and
# more telling act names the turn.
_STATEMENT_PRIORITY = (
    Form.AUTONOMY,
    Form.AFFIRMATION,
    Form.COMPLEX_REFLECTION,
    Form.SIMPLE_REFLECTION,
    Form.INFORMATION,
    Form.STRUCTURE,
    Form.OTHER,
)


def _word_count(readings: list[Reading]) -> int:
    return sum(r.text.count(" ") + 1 for r in readings)


def main_act(readings: list[Reading], clean: str) -> tuple[Reading, tuple[str, ...]]:
    """The act that names the whole turn, and a cue when the choice needed a rule.

    In order: a confront anywhere taints the turn; advice comes next (with permission if
    the turn offers or softens it anywhere); then an offer made with permission. A turn of
    facts that ends by checking back ("What do you think?"), or that is mostly facts before
    a short question, informs. Otherwise a question names the turn (the open one, if there
    are several: a closed follow-up only narrows it down, unless it merely lists the answers,
    "What have you tried? Patches or gum?", which makes the whole a pick from a menu). Among statements, a turn that is mostly facts
    informs, two or more reflections make a summary, and otherwise the rarer, more telling
    act wins (see _STATEMENT_PRIORITY).
    """
    forms = [r.form for r in readings]
    if Form.CONFRONT in forms:
        return readings[forms.index(Form.CONFRONT)], ()
    if Form.ADVICE in forms:
        advice = readings[forms.index(Form.ADVICE)]
        offers = (r.signals.get("offer") or r.signals.get("softener") for r in readings)
        permission = next((offer for offer in offers if offer), None)
        if permission:
            return advice._replace(form=Form.ADVICE_WITH_PERMISSION), (f"permission '{clip(permission)}'",)
        return advice, ()
    if Form.ADVICE_WITH_PERMISSION in forms:
        return readings[forms.index(Form.ADVICE_WITH_PERMISSION)], ()
    questions = [r for r in readings if r.form in QUESTION_FORMS and not r.is_check]
    informing = [r for r in readings if r.form is Form.INFORMATION]
    if informing and questions:
        if all(ELICIT.fullmatch(q.text) for q in questions):
            return informing[0], (f"checks back after informing '{clip(questions[-1].text)}'",)
        if _word_count(informing) > _FACTS_BEFORE_A_QUESTION * _word_count(questions):
            return informing[0], ("mostly information before a short question",)
        own_input = next((r for r in informing if "input" in r.signals), None)
        if own_input and _word_count(informing) > _word_count(questions):
            # "I'm concerned about your drinking. ... Do you see it that way?": the concern is the act.
            return own_input, ("the coach's own input before a question",)
    if questions:
        opened = [q for q in questions if q.form is Form.OPEN_QUESTION]
        if opened and questions[-1] is not opened[-1] and BARE_CHOICE.fullmatch(questions[-1].text):
            # "What have you tried? Patches or gum?": the options offered close the question.
            return questions[-1], (f"offers the answers '{clip(questions[-1].text)}'",)
        return (opened or questions)[-1], ()
    reflections = [r for r in readings if r.form in REFLECTION_FORMS]
    if len(readings) > 1 and informing and _word_count(informing) > _word_count(reflections):
        return informing[0], ("mostly information",)
    own_input = next((r for r in informing if "input" in r.signals), None)
    if own_input and reflections:
        # "It sounds like you drink most nights. I'm concerned about your liver.": the coach's
        # own concern or finding is the substance; the reflection only leads into it.
        return own_input, ("the coach's own input outweighs a reflective lead-in",)
    if len(reflections) >= 2:
        return reflections[0]._replace(form=Form.COMPLEX_REFLECTION, text=clean), ("several reflections",)
    for form in _STATEMENT_PRIORITY:
        if form in forms:
            return readings[forms.index(form)], ()
    return readings[0], ()  # a lone "is that right?" check
