"""Reading one trainee line as a move: form, focus and attractor (COACHING-MODEL.md §3).

The reader is rule-based, standard library only, and fast (tens of microseconds a line).
It works in four steps:

1. normalise: cap the length, drop terminal escapes and stage directions, lower-case,
   mend dictation (false starts, "dont" -> "don't") so typed and spoken lines read alike;
2. split the turn into sentences (for unpunctuated dictation, also before a clause that
   opens a question or a reflection) and strip lead-ins ("okay so", "thanks for coming in");
3. read each sentence's form from its opening words and the acts it contains, then pick
   the turn's main act (see `simulator.reading.main_act`): a confront taints a turn, advice beats all else,
   a question usually dominates pleasantries and reflections;
4. read the focus from the main sentence (or the whole turn) and derive the attractor with
   `attractor_of`, the single place where the rule of §3 lives.

A statement is a reflection when it opens like one, is about "you", restates the
coachee's previous line (word overlap on content words) or hands back a phrase; it is
complex when it adds a second side, a reason, a meaning or a feeling the coachee did not
name (an emotion word, not the bare verb "feel"), or goes well beyond the coachee's words
(by length, or by novelty where the coachee said more than "yeah"). Every decision leaves a
short cue string on the Move, so feedback can say why.

This module holds the public API and the attractor rule; the steps live in their own
modules: `simulator.reading.trainee_text` (steps 1 and 2), `simulator.reading.sentence_form` with
`simulator.reading.question_form` and `simulator.reading.statement_form` (step 3, one sentence),
`simulator.reading.main_act` (step 3, the turn) and `simulator.reading.move_focus` (step 4). The word lists
live in `simulator.reading.cue_lexicon`; `simulator.phrase_scan` compiles them.
"""

from __future__ import annotations

from simulator.reading.main_act import main_act
from simulator.reading.move_focus import focus_of, with_frame
from simulator.reading.sentence_form import read_sentence
from simulator.reading.sentence_reading import unique
from simulator.reading.trainee_text import MAX_CHARS, normalise, sentences
from simulator.vocabulary import QUESTION_FORMS, REFLECTION_FORMS, Attractor, Context, Focus, Form, Move

__all__ = ["MAX_CHARS", "attractor_of", "classify"]

_PEA_FOCI = frozenset({Focus.VISION, Focus.VALUES, Focus.STRENGTHS, Focus.PLAN, Focus.FEELINGS})

# A conversation's first line: nothing said yet, no vision.
_NO_CONTEXT = Context()


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


def classify(text: str, context: Context = _NO_CONTEXT) -> Move:
    """Read one trainee line and return its form, focus, attractor and the cues behind them.

    Never raises on any string; empty or whitespace-only input is OTHER / NONE / neutral.
    Only the first MAX_CHARS characters are read.
    """
    clean = normalise(text)
    if not clean:
        return Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL, ("empty line",))
    readings = [read_sentence(body, asks, context) for body, asks in sentences(clean)]
    if not readings:
        return Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL, ("no words",))
    main, turn_cues = main_act(readings, clean)
    main = with_frame(main, readings)
    focus, focus_cues = focus_of(main, clean, context)
    cues = unique(main.cues + turn_cues + focus_cues)
    return Move(main.form, focus, attractor_of(main.form, focus, context), cues)
