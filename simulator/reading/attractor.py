"""The attractor rule of COACHING-MODEL.md §3, in its one place.

Every reader of trainee lines, the learned model's decoding, the explorer and the scorer ask
this function which emotional attractor a (form, focus) pair invokes where the conversation is.
"""

from __future__ import annotations

from simulator.vocabulary import QUESTION_FORMS, REFLECTION_FORMS, Attractor, Context, Focus, Form

_PEA_FOCI = frozenset({Focus.VISION, Focus.VALUES, Focus.STRENGTHS, Focus.PLAN, Focus.FEELINGS})


def attractor_of(form: Form, focus: Focus, context: Context) -> Attractor:
    """The emotional attractor a move invokes, by the rule of COACHING-MODEL.md §3.

    - Confront and advice without permission: NEA, whatever the topic.
    - Affirmation and autonomy: PEA, whatever the topic.
    - Advice with permission: neutral. Asking first removes the threat of the righting
      reflex, but the content is still the coach's agenda, so it neither lifts nor lowers.
    - Questions and reflections take their attractor from the focus: vision, values,
      strengths, feelings (empathy) and the coachee's own plan are PEA. A deficit question
      is NEA before the vision is established and neutral after it (the balance sheet). A
      reflection of a deficit restates the coachee's own words, so it is neutral. Real-self
      and unfocused questions and reflections are plain fact-finding: neutral.
    - Information, structure and other: neutral.
    """
    if form in (Form.CONFRONT, Form.ADVICE):
        return Attractor.NEA
    if form in (Form.AFFIRMATION, Form.AUTONOMY):
        return Attractor.PEA
    if form in QUESTION_FORMS or form in REFLECTION_FORMS:
        if focus in _PEA_FOCI:
            return Attractor.PEA
        if focus is Focus.DEFICIT and form in QUESTION_FORMS and not context.vision_established:
            return Attractor.NEA
    return Attractor.NEUTRAL
