"""The trainee-record commands: export (xAPI and JSON), forget, and review.

Thin like the rest of the command line: each opens the gradebook, makes one call into
`simulator.rounds` (export, review) or the gradebook (forget), and prints what happened.
The network is touched only by `export --lrs`, through `simulator.shell.lrs`.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from simulator.shell.console import reports_errors, warn
from simulator.shell.environment import gradebook_url
from simulator.shell.outputs import write_output
from simulator.shell.round_commands import db_option, exit_if_ungraded, round_id_option

if TYPE_CHECKING:
    from simulator.rounds.export import RoundExport
    from simulator.shell.lrs import PostReport

trainee_option = click.option("--trainee", required=True, help="The trainee's name as recorded.")


def _write_json(path: Path, document: object) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if str(path) == "-":
        click.echo(text, nl=False)
    else:
        write_output(path, text)


def _post_report_lines(report: PostReport, url: str) -> list[str]:
    total = report.sent + report.failed
    retried = f", {report.retries} retried" if report.retries else ""
    return [f"Sent {report.sent} of {total} statement(s) to {url} in {report.requests} request(s){retried}"]


def _export_summary(export: RoundExport, statements: int) -> str:
    trainees = len({item.stored.trainee for item in export.items})
    return (
        f"{statements} statement(s) for {len(export.items)} conversation(s) of {trainees} trainee(s) "
        f"in round {export.round.id}"
    )


@click.command()
@round_id_option
@db_option
@click.option(
    "--xapi",
    "xapi_out",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=None,
    help="Write the round as xAPI 1.0.3 statements, a JSON array ('-' prints it).",
)
@click.option(
    "--lrs",
    "lrs_endpoint",
    default=None,
    help="Send the statements to this learning record store's xAPI endpoint; credentials from "
    "$COACH_LRS_USER and $COACH_LRS_PASSWORD, or $COACH_LRS_AUTH.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=None,
    help="Write the gradebook's record of the round (conversations, times, readings, grades, comments) as JSON.",
)
@click.option("--trainee", default=None, help="Only this trainee's conversations.")
@click.option("--include-lines", is_flag=True, help="Include the trainee's own words (left out by default).")
@click.option(
    "--pseudonymise", is_flag=True, help="Name trainees by pseudonym in --json (xAPI never carries a name)."
)
@click.option(
    "--home-page",
    default=None,
    help="Your learning platform's address: xAPI accounts and activities are placed under it.",
)
@click.option("--batch-size", type=click.IntRange(1, 1000), default=None, help="Statements per request (50).")
@click.option(
    "--retries", type=click.IntRange(0, 10), default=None, help="Tries again per batch on a server error (4)."
)
@reports_errors
def export(
    round_id: str,
    db: str | None,
    xapi_out: Path | None,
    lrs_endpoint: str | None,
    json_out: Path | None,
    trainee: str | None,
    include_lines: bool,
    pseudonymise: bool,
    home_page: str | None,
    batch_size: int | None,
    retries: int | None,
) -> None:
    """Export a round for a learning platform (xAPI) or for a trainee who asks for their data (JSON).

    Each trainee turn becomes a `responded` statement (how the line was read, what it did to
    the coachee's openness) and each finished conversation `completed` and `passed` or
    `failed` with its score. Trainees appear only as pseudonymous accounts; their words only
    with --include-lines.
    """
    from simulator.errors import RoundError
    from simulator.rounds.export import gather_export, record_document
    from simulator.rounds.gradebook import Gradebook
    from simulator.rounds.round_file import trainee_name
    from simulator.rounds.xapi import DEFAULT_HOME_PAGE, XapiOptions, round_statements
    from simulator.shell import lrs

    if xapi_out is None and lrs_endpoint is None and json_out is None:
        raise click.UsageError("say where the export goes: --xapi FILE, --lrs URL or --json FILE")
    to_stdout = "-" in (str(xapi_out), str(json_out))
    if str(xapi_out) == "-" and str(json_out) == "-":
        raise click.UsageError("only one of --xapi and --json can print to standard output")
    store = None
    if lrs_endpoint is not None:  # checked before the round is re-simulated: a wrong setting fails fast
        store = lrs.RecordStore(lrs_endpoint, lrs.lrs_authorization(os.environ))
    options = XapiOptions(
        home_page=_checked_home_page(home_page or DEFAULT_HOME_PAGE), include_lines=include_lines
    )
    name = trainee_name(trainee) if trainee is not None else None
    with Gradebook.open(gradebook_url(db), read_only=True) as book:
        gathered = gather_export(book, round_id, name)
    for message in gathered.warnings:
        warn(message)
    if name is not None and not gathered.items:
        raise RoundError(f"no conversations by {name} in round {round_id}")

    def say(message: str) -> None:
        click.echo(message, err=to_stdout)

    if json_out is not None:
        _write_json(
            json_out, record_document(gathered, include_lines=include_lines, pseudonymise=pseudonymise)
        )
        if str(json_out) != "-":
            say(f"Record of round {round_id} ({len(gathered.items)} conversation(s)): {json_out}")
    failed = False
    if xapi_out is not None or store is not None:
        statements = round_statements([item.exported for item in gathered.items], options)
        if xapi_out is not None:
            _write_json(xapi_out, statements)
            if str(xapi_out) != "-":
                say(f"xAPI: {_export_summary(gathered, len(statements))}: {xapi_out}")
        if gathered.held:
            say(
                f"{len(gathered.held)} finished conversation(s) await review: their completed and passed/failed "
                "statements go out with the first export after coach grade --release"
            )
        if store is not None:
            report = store.post(
                statements,
                batch_size=batch_size or lrs.BATCH_SIZE,
                retries=lrs.RETRIES if retries is None else retries,
            )
            for line in _post_report_lines(report, store.url):
                say(line)
            for failure in report.failures:
                warn(f"statements {failure.first}-{failure.last} not taken: {failure.reason}")
            failed = bool(report.failures)
    exit_if_ungraded(gathered.warnings)
    if failed:
        sys.exit(1)


def _checked_home_page(home_page: str) -> str:
    from urllib.parse import urlsplit

    from simulator.errors import CoachError

    parts = urlsplit(home_page)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CoachError(f"--home-page {home_page!r} is not a web address; give your platform's, https://...")
    return home_page


def existing_gradebook(db: str | None) -> str:
    """The gradebook's URL, refusing a SQLite file that is not there: a review or an erasure never makes one."""
    from simulator.errors import GradebookError
    from simulator.rounds.gradebook import normalised_url

    raw = gradebook_url(db)
    url = normalised_url(raw)
    on_file = url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")
    if on_file and not Path(str(url.database)).is_file():
        raise GradebookError(f"no gradebook at {url.database}; check --db or $COACH_DB")
    return raw


@click.command()
@round_id_option
@trainee_option
@db_option
@click.option("--yes", is_flag=True, help="Erase without asking (for scripts).")
@reports_errors
def forget(round_id: str, trainee: str, db: str | None, yes: bool) -> None:
    """Erase a trainee's conversations in a round from the gradebook: their lines, times and the trainer's comments.

    Asks first on a terminal; elsewhere it needs --yes. What has already left the gradebook
    (transcript files, exports, statements sent to a record store) is not touched.
    """
    from simulator.errors import RoundError
    from simulator.rounds.gradebook import Gradebook
    from simulator.rounds.grading import stored_round
    from simulator.rounds.round_file import trainee_name

    name = trainee_name(trainee)
    with Gradebook.open(existing_gradebook(db)) as book:
        stored_round(book, round_id)  # an unknown round is named, with the rounds there are
        found = book.conversations(round_id, trainee=name)
        if not found:
            raise RoundError(f"no conversations by {name} in round {round_id}; nothing to erase")
        if not yes:
            if not sys.stdin.isatty():
                raise click.UsageError(
                    "coach forget erases for good; add --yes to confirm (no terminal to ask on)"
                )
            scenarios = ", ".join(c.scenario_id for c in found)
            click.confirm(
                f"Erase {name}'s {len(found)} conversation(s) in round {round_id} ({scenarios}) for good?",
                abort=True,
            )
        erased = book.forget(round_id, name)
    click.echo(
        f"Erased {name} from round {round_id}: {erased.conversations} conversation(s) "
        f"({', '.join(erased.scenarios)}), {erased.turns} turn(s), {erased.comments} trainer comment(s)."
    )
    click.echo(
        "Not touched: transcript files on the machines practised on, files exported before, "
        "and statements already sent to a learning record store."
    )


@click.command()
@round_id_option
@trainee_option
@click.option(
    "--scenario", default=None, help="Which conversation, when the trainee has several in the round."
)
@click.option(
    "--turn",
    type=click.IntRange(min=1),
    default=None,
    help="The turn the comment is about (default: the conversation as a whole).",
)
@click.option("--comment", required=True, help="What you want the trainee to read.")
@db_option
@reports_errors
def review(
    round_id: str, trainee: str, scenario: str | None, turn: int | None, comment: str, db: str | None
) -> None:
    """Pin a trainer's comment to a turn of a trainee's conversation (or to the whole conversation).

    `coach report` and `coach feedback` show it at its turn. A commented conversation counts
    as reviewed: in a round with `review: true`, `coach grade --release` then releases its grade.
    """
    from simulator.rounds.gradebook import Gradebook
    from simulator.rounds.grading import stored_round
    from simulator.rounds.review import checked_turn, comment_text, conversation_to_review
    from simulator.rounds.round_file import trainee_name

    name, text = trainee_name(trainee), comment_text(comment)
    with Gradebook.open(existing_gradebook(db)) as book:
        round_, _ = stored_round(book, round_id)
        conversation = conversation_to_review(
            book.conversations(round_id, trainee=name), name, round_id, scenario
        )
        pinned = checked_turn(conversation, turn)
        book.add_comment(conversation.id, pinned, text)
    where = "as a whole" if pinned is None else f"at turn {pinned}"
    click.echo(f"Comment pinned to {name}'s conversation on {conversation.scenario_id} {where}.")
    if round_.review:
        click.echo(f"Release the grade when the review is done: coach grade --round {round_id} --release")


RECORD_COMMANDS = [export, forget, review]
"""The commands `simulator.shell.cli` registers from this module."""
