"""Step 4 of reading a trainee line: what the main act is about (its focus).

The focus is the topic with the most cue weight (a future frame, a values word, a deficit
word...), a trainer's own phrases weighing as much as the strong cues; ties break toward
the hopeful foci. Some forms fix their focus (an affirmation names a strength; logistics
and facts have none).
"""

from __future__ import annotations

import re
from functools import lru_cache

from simulator.phrase_scan import PhraseScanner
from simulator.reading import cue_lexicon as lex
from simulator.reading.sentence_reading import Reading, clip
from simulator.reading.trainee_text import EDGE_JUNK, normalise
from simulator.vocabulary import QUESTION_FORMS, REFLECTION_FORMS, Context, Focus, Form, PhraseLists

# Topics (step 4). A strong cue settles the topic on its own ("what kind of nurse do you
# want to be" is about values even though "want to be" also looks forward).
TOPICS = PhraseScanner(
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
def trainer_phrases(lists: PhraseLists) -> _TrainerPhrases:
    """A trainer's phrase lists compiled, once per set of lists."""
    return _TrainerPhrases(lists)


def _phrase_fragment(phrase: str) -> str:
    """A trainer's phrase as a literal fragment, normalised as trainee lines are ("Datix" -> "datix")."""
    clean = normalise(phrase).strip(EDGE_JUNK)
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

# Clauses that set a scene for the question after them.
_FRAME = re.compile(r"(?:if|imagine|suppose|picture|say|looking|thinking|against|compared|when you think)\b")


def with_frame(main: Reading, readings: list[Reading]) -> Reading:
    """A question read together with the frame before it ("If work went well. What would...")."""
    if len(readings) == 1:
        return main  # nothing before it to frame it
    index = next((i for i, reading in enumerate(readings) if reading is main), 0)
    if index and main.form in QUESTION_FORMS and _FRAME.match(readings[index - 1].text):
        return main._replace(text=f"{readings[index - 1].text}, {main.text}")
    return main


def focus_of(main: Reading, clean: str, context: Context) -> tuple[Focus, tuple[str, ...]]:
    """What the main act is about. Some forms fix their focus (see the comments below)."""
    if main.form in (Form.STRUCTURE, Form.OTHER, Form.INFORMATION):
        # Logistics, fillers and facts are neutral whatever they mention: "The audit is on
        # Friday" is not a deficit probe.
        return Focus.NONE, ()
    if main.form is Form.AFFIRMATION:
        return Focus.STRENGTHS, ("affirmation names a strength",)
    if main.forced_focus is not None:
        local = trainer_phrases(context.phrases).nea_in(main.text) if context.phrases else None
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
        return Focus.DEFICIT, (f"checks up on a plan '{clip(looks_back.group())}'",)
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
    hits = TOPICS.scan(text)
    if context.phrases:
        hits = hits + trainer_phrases(context.phrases).scan(text)
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
    # max() keeps the first of equal counts, so a tie goes to the focus earlier in the order.
    best = next(iter(counts)) if len(counts) == 1 else max(order, key=lambda f: counts.get(f, 0))
    return best, (first_hit[best],)
