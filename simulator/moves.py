"""Reading one trainee line as a move: form, focus and attractor (coaching-model.md §3).

The reader is rule-based and fast. It works in four steps:

1. normalise: cap the length, drop terminal escapes, lower-case, restore dictated
   contractions ("dont" -> "don't") so typed and speech-to-text lines read alike;
2. split the turn into sentences (for unpunctuated dictation, also before a clause that
   opens a question or a reflection) and strip lead-ins ("okay so", "thanks for coming in");
3. read each sentence's form, then pick the turn's main act: confront taints a turn, advice
   beats everything but confront, a question usually dominates pleasantries and reflections;
4. read the focus from the main sentence (or the whole turn), then derive the attractor
   with `attractor_of`, the single place where the rule of §3 lives.

Every decision leaves a short cue string on the Move, so feedback can say why.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from simulator import cue_lexicon as lex
from simulator.vocabulary import QUESTION_FORMS, REFLECTION_FORMS, Attractor, Context, Focus, Form, Move

__all__ = ["MAX_CHARS", "attractor_of", "classify"]

# Long pastes cost time and never change the act: the main act of a coaching turn shows
# in its first few sentences.
MAX_CHARS = 2000

_WORD_START = r"(?<![\w'])"
_WORD_END = r"(?:(?<![\w'])|(?![\w']))"  # satisfied if the match ended on a non-word char


def _alternation(fragments: tuple[str, ...]) -> str:
    """One alternation of the fragments, grouped by first letter.

    Python's regex engine tries alternatives one by one at each word start; grouping them
    under their first letter lets it reject most of them with a single comparison, which
    makes the reader several times faster without changing what matches.
    """
    by_letter: dict[str, list[str]] = {}
    others: list[str] = []
    for fragment in fragments:
        if _starts_with_plain_letter(fragment):
            by_letter.setdefault(fragment[0], []).append(fragment[1:])
        else:
            others.append(fragment)
    grouped = [f"{letter}(?:{'|'.join(tails)})" for letter, tails in by_letter.items()]
    return "(?:" + "|".join(grouped + others) + ")"


def _starts_with_plain_letter(fragment: str) -> bool:
    """True if the fragment begins with a literal letter and has no top-level '|'."""
    if len(fragment) < 2 or not fragment[0].isalpha() or fragment[1] in "?*+{":
        return False
    depth, escaped, in_class = 0, False, False
    for char in fragment:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
    return True


def _anywhere(fragments: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern found anywhere in a sentence, on word boundaries."""
    return re.compile(_WORD_START + _alternation(fragments) + _WORD_END)


def _opening(fragments: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that must open the sentence (use with .match)."""
    return re.compile(_alternation(fragments) + _WORD_END)


# --- compiled once at import --------------------------------------------------------------
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.|[\x00-\x08\x0b-\x1f\x7f]"
)
_CURLY = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2026": "...", "\u2014": ", "}
)
_STUTTER = re.compile(r"\b(\w+)[- ]+\1\b|\b\w{1,3}- (?=\w)|\b(\w{1,2})-(?=\2)")
_STAGE_DIRECTIONS = re.compile(r"\[[^\]]{0,60}\]|\((?:laughs|chuckles|sighs|pause|crosstalk|inaudible)[^)]{0,20}\)")
_REPAIRS = re.compile(
    r"(?<![\w'])(" + "|".join(sorted(lex.WORD_REPAIRS, key=len, reverse=True)) + r")(?![\w'])"
)
_SPACES = re.compile(r"\s+")
_SENTENCES = re.compile(r"[^.?!;\n]+[.?!;]*")
_HAS_SENTENCE_PUNCT = re.compile(r"[.?!;]")
_EDGE_JUNK = " \t,:-\"'()[]*_~`.;!?"

_LEAD_IN = re.compile(r"(?:" + _alternation(lex.LEAD_IN_FILLERS) + r")(?:[\s,]+|$)")
_STRUCTURE = _opening(lex.STRUCTURE_PHRASES)
_FILLER_ONLY = re.compile(
    _alternation(lex.FILLER_ONLY) + r"(?:[\s,]+" + _alternation(lex.FILLER_ONLY) + r")*"
)
_SELF_DISCLOSURE = _opening(lex.SELF_DISCLOSURE)

_CONFRONT = _anywhere(lex.CONFRONT_PHRASES)
_SARCASM_OPENER = _opening(lex.SARCASM_OPENERS)
_SARCASM_TAIL = _anywhere(lex.SARCASM_TAILS)
_SARCASM = _anywhere(lex.SARCASM_PHRASES)
_BLAMING_WHY_LABEL = _opening(lex.BLAMING_WHY_LABEL)
_BLAMING_WHY = _opening(lex.BLAMING_WHY_QUESTION)

_ADVICE = _anywhere(lex.ADVICE_PHRASES)
_ADVICE_QUESTION = _opening(lex.ADVICE_QUESTIONS)
_IMPERATIVE = _opening(lex.IMPERATIVE_VERBS)
_OFFER = _anywhere(lex.PERMISSION_OFFERS)
_SOFTENER = _anywhere(lex.PERMISSION_SOFTENERS)
_AUTONOMY = _anywhere(lex.AUTONOMY_PHRASES)
_AUTONOMY_QUESTION = _opening(lex.AUTONOMY_QUESTIONS)
_OFF_TOPIC = _opening(lex.OFF_TOPIC)

_OPEN_INVITATION = _opening(lex.OPEN_INVITATIONS)
_EXCLAMATION = re.compile(
    r"(?:what an? |how (?:nice|lovely|great|wonderful|awful|terrible|sad|kind|cool|funny"
    r"|interesting|exciting|brilliant|amazing)\b)"
)
_WH = re.compile(lex.WH_OPENERS + _WORD_END)
# "When I was a nurse...", "what you said was...": a wh-word then a subject opens a clause.
_WH_CLAUSE = re.compile(
    lex.WH_OPENERS + r" (?:i|i'm|i've|i'd|you|you're|you've|we|they|he|she|it|it's|that"
    r"|this|my|your|the|people|someone|everyone|there's)\b"
)
_AUX = _opening(lex.AUX_OPENERS)
_CLOSED_WH = _opening(lex.CLOSED_WH)
_EITHER_OR = re.compile(r"\bor (?:not|\w+(?: \w+){0,4})$")
_TAG = re.compile(r",?\s*" + _alternation(lex.TAG_CHECKS) + r"$")
_COMPLIANCE = _anywhere(lex.COMPLIANCE_PHRASES)
# Where dictation ran several sentences together, a new clause often opens with these.
_CLAUSE_BREAK = re.compile(
    r"(?<=\w) (?=(?:what(?:'s| would| do| did| does| is| are| was| else| might| could| can| will| matters| makes"
    r"| helps| has| have)|how (?:would|do|did|does|is|are|was|could|can|might|will|has|have|come|else)"
    r"|why (?:do|did|is|are|was|would|didn't|don't|haven't|not)|which (?:\w+ )?(?:would|do|did|of)"
    r"|when (?:were|was|did|do|have|would)|who (?:would|could|do|did|else)"
    r"|(?:do|did|are|have|would|could|can|will|is) you |tell me |(?:it )?sounds like |it seems |so you're "
    r"|it's your (?:call|choice)|you should |take it or leave it))"
)

# A clause opener right after one of these words belongs to the same sentence.
_BINDING_WORDS = (
    "why what how when where who which and or if that so but to of than whether because i wonder know ask"
    " sure tell curious see think about is are was were do did does can could would will should"
)
_BINDS_NEXT_CLAUSE = frozenset(_BINDING_WORDS.split())
_COMMA_QUESTION = re.compile(
    r", (?=(?:" + lex.WH_OPENERS + r"|(?:do|did|are|is|have|would|could|can|will) you)\b)"
)

# "You said you have to...": the coach restates, the "have to" is the coachee's.
_REPORTED = re.compile(
    r"(?:(?:and|so|but) )?(?:you(?:'ve)? (?:also |just )?(?:said|mentioned|told me|described|talked about|wrote|were"
    r" saying|were telling me)|(?:it )?(?:sounds|seems|looks) like|what i(?:'m| am) hearing|i hear|so you're saying)\b"
)
_REFLECTIVE_LEAD = re.compile(r"(?:(?:okay|oh|yeah|mm+|right|and)[, ]+)*so\b")
_CHECK = re.compile(
    r"(?:is that|am i|have i got that|did i get that|does that sound|was that|is this|would that be|is it)"
    r" (?:right|correct|fair|close|about right|accurate|true|what (?:you mean|that was about|you're saying|happened))"
    r"|(?:does|did) (?:that|this) (?:make sense|fit|ring true|sound (?:right|about right|fair))|right|yeah|no|correct"
)
_STOCK_REFLECTION = re.compile(
    r"(?:it |that )?(?:sounds|looks|seems)(?: like| as if| as though| that)?\b|what i(?:'m| am) hearing|i hear"
    r"|so you're saying|in other words|if i (?:understand|hear)|you mean\b|part of you|on (?:the )?one hand"
)
_WONDER = re.compile(r"i(?:'m| was| am)? (?:just )?wonder(?:ed|ing)? (?:(?P<open>what|how|why|where|when|which)"
                     r"|(?:if|whether) (?:we|you) (?:could|might|would|can|'d))\b")
_SUMMARY = _anywhere(lex.SUMMARY_OPENERS)
_REFLECTION_OPENER = _opening(lex.REFLECTION_OPENERS)
_COMPLEX = _anywhere(lex.COMPLEX_MARKERS)
_AFFIRMATION = _anywhere(lex.AFFIRMATION_PHRASES)
_INFORMATION = _opening(lex.INFORMATION_OPENERS)
_INFORMATION_CUE = _anywhere(lex.INFORMATION_CUES)
_INFORMATION_FOR_YOU = _opening(lex.INFORMATION_FOR_YOU)
_EARLY_CHARS = 40  # a reflection is about the coachee from its first words
_ABOUT_YOU = re.compile(r"(?:you|you're|you've|you'd|you'll|your|yourself)\b")
_MENTIONS_YOU = re.compile(r"\b(?:you|you're|you've|you'd|you'll|your|yourself)\b")
_ABOUT_ME = re.compile(r"(?:i|i'm|i've|i'd|i'll|my|me)\b")

_FEELINGS = _anywhere(lex.FEELINGS_CUES)
_VISION = _anywhere(lex.VISION_CUES)
_VALUES = _anywhere(lex.VALUES_CUES)
_STRENGTHS = _anywhere(lex.STRENGTHS_CUES)
_PLAN = _anywhere(lex.PLAN_CUES)
_REAL_SELF = _anywhere(lex.REAL_SELF_CUES)
_GAP = _anywhere(lex.BALANCE_GAP_CUES)
_DEFICIT = _anywhere(lex.DEFICIT_CUES)
_WORDS = re.compile(r"[a-z][a-z']*")

# Ties between foci break in this order. Questions read deficits before feelings ("how do
# you feel about the audit?" is still about the audit); reflections read feelings first,
# because naming the coachee's own feeling is the empathic act.
_QUESTION_FOCUS_ORDER = (
    Focus.VISION,
    Focus.VALUES,
    Focus.STRENGTHS,
    Focus.PLAN,
    Focus.FEELINGS,
    Focus.DEFICIT,
    Focus.REAL_SELF,
)
_STATEMENT_FOCUS_ORDER = (
    Focus.VISION,
    Focus.VALUES,
    Focus.STRENGTHS,
    Focus.FEELINGS,
    Focus.PLAN,
    Focus.DEFICIT,
    Focus.REAL_SELF,
)
# Phrases that settle the topic on their own ("what kind of nurse do you want to be" is about
# values even though "want to be" also looks forward).
_STRONG_FOCUS_PATTERNS = {
    Focus.VALUES: _anywhere(lex.STRONG_VALUES_CUES),
    Focus.STRENGTHS: _anywhere(lex.STRONG_STRENGTHS_CUES),
    Focus.FEELINGS: _anywhere(lex.FEELING_REFLECTION_OPENERS),
}
_FOCUS_PATTERNS = {
    Focus.VISION: _VISION,
    Focus.VALUES: _VALUES,
    Focus.STRENGTHS: _STRENGTHS,
    Focus.FEELINGS: _FEELINGS,
    Focus.PLAN: _PLAN,
    Focus.DEFICIT: _DEFICIT,
    Focus.REAL_SELF: _REAL_SELF,
}

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

_PEA_FOCI = frozenset({Focus.VISION, Focus.VALUES, Focus.STRENGTHS, Focus.PLAN, Focus.FEELINGS})


class _Reading(NamedTuple):
    form: Form
    cues: tuple[str, ...]
    text: str
    forced_focus: Focus | None = None
    is_check: bool = False  # "is that right?" after a reflection: the reflection stays the act


# Openings that look like bare verbs but invite rather than instruct.
_NOT_INSTRUCTIONS = ("be honest with me", "do you", "don't you", "do tell", "try me", "take it or leave it",
                     "do go on", "keep going with that", "keep talking")

# A conversation's first line: nothing said yet, no vision.
_NO_CONTEXT = Context()


# --- public API ---------------------------------------------------------------------------


def attractor_of(form: Form, focus: Focus, context: Context) -> Attractor:
    """The emotional attractor a move invokes, by the rule of coaching-model.md §3.

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
    clean = _normalise(text)
    if not clean:
        return Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL, ("empty line",))
    readings = [_read_sentence(body, asks, context) for body, asks in _sentences(clean)]
    if not readings:
        return Move(Form.OTHER, Focus.NONE, Attractor.NEUTRAL, ("no words",))
    main, turn_cues = _main_act(readings, clean)
    focus, focus_cues = _focus_of(main, clean, context)
    cues = _unique(main.cues + turn_cues + focus_cues)
    return Move(main.form, focus, attractor_of(main.form, focus, context), cues)


# --- step 1: normalise ----------------------------------------------------------------------


def _normalise(text: str) -> str:
    if not isinstance(text, str):  # defensive: callers type-check, but a feedback loop must not crash
        return ""
    clipped = _ESCAPES.sub(" ", text[:MAX_CHARS]).translate(_CURLY).lower()
    clipped = _STAGE_DIRECTIONS.sub(" ", clipped)
    clipped = _SPACES.sub(" ", clipped).strip()
    if not clipped:
        return ""
    clipped = _STUTTER.sub(lambda m: m.group(1) or "", clipped)
    return _REPAIRS.sub(lambda m: lex.WORD_REPAIRS[m.group(1)], clipped)


# --- step 2: sentences --------------------------------------------------------------------------


def _sentences(clean: str) -> list[tuple[str, bool]]:
    """Sentences as (body, ends_with_question_mark); dictation is split at clause openers."""
    if not _HAS_SENTENCE_PUNCT.search(clean):
        clean = _split_dictation(clean)
    pieces = []
    for raw in _SENTENCES.findall(clean):
        body = raw.strip(_EDGE_JUNK)
        if body:
            pieces.append((body, "?" in raw))
    return pieces[:12]  # a coaching turn longer than this is a monologue; its act shows early


def _split_dictation(clean: str) -> str:
    """Put a full stop before each clause opener, unless the word before binds it ("why are you")."""
    parts = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(clean):
        before = clean[start : match.start()].rsplit(" ", 2)
        if len(before) < 2 or before[-1] in _BINDS_NEXT_CLAUSE:
            continue
        parts.append(clean[start : match.start()])
        start = match.end()
    parts.append(clean[start:])
    return ". ".join(parts)


def _strip_lead_in(body: str) -> tuple[str, bool]:
    """Drop fillers and greetings from the front; report whether a greeting/transition was there."""
    saw_structure = False
    for _ in range(6):
        structure = _STRUCTURE.match(body)
        if structure and structure.end() > 0:
            saw_structure = True
            body = body[structure.end() :].lstrip(_EDGE_JUNK)
            continue
        filler = _LEAD_IN.match(body)
        if filler and filler.end() > 0:
            body = body[filler.end() :].lstrip(_EDGE_JUNK)
            continue
        break
    return body, saw_structure


# --- step 3: the form of each sentence, then of the turn -----------------------------------------


def _read_sentence(body: str, asks: bool, context: Context) -> _Reading:
    """The form of one sentence and the cue that decided it."""
    if _FILLER_ONLY.fullmatch(body):
        return _Reading(Form.OTHER, (f"filler '{_clip(body)}'",), body)
    sarcasm = _sarcasm_cue(body)
    if sarcasm:
        return _Reading(Form.CONFRONT, (sarcasm,), body, Focus.DEFICIT)
    rest, saw_structure = _strip_lead_in(body)
    if not rest or _FILLER_ONLY.fullmatch(rest):
        form = Form.STRUCTURE if saw_structure else Form.OTHER
        return _Reading(form, (f"{form.value} '{_clip(body)}'",), body)
    confront = _CONFRONT.search(rest) or _BLAMING_WHY_LABEL.match(rest)
    if confront:
        return _Reading(Form.CONFRONT, (f"confront '{_clip(confront.group())}'",), rest, Focus.DEFICIT)
    blame = _BLAMING_WHY.match(rest)
    if blame:
        return _Reading(
            Form.OPEN_QUESTION, (f"blaming question '{_clip(blame.group())}'",), rest, Focus.DEFICIT
        )
    advice = None if _REPORTED.match(rest) else _advice_cue(rest, asks)
    if advice:
        return _Reading(Form.ADVICE, (advice,), rest)
    offer = _OFFER.search(rest)
    if offer:
        return _Reading(Form.ADVICE_WITH_PERMISSION, (f"offer with permission '{_clip(offer.group())}'",), rest)
    handing_over = _AUTONOMY_QUESTION.match(rest)
    if handing_over:
        return _Reading(Form.AUTONOMY, (f"hands over the choice '{_clip(handing_over.group())}'",), rest)
    opens_a_question = bool(_WH.match(rest) or _AUX.match(rest) or _OPEN_INVITATION.match(rest))
    if not opens_a_question:
        autonomy = _SOFTENER.search(rest) or _AUTONOMY.search(rest)
        if autonomy:
            return _Reading(Form.AUTONOMY, (f"autonomy '{_clip(autonomy.group())}'",), rest)
        if saw_structure:
            return _Reading(Form.STRUCTURE, (f"structure '{_clip(body)}'",), body)
    if _OFF_TOPIC.match(rest):
        return _Reading(Form.OTHER, (f"off topic '{_clip(rest)}'",), rest)
    if _CHECK.fullmatch(rest):
        return _Reading(Form.CLOSED_QUESTION, (f"check '{_clip(rest)}'",), rest, is_check=True)
    question = _question_reading(rest, asks, body)
    if question:
        return question
    if saw_structure:
        return _Reading(Form.STRUCTURE, (f"structure '{_clip(body)}'",), body)
    return _statement_reading(rest, body, context)


def _sarcasm_cue(body: str) -> str | None:
    phrase = _SARCASM.search(body)
    if phrase:
        return f"sarcasm '{_clip(phrase.group())}'"
    opener = _SARCASM_OPENER.match(body)
    if opener:
        tail = _SARCASM_TAIL.search(body, opener.end())
        if tail:
            return f"sarcasm '{_clip(opener.group())} ... {tail.group()}'"
    return None


def _advice_cue(rest: str, asks: bool) -> str | None:
    disguised = _ADVICE_QUESTION.match(rest)
    if disguised:
        return f"advice as a question '{_clip(disguised.group())}'"
    if _WH.match(rest) or _AUX.match(rest):
        # Inside a genuine question "you need to" is part of what is asked, not an instruction.
        return None
    advice = _ADVICE.search(rest)
    if advice:
        said = advice.group()
        kind = "'should' without permission" if "should" in said else "advice"
        return f"{kind} '{_clip(said)}'"
    imperative = _IMPERATIVE.match(rest)
    if imperative and not asks and not rest.startswith(_NOT_INSTRUCTIONS):
        return f"instruction '{_clip(imperative.group())}'"
    return None


def _question_reading(rest: str, asks: bool, body: str) -> _Reading | None:
    """Open or closed question, from the opening words first and the '?' second."""
    wonder = _WONDER.match(rest)
    if wonder:
        form = Form.OPEN_QUESTION if wonder.group("open") else Form.CLOSED_QUESTION
        return _Reading(form, (f"question as a wondering '{_clip(wonder.group())}'",), rest)
    invitation = _OPEN_INVITATION.match(rest)
    if invitation:
        return _Reading(Form.OPEN_QUESTION, (f"invitation '{invitation.group()}'",), rest)
    compliance = _COMPLIANCE.search(rest)
    if _WH.match(rest) and not _EXCLAMATION.match(rest) and (asks or not _WH_CLAUSE.match(rest)):
        opener = " ".join(rest.split()[:2])
        if _CLOSED_WH.match(rest) or _EITHER_OR.search(rest):
            return _Reading(
                Form.CLOSED_QUESTION, (f"one-fact opener '{opener}'",), rest, _deficit_if(compliance)
            )
        if rest.startswith(("when", "where", "who", "whose", "whom")) and not _has_rich_focus(rest):
            return _Reading(
                Form.CLOSED_QUESTION, (f"one-fact opener '{opener}'",), rest, _deficit_if(compliance)
            )
        return _Reading(Form.OPEN_QUESTION, (f"opener '{opener}'",), rest, _deficit_if(compliance))
    aux = _AUX.match(rest)
    if aux:
        cue = (
            f"compliance check '{_clip(compliance.group())}'"
            if compliance
            else f"yes/no opener '{aux.group()}'"
        )
        return _Reading(Form.CLOSED_QUESTION, (cue,), rest, _deficit_if(compliance))
    after_comma = _COMMA_QUESTION.split(rest)
    if len(after_comma) > 1:
        # "If work were going well, what would you be doing?": the question follows a frame.
        framed = _question_reading(after_comma[-1], asks, after_comma[-1])
        if framed:
            return framed  # its text is the question itself; the frame is read only as a fallback
    if asks and not _looks_reflective(rest) and not _TAG.search(rest) and not _REFLECTIVE_LEAD.match(body):
        if rest.count(" ") < 8:
            # A long declarative with a rising end is a reflection; a short one asks.
            return _Reading(Form.CLOSED_QUESTION, ("question mark",), rest, _deficit_if(compliance))
    return None


def _deficit_if(compliance: re.Match[str] | None) -> Focus | None:
    return Focus.DEFICIT if compliance else None


def _has_rich_focus(rest: str) -> bool:
    return any(p.search(rest) for p in (_VISION, _VALUES, _STRENGTHS, _PLAN, _FEELINGS, _REAL_SELF)) or bool(
        re.search(r"\b(?:would|might|could)\b", rest)
    )


def _looks_reflective(rest: str) -> bool:
    """A declarative that ends in '?' is still a reflection when it opens like one ("sounds like ...?")."""
    return bool(_STOCK_REFLECTION.match(rest) or _SUMMARY.search(rest))


def _statement_reading(rest: str, body: str, context: Context) -> _Reading:
    """A declarative sentence: affirmation, reflection, information or other."""
    affirmation = _AFFIRMATION.search(rest)
    if affirmation:
        return _Reading(Form.AFFIRMATION, (f"specific affirmation '{_clip(affirmation.group())}'",), rest)
    summary = _SUMMARY.search(body)
    if summary:
        return _Reading(Form.COMPLEX_REFLECTION, (f"summary '{_clip(summary.group())}'",), rest)
    if _SELF_DISCLOSURE.match(rest):
        return _Reading(Form.OTHER, (f"self-disclosure '{_clip(rest)}'",), rest)
    logistics = _INFORMATION_FOR_YOU.match(rest)
    if logistics:
        return _Reading(Form.INFORMATION, (f"information '{_clip(logistics.group())}'",), rest)
    overlap = _overlap_with(rest, context.previous_coachee_line)
    opener = _REFLECTION_OPENER.match(rest) or _STOCK_REFLECTION.search(rest)
    if opener:
        return _reflection(rest, f"reflection opener '{_clip(opener.group())}'", context, overlap)
    if _ABOUT_YOU.match(rest):
        return _reflection(rest, "statement about 'you'", context, overlap)
    if overlap >= 0.5:
        return _reflection(rest, f"restates the coachee ({overlap:.0%} overlap)", context, overlap)
    about_me = _ABOUT_ME.match(rest)
    if _REFLECTIVE_LEAD.match(body) and not about_me:
        return _reflection(rest, "'so ...' restatement", context, overlap)
    early_you = not about_me and _MENTIONS_YOU.search(rest, 0, _EARLY_CHARS)
    information = _INFORMATION.match(rest) or _INFORMATION_CUE.search(rest)
    if information and not (early_you and _COMPLEX.search(rest)):
        return _Reading(Form.INFORMATION, (f"information '{_clip(information.group())}'",), rest)
    if overlap >= 0.3 and not about_me:
        return _reflection(rest, f"restates the coachee ({overlap:.0%} overlap)", context, overlap)
    words = rest.count(" ") + 1
    if words >= 3 and early_you:
        # A counsellor's statement about the person's world is a guess at their meaning.
        return _reflection(rest, "statement about the coachee's world", context, overlap)
    if words >= 5:
        return _Reading(Form.INFORMATION, ("declarative statement",), rest)
    return _Reading(Form.OTHER, (f"short remark '{_clip(rest)}'",), rest)


def _reflection(rest: str, why: str, context: Context, overlap: float) -> _Reading:
    """Simple unless it adds something: a second side, a reason, a meaning, a new feeling."""
    marker = _COMPLEX.search(rest)
    if marker:
        return _Reading(Form.COMPLEX_REFLECTION, (why, f"adds meaning '{marker.group()}'"), rest)
    content = _content_words(rest)
    feeling = _FEELINGS.search(rest)
    previous = context.previous_coachee_line.lower()
    if feeling and len(content) >= 5 and previous and not _FEELINGS.search(previous):
        # Naming a feeling the coachee only implied, inside a fuller restatement, adds meaning.
        return _Reading(Form.COMPLEX_REFLECTION, (why, f"names a feeling '{feeling.group()}'"), rest)
    if len(content) >= 9 or (context.previous_coachee_line and len(content) >= 4 and overlap < 0.15):
        return _Reading(Form.COMPLEX_REFLECTION, (why, "goes beyond the coachee's words"), rest)
    return _Reading(Form.SIMPLE_REFLECTION, (why,), rest)


def _main_act(readings: list[_Reading], clean: str) -> tuple[_Reading, tuple[str, ...]]:
    """The act that names the whole turn."""
    forms = [r.form for r in readings]
    for tainting in (Form.CONFRONT,):
        if tainting in forms:
            return readings[forms.index(tainting)], ()
    if Form.ADVICE in forms:
        advice = readings[forms.index(Form.ADVICE)]
        permission = _OFFER.search(clean) or _SOFTENER.search(clean)
        if permission:
            return advice._replace(form=Form.ADVICE_WITH_PERMISSION), (
                f"permission '{_clip(permission.group())}'",
            )
        return advice, ()
    if Form.ADVICE_WITH_PERMISSION in forms:
        return readings[forms.index(Form.ADVICE_WITH_PERMISSION)], ()
    questions = [r for r in readings if r.form in QUESTION_FORMS and not r.is_check]
    if questions:
        return questions[-1], ()
    if any(r.is_check for r in readings) and len(readings) == 1:
        return readings[0], ()
    reflections = [r for r in readings if r.form in REFLECTION_FORMS]
    if len(reflections) >= 2:
        return reflections[0]._replace(form=Form.COMPLEX_REFLECTION, text=clean), ("several reflections",)
    for form in _STATEMENT_PRIORITY:
        if form in forms:
            return readings[forms.index(form)], ()
    return readings[0], ()


# --- step 4: focus ------------------------------------------------------------------------------


def _focus_of(main: _Reading, clean: str, context: Context) -> tuple[Focus, tuple[str, ...]]:
    """What the main act is about. Some forms fix their focus (see the comments below)."""
    if main.form in (Form.STRUCTURE, Form.OTHER, Form.INFORMATION):
        # Logistics, fillers and facts are neutral whatever they mention: "The audit is on
        # Friday" is not a deficit probe.
        return Focus.NONE, ()
    if main.form is Form.AFFIRMATION:
        return Focus.STRENGTHS, ("affirmation names a strength",)
    if main.forced_focus is not None:
        return main.forced_focus, ()
    focus, cues = _topic_of(main.text, main.form, context)
    if focus is Focus.NONE and main.text != clean:
        focus, cues = _topic_of(clean, main.form, context)
    if focus is Focus.NONE:
        if main.form in (Form.ADVICE, Form.ADVICE_WITH_PERMISSION):
            return Focus.PLAN, ("advice is about what to do next",)
        if main.form in REFLECTION_FORMS:
            # A reflection with no other topic mirrors the coachee's present situation.
            return Focus.REAL_SELF, ("reflects the present situation",)
    return focus, cues


def _topic_of(text: str, form: Form, context: Context) -> tuple[Focus, tuple[str, ...]]:
    counts: dict[Focus, int] = {}
    first_hit: dict[Focus, str] = {}
    for focus, pattern in _FOCUS_PATTERNS.items():
        hits = pattern.findall(text)
        if hits:
            counts[focus] = len(hits)
            first_hit[focus] = hits[0]
    for focus, pattern in _STRONG_FOCUS_PATTERNS.items():
        strong = pattern.search(text)
        if strong:
            counts[focus] = counts.get(focus, 0) + 2
            first_hit[focus] = strong.group()
    gap = _GAP.search(text)
    if gap:
        # Measured against a vision a gap is the balance sheet; without one it is a deficit.
        gap_focus = Focus.REAL_SELF if context.vision_established else Focus.DEFICIT
        counts[gap_focus] = counts.get(gap_focus, 0) + 2
        first_hit.setdefault(gap_focus, gap.group())
    if not counts:
        return Focus.NONE, ()
    order = _QUESTION_FOCUS_ORDER if form in QUESTION_FORMS else _STATEMENT_FOCUS_ORDER
    best = max(order, key=lambda f: (counts.get(f, 0), -order.index(f)))
    return best, (f"{best.value} cue '{first_hit[best]}'",)


# --- small helpers -------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _content_words_cached(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORDS.findall(text.lower()) if w not in lex.STOPWORDS and len(w) > 2)


def _content_words(text: str) -> frozenset[str]:
    return _content_words_cached(text)


def _stem(word: str) -> str:
    """A crude stem, enough to match 'exhausted' with 'exhausting' and 'shifts' with 'shift'."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _overlap_with(line: str, previous: str) -> float:
    """Share of the line's content words that the coachee just used."""
    if not previous:
        return 0.0
    mine = _content_words(line)
    if not mine:
        return 0.0
    theirs = _content_words_cached(previous[:MAX_CHARS])
    return len(mine & theirs) / len(mine)


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unique(cues: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(cues))
