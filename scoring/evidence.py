"""What each trainee line actually did, beyond the label the reader gave it (COACHING-MODEL.md §5.2).

The reader says what a line looks like; the scorecard credits only what it did:

- a line the reader is unsure of (`Move.is_unclear`) counts for nothing, either way, unless it
  was read as NEA and hit one of the coachee's nerves: then it counts against, in full;
- a near-repeat of any earlier line of the trainee's earns nothing after the first, across the
  whole conversation (a repeated NEA line still counts against: it is still said);
- a formula (a line opening as the trainee's recent lines opened, `simulator.reading.formula`),
  flattery (sweeping praise when the recent lines praised too, `simulator.reading.flattery`) or
  parroting (the coachee's words quoted back when the recent lines quoted them too,
  `simulator.reading.parrot`) earns nothing, as the coachee hears it;
- a reflection earns reflection credit only when it reflects the coachee's recent words
  (`simulator.reading.reflection.reflection_fit`); a stock or missed one earns nothing;
- statements a question opens with are a reflection of their own when they reflect ("Six till
  seven. That's a thirteen hour day. What keeps you going?"): MITI codes a turn utterance by
  utterance, so the reflection counts beside the question;
- an affirmation earns credit only when it is specific: it names something of the coachee's;
- a statement of the coachee's own vision, values or plan in the trainee's words, not a reflection
  of theirs or told them before they said it (`TurnEvidence.presumes`), still earns what its form
  earns, but more of them than questions inviting the story keep Partnership below 3
  (`scoring.global_ratings.told_them_who_they_are`). One line alone is not held against the
  trainee: a written conversation anticipates replies its author never saw, and a hunch the
  coachee confirms in their own words is a good complex reflection.

Word sets only, no model: what a line shares with the coachee's words and with the trainee's
own earlier lines does not depend on how any reader labels it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from scoring.facts import ConversationFacts
from simulator.reading import repeats
from simulator.reading.flattery import flattery_of, praises
from simulator.reading.formula import formula_of
from simulator.reading.marking_notes import marking_note
from simulator.reading.parrot import parrot_of
from simulator.reading.question_barrage import barrage_of
from simulator.reading.reflection import (
    Echo,
    content_words,
    reflection_fit,
    reflects_before_asking,
)
from simulator.reading.repeats import LineKey, asked_key, line_key
from simulator.reading.taking_up import points_back, shares_words
from simulator.reading.trainee_text import asks, said_as_heard, split_lead
from simulator.rules import Rule, rule_named
from simulator.scenario.replies import topics_named
from simulator.vocabulary import QUESTION_FORMS, REFLECTION_FORMS, Attractor, Focus, Form, Move

REPEAT_OVERLAP = 0.6
"""Two trainee lines sharing at least this share of their content words (Jaccard) are the same line."""

SPECIFIC_WORDS = 2
"""An affirmation naming at least this many content words of its own is specific (or one of the coachee's)."""

TAKEN_UP_LINES = 4
"""How many of the coachee's last lines a question may take up words of (`TurnEvidence.takes_up`):
one line more than a reflection may draw on (`simulator.reading.reflection.RECENT_LINES`), since a
question that goes back to what they said a few answers ago ("You said the teaching pulls you. What
would more of it look like?") follows their lead as much as one on the last answer. Over the verdict's 1,060 conversations
(`python benchmarks/verdict.py --set all`, five seeds), against three lines: expectations missed
55 -> 49 typed and 64 -> 59 dictated, textbooks compassion-led 186 -> 190 and 178 -> 182 of 212,
the highest gaming score 69.9 either way, one gaming conversation ("Emojis and backchannels with a
stock coaching question every few lines", 43.5 to 45.3) turning mixed at some seeds; the AnnoMI
session ranking (`--annomi`) 0.969 -> 0.966 as written, 0.935 -> 0.939 lower-cased. Six lines
measured alike on the verdict (50 and 59 missed, 190 and 183 textbooks, none unstable) and ranked
the AnnoMI sessions lower (0.959, 0.934); a reflection reaching four or six lines back as well
missed fewer expectations typed (45, 46) but let a gaming conversation of polished generic
paragraphs through as compassion-led dictated (71.5) and, at six, ranked lower-cased AnnoMI
sessions at 0.915."""

ELICITING_FOCI = frozenset({Focus.VISION, Focus.VALUES, Focus.STRENGTHS, Focus.FEELINGS, Focus.PLAN})
"""What an open question can invite the coachee to tell about themselves."""

OWN_FOCI = frozenset({Focus.VISION, Focus.VALUES, Focus.PLAN})
"""What only the coachee can say of themselves: their hopes, what matters to them, what they will do.
Strengths are left out: a manager may know them from what they saw ("The students all ask to be
paired with you.")."""

TOLD_FIRST_WORDS = 2
"""How many content words of a statement, new to the conversation, the coachee must say after it
for the statement to have told them what they then said (`told_first`)."""

TOLD_FIRST_LINES = 3
"""How many of the coachee's lines after a statement may say its words back: the reply to it and
the two after."""

_PRAISE = frozenset(
    {"good", "great", "brilliant", "amazing", "fantastic", "excellent", "wonderful", "awesome", "nice"}
)


def words_of(text: str) -> frozenset[str]:
    """The content words of a line (`content_words` keeps those of lines seen before)."""
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
    echo: Echo | None  # for a reflection or an affirmation: how it sits against the coachee's recent words
    takes_up: bool  # shares content words with the coachee's last lines (`TAKEN_UP_LINES`)
    specific: bool  # for an affirmation: names something particular
    formula_of: int | None = None  # the earlier turn whose opening this line says again as a formula
    flattery_of: int | None = None  # the earlier turn whose sweeping praise this line heaps on again
    parrot_of: int | None = None  # the earlier turn that quoted the coachee back as this line does again
    marking_note: str | None = None  # words meant for whoever marks the line (`reading.marking_notes`)
    barrage_of: int | None = None  # the earlier turn that stacked questions as this line does again
    opens_reflecting: bool = False  # a question opening with statements that reflect the coachee's last line
    asks_again: bool = False  # the repeat is of a question asked before, after a new opening
    asks: bool = False  # the line asks something (a "?", or a question its words start: `trainee_text.asks`)
    asks_off_list: bool = False  # ...taking up nothing the coachee has said (no word, no subject)
    asks_after_them: bool = False  # ...following their last line (its words, or pointing back)
    stung: bool = False  # the line hit one of the coachee's nerves (a hot button fired on it)
    # Words of the coachee's vision, values or plan the line told them before they said them.
    told_first: tuple[str, ...] = ()
    # The line opens as handing back what the coachee said ("I'm hearing that...", "It sounds like
    # ..."), and nothing it hands back had been said by them: facts from the file dressed as listening.
    claims_unheard: bool = False

    @property
    def counts(self) -> bool:
        """Whether the line counts at all: the reader was sure enough of it, or it was read as NEA
        and hit a nerve (`stung`), as the coachee counts it."""
        return not self.unclear or (self.stung and self.move.attractor is Attractor.NEA)

    @property
    def earns(self) -> bool:
        """Whether the line can earn credit: clear and not said by rote (`by_rote`)."""
        return not self.unclear and not self.by_rote

    @property
    def is_nea(self) -> bool:
        """An NEA move that counts against the trainee (repeats included: they were still said)."""
        return self.counts and self.move.attractor is Attractor.NEA

    @property
    def sureness(self) -> float:
        """How much the line counts against the trainee when it does (`Move.certainty`): in full
        from a sure reading, in part from a half-sure one, as it moves the coachee. Warm lines
        misread as NEA are read half-surely far more often than cold lines read rightly (on the
        verdict's conversations, the NEA readings of textbook lines average a certainty of 0.48,
        of blunt ones 0.87): one misreading must not cost a whole accusation. A line that hit one
        of the coachee's nerves counts in full, however unsure the reading: their reaction settles
        what the reading left open ("You're at sixty percent with six weeks left.", read 0.70 sure,
        sent Marco defensive in one line). Over the verdict's 740 conversations, five seeds each,
        no textbook's score moved; repaired ones fell 0.38 points in the mean, warm-deficit ones
        0.13 (dictated, 0.56 and 0.29); expectations missed 33 -> 32 typed, 40 -> 40 dictated."""
        return 1.0 if self.stung else self.move.certainty

    @property
    def reflects(self) -> bool:
        """A reflection that earns reflection credit: it captures what the coachee said, felt or meant."""
        return (
            self.earns and self.move.form in REFLECTION_FORMS and self.echo is not None and self.echo.reflects
        )

    @property
    def reflects_first(self) -> bool:
        """A question that earns credit and opens with a reflection that reflects: a reflection of
        its own beside the question. Not before an NEA question ("I hear you're tired. Why aren't
        the notes done?"): there the reflection only leads up to the blow."""
        return self.is_question and self.move.attractor is not Attractor.NEA and self.opens_reflecting

    @property
    def stock_reflection(self) -> bool:
        """A line offered as a reflection that reflects nothing the coachee said: a stock phrase, or a
        feeling their words contradict."""
        return self.counts and self.move.form in REFLECTION_FORMS and self.echo in (Echo.STOCK, Echo.MISSES)

    @property
    def clear(self) -> bool:
        """Whether the reader was sure enough of the line to read it at all."""
        return not self.unclear

    @property
    def by_rote(self) -> bool:
        """A clear line said by rote: a repeat, a formula refilled, sweeping praise heaped on again,
        the coachee quoted back or questions stacked as earlier lines did, or a note for whoever marks it."""
        return not self.unclear and (
            self.marking_note is not None
            or self.repeat_of is not None
            or self.formula_of is not None
            or self.flattery_of is not None
            or self.parrot_of is not None
            or self.barrage_of is not None
        )

    @property
    def rote_reflection(self) -> bool:
        """A line offered as a reflection that refills a frame said before (a formula) or quotes the
        coachee back as the trainee's last lines did (parroting): said by rote, not to understand."""
        return (
            self.counts
            and self.move.form in REFLECTION_FORMS
            and (self.formula_of is not None or self.parrot_of is not None)
        )

    @property
    def unconfirmed_reflection(self) -> bool:
        """A reflection sharing no word with what the coachee said and naming no feeling: it may put
        their meaning in new words, so it earns no reflection credit, and no blame either."""
        return self.counts and self.move.form in REFLECTION_FORMS and self.echo is Echo.UNRELATED

    @property
    def presumes(self) -> bool:
        """A clear statement of the coachee's own vision, values or plan in the trainee's words: told
        them before they said it (`told_first`), or said as no reflection of what they said. Not a
        question, an affirmation, a choice handed over or a frame (`_NOT_PRESUMING`): a line the
        reader took for a question asks, even unmarked ("why this is important for you tell me")."""
        if not self.clear or self.move.focus not in OWN_FOCI or self.move.form in _NOT_PRESUMING:
            return False
        return bool(self.told_first) or self.echo is None or not self.echo.reflects

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
    def grounded_affirmation(self) -> bool:
        """A specific affirmation built on the coachee's own recent words: it shows they were heard."""
        return self.affirms and self.takes_up

    @property
    def restating_affirmation(self) -> bool:
        """A specific affirmation mostly in the coachee's own words ("Walking the dock at seven, and
        Bev running the bookings. That's a plan."): a reflection told as appreciation."""
        return self.affirms and self.echo is Echo.RESTATES

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
        """The attractor credited: PEA only for what earns it, NEA whenever said, None when it does not count."""
        if not self.counts:
            return None
        if self.move.attractor is Attractor.NEA:
            return Attractor.NEA
        if self.move.attractor is Attractor.PEA and self.earns and self._pea_is_real:
            return Attractor.PEA
        return Attractor.NEUTRAL

    @property
    def earns_what_followed(self) -> bool:
        """Whether what the coachee did after the line (a rise in openness, a story told) is put
        down to coaching: a line earning PEA credit, or a neutral one said for what it is (clear,
        no repeat, formula, flattery or parroting). A question about the real self after the vision
        is the arc's next step, not a stock line, and the balance sheet it draws out is earned."""
        if self.attractor is Attractor.PEA:
            return True
        return self.attractor is Attractor.NEUTRAL and self.move.attractor is Attractor.NEUTRAL and self.earns

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


def _is_specific(line: str, heard: frozenset[str], topics_of: Callable[[str], frozenset[str]] | None) -> bool:
    """Whether an affirmation names something particular: the coachee's own words, or enough words of
    its own; sweeping praise ("an incredible foundation", "so talented") only with a word of the
    coachee's or a count, or when it names one of the persona's topics. A paragraph of sweeping
    praise has words to spare and names nothing the coachee did: in the verdict's conversations
    (typed, seed 0) all 29 praising affirmations of textbook and repaired conversations name one of
    those three, and 20 of the 30 in gaming conversations none."""
    own = words_of(line) - _PRAISE
    if own & heard:
        return True
    if praises(line):
        return _COUNT.search(line) is not None or (topics_of is not None and bool(topics_of(line)))
    return len(own) >= SPECIFIC_WORDS


_COUNT = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b",
    re.IGNORECASE,
)
"""A count said in the line ("four months", "9 years"); "one" and "first" are left out: "one of the
best", "first of all" count nothing."""


class SaidBefore:
    """What the trainee has said so far, indexed by content word so a repeat is found without rereading it all."""

    def __init__(self) -> None:
        self._by_words: dict[frozenset[str], int] = {}
        self._by_text: dict[str, int] = {}
        self._by_word: dict[str, list[tuple[int, frozenset[str]]]] = {}

    def add(self, n: int, text: str) -> None:
        """Remember that turn `n` said `text`."""
        words = words_of(text)
        self._by_words.setdefault(words, n)
        if not words:
            self._by_text.setdefault(_normal(text), n)
        for word in words:
            self._by_word.setdefault(word, []).append((n, words))

    def find(self, text: str) -> int | None:
        """The first earlier turn that `text` nearly repeats (see `is_near_repeat`), or None."""
        words = words_of(text)
        if not words:
            return self._by_text.get(_normal(text))
        if len(words) < 2:
            return self._by_words.get(words)
        found = None
        for word in words:
            for n, theirs in self._by_word.get(word, ()):
                if len(theirs) >= 2 and len(words & theirs) / len(words | theirs) >= REPEAT_OVERLAP:
                    found = n if found is None else min(found, n)
                    break
        return found


_CLAUSE = re.compile(r"[.!?;,]+\s*|\s+(?:and|so|but)\s+")


@lru_cache(maxsize=4096)  # pure: each line's clauses are asked for again as later lines are compared
def clauses(line: str) -> tuple[str, ...]:
    """The parts of a line that say something: sentences and clauses with a content word."""
    return tuple(part for part in _CLAUSE.split(line) if part.strip() and words_of(part))


def repeated_from(line: str, earlier_clauses: SaidBefore, earlier_lines: SaidBefore) -> int | None:
    """The earlier turn this line repeats: the whole line, or most of its clauses said before."""
    whole = earlier_lines.find(line)
    if whole is not None:
        return whole
    parts = clauses(line)
    if len(parts) < 2:
        return None
    repeated = [n for n in (earlier_clauses.find(part) for part in parts) if n is not None]
    return min(repeated) if len(repeated) * 3 >= len(parts) * 2 else None


_ECHOED_FORMS = (*REFLECTION_FORMS, Form.AFFIRMATION)

_NOT_PRESUMING = frozenset(
    {*QUESTION_FORMS, Form.AFFIRMATION, Form.AUTONOMY, Form.ADVICE_WITH_PERMISSION, Form.STRUCTURE}
)
"""Forms that tell the coachee nothing of themselves as theirs: questions ask, affirmations praise
what a manager may have seen, the others hand over or frame."""


def _first(*turns: int | None) -> int | None:
    found = [n for n in turns if n is not None]
    return min(found) if found else None


def asked_again(said: Sequence[LineKey], earlier: Sequence[tuple[int, LineKey]]) -> int | None:
    """The earlier turn whose line, or the question it opened with statements before, a line or
    its own such question (`said`, their keys) says again, as the coachee hears a repeat
    (`simulator.reading.repeats`): the same stock question after a new opening each time is
    still asked again."""
    return next((n for n, before in earlier for key in said if repeats.repeats(key, before)), None)


def _takes_up(line: str, lead: str, asked: str, opens_reflecting: bool, recent_words: frozenset[str]) -> bool:
    """Whether a line shares content words with the coachee's recent lines. A question that opens
    with statements takes them up by its question, or by statements reflecting the last line:
    case notes recited before a stock question ("You walked Bess by the canal for nine years. What
    are your hopes?") share the coachee's words without taking up anything they said."""
    if not lead:
        return bool(words_of(line) & recent_words)
    return opens_reflecting or bool(words_of(asked) & recent_words)


def told_first(line: str, move: Move, heard: frozenset[str], said_after: Sequence[str]) -> tuple[str, ...]:
    """The words of a statement about the coachee's own vision, values or plan (`OWN_FOCI`) that no
    line of theirs had said before it (`heard`) and that their next lines (`said_after`) say: at
    least `TOLD_FIRST_WORDS` of them, or none. "And you went into nursing because of someone who sat
    with your mum" before she had spoken of her mum, then "There was a nurse who sat with her at
    night": what she tells next was told to her first. A question is left alone, read as one and
    asking: asking is how a coach draws the story out. A statement with a check ("..., am I right?")
    still tells."""
    if move.focus not in OWN_FOCI or (move.form in QUESTION_FORMS and asks(line)):
        return ()
    later = frozenset().union(*(words_of(reply) for reply in said_after[:TOLD_FIRST_LINES]))
    told = sorted((words_of(line) - heard) & later)
    return tuple(told) if len(told) >= TOLD_FIRST_WORDS else ()


def claims_unheard(line: str, heard: frozenset[str]) -> bool:
    """Whether the line says it heard (`said_as_heard`) what no line of the coachee's had said: not
    one content word of it is theirs (`heard`)."""
    claimed = words_of(said_as_heard(line))
    return bool(claimed) and claimed.isdisjoint(heard)


def conversation_evidence(facts: ConversationFacts) -> tuple[TurnEvidence, ...]:
    """Every trainee line's evidence, in order."""
    evidence = []
    earlier, earlier_clauses = SaidBefore(), SaidBefore()
    said: list[str] = []  # the trainee's lines so far, for formulas and flattery
    # Each earlier line, and the question it opened with statements before, as repeats are heard.
    keys: list[tuple[int, LineKey]] = []
    quoted: list[tuple[str, tuple[str, ...]]] = []  # each with the coachee's lines before it, for parroting
    coachee = [facts.opening] if facts.opening else []
    heard: frozenset[str] = words_of(facts.opening)
    topics_of = partial(topics_named, facts.persona_topics) if facts.persona_topics else None
    replies = [turn.coachee for turn in facts.turns]
    for index, turn in enumerate(facts.turns):
        move = turn.move
        recent_words = frozenset().union(*(words_of(line) for line in coachee[-TAKEN_UP_LINES:]))
        echo = reflection_fit(turn.trainee, coachee, topics_of).echo if move.form in _ECHOED_FORMS else None
        split = split_lead(turn.trainee)
        lead, asked = split if move.form in QUESTION_FORMS else ("", turn.trainee)
        opens_reflecting = bool(lead and coachee) and reflects_before_asking(lead, coachee[-1])
        formula = formula_of(turn.trainee, said, nea=move.attractor is Attractor.NEA)
        # As the coachee hears it (`Session._refrain`): a formula first, then flattery, parroting, a barrage.
        flattery = flattery_of(turn.trainee, said) if formula is None else None
        before = tuple(coachee)
        parrot = (
            None if formula is not None or flattery is not None else parrot_of(turn.trainee, before, quoted)
        )
        refrained = formula is not None or flattery is not None or parrot is not None
        barrage = None if refrained or move.attractor is Attractor.NEA else barrage_of(turn.trainee, said)
        question = asked_key(turn.trainee)
        said_keys = (line_key(turn.trainee),) if question is None else (line_key(turn.trainee), question)
        said_again = repeated_from(turn.trainee, earlier_clauses, earlier)
        asked_before = asked_again(said_keys, keys)
        takes_up = _takes_up(turn.trainee, lead, asked, opens_reflecting, recent_words)
        asking = split[1] if asks(turn.trainee) else ""  # the question the line asks, whatever its form
        asking_words = words_of(asking)
        said.append(turn.trainee)
        quoted.append((turn.trainee, before))
        evidence.append(
            TurnEvidence(
                n=turn.n,
                move=move,
                unclear=move.is_unclear,
                repeat_of=_first(said_again, asked_before),
                asks_again=said_again is None and asked_before is not None,
                echo=echo,
                takes_up=takes_up,
                specific=move.form is Form.AFFIRMATION and _is_specific(turn.trainee, heard, topics_of),
                formula_of=None if formula is None else facts.turns[formula].n,
                flattery_of=None if flattery is None else facts.turns[flattery].n,
                parrot_of=None if parrot is None else facts.turns[parrot].n,
                barrage_of=None if barrage is None else facts.turns[barrage].n,
                marking_note=None if move.attractor is Attractor.NEA else marking_note(turn.trainee),
                opens_reflecting=opens_reflecting,
                asks=bool(asking),
                asks_off_list=bool(asking)
                and asking_words.isdisjoint(heard)
                and not (topics_of is not None and topics_of(asking)),
                asks_after_them=bool(asking)
                and (shares_words(asking_words, coachee[-1] if coachee else "") or points_back(asking)),
                stung=any(rule_named(rule) is Rule.HOT_BUTTON for rule in turn.rules),
                told_first=told_first(turn.trainee, move, heard, replies[index:]),
                claims_unheard=claims_unheard(turn.trainee, heard),
            )
        )
        # An unclear line was said all the same: the same words again are a repeat, as the coachee hears them.
        earlier.add(turn.n, turn.trainee)
        keys.extend((turn.n, key) for key in said_keys)
        for part in clauses(turn.trainee):
            earlier_clauses.add(turn.n, part)
        if turn.coachee:
            coachee.append(turn.coachee)
            heard = heard | words_of(turn.coachee)
    return tuple(evidence)


HALF_A_LINE = 0.5
"""Where a rule asks whether something happened at all ("no NEA before the vision", "a
confrontation"), the half-sure lines that did it must add up to at least this much of a line."""


@dataclass(frozen=True)
class Evidence:
    """A conversation's facts with every line's evidence beside them: what the measures read."""

    facts: ConversationFacts
    turns: tuple[TurnEvidence, ...]

    @property
    def counted(self) -> int:
        """How many lines count at all (unclear lines do not)."""
        return sum(turn.counts for turn in self.turns)

    def count(self, attribute: str) -> int:
        """How many lines have a true `attribute` (a TurnEvidence property name); counted once, then kept."""
        counts: dict[str, int] = self.__dict__.setdefault("_counts", {})
        if attribute not in counts:
            counts[attribute] = sum(bool(getattr(turn, attribute)) for turn in self.turns)
        return counts[attribute]

    @property
    def rote_share(self) -> float:
        """The share of the clear lines said by rote (`TurnEvidence.by_rote`); 0 with none clear."""
        clear = self.count("clear")
        return self.count("by_rote") / clear if clear else 0.0

    @property
    def reflections(self) -> int:
        """Reflections that reflected: whole lines, and those a question opened with (MITI codes a
        turn utterance by utterance, so a question opening with a reflection is both)."""
        return self.count("reflects") + self.count("reflects_first")

    def against(self, attribute: str) -> float:
        """The lines with a true `attribute` that count against the trainee, each by its `sureness`."""
        return sum(turn.sureness for turn in self.turns if getattr(turn, attribute))

    def reveals(self, *, credited: bool) -> list[str]:
        """The kinds of story item told, drawn out by lines that earned them (or not): see
        `TurnEvidence.earns_what_followed`."""
        return [
            self.facts.kind_of(item)
            for fact, turn in zip(self.facts.turns, self.turns, strict=True)
            for item in fact.reveals
            if turn.earns_what_followed == credited
        ]


def evidence_of(facts: ConversationFacts) -> Evidence:
    """The evidence of a whole conversation."""
    return Evidence(facts, conversation_evidence(facts))
