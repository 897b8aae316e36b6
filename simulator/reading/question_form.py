"""The form of a question: open or closed, from its opening words first and the "?" second.

A wh-question is open unless it asks for one fact ("when", "which of the two", a scale);
a yes/no opener makes it closed; a declarative with a rising "?" asks only when it does not
open like a reflection.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from simulator.phrase_scan import alternation, opening
from simulator.reading import cue_lexicon as lex
from simulator.reading.move_focus import TOPICS
from simulator.reading.sentence_reading import Reading, clip, signals_in
from simulator.reading.statement_form import REFLECTIVE_LEAD, STOCK_REFLECTION
from simulator.reading.trainee_text import WH_OPENING
from simulator.vocabulary import Focus, Form

# Questions
OPEN_INVITATION = opening(lex.OPEN_INVITATIONS)

_EXCLAMATION = re.compile(
    r"(?:what an? |how (?:nice|lovely|great|wonderful|awful|terrible|sad|kind|cool|funny"
    r"|interesting|exciting|brilliant|amazing)\b)"
)

# "When I was a nurse...", "what you said was...": a wh-word then a subject opens a clause.
_WH_CLAUSE = re.compile(
    r"(?:what|how|why|when|where|which|who) (?:i|i'm|i've|i'd|you|you're|you've|we|they|he|she|it|it's|that"
    r"|this|my|your|the|people|someone|everyone|there's)\b"
)

_RELATIVE_WHICH = re.compile(r"which (?:is|was|means|meant|makes|made|would be|has been|you|i|we)\b")

_RELATIVE_CARRY_ON = re.compile(r"which (?:you|i|we|they|he|she)\b")

# "Acting out would be what?": the wh-word left at the end still asks for an account.
# "You know what?", "so what?" are turns of phrase, not questions.
_WH_LEFT_IN_PLACE = re.compile(r"(?<!\bknow)(?<!\bguess)(?<!\bor)(?<!\bso)(?<!\band) (?:what|how|why)$")

AUX_OPENING = opening(lex.AUX_OPENERS)

_CLOSED_WH = opening(lex.CLOSED_WH)

# "Which suits you, mornings or evenings?" offers a choice; "...or anything like that?" only
# trails off. In other wh-questions the "or" lists examples or rephrases ("what made you pick
# law or journalism?" still asks for reasons), so only a choice-shaped question is closed by it.
_CHOICE_WH = re.compile(r"which\b|.*\b(?:would|do) you (?:rather|prefer)\b")

_EITHER_OR = re.compile(
    r"\bor (?!anything|something|whatever|so\b|what|how|is that|are)(?:not|\w+(?: \w+){0,4})$"
)

# A fragment that only lists answers ("patches or gum?", "tomorrow or the day after?"): said
# after an open question, it turns the question into a pick from a menu.
BARE_CHOICE = re.compile(
    r"(?!(?:" + lex.WH_OPENERS + r"|do|does|did|is|are|was|were|can|could|would|will)\b)"
    r"(?:[\w']+ ){0,3}[\w']+ or (?:[\w']+ ){0,3}[\w']+"
)

_TRAILING_OR = " or"  # a yes/no question trailing off into "or...?" leaves the answer open

_SCALE = re.compile(r"\bon a scale\b|\bfrom (?:zero|0|one|1) to (?:ten|10|a hundred|100)\b")

# "Do the charting first", "have a look": without a "?", an instruction, not a question.
DOES_A_THING = re.compile(r"(?:do|have) (?:a|an|the|some|this|that|it)\b")

_WOULD = re.compile(r"\b(?:would|might|could)\b")

# "Where are you with all this?", "where is it taking you?": a stance or a direction to
# describe, not a place to name.
_WHERE_STANDS = re.compile(
    r"where (?:are you (?:with|in|at) (?!home|work|school|the moment\b)|(?:is|will) (?:this|that|it|all this)"
    r" (?:going to |gonna )?(?:take|taking|lead|leading|leave|leaving) you)"
)

_WONDER = re.compile(
    r"i(?:'m| was| am)? (?:just )?wonder(?:ed|ing)? (?:(?P<open>what|how|why|where|when|which)"
    r"|(?:if|whether) (?:(?:we|you|i)(?: could| might| would| can|'d)|something|anything|there(?:'s| is| was)"
    r"|it(?:'s| is| would be) (?:okay|all right)|that(?:'s| is| would be) (?:okay|all right)"
    r"|you(?:'ve| have| had)))\b"
)

# "If work went well, what would you do?": a question after a framing clause.
_COMMA_QUESTION = re.compile(
    r", (?:(?:and|so|but) )?(?=(?:" + lex.WH_OPENERS + r"|tell me|" + alternation(lex.AUX_OPENERS) + r")\b)"
)

_TAG = re.compile(r",?\s*" + alternation(lex.TAG_CHECKS) + r"$")

_TAIL_CHARS = 40  # end-anchored patterns ("..., is that right?") need only the last few words

CHECK_BACK = re.compile(
    r"(?:is that|am i|have i got that|did i get that|does that sound|was that|is this|would that be|is it)"
    r" (?:right|correct|fair|close|about right|accurate|true|what (?:you mean|that was about|you're saying|happened))"
    r"(?: to say)?"
    r"|(?:does|did) (?:that|this) (?:make sense|fit|ring true|sound (?:right|about right|fair))|right|yeah|no|correct"
)

ELICIT = re.compile(alternation(lex.ELICIT_AFTER_INFORMING))

_LONGEST_RISING_QUESTION = 8  # words; "You're happy with the rota?" asks, a long restatement reflects


def question_reading(rest: str, asks: bool, body: str, signals: Mapping[str, str]) -> Reading | None:
    """Open or closed question, from the opening words first and the '?' second."""
    wonder = _WONDER.match(rest)
    if wonder:
        form = Form.OPEN_QUESTION if wonder.group("open") else Form.CLOSED_QUESTION
        return Reading(form, (f"question as a wondering '{clip(wonder.group())}'",), rest)
    invitation = OPEN_INVITATION.match(rest)
    if invitation:
        return Reading(Form.OPEN_QUESTION, (f"invitation '{invitation.group()}'",), rest)
    compliance = signals.get("compliance")
    deficit = Focus.DEFICIT if compliance else None
    if STOCK_REFLECTION.match(rest):
        return None  # "what I'm hearing is...?" restates, whatever its end
    # "When you picked him up, he seemed happy?": a wh-clause that frames a statement.
    is_clause = _WH_CLAUSE.match(rest) or _RELATIVE_WHICH.match(rest)
    # "Which you weren't aware of?" carries on the coach's own sentence: no inversion, no wh-question.
    carries_on = _RELATIVE_CARRY_ON.match(rest)
    if (
        WH_OPENING.match(rest)
        and not _EXCLAMATION.match(rest)
        and not carries_on
        and not (is_clause and (not asks or "," in rest))
    ):
        opener = " ".join(rest.split()[:2])
        one_fact = (
            _CLOSED_WH.match(rest)
            or (_CHOICE_WH.match(rest) and _EITHER_OR.search(rest, len(rest) - _TAIL_CHARS))
            or _SCALE.search(rest)
        )
        if rest.startswith(("why", "how come")):
            one_fact = None  # a reason is never one fact
        if one_fact or (
            rest.startswith(("when", "where", "who", "whose", "whom")) and not _has_rich_focus(rest)
        ):
            return Reading(Form.CLOSED_QUESTION, (f"one-fact opener '{opener}'",), rest, deficit)
        return Reading(Form.OPEN_QUESTION, (f"opener '{opener}'",), rest, deficit)
    aux = AUX_OPENING.match(rest) if asks or not DOES_A_THING.match(rest) else None
    if aux and rest.endswith(_TRAILING_OR):
        # "Do you have a plan for that, or...?": left open for the coachee to fill in.
        return Reading(Form.OPEN_QUESTION, (f"left open with 'or' '{clip(rest)}'",), rest, deficit)
    if aux:
        cue = f"compliance check '{clip(compliance)}'" if compliance else f"yes/no opener '{aux.group()}'"
        return Reading(Form.CLOSED_QUESTION, (cue,), rest, deficit)
    after_comma = _COMMA_QUESTION.split(rest) if "," in rest else ()
    if len(after_comma) > 1:
        # "If work were going well, what would you be doing?": the question follows a frame.
        question = after_comma[-1]
        checking = CHECK_BACK.fullmatch(question)  # "..., is that right?" checks a reflection
        framed = None if checking else question_reading(question, asks, question, signals_in(question))
        if framed and framed.form is Form.OPEN_QUESTION and _SCALE.search(rest):
            return framed._replace(form=Form.CLOSED_QUESTION, cues=("asks for a number on a scale",))
        if framed:
            return framed  # its text is the question itself; the frame is read only as a fallback
    # A declarative with a rising end asks when it is short; when long, or when it opens like
    # a reflection ("so you...?", "sounds like...?"), it is a reflection.
    rising_question = asks and rest.count(" ") < _LONGEST_RISING_QUESTION
    if rising_question and _WH_LEFT_IN_PLACE.search(rest):
        return Reading(Form.OPEN_QUESTION, (f"wh-word left in place '{clip(rest)}'",), rest, deficit)
    if rising_question and not (
        _looks_reflective(rest, signals)
        or _TAG.search(rest, len(rest) - _TAIL_CHARS)
        or REFLECTIVE_LEAD.match(body)
    ):
        return Reading(Form.CLOSED_QUESTION, ("question mark",), rest, deficit)
    return None


def _has_rich_focus(rest: str) -> bool:
    """Whether a when/where/who question reaches beyond one fact."""
    return bool(_WOULD.search(rest) or _WHERE_STANDS.match(rest)) or any(
        kind not in ("deficit", "gap") for kind, _ in TOPICS.scan(rest)
    )


def _looks_reflective(rest: str, signals: Mapping[str, str]) -> bool:
    """A declarative that ends in '?' is still a reflection when it opens like one ("sounds like ...?")."""
    return bool(STOCK_REFLECTION.match(rest) or "summary" in signals)
