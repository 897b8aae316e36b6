"""What a coachee's reply takes for granted about the line it answers, and whether the line granted it.

"You asked me that already" presumes a question; "My choice, then" presumes the trainee offered
a choice; a reply whose stage direction beams presumes a light moment, which a line naming a hard
feeling, a loss or a condolence is not ("That sounds really hard" is answered with a grin only
when nothing else fits).
A reply that presumes what the line did not say refers to something that never happened, so the
reply choice (`simulator.engine.reply`) counts it as a poor fit: it is said only when nothing
better fits. The presumptions are data (`presumptions.json`), so a new one
needs no code; its patterns are written in lower case, as the text they are searched in is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from simulator.engine.closing import closes_the_meeting
from simulator.phrase_scan import Alternatives
from simulator.reading import cue_lexicon as lex
from simulator.reading.reflection import feeling_of
from simulator.reading.trainee_text import SENTENCE_END
from simulator.vocabulary import QUESTION_FORMS, Attractor, Move


@dataclass(frozen=True)
class Presumption:
    """One thing a reply may take for granted, and what in a line grants it."""

    id: str
    granted_by_a_question: bool
    reply: Alternatives | None
    line: Alternatives | None
    granted_early: int = 0  # granted as well while the trainee has said fewer lines than this
    granted_when_garbled: bool = False  # granted as well by a line too short or mashed to make out
    cue: Alternatives | None = None  # matched against the reply's stage direction
    granted_unless_hard_feeling: bool = False  # granted by every line but one naming a hard feeling
    granted_unless_a_question: bool = False  # granted by every line but a question
    granted_unless_warm: bool = False  # granted by every line but one surely read as PEA
    not_before: int = 0  # its line patterns grant it only once the trainee has said this many lines
    asks_nothing_after: bool = False  # its line patterns are looked for after the line's last "?"
    unless_line: Alternatives | None = None  # granted by every line but one matching these patterns
    granted_by_a_drink_offered: bool = False  # granted by a line ending on a drink offered (`offers_a_drink`)
    unless_asked: Alternatives | None = None  # a question grants it only when its last question matches none
    granted_when_closing: bool = False  # granted, once a plan was talked of, by a line read as a close


def _either(patterns: list[str]) -> Alternatives | None:
    # Written in lower case and searched in lower-cased text: a case-blind search costs twice as
    # much, and a line is searched for dozens of these on every turn.
    return Alternatives(patterns) if patterns else None


@lru_cache(maxsize=1)
def presumptions() -> tuple[Presumption, ...]:
    """The presumptions, loaded and compiled once."""
    data = json.loads(
        resources.files("simulator.engine").joinpath("presumptions.json").read_text(encoding="utf-8")
    )
    return tuple(
        Presumption(
            item["id"],
            item["granted_by_a_question"],
            _either(item["reply"]),
            _either(item["line"]),
            item.get("granted_early", 0),
            item.get("granted_when_garbled", False),
            _either(item.get("cue", [])),
            item.get("granted_unless_hard_feeling", False),
            item.get("granted_unless_a_question", False),
            item.get("granted_unless_warm", False),
            item.get("not_before", 0),
            item.get("asks_nothing_after", False),
            _either(item.get("granted_unless_line", [])),
            item.get("granted_by_a_drink_offered", False),
            _either(item.get("unless_asked", [])),
            item.get("granted_when_closing", False),
        )
        for item in data["presumptions"]
    )


@lru_cache(maxsize=4096)  # pure, over a persona's replies and openers: asked again every turn they fit
def presumed_by(reply_text: str, cue: str = "") -> frozenset[str]:
    """The ids of what a reply takes for granted, by its words or its stage direction."""
    text = reply_text.replace("\u2019", "'").lower()
    cue = cue.lower()
    return frozenset(
        p.id
        for p in presumptions()
        if (p.reply is not None and p.reply.search(text)) or (cue and p.cue is not None and p.cue.search(cue))
    )


def granted_by(line: str, move: Move, lines_before: int | None = None, *, plan_made: bool = False) -> Grants:
    """What a trainee line grants: a question grants being asked; its words grant the rest;
    being among the first lines of the meeting (`lines_before`, when known) grants the talk of
    its start; and a line that could not be made out (`is_garbled`) grants being asked to say it
    again; any line but a question grants being asked whether it was one. Once a plan or step has
    been talked of (`plan_made`), a line the fitted reader of a meeting's close reads as one
    grants a goodbye too (`granted_when_closing`)."""
    return Grants(line, move, lines_before, plan_made)


def wraps_up_by_patterns(line: str, move: Move, lines_before: int | None) -> bool:
    """Whether the line grants `parting` by the patterns alone, without the fitted reader of a
    meeting's close: what that reader is fitted beside (`closing_fit.background`) and measured
    against (`benchmarks/closing.py`)."""
    grants = Grants(line, move, lines_before)
    return any(grants._grants(p) for p in _by_id()["parting"] if not p.granted_when_closing)


def owns_a_bad_start(line: str) -> bool:
    """Whether the trainee owns a bad start ("I started that badly, and I'm sorry", "That came out
    all wrong"): the words of the `apology` presumption, looked for in the whole line, since an
    apology followed by a question ("I'm sorry. How are you, really?") owns the start as much."""
    lowered = line.replace("\u2019", "'").lower()
    return any(p.line is not None and p.line.search(lowered) is not None for p in _by_id().get("apology", ()))


class Grants(AbstractSet[str]):
    """The ids of what one trainee line grants (`granted_by`), each worked out when first asked.

    A reply choice asks only about what its candidate replies presume, a few ids of the twenty or
    so, and each id costs a search of the line for its patterns: working out all of them for
    every line took about a tenth of a turn. The answers are those of working them all out at once.
    """

    def __init__(self, line: str, move: Move, lines_before: int | None, plan_made: bool = False) -> None:
        self._line = line.replace("\u2019", "'")
        self._move = move
        self._lines_before = lines_before
        self._plan_made = plan_made
        self._known: dict[str, bool] = {}
        self._all: frozenset[str] | None = None

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, str):
            return False
        known = self._known.get(item)
        if known is None:
            known = self._known[item] = any(self._grants(p) for p in _by_id().get(item, ()))
        return known

    def __ge__(self, other: AbstractSet[object]) -> bool:  # `presumes <= grants`: only what is asked
        return all(item in self for item in other)

    def __iter__(self) -> Iterator[str]:
        return iter(self._every())

    def __hash__(self) -> int:  # hashable as the frozenset it stands for (a `Heard` holding it is)
        return self._hash()

    def __len__(self) -> int:
        return len(self._every())

    def __repr__(self) -> str:
        return f"Grants({sorted(self._every())!r})"

    def _every(self) -> frozenset[str]:
        if self._all is None:
            self._all = frozenset(item for item in _by_id() if item in self)
        return self._all

    @cached_property
    def _is_question(self) -> bool:
        # A line its writer closed with a full stop was not asked, whatever the reader made of it
        # ("You're really good at what you do."), unless it opens as a question does ("How are you.");
        # one with no mark at all (dictated) may have been.
        text = self._line
        return "?" in text or (
            self._move.form in QUESTION_FORMS
            and (not text.rstrip().endswith((".", "!")) or _opens_as_a_question(text))
        )

    @cached_property
    def _last_question(self) -> str:
        # The last sentence that asks ("Sit down. What happened in the spring?"), or the last one.
        sentences = SENTENCE_END.split(self._lowered.strip())
        return next((sentence for sentence in reversed(sentences) if "?" in sentence), sentences[-1])

    @cached_property
    def _lowered(self) -> str:
        return self._line.lower()

    @cached_property
    def _untagged(self) -> str:
        # A tag at the very end asks nothing ("Go home and rest, and no kitchen table tonight, yeah?").
        return _TAG_QUESTION.sub("", self._lowered)

    @cached_property
    def _after_question(self) -> str:
        # "Thanks for your time. What will you try first?" asks on: a goodbye there is no goodbye.
        lowered = self._untagged
        if "?" in lowered or lowered.rstrip().endswith((".", "!")):
            return lowered[lowered.rfind("?") + 1 :]
        # Dictated, with no marks: "im sorry so forget the list how are you actually going since
        # april" asks on from where its last question starts.
        starts = [found.start() for found in _SPOKEN_QUESTION.finditer(lowered)]
        return lowered[starts[-1] :] if starts else lowered

    @cached_property
    def _from_last_question(self) -> str:
        # A line that asks is answered as its last question, and closes the meeting only if that
        # question does ("Thanks, Grace. Same time in a fortnight?"), not if it asks on ("Three
        # wards, all night. Is there something, even small, you could drop?"). A closing tag asks
        # nothing ("..., yeah?"); a dictated line asks from where its last question starts.
        lowered = self._untagged
        asked = lowered.rfind("?")
        if asked >= 0:
            return SENTENCE_END.split(lowered[: asked + 1].strip())[-1] + lowered[asked + 1 :]
        if lowered.rstrip().endswith((".", "!")):
            return lowered
        starts = [found.start() for found in _SPOKEN_ASKING.finditer(lowered)]
        return lowered[starts[-1] :] if starts else lowered

    @cached_property
    def _light(self) -> bool:
        return feeling_of(self._lowered) != "negative" and _LOSS.search(self._lowered) is None

    @cached_property
    def _garbled(self) -> bool:
        return is_garbled(self._line)

    @cached_property
    def _warm(self) -> bool:
        # Praise or thanks the reader is sure of criticised nothing, whatever a defensive coachee expects.
        return self._move.attractor is Attractor.PEA and not self._move.is_unclear

    def _grants(self, p: Presumption) -> bool:
        lines_before = self._lines_before
        return (
            (
                p.granted_by_a_question
                and self._is_question
                and (p.unless_asked is None or p.unless_asked.search(self._last_question) is None)
            )
            or (lines_before is not None and lines_before < p.granted_early)
            or (
                p.line is not None
                and (lines_before is None or lines_before >= p.not_before)
                and p.line.search(self._after_question if p.asks_nothing_after else self._lowered) is not None
            )
            or (p.granted_when_garbled and self._garbled)
            or (p.granted_unless_hard_feeling and self._light)
            or (p.granted_unless_a_question and not self._is_question)
            or (p.granted_unless_warm and not self._warm)
            or (p.unless_line is not None and p.unless_line.search(self._lowered) is None)
            or (p.granted_by_a_drink_offered and offers_a_drink(self._lowered))
            or (
                p.granted_when_closing
                and self._plan_made
                and (lines_before is None or lines_before >= p.not_before)
                and closes_the_meeting(self._from_last_question)
            )
        )


@lru_cache(maxsize=1)
def _by_id() -> dict[str, tuple[Presumption, ...]]:
    """The presumptions by id, in their order (an id may have several entries)."""
    found: dict[str, list[Presumption]] = {}
    for p in presumptions():
        found.setdefault(p.id, []).append(p)
    return {item: tuple(entries) for item, entries in found.items()}


_LOSS = re.compile(
    r"\b(?:lose|died|death|passed away|funeral|bereave\w*|condolences)\b"
    r"|\bsorry (?:about|for) (?:your|the|her|his|their) (?:loss|dog|mum|mam|mom|dad|wife|husband|friend)\b"
    r"|\bsorry (?:about|for) \w+\W*$"
)
"""Loss and condolence the feeling words miss ("a lot of company to lose", "I'm sorry about Bess."):
no light moment either, so no beaming reply answers them."""


_DRINK = re.compile(
    r"\b(?:tea|teas|coffees?|cuppa|brew|water|a drink|something to drink|paned|panad|chai|espresso"
    r"|americano|latte|flat white|cappuccino|hot chocolate|juice|kettle)\b"
)
"""The words of something to drink, as a manager offers it ("a brew", "a panad", "a flat white")."""

_OFFERING = re.compile(
    r"\b(?:(?:want|wanna)(?: one| a| an| some| it|\?)|(?:would|d|do) you (?:like|want|fancy)"
    r"|if you(?:'d| would)? (?:like|want)|fancy|care for|offer you|help yourself|for you|one'?s yours"
    r"|on me|my shout|shall i|will i|have one|have a|have some|you having|what'?ll it be|in the pot"
    r"|in the machine|on the side|with your name|keen|brought you|poured you"
    r"|kettle(?:'s| is| has) (?:on|just|only just|boiled)"
    r"|(?:i'?ll|i'?ve|i have|let me|shall i|will i|i'?m going to|i just) (?:put|stick|flick) the kettle on"
    r"|(?:get|getting|make|making|grab|buy|buying|bring|fetch|pour) (?:you|ya|ye|u|us|yourself|one|a|an|some))\b"
)
"""Words near a drink that offer it to the listener: asking if they want one, saying it is there for
them or on the speaker, or that the speaker will get, make or pour it."""

_NOT_NOW = re.compile(
    r"\b(?:have you (?:had|been)|how much|how many|are you (?:drinking|still)|do you (?:still )?drink"
    r"|did you|used to|remember|i still|still a|taught|ago|because of|let'?s|later|in a bit|tomorrow"
    r"|next|after (?!a long|the day)|aside|already|haven'?t had"
    r"|(?:i|you|we)'?ve (?:already )?had (?:(?:two|three|four|five|six|a few|several|so many|loads of) )?"
    r"(?:coffees|teas|cups|cuppas|brews)|with (?:him|her|them)"
    r"|(?:on|this|by) (?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:after|with|for|at) (?:your |my |his |her |their )?tea|eat|snacks?|(?:fancy|new|those) (?:\w+ )?machines?"
    r"|(?:sugars?|sweeteners?) in (?:your|his|her|their))\b"
)
"""Words that make a drink something asked about, remembered, put off or meant for someone else,
not offered now ("Have you had anything to drink?", "I still put the kettle on first", "Let's
grab a coffee Friday", "after tea", the meal, "Still sugar in your tea?" asked about the diet)."""

_NEAR_BEFORE, _NEAR_AFTER = 45, 40  # characters around the drink where its offer is said
_SHORT_AFTER = 7  # words: "Want a brew? I'll get it, you sit there." still ends on the brew


def offers_a_drink(lowered: str) -> bool:
    """Whether a (lower-cased) line ends on a drink offered now.

    The last sentence naming a drink must offer it, in words near the drink ("Can I get you a
    coffee?", "Kettle's just boiled if you want one", "I made a pot of tea, help yourself") or as a
    short question ("Tea?", "Coffee OK?"); a drink asked about, remembered or put off is not offered
    ("Have you had anything to drink since this morning?", "I still put the kettle on first because
    of you", "Let's grab a coffee Friday", "a ten minute walk after tea"). Nothing after it may ask
    a question or say more than a few words ("Tea? I'll be quick." ends on the tea; "There's tea in
    the pot. How are you finding it?" asks on); in a dictated line, a question spoken after the
    drink asks on too ("theres tea in the pot help yourself how are you finding it")."""
    if _DRINK.search(lowered) is None:
        return False
    sentences = SENTENCE_END.split(lowered.strip())
    last = max(index for index, sentence in enumerate(sentences) if _DRINK.search(sentence))
    if any("?" in sentence or len(sentence.split()) > _SHORT_AFTER for sentence in sentences[last + 1 :]):
        return False
    offer = sentences[last]
    if _NOT_NOW.search(offer) is not None:
        return False
    drinks = list(_DRINK.finditer(offer))
    if _SPOKEN_QUESTION.search(offer, drinks[-1].end()) is not None:
        return False
    if "?" in offer and len(offer.split()) <= 6:
        return True
    return any(
        _OFFERING.search(offer, max(0, drink.start() - _NEAR_BEFORE), drink.end() + _NEAR_AFTER) is not None
        for drink in drinks
    )


GARBLED_UNDER_WORDS = 4
"""A line of fewer words than this may not have been made out ("wh", "ok so um"); a longer one
was, unless it is mostly mash."""


def is_garbled(line: str) -> bool:
    """Whether a listener could not have made the line out: too short, or mostly not words."""
    from simulator.reading.moves import is_gibberish  # loads the reader's vocabulary on first use

    return len(line.split()) < GARBLED_UNDER_WORDS or is_gibberish(line)


def is_plain_talk(line: str) -> bool:
    """Whether a line is plain words a listener makes out, whatever act the reader took it for: not
    garbled (`is_garbled`), and four in five of its words ones the reader knows."""
    from simulator.reading.model import known_word_share  # loads the reader's vocabulary on first use

    return not is_garbled(line) and known_word_share(line) >= 0.8


_QUESTION_OPENING = re.compile(
    r"^(?:(?:so|and|ok|okay|right|well|but)[ ,]+)*(?:"
    + lex.WH_OPENERS
    + "|"
    + "|".join(lex.AUX_OPENERS)
    + r")\b",
    re.IGNORECASE,
)


_TAG_QUESTION = re.compile(
    r"(?:,\s*|[.!]\s+|^\s*)(?:yeah|yes|ok(?:ay)?|right|alright|all right|eh|aye|ja|no|hm+|deal|agreed)\s*\?+\s*$"
)
"""A tag question that closes a line ("..., yeah?", ". Okay?"): it asks for a nod, not an answer
("Is that okay?" asks one)."""

_SPOKEN_QUESTION = re.compile(
    r"\b(?:how|what|where|when|why|who|which)(?:'s)? (?:are|is|was|were|do|did|does|would|could|can|will|have|has)"
    r" (?:you|ya|u|things|it|we)\b"
)
"""Where a question starts in a line dictated without its question mark ("how are you actually going")."""

_SPOKEN_ASKING = re.compile(
    _SPOKEN_QUESTION.pattern + r"|\b(?:is|are) there\b|\b(?:do|did|would|could|can|will) you\b"
)
"""Where a question may start in a dictated line, asked on or not ("is there something even small
you could drop", "can you shut the door on your way out"): read from there, the reader of a close
hears which."""


def _opens_as_a_question(text: str) -> bool:
    return _QUESTION_OPENING.match(text.strip()) is not None


_LEADING_QUESTION = re.compile(r"^[^?.!]{1,40}\?\s+(?=\S)")
"""A short question a line opens with, as a coachee echoes what they were asked ("A year from now? ")."""


def without_unasked_echo(text: str, granted: AbstractSet[str]) -> str:
    """`text` without its opening echo of something the trainee's line did not say.

    A story item is written once but told in answer to many lines: "A year from now? I'd be on
    the floor at seven..." answers "What would a great year look like?" as "I'd be on the floor
    at seven...". Any other opening is kept.
    """
    opening = _LEADING_QUESTION.match(text)
    if opening is None or presumed_by(opening.group(0)) <= granted:
        return text
    rest = text[opening.end() :]
    return rest[:1].upper() + rest[1:]
