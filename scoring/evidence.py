"""What each trainee line actually did, beyond the label the reader gave it (COACHING-MODEL.md §5.2).

The reader says what a line looks like; the scorecard credits only what it did:

- a line the reader is unsure of (`Move.is_unclear`) counts for nothing, either way;
- a near-repeat of any earlier line of the trainee's earns nothing after the first, across the
  whole conversation (a repeated NEA line still counts against: it is still said);
- a reflection earns reflection credit only when it reflects the coachee's recent words
  (`simulator.reading.reflection.reflection_fit`); a stock or missed one earns nothing;
- an affirmation earns credit only when it is specific: it names something of the coachee's.

Word sets only, no model: what a line shares with the coachee's words and with the trainee's
own earlier lines does not depend on how any reader labels it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from scoring.facts import ConversationFacts
from simulator.reading.reflection import RECENT_LINES, Echo, content_words, reflection_fit
from simulator.vocabulary import QUESTION_FORMS, REFLECTION_FORMS, Attractor, Focus, Form, Move

REPEAT_OVERLAP = 0.6
"""Two trainee lines sharing at least this share of their content words (Jaccard) are the same line."""

SPECIFIC_WORDS = 2
"""An affirmation naming at least this many content words of its own is specific (or one of the coachee's)."""

ELICITING_FOCI = frozenset({Focus.VISION, Focus.VALUES, Focus.STRENGTHS, Focus.FEELINGS, Focus.PLAN})
"""What an open question can invite the coachee to tell about themselves."""

_PRAISE = frozenset({"good", "great", "brilliant", "amazing", "fantastic", "excellent", "wonderful", "awesome", "nice"})


@lru_cache(maxsize=8192)
def words_of(text: str) -> frozenset[str]:
    """The content words of a line (cached: coachee replies recur across conversations)."""
    return content_words(text)


def _normal(text: str) -> str:
    return " ".join("".join(ch for ch in text.lower() if ch.isalnum() or ch.isspace()).split())


def is_near_repeat(line: str, earlier: str) -> bool:
    """Whether `line` says again what `earlier` said: most of their content words are the same."""
    ours, theirs = words_of(line), words_of(earlier)
    if len(ours) < 2 or len(theirs) < 2:
        return ours == theirs and (bool(ours) or _normal(line) == _normal(earlier))
    return len(ours & theirs) / len(ours | theirs) >= REPEAT_OVERLAP


@dataclass(frozen=True)
class TurnEvidence:
    """One trainee line as the scorecard credits it."""

    n: int
    move: Move
    unclear: bool
    repeat_of: int | None  # the number of the earlier turn this line repeats
    echo: Echo | None  # for a reflection: how it sits against the coachee's recent words
    takes_up: bool  # shares content words with what the coachee had just said
    specific: bool  # for an affirmation: names something particular

    @property
    def counts(self) -> bool:
        """Whether the line counts at all (the reader was sure enough of it)."""
        return not self.unclear

    @property
    def earns(self) -> bool:
        """Whether the line can earn credit: clear, and not a repeat of an earlier line."""
        return not self.unclear and self.repeat_of is None

    @property
    def is_nea(self) -> bool:
        """An NEA move that counts against the trainee (repeats included: they were still said)."""
        return self.counts and self.move.attractor is Attractor.NEA

    @property
    def reflects(self) -> bool:
        """A reflection that earns reflection credit: it captures what the coachee said, felt or meant."""
        return self.earns and self.move.form in REFLECTION_FORMS and self.echo is not None and self.echo.reflects

    @property
    def stock_reflection(self) -> bool:
        """A line offered as a reflection that reflects nothing the coachee said."""
        return self.counts and self.move.form in REFLECTION_FORMS and not (self.echo is not None and self.echo.reflects)

    @property
    def is_question(self) -> bool:
        """A question that earns question credit."""
        return self.earns and self.move.form in QUESTION_FORMS

    @property
    def eliciting(self) -> bool:
        """An open question that invites the coachee's own vision, values, strengths, feelings or plan."""
        return (
            self.earns
            and self.move.form is Form.OPEN_QUESTION
            and self.move.focus in ELICITING_FOCI
            and self.move.attractor is Attractor.PEA
        )

    @property
    def follow_up(self) -> bool:
        """A question that takes up the coachee's own words."""
        return self.is_question and self.takes_up

    @property
    def affirms(self) -> bool:
        """A specific affirmation that earns credit."""
        return self.earns and self.move.form is Form.AFFIRMATION and self.specific

    @property
    def autonomy(self) -> bool:
        """A move that hands the choice to the coachee or asks permission, and earns credit."""
        return self.earns and self.move.form in (Form.AUTONOMY, Form.ADVICE_WITH_PERMISSION)

    @property
    def imposes(self) -> bool:
        """The coach's own answer pressed on the coachee: advice without permission, or a confrontation."""
        return self.counts and self.move.form in (Form.ADVICE, Form.CONFRONT)

    @property
    def attractor(self) -> Attractor | None:
        """The attractor credited: PEA only for what earns it, NEA whenever said, None when unclear."""
        if self.unclear:
            return None
        if self.move.attractor is Attractor.NEA:
            return Attractor.NEA
        if self.move.attractor is Attractor.PEA and self.earns and self._pea_is_real:
            return Attractor.PEA
        return Attractor.NEUTRAL

    @property
    def _pea_is_real(self) -> bool:
        if self.move.form in REFLECTION_FORMS:
            return self.reflects
        if self.move.form is Form.AFFIRMATION:
            return self.specific
        return True

    @property
    def credited_form(self) -> Form | None:
        """The form the line earns credit for, or None when it earns none (unclear, repeated, stock)."""
        if not self.earns:
            return None
        if self.move.form in REFLECTION_FORMS and not self.reflects:
            return None
        if self.move.form is Form.AFFIRMATION and not self.specific:
            return None
        return self.move.form


def _is_specific(line: str, heard: frozenset[str]) -> bool:
    own = words_of(line) - _PRAISE
    return len(own) >= SPECIFIC_WORDS or bool(own & heard)


def _find_repeat(line: str, earlier: Sequence[tuple[int, str]]) -> int | None:
    for n, said in earlier:
        if is_near_repeat(line, said):
            return n
    return None


def conversation_evidence(facts: ConversationFacts) -> tuple[TurnEvidence, ...]:
    """Every trainee line's evidence, in order."""
    evidence = []
    earlier: list[tuple[int, str]] = []
    heard: set[str] = set()
    coachee = [facts.opening] if facts.opening else []
    for index, turn in enumerate(facts.turns):
        move = turn.move
        recent = coachee[-RECENT_LINES:]
        heard.update(words_of(coachee[-1]) if coachee else ())
        recent_words = frozenset().union(*(words_of(line) for line in recent)) if recent else frozenset()
        echo = reflection_fit(turn.trainee, coachee).echo if move.form in REFLECTION_FORMS else None
        evidence.append(
            TurnEvidence(
                n=turn.n,
                move=move,
                unclear=move.is_unclear,
                repeat_of=_find_repeat(turn.trainee, earlier),
                echo=echo,
                takes_up=bool(words_of(turn.trainee) & recent_words),
                specific=move.form is Form.AFFIRMATION and _is_specific(turn.trainee, frozenset(heard)),
            )
        )
        if not move.is_unclear:
            earlier.append((turn.n, turn.trainee))
        if turn.coachee:
            coachee.append(turn.coachee)
        del index
    return tuple(evidence)
