"""A round's report: the trainer's terminal table, a CSV, and self-contained HTML pages.

Trainee names and lines are data: every text passes `strip_control` (no terminal escape
sequences reach a terminal or a page) and, on a page, `html.escape`; a CSV cell that a
spreadsheet would read as a formula is prefixed with a quote. Pages have no scripts and
load nothing: the charts are inline SVG (from `html_report`), the links are in-page anchors.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from html import escape

from scoring.cohort import CohortSummary, GradedConversation
from scoring.html_report import STYLE, chart_svg, measures_table, turns_table
from scoring.review import NO_REVIEW, Review, Reviews, comments_by_turn
from scoring.text_report import render_text
from simulator.text import strip_control

TABLE_COLUMNS = ("trainee", "scenario", "overall", "band", "PEA:NEA", "open", "shutdowns", "turns", "result")

EXTRA_STYLE = """
.pass{color:#1c7c4a;font-weight:600} .fail{color:#b3261e;font-weight:600} .incomplete{color:#9a6a00;font-weight:600} .note{color:#6b7487;font-size:.85rem}
section{border-top:2px solid #dde1e8;margin-top:2rem;padding-top:.5rem} .weakest{background:#fff4f2}
nav a{margin-right:1rem}
.comment{border-left:3px solid #2f5fb3;padding-left:.5rem;margin-top:.3rem;color:#1d2330}
.review{background:#f4f6f9;padding:.2rem 1rem;margin:1rem 0} .held{color:#9a6a00;font-weight:600}
"""

AWAITING_REVIEW = "awaiting review: your trainer releases the grade once they have reviewed the conversation"


def _text(value: object) -> str:
    return escape(strip_control(str(value)))


def _cell(value: object, width: int) -> str:
    text = strip_control(str(value))
    return text if len(text) <= width else text[: width - 1] + "…"


def result_of(conversation: GradedConversation) -> str:
    """`pass` or `fail` against the round's pass mark, or `incomplete` (which never passes)."""
    return conversation.outcome.value


def table_row(conversation: GradedConversation) -> tuple[str, ...]:
    """One conversation as the cells of the trainer's table."""
    return (
        conversation.trainee,
        conversation.scenario_id,
        f"{conversation.overall:.1f}",
        conversation.band,
        conversation.pea_to_nea,
        "yes" if conversation.reached_open else "no",
        str(conversation.shutdowns),
        str(conversation.turns),
        result_of(conversation) + "".join(f" ({note})" for note in conversation.notes),
    )


def render_table(graded: Sequence[GradedConversation]) -> str:
    """The trainer's terminal table, one row per trainee and scenario, columns sized to fit."""
    rows = [TABLE_COLUMNS, *(tuple(_cell(value, 48) for value in table_row(c)) for c in graded)]
    widths = [max(len(row[index]) for row in rows) for index in range(len(TABLE_COLUMNS))]
    return "\n".join(
        "  ".join(value.ljust(width) for value, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def render_summary(summary: CohortSummary, pass_mark: float) -> str:
    """The cohort's totals, its average per measure and its weakest measure, as text."""
    lines = [
        f"{summary.trainees} trainee(s), {summary.conversations} conversation(s); "
        f"{summary.passed} passed (pass mark {pass_mark:g}); mean overall {summary.mean_overall:.1f}",
        "Cohort averages per measure (score 0-100 over the conversations it applies to):",
    ]
    lines += [
        f"  {average.label:<28} {100 * average.mean_score:5.1f}  (n={average.count})"
        for average in summary.averages
    ]
    if summary.weakest is not None:
        lines.append(f"Weakest measure: {summary.weakest.label} ({100 * summary.weakest.mean_score:.1f})")
    return "\n".join(lines)


def review_of(reviews: Reviews | None, conversation: GradedConversation) -> Review:
    """The trainer's review of one conversation (none when the round has no reviews)."""
    return (reviews or {}).get((conversation.trainee, conversation.scenario_id), NO_REVIEW)


def overall_comment_lines(review: Review) -> list[str]:
    """The trainer's comments on the conversation as a whole, as text."""
    if not review.overall_comments:
        return []
    return ["Trainer's comments:", *(f"  - {strip_control(c.text)}" for c in review.overall_comments)]


def render_feedback_text(graded: Sequence[GradedConversation], reviews: Reviews | None = None) -> str:
    """A trainee's own scorecards, with per-turn feedback and the trainer's comments, one per scenario.

    A grade the round holds for review shows only that it awaits review.
    """
    parts = []
    for conversation in graded:
        review = review_of(reviews, conversation)
        head = f"== {strip_control(conversation.trainee)} on {conversation.scenario_id}: "
        if review.held:
            parts.append(head + AWAITING_REVIEW)
            continue
        notes = "".join(f"; {note}" for note in conversation.notes)
        parts.append(head + f"{result_of(conversation)}{notes}")
        comments = overall_comment_lines(review)
        if comments:
            parts.append("\n".join(comments))
        parts.append(render_text(conversation.card, detail=True, comments=comments_by_turn(review)))
    return "\n\n".join(parts)


def render_review_text(graded: Sequence[GradedConversation], reviews: Reviews) -> str:
    """The trainer's view of the review: each conversation's status and comments (empty if there are none)."""
    lines = []
    for conversation in graded:
        review = review_of(reviews, conversation)
        if not review.comments and not review.status:
            continue
        status = review.status or "not held for review"
        lines.append(
            f"  {strip_control(conversation.trainee)} on {conversation.scenario_id}: {status}; "
            f"{len(review.comments)} comment(s)"
        )
        lines += [
            f"    {'overall' if c.turn is None else f'turn {c.turn}'}: {strip_control(c.text)}"
            for c in review.comments
        ]
    return "\n".join(["Trainer's review:", *lines]) if lines else ""


def _csv_safe(value: str) -> str:
    # A cell starting with = + - @ (or a tab/CR) is run as a formula by spreadsheets: keep it text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def render_csv(graded: Sequence[GradedConversation]) -> str:
    """One CSV row per conversation: the table's columns, then each measure's score (0-1, blank if n/a)."""
    keys = list(dict.fromkeys(m.key for c in graded for m in c.card.measures))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "trainee",
            "scenario",
            "overall",
            "band",
            "pea",
            "nea",
            "reached_open",
            "shutdowns",
            "turns",
            "passed",
            "finished",
            "scenario_changed",
            *keys,
        ]
    )
    for c in graded:
        scores = {m.key: m.score for m in c.card.measures}
        writer.writerow(
            [
                _csv_safe(strip_control(c.trainee)),
                c.scenario_id,
                f"{c.overall:.1f}",
                c.band,
                c.pea,
                c.nea,
                c.reached_open,
                c.shutdowns,
                c.turns,
                c.passed,
                c.finished,
                c.scenario_changed,
                *("" if scores.get(key) is None else f"{scores[key]:.3f}" for key in keys),
            ]
        )
    return out.getvalue()


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_text(title)}</title><style>{STYLE}{EXTRA_STYLE}</style></head>"
        f'<body id="top"><h1>{_text(title)}</h1>{body}</body></html>\n'
    )


def _review_block(review: Review) -> str:
    status = f'<p class="note">Review: {_text(review.status)}</p>' if review.status else ""
    if not review.overall_comments:
        return f'<div class="review">{status}</div>' if status else ""
    items = "".join(f"<li>{_text(comment.text)}</li>" for comment in review.overall_comments)
    return f'<div class="review"><h3>Trainer\'s comments</h3><ul>{items}</ul>{status}</div>'


def conversation_section(
    anchor: str, conversation: GradedConversation, *, back_link: bool, review: Review = NO_REVIEW
) -> str:
    """One conversation: score, band and result, the openness chart, the trainer's comments, advice,
    measures and every turn (with the comments pinned to it)."""
    card = conversation.card
    notes = "".join(f' <span class="note">({_text(note)})</span>' for note in conversation.notes)
    went_well = "".join(f"<li>{_text(item)}</li>" for item in card.went_well) or "<li>Nothing yet.</li>"
    try_next = "".join(f"<li>{_text(item)}</li>" for item in card.try_next)
    back = '<p><a href="#top">Back to the table</a></p>' if back_link else ""
    return (
        f'<section id="{anchor}"><h2>{_text(conversation.trainee)} · {_text(conversation.scenario_id)}</h2>'
        f'<p class="band {_text(card.band)}">{card.overall:.0f}/100 · {_text(card.band)} · '
        f'<span class="{result_of(conversation)}">{result_of(conversation)}</span>{notes}</p>'
        f'<nav><a href="#{anchor}-turn-1">Turn-by-turn feedback</a><a href="#{anchor}-measures">Measures</a></nav>'
        f"{chart_svg(card)}{_review_block(review)}"
        f"<h3>What went well</h3><ul>{went_well}</ul><h3>Try next time</h3><ol>{try_next}</ol>"
        f'<h3 id="{anchor}-measures">Measures</h3>{measures_table(card)}'
        f"<h3>Turn by turn</h3>{turns_table(card, anchor=f'{anchor}-turn', comments=comments_by_turn(review))}"
        f"{back}</section>"
    )


def held_section(anchor: str, conversation: GradedConversation) -> str:
    """A conversation whose grade the round holds for review: what the trainee sees until it is released."""
    return (
        f'<section id="{anchor}"><h2>{_text(conversation.trainee)} · {_text(conversation.scenario_id)}</h2>'
        f'<p class="held">{_text(AWAITING_REVIEW[:1].upper() + AWAITING_REVIEW[1:])}.</p></section>'
    )


WEAKEST_ROW = ' class="weakest"'


def _averages_table(summary: CohortSummary) -> str:
    weakest = summary.weakest
    rows = "".join(
        f"<tr{WEAKEST_ROW if average is weakest else ''}><td>{_text(average.label)}</td>"
        f"<td>{100 * average.mean_score:.1f}</td><td>{average.count}</td></tr>"
        for average in summary.averages
    )
    return (
        "<table><thead><tr><th>measure</th><th>cohort average (0-100)</th><th>conversations</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def render_round_html(
    title: str,
    graded: Sequence[GradedConversation],
    summary: CohortSummary,
    pass_mark: float,
    reviews: Reviews | None = None,
) -> str:
    """The round's page: summary, the table linking to each conversation, averages, then every conversation."""
    rows = []
    for index, conversation in enumerate(graded, start=1):
        cells = table_row(conversation)
        rows.append(
            f'<tr><td><a href="#c{index}">{_text(cells[0])}</a></td>'
            + "".join(f"<td>{_text(cell)}</td>" for cell in cells[1:-1])
            + f'<td class="{result_of(conversation)}">{_text(cells[-1])}</td></tr>'
        )
    head = "".join(f"<th>{_text(column)}</th>" for column in TABLE_COLUMNS)
    weakest = (
        f"<p>Weakest measure: <strong>{_text(summary.weakest.label)}</strong> "
        f"({100 * summary.weakest.mean_score:.1f})</p>"
        if summary.weakest is not None
        else ""
    )
    body = (
        f"<p>{summary.trainees} trainee(s), {summary.conversations} conversation(s); {summary.passed} passed "
        f"(pass mark {pass_mark:g}); mean overall {summary.mean_overall:.1f}.</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<h2>Cohort averages</h2>{weakest}{_averages_table(summary)}"
        + "".join(
            conversation_section(
                f"c{index}", conversation, back_link=True, review=review_of(reviews, conversation)
            )
            for index, conversation in enumerate(graded, start=1)
        )
    )
    return _page(f"Round report: {title}", body)


def render_feedback_html(
    title: str, trainee: str, graded: Sequence[GradedConversation], reviews: Reviews | None = None
) -> str:
    """A trainee's own page: each of their conversations with its chart, per-turn feedback and the
    trainer's comments; a grade held for review shows only that it awaits review."""
    body = "".join(
        held_section(f"c{index}", conversation)
        if review_of(reviews, conversation).held
        else conversation_section(
            f"c{index}", conversation, back_link=False, review=review_of(reviews, conversation)
        )
        for index, conversation in enumerate(graded, start=1)
    )
    return _page(f"Feedback for {trainee}: {title}", body)
