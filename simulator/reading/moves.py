"""Reading one trainee line as a move: form, focus and attractor (COACHING-MODEL.md §3).

The reader is learned: `simulator.reading.model` scores the line's words and character
n-grams, and the coachee's previous line, with weights fitted by `simulator.reading.fit` on
a corpus of labelled lines written by many authors in many workplaces
(`simulator/reading/corpus/`). It gives a form, a focus, a confidence and the features that
weighed most (the cues). On top of it:

- a line of nothing but fillers and backchannels ("erm right so yeah", "mm", "ok cool") is
  `other`, never a reflection, because the corpus cannot teach every combination of filler words;
- a line read as NEA is read again without the clauses that reassure ("No need to apologise",
  "the notes can wait"), since words cannot learn that "not" turns "disciplinary" round, and one
  read as NEA or neutral that puts a subject off for later is read again on what it says comes
  first ("The notes are on my list, but first, how are you doing?")
  (`simulator.reading.reassurance`), and one read as NEA that praises with "should" ("You should
  be really proud of that.") is read again with "can" in its place
  (`simulator.reading.praise_with_should`); a line not read as a confrontation that holds a frame
  only reproach uses ("What is wrong with you?", "Do you even care about this job?") is one
  (`simulator.reading.reproach`), however unsure the reader was of it ("How many times do I have to
  tell you?" read as a deficit question, 0.52 sure); these are the hand-written rules that still earn
  their place;
- a trainer's own phrases (`Context.phrases`) decide the focus when the line names one
  (`simulator.reading.trainer_phrases`);
- the attractor comes from `attractor_of`, the single place of the rule of §3;
- the confidence travels on the Move: below `UNCLEAR_BELOW` the line is unclear, and the
  coachee and the scorecard treat it so.

Never raises on any string; empty or whitespace-only input is OTHER / NONE / neutral.
"""

from __future__ import annotations

from collections.abc import Sequence

from simulator.reading.attractor import attractor_of
from simulator.reading.reassurance import read_again_without_reassurance
from simulator.reading.reproach import reproach_in
from simulator.reading.trainee_text import FILLER_ONLY, MAX_CHARS, normalise
from simulator.reading.trainer_phrases import NEA_KIND, trainer_phrases
from simulator.vocabulary import QUESTION_FORMS, Attractor, Context, Focus, Form, Move

__all__ = ["MAX_CHARS", "attractor_of", "classify", "classify_many", "is_filler_only", "is_gibberish"]

_NO_CONTEXT = Context()

_FOCUSED_FORMS = frozenset(Form) - {Form.STRUCTURE, Form.OTHER, Form.INFORMATION, Form.AFFIRMATION}
"""Forms whose focus a trainer's phrase may set: logistics, fillers and facts have none, an affirmation names a strength."""


def classify(text: str, context: Context = _NO_CONTEXT) -> Move:
    """Read one trainee line and return its form, focus, attractor, confidence and the cues behind them."""
    return classify_many([text], [context])[0]


def is_filler_only(text: str) -> bool:
    """Whether a line is nothing but fillers and backchannels ("mm", "ok cool", "Right then."), or has no word at all."""
    return _is_filler_only(normalise(text))


def is_gibberish(text: str) -> bool:
    """Whether a line is mostly not words at all ("asdf jkl", "qwerty uiop"): at most half its
    words are ones the reader knows. Plain talk about something else is not gibberish."""
    from simulator.reading.model import known_word_share  # the weights load on first use, not at import

    return known_word_share(text) <= 0.5


def _is_filler_only(clean: str) -> bool:
    return not any(char.isalnum() for char in clean) or FILLER_ONLY.fullmatch(clean) is not None


def classify_many(texts: Sequence[str], contexts: Sequence[Context]) -> list[Move]:
    """Read many lines at once (faster per line than one by one), each in its own context."""
    from simulator.reading.model import read_many  # the weights load on first use, not at import

    readings = read_again_without_reassurance(texts, contexts, read_many(texts, contexts))
    moves = []
    for text, context, reading in zip(texts, contexts, readings, strict=True):
        if not isinstance(text, str) or not text.strip():
            moves.append(Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL, ("empty line",), 1.0))
            continue
        clean = normalise(text)
        if _is_filler_only(clean):
            moves.append(
                Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL, (f"filler only: '{clean[:30]}'",), 1.0)
            )
            continue
        form, focus, cues, confidence = reading.form, reading.focus, reading.cues, reading.confidence
        reproached = reproach_in(clean) if reading.form is not Form.CONFRONT else None
        if reproached is not None:
            form, focus, cues, confidence = (
                Form.CONFRONT,
                Focus.DEFICIT,
                (f"'{reproached}' (reproach) → confront",),
                1.0,
            )
        if context.phrases and form in _FOCUSED_FORMS:
            found = trainer_phrases(context.phrases).first_in(clean)
            if found is not None:
                kind, words = found
                if kind == NEA_KIND:
                    focus = Focus.DEFICIT
                    cue = f"local NEA word '{words}'"
                    if form in QUESTION_FORMS:
                        cue += " (compliance check)"
                else:
                    focus = Focus(kind)
                    cue = f"trainer phrase '{words}' → {kind}"
                cues = (cue, *cues)[:3]
        moves.append(Move(form, focus, attractor_of(form, focus, context), cues, confidence))
    return moves
