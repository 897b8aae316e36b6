"""Reading what a real coachee says as change talk, sustain talk or neither (MI's client language).

Used for external transcripts, where no simulated coachee exists: a coachee who talks
about wanting, being able to, having reasons or needing to change, or about committing to
it, getting ready or taking steps (DARN-CAT) is moving toward change; one who talks the
same way about the status quo is sustaining it. The reader is rule-based, standard library
only and compiled once at import (about 20 microseconds for a typical utterance). It works
in four steps:

1. normalise: cap the length, lower-case, straighten quotes, mend dictation ("dont" ->
   "don't", "gonna" -> "going to", "ill try" -> "i'll try") and drop hedges that never
   change the meaning ("really", "just", "i think");
2. find, in one scan (see `simulator.phrase_scan.GroupScanner`), stances: "I" + a DARN-CAT verb ("want to", "can", "need to", "'m going to",
   "'ve started"), possibly negated ("don't want to", "can't", "won't", "'m not ready"),
   possibly under a negated frame ("I don't think I can"); and fixed cues: reasons for
   change ("it's not good for my heart", "my kids need me"), reasons against ("it helps me
   relax"), minimising ("it's not that bad", "everyone does it"), discord and barriers.
   Inside a question only discord counts ("what's the point?"): "should I quit?" asks;
3. read each stance's direction from what follows the verb (its complement): toward change
   ("stop", "cut down", "walk to work"), toward the status quo ("keep drinking", "go on like
   this"), or an undesired outcome of it ("end up like my dad"). A negation flips the
   direction, so negation scope is the verb it governs: "I don't want to keep drinking" is
   change (not wanting the status quo), "I don't want to stop" is sustain, "I can't keep
   doing this" is change, "I can't stop" is sustain (ability denied). A negated stance
   whose complement the reader does not know is left out ("I don't want to go to court":
   the unknown thing may be the change or a harm), unless it points back at what was
   proposed ("I can't do that"); an old attempt ("I've cut down before") weighs little;
4. combine: every stance and cue carries a strength (commitment, activation and taking
   steps 3; desire, ability and need 2; reasons, minimising and barriers 1). What follows
   a "but", "though" or "however" gains 1.5, because in ambivalence the clause after the
   "but" is where the speaker stands now. The strongest reading wins and a tie goes to the
   later one. So "I want to, but I can't" is sustain, "I like it, but I'm going to cut
   down" and "I can't right now, but I want to" are change, and "I'm going to try, but it
   will be hard" stays change (commitment outweighs a barrier).

Plain facts ("I drink about four beers a night"), other people's wishes ("my wife wants me
to quit"), backchannels ("yeah", "mm-hmm") and a bare "I'm fine", which names no behaviour,
are neutral. Taking steps is never sustain: "I started smoking at fifteen" is a fact, not a
step. `talk_cues` says which kind and which words decided, for feedback.

Known limits: a reader without the conversation cannot know the target behaviour (so "I
want to go to the party" is read as change) or what a short answer ("Yes, definitely")
agrees to; see the AnnoMI section of benchmarks/quality.py for how often it agrees with
experts.

This module holds the public API, the scan and the combining of step 4; the steps live in
their own modules: `simulator.talk.wording` (step 1), `simulator.talk.stance` (steps 2 and 3
for stances), `simulator.talk.direction` (step 3) and `simulator.talk.lexicon` (the word
lists). `simulator.talk.reading` defines what a reading is.
"""

from __future__ import annotations

import re

from simulator.phrase_scan import GroupScanner
from simulator.talk.lexicon import CUES, FILLERS
from simulator.talk.reading import NEUTRAL, Kind, Talk, TalkReading
from simulator.talk.stance import STANCE, STANCE_META, Candidate, stance_candidate
from simulator.talk.wording import FILLER_PUNCTUATION, MAX_CHARS, normalise

__all__ = ["MAX_CHARS", "Kind", "Talk", "TalkReading", "read_talk", "talk_cues"]

CONTRAST_BONUS = 1.5

# A question asks rather than says: "should i quit?" is neutral.
_QUESTION = re.compile(r"(?:^|(?<=[.!?;]))[^.!?;]*\?")

# Cues come first: where a cue and a stance start at the same word, the cue reads it.
_SCAN_GROUPS = [*((f"c{n}", pattern) for n, (pattern, _, _, _) in enumerate(CUES)), ("", STANCE)]

_SCAN = GroupScanner(_SCAN_GROUPS)

_CUE_META = {f"c{n}": (talk, kind, strength) for n, (_, talk, kind, strength) in enumerate(CUES)}

# "I can't, though": a trailing "though" gives its own clause the weight of a "but".
_TRAILING_THOUGH = re.compile(r" ?though(?=[.,;!?]|$)")

_CONTRAST = re.compile(r"(?<![\w'])(?:but|though|however|although|yet|except|even so|then again)(?![\w'])")


def read_talk(text: str) -> Talk:
    """Whether one coachee utterance is change talk, sustain talk or neutral."""
    return talk_cues(text).talk


def talk_cues(text: str) -> TalkReading:
    """One coachee utterance read as change, sustain or neutral, with the DARN-CAT kind and words that decided it.

    Several clauses combine as the module docstring says: the strongest wins, a tie goes to
    the later clause, and the clause after a "but" weighs more.
    """
    if len(text) < 24 and all(word in FILLERS for word in text.lower().translate(FILLER_PUNCTUATION).split()):
        return NEUTRAL  # the commonest turn of all: a backchannel
    line = normalise(text)
    if not line:
        return NEUTRAL
    questions = [(m.start(), m.end()) for m in _QUESTION.finditer(line)] if "?" in line else []
    candidates: list[Candidate] = []
    stances: list[re.Match[str]] = []
    for match in _SCAN.scan(line):
        name = match.lastgroup or ""
        asked = questions and any(start <= match.start() < end for start, end in questions)
        if name in _CUE_META:
            talk, kind, strength = _CUE_META[name]
            if (
                not asked or kind == "discord"
            ):  # only rhetorical questions ("what's the point?") say something
                candidates.append(
                    Candidate(strength, match.start(), match.end(), TalkReading(talk, kind, match.group()))
                )
        elif name in STANCE_META and not asked:  # "should i quit?" asks rather than says
            stances.append(match)
    cue_starts = [candidate.start for candidate in candidates]
    for match in stances:
        verb_end = match.end(match.lastgroup or 0)
        if any(match.start() <= start < verb_end for start in cue_starts):
            continue  # a fixed cue inside the verb phrase read these words more precisely
        candidate = stance_candidate(line, match)
        if candidate is not None:
            candidates.append(candidate)
    if not candidates:
        return NEUTRAL
    if len(candidates) == 1:
        return candidates[0].reading
    return _strongest(
        candidates,
        [m.start() for m in _CONTRAST.finditer(line)],
        [m.start() for m in _TRAILING_THOUGH.finditer(line)],
    )


def _strongest(candidates: list[Candidate], contrasts: list[int], thoughs: list[int]) -> TalkReading:
    """The reading that decides a turn: the strongest, the clause after a "but" weighing more, ties to the later."""
    best, best_key, previous = NEUTRAL, (-1.0, -1), -1
    for candidate in sorted(candidates, key=lambda c: c.start):
        after_but = any(previous < at < candidate.start for at in contrasts)
        trailing_though = any(candidate.end <= at <= candidate.end + 2 for at in thoughs)
        key = (candidate.strength + CONTRAST_BONUS * (after_but or trailing_though), candidate.start)
        if key >= best_key:
            best, best_key = candidate.reading, key
        previous = candidate.start
    return best
