"""The scorecard as plain text for the terminal: the at-a-glance part, then the detail on request."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from scoring.measures import Rating
from scoring.scorecard import Scorecard
from simulator.text import strip_control

RATING_MARK = {Rating.GOOD: "+", Rating.FAIR: "~", Rating.POOR: "-", Rating.NOT_APPLICABLE: " "}


def glance_lines(card: Scorecard) -> list[str]:
    """The overall score, the band and each applicable measure on one line."""
    lines = [f"Overall: {card.overall:.0f}/100 ({card.band})"]
    if not card.complete:
        lines.append(f"Incomplete: {card.completeness.reason}")
    lines += [f"Note: {strip_control(note)}" for note in card.notes]
    for measure in card.measures:
        if not measure.applies:
            continue
        mark = RATING_MARK[measure.rating]
        lines.append(f"  {mark} {measure.label:<24} {measure.shown:<12} {measure.reason}")
    return lines


def advice_lines(card: Scorecard) -> list[str]:
    """What went well and the three things to try next."""
    lines = ["What went well:"]
    lines += [f"  - {item}" for item in card.went_well] or [
        "  - (nothing yet: every conversation is practice)"
    ]
    if card.try_next:
        lines.append("Try next time:")
        lines += [f"  {number}. {item}" for number, item in enumerate(card.try_next, start=1)]
    return lines


def turn_lines(card: Scorecard, comments: Mapping[int, Sequence[str]] | None = None) -> list[str]:
    """Per-turn feedback, one block per trainee line; weak lines carry a better one, and a trainer's comments."""
    lines = []
    for turn in card.turns:
        if turn.answered:
            lines.append(f"     coachee: {strip_control(turn.answered)}")
        lines.append(f"{turn.n:>3}. [{turn.verdict}] {strip_control(turn.trainee)}")
        lines.append(f"     read as {turn.form} / {turn.focus} / {turn.attractor}; {turn.effect}")
        lines.append(f"     why: {turn.rule}")
        if turn.credit:
            lines.append(f"     earned: {turn.credit}")
        if turn.better is not None:
            example = f': "{turn.better.example}"' if turn.better.example else f": {turn.better.why}"
            lines.append(f"     better here ({turn.better.move}){example}")
        lines += [f"     trainer: {strip_control(text)}" for text in (comments or {}).get(turn.n, ())]
    return lines


def render_text(
    card: Scorecard, *, detail: bool = False, comments: Mapping[int, Sequence[str]] | None = None
) -> str:
    """The scorecard as text: at a glance plus advice, and per-turn feedback (with any trainer's
    comments, by turn) when `detail` is set."""
    parts = [*glance_lines(card), "", *advice_lines(card)]
    if detail:
        parts += ["", "Turn by turn:", *turn_lines(card, comments)]
    return "\n".join(parts)
