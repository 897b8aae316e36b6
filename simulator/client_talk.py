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
2. find, in one scan (see `_Scanner`), stances: "I" + a DARN-CAT verb ("want to", "can", "need to", "'m going to",
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
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

__all__ = ["MAX_CHARS", "Kind", "Talk", "TalkReading", "read_talk", "talk_cues"]

Talk = Literal["change", "sustain", "neutral"]
Kind = Literal[
    "desire",
    "ability",
    "reasons",
    "need",
    "commitment",
    "activation",
    "taking_steps",
    "minimising",
    "discord",
    "none",
]


class TalkReading(NamedTuple):
    """What one coachee utterance is, which DARN-CAT kind decided it, and the words that did."""

    talk: Talk
    kind: Kind
    cue: str


NEUTRAL = TalkReading("neutral", "none", "")

# Long turns are cut here: the stance of a turn shows in far fewer characters, and the cap
# keeps the reader fast on pasted transcripts.
MAX_CHARS = 2000
CONTRAST_BONUS = 1.5

# --- fast scanning -----------------------------------------------------------------------------
# One alternation of several hundred phrases would try every phrase at every word. Instead the
# phrases are filed under the three characters they must start with, and each word start only
# tries its own file (plus any phrase whose start is not literal). Same matches (a test holds
# this against the one big alternation), in well under half the time.


def _close(pattern: str, start: int) -> int:
    """The index of the parenthesis closing the one at `start`."""
    depth, index = 0, start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = pattern.index("]", index + 1)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise ValueError(f"unbalanced pattern: {pattern!r}")


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern."""
    parts, depth, index, begin = [], 0, 0, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = pattern.index("]", index + 1)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[begin:index])
            begin = index + 1
        index += 1
    parts.append(pattern[begin:])
    return parts


def _prefixes(pattern: str, need: int = 3) -> set[str] | None:
    """Every literal start of `need` characters a pattern can match, or None when it is not literal."""
    found, index = "", 0
    while len(found) < need:
        if index >= len(pattern):
            return None
        char = pattern[index]
        if char == "(":
            end = _close(pattern, index)
            if pattern.startswith("(?=", index):  # what must follow is what comes next
                ahead = [
                    _prefixes(option, need - len(found)) for option in _alternatives(pattern[index + 3 : end])
                ]
                if any(rest is None for rest in ahead):
                    return None
                return {found + start for rest in ahead for start in rest or ()}
            if pattern.startswith("(?:", index):
                inner = index + 3
            elif pattern.startswith("(?P<", index):
                inner = pattern.index(">", index) + 1
            else:
                return None
            options, after = _alternatives(pattern[inner:end]), end + 1
            if after < len(pattern) and pattern[after] == "?":  # an optional group: with it or without
                options, after = [*options, ""], after + 1
            if after < len(pattern) and pattern[after] in "?*+{":
                return None
            starts: set[str] = set()
            for option in options:
                rest = _prefixes(option + pattern[after:], need - len(found))
                if rest is None:
                    return None
                starts |= {found + start for start in rest}
            return starts
        if char == "\\":
            if pattern[index + 1].isalnum():
                return None
            char, index = pattern[index + 1], index + 2
        elif char in "[.^$|)":
            return None
        else:
            index += 1
        if index < len(pattern) and pattern[index] in "?*+{":
            return None
        found += char
    return {found}


class _Scanner:
    """Finds named phrase groups at word starts, left to right, without overlaps, like one big alternation.

    A group with an empty name is taken as written: it names its own groups and ends as it likes.
    """

    def __init__(self, groups: list[tuple[str, str]]) -> None:
        files: dict[str, list[tuple[int, int, str]]] = {}
        loose: list[tuple[int, int, str]] = []
        for group, (_, pattern) in enumerate(groups):
            for order, option in enumerate(_alternatives(pattern)):
                starts = _prefixes(option)
                entry = (group, order, option)
                if starts is None:
                    loose.append(entry)
                for start in starts or ():
                    files.setdefault(start, []).append(entry)
        self._files = {start: self._compile(groups, entries + loose) for start, entries in files.items()}
        self._loose = self._compile(groups, loose) if loose else None

    @staticmethod
    def _compile(groups: list[tuple[str, str]], entries: list[tuple[int, int, str]]) -> re.Pattern[str]:
        by_group: dict[int, list[str]] = {}
        for group, _, option in sorted(entries):
            by_group.setdefault(group, []).append(option)
        return re.compile(
            "|".join(
                f"(?P<{groups[group][0]}>(?:{'|'.join(options)})(?![\\w']))"
                if groups[group][0]
                else f"(?:{'|'.join(options)})"
                for group, options in by_group.items()
            )
        )

    def scan(self, line: str) -> list[re.Match[str]]:
        """The matches in `line`, in order, trying each word that follows a single space."""
        found: list[re.Match[str]] = []
        files, loose, free, at = self._files, self._loose, 0, 0
        for word in line.split(" "):  # the line is normalised: words are one space apart
            pattern = files.get(line[at : at + 3], loose) if at >= free else None
            if pattern is not None and (match := pattern.match(line, at)) is not None:
                found.append(match)
                free = match.end()
            at += len(word) + 1
        return found


# --- step 1: normalising ------------------------------------------------------------------

# Curly quotes become straight; brackets, quotes, dashes and whitespace become plain spaces.
# Sentence marks get a space after them, so "i know...i want to" still shows the word "i".
_CURLY = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2026": "... "}
    | dict.fromkeys('\u201c\u201d\t\n\r\f\v"()[]*_~-/', " ")
    | {mark: mark + " " for mark in ".,;:!?"}
)

# Dictation and informal spelling, mapped to the one form the patterns read.
_SPELLINGS = {
    "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "doesnt": "doesn't",
    "isnt": "isn't", "wasnt": "wasn't", "arent": "aren't", "couldnt": "couldn't", "shouldnt": "shouldn't",
    "wouldnt": "wouldn't", "havent": "haven't", "hasnt": "hasn't", "aint": "ain't", "im": "i'm",
    "ive": "i've", "id": "i'd", "youre": "you're", "thats": "that's", "theres": "there's", "whats": "what's",
    "it is": "it's", "that is": "that's", "i will": "i'll", "i would": "i'd", "i have got": "i've got",
    "i have been": "i've been", "its": "it's", "do not": "don't", "does not": "doesn't", "did not": "didn't",
    "can not": "can't", "cannot": "can't", "will not": "won't", "would not": "wouldn't", "could not": "couldn't",
    "should not": "shouldn't", "is not": "isn't", "am not": "'m not", "have not": "haven't", "has not": "hasn't",
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "hafta": "have to",
    "i'm gonna": "i'm going to", "i've gotta": "i've got to", "cuz": "because", "cos": "because",
    "'cause": "because", "cause": "because", "i do not": "i don't", "i do": "i", "i really do": "i",
}  # fmt: skip
# Words that soften or fill but never turn a statement around. Stripping them lets the
# patterns see "i don't want to" in "i don't really want to" and "i should" in "i guess i
# should".
_HEDGES = (
    r"um+|uh+|er+m?|hm+|mm+|ah+|oh|really|just|actually|definitely|probably|honestly|totally|kind of|sort of"
    r"|kinda|sorta|truly|seriously|certainly|absolutely|also|still|even|maybe|perhaps|literally|basically"
    r"|obviously|you know|i mean|i think|i guess|i suppose|i feel like|i know(?! how| my| what| it| that)"
    r"|i believe|i feel that|i reckon|i'd say|to be honest|like,|at least|finally"
)
# "ill" is "i'll" unless it describes being unwell ("I feel ill", "she was ill").
_UNWELL = (
    "feel", "felt", "feeling", "been", "was", "is", "am", "'m", "very", "so", "too", "get", "got", "fell",
    "seriously", "mentally",
)  # fmt: skip
# All the mending of step 1 in one pass: hedges go, spellings are mapped, "ill" becomes
# "i'll" and "i am" becomes "i'm" (except at a clause end: "who i am", "as i am").
_MENDING = re.compile(
    rf"(?<![\w'])(?:(?P<hedge>{_HEDGES})(?![\w'])[ ,]*"
    r"|(?P<spelling>" + "|".join(sorted(map(re.escape, _SPELLINGS), key=len, reverse=True)) + r")(?![\w'])"
    r"|(?P<ill>ill" + "".join(f"(?<!{word} ill)" for word in _UNWELL) + r")(?= \w)"
    r"|(?P<am>i am)(?= (?!i\b)[a-z]))"
)
# Turns that are only a backchannel or a yes/no: common, and never talk on their own.
_FILLERS = frozenset(
    {
        "yeah", "yes", "yep", "yup", "no", "nope", "nah", "okay", "ok", "right", "sure", "mm", "hmm", "mm-hmm",
        "mhm", "uh-huh", "uh", "um", "oh", "ah", "alright", "true", "exactly", "maybe", "well", "so", "thanks",
    }
)  # fmt: skip
_FILLER_PUNCTUATION = str.maketrans(",.!?", "    ")
# A question asks rather than says: "should i quit?" is neutral.
_QUESTION = re.compile(r"(?:^|(?<=[.!?;]))[^.!?;]*\?")

# --- step 2: stances ------------------------------------------------------------------------

# (verb phrase after "i", kind, negated). The verb phrase is matched right after the subject.
_STANCES: tuple[tuple[str, Kind, bool], ...] = (
    # Negated forms come first: at one position the first alternative that fits wins, and
    # " can" must not read the start of " can't".
    (r" (?:don't|didn't|never|wouldn't) want to| (?:don't|didn't) want(?= a | my | any | it)|'m not (?:interested in"
     r"|keen on|keen to|bothered about)|'d rather not| would rather not| don't feel like| don't wish to"
     r"| wish i (?:didn't|wasn't|hadn't|weren't)", "desire", True),
    (r" can't| couldn't| can never| could never|'m not able to|'m unable to| won't be able to| don't know how(?![\w'])"
     r"|'m not capable of", "ability", True),
    (r" (?:don't|didn't) need to| (?:don't|didn't) have to| shouldn't have to| don't need(?= a | my | it | any| to)"
     r"| shouldn't| mustn't", "need", True),
    (r"'m not going to|'m never going to| won't|'ll never| will never|'m not planning (?:to|on)| don't plan to"
     r"| don't intend to| refuse to|'m not (?=giving up|stopping|quitting|cutting|changing)", "commitment", True),
    (r"'m not ready|'m not willing|'m not prepared to|'m not open to|'m not up for", "activation", True),
    (r" (?:haven't|didn't)(?= had| smoked| drunk| touched| used| drink| smoke| have| use| gamble| vaped)"
     r"|'ve not(?= had| smoked| touched| used)", "taking_steps", True),
    # desire
    (r" (?:want|wanted) to| (?:'d|would) (?:like|love) to|'d (?:like|love) to| wish i (?:could|would|was|were|had)"
     r"| hope (?:to|i can|i could|i'll)|'m hoping to| would rather|'d rather|'m (?:interested in|keen to"
     r"|eager to|excited to|looking forward to)|'ve always wanted to| want (?=my |a |more |some |better |the )"
     r"|'d (?:like|love) (?=a |an |my |more |some |the |that|it$|it[.,!])",
     "desire", False),
    # ability
    (r" can(?![\w'])(?! i\b)|'ll be able to| could(?![\w'])|'m able to| know how to|'m capable of", "ability", False),
    # need
    (r" need to| needs to|'ve got to| got to(?! the | a | my | work| know| be| see| say| go| like)"
     r"| must(?![\w'])| should(?![\w'])| ought to|'d better| better(?= \w)|'ll have to| have to"
     r"| need (?=help|support|a plan|a change|some help)", "need", False),
    # commitment and activation
    (r"'ll(?![\w'])| will(?![\w'])|'m going to(?! the | a | my | his | her | their | church| school| work| bed)"
     r"|'m planning (?:to|on)| plan to| intend to|'m determined to|'m committed to| promise(?![\w'])"
     r"|'ve decided to| decided to|'m aiming to|'ve made up my mind to"
     r"|'m (?=giving up|quitting|stopping)",
     "commitment", False),
    (r"'m ready(?![\w'])|'m willing|'d be willing| would be willing|'m prepared to|'m open to|'m up for"
     r"|'m thinking (?:about|of)|'m considering|'ve been thinking about|'m looking into", "activation", False),
    # taking steps: the verb stays in the complement, where `_direction` reads it
    (r"(?:'ve| have) (?:already |recently )?(?=started|stopped|quit|cut|reduced|given up|joined|signed up|booked"
     r"|made|called|talked|spoken|asked|bought|thrown|got rid|switched|swapped|changed|tried|lost|managed|taken"
     r"|set up|applied|enrolled|registered|begun|been|put in|downloaded|moved)"
     r"| (?:already |recently )?(?=started|stopped|quit|cut|reduced|gave up|joined|signed up|booked|called|talked"
     r"|spoke|asked|bought|threw|got rid|switched|swapped|changed|tried|lost|managed|took|set up|applied|enrolled"
     r"|registered|began|downloaded|put in|was able to)"
     r"|'m (?=trying|cutting|working on|taking|walking|running|exercising|going to the gym|eating|drinking|smoking"
     r"|practi[cs]ing|learning|saying no|delegating|blocking|sleeping|checking|using|doing better|doing more|getting"
     r"|seeing|cooking|swimming|cycling|reading up)", "taking_steps", False),
)  # fmt: skip

# The subject (after any negated frame: "i don't think i can") is matched; the verb phrase is
# only looked at, so that a fixed cue starting inside it ("i can't afford") is still found.
_STANCE = (
    r"(?:(?P<frame>i don't think|i'm not sure|i'm not sure if|i'm not sure whether|i'm not sure that|i doubt"
    r"|i doubt if|i doubt that|i'm not convinced|i'm not convinced that|i don't know if|i don't know whether"
    r"|there's no way|no way) |)i(?="
    + "|".join(f"(?P<s{n}>{pattern})" for n, (pattern, _, _) in enumerate(_STANCES))
    + ")"
)
_STANCE_META = {f"s{n}": (kind, negated) for n, (_, kind, negated) in enumerate(_STANCES)}

# A stance inside reported speech, a condition or a question is not the speaker's own.
_NOT_OWN = re.compile(
    r"(?:says?|said|thinks?|thought|told me|tells me|telling me|wants? me to|asked me|asks me|keeps? saying"
    r"|according to|if|unless|whether|even if|what if|when|as if|as long as|not that|who|why|so that) $"
)
# A complement ends at the next clause.
_COMPLEMENT_END = re.compile(
    r"[.,;:!?]| (?:but|because|though|although|however|so|when|until|unless|if|since|while|whereas|and i|or i"
    r"|and it's|i|i'm|i've|i'll|i'd|it's|that's|this is|there's|my \w+ (?:is|are|was|says|said|wants|thinks)"
    r"|which|except)(?![\w'])"
)

# --- step 3: what a stance is about -----------------------------------------------------------

# Words that pass the reading on to what follows ("try to", "be able to", "start").
_TRANSPARENT = re.compile(
    r"(?:to |be able to |try to |try and |try |start to |start |begin to |manage to |afford to |go and |have to "
    r"|got to |need to |imagine |picture |see myself |picture myself |think about |consider |make myself "
    r"|started |starting |began |begun |trying to |trying |tried to |tried |managed to |been "
    r"|get myself to |at least |properly |seriously |finally |actually |ever |a |an |my |some |another |the "
    r"|more |any )+"
)
_NOT = re.compile(r"(?:not|never|no longer|no more) (?:to )?")
# The status quo, wherever it is named: "like this", "any more", "the way things are".
_STATUS_QUO_MARK = re.compile(
    r"(?<![\w'])(?:like this|like that|this way|that way|any ?more|any longer|forever|the way (?:i am|it is|things are"
    r"|i'm going)|as i am|the same|what i'm doing|how i am|where i am|again)(?![\w'])"
)
_KEEP = re.compile(
    r"(?:keep(?: on)?|continue(?: to)?|carry on|go on|stay|stick with|remain|be stuck)(?![\w'])"
)
_KEEP_GOOD = re.compile(
    r" (?:trying|working on|sober|clean|dry|healthy|fit|active|on track|away|motivated|walking|running|exercising"
    r"|cutting|improving|learning|getting better|doing better|it up|going|positive|focused|calm|on top|taking)"
)
_PROBLEM = re.compile(
    r"(?:drink(?:ing|s)?|drank|booze|smok(?:e|ing|es)|have a (?:drink|smoke|cigarette|beer|glass|fag|pint)|having"
    r" (?:a drink|a smoke|cigarettes|a few)|(?:use|using) (?:again|drugs|heroin|meth|cocaine|coke|weed|pills)"
    r"|get (?:drunk|high|wasted)|gambl(?:e|ing)|vap(?:e|ing)"
    r"|binge|eat(?:ing)? (?:junk|fast food|sweets|sugar|chocolate|takeaways?|crisps|whatever)|skip(?:ping)?"
    r" (?:my |the )?(?:meds|medication|insulin|lunch|breakfast|gym|workouts?)|work(?:ing)? (?:late|weekends|overtime"
    r"|through|all the time|every)|stay(?:ing)? late|party|partying|snack(?:ing)?|say(?:ing)? yes to everything"
    r"|cigarettes?|wine|beer|alcohol|weed|pot|bottle|drop|pint|fag|glass of wine|had (?:a |any |one )?(?:drink"
    r"|smoke|cigarette|beer|drop)|touched|smoked|drunk|used|vaped|gambled)(?![\w'])"
)
_REDUCTION = re.compile(
    r"(?<![\w'])(?:less|fewer|cut|down|back|moderat\w*|only|not as much|as much|water|fizzy water|alcohol[- ]free"
    r"|non[- ]alcoholic|decaf|diet|earlier|on time|sensibly|within)(?![\w'])"
)
_UNDESIRED = re.compile(
    r"(?:end up|die|dying|lose (?:my|the|him|her|them|everything|it all|sight|a leg|a foot|a toe)|be like|become like"
    r"|turn into|get (?:sick|ill|worse|fired|diabetes|cancer|sacked|divorced|caught)|have (?:a heart attack|a stroke"
    r"|diabetes|another)|relapse|go back to (?:drinking|smoking|using|the bottle|my old|how it was|the way)|slip|fail|hurt|disappoint|let (?:them|her|him|my|anyone|people|you) down"
    r"|be (?:sick|ill|fat|overweight|dead|a burden|an alcoholic|an addict|stuck|miserable|unhappy|that|on (?:insulin"
    r"|medication|dialysis|tablets)|in hospital|in pain|tired|exhausted|stressed|burned out|burnt out|like (?:him|her"
    r"|them|my))|feel (?:like this|this way|sick|bad|terrible|awful|ill|rough|hungover)|burn out|miss out|waste"
    r"|put my|go through|let it|need insulin|need to inject|live like|work like|wake up)(?![\w'])"
)
_NEUTRAL_VERB = re.compile(
    r"(?:say|tell|ask(?= you| him| her| them| if| whether| what| why| how| a question)|explain|admit|be honest|give you|know|understand|see(?! a | the doctor| my| someone| a doctor)"
    r"|mention|add|answer|guess|remember|hear|lie|be late|go home|wait|talk to you|get back to you|think(?! about)"
    r"|believe|relate|recall|show you|point out|clarify|make sure i understand|agree|thank|have a (?:look|think)"
    r"|let you know|go back to work)(?![\w'])"
    r"|(?:you|him|her|them|people|everyone|everybody|somebody|someone|my \w+) to "
)
_CHANGE_WORD = re.compile(
    r"(?:stop|quit|cut|reduce|give up|giv(?:e|ing) (?:it |them |that )?up|change|start|get (?:help|fit|healthy"
    r"|better|back|sober|clean|in shape|on top|organi[sz]ed|my life|some|feedback|a mentor|promoted|checked)|lose"
    r" (?:weight|some weight|\w+ pounds|a few|the weight)|exercis\w*|walk\w*|run\w*|jog\w*|swim\w*|cycl\w*|go to"
    r" (?:the gym|a meeting|meetings|the doctor|the clinic|bed earlier)|gym|eat(?:ing)? (?:better|healthier|healthy"
    r"|less|more (?:fruit|veg)|properly|breakfast)|tak(?:e|ing) (?:my|the) (?:medication|meds|insulin|tablets|pills"
    r"|blood)|check(?:ing)? (?:my|the) (?:sugar|blood|feet|levels)|see (?:a|the|my) (?:doctor|nurse|gp|counsellor"
    r"|therapist|specialist)|work on|deal with|fix|sort (?:it|this|things) out|make (?:a change|changes|time)"
    r"|be (?:healthier|better|fitter|there for|a better|more|around|present|sober|clean|a good|the kind)|talk to"
    r"|ask (?:for|my|about|hr)|delegat\w*|say no|set (?:boundaries|limits|a|up)|learn|apply|leave (?:work )?on time"
    r"|leave earlier|take (?:a break|breaks|time off|a step|lunch|the stairs|a walk)|sleep|rest|improve|prioriti[sz]e"
    r"|plan|book|join|sign up|call|phone|cook|switch|swap|replace|throw (?:them |it )?(?:out|away)|get rid|lead|grow"
    r"|develop|mentor|speak up|reach out|look after|take care|control my|manage my|lower|bring (?:it|my) down|read"
    r"|practi[cs]e|block|schedule|focus on|find (?:a|another|some|time|help|a way)|patches|gum|nicotine|do something"
    r"|do better|do more|something about|something different|things differently|cutting|stopping|quitting"
    r"|changing|go back to (?:the gym|work|running|swimming|classes|the group|meetings)"
    # Past steps that are change in themselves; "talked", "called" or "made" are only a story until their
    # complement says what changed.
    r"|stopped|quit|reduced|gave up|given up|joined|signed up|booked|(?:threw|thrown) (?:them |it )?(?:out|away)"
    r"|got rid|switched|swapped|lost (?:weight|\d|a|some|five|ten|two|three|half)|been (?:sober|clean|dry|good"
    r"|better|walking|going to the gym|exercising|cutting|eating better|saying no|delegating|practi[cs]ing"
    r"|swimming|running|cycling|cooking)|was able to|working on|saying no|getting (?:better|help|fit)"
    r"|doing (?:better|more exercise)|say no|ask (?:for|my|about|hr|someone)|see (?:a|the|my) (?:doctor|nurse|gp"
    r"|counsellor|therapist)|(?:asked|talked to|spoke to|called|phoned|emailed|booked|rang) (?:my |a |the )?(?:doctor"
    r"|nurse|gp|hr|counsellor|therapist|manager|boss|clinic|mentor|dietitian|quitline)|sober|clean|dry|yoga|pilates"
    r"|weights|doing (?:yoga|pilates|exercise|exercises|sport|weights)|go (?:running|walking|swimming|cycling"
    r"|jogging|for a (?:walk|run|swim))|going to (?:the gym|meetings|aa|classes|a class)|using (?:the )?(?:patches"
    r"|gum|app|spray|lozenges|inhalator)|inject\w*|insulin|medication|meds|tablets|pills|promotion|promoted"
    r"|the (?:role|job|course|training)|a new (?:job|role)|training|coaching|help|support|(?:manage|cope|live"
    r"|function|sleep|relax|go|do|last) without|without (?:it|them|a drink|a cigarette|my|cigarettes|alcohol"
    r"|drinking|smoking))(?![\w'])"
)
# A complement that points back at what was proposed: "i can't do that", "i won't do it".
_PROPOSAL = re.compile(
    r"(?:(?:do |try |manage |face |handle |give )?(?:it|that|this|them|those|my \w+)(?: (?:now|yet|today|again"
    r"|right now))?|go there|yet|now|for (?:it|that|this)|(?:talk|think|go) (?:about|into) .*)"
)
# What a complement starts with, in order of precedence: one match instead of five.
_HEAD = re.compile(
    "|".join(
        f"(?P<{name}>{pattern.pattern})"
        for name, pattern in (
            ("keep", _KEEP),
            ("problem", _PROBLEM),
            ("undesired", _UNDESIRED),
            ("change", _CHANGE_WORD),
            ("neutral", _NEUTRAL_VERB),
        )
    )
)
_STEP_DONE = frozenset({"again", "already", "recently", "last week", "this week", "today", "yesterday"})
_PAST_ATTEMPT = re.compile(
    r"(?<![\w'])(?:before|in the past|years ago|last year|once|a few times|many times|so many times|loads of times)"
    r"(?![\w'])"
)
# Being able to manage the habit is minimising, not ability to change.
_CONTROL = re.compile(
    r"(?:handle|control|manage|take|cope with) (?:it|my drinking|my drink|the drinking|that|my smoking)(?![\w'])"
    r"|function|do my job|go to work|drive|work fine"
    r"|stop (?:any ?time|whenever|if i want|when i want)"
)

# --- fixed cues: reasons, minimising, discord, barriers --------------------------------------

# Who a reason is about: "it's", "drinking is", "my sugar's".
_S = (
    r"(?:it|that|this|drinking|smoking|alcohol|sugar|food|work|eating|working|vaping|gambling|using|partying"
    r"|(?:my|the) \w+(?: \w+)?)"
)
_CUES: tuple[tuple[str, Talk, Kind, float], ...] = (
    # minimising (before reasons for change, so "it's not a problem" is not "it's a problem")
    (rf"{_S}(?:'s| is| was)? (?:not|isn't|wasn't|ain't) (?:that |so |too |really |a |such a |all that |a real )?"
     r"(?:bad|big|serious|big deal|deal|problem|big problem|issue|much|harmful|dangerous)"
     r"|not (?:that|so|too) (?:bad|big|serious|much)|no (?:big )?deal|not a (?:big )?(?:deal|problem|issue)"
     r"|no problem(?! with)|(?:everyone|everybody|all my friends|all of us|all my mates|people|most people"
     r"|everyone i know|everyone on my team|everybody at work|everyone at work|my friends|all my family)"
     r" (?:does|do|drinks|drink|smokes|smoke|eats|works|is the same|does it)|(?:don't|doesn't|didn't) (?:have a"
     r" problem|see a problem|affect|bother|hurt|harm|matter|interfere)|i'm not (?:an alcoholic|addicted|hooked"
     r"|that bad|worried|concerned|bothered|fat|overweight|a drunk|drinking in the morning)|not like i'm"
     r"|i only (?:drink|smoke|have|eat|use|work)|(?:it's|that's) (?:only )?(?:a couple|a few|one or two|the odd"
     r"|socially|on weekends|at weekends)|only (?:a couple|a few|one or two|the odd)|in control|under control"
     r"|i know my limits|(?:my \w+|it)(?:'s| is| are) fine|i'm (?:fine|ok|okay|alright|all right) (?:with (?:it|that|how|the way|my)|as"
     r"|the way|without)|i'll be (?:fine|ok|okay|alright|all right)|(?:drinks|smokes|eats|works)"
     r" more than me|not as bad as|could be worse|it's normal|no harm|i'm healthy|i'm in good shape"
     r"|(?:never|hasn't) done me any harm|(?:he|she|they)(?:'s| is| was| were| are) fine|never did (?:him|her|them)"
     r" any harm|i don't think (?:it's|that's) (?:that |so |too )?(?:bad|serious|big)"
     r"|i don't have a problem", "sustain", "minimising", 1),
    (r"i can (?:handle|control|manage|take|cope with) (?:it|my drinking|my drink|the drinking|that|my smoking)"
     r"|i can stop (?:any ?time|whenever|if i want|when i want)", "sustain", "minimising", 2),
    # reasons for change: harm, problem recognition, benefits, people who matter
    (rf"{_S}(?:'s| is| was| isn't)? not (?:good|great|healthy|helping|doing me any good)|isn't (?:good|healthy"
     r"|helping)|no good for|(?:not|isn't) (?:good|healthy) for|doesn't (?:help|do me any good)"
     r"|(?:bad|terrible|awful|harmful|dangerous|unhealthy|poison) for (?:me|my|you|your|us|the kids|him|her)"
     rf"|{_S}(?:'s| is| are| has been) (?:killing|ruining|hurting|destroying|damaging|affecting|wrecking|costing"
     r"|taking over|eating into|getting in the way of|messing up|harming|getting worse|getting out of hand)"
     rf"|{_S}(?:'s| is| are| was| has been) (?:too high|worse|unhealthy|a problem|out of control"
     r"|out of hand|not sustainable|unsustainable|not working|isn't working)"
     r"|isn't (?:sustainable|working)|not sustainable|getting out of hand|out of control"
     r"|(?:i|we) (?:drink|smoke|eat|work|spend|use|gamble) (?:way )?too much|too many (?:drinks|cigarettes|hours"
     r"|late nights)|more than i should|i have a problem|i've got a problem|i'm (?:an alcoholic|addicted|hooked"
     r"|burning out|burnt out|burned out|drowning|scared|afraid|worried|terrified|frightened|concerned"
     r"|ashamed|embarrassed)|i'm (?:sick|tired) of|sick and tired|fed up|had enough|i hate (?:it|this|that|how"
     r"|the way|being|feeling|myself|what|waking)|i don't like (?:it|this|how|the way|what|being|feeling"
     r"|myself)|(?:kids|children|family|wife|husband|partner|grandkids|daughter|son|team|baby|mum|mom|dad) (?:need"
     r"|needs|deserve|deserves) (?:me|better|a)|(?:i|it|that|we|you|things|life|everything|work|my \w+)(?:'d| would| could| will|'ll) (?:feel|be|look|sleep|get) (?:so |much |so much |a lot"
     r" |a bit )?(?:better|healthier|fitter|happier|calmer)|(?:i|it|that|we|you|things|life|everything|work|my \w+)(?:'d| would| could| will|'ll)"
     r" (?:save|have) (?:so |much |so much |a lot |a bit |a lot of |some )?(?:more )?(?:money|energy|my life"
     r"|my evenings|my weekends|time with)|would (?:help me|be (?:good|better|nice|great|a good idea) (?:to|if i"
     r"|for me))"
     r"|(?:better|healthier) for (?:me|my|us|the)|health (?:matters|comes first|is more important)|matters more"
     r"|time for a change|can't afford to (?:keep|carry on|lose|get)|worried about|scared of|afraid of"
     r"|concerned about|terrifies me|scares me|worries me|i regret|i'm not happy with|it's costing"
     r"|wasting (?:my|money|time)", "change", "reasons", 1),
    # problem recognition from how the status quo feels, and past success as ability
    (r"i (?:feel|felt|'m feeling|'ve been feeling) (?:so |very |pretty )?(?:guilty|ashamed|terrible about|awful about"
     r"|bad about|sick all|tired all|awful all|rubbish all|out of control|worse)|i can't (?:sleep|breathe|concentrate"
     r"|focus|keep up|cope|climb|walk far|play with|remember things)(?! without)|(?:it|that) (?:bothers|upsets"
     r"|concerns|frightens|scares|worries) me|i don't want my (?:kids|children|family|son|daughter|wife|husband"
     r"|grandkids|partner) to|(?:i'm|that's) not (?:the|who) (?:\w+ )?i want to be|not who i want to be"
     r"|not the (?:person|dad|father|mum|mom|mother|parent|manager|nurse|leader) i want", "change", "reasons", 1),
    # consequences: health, family, money, work, the law (MI's reasons for change)
    (r"(?:affect|affects|affected|affecting|hurt|hurts|hurting|damaged|damaging|harming|ruined|ruining|wrecked"
     r"|wrecking|destroying|destroyed) (?:my|me|our|us|his|her|their|the kids|the family|everything)"
     r"|(?:high|raised|elevated|bad) (?:blood pressure|cholesterol|sugars?|a1c|blood sugar|liver)|liver (?:damage"
     r"|problems?|function)|fatty liver|chest pains?|heart (?:problems?|attack|disease)|can't breathe|short of breath"
     r"|out of breath|(?:bad |terrible |awful |)(?:hangovers?|blackouts?|the shakes|withdrawals?)"
     r"|(?:got|get|getting|gotten) (?:in trouble|arrested|a dui|a dwi|fired|a warning|written up|sacked|caught"
     r"|pulled over|a ticket)|(?:lose|lost|losing) (?:my job|my license|my licence|my wife|my husband|my family"
     r"|my kids|custody|my house|my friends|my health|my marriage)|(?:worried|upset|angry|mad|disappointed|concerned"
     r"|scared|fed up) (?:about|with|at|for) me|(?:argue|argued|arguing|fight|fought|fighting|row|rows) (?:about|over)"
     r" (?:it|my|the|money)|(?:miss|missed|missing) (?:work|school|shifts|appointments|time with|out on|days)"
     r"|(?:embarrassing|embarrassed|ashamed|guilty|regret)|(?:more|better) (?:energy|sleep|money|time with|health)"
     r"|i (?:feel|felt|'m feeling|'ve been feeling|feel so much|feel a lot) (?:better|good|great) (?:when|since"
     r"|after|without|now that)|i (?:was|'ve been) thinking (?:about|of) (?:quitting|stopping|cutting|changing"
     r"|giving|going|getting|trying|starting|asking|talking)", "change", "reasons", 1),
    (r"i only (?:had|drank|smoked|used)", "change", "taking_steps", 2),
    (r"i(?:'d| would) be (?:a )?(?:good|great|really good) (?:at|as|in|for|\w+ (?:lead|manager|leader))",
     "change", "ability", 2),
    (r"i(?:'ve| have|) (?:done it|did it|managed it|quit|stopped) before|i (?:quit|stopped|was sober|was clean"
     r"|didn't drink|didn't smoke) for (?:a|about|over|nearly|almost|\w+ (?:weeks|months|years))", "change", "ability", 2),
    (r"i (?:don't|didn't) (?:drink|smoke|eat|use|gamble|work) (?:that|so|very|too) (?:much|often|many|late)"
     r"|i'm not (?:that|a) (?:heavy|big|bad|serious) (?:drinker|smoker|eater)|it's not like (?:i|it)"
     r"|i don't (?:drink|smoke) every day|(?:it|drinking|smoking|a drink) (?:is|'s) (?:fun|social|relaxing"
     r"|enjoyable|sociable|my treat)|(?:it's|that's) my (?:choice|life|body|business)(?! to)"
     r"|who cares|nothing (?:wrong|to worry about|i can do)|(?:die|going) anyway|going to die of something"
     r"|you only live once|life's too short|(?:make|makes|made) (?:no|any|much) difference|i have no (?:choice"
     r"|option)|i (?:still|always) (?:go to work|get up|function|do my job|pay my bills|get to work)"
     r"|i (?:don't|never) (?:get|have) (?:drunk|hangovers|problems|a hangover)|no (?:different|worse) (?:than|from)"
     r"|not any (?:different|worse)|(?:don't|no) need to worry|nothing to worry about|i don't think so|i don't know about that|i'm not sure about that",
     "sustain", "minimising", 1),
    (r"i don't like (?:the idea|the thought|taking|going|doing|the patches|pills|medication|the gym|exercise|running"
     r"|vegetables|injections|needles)|(?:pills|medication|tablets|the patches|the gum|insulin|metformin|the meds"
     r"|side effects) (?:make|makes|made|gave|give|gives) me|side effects|the one thing|gets me through"
     r"|keeps me (?:going|sane)|would (?:make|leave) me (?:stressed|grumpy|miserable|irritable|anxious|fat|bored)"
     r"|(?:i'll|it'll|you'll) only (?:put it back|go back|start again|fail|end up)|put (?:it|the weight) back on"
     r"|none of (?:them|it|those) (?:work|worked|helped|help)|i've tried every|(?:it's|that's) (?:too )?(?:expensive"
     r"|a hassle|a pain|inconvenient)", "sustain", "reasons", 1),
    (r"(?:that|this) (?:might|could|may|would) (?:work|help)|i was (?:hoping|planning) (?:to|i could)"
     r"|(?:causing|caused|causes) (?:problems|issues|trouble)|(?:drinking|smoking|it|alcohol|the drink|cigarettes"
     r"|work|the job|this job|the stress|my weight) (?:makes|made|is making|has made|'s making|'s made) me (?:feel )?"
     r"(?:sick|ill|tired|awful|terrible|bad|fat|anxious|depressed|angry|irritable|miserable)", "change", "reasons", 1),
    (r"(?:it's|it is|that's|it'd be|it would be|it will be|it'll be) (?:so |too |very |pretty )?(?:hard|difficult|tough"
     r"|impossible) (?:to (?:stop|quit|cut|change|give|say no|lose|find time)|for me to)", "sustain", "reasons", 1),
    (r"part of me (?:wants|would like|would love|knows i (?:need|should|have|must)|is ready)", "change", "desire", 2),
    (r"part of me (?:doesn't|does not|don't) want", "sustain", "desire", 2),
    (r"something (?:has|needs|'s got|got|must|had) to (?:change|give)|things (?:need|have|must|got) to change"
     r"|it's time (?:for me )?to|it's time i|time to (?:stop|quit|change|make)", "change", "need", 2),
    # reasons against change: what the habit gives, what changing would cost
    (r"(?:it|that|drinking|smoking|a drink|a cigarette|a smoke|wine|beer|food|eating|working late|it all)"
     r" (?:helps|relaxes|calms|settles|soothes|chills|keeps) (?:me|my)|helps me (?:relax|cope|sleep|unwind|deal"
     r"|focus|switch off|forget|get through|concentrate|socialise|socialize)|calms me|relaxes me|takes the edge off"
     r"|(?:it's|that's) how i (?:relax|cope|unwind|deal|switch off|get through|socialise|socialize)"
     r"|(?:it's|that's) the only (?:thing|way|time|pleasure)|only thing (?:i|that) (?:enjoy|like|look forward)"
     r"|my only (?:escape|pleasure|treat|vice|way|time)|it's my (?:escape|treat|reward|thing|me time)"
     r"|i (?:like|love|enjoy) (?:it|drinking|smoking|a drink|my drink|a beer|a glass|my wine|my beer|wine|beer"
     r"|the taste|the feeling|the buzz|my cigarettes|cigarettes|a smoke|my smokes|going out|partying|having a"
     r"|my food|sweets|my job the way|the way i work|things the way|how things are|my routine)"
     r"|i need it(?: to| for|$)|i need (?:a|my) (?:drink|cigarette|smoke|wine|beer|fag|fix|cigarettes|smokes)"
     r"|(?:i|it|that|we|you|things|life|everything|work|my \w+)(?:'d| would) (?:be (?:miserable|bored|grumpy|stressed|lost|unbearable|a wreck|climbing the walls)|miss it"
     r"|go crazy|go mad|gain weight|put on weight|lose my friends)|what would i do without|can't imagine (?:life"
     r" )?without|(?:can't|couldn't) (?:manage|cope|live|function|sleep|relax) without|i'd miss|i'll miss"
     r"|i hate (?:the gym|exercise|exercising|running|walking|vegetables|salad|diets|injections|needles)"
     r"|(?:exercise|the gym|dieting|running) is (?:boring|a pain|awful)|i'm happy (?:where i am|as i am"
     r"|with (?:how|the way|my|things))|i'm comfortable (?:in|with|where)|it works for me|(?:it's|that's) working"
     r" (?:fine|for me)|runs in the family|my genes|it's in my genes", "sustain", "reasons", 1),
    # discord: arguing, blaming, discounting
    (r"not my fault|(?:their|his|her|the company's|management's|my boss's|my manager's|the system's) (?:fault"
     r"|problem)|are the problem|is the problem|(?:it's|that's) not my (?:job|problem|responsibility)"
     r"|you don't (?:understand|get it|know what|know how|know me)|why should i|i don't see (?:why|the point"
     r"|what|a problem|the problem)|what's the point|(?:there's |)no point|waste of time|not interested"
     r"|leave me alone|i'm only here because|(?:made|sent|forced|dragged) me (?:come|here|to come)"
     r"|nobody (?:else )?(?:can|knows|understands)|there's nothing wrong|nothing wrong with|i don't need"
     r" (?:coaching|help|a (?:lecture|coach|programme|program|course))", "sustain", "discord", 1),
    # barriers: why change will not work
    (r"(?:too|so) (?:busy|hard|difficult|expensive|tired|late|old|stressful|bad for running|much effort|risky)"
     r"|(?:don't|do not) have (?:the |enough )?(?:time|energy|willpower|money)|no time|can't afford"
     r"|i've tried (?:everything|before|that|it all|it before)|nothing (?:works|helps|will help|has worked"
     r"|ever works)|(?:it|that|this) (?:won't|wouldn't|doesn't|didn't|never) (?:work|help)|never works"
     r"|made no difference|didn't make any difference|i've always (?:been|done|smoked|drunk|drank|worked)"
     r"|(?:it's|that's) (?:who i am|how i am|part of me|part of my|how it is|how things are|the culture)"
     r"|can't be bothered|i give up|too far gone|(?:it's|that's) boring|is boring|quicker to do it myself"
     r"|nobody else knows", "sustain", "reasons", 1),
)  # fmt: skip

# Cues come first: where a cue and a stance start at the same word, the cue reads it.
_SCAN_GROUPS = [*((f"c{n}", pattern) for n, (pattern, _, _, _) in enumerate(_CUES)), ("", _STANCE)]
_SCAN = _Scanner(_SCAN_GROUPS)
_CUE_META = {f"c{n}": (talk, kind, strength) for n, (_, talk, kind, strength) in enumerate(_CUES)}
# "I can't, though": a trailing "though" gives its own clause the weight of a "but".
_TRAILING_THOUGH = re.compile(r" ?though(?=[.,;!?]|$)")
_CONTRAST = re.compile(r"(?<![\w'])(?:but|though|however|although|yet|except|even so|then again)(?![\w'])")
_STRENGTH: dict[Kind, float] = {
    "commitment": 3, "activation": 3, "taking_steps": 3, "desire": 2, "ability": 2, "need": 2,
    "reasons": 1, "minimising": 1, "discord": 1, "none": 0,
}  # fmt: skip


class _Candidate(NamedTuple):
    strength: float
    start: int
    end: int
    reading: TalkReading


def read_talk(text: str) -> Talk:
    """Whether one coachee utterance is change talk, sustain talk or neutral."""
    return talk_cues(text).talk


def talk_cues(text: str) -> TalkReading:
    """One coachee utterance read as change, sustain or neutral, with the DARN-CAT kind and words that decided it.

    Several clauses combine as the module docstring says: the strongest wins, a tie goes to
    the later clause, and the clause after a "but" weighs more.
    """
    if len(text) < 24 and all(
        word in _FILLERS for word in text.lower().translate(_FILLER_PUNCTUATION).split()
    ):
        return NEUTRAL  # the commonest turn of all: a backchannel
    line = _normalise(text)
    if not line:
        return NEUTRAL
    questions = [(m.start(), m.end()) for m in _QUESTION.finditer(line)] if "?" in line else []
    candidates: list[_Candidate] = []
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
                    _Candidate(strength, match.start(), match.end(), TalkReading(talk, kind, match.group()))
                )
        elif name in _STANCE_META and not asked:  # "should i quit?" asks rather than says
            stances.append(match)
    cue_starts = [candidate.start for candidate in candidates]
    for match in stances:
        verb_end = match.end(match.lastgroup or 0)
        if any(match.start() <= start < verb_end for start in cue_starts):
            continue  # a fixed cue inside the verb phrase read these words more precisely
        candidate = _stance_candidate(line, match)
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


def _strongest(candidates: list[_Candidate], contrasts: list[int], thoughs: list[int]) -> TalkReading:
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


def _normalise(text: str) -> str:
    line = " ".join(text[:MAX_CHARS].lower().translate(_CURLY).split())
    return _MENDING.sub(_mend, line).strip()


def _mend(match: re.Match[str]) -> str:
    kind = match.lastgroup
    if kind == "spelling":
        return _SPELLINGS[match.group()]
    return "" if kind == "hedge" else "i'll" if kind == "ill" else "i'm"


def _stance_candidate(line: str, match: re.Match[str]) -> _Candidate | None:
    name = match.lastgroup or ""
    kind, negated = _STANCE_META[name]
    if _NOT_OWN.search(line, max(0, match.start() - 20), match.start()):
        return None
    verb_end = match.end(name)
    end_match = _COMPLEMENT_END.search(line, verb_end)
    end = end_match.start() if end_match else len(line)
    complement = line[verb_end : min(end, verb_end + 80)].strip()
    direction, explicit, undesired = _direction(complement)
    if direction == 0 or (kind == "need" and not explicit and " have to" in match.group(name)):
        return None  # "i have to go to work" is an obligation, not a need to change
    if match.group("frame"):
        negated = not negated
    words = line[match.start() : end]
    if undesired and not negated and kind in ("commitment", "ability"):
        return _Candidate(
            1, match.start(), end, TalkReading("change", "reasons", words)
        )  # "i'll end up like dad"
    if (
        negated
        and kind == "need"
        and not complement
        and match.group(name).strip() in ("shouldn't", "mustn't")
    ):
        negated = False  # "i know i shouldn't": the habit is what should stop
    if negated and not explicit and complement:
        return None  # "i don't want to go to court": the unknown thing may be the change or a harm
    sign = -direction if negated else direction
    strength = _STRENGTH[kind]
    if kind == "taking_steps":
        if sign < 0 or not explicit:
            return None  # "i started smoking at fifteen" is a fact, not a step
        if _PAST_ATTEMPT.search(complement):
            strength = 1  # "i've cut down before": an old attempt, easily outweighed
        elif complement.startswith("tried"):
            strength = 2
    if kind == "ability" and sign > 0 and not negated and _CONTROL.match(complement):
        return _Candidate(2, match.start(), end, TalkReading("sustain", "minimising", words))
    talk: Talk = "change" if sign > 0 else "sustain"
    return _Candidate(strength, match.start(), end, TalkReading(talk, kind, words))


class _Direction(NamedTuple):
    sign: int  # +1 toward change, -1 toward the status quo, 0 neither
    explicit: bool  # a word said so, rather than the default
    undesired: bool = False  # an outcome of the status quo nobody wants ("end up like my dad")


def _direction(complement: str) -> _Direction:
    """Which way what follows a DARN-CAT verb points."""
    sign = 1
    rest = complement
    for _ in range(3):
        transparent = _TRANSPARENT.match(rest)
        if transparent:
            rest = rest[transparent.end() :]
        negation = _NOT.match(rest)
        if negation:
            sign, rest = -sign, rest[negation.end() :]
        if not transparent and not negation:
            break
    if not rest or rest in _STEP_DONE:
        # "i've started (again)" is a step; "i'm trying" alone is often a protest
        return _Direction(sign, complement.startswith(("start", "began", "begun")))
    if _PROPOSAL.fullmatch(rest):
        return _Direction(sign, True)  # "i can't do that": what was proposed, the change
    mark = _STATUS_QUO_MARK.search(rest)
    # "again" marks the status quo in "feel like this again" but not in "start walking again"
    # or, once negated, in "never smoke again" (a problem habit, read below).
    if mark and not (mark.group() == "again" and (sign < 0 or _CHANGE_WORD.match(rest))):
        return _Direction(-sign, True)
    head = _HEAD.match(rest)
    kind = head.lastgroup if head else None
    if head is None:
        return _Direction(sign, False)
    if kind == "keep":
        return _Direction(sign if _KEEP_GOOD.match(rest, head.end()) else -sign, True)
    if kind == "problem":
        return _Direction(sign if _REDUCTION.search(rest) else -sign, True)
    if kind == "undesired":
        return _Direction(-sign, True, undesired=True)
    if kind == "change":
        return _Direction(sign, True)
    return _Direction(0, False)  # "i'd like to say", "i can see that"
