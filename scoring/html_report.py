"""The scorecard as one self-contained HTML page: no scripts, no network, every text escaped.

The page holds the overall score and band, the openness-over-turns chart (an inline
SVG; for external transcripts, the running PEA minus NEA tally instead), the measures
with their marks and reasons, and the per-turn table with better lines for weak turns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from scoring.scorecard import Scorecard
from simulator.text import strip_control
from simulator.vocabulary import State

CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 640, 220, 36

STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:60rem;color:#1d2330;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem} .band{font-size:1.1rem;font-weight:600}
.compassion-led{color:#1c7c4a} .mixed{color:#9a6a00} .compliance-led{color:#b3261e}
table{border-collapse:collapse;width:100%;margin:1rem 0} th,td{border-bottom:1px solid #dde1e8;padding:.35rem .5rem;
text-align:left;vertical-align:top;font-size:.92rem} th{background:#f4f6f9}
.good{color:#1c7c4a} .fair{color:#9a6a00} .poor{color:#b3261e} .weak{background:#fff4f2} .strong{background:#f2fbf5}
.better{color:#3b4a66;font-style:italic} .said{color:#6b7487;font-size:.85rem;margin-bottom:.2rem} .credit{color:#9a6a00;font-size:.85rem} .note{color:#6b7487} svg{background:#fafbfc;border:1px solid #dde1e8}
"""


def _text(value: object) -> str:
    return escape(strip_control(str(value)))


def openness_points(card: Scorecard) -> list[float]:
    """The values the chart draws: openness after each turn, or the running PEA minus NEA tally."""
    if card.simulated:
        return [turn.openness_after or 0.0 for turn in card.turns]
    tally, points = 0.0, []
    for turn in card.turns:
        tally += {"PEA": 1, "NEA": -1}.get(turn.attractor, 0)
        points.append(tally)
    return points


def chart_svg(card: Scorecard) -> str:
    """An inline SVG line chart of the conversation's course."""
    points = openness_points(card)
    if card.simulated:
        low, high, label = 0.0, float(len(State)), "openness"
    else:
        low, high, label = min([0.0, *points]) - 1, max([0.0, *points]) + 1, "PEA minus NEA, running"
    width, height = CHART_WIDTH - 2 * CHART_PAD, CHART_HEIGHT - 2 * CHART_PAD
    step = width / max(len(points) - 1, 1)

    def y(value: float) -> float:
        return CHART_PAD + height - (value - low) / (high - low) * height

    coordinates = " ".join(f"{CHART_PAD + i * step:.1f},{y(v):.1f}" for i, v in enumerate(points))
    grid = ""
    if card.simulated:
        grid = "".join(
            f'<line x1="{CHART_PAD}" x2="{CHART_PAD + width}" y1="{y(s.rank):.1f}" y2="{y(s.rank):.1f}" '
            f'stroke="#e3e7ee"/><text x="{CHART_PAD + width + 4}" y="{y(s.rank + 0.5):.1f}" font-size="10" '
            f'fill="#6b7487">{s.value}</text>'
            for s in State
        )
    dots = "".join(
        f'<circle cx="{CHART_PAD + i * step:.1f}" cy="{y(v):.1f}" r="3" fill="#2f5fb3"><title>turn {i + 1}: {v:.2f}'
        "</title></circle>"
        for i, v in enumerate(points)
    )
    line = (
        f'<polyline fill="none" stroke="#2f5fb3" stroke-width="2" points="{coordinates}"/>' if points else ""
    )
    return (
        f'<svg role="img" aria-label="{label} over turns" width="{CHART_WIDTH + 60}" height="{CHART_HEIGHT}" '
        f'viewBox="0 0 {CHART_WIDTH + 60} {CHART_HEIGHT}">{grid}{line}{dots}'
        f'<text x="{CHART_PAD}" y="{CHART_HEIGHT - 8}" font-size="11" fill="#6b7487">{label} after each turn</text></svg>'
    )


def measures_table(card: Scorecard) -> str:
    """The measures with value, marks, rating and reason."""
    rows = "".join(
        f"<tr><td>{_text(m.label)}</td><td>{_text(m.shown)}</td><td>{_text(m.fair)}</td><td>{_text(m.good)}</td>"
        f'<td class="{_text(m.rating)}">{_text(m.rating)}</td><td>{_text(m.reason)}</td></tr>'
        for m in card.measures
    )
    return (
        "<table><thead><tr><th>measure</th><th>value</th><th>fair</th><th>good</th><th>rating</th><th>why</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def turns_table(
    card: Scorecard, anchor: str = "turn", comments: Mapping[int, Sequence[str]] | None = None
) -> str:
    """One row per trainee line: what it was read as, what it did, why, a better line if weak, and
    any trainer's comments pinned to it.

    Each row's id is `{anchor}-{n}`, so a page holding several conversations can link to any turn.
    """
    rows = []
    for turn in card.turns:
        said = f'<div class="said">Coachee: {_text(turn.answered)}</div>' if turn.answered else ""
        better = f'<div class="credit">{_text(turn.credit)}</div>' if turn.credit else ""
        if turn.better is not None:
            example = f"“{_text(turn.better.example)}”" if turn.better.example else _text(turn.better.why)
            better += f'<div class="better">Better here ({_text(turn.better.move)}): {example}</div>'
        better += "".join(
            f'<div class="comment">Trainer: {_text(text)}</div>' for text in (comments or {}).get(turn.n, ())
        )
        rows.append(
            f'<tr id="{anchor}-{turn.n}" class="{_text(turn.verdict)}"><td>{turn.n}</td><td>{said}{_text(turn.trainee)}{better}</td>'
            f"<td>{_text(turn.form)}<br>{_text(turn.focus)}<br>{_text(turn.attractor)}</td>"
            f"<td>{_text(turn.effect)}</td><td>{_text(turn.rule)}</td></tr>"
        )
    return (
        "<table><thead><tr><th>#</th><th>trainee line</th><th>read as</th><th>effect</th><th>rule</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def status_html(card: Scorecard) -> str:
    """Whether the conversation is incomplete, and how the coachee ended it, when either applies."""
    lines = ([f"Incomplete: {card.completeness.reason}"] if not card.complete else []) + list(card.notes)
    return "".join(f'<p class="note">{_text(line)}</p>' for line in lines)


def render_html(card: Scorecard, title: str) -> str:
    """The whole scorecard page."""
    went_well = "".join(f"<li>{_text(item)}</li>" for item in card.went_well) or "<li>Nothing yet.</li>"
    try_next = "".join(f"<li>{_text(item)}</li>" for item in card.try_next)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_text(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{_text(title)}</h1>"
        f'<p class="band {_text(card.band)}">{card.overall:.0f}/100 · {_text(card.band)}</p>'
        f"{status_html(card)}"
        f"{chart_svg(card)}"
        f"<h2>What went well</h2><ul>{went_well}</ul>"
        f"<h2>Try next time</h2><ol>{try_next}</ol>"
        f"<h2>Measures</h2>{measures_table(card)}"
        f"<h2>Turn by turn</h2>{turns_table(card)}"
        "</body></html>\n"
    )
