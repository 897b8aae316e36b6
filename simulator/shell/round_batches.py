"""Grading a whole round on every core, and writing its report, in memory that stays flat.

`coach grade` and `coach report` read the round's conversations from the gradebook a page at
a time, grade each page in a worker process (`simulator.shell.workers`: one per core, each
with its own scenarios, loaded once) and take the grades back in the gradebook's order. What
a worker sends back is small: the grade with its measures but without the per-turn feedback,
and, for `coach report --html`, the conversation's finished section of its trainee's page.
The commands add the grades up as they come (`scoring.cohort.CohortTally`), print a table and
stream the report's files, so no more than a few pages of conversations are ever in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial

from scoring.cohort import GradedConversation
from scoring.review import NO_REVIEW, Review
from scoring.round_report import section_for_page
from scoring.scorecard import Scorecard
from simulator.rounds.gradebook import Gradebook, StoredConversation
from simulator.rounds.grading import ScenarioCache, grade_replayed, replay_page
from simulator.rounds.pseudonyms import pseudonym
from simulator.rounds.review import review_of
from simulator.rounds.round_file import Round
from simulator.scenario.rubric import Rubric
from simulator.shell.progress import Progress
from simulator.shell.warm_start import validated
from simulator.shell.workers import in_order, worker_count

PARALLEL_FROM = 64
"""Rounds of at least this many conversations are graded in worker processes, one per core."""

PAGE_SIZES = (16, 200)
"""The fewest and most conversations a worker grades at once (about four pages per worker)."""

ANCHOR = "\x00anchor\x00"
"""Stands in a worker's section for the conversation's anchor, which only the report's order decides."""


@dataclass(frozen=True)
class RoundJob:
    """What a worker makes of each conversation: the round's rules, and what the command shows."""

    pass_mark: float
    min_turns: int | None = None
    rubric: Rubric | None = None  # grade again under this rubric too (`coach grade --rubric`)
    secret: str | None = None  # name trainees by their pseudonym under this secret
    sections: bool = False  # render each conversation's section of its trainee's page


@dataclass(frozen=True)
class GradedItem:
    """One conversation as a worker sends it back: grades without per-turn feedback, and its section."""

    graded: GradedConversation
    regraded: GradedConversation | None = None
    section: str = ""


Page = tuple[list[StoredConversation], dict[int, Review]]
"""A page of stored conversations, with each one's review (by conversation id) for its section."""


def _slim(conversation: GradedConversation) -> GradedConversation:
    # Tables, JSON, the CSV and the summary read the measures, never the turns: only those travel back.
    card: Scorecard = conversation.card
    return replace(conversation, card=replace(card, turns=()))


def grade_page(page: Page, job: RoundJob, cache: ScenarioCache) -> list[GradedItem | str]:
    """Each conversation of a page graded (or why it could not be re-simulated), in order."""
    stored_page, reviews = page
    found: list[GradedItem | str] = []
    for stored, item in zip(stored_page, replay_page(stored_page, cache), strict=True):
        if isinstance(item, str):
            found.append(item)
            continue
        # Per-turn feedback only for a trainee's page: the tables and the summary read the measures.
        graded = grade_replayed([item], job.pass_mark, None, job.min_turns, per_turn=job.sections)[0]
        regraded = (
            grade_replayed([item], job.pass_mark, job.rubric, job.min_turns, per_turn=False)[0]
            if job.rubric
            else None
        )
        if job.secret is not None:
            shown = pseudonym(job.secret, graded.trainee)
            graded = replace(graded, trainee=shown)
            regraded = replace(regraded, trainee=shown) if regraded is not None else None
        section = section_for_page(graded, ANCHOR, reviews.get(stored.id, NO_REVIEW)) if job.sections else ""
        found.append(GradedItem(_slim(graded), _slim(regraded) if regraded else None, section))
    return found


_WORKER: tuple[RoundJob, ScenarioCache] | None = None


def _start_worker(job: RoundJob) -> None:
    # Each worker keeps its own scenarios for the whole round, each validated once (and, once any
    # run has validated those exact bytes, rebuilt from the cache instead of parsed).
    global _WORKER
    _WORKER = (job, ScenarioCache(validated))


def _grade_in_worker(page: Page) -> list[GradedItem | str]:
    assert _WORKER is not None, "a worker is started before its first page"
    job, cache = _WORKER
    return grade_page(page, job, cache)


def graded_round(
    book: Gradebook, round_: Round, job: RoundJob, progress: Progress | None = None
) -> Iterator[tuple[StoredConversation, GradedItem | str, Review]]:
    """Every conversation of a round with its grade (or why it has none) and its review, in order.

    Large rounds are graded on every core, page by page; `progress` counts the conversations.
    """
    stored_reviews = book.reviews(round_.id)
    total = len(stored_reviews)
    if progress is not None:
        progress.total = total
    workers = worker_count()
    parallel = total >= PARALLEL_FROM and workers >= 2
    least, most = PAGE_SIZES
    size = min(most, max(least, -(-total // (workers * 4)))) if parallel else most

    def pages() -> Iterator[Page]:
        for stored_page in book.conversation_pages(round_.id, page_size=size):
            yield stored_page, {c.id: review_of(stored_reviews.get(c.id), round_.review) for c in stored_page}

    if parallel:
        # The reader's weights, loaded here, are inherited by the forked workers.
        from simulator.reading.moves import classify

        classify("warm")
        done = in_order(_grade_in_worker, pages(), workers=workers, initializer=partial(_start_worker, job))
    else:
        cache = ScenarioCache(validated)
        done = ((page, grade_page(page, job, cache)) for page in pages())
    for (stored_page, reviews), items in done:
        for stored, item in zip(stored_page, items, strict=True):
            yield stored, item, reviews[stored.id]
        if progress is not None:
            progress.advance(len(stored_page))
