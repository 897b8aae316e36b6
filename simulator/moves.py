"""Reading one trainee line as a move: form, focus and attractor (coaching-model.md §3).

The reader is rule-based, standard library only, and fast (tens of microseconds a line).
It works in four steps:

1. normalise: cap the length, drop terminal escapes and stage directions, lower-case,
   mend dictation (false starts, "dont" -> "don't") so typed and spoken lines read alike;
2. split the turn into sentences (for unpunctuated dictation, also before a clause that
   opens a question or a reflection) and strip lead-ins ("okay so", "thanks for coming in");
3. read each sentence's form from its opening words and the acts it contains, then pick
   the turn's main act (see `_main_act`): a confront taints a turn, advice beats all else,
   a question usually dominates pleasantries and reflections;
4. read the focus from the main sentence (or the whole turn) and derive the attractor with
   `attractor_of`, the single place where the rule of §3 lives.

A statement is a reflection when it opens like one, is about "you", restates the
coachee's previous line (word overlap on content words) or hands back a phrase; it is
complex when it adds a second side, a reason, a meaning or a feeling the coachee did not
name (an emotion word, not the bare verb "feel"), or goes well beyond the coachee's words
(by length, or by novelty where the coachee said more than "yeah"). The word lists live in
`simulator.cue_lexicon`; `simulator.phrase_scan` compiles them. Every decision leaves a
short cue string on the Move, so feedback can say why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from itertools import pairwise
from types import MappingProxyType
from typing import NamedTuple

from simulator import cue_lexicon as lex
from simulator.phrase_scan import WORD_END, PhraseScanner, alternation, anywhere, opening
from simulator.vocabulary import (
    QUESTION_FORMS,
    REFLECTION_FORMS,
    Attractor,
    Context,
    Focus,
    Form,
    Move,
    PhraseLists,
)

__all__ = ["MAX_CHARS", "attractor_of", "classify"]

# Long pastes cost time and never change the act: the main act of a coaching turn shows
# in its first few sentences.
MAX_CHARS = 2000

# --- compiled once at import ------------------------------------------------------------

# Normalising (step 1)
# Terminal escapes (CSI, OSC, C1), control characters and invisible bidi/zero-width marks.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_CURLY = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2026": "...", "\u2014": ", "}
)
_STAGE_DIRECTIONS = re.compile(
    r"\[[^\]]{0,60}\]|\((?:laughs|chuckles|sighs|pause|crosstalk|inaudible)[^)]{0,20}\)"
)
# Transcribed false starts: "so-so", "I- I've", "i-it".
_STUTTER = re.compile(r"\b(\w+)-+\1\b|\b\w{1,3}- (?=\w)|\b(\w{1,2})-(?=\2)|\b(\w+)-+ (?=\3\b)")
# Dictated false starts: a repeated word ("we we talked") or a cut-off one ("wh what").
_FALSE_STARTS = re.compile(r"(?<![\w'])(\w+(?: \w+)?) (?=\1\b)|(?<![\w'])(\w{1,3}) (?=\2\w)")
# Short words that often precede a word they begin ("so some", "to today"): not false starts.
_SHORT_WORD_TEXT = (
    "so to in an a i go do no on it is at as be we he me my by or of up us if oh ok the and but for not you all any"
    " are can get had has her him his how its let may new now old one our out see she too two use was way who why"
    " yes yet big bit day did end far few got own put say set try top off per"
)
_SHORT_WORDS = frozenset(_SHORT_WORD_TEXT.split())
_REPAIRS = re.compile(r"(?<![\w'])(" + alternation(tuple(lex.WORD_REPAIRS)) + r")(?![\w'])")

# Sentences and lead-ins (step 2)
_SENTENCES = re.compile(r"[^.?!;\n]+[.?!;]*")
_HAS_SENTENCE_PUNCT = re.compile(r"[.?!;]")
_EDGE_JUNK = " \t,:-\"'()[]*_~`.;!?"
_LEAD_IN = re.compile(r"(?:" + alternation(lex.LEAD_IN_FILLERS) + r")(?:[\s,]+|$)")
_STRUCTURE = opening(lex.STRUCTURE_PHRASES)
_FILLER_ONLY = re.compile(alternation(lex.FILLER_ONLY) + r"(?:[\s,]+" + alternation(lex.FILLER_ONLY) + r")*")
# Where dictation ran several sentences together, a new clause often opens with these.
_CLAUSE_BREAK = re.compile(
    r"(?<=\w) (?=(?:what(?:'s| would| do| did| does| is| are| was| else| might| could| can| will| matters| makes"
    r"| helps| has| have)|how (?:would|do|did|does|is|are|was|could|can|might|will|has|have|come|else)"
    r"|why (?:do|did|is|are|was|would|didn't|don't|haven't|not)|which (?:\w+ )?(?:would|do|did|of)"
    r"|when (?:were|was|did|do|have|would)|who (?:would|could|do|did|else)|where (?:do|did|are|is|would|could)"
    r"|(?:do|did|are|have|would|could|can|will|is) you |tell me |(?:it )?sounds like |it seems |so you're "
    r"|it's your (?:call|choice)|you should |take it or leave it))"
)
# A clause opener right after one of these words belongs to the same sentence.
_BINDING_WORDS = (
    "why what how when where who which or if that to of than whether because i wonder know ask"
    " sure tell curious see think about is are was were do did does can could would will should"
)
_BINDS_NEXT_CLAUSE = frozenset(_BINDING_WORDS.split())
_SHORT_WH_START = 4  # words: a wh-question this short has not reached its verb yet
_MAX_SENTENCES = 12  # a coaching turn longer than this is a monologue; its act shows early

# The acts a sentence may contain (step 3), highest priority first: where two match at the
# same words, the earlier one is the reading.
_SIGNALS = PhraseScanner(
    (
        ("sarcasm", lex.SARCASM_PHRASES),
        ("confront", lex.CONFRONT_PHRASES),
        ("advice", lex.ADVICE_PHRASES),
        ("offer", lex.PERMISSION_OFFERS),
        ("affirmation", lex.AFFIRMATION_PHRASES),
        ("softener", lex.PERMISSION_SOFTENERS),
        ("autonomy", lex.AUTONOMY_PHRASES),
        ("compliance", lex.COMPLIANCE_PHRASES),
        ("summary", lex.SUMMARY_OPENERS),
        ("input", lex.INPUT_CUES),
        ("information", lex.INFORMATION_CUES),
        ("greeting", lex.GREETINGS),
    )
)
_SARCASM_OPENER = opening(lex.SARCASM_OPENERS)
_SARCASM_TAIL = anywhere(lex.SARCASM_TAILS)
_BLAMING_WHY_LABEL = opening(lex.BLAMING_WHY_LABEL)
_BLAMING_WHY = opening(lex.BLAMING_WHY_QUESTION)
_ADVICE_QUESTION = opening(lex.ADVICE_QUESTIONS)
_IMPERATIVE = opening(lex.IMPERATIVE_VERBS)
# Openings that look like bare verbs but invite rather than instruct.
_NOT_INSTRUCTIONS = (
    "be honest with me",
    "do you",
    "don't you",
    "do tell",
    "try me",
    "take it or leave it",
    "do go on",
    "keep going with that",
    "keep talking",
    "don't worry",
    "don't stress",
    "don't panic",
    "don't feel",
    "don't rush",
)
# "You said you have to...": the coach restates; the "have to" is the coachee's.
_REPORTED = re.compile(
    r"(?:(?:and|so|but) )?(?:you(?:'ve)? (?:also |just )?(?:said|mentioned|told me|described|talked about|wrote|were"
    r" saying|were telling me)|(?:it )?(?:sounds|seems|looks) like|what i(?:'m| am) hearing|i hear|so you're saying"
    r"|i (?:can |kind of |sort of )?(?:tell|sense|see)|i(?:'m| am) (?:picking up|sensing))\b"
)
_AUTONOMY_QUESTION = opening(lex.AUTONOMY_QUESTIONS)
_OFF_TOPIC = opening(lex.OFF_TOPIC)
_APOLOGY = opening(lex.APOLOGIES)
_SHORT_SENTENCE_WORDS = 12  # a greeting inside a longer sentence does not make it structure

# Questions
_OPEN_INVITATION = opening(lex.OPEN_INVITATIONS)
_WH = re.compile(lex.WH_OPENERS + WORD_END)
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
_AUX = opening(lex.AUX_OPENERS)
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
_BARE_CHOICE = re.compile(
    r"(?!(?:" + lex.WH_OPENERS + r"|do|does|did|is|are|was|were|can|could|would|will)\b)"
    r"(?:[\w']+ ){0,3}[\w']+ or (?:[\w']+ ){0,3}[\w']+"
)
_TRAILING_OR = " or"  # a yes/no question trailing off into "or...?" leaves the answer open
# Clauses that set a scene for the question after them.
_FRAME = re.compile(r"(?:if|imagine|suppose|picture|say|looking|thinking|against|compared|when you think)\b")
_SCALE = re.compile(r"\bon a scale\b|\bfrom (?:zero|0|one|1) to (?:ten|10|a hundred|100)\b")
# "Do the charting first", "have a look": without a "?", an instruction, not a question.
_DO_THIS = re.compile(r"(?:do|have) (?:a|an|the|some|this|that|it)\b")
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
_CHECK = re.compile(
    r"(?:is that|am i|have i got that|did i get that|does that sound|was that|is this|would that be|is it)"
    r" (?:right|correct|fair|close|about right|accurate|true|what (?:you mean|that was about|you're saying|happened))"
    r"(?: to say)?"
    r"|(?:does|did) (?:that|this) (?:make sense|fit|ring true|sound (?:right|about right|fair))|right|yeah|no|correct"
)
_ELICIT = re.compile(alternation(lex.ELICIT_AFTER_INFORMING))
_LONGEST_RISING_QUESTION = 8  # words; "You're happy with the rota?" asks, a long restatement reflects

# Statements: reflections, affirmations, information
_SELF_DISCLOSURE = opening(lex.SELF_DISCLOSURE)
_REFLECTION_OPENER = opening(lex.REFLECTION_OPENERS)
_STOCK_REFLECTION = re.compile(
    r"(?:it |that )(?:sounds|seems)\b|(?:sounds|looks|seems) (?:like|as if|as though|to me)\b|what i(?:'m| am) hearing"
    r"|what you(?:'re| are) (?:saying|telling me|describing)"
    r"|i hear|so you're saying|in other words|if i (?:understand|hear)|you mean\b|part of you|on (?:the )?one hand"
)
_REPORTED_SPEECH = re.compile(
    r"(?:(?:and|so|but) )?you(?:'ve)? (?:also |just )?(?:said|mentioned|told me|described|talked about|wrote)\b"
)
# Words that put what follows inside the coachee's mind ("you're worried it could cause..."):
# what comes after them reflects, whatever it says.
_COACHEE_MIND = re.compile(
    r"\byou(?:'re| are)? (?:feel|felt|think|thought|believe|worry|worried|know|knew|said|say|mentioned|told me"
    r"|wonder|fear|afraid|concerned|scared|hope|hoping|heard|read|noticed|realise|realised|suspect|guess|want"
    r"|wanted|wish|'d like|would like|'re saying|are saying)\b"
)
_REFLECTIVE_LEAD = re.compile(r"(?:(?:okay|oh|yeah|mm+|right|and)[, ]+)*so\b")
_INFORMATION = opening(lex.INFORMATION_OPENERS)
_INFORMATION_FOR_YOU = opening(lex.INFORMATION_FOR_YOU)
_ABOUT_YOU = re.compile(r"(?:you|you're|you've|you'd|you'll|your|yourself)\b")
_MENTIONS_YOU = re.compile(r"\b(?:you|you're|you've|you'd|you'll|your|yourself)\b")
_EARLY_CHARS = 40  # a reflection is about the coachee from its first words
_ABOUT_ME = re.compile(r"(?:i|i'm|i've|i'd|i'll|my|me)\b")
_MY_OWN_VIEW = re.compile(
    r"i(?:'m| am)? (?:really |just |also )?(?:know|think|understand|hope|guess|agree|appreciate|enjoyed|love|like"
    r"|mean|believe|sorry|glad|happy|not sure|wonder|remember|don't think|don't know|can see|can hear|get that)\b"
)
_REFLECTION_DEPTH = PhraseScanner((("complex", lex.COMPLEX_MARKERS), ("feeling", lex.FEELINGS_CUES)))
# A reflection this long (in content words), or this new (sharing under a third of its
# content words with the coachee's line), adds meaning rather than repeating.
_LONG_REFLECTION_WORDS = 12
_NOVEL_MIN_WORDS = 4
_NOVEL_OVERLAP = 0.34
_WORDS = re.compile(r"[a-z][a-z']*")
_BARE_FEEL = frozenset({"feel", "feels"})
_ECHO_OVERLAP = 0.6  # share of a label's content words the coachee used first

# A turn with this many times more words of facts than of question informs (MI's
# elicit-provide-elicit: the closing question checks back, the facts are the act).
_FACTS_BEFORE_A_QUESTION = 3
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

# Topics (step 4). A strong cue settles the topic on its own ("what kind of nurse do you
# want to be" is about values even though "want to be" also looks forward).
_TOPICS = PhraseScanner(
    (
        ("strong_values", lex.STRONG_VALUES_CUES),
        ("strong_strengths", lex.STRONG_STRENGTHS_CUES),
        ("strong_feelings", lex.FEELING_REFLECTION_OPENERS),
        ("gap", lex.BALANCE_GAP_CUES),
        ("vision", lex.VISION_CUES),
        ("values", lex.VALUES_CUES),
        ("strengths", lex.STRENGTHS_CUES),
        ("feelings", lex.FEELINGS_CUES),
        ("plan", lex.PLAN_CUES),
        ("deficit", lex.DEFICIT_CUES),
        ("real_self", lex.REAL_SELF_CUES),
    )
)
# A strong cue counts three times: enough to outweigh one or two passing mentions.
_TOPIC_WEIGHTS: dict[str, tuple[Focus | None, int]] = {
    "strong_values": (Focus.VALUES, 3),
    "strong_strengths": (Focus.STRENGTHS, 3),
    "strong_feelings": (Focus.FEELINGS, 3),
    "gap": (None, 2),  # real self or deficit, depending on the vision (see _topic_of)
    **{focus.value: (focus, 1) for focus in Focus if focus is not Focus.NONE},
    # A trainer's own phrases (Context.phrases) weigh as much as the strong cues.
    **{f"trainer_{focus.value}": (focus, 3) for focus in Focus if focus is not Focus.NONE},
    "trainer_nea": (Focus.DEFICIT, 3),
}
# Ties between foci break in these orders. The hopeful foci come first: a line that names
# both a vision and a problem is steering toward the vision. A question about a plan beats
# one about feelings ("what would help you feel ready?"); a reflection that names a feeling
# is about the feeling, the empathic act.
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
# How a focus cue is named in feedback.
_TOPIC_NAMES = {
    Focus.VISION: "future frame",
    Focus.VALUES: "values word",
    Focus.STRENGTHS: "strength word",
    Focus.FEELINGS: "feeling word",
    Focus.PLAN: "next-step word",
    Focus.DEFICIT: "deficit word",
    Focus.REAL_SELF: "present-state word",
}


class _TrainerPhrases:
    """A trainer's phrase lists, compiled once: focus words and local NEA words."""

    def __init__(self, lists: PhraseLists) -> None:
        fragments = tuple(
            (f"trainer_{kind}", tuple(dict.fromkeys(filter(None, map(_phrase_fragment, phrases)))))
            for kind, phrases in lists
            if f"trainer_{kind}" in _TOPIC_WEIGHTS
        )
        self._scanner = PhraseScanner(tuple((kind, found) for kind, found in fragments if found))

    def scan(self, text: str) -> list[tuple[str, str]]:
        """Each trainer phrase in the text, as (list, words matched)."""
        return self._scanner.scan(text)

    def nea_in(self, text: str) -> str | None:
        """The first local NEA word in the text, if any."""
        return next((words for kind, words in self._scanner.scan(text) if kind == "trainer_nea"), None)


@lru_cache(maxsize=32)
def _trainer_phrases(lists: PhraseLists) -> _TrainerPhrases:
    return _TrainerPhrases(lists)


def _phrase_fragment(phrase: str) -> str:
    """A trainer's phrase as a literal fragment, normalised as trainee lines are ("Datix" -> "datix")."""
    clean = _normalise(phrase).strip(_EDGE_JUNK)
    if not clean[:1].isalnum():
        return ""
    return re.escape(clean).replace("\\ ", " ").replace("\\-", "-").replace("\\'", "'")


# A yes/no question about what the coachee did ("did you...", "have you tried...").
_LOOKS_BACK = re.compile(
    r"(?:did you|didn't you|had you|were you able to|have you (?:been|tried|done|started|kept|stuck|made|booked|used"
    r"|practi[sc]ed|followed|managed|set|put|got round|had a (?:go|chance) (?:at|to) (?!think)))"
    r"(?! (?:think|decide|want|like|enjoy|feel|find|have a think|get any ideas|notice|learn|see|hear|know))\b"
)
_LEAD_IN_ALLOWANCE = 12  # characters: "okay, so" and the like are not worth a second topic scan
_PEA_FOCI = frozenset({Focus.VISION, Focus.VALUES, Focus.STRENGTHS, Focus.PLAN, Focus.FEELINGS})

# A conversation's first line: nothing said yet, no vision.
_NO_CONTEXT = Context()
_NO_SIGNALS: Mapping[str, str] = MappingProxyType({})


def _signals_in(text: str) -> dict[str, str]:
    """The first phrase of each kind of act found in the text."""
    found: dict[str, str] = {}
    for kind, words in _SIGNALS.scan(text):
        if kind not in found:
            found[kind] = words
    return found


class _Reading(NamedTuple):
    """One sentence as read: its form, the cues behind it, and what the topic is read from."""

    form: Form
    cues: tuple[str, ...]
    text: str
    forced_focus: Focus | None = None
    is_check: bool = False  # "is that right?" after a reflection: the reflection stays the act
    signals: Mapping[str, str] = _NO_SIGNALS


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
    main = _with_frame(main, readings)
    focus, focus_cues = _focus_of(main, clean, context)
    cues = _unique(main.cues + turn_cues + focus_cues)
    return Move(main.form, focus, attractor_of(main.form, focus, context), cues)


# --- step 1: normalise ----------------------------------------------------------------------


def _normalise(text: str) -> str:
    if not isinstance(text, str):  # defensive: callers type-check, but a feedback loop must not crash
        return ""
    clipped = text[:MAX_CHARS]
    if not clipped.isprintable():  # the cheap test spares most lines the escape pattern
        clipped = _ESCAPES.sub(" ", clipped)
    if not clipped.isascii():  # curly quotes and dashes are the only characters mapped
        clipped = clipped.translate(_CURLY)
    clipped = clipped.lower()
    if "[" in clipped or "(" in clipped:
        clipped = _STAGE_DIRECTIONS.sub(" ", clipped)
    clipped = " ".join(clipped.split())
    if not clipped:
        return ""
    has_dash = "-" in clipped
    if has_dash:  # dictation marks false starts with hyphens: "I- I've", "do you- do you"
        clipped = _STUTTER.sub(lambda m: m.group(1) or "", clipped)
    # "can you- can you" has become "can can you": the repeat left behind is a false start too.
    if (has_dash or not _HAS_SENTENCE_PUNCT.search(clipped)) and _may_repeat(clipped):
        clipped = _FALSE_STARTS.sub(_drop_false_start, clipped)
    if "'cause" in clipped:  # spoken "because", not the verb
        clipped = clipped.replace("'cause", "because")
    return _REPAIRS.sub(_repair, clipped)


def _may_repeat(clipped: str) -> bool:
    """A cheap test that spares most lines the false-start pattern: some word is repeated, or
    begins the next one, or two words recur ("we talked we talked")."""
    words = clipped.split(" ")
    return any(b.startswith(a) for a, b in pairwise(words)) or any(
        a == c for a, c in zip(words, words[2:], strict=False)
    )


def _drop_false_start(match: re.Match[str]) -> str:
    cut_off = match.group(2)
    return match.group() if cut_off and cut_off in _SHORT_WORDS else ""


def _repair(match: re.Match[str]) -> str:
    return lex.WORD_REPAIRS[match.group(1)]


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
    return pieces[:_MAX_SENTENCES]


def _split_dictation(clean: str) -> str:
    """Put a full stop before each clause opener, unless the word before binds it ("why are you")."""
    parts = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(clean):
        segment = clean[start : match.start()]
        before = segment.rsplit(" ", 2)
        if len(before) < 2 or before[-1] in _BINDS_NEXT_CLAUSE:
            continue
        if _WH.match(_strip_lead_in(segment)[0]) and segment.count(" ") < _SHORT_WH_START:
            continue  # "which of those ideas would you like": still one question

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
    signals = _signals_in(body)
    if context.phrases and "compliance" not in signals:
        local = _trainer_phrases(context.phrases).nea_in(body)
        if local:
            signals["compliance"] = local  # a question about a local NEA word is a compliance check
    sarcasm = _sarcasm_cue(body, signals)
    if sarcasm:
        return _Reading(Form.CONFRONT, (sarcasm,), body, Focus.DEFICIT)
    rest, saw_structure = _strip_lead_in(body)
    if not rest or _FILLER_ONLY.fullmatch(rest):
        form = Form.STRUCTURE if saw_structure else Form.OTHER
        return _Reading(form, (f"{form.value} '{_clip(body)}'",), body)
    apology = _APOLOGY.match(rest)
    if apology:
        return _Reading(Form.OTHER, (f"apology '{_clip(apology.group())}'",), rest)
    if rest.count(" ") < _SHORT_SENTENCE_WORDS and not asks:
        greeting = signals.get("greeting")
        if greeting:
            return _Reading(Form.STRUCTURE, (f"greeting '{_clip(greeting)}'",), body)
    if _INFORMATION.match(rest) and rest.startswith(("did you know", "just so you know", "as you")):
        return _Reading(Form.INFORMATION, (f"information '{_clip(rest)}'",), rest)
    blame_label = _BLAMING_WHY_LABEL.match(rest)
    confront = signals.get("confront") or (blame_label.group() if blame_label else None)
    if confront and not _echoes(confront, context.previous_coachee_line):
        return _Reading(Form.CONFRONT, (f"confront '{_clip(confront)}'",), rest, Focus.DEFICIT)
    blame = _BLAMING_WHY.match(rest)
    if blame:
        return _Reading(
            Form.OPEN_QUESTION, (f"blaming question '{_clip(blame.group())}'",), rest, Focus.DEFICIT
        )
    opens_a_question = bool(
        _WH.match(rest)
        or _OPEN_INVITATION.match(rest)
        or (_AUX.match(rest) and (asks or not _DO_THIS.match(rest)))
    )
    advice = None if _REPORTED.match(rest) else _advice_cue(rest, asks, opens_a_question, signals)
    if advice:
        return _Reading(Form.ADVICE, (advice,), rest, signals=signals)
    if "offer" in signals:
        cue = f"offer with permission '{_clip(signals['offer'])}'"
        return _Reading(Form.ADVICE_WITH_PERMISSION, (cue,), rest, signals=signals)
    handing_over = _AUTONOMY_QUESTION.match(rest)
    if handing_over:
        return _Reading(Form.AUTONOMY, (f"hands over the choice '{_clip(handing_over.group())}'",), rest)
    if not opens_a_question:
        autonomy = signals.get("softener") or signals.get("autonomy")
        if autonomy:
            return _Reading(Form.AUTONOMY, (f"autonomy '{_clip(autonomy)}'",), rest, signals=signals)
        if saw_structure:
            return _Reading(Form.STRUCTURE, (f"structure '{_clip(body)}'",), body)
    if _OFF_TOPIC.match(rest):
        return _Reading(Form.OTHER, (f"off topic '{_clip(rest)}'",), rest)
    if _CHECK.fullmatch(rest):
        return _Reading(Form.CLOSED_QUESTION, (f"check '{_clip(rest)}'",), rest, is_check=True)
    question = _question_reading(rest, asks, body, signals)
    if question:
        return question
    if saw_structure:
        return _Reading(Form.STRUCTURE, (f"structure '{_clip(body)}'",), body)
    return _statement_reading(rest, body, context, signals)


def _sarcasm_cue(body: str, signals: Mapping[str, str]) -> str | None:
    if "sarcasm" in signals:
        return f"sarcasm '{_clip(signals['sarcasm'])}'"
    opener = None if "greeting" in signals else _SARCASM_OPENER.match(body)  # "nice to see you again"
    if opener:
        tail = _SARCASM_TAIL.search(body, opener.end())
        if tail:
            return f"sarcasm '{_clip(opener.group())} ... {tail.group()}'"
    return None


def _advice_cue(rest: str, asks: bool, opens_a_question: bool, signals: Mapping[str, str]) -> str | None:
    disguised = _ADVICE_QUESTION.match(rest)
    if disguised:
        return f"advice as a question '{_clip(disguised.group())}'"
    if opens_a_question:
        # Inside a genuine question "you need to" is part of what is asked, not an instruction.
        return None
    said = signals.get("advice")
    if said:
        kind = "'should' without permission" if "should" in said else "advice"
        return f"{kind} '{_clip(said)}'"
    bare = rest.removeprefix("just ").removeprefix("simply ").removeprefix("please ")
    imperative = _IMPERATIVE.match(bare)
    if imperative and not asks and not bare.startswith(_NOT_INSTRUCTIONS):
        return f"instruction '{_clip(imperative.group())}'"
    if imperative and not asks and ", " in rest:
        # "Don't worry about it, just get it done": reassurance that leads into an order.
        for clause in rest.split(", ")[1:]:
            order = _IMPERATIVE.match(clause.removeprefix("just ").removeprefix("please "))
            if order and not clause.startswith(_NOT_INSTRUCTIONS):
                return f"instruction '{_clip(order.group())}'"
    return None


def _question_reading(rest: str, asks: bool, body: str, signals: Mapping[str, str]) -> _Reading | None:
    """Open or closed question, from the opening words first and the '?' second."""
    wonder = _WONDER.match(rest)
    if wonder:
        form = Form.OPEN_QUESTION if wonder.group("open") else Form.CLOSED_QUESTION
        return _Reading(form, (f"question as a wondering '{_clip(wonder.group())}'",), rest)
    invitation = _OPEN_INVITATION.match(rest)
    if invitation:
        return _Reading(Form.OPEN_QUESTION, (f"invitation '{invitation.group()}'",), rest)
    compliance = signals.get("compliance")
    deficit = Focus.DEFICIT if compliance else None
    if _STOCK_REFLECTION.match(rest):
        return None  # "what I'm hearing is...?" restates, whatever its end
    # "When you picked him up, he seemed happy?": a wh-clause that frames a statement.
    is_clause = _WH_CLAUSE.match(rest) or _RELATIVE_WHICH.match(rest)
    # "Which you weren't aware of?" carries on the coach's own sentence: no inversion, no wh-question.
    carries_on = _RELATIVE_CARRY_ON.match(rest)
    if (
        _WH.match(rest)
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
            return _Reading(Form.CLOSED_QUESTION, (f"one-fact opener '{opener}'",), rest, deficit)
        return _Reading(Form.OPEN_QUESTION, (f"opener '{opener}'",), rest, deficit)
    aux = _AUX.match(rest) if asks or not _DO_THIS.match(rest) else None
    if aux and rest.endswith(_TRAILING_OR):
        # "Do you have a plan for that, or...?": left open for the coachee to fill in.
        return _Reading(Form.OPEN_QUESTION, (f"left open with 'or' '{_clip(rest)}'",), rest, deficit)
    if aux:
        cue = f"compliance check '{_clip(compliance)}'" if compliance else f"yes/no opener '{aux.group()}'"
        return _Reading(Form.CLOSED_QUESTION, (cue,), rest, deficit)
    after_comma = _COMMA_QUESTION.split(rest) if "," in rest else ()
    if len(after_comma) > 1:
        # "If work were going well, what would you be doing?": the question follows a frame.
        question = after_comma[-1]
        checking = _CHECK.fullmatch(question)  # "..., is that right?" checks a reflection
        framed = None if checking else _question_reading(question, asks, question, _signals_in(question))
        if framed and framed.form is Form.OPEN_QUESTION and _SCALE.search(rest):
            return framed._replace(form=Form.CLOSED_QUESTION, cues=("asks for a number on a scale",))
        if framed:
            return framed  # its text is the question itself; the frame is read only as a fallback
    # A declarative with a rising end asks when it is short; when long, or when it opens like
    # a reflection ("so you...?", "sounds like...?"), it is a reflection.
    rising_question = asks and rest.count(" ") < _LONGEST_RISING_QUESTION
    if rising_question and _WH_LEFT_IN_PLACE.search(rest):
        return _Reading(Form.OPEN_QUESTION, (f"wh-word left in place '{_clip(rest)}'",), rest, deficit)
    if rising_question and not (
        _looks_reflective(rest, signals)
        or _TAG.search(rest, len(rest) - _TAIL_CHARS)
        or _REFLECTIVE_LEAD.match(body)
    ):
        return _Reading(Form.CLOSED_QUESTION, ("question mark",), rest, deficit)
    return None


def _has_rich_focus(rest: str) -> bool:
    """Whether a when/where/who question reaches beyond one fact."""
    return bool(_WOULD.search(rest) or _WHERE_STANDS.match(rest)) or any(
        kind not in ("deficit", "gap") for kind, _ in _TOPICS.scan(rest)
    )


def _looks_reflective(rest: str, signals: Mapping[str, str]) -> bool:
    """A declarative that ends in '?' is still a reflection when it opens like one ("sounds like ...?")."""
    return bool(_STOCK_REFLECTION.match(rest) or "summary" in signals)


def _statement_reading(rest: str, body: str, context: Context, signals: Mapping[str, str]) -> _Reading:
    """A declarative sentence: affirmation, reflection, information or other."""
    if "affirmation" in signals:
        return _Reading(Form.AFFIRMATION, (f"specific affirmation '{_clip(signals['affirmation'])}'",), rest)
    if "summary" in signals:
        return _Reading(Form.COMPLEX_REFLECTION, (f"summary '{_clip(signals['summary'])}'",), rest)
    if _SELF_DISCLOSURE.match(rest):
        return _Reading(Form.OTHER, (f"self-disclosure '{_clip(rest)}'",), rest)
    logistics = _INFORMATION_FOR_YOU.match(rest)
    if logistics:
        return _Reading(Form.INFORMATION, (f"information '{_clip(logistics.group())}'",), rest)
    own_input = signals.get("input")
    if own_input and not _COACHEE_MIND.search(rest, 0, max(0, rest.find(own_input))):
        # The coach's concern, a finding, a general truth: input, even after "it sounds like".
        return _Reading(
            Form.INFORMATION, (f"the coach's own input '{_clip(own_input)}'",), rest, signals=signals
        )
    overlap = _overlap_with(rest, context.previous_coachee_line)
    opener = _REFLECTION_OPENER.match(rest) or _STOCK_REFLECTION.search(rest)
    if opener:
        return _reflection(rest, f"reflection opener '{_clip(opener.group())}'", context, overlap)
    if _ABOUT_YOU.match(rest):
        return _reflection(rest, "statement about 'you'", context, overlap)
    about_me = _ABOUT_ME.match(rest)
    early_you = not about_me and _MENTIONS_YOU.search(rest, 0, _EARLY_CHARS)
    opening_fact = None if _REFLECTIVE_LEAD.match(body) else _INFORMATION.match(rest)
    information = opening_fact.group() if opening_fact else signals.get("information")
    if information and not (early_you and _REFLECTION_DEPTH.finds(rest, "complex")):
        return _Reading(Form.INFORMATION, (f"information '{_clip(information)}'",), rest)
    if overlap >= 0.5:
        return _reflection(rest, f"restates the coachee ({overlap:.0%} overlap)", context, overlap)
    if _REFLECTIVE_LEAD.match(body) and not about_me:
        return _reflection(rest, "'so ...' restatement", context, overlap)
    if overlap >= 0.3 and not about_me:
        return _reflection(rest, f"restates the coachee ({overlap:.0%} overlap)", context, overlap)
    words = rest.count(" ") + 1
    if words >= 3 and early_you:
        # A counsellor's statement about the person's world is a guess at their meaning.
        return _reflection(rest, "statement about the coachee's world", context, overlap)
    if about_me and _MY_OWN_VIEW.match(rest):
        # The coach's own stance or feeling, without passing on facts: "other" (MITI has no code).
        return _Reading(Form.OTHER, (f"the coach's own remark '{_clip(rest)}'",), rest)
    if words >= 5:
        if not about_me and _REFLECTION_DEPTH.finds(rest, "complex"):
            # "Nurturing that baby is really important to you": a meaning offered, not a fact.
            return _reflection(rest, "offers a meaning", context, overlap)
        return _Reading(Form.INFORMATION, ("declarative statement",), rest)
    if not about_me and _content_words(rest):
        # A word or phrase handed back ("Discouraged." "Three weeks.") echoes the coachee.
        return _reflection(rest, "echoes a phrase", context, overlap)
    return _Reading(Form.OTHER, (f"short remark '{_clip(rest)}'",), rest)


def _reflection(rest: str, why: str, context: Context, overlap: float) -> _Reading:
    """Simple unless it adds something: a second side, a reason, a meaning, a new feeling."""
    found = _REFLECTION_DEPTH.scan(rest)
    marker = next((words for kind, words in found if kind == "complex"), None)
    if marker:
        return _Reading(Form.COMPLEX_REFLECTION, (why, f"adds meaning '{marker}'"), rest)
    content = _content_words(rest)
    # The bare verb ("you feel...", "that would feel...") only announces a feeling; naming one
    # takes an emotion word.
    feeling = next((words for kind, words in found if kind == "feeling" and words not in _BARE_FEEL), None)
    previous = context.previous_coachee_line[:MAX_CHARS]
    if feeling and len(content) >= 5 and previous and not _names_a_feeling(previous):
        # Naming a feeling the coachee only implied, inside a fuller restatement, adds meaning.
        return _Reading(Form.COMPLEX_REFLECTION, (why, f"names a feeling '{feeling}'"), rest)
    if _REPORTED_SPEECH.match(rest):
        return _Reading(Form.SIMPLE_REFLECTION, (why, "reports what the coachee said"), rest)
    # Novelty is measured against what the coachee said: after a bare "yeah" or "mm-hmm"
    # there is nothing to go beyond, so only length or a marker can make it complex.
    novel = (
        len(content) >= _NOVEL_MIN_WORDS
        and overlap < _NOVEL_OVERLAP
        and bool(_content_words_cached(previous))
    )
    if len(content) >= _LONG_REFLECTION_WORDS or novel:
        return _Reading(Form.COMPLEX_REFLECTION, (why, "goes beyond the coachee's words"), rest)
    return _Reading(Form.SIMPLE_REFLECTION, (why,), rest)


@lru_cache(maxsize=256)
def _names_a_feeling(line: str) -> bool:
    return _REFLECTION_DEPTH.finds(_normalise(line), "feeling")


def _word_count(readings: list[_Reading]) -> int:
    return sum(r.text.count(" ") + 1 for r in readings)


def _main_act(readings: list[_Reading], clean: str) -> tuple[_Reading, tuple[str, ...]]:
    """The act that names the whole turn, and a cue when the choice needed a rule.

    In order: a confront anywhere taints the turn; advice comes next (with permission if
    the turn offers or softens it anywhere); then an offer made with permission. A turn of
    facts that ends by checking back ("What do you think?"), or that is mostly facts before
    a short question, informs. Otherwise a question names the turn (the open one, if there
    are several: a closed follow-up only narrows it down, unless it merely lists the answers,
    "What have you tried? Patches or gum?", which makes the whole a pick from a menu). Among statements, a turn that is mostly facts
    informs, two or more reflections make a summary, and otherwise the rarer, more telling
    act wins (see _STATEMENT_PRIORITY).
    """
    forms = [r.form for r in readings]
    if Form.CONFRONT in forms:
        return readings[forms.index(Form.CONFRONT)], ()
    if Form.ADVICE in forms:
        advice = readings[forms.index(Form.ADVICE)]
        offers = (r.signals.get("offer") or r.signals.get("softener") for r in readings)
        permission = next((offer for offer in offers if offer), None)
        if permission:
            return advice._replace(form=Form.ADVICE_WITH_PERMISSION), (f"permission '{_clip(permission)}'",)
        return advice, ()
    if Form.ADVICE_WITH_PERMISSION in forms:
        return readings[forms.index(Form.ADVICE_WITH_PERMISSION)], ()
    questions = [r for r in readings if r.form in QUESTION_FORMS and not r.is_check]
    informing = [r for r in readings if r.form is Form.INFORMATION]
    if informing and questions:
        if all(_ELICIT.fullmatch(q.text) for q in questions):
            return informing[0], (f"checks back after informing '{_clip(questions[-1].text)}'",)
        if _word_count(informing) > _FACTS_BEFORE_A_QUESTION * _word_count(questions):
            return informing[0], ("mostly information before a short question",)
        own_input = next((r for r in informing if "input" in r.signals), None)
        if own_input and _word_count(informing) > _word_count(questions):
            # "I'm concerned about your drinking. ... Do you see it that way?": the concern is the act.
            return own_input, ("the coach's own input before a question",)
    if questions:
        opened = [q for q in questions if q.form is Form.OPEN_QUESTION]
        if opened and questions[-1] is not opened[-1] and _BARE_CHOICE.fullmatch(questions[-1].text):
            # "What have you tried? Patches or gum?": the options offered close the question.
            return questions[-1], (f"offers the answers '{_clip(questions[-1].text)}'",)
        return (opened or questions)[-1], ()
    reflections = [r for r in readings if r.form in REFLECTION_FORMS]
    if len(readings) > 1 and informing and _word_count(informing) > _word_count(reflections):
        return informing[0], ("mostly information",)
    own_input = next((r for r in informing if "input" in r.signals), None)
    if own_input and reflections:
        # "It sounds like you drink most nights. I'm concerned about your liver.": the coach's
        # own concern or finding is the substance; the reflection only leads into it.
        return own_input, ("the coach's own input outweighs a reflective lead-in",)
    if len(reflections) >= 2:
        return reflections[0]._replace(form=Form.COMPLEX_REFLECTION, text=clean), ("several reflections",)
    for form in _STATEMENT_PRIORITY:
        if form in forms:
            return readings[forms.index(form)], ()
    return readings[0], ()  # a lone "is that right?" check


# --- step 4: focus ------------------------------------------------------------------------------


def _with_frame(main: _Reading, readings: list[_Reading]) -> _Reading:
    """A question read together with the frame before it ("If work went well. What would...")."""
    index = next((i for i, reading in enumerate(readings) if reading is main), 0)
    if index and main.form in QUESTION_FORMS and _FRAME.match(readings[index - 1].text):
        return main._replace(text=f"{readings[index - 1].text}, {main.text}")
    return main


def _focus_of(main: _Reading, clean: str, context: Context) -> tuple[Focus, tuple[str, ...]]:
    """What the main act is about. Some forms fix their focus (see the comments below)."""
    if main.form in (Form.STRUCTURE, Form.OTHER, Form.INFORMATION):
        # Logistics, fillers and facts are neutral whatever they mention: "The audit is on
        # Friday" is not a deficit probe.
        return Focus.NONE, ()
    if main.form is Form.AFFIRMATION:
        return Focus.STRENGTHS, ("affirmation names a strength",)
    if main.forced_focus is not None:
        local = _trainer_phrases(context.phrases).nea_in(main.text) if context.phrases else None
        return main.forced_focus, ((f"local NEA word '{local}'",) if local else ())
    focus, cues = _topic_of(main.text, main.form, context)
    if focus is Focus.NONE and len(clean) - len(main.text) > _LEAD_IN_ALLOWANCE:
        # The rest of the turn (a frame, a previous sentence) may name the topic.
        focus, cues = _topic_of(clean, main.form, context)
    looks_back = (
        _LOOKS_BACK.match(main.text) if focus is Focus.PLAN and main.form is Form.CLOSED_QUESTION else None
    )
    if looks_back:
        # "Did you stick to the plan?", "Did you try it on Tuesday?": a plan looked back on
        # is checked up on, whatever next-step words it names.
        return Focus.DEFICIT, (f"checks up on a plan '{_clip(looks_back.group())}'",)
    if focus is Focus.NONE:
        if main.form in (Form.ADVICE, Form.ADVICE_WITH_PERMISSION):
            return Focus.PLAN, ("advice is about what to do next",)
        if main.form in REFLECTION_FORMS:
            # A reflection with no other topic mirrors the coachee's present situation.
            return Focus.REAL_SELF, ("reflects the present situation",)
    return focus, cues


def _topic_of(text: str, form: Form, context: Context) -> tuple[Focus, tuple[str, ...]]:
    """The focus with the most cue weight in the text, and the cue that named it."""
    counts: dict[Focus, int] = {}
    first_hit: dict[Focus, str] = {}
    hits = _TOPICS.scan(text)
    if context.phrases:
        hits = hits + _trainer_phrases(context.phrases).scan(text)
    for kind, words in hits:
        focus, weight = _TOPIC_WEIGHTS[kind]
        if focus is None:
            # A gap measured against a vision is the balance sheet; without one, a deficit.
            focus = Focus.REAL_SELF if context.vision_established else Focus.DEFICIT
            against = "against the vision" if context.vision_established else "with no vision yet"
            first_hit.setdefault(focus, f"gap {against} '{words}'")
        counts[focus] = counts.get(focus, 0) + weight
        local = "local " if kind.startswith("trainer_") else ""
        first_hit.setdefault(focus, f"{local}{_TOPIC_NAMES[focus]} '{words}'")
    if not counts:
        return Focus.NONE, ()
    order = _QUESTION_FOCUS_ORDER if form in QUESTION_FORMS else _STATEMENT_FOCUS_ORDER
    best = max(order, key=lambda f: (counts.get(f, 0), -order.index(f)))
    return best, (first_hit[best],)


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


def _echoes(phrase: str, previous: str) -> bool:
    """Whether the coachee said it first ("I've been coasting" -> "You've been coasting"): a reflection, not a label."""
    return bool(previous) and _overlap_with(phrase, _normalise(previous)) >= _ECHO_OVERLAP


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
