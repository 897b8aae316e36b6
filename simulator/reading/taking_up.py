"""Whether a trainee line takes up what the coachee said: their words, pointing back at them, or
the step they chose.

The coachee hears a question asked over their answer (`simulator.engine.listening`), and the
scorecard sees a conversation led by a list of questions (`scoring.global_ratings`): both ask
the same of a line, so the rule lives here.
"""

from __future__ import annotations

from collections.abc import Sequence

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


STEP_WORDS_SHARED = 2
STEP_SHARE = 0.5
"""A line restates the step the coachee chose when it shares at least `STEP_WORDS_SHARED` content
words with their telling of it, and those are more than `STEP_SHARE` of its own content words:
mostly their plan. "And the leave? Book it. Send it to me and I'll sign it" after "I'll book the
leave I've been sitting on" does; "Friday then. Go on, the lamb's waiting" (one word) and the
trainee's own demand beside theirs ("Chart at the bedside from Monday, and get the audit actions
done by Friday as well": three words of six) do not."""


def restates_their_step(line: str, told: Sequence[str]) -> bool:
    """Whether a line says back the next step the coachee chose, as they told it (`told`)."""
    words = content_words(line)
    theirs = frozenset().union(*(content_words(telling) for telling in told))
    shared = len(words & theirs)
    return shared >= STEP_WORDS_SHARED and shared > STEP_SHARE * len(words)
