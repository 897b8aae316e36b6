"""The round commands: practising under a round's rules, and grade, report and feedback for the trainer.

A thin shell like the rest of the command line: each command opens the gradebook, makes
one call into the library (`round`, `round_grading`, `scoring.cohort`,
`scoring.round_report`) and prints or writes the result. Heavy modules (SQLAlchemy,
pydantic) are imported inside the commands, so `coach --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from simulator.shell.console import reports_errors, say, warn
from simulator.shell.environment import gradebook_url
from simulator.shell.outputs import write_output

if TYPE_CHECKING:
    from scoring.cohort import GradedConversation, RegradeChange
    from scoring.review import Review, ReviewKey
    from simulator.engine.session import Session
    from simulator.engine.transcript import TranscriptWriter
    from simulator.rounds.gradebook import Gradebook
    from simulator.rounds.round_file import LoadedRound
    from simulator.scenario.catalogue import LoadedScenario
    from simulator.shell.practice import PracticeRun

DB_HELP = "Gradebook database URL (default: $COACH_DB or ~/.local/share/compassion-coach/gradebook.sqlite)."

round_id_option = click.option(
    "--round", "round_id", required=True, help="The round's id (as in its round file)."
)
db_option = click.option("--db", default=None, help=DB_HELP)
pseudonymise_option = click.option(
    "--pseudonymise",
    is_flag=True,
    help="Name trainees by their pseudonym (a keyed hash, stable within this gradebook), not by name.",
)


def gather_reviews(
    book: Gradebook, round_id: str, gated: bool, pseudonymise: bool, trainee: str | None = None
) -> tuple[dict[ReviewKey, Review], str | None]:
    """The round's reviews, and the gradebook's pseudonym secret when names are to be replaced."""
    from simulator.rounds.review import round_reviews

    reviews = round_reviews(book, round_id, gated, trainee)
    return reviews, book.pseudonym_secret() if pseudonymise else None


def shown_grades(
    graded: Sequence[GradedConversation], reviews: dict[ReviewKey, Review], secret: str | None
) -> tuple[list[GradedConversation], dict[ReviewKey, Review]]:
    """The grades and reviews as they are shown: with pseudonyms for names when a secret is given."""
    from simulator.rounds.pseudonyms import pseudonymised_grades

    if secret is None:
        return list(graded), reviews
    return pseudonymised_grades(graded, reviews, secret)


def practise_in_round(
    scenario: str | None,
    round_file: Path | None,
    trainee: str | None,
    db: str | None,
    resume: bool,
    seed: int | None,
    transcript: Path | None,
    no_meter: bool,
) -> None:
    """`coach practice --round FILE --trainee NAME`: the round's rules, every turn recorded as played."""
    if round_file is None:
        raise click.UsageError("--trainee, --db and --resume go with --round FILE")
    if trainee is None:
        raise click.UsageError("--round needs --trainee NAME, the name the gradebook records you under")
    if seed is not None:
        raise click.UsageError("--seed cannot be used with --round: the round chooses the seed")
    from simulator.rounds.gradebook import Gradebook
    from simulator.rounds.round_file import choose_scenario, load_round, practised_scenario, trainee_name

    loaded_round = load_round(round_file)
    name = trainee_name(trainee)
    loaded = practised_scenario(choose_scenario(loaded_round, scenario), loaded_round.round)
    from simulator.shell.practice import check_saved, default_transcript_path, open_transcript
    from simulator.text import strip_control

    with Gradebook.open(gradebook_url(db)) as book:
        book.save_round(loaded_round.round.id, loaded_round.round.title, loaded_round.text)
        # The transcript file is made first: a path that cannot be written must not leave an
        # empty conversation in the gradebook that only --resume could continue.
        path = transcript or default_transcript_path(loaded.scenario.id)
        writer = open_transcript(path)
        try:
            session, conversation_id = (
                resumed_session(book, loaded_round, name, loaded)
                if resume
                else new_session(book, loaded_round, name, loaded)
            )
        except BaseException:
            writer.close()  # before its header, a transcript leaves nothing behind
            raise
        run = hold_round_conversation(
            book, loaded_round, name, loaded, session, conversation_id, writer, no_meter
        )
        click.echo(f"Transcript saved: {strip_control(str(path))}")
        click.echo(f"Recorded in the gradebook: round {loaded_round.round.id}, trainee {strip_control(name)}")
        check_saved(run)


def new_session(
    book: Gradebook, loaded_round: LoadedRound, name: str, loaded: LoadedScenario
) -> tuple[Session, int]:
    """A fresh session with the round's seed, and its conversation recorded in the gradebook."""
    from simulator.engine.session import Session
    from simulator.engine.transcript import scenario_sha256
    from simulator.errors import RoundError
    from simulator.rounds.round_file import seed_for

    rules = loaded_round.round
    existing = book.find_conversation(rules.id, name, loaded.scenario.id)
    if existing is not None and not existing.is_finished:
        raise RoundError(
            f"{name} has an unfinished conversation on {loaded.scenario.id} in round {rules.id}; "
            "add --resume to continue it"
        )
    if existing is not None:
        raise RoundError(
            f"{name} has already practised {loaded.scenario.id} in round {rules.id}; "
            "a round records one conversation per scenario"
        )
    session = Session(loaded.scenario, seed=seed_for(rules, name, loaded.scenario.id))
    conversation_id = book.start_conversation(
        round_id=rules.id,
        trainee=name,
        scenario_id=loaded.scenario.id,
        scenario_source=loaded.source,
        scenario_sha256=scenario_sha256(loaded.text),
        seed=session.seed,
        turn_limit=loaded.scenario.turn_limit,
    )
    return session, conversation_id


def resumed_session(
    book: Gradebook, loaded_round: LoadedRound, name: str, loaded: LoadedScenario
) -> tuple[Session, int]:
    """The trainee's unfinished conversation, replayed from its stored lines with its stored seed."""
    from simulator.engine.transcript import scenario_sha256
    from simulator.errors import RoundError
    from simulator.trainer.rehearsal import play

    rules = loaded_round.round
    stored = book.find_conversation(rules.id, name, loaded.scenario.id)
    if stored is None:
        raise RoundError(
            f"{name} has no conversation on {loaded.scenario.id} in round {rules.id} to resume; "
            "start one without --resume"
        )
    if stored.is_finished:
        raise RoundError(
            f"{name}'s conversation on {loaded.scenario.id} in round {rules.id} has ended; nothing to resume"
        )
    if stored.scenario_sha256 != scenario_sha256(loaded.text):
        warn(
            f"scenario {loaded.scenario.id!r} has changed since this conversation started; replaying on the new one"
        )
    scenario = loaded.scenario
    if scenario.turn_limit != stored.turn_limit:
        scenario = scenario.model_copy(update={"turn_limit": stored.turn_limit})
    return play(scenario, stored.lines, stored.seed), stored.id


def hold_round_conversation(
    book: Gradebook,
    loaded_round: LoadedRound,
    name: str,
    loaded: LoadedScenario,
    session: Session,
    conversation_id: int,
    writer: TranscriptWriter,
    no_meter: bool,
) -> PracticeRun:
    """Run the conversation under the round's rules, writing the transcript and the gradebook turn by turn."""
    from simulator.rounds.gradebook import GradebookRecorder
    from simulator.shell.practice import hold, start_practice

    rules = loaded_round.round
    run = start_practice(
        loaded,
        session,
        writer,
        header_extra={"round": rules.id, "trainee": name, "turn_limit": session.scenario.turn_limit},
        allow_undo=rules.undo,
        allow_hints=rules.hints,
        sink=GradebookRecorder(book, conversation_id),
    )
    for line in hold(run, show_meter=rules.meter and not no_meter, echo=click.echo):
        click.echo(line)
    return run


def exit_if_ungraded(warnings: Sequence[str]) -> None:
    """Exit with status 1 once the rest is shown when a conversation could not be re-simulated."""
    if warnings:
        sys.exit(1)


def graded_record(conversation: GradedConversation) -> dict[str, Any]:
    """One graded conversation as `coach grade --json` prints it."""
    card = conversation.card.as_dict()
    return {
        "trainee": conversation.trainee,
        "scenario": conversation.scenario_id,
        "overall": conversation.overall,
        "band": conversation.band,
        "passed": conversation.passed,
        "turns": conversation.turns,
        "pea": conversation.pea,
        "nea": conversation.nea,
        "reached_open": conversation.reached_open,
        "shutdowns": conversation.shutdowns,
        "finished": conversation.finished,
        "scenario_changed": conversation.scenario_changed,
        "measures": {
            measure["key"]: None if measure["score"] is None else round(measure["score"], 3)
            for measure in card["measures"]
        },
    }


def review_record(reviews: dict[ReviewKey, Review], conversation: GradedConversation) -> dict[str, Any]:
    """A conversation's review as `coach grade --json` prints it: comments written, released, held back."""
    from scoring.review import NO_REVIEW

    return review_record_of(reviews.get((conversation.trainee, conversation.scenario_id), NO_REVIEW))


def review_record_of(review: Review) -> dict[str, Any]:
    """A review as `coach grade --json` prints it: comments written, released, held back."""
    return {"comments": len(review.comments), "released": review.released, "held": review.held}


PROGRESS_FROM = 64
"""`coach grade` and `coach report` show a progress bar on a terminal for rounds of this many conversations."""


def release_reviewed(book: Gradebook, round_id: str, gated: bool, *, to_stderr: bool) -> str:
    """Release every finished conversation the trainer has commented on; what happened, as text."""
    from simulator.rounds.review import plan_release
    from simulator.text import strip_control

    plan = plan_release(book.conversations(round_id), book.reviews(round_id))
    book.release([conversation.id for conversation in plan.ready])

    def named(conversations: Sequence[Any]) -> str:
        return ", ".join(f"{strip_control(c.trainee)} on {c.scenario_id}" for c in conversations)

    lines = [f"Released {len(plan.ready)} grade(s)" + (f": {named(plan.ready)}" if plan.ready else "")]
    if plan.not_reviewed:
        lines.append(f"Not reviewed yet (no comment): {named(plan.not_reviewed)}")
    if plan.unfinished:
        lines.append(f"Unfinished, not released: {named(plan.unfinished)}")
    if plan.already_released:
        lines.append(f"Released before: {len(plan.already_released)}")
    if not gated:
        lines.append("This round does not hold grades for review (review: false): trainees see them already")
    text = "\n".join(lines)
    if to_stderr:  # standard output carries the JSON
        click.echo(text, err=True)
        return ""
    return text + "\n"


def change_line(change: RegradeChange) -> str:
    """One trainee's regrade as a line of text."""
    from simulator.text import strip_control

    before, after = change.before, change.after
    head = f"{strip_control(change.trainee)} on {change.scenario_id}: "
    if not change.is_changed:
        return head + f"unchanged ({before.overall:.1f} {before.band})"
    ratings = "; ".join(f"{label} {old} -> {new}" for label, old, new in change.rating_changes)
    return (
        head
        + f"{before.overall:.1f} {before.band} {'pass' if before.passed else 'fail'} -> "
        + f"{after.overall:.1f} {after.band} {'pass' if after.passed else 'fail'} ({change.overall_delta:+.1f})"
        + (f"; {ratings}" if ratings else "")
    )


@click.command()
@round_id_option
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for the round.")
@click.option(
    "--rubric",
    "rubric_file",
    type=click.Path(path_type=Path, readable=False),
    default=None,
    help="Also grade under this rubric file and show what changes, trainee by trainee.",
)
@click.option(
    "--release",
    is_flag=True,
    help="Release the grades of finished conversations you have commented on (coach review) to their trainees.",
)
@pseudonymise_option
@reports_errors
def grade(
    round_id: str, db: str | None, as_json: bool, rubric_file: Path | None, release: bool, pseudonymise: bool
) -> None:
    """Recompute every grade of a round by re-simulating the stored trainee lines.

    Stored states and scores are never trusted. Conversations whose scenario has changed
    since they were practised are flagged. With --release, reviewed conversations' grades
    are released: in a round with `review: true`, coach feedback shows a grade only then.
    """
    from scoring.cohort import RegradeChange
    from scoring.round_report import render_table_cells, table_cells
    from simulator.rounds.gradebook import Gradebook
    from simulator.rounds.grading import stored_round
    from simulator.rounds.round_file import load_rubric
    from simulator.shell.progress import Progress
    from simulator.shell.round_batches import RoundJob, graded_round
    from simulator.text import strip_control

    rubric = load_rubric(rubric_file) if rubric_file is not None else None
    rows: list[tuple[str, ...]] = []
    changes: list[str] = []
    moved = 0
    ungraded = False
    with Gradebook.open(gradebook_url(db), read_only=not release) as book:
        round_, title = stored_round(book, round_id)
        released = release_reviewed(book, round_id, round_.review, to_stderr=as_json) if release else ""
        secret = book.pseudonym_secret() if pseudonymise else None
        job = RoundJob(round_.pass_mark, round_.min_turns, rubric, secret)
        if as_json:  # one object for the round, its conversations streamed as they are graded
            click.echo(
                f'{{"round": {json.dumps(round_.id)}, "pass_mark": {json.dumps(round_.pass_mark)}, "conversations": [',
                nl=False,
            )
        with Progress("grading", shown_from=PROGRESS_FROM) as progress:
            for _, item, review in graded_round(book, round_, job, progress):
                progress.clear()
                if isinstance(item, str):
                    warn(item)
                    ungraded = True
                    continue
                conversation = item.graded
                if conversation.scenario_changed:
                    warn(
                        f"{conversation.trainee} on {conversation.scenario_id}: scenario changed since practised"
                    )
                change = RegradeChange(conversation, item.regraded) if item.regraded is not None else None
                if as_json:
                    record = {**graded_record(conversation), "review": review_record_of(review)}
                    if change is not None:
                        after = graded_record(change.after)
                        record["regraded"] = {
                            **{key: after[key] for key in ("overall", "band", "passed", "measures")},
                            "changed": change.is_changed,
                        }
                    click.echo((", " if rows else "") + json.dumps(record), nl=False)
                rows.append(() if as_json else table_cells(conversation))
                if change is not None:
                    moved += change.is_changed
                    changes.append("  " + change_line(change))
    if as_json:
        click.echo("]}")
        exit_if_ungraded([""] if ungraded else [])
        return
    click.echo(
        f"Round {round_.id}: {strip_control(title)} (pass mark {round_.pass_mark:g}), {len(rows)} conversation(s)"
    )
    if rows:
        say(render_table_cells(rows))
    if released:
        click.echo(released, nl=False)
    if rubric is not None:
        click.echo(f"\nUnder {rubric_file}: {moved} of {len(changes)} grade(s) change")
        for line in changes:
            click.echo(line)
    exit_if_ungraded([""] if ungraded else [])


@click.command()
@round_id_option
@db_option
@click.option(
    "--html",
    "html_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the HTML report here.",
)
@click.option(
    "--csv",
    "csv_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write a CSV here.",
)
@pseudonymise_option
@reports_errors
def report(
    round_id: str, db: str | None, html_out: Path | None, csv_out: Path | None, pseudonymise: bool
) -> None:
    """The round's report: who stayed compassion-led, the cohort's averages and its weakest measure.

    Prints a table (trainee, overall, band, PEA:NEA, reached open, shutdowns, turns,
    pass/fail); --html writes a self-contained page with every trainee's openness chart
    and per-turn feedback, --csv one row per conversation.
    """
    from simulator.rounds.gradebook import Gradebook
    from simulator.rounds.grading import stored_round
    from simulator.shell.progress import Progress
    from simulator.shell.round_batches import RoundJob, graded_round
    from simulator.shell.round_report_files import RoundReportFiles
    from simulator.text import strip_control

    with Gradebook.open(gradebook_url(db), read_only=True) as book:
        round_, title = stored_round(book, round_id)
        secret = book.pseudonym_secret() if pseudonymise else None
        job = RoundJob(round_.pass_mark, round_.min_turns, secret=secret, sections=html_out is not None)
        files = RoundReportFiles(title, round_.pass_mark, html_out, csv_out)
        try:
            with Progress("grading", shown_from=PROGRESS_FROM) as progress:
                for _, item, review in graded_round(book, round_, job, progress):
                    progress.clear()
                    if isinstance(item, str):
                        warn(item)
                        files.ungraded = True
                        continue
                    files.add(item, review)
            files.finish()
        except BaseException:
            files.discard()
            raise
    click.echo(f"Round {round_.id}: {strip_control(title)}")
    if files.rows:
        say(files.table() + "\n")
    say(files.summary_text())
    review_text = files.review_text()
    if review_text:
        say("\n" + review_text)
    if html_out is not None:
        click.echo(f"HTML report: {html_out} (each trainee's page in {files.pages_folder}/)")
    if csv_out is not None:
        click.echo(f"CSV: {csv_out}")
    exit_if_ungraded([""] if files.ungraded else [])


@click.command()
@round_id_option
@click.option("--trainee", required=True, help="The trainee's name as recorded.")
@db_option
@click.option(
    "--html",
    "html_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the feedback as a self-contained HTML page.",
)
@pseudonymise_option
@reports_errors
def feedback(round_id: str, trainee: str, db: str | None, html_out: Path | None, pseudonymise: bool) -> None:
    """A trainee's scorecard and per-turn feedback for a round, with the trainer's comments, to hand to them.

    In a round with `review: true`, a conversation's grade shows only once the trainer has
    released it (coach grade --release); until then the feedback says it awaits review.
    """
    from scoring.round_report import render_feedback_html, render_feedback_text
    from simulator.errors import RoundError
    from simulator.rounds.gradebook import Gradebook
    from simulator.rounds.grading import grade_round
    from simulator.rounds.round_file import trainee_name

    name = trainee_name(trainee)
    with Gradebook.open(gradebook_url(db), read_only=True) as book:
        grades = grade_round(book, round_id, trainee=name)
        reviews, secret = gather_reviews(book, round_id, grades.round.review, pseudonymise, name)
    for message in grades.warnings:
        warn(message)
    if not grades.graded:
        raise RoundError(f"no conversations by {name} in round {round_id}")
    graded, reviews = shown_grades(grades.graded, reviews, secret)
    say(render_feedback_text(graded, reviews))
    if html_out is not None:
        shown_name = graded[0].trainee
        write_output(html_out, render_feedback_html(grades.title, shown_name, graded, reviews))
        click.echo(f"HTML feedback: {html_out}")
    exit_if_ungraded(grades.warnings)


@click.group(name="round")
def round_group() -> None:
    """A trainer's hold on a round's rules: the round file the gradebook keeps under its id."""


@round_group.command(name="update")
@click.argument("round_file", type=click.Path(path_type=Path, readable=False))
@db_option
@reports_errors
def update_round(round_file: Path, db: str | None) -> None:
    """Store ROUND_FILE in the gradebook under its id, replacing the round file kept there.

    The first round file practised under an id is kept, and a trainee's copy with other rules
    (a lower pass mark, hints on) is refused: this is how a trainer stores a round before the
    cohort starts, or changes its rules later. Conversations already recorded keep their seed
    and turn limit; grading uses the new pass mark.
    """
    from simulator.rounds.gradebook import Gradebook
    from simulator.rounds.round_file import load_round, round_scenarios

    loaded = load_round(round_file)
    round_scenarios(loaded)  # every scenario must load before the cohort is sent to it
    with Gradebook.open(gradebook_url(db)) as book:
        changed = book.replace_round(loaded.round.id, loaded.round.title, loaded.text)
    state = "stored" if changed else "unchanged: the gradebook already holds this round file"
    click.echo(f"Round {loaded.round.id}: {state}")


ROUND_COMMANDS = [grade, report, feedback, round_group]
"""The commands `simulator.shell.cli` registers from this module."""
