"""Gathering a round for export: re-simulated turns, grades, times, reviews and pseudonyms, in one pass.

Two exports are made from what is gathered: xAPI statements (`xapi.round_statements`) for a
learning record store, and the gradebook's own record as JSON (`record_document`), which is
what a trainee who asks for their data is given. Both leave out the trainee's words unless
the trainer asks for them, and xAPI never carries a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from simulator.rounds.gradebook import Gradebook, StoredConversation, StoredReview
from simulator.rounds.grading import grade_replayed, replay_round, stored_round
from simulator.rounds.pseudonyms import pseudonym
from simulator.rounds.round_file import Round
from simulator.rounds.xapi import ExportedConversation

RECORD_FORMAT = "coach-export/1"


@dataclass(frozen=True)
class ExportItem:
    """One conversation as stored, and as the xAPI export sees it."""

    stored: StoredConversation
    exported: ExportedConversation
    review: StoredReview


@dataclass(frozen=True)
class RoundExport:
    """A round gathered for export, with any conversation that could not be re-simulated."""

    round: Round
    title: str
    items: tuple[ExportItem, ...]
    warnings: tuple[str, ...]

    @property
    def held(self) -> tuple[ExportItem, ...]:
        """Finished conversations whose grade the round still holds for review."""
        return tuple(item for item in self.items if item.exported.grade_held and item.stored.is_finished)


def gather_export(book: Gradebook, round_id: str, trainee: str | None = None) -> RoundExport:
    """Everything a round's (or one trainee's) export is made from, read from the gradebook once."""
    round_, title = stored_round(book, round_id)
    replayed, warnings = replay_round(book, round_id, trainee)
    times = book.turn_times(round_id, trainee)
    reviews = book.reviews(round_id, trainee)
    secret = book.pseudonym_secret()
    graded = grade_replayed(replayed, round_.pass_mark)
    items = []
    for item, grade in zip(replayed, graded, strict=True):
        stored = item.stored
        review = reviews.get(stored.id, StoredReview())
        exported = ExportedConversation(
            round_id=round_.id,
            round_title=title,
            scenario_id=stored.scenario_id,
            scenario_title=item.session.scenario.title,
            account=pseudonym(secret, stored.trainee),
            started_at=stored.started_at,
            ended_at=stored.ended_at,
            turns=tuple(item.session.turns),
            turn_times=times.get(stored.id, ()),
            graded=grade,
            pass_mark=round_.pass_mark,
            grade_held=round_.review and review.released_at is None,
        )
        items.append(ExportItem(stored, exported, review))
    return RoundExport(round_, title, tuple(items), tuple(warnings))


def _conversation_record(item: ExportItem, *, include_lines: bool, pseudonymise: bool) -> dict[str, Any]:
    stored, exported, graded = item.stored, item.exported, item.exported.graded
    turns = []
    for index, turn in enumerate(exported.turns):
        record: dict[str, Any] = {
            "n": turn.n,
            "recorded_at": exported.turn_times[index] if index < len(exported.turn_times) else None,
            **turn.move.as_dict(),
            "state_after": turn.state_after.value,
            "openness_after": round(turn.openness_after, 3),
        }
        if include_lines:
            record["line"] = turn.trainee
        turns.append(record)
    return {
        "trainee": exported.account if pseudonymise else stored.trainee,
        "scenario": stored.scenario_id,
        "started_at": stored.started_at,
        "ended_at": stored.ended_at,
        "end_reason": stored.end_reason,
        "seed": stored.seed,
        "turn_limit": stored.turn_limit,
        "grade": {"overall": graded.overall, "band": graded.band.value, "passed": graded.passed},
        "released_at": item.review.released_at,
        "comments": [
            {"turn": c.turn, "text": c.text, "written_at": c.written_at} for c in item.review.comments
        ],
        "turns": turns,
    }


def record_document(export: RoundExport, *, include_lines: bool, pseudonymise: bool) -> dict[str, Any]:
    """The gradebook's record of the round as one JSON-ready object (format `coach-export/1`)."""
    return {
        "format": RECORD_FORMAT,
        "round": {
            "id": export.round.id,
            "title": export.title,
            "pass_mark": export.round.pass_mark,
            "review": export.round.review,
        },
        "lines_included": include_lines,
        "conversations": [
            _conversation_record(item, include_lines=include_lines, pseudonymise=pseudonymise)
            for item in export.items
        ],
    }
