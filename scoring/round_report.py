"""A round's report: the trainer's terminal table, a CSV, and self-contained HTML pages.

Trainee names and lines are data: every text passes `strip_control` (no terminal escape
sequences reach a terminal or a page) and, on a page, `html.escape`; a CSV cell that a
spreadsheet would read as a formula is prefixed with a quote. Pages have no scripts and
load nothing: the charts are inline SVG (from `html_report`), the links are relative.

The round's HTML report is an index page (the cohort's totals, two small charts, the averages
per measure and one table row per conversation) and one page per trainee with their
conversations' feedback, in a folder beside it: a round of ten thousand opens in a browser in
seconds. The shell writes them piece by piece (`index_head`, `index_row`, `INDEX_TAIL`,
`trainee_page`), so no more than one trainee's pages are in memory.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from html import escape

from scoring.cohort import SCORE_BINS, CohortSummary, GradedConversation, Outcome
from scoring.html_report import STYLE, chart_svg, measures_table, turns_table
from scoring.review import NO_REVIEW, Review, Reviews, comments_by_turn
from scoring.text_report import render_text
from simulator.text import strip_control
from simulator.vocabulary import MeasureKey

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


def table_cells(conversation: GradedConversation) -> tuple[str, ...]:
    """One conversation's row of the terminal table, each cell cleaned and cut to fit."""
    return tuple(_cell(value, 48) for value in table_row(conversation))


def render_table(graded: Sequence[GradedConversation]) -> str:
    """The trainer's terminal table, one row per trainee and scenario, columns sized to fit."""
    return render_table_cells([table_cells(c) for c in graded])


def render_table_cells(cells: Sequence[tuple[str, ...]]) -> str:
    """The trainer's terminal table from each conversation's `table_cells`."""
    rows = [TABLE_COLUMNS, *cells]
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
    lines = [line for c in graded for line in review_lines(c.trainee, c.scenario_id, review_of(reviews, c))]
    return render_review_lines(lines)


def review_lines(trainee: str, scenario_id: str, review: Review) -> list[str]:
    """One conversation's status and comments as lines of the trainer's review (none when there are none)."""
    if not review.comments and not review.status:
        return []
    status = review.status or "not held for review"
    return [
        f"  {strip_control(trainee)} on {scenario_id}: {status}; {len(review.comments)} comment(s)",
        *(
            f"    {'overall' if c.turn is None else f'turn {c.turn}'}: {strip_control(c.text)}"
            for c in review.comments
        ),
    ]


def render_review_lines(lines: Sequence[str]) -> str:
    """The trainer's review from every conversation's `review_lines` (empty if there are none)."""
    return "\n".join(["Trainer's review:", *lines]) if lines else ""


def _csv_safe(value: str) -> str:
    # A cell starting with = + - @ (or a tab/CR) is run as a formula by spreadsheets: keep it text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


CSV_COLUMNS = (
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
)


def render_csv(graded: Sequence[GradedConversation]) -> str:
    """One CSV row per conversation: the table's columns, then each measure's score (0-1, blank if n/a)."""
    keys = list(dict.fromkeys(m.key for c in graded for m in c.card.measures))
    return csv_lines([[*CSV_COLUMNS, *keys]]) + "".join(csv_row(c, keys) for c in graded)


def csv_header(first: GradedConversation | None) -> str:
    """The CSV's first line: the table's columns, then the measures (every scorecard has the same ones)."""
    return csv_lines([[*CSV_COLUMNS, *(m.key for m in (first.card.measures if first else ()))]])


def csv_row(c: GradedConversation, keys: Sequence[MeasureKey] | None = None) -> str:
    """One conversation's CSV line (its measures in `keys`' order; its own order when not given)."""
    scores = {m.key: m.score for m in c.card.measures}
    keys = [m.key for m in c.card.measures] if keys is None else keys
    return csv_lines(
        [
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
        ]
    )


def csv_lines(rows: Iterable[Sequence[object]]) -> str:
    """Rows as CSV text, one line each."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _page(title: str, body: str) -> str:
    return _page_start(title) + f"{body}</body></html>\n"


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


PAGES_SUFFIX = "-pages"
"""The trainees' pages go in a folder named after the index page: `round.html` -> `round-pages/`."""


def pages_folder_name(index_name: str) -> str:
    """The folder of the trainees' pages beside an index page of this file name."""
    stem = index_name.rsplit(".", 1)[0] if "." in index_name.lstrip(".") else index_name
    return stem + PAGES_SUFFIX


def trainee_page_name(number: int) -> str:
    """The file name of the `number`th trainee's page (by number: names are data, never paths)."""
    return f"trainee-{number:05d}.html"


INDEX_CHUNK_ROWS = 200
"""The index's rows come in tables of this many, each laid out only when scrolled near (`content-visibility`)."""

INDEX_WIDTHS = (16, 19, 8, 14, 9, 6, 11, 6, 11)
"""Each column's share of the index table's width, in per cent: the same in every chunk of rows."""

INDEX_STYLE = (
    "table.index{table-layout:fixed;margin:0}"
    " table.index th,table.index td{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}"
    + "".join(
        f" table.index th:nth-child({n}),table.index td:nth-child({n}){{width:{width}%}}"
        for n, width in enumerate(INDEX_WIDTHS, start=1)
    )
    + f" .rows{{content-visibility:auto;contain-intrinsic-size:auto {INDEX_CHUNK_ROWS * 29}px}}"
    " .charts{display:flex;flex-wrap:wrap;gap:1rem} .charts svg{background:#fafbfc;border:1px solid #dde1e8}\n"
)
# One table per chunk of rows, every one with the same fixed column widths, so the columns line
# up while the browser lays out only the chunks on screen: a round of 10,000 opens in a second.
INDEX_CHUNK_START = '<div class="rows"><table class="index"><tbody>'
INDEX_CHUNK_END = "</tbody></table></div>"

_OUTCOME_COLOURS = {Outcome.PASS: "#1c7c4a", Outcome.FAIL: "#b3261e", Outcome.INCOMPLETE: "#9a6a00"}


def score_histogram_svg(bins: Sequence[int], outcomes: Mapping[Outcome, int]) -> str:
    """A small bar chart of how many conversations scored in each tenth of 0-100, and the outcomes' counts."""
    width, height, pad = 360, 170, 28
    tallest = max([1, *bins])
    step = (width - 2 * pad) / len(bins)
    bars = "".join(
        f'<rect x="{pad + i * step + 1:.1f}" y="{height - pad - (height - 2 * pad) * n / tallest:.1f}" '
        f'width="{step - 2:.1f}" height="{(height - 2 * pad) * n / tallest:.1f}" fill="#2f5fb3">'
        f"<title>{i * 100 // len(bins)}-{(i + 1) * 100 // len(bins)}: {n}</title></rect>"
        for i, n in enumerate(bins)
    )
    ticks = "".join(
        f'<text x="{pad + i * step:.1f}" y="{height - 16}" font-size="9" fill="#6b7487">{i * 100 // len(bins)}</text>'
        for i in range(0, len(bins) + 1, 2)
    )
    counts = " · ".join(
        f'<tspan fill="{_OUTCOME_COLOURS[outcome]}">{outcome.value} {outcomes.get(outcome, 0)}</tspan>'
        for outcome in Outcome
    )
    return (
        f'<svg role="img" aria-label="overall scores" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f'<text x="{pad}" y="14" font-size="11" fill="#1d2330">{counts}</text>{bars}{ticks}'
        f'<text x="{width // 2}" y="{height - 3}" font-size="9" fill="#6b7487" text-anchor="middle">'
        "overall score</text></svg>"
    )


def averages_svg(summary: CohortSummary) -> str:
    """A small horizontal bar chart of the cohort's average score per measure (0-100), the weakest in red."""
    row, label_width, bar_width = 16, 210, 150
    height = row * len(summary.averages) + 8
    weakest = summary.weakest
    bars = "".join(
        f'<text x="4" y="{i * row + 15}" font-size="10" fill="#1d2330">{_text(average.label[:38])}</text>'
        f'<rect x="{label_width}" y="{i * row + 5}" width="{bar_width * average.mean_score:.1f}" height="{row - 5}" '
        f'fill="{"#b3261e" if average is weakest else "#2f5fb3"}"><title>{100 * average.mean_score:.1f}</title></rect>'
        for i, average in enumerate(summary.averages)
    )
    width = label_width + bar_width + 8
    return (
        f'<svg role="img" aria-label="cohort averages per measure" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">{bars}</svg>'
    )


def index_head(
    title: str,
    summary: CohortSummary,
    pass_mark: float,
    score_bins: Sequence[int] = (0,) * SCORE_BINS,
    outcomes: Mapping[Outcome, int] | None = None,
    pages_folder: str = "",
) -> str:
    """The index page up to its rows: the cohort's totals, the charts, the averages, the table's head.

    The rows follow in chunks of INDEX_CHUNK_ROWS, each between INDEX_CHUNK_START and INDEX_CHUNK_END.
    """
    weakest = (
        f"<p>Weakest measure: <strong>{_text(summary.weakest.label)}</strong> "
        f"({100 * summary.weakest.mean_score:.1f})</p>"
        if summary.weakest is not None
        else ""
    )
    where = (
        f'<p class="note">Each trainee\'s feedback, turn by turn, is on their own page in the folder '
        f"<code>{_text(pages_folder)}/</code> beside this page: follow a name.</p>"
        if pages_folder
        else ""
    )
    head = "".join(f"<th>{_text(column)}</th>" for column in TABLE_COLUMNS)
    return (
        _page_start(f"Round report: {title}", INDEX_STYLE)
        + f"<p>{summary.trainees} trainee(s), {summary.conversations} conversation(s); {summary.passed} passed "
        f"(pass mark {pass_mark:g}); mean overall {summary.mean_overall:.1f}.</p>"
        f'<div class="charts">{score_histogram_svg(score_bins, outcomes or {})}{averages_svg(summary)}</div>'
        f"<h2>Cohort averages</h2>{weakest}{_averages_table(summary)}"
        f"<h2>Conversations</h2>{where}"
        f'<table class="index"><thead><tr>{head}</tr></thead></table>'
    )


def index_row(conversation: GradedConversation, href: str) -> str:
    """One conversation's row of the index table, its trainee linked to their page."""
    cells = table_row(conversation)
    return (
        f'<tr><td><a href="{escape(href)}">{_text(cells[0])}</a></td>'
        + "".join(f"<td>{_text(cell)}</td>" for cell in cells[1:-1])
        + f'<td class="{result_of(conversation)}">{_text(cells[-1])}</td></tr>'
    )


INDEX_TAIL = "</body></html>\n"


def section_for_page(conversation: GradedConversation, anchor: str, review: Review = NO_REVIEW) -> str:
    """A conversation as the trainer sees it on its trainee's page: everything, held for review or not."""
    return conversation_section(anchor, conversation, back_link=False, review=review)


def trainee_page(title: str, trainee: str, sections: Iterable[str], index_href: str) -> str:
    """One trainee's page of the round report: a link back to the index, then each conversation's section."""
    back = f'<p><a href="{escape(index_href)}">Back to the round report</a></p>'
    return _page(f"{trainee} · {title}", back + "".join(sections) + back)


def _page_start(title: str, style: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_text(title)}</title><style>{STYLE}{EXTRA_STYLE}{style}</style></head>"
        f'<body id="top"><h1>{_text(title)}</h1>'
    )


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
