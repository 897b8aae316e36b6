"""MITI-style global ratings: Partnership and Empathy, 1 to 5, from evidence across the conversation.

MITI 4.2.1 (Moyers, Manuel & Ernst 2015) rates each from 1 to 5 against behavioural anchors
for the whole session, not from a tally of labels. The scorecard reads the anchors from the
evidence every line left (`scoring.evidence`): reflections that reflected, questions that
took up the coachee's words, the coachee's own contributions shaping the conversation, and
the coach's impositions. The rates that move a rating from one anchor to the next are our
design choices; the anchors are MITI's, paraphrased.

Empathy: 1 no interest in the coachee's view; 2 sporadic efforts to understand, often
inaccurate; 3 actively trying to understand, with modest success; 4 accurate understanding of
what the coachee says, with effort to grasp deeper meaning; 5 deep understanding, beyond what
was said, shown in complex reflections.

Partnership: 1 the coach takes the expert role and the coachee's contributions play no part;
2 superficial collaboration; 3 the coachee's contributions are taken up, unevenly; 4 power is
shared and the coachee's contributions shape the conversation; 5 the coachee's contributions
substantially decide where it goes (their own goal and step, their choice stressed).
"""

from __future__ import annotations

from scoring.evidence import HALF_A_LINE, Evidence
from scoring.experience import external_proposals, imposed_count
from scoring.marks import Measure, measure, rising, tally
from simulator.reading.reflection import Echo
from simulator.scenario.rubric import Rubric
from simulator.vocabulary import Form, MeasureKey

EMPATHY_ANCHORS = {
    1: "no sign of interest in the coachee's view",
    2: "sporadic efforts to understand",
    3: "actively trying to understand",
    4: "accurate understanding of what the coachee said",
    5: "deep understanding, beyond what was said",
}
PARTNERSHIP_ANCHORS = {
    1: "the coach took the expert role",
    2: "collaboration stayed superficial",
    3: "the coachee's contributions were taken up, unevenly",
    4: "power was shared and the coachee's contributions shaped the conversation",
    5: "the coachee's contributions decided where it went",
}


def _capped(rating: float, cap: float) -> float:
    return min(rating, cap)


BELOW = 0.01
"""How far under an anchor a capped rating sits: 3.99 rates as 3, never as 4."""

RATED_OVER_AT_LEAST = 12
"""The fewest lines a rating's rates are taken over: with fewer counted, two or three lines would
decide a whole rating (MITI rates a twenty-minute segment, not a handful of turns). Measured on
`benchmarks/verdict.py --annomi`: a low-quality session of eleven coach lines, two of them read
as reflections and two as autonomy moves, rated 5 for both Partnership and Empathy over its
counted lines alone; over twelve, 3 and 3 (lower-cased sessions ranked 0.869 -> 0.893, as
written 0.951 -> 0.950; the verdict's tuning conversations missed 10 -> 9, held-out 5 -> 5)."""


TAKEN_UP_FOR_SHARED_POWER = 0.1
"""Partnership's anchor 4 (power shared, the coachee's contributions shaping the conversation)
needs at least one line in ten to take up what the coachee said: a string of prepared questions,
however inviting ("What's your north star? What fills your cup?"), is the coach's agenda, not
theirs (our design choice)."""


def understood_standing_alone(evidence: Evidence) -> int:
    """Reflections that captured what the coachee said and went beyond their words (`Echo.EXTENDS`,
    not a restatement), asking nothing after them: the plainest evidence of having heard them."""
    return sum(turn.reflects and turn.echo is Echo.EXTENDS and not turn.asks for turn in evidence.turns)


def empathy_rating(evidence: Evidence) -> tuple[float, str]:
    """The Empathy rating (1 to 5, fractional between anchors) and the evidence behind it.

    Each reflection that captured the coachee's words counts one, and so does an affirmation
    mostly in their own words (a reflection told as appreciation), and so do the statements a
    question opens with when they reflect (`TurnEvidence.reflects_first`); each question that took them
    up, each other affirmation built on them and each reflection adding meaning a half; each
    stock or missed reflection minus a half, and so each reflection said by rote
    (`TurnEvidence.rote_reflection`): one in ten lines (of at least `RATED_OVER_AT_LEAST`) rises
    an anchor. The anchors' conditions cap it: no accurate reflection stays below 3, none
    adding meaning below 5, a confrontation below 4.

    Measured and not kept: no accurate reflection capped below 4 instead (MITI's 3, "actively
    trying to understand", can be earned by questions). Over the verdict's eight sets, 45
    expectations missed against 52 and 106 of 124 textbooks compassion-led against 101, but a
    trainee reciting the case notes ("the 42, Bess, Maisie") before stock questions rated 3 on
    the questions "taking up" those words and scored 90.1, compassion-led. With that cap,
    counting as taken up only words the coachee brought in kept that one below (69.9) but missed
    51 in all, since good coaches take up again words they said first and the coachee made their
    own (`python benchmarks/verdict.py --set all`).

    Counting reflections said by rote against moved no textbook, repaired, warm or blunt score of
    the verdict's 740 conversations, lowered eight gaming ones (up to 3.8 points) and steadied
    three across seeds (unstable 31 -> 28).
    """
    lines = max(evidence.counted, RATED_OVER_AT_LEAST)
    reflected, restating = evidence.count("reflects"), evidence.count("restating_affirmation")
    reflected_first = evidence.count("reflects_first")
    accurate = reflected + restating + reflected_first
    deep = sum(turn.reflects and turn.move.form is Form.COMPLEX_REFLECTION for turn in evidence.turns)
    follow_ups = evidence.count("follow_up")
    grounded = sum(turn.grounded_affirmation and not turn.restating_affirmation for turn in evidence.turns)
    stock, rote = evidence.count("stock_reflection"), evidence.count("rote_reflection")
    missed = sum(turn.stock_reflection and turn.echo is Echo.MISSES for turn in evidence.turns)
    confronts = sum(
        turn.sureness for turn in evidence.turns if turn.counts and turn.move.form is Form.CONFRONT
    )
    understanding = accurate + 0.5 * (follow_ups + grounded + deep) - 0.5 * (stock + rote)
    rating = max(min(1 + 10 * understanding / lines, 5.0), 1.0)
    if not accurate:
        rating = _capped(rating, 3 - BELOW)
    if not deep:
        rating = _capped(rating, 5 - BELOW)
    if confronts >= HALF_A_LINE:
        rating = _capped(rating, 4 - BELOW)
    seen = f"{reflected} reflection(s) that captured what the coachee said ({deep} adding meaning), "
    if reflected_first:
        seen += f"{reflected_first} question(s) opening with one, "
    if restating:
        seen += f"{restating} affirmation(s) in their own words, "
    seen += f"{follow_ups} question(s) that took up their words"
    if grounded:
        seen += f", {grounded} affirmation(s) built on their words"
    if stock:
        seen += f", {stock} stock or missed reflection(s)" + (f" ({missed} missed)" if missed else "")
    if rote:
        seen += f", {rote} reflection(s) said by rote (a frame refilled or their words quoted again)"
    if confronts >= HALF_A_LINE:
        seen += f", {tally(confronts)} confrontation(s)"
    return rating, seen


OFF_LIST_LINES = 0.4
"""The share of lines asking what a list could have asked (nothing the coachee said taken up)
from which the questions may have come from a list (`asked_from_a_list`)."""

FOLLOWED_QUESTIONS = 0.25
"""The share of questions that must follow the coachee's last line for them not to have come from a list."""


def asked_from_a_list(evidence: Evidence) -> bool:
    """Whether the trainee's questions came from a list, whatever the coachee answered: many take up
    nothing the coachee has said, and few follow their last line, however each is prefaced ("It
    sounds like the rota really matters to you. What values guide you?"). The coach, not the
    coachee, set the course (MITI Partnership below 3). Over the verdict's textbook and repaired
    conversations at five seeds each (1,475 played) none was; the textbooks that asked most such
    questions (up to half their lines) followed the coachee's last line in over half their
    questions. Scripts pouring the coachee's words into frames before stock questions
    (`benchmarks/live_gaming.py --generated`) follow it in one question in ten or fewer."""
    asked = evidence.count("asks")
    if not asked:
        return False
    off_list, followed = evidence.count("asks_off_list"), evidence.count("asks_after_them")
    return off_list >= OFF_LIST_LINES * len(evidence.turns) and followed < FOLLOWED_QUESTIONS * asked


PRESUMED_LINES = 3
"""How many lines telling the coachee their own vision, values or plan (`TurnEvidence.presumes`),
when they outnumber the questions inviting them, put the coach in the expert's role."""


def told_them_who_they_are(evidence: Evidence) -> bool:
    """Whether the trainee told the coachee their own vision, values or plan more than they asked
    for them: the coach, not the coachee, wrote the story (MITI Partnership below 3). Over the
    verdict's 1,380 written conversations (`python benchmarks/verdict.py --set all`, typed, seed
    0), 1 of 276 textbooks did, 2 of 275 repaired ones, 204 of 276 warm but deficit-focused ones
    (the manager's own fixes, said as the coachee's plan) and 17 of 276 gaming ones, among them the
    two that recite the coachee's values, vision and step before they can say them ("so your
    values are family independence and reliability", 90.2 and 87.0 compassion-led without it).
    At five seeds, typed and dictated, it held those two and one dictated textbook (92.9)."""
    presumed = evidence.count("presumes")
    return presumed >= PRESUMED_LINES and presumed > evidence.count("eliciting")


def partnership_rating(evidence: Evidence) -> tuple[float, str]:
    """The Partnership rating (1 to 5, fractional between anchors) and the evidence behind it.

    Questions inviting the coachee's own view, autonomy moves and lines taking up their words
    count one each, the coachee's own story and own step two each: three in twenty lines rise
    an anchor. NEA moves pull it down. The anchors' conditions cap it: nothing taken up stays
    below 3; below 5 unless their own step came out, their choice was stressed and nothing was
    imposed. Many NEA moves or repeated lines, questions from a list or the coachee's own story told
    for them (`told_them_who_they_are`) keep it below 3; NEA in two lines of five is 1.
    """
    lines = max(evidence.counted, RATED_OVER_AT_LEAST)
    responsive = evidence.count("follow_up") + evidence.count("reflects")
    eliciting, autonomy = evidence.count("eliciting"), evidence.count("autonomy")
    collaborative = eliciting + autonomy + responsive
    nea, imposed = evidence.against("is_nea"), imposed_count(evidence)
    repeated = sum(turn.counts and turn.repeat_of is not None for turn in evidence.turns)
    if evidence.facts.simulated:
        told = evidence.reveals(credited=True)
        shaped, own_step = len(told) >= 2, "next_step" in told
    else:
        shaped, own_step = external_proposals(evidence)
    contributions = 2 * shaped + 2 * own_step  # the coachee's own story and step shaping the conversation
    rating = min(1 + (collaborative + contributions) / (0.15 * lines), 5.0) - 5 * nea / lines
    if not responsive:
        rating = _capped(rating, 3 - BELOW)
    elif responsive / lines < TAKEN_UP_FOR_SHARED_POWER:
        rating = _capped(rating, 4 - BELOW)
    if not own_step or not autonomy or nea >= HALF_A_LINE or imposed >= HALF_A_LINE:
        rating = _capped(rating, 5 - BELOW)
    listed, presumed = asked_from_a_list(evidence), told_them_who_they_are(evidence)
    if nea / lines > 0.2 or repeated / lines > 0.25 or listed or presumed:
        rating = _capped(rating, 3 - BELOW)
    if nea / lines >= 0.4:
        rating = 1.0
    rating = max(rating, 1.0)
    seen = (
        f"{eliciting} question(s) inviting their own view, {autonomy} autonomy move(s), "
        f"{responsive} line(s) taking up their words"
    )
    if shaped or own_step:
        seen += (
            ", their own "
            + ("goal and step" if own_step and shaped else "step" if own_step else "story")
            + " came out"
        )
    if nea >= HALF_A_LINE:
        seen += f", {tally(nea)} NEA move(s)"
    if repeated:
        seen += f", {repeated} repeated line(s)"
    if listed:
        seen += ", questions asked as from a list, whatever the coachee answered"
    if presumed:
        seen += (
            f", {evidence.count('presumes')} line(s) telling them their own vision, values or plan,"
            " more than you asked for them"
        )
    return rating, seen


def _global(
    key: MeasureKey, label: str, rating: float, seen: str, anchors: dict[int, str], rubric: Rubric
) -> Measure:
    # The rating shown is the anchor reached; the score keeps the progress toward the next one,
    # so one more accurate reflection always counts. Both rate the same against the marks.
    mark = rubric.partnership if key is MeasureKey.PARTNERSHIP else rubric.empathy
    level = int(rating)
    score = rising(rating, mark)
    marks = (f">= {mark.fair:g} of 5", f">= {mark.good:g} of 5")
    return measure(key, label, float(level), f"{level}/5", marks, score, f"{seen}: {anchors[level]}")


def empathy(evidence: Evidence, rubric: Rubric) -> Measure:
    """MITI Empathy, 1 to 5: how well the trainee understood the coachee's view."""
    rating, seen = empathy_rating(evidence)
    return _global(MeasureKey.EMPATHY, "Empathy (global)", rating, seen, EMPATHY_ANCHORS, rubric)


def partnership(evidence: Evidence, rubric: Rubric) -> Measure:
    """MITI Partnership, 1 to 5: how far the conversation was shared, not led by the coach."""
    rating, seen = partnership_rating(evidence)
    return _global(MeasureKey.PARTNERSHIP, "Partnership (global)", rating, seen, PARTNERSHIP_ANCHORS, rubric)
