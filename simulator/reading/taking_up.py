"""Whether a trainee line takes up what the coachee just said: their words, or pointing back at them.

The coachee hears a question asked over their answer (`simulator.engine.listening`), and the
scorecard sees a conversation led by a list of questions (`scoring.global_ratings`): both ask
the same of a line, so the rule lives here.
"""

from __future__ import annotations

from simulator.reading.reflection import content_words
from simulator.reading.repeats import NOT_WORDS
from simulator.reading.trainee_text import SENTENCE_END

QUESTION_FRAME = content_words(
    "want wants wanted wanting wish hope hoping future ahead dream ideal picture imagine see best "
    "possible matter matters important vision goal goals next step steps day one years year"
)
"""Words stock eliciting questions are made of ("What do you want for the future?"): sharing one
with the coachee's answer does not show the answer was heard."""

_POINTS_BACK = frozenset({"that", "this", "those", "these", "else"})
"""Words by which a line points back at what the coachee just said."""


def shares_words(content: frozenset[str], last: str) -> bool:
    """Whether a line's content words (`content_words`) use a word of the coachee's last line,
    beyond the frame of stock questions."""
    return not (content - QUESTION_FRAME).isdisjoint(content_words(last))


def points_back(text: str) -> bool:
    """Whether the line's last sentence points back at what was just said ("What would that look
    like?", "Tell me more about that.").

    Only the last sentence may point back: "That sounds really meaningful. What would your ideal
    future look like?" opens on a stock acknowledgement and asks something that builds on nothing.
    """
    last_sentence = SENTENCE_END.split(text.strip())[-1]
    return not _POINTS_BACK.isdisjoint(NOT_WORDS.sub(" ", last_sentence.lower()).split())
