"""The form of a declarative sentence: affirmation, reflection (simple or complex), information or other.

A statement is a reflection when it opens like one, is about "you", restates the
coachee's previous line (word overlap on content words) or hands back a phrase; it is
complex when it adds a second side, a reason, a meaning or a feeling the coachee did not
name (an emotion word, not the bare verb "feel"), or goes well beyond the coachee's words
(by length, or by novelty where the coachee said more than "yeah").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from simulator.phrase_scan import PhraseScanner, opening
from simulator.reading import cue_lexicon as lex
from simulator.reading.sentence_reading import (
    Reading,
    clip,
    content_words,
    content_words_cached,
    overlap_with,
)
from simulator.reading.trainee_text import MAX_CHARS, normalise
from simulator.vocabulary import Context, Form

# Statements: reflections, affirmations, information
_SELF_DISCLOSURE = opening(lex.SELF_DISCLOSURE)

_REFLECTION_OPENER = opening(lex.REFLECTION_OPENERS)

STOCK_REFLECTION = re.compile(
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

REFLECTIVE_LEAD = re.compile(r"(?:(?:okay|oh|yeah|mm+|right|and)[, ]+)*so\b")

INFORMATION_OPENING = opening(lex.INFORMATION_OPENERS)

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

_BARE_FEEL = frozenset({"feel", "feels"})


def statement_reading(rest: str, body: str, context: Context, signals: Mapping[str, str]) -> Reading:
    """A declarative sentence: affirmation, reflection, information or other."""
    if "affirmation" in signals:
        return Reading(Form.AFFIRMATION, (f"specific affirmation '{clip(signals['affirmation'])}'",), rest)
    if "summary" in signals:
        return Reading(Form.COMPLEX_REFLECTION, (f"summary '{clip(signals['summary'])}'",), rest)
    if _SELF_DISCLOSURE.match(rest):
        return Reading(Form.OTHER, (f"self-disclosure '{clip(rest)}'",), rest)
    logistics = _INFORMATION_FOR_YOU.match(rest)
    if logistics:
        return Reading(Form.INFORMATION, (f"information '{clip(logistics.group())}'",), rest)
    own_input = signals.get("input")
    if own_input and not _COACHEE_MIND.search(rest, 0, max(0, rest.find(own_input))):
        # The coach's concern, a finding, a general truth: input, even after "it sounds like".
        return Reading(
            Form.INFORMATION, (f"the coach's own input '{clip(own_input)}'",), rest, signals=signals
        )
    overlap = overlap_with(rest, context.previous_coachee_line)
    opener = _REFLECTION_OPENER.match(rest) or STOCK_REFLECTION.search(rest)
    if opener:
        return _reflection(rest, f"reflection opener '{clip(opener.group())}'", context, overlap)
    if _ABOUT_YOU.match(rest):
        return _reflection(rest, "statement about 'you'", context, overlap)
    about_me = _ABOUT_ME.match(rest)
    early_you = not about_me and _MENTIONS_YOU.search(rest, 0, _EARLY_CHARS)
    opening_fact = None if REFLECTIVE_LEAD.match(body) else INFORMATION_OPENING.match(rest)
    information = opening_fact.group() if opening_fact else signals.get("information")
    if information and not (early_you and _REFLECTION_DEPTH.finds(rest, "complex")):
        return Reading(Form.INFORMATION, (f"information '{clip(information)}'",), rest)
    if overlap >= 0.5:
        return _reflection(rest, f"restates the coachee ({overlap:.0%} overlap)", context, overlap)
    if REFLECTIVE_LEAD.match(body) and not about_me:
        return _reflection(rest, "'so ...' restatement", context, overlap)
    if overlap >= 0.3 and not about_me:
        return _reflection(rest, f"restates the coachee ({overlap:.0%} overlap)", context, overlap)
    words = rest.count(" ") + 1
    if words >= 3 and early_you:
        # A counsellor's statement about the person's world is a guess at their meaning.
        return _reflection(rest, "statement about the coachee's world", context, overlap)
    if about_me and _MY_OWN_VIEW.match(rest):
        # The coach's own stance or feeling, without passing on facts: "other" (MITI has no code).
        return Reading(Form.OTHER, (f"the coach's own remark '{clip(rest)}'",), rest)
    if words >= 5:
        if not about_me and _REFLECTION_DEPTH.finds(rest, "complex"):
            # "Nurturing that baby is really important to you": a meaning offered, not a fact.
            return _reflection(rest, "offers a meaning", context, overlap)
        return Reading(Form.INFORMATION, ("declarative statement",), rest)
    if not about_me and content_words(rest):
        # A word or phrase handed back ("Discouraged." "Three weeks.") echoes the coachee.
        return _reflection(rest, "echoes a phrase", context, overlap)
    return Reading(Form.OTHER, (f"short remark '{clip(rest)}'",), rest)


def _reflection(rest: str, why: str, context: Context, overlap: float) -> Reading:
    """Simple unless it adds something: a second side, a reason, a meaning, a new feeling."""
    found = _REFLECTION_DEPTH.scan(rest)
    marker = next((words for kind, words in found if kind == "complex"), None)
    if marker:
        return Reading(Form.COMPLEX_REFLECTION, (why, f"adds meaning '{marker}'"), rest)
    content = content_words(rest)
    # The bare verb ("you feel...", "that would feel...") only announces a feeling; naming one
    # takes an emotion word.
    feeling = next((words for kind, words in found if kind == "feeling" and words not in _BARE_FEEL), None)
    previous = context.previous_coachee_line[:MAX_CHARS]
    if feeling and len(content) >= 5 and previous and not _names_a_feeling(previous):
        # Naming a feeling the coachee only implied, inside a fuller restatement, adds meaning.
        return Reading(Form.COMPLEX_REFLECTION, (why, f"names a feeling '{feeling}'"), rest)
    if _REPORTED_SPEECH.match(rest):
        return Reading(Form.SIMPLE_REFLECTION, (why, "reports what the coachee said"), rest)
    # Novelty is measured against what the coachee said: after a bare "yeah" or "mm-hmm"
    # there is nothing to go beyond, so only length or a marker can make it complex.
    novel = (
        len(content) >= _NOVEL_MIN_WORDS and overlap < _NOVEL_OVERLAP and bool(content_words_cached(previous))
    )
    if len(content) >= _LONG_REFLECTION_WORDS or novel:
        return Reading(Form.COMPLEX_REFLECTION, (why, "goes beyond the coachee's words"), rest)
    return Reading(Form.SIMPLE_REFLECTION, (why,), rest)


@lru_cache(maxsize=256)
def _names_a_feeling(line: str) -> bool:
    return _REFLECTION_DEPTH.finds(normalise(line), "feeling")
