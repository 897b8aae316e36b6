"""The `coach` command line: a thin shell over the library.

Each command gathers its inputs, makes one call into the core and prints the result.
Errors from the core arrive as `CoachError` and leave as one line on standard error with
exit status 1; usage errors exit 2 (click's convention). Heavy modules (pydantic models,
prompt-toolkit) are imported inside the commands that need them, so `coach --help` starts fast.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from simulator import __version__

if TYPE_CHECKING:
    from simulator.conversation import Conversation
    from simulator.scenario import Phrases, Scenario
    from simulator.transcript import TranscriptWriter

F = TypeVar("F", bound=Callable[..., Any])

TRANSCRIPTS_ENV = "COACH_TRANSCRIPTS"


def reports_errors(command: F) -> F:
    """Turn the core's errors into one line on standard error and exit status 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from simulator.errors import CoachError

        try:
            return command(*args, **kwargs)
        except CoachError as error:
            click.echo(f"coach: error: {error}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def now() -> str:
    """The current time in UTC, as transcripts record it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_transcript_path(scenario_id: str) -> Path:
    """Where a transcript goes when no --transcript is given (see the README)."""
    folder = os.environ.get(TRANSCRIPTS_ENV)
    if folder:
        base = Path(folder)
    else:
        data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        base = Path(data_home) / "compassion-coach" / "transcripts"
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return base / f"{scenario_id}-{stamp}-{secrets.token_hex(3)}.jsonl"


def open_transcript(path: Path) -> TranscriptWriter:
    """A writer on a new transcript file; an existing file is never overwritten."""
    from simulator.transcript import TranscriptError, TranscriptWriter

    try:
        return TranscriptWriter.create(path)
    except FileExistsError:
        raise TranscriptError(f"{path}: already exists; choose another --transcript path") from None
    except OSError as error:
        raise TranscriptError(f"{path}: cannot write ({error.strerror})") from None


def run_front_end(conversation: Conversation, show_meter: bool) -> str:
    """Run the practice app on a terminal, the piped mode otherwise; return why the conversation ended."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        from simulator.tui import run_interactive

        return run_interactive(conversation, show_meter=show_meter)
    from simulator.piped import run_piped

    return run_piped(conversation, sys.stdin, click.echo, show_meter=show_meter)


def cached_difficulty(scenario: Scenario, scenario_text: str) -> str:
    """A scenario's difficulty, remembered on disk for its text and this engine's code (it takes a search)."""
    import hashlib

    import simulator.explore
    from simulator.cache import code_fingerprint, remembered

    engine = code_fingerprint()
    key = hashlib.sha256(f"{engine}\n{scenario_text}".encode()).hexdigest()
    return remembered("difficulty", key, lambda: simulator.explore.difficulty(scenario))


def load_phrases(path: Path) -> Phrases:
    """A phrases file (the shape of a scenario's `phrases:` key), or `ScenarioError` with located problems."""
    from simulator.scenario import Phrases
    from simulator.scenario_file import ScenarioError, model_problems, read_scenario_text

    parsed, problems, _ = model_problems(read_scenario_text(path), Phrases, "phrases file")
    if parsed is None:
        raise ScenarioError(str(path), problems)
    return parsed


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coach")
def main() -> None:
    """Practise compassion-led coaching against a scripted virtual coachee.

    Start with `coach practice` for a conversation on the default scenario,
    or `coach scenarios` to see the others.
    """


@main.command()
@click.argument("scenario", required=False)
@click.option(
    "--seed", type=int, default=None, help="Seed for the coachee's choice of replies (default: random)."
)
@click.option(
    "--transcript",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"Where to save the transcript (default: a new file under ${TRANSCRIPTS_ENV} "
    "or ~/.local/share/compassion-coach/transcripts).",
)
@click.option("--no-meter", is_flag=True, help="Hide the openness meter and the coachee's state.")
@click.option(
    "--round",
    "round_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Practise under a round file's rules and record the conversation in the gradebook.",
)
@click.option("--trainee", default=None, help="Your name as the round's gradebook records it (with --round).")
@click.option(
    "--db",
    default=None,
    help="Gradebook database URL (with --round; default: $COACH_DB or "
    "~/.local/share/compassion-coach/gradebook.sqlite).",
)
@click.option(
    "--resume", is_flag=True, help="Continue your unfinished conversation on this scenario (with --round)."
)
@reports_errors
def practice(
    scenario: str | None,
    seed: int | None,
    transcript: Path | None,
    no_meter: bool,
    round_file: Path | None,
    trainee: str | None,
    db: str | None,
    resume: bool,
) -> None:
    """Hold a coaching conversation with a virtual coachee.

    SCENARIO is a bundled scenario id (see `coach scenarios`) or a path to a YAML file;
    without it, the default scenario. On a terminal this opens the interactive app;
    otherwise it reads one trainee line per input line and prints each reply.
    With --round and --trainee, the round's rules apply and every turn is recorded in the gradebook.
    """
    if round_file is not None or trainee is not None or db is not None or resume:
        from simulator.cli_round import practise_in_round

        practise_in_round(scenario, round_file, trainee, db, resume, seed, transcript, no_meter)
        return
    from simulator import catalogue
    from simulator.conversation import Conversation
    from simulator.session import Session
    from simulator.transcript import header_record

    loaded = catalogue.load(scenario)
    session = Session(loaded.scenario, seed=secrets.randbelow(1_000_000) if seed is None else seed)
    path = transcript or default_transcript_path(loaded.scenario.id)
    writer = open_transcript(path)
    writer.write(header_record(session, loaded.text, now(), loaded.source))
    conversation = Conversation(session, writer)
    reason = run_front_end(conversation, show_meter=not no_meter)
    conversation.finish(reason, now())
    from simulator.render import closing_report

    for line in closing_report(session):
        click.echo(line)
    click.echo(f"Transcript saved: {path}")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of objects instead of a table.")
@reports_errors
def scenarios(as_json: bool) -> None:
    """List the bundled scenarios."""
    from simulator import catalogue

    rows = [
        {
            "id": loaded.scenario.id,
            "title": loaded.scenario.title,
            "persona": f"{loaded.scenario.coachee.name}, {loaded.scenario.coachee.role}",
            "starting_state": loaded.scenario.coachee.starting_state.value,
            "difficulty": cached_difficulty(loaded.scenario, loaded.text),
            "default": loaded.scenario.id == catalogue.DEFAULT_SCENARIO,
        }
        for loaded in catalogue.load_bundled()
    ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max(len(str(row["id"])) for row in rows)
    rated = max(len(str(row["difficulty"])) for row in rows)
    for row in rows:
        marker = " (default)" if row["default"] else ""
        click.echo(
            f"{row['id']:<{width}}  {row['difficulty']:<{rated}}  {row['title']}{marker}\n"
            f"{'':<{width}}  {'':<{rated}}  {row['persona']}"
        )


@main.command()
@click.argument("texts", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per line.")
@click.option("--explain", is_flag=True, help="Show the cues that decided each reading.")
@click.option("--after-vision", is_flag=True, help="Read the lines as coming after the coachee's vision.")
@click.option(
    "--phrases",
    "phrases_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A YAML file of organisation-specific phrases (the keys of a scenario's `phrases:`).",
)
@reports_errors
def classify(
    texts: tuple[str, ...], as_json: bool, explain: bool, after_vision: bool, phrases_file: Path | None
) -> None:
    """Read trainee lines as moves: form, focus and attractor.

    TEXTS are read one per argument; without any, one per line from standard input.
    """
    from simulator.moves import classify as read_move
    from simulator.text import strip_control
    from simulator.vocabulary import Context

    phrases = load_phrases(phrases_file).as_lists() if phrases_file is not None else None
    context = Context(vision_established=after_vision, phrases=phrases)
    lines = texts or (line.rstrip("\n") for line in sys.stdin)
    out = sys.stdout
    for text in lines:
        move = read_move(text, context)
        if as_json:
            record = {"text": text, **move.as_dict(), "cues": list(move.cues)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        out.write(f"{move.form.value}\t{move.focus.value}\t{move.attractor.value}\t{strip_control(text)}\n")
        if explain:
            for cue in move.cues:
                out.write(f"    - {strip_control(cue)}\n")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per file, one per line.")
@click.option(
    "--html",
    "html_out",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the scorecard as a self-contained HTML page (a folder of pages when scoring several files).",
)
@click.option("--detail", is_flag=True, help="Show per-turn feedback in the text output.")
def score(files: tuple[Path, ...], as_json: bool, html_out: Path | None, detail: bool) -> None:
    """Score transcripts: how compassion-led was each conversation, and why.

    FILES are the simulator's own transcripts (re-simulated from the trainee's lines;
    stored scores are never trusted) or external transcripts of two people: .jsonl with
    {"speaker", "text"} per line, or .txt with "Speaker: text" lines.
    """
    from scoring.html_report import render_html
    from scoring.text_report import render_text
    from simulator.errors import CoachError
    from simulator.scoring_files import json_summary, score_files

    failed = False
    for path, scored in score_files(list(files)):
        if isinstance(scored, CoachError):
            click.echo(f"coach: error: {scored}", err=True)
            failed = True
            continue
        for warning in scored.warnings:
            click.echo(f"coach: warning: {path}: {warning}", err=True)
        if as_json:
            click.echo(json.dumps(json_summary(scored), ensure_ascii=False))
        else:
            click.echo(f"== {path} ({scored.kind}: {scored.title})")
            click.echo(render_text(scored.card, detail=detail))
        if html_out is not None:
            target = html_out / f"{path.stem}.html" if len(files) > 1 else html_out
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render_html(scored.card, f"Scorecard: {scored.title}"), encoding="utf-8")
    if failed:
        sys.exit(1)


# The trainer's commands live in their own module; registered last, as they use this one's helpers.
from simulator.cli_trainer import TRAINER_COMMANDS  # noqa: E402

for _command in TRAINER_COMMANDS:
    main.add_command(_command)

# The round commands (grade, report, feedback) likewise live in their own module.
from simulator.cli_round import ROUND_COMMANDS  # noqa: E402

for _command in ROUND_COMMANDS:
    main.add_command(_command)
