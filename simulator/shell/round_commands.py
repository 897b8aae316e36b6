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

from simulator.shell.console import reports_errors, warn
from simulator.shell.environment import gradebook_url

if TYPE_CHECKING:
    from scoring.cohort import GradedConversation, RegradeChange
    from simulator.engine.session import Session
    from simulator.engine.transcript import TranscriptWriter
    from simulator.rounds.gradebook import Gradebook
    from simulator.rounds.round_file import LoadedRound
    from simulator.scenario.catalogue import LoadedScenario

DB_HELP = "Gradebook database URL (default: $COACH_DB or ~/.local/share/compassion-coach/gradebook.sqlite)."

round_id_option = click.option(
    "--round", "round_id", required=True, help="The round's id (as in its round file)."
)
db_option = click.option("--db", default=None, help=DB_HELP)


def write_output(path: Path, text: str) -> None:
    """Write a report file, making its folder; a failure is one clear line."""
    from simulator.errors import CoachError

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CoachError(f"{path}: cannot write ({error.strerror})") from None


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
    from simulator.shell.practice import default_transcript_path, open_transcript

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
            writer.close()
            path.unlink(missing_ok=True)
            raise
        hold_round_conversation(book, loaded_round, name, loaded, session, conversation_id, writer, no_meter)
        click.echo(f"Transcript saved: {path}")
        click.echo(f"Recorded in the gradebook: round {loaded_round.round.id}, trainee {name}")


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
) -> None:
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
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also grade under this rubric file and show what changes, trainee by trainee.",
)
@reports_errors
def grade(round_id: str, db: str | None, as_json: bool, rubric_file: Path | None) -> None:
    """Recompute every grade of a round by re-simulating the stored trainee lines.

    Stored states and scores are never trusted. Conversations whose scenario has changed
    since they were practised are flagged.
    """
    from scoring.cohort import regrade_changes
    from scoring.round_report import render_table
    from simulator.rounds.gradebook import Gradebook
    from simulator.rounds.grading import grade_replayed, replay_round, stored_round
    from simulator.rounds.round_file import load_rubric
    from simulator.text import strip_control

    rubric = load_rubric(rubric_file) if rubric_file is not None else None
    with Gradebook.open(gradebook_url(db)) as book:
        round_, title = stored_round(book, round_id)
        replayed, warnings = replay_round(book, round_id)
    graded = grade_replayed(replayed, round_.pass_mark)
    for message in warnings:
        warn(message)
    for conversation in graded:
        if conversation.scenario_changed:
            warn(f"{conversation.trainee} on {conversation.scenario_id}: scenario changed since practised")
    changes = regrade_changes(graded, grade_replayed(replayed, round_.pass_mark, rubric)) if rubric else None
    if as_json:
        records = [graded_record(conversation) for conversation in graded]
        if changes is not None:
            for record, change in zip(records, changes, strict=True):
                after = graded_record(change.after)
                record["regraded"] = {
                    **{key: after[key] for key in ("overall", "band", "passed", "measures")},
                    "changed": change.is_changed,
                }
        click.echo(json.dumps({"round": round_.id, "pass_mark": round_.pass_mark, "conversations": records}))
        exit_if_ungraded(warnings)
        return
    click.echo(
        f"Round {round_.id}: {strip_control(title)} (pass mark {round_.pass_mark:g}), {len(graded)} conversation(s)"
    )
    if graded:
        click.echo(render_table(graded))
    if changes is not None:
        moved = [change for change in changes if change.is_changed]
        click.echo(f"\nUnder {rubric_file}: {len(moved)} of {len(changes)} grade(s) change")
        for change in changes:
            click.echo("  " + change_line(change))
    exit_if_ungraded(warnings)


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
@reports_errors
def report(round_id: str, db: str | None, html_out: Path | None, csv_out: Path | None) -> None:
    """The round's report: who stayed compassion-led, the cohort's averages and its weakest measure.

    Prints a table (trainee, overall, band, PEA:NEA, reached open, shutdowns, turns,
    pass/fail); --html writes a self-contained page with every trainee's openness chart
    and per-turn feedback, --csv one row per conversation.
    """
    from scoring.cohort import summarise
    from scoring.round_report import render_csv, render_round_html, render_summary, render_table
    from simulator.rounds.gradebook import Gradebook
    from simulator.rounds.grading import grade_round
    from simulator.text import strip_control

    with Gradebook.open(gradebook_url(db)) as book:
        grades = grade_round(book, round_id)
    for message in grades.warnings:
        warn(message)
    summary = summarise(grades.graded)
    pass_mark = grades.round.pass_mark
    click.echo(f"Round {grades.round.id}: {strip_control(grades.title)}")
    if grades.graded:
        click.echo(render_table(grades.graded) + "\n")
    click.echo(render_summary(summary, pass_mark))
    if html_out is not None:
        write_output(html_out, render_round_html(grades.title, grades.graded, summary, pass_mark))
        click.echo(f"HTML report: {html_out}")
    if csv_out is not None:
        write_output(csv_out, render_csv(grades.graded))
        click.echo(f"CSV: {csv_out}")
    exit_if_ungraded(grades.warnings)


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
@reports_errors
def feedback(round_id: str, trainee: str, db: str | None, html_out: Path | None) -> None:
    """A trainee's scorecard and per-turn feedback for a round, to hand to them."""
    from scoring.round_report import render_feedback_html, render_feedback_text
    from simulator.errors import RoundError
    from simulator.rounds.gradebook import Gradebook
    from simulator.rounds.grading import grade_round
    from simulator.rounds.round_file import trainee_name

    name = trainee_name(trainee)
    with Gradebook.open(gradebook_url(db)) as book:
        grades = grade_round(book, round_id, trainee=name)
    for message in grades.warnings:
        warn(message)
    if not grades.graded:
        raise RoundError(f"no conversations by {name} in round {round_id}")
    click.echo(render_feedback_text(grades.graded))
    if html_out is not None:
        write_output(html_out, render_feedback_html(grades.title, name, grades.graded))
        click.echo(f"HTML feedback: {html_out}")
    exit_if_ungraded(grades.warnings)


ROUND_COMMANDS = [grade, report, feedback]
"""The commands `simulator.shell.cli` registers from this module."""
