"""The `coach` command line: a thin shell over the library.

Each command gathers its inputs, makes one call into the core and prints the result.
Errors from the core arrive as `CoachError` and leave as one line on standard error with
exit status 1; usage errors exit 2 (click's convention). Heavy modules (pydantic models,
prompt-toolkit) are imported inside the commands that need them, so `coach --help` starts fast.

The trainers' commands live in their own modules (`COMMAND_MODULES`); `coach --help` lists
them from `COMMAND_INDEX` without importing those modules, and a command's module is imported
when the command is run or its own help is asked for. `tests/shell/test_startup.py` keeps the
index true to the commands.
"""

from __future__ import annotations

import os
import sys
from collections.abc import ItemsView, Iterator, KeysView, ValuesView
from typing import TYPE_CHECKING, Any

import click

from simulator.shell.console import error_line, lenient, reports_errors, say, say_json, warn
from simulator.shell.environment import TRANSCRIPTS_ENV
from simulator.version import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from simulator.scenario.model import Phrases, Scenario
    from simulator.shell.practice import PracticeRun


class PathType(click.ParamType):  # type: ignore[type-arg]  # not subscripted: pyproject allows click 8.1
    """A path option or argument, given to the command as a `pathlib.Path`.

    `click.Path` without the checks these commands do themselves. Its constructor looks for
    translation files (four file checks per option under an English locale), which `coach --help`
    would pay for every option here. pathlib, and the urllib and ipaddress it loads, is imported
    only when a command gets a path.
    """

    def __init__(self, dir_okay: bool = True) -> None:
        self.dir_okay = dir_okay
        self.name = "path" if dir_okay else "file"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        from pathlib import Path

        path = value if isinstance(value, Path) else Path(value)
        if not self.dir_okay and path.is_dir():
            self.fail(f"File {str(value)!r} is a directory.", param, ctx)
        return path


def cached_difficulty(scenario: Scenario, scenario_text: str) -> str:
    """A scenario's difficulty, remembered on disk for its text and this engine's code (it takes a search)."""
    import hashlib

    import simulator.trainer.explore
    from simulator.shell.cache import code_fingerprint, remembered

    engine = code_fingerprint()
    key = hashlib.sha256(f"{engine}\n{scenario_text}".encode()).hexdigest()
    return remembered("difficulty", key, lambda: simulator.trainer.explore.difficulty(scenario))


def load_phrases(path: Path) -> Phrases:
    """A phrases file (the shape of a scenario's `phrases:` key), or `ScenarioError` with located problems."""
    from simulator.errors import ScenarioError
    from simulator.scenario.loading import model_problems, read_scenario_text
    from simulator.scenario.model import Phrases

    parsed, problems, _ = model_problems(read_scenario_text(path), Phrases, "phrases file")
    if parsed is None:
        raise ScenarioError(str(path), problems)
    return parsed


COMMAND_MODULES = {
    "simulator.shell.trainer_commands": "TRAINER_COMMANDS",
    "simulator.shell.round_commands": "ROUND_COMMANDS",
    "simulator.shell.record_commands": "RECORD_COMMANDS",
}
"""The modules of the commands not defined here, each with the name of its list of commands."""

COMMAND_INDEX = {
    "validate": (
        "simulator.shell.trainer_commands",
        "Check scenario files and report every problem at once.",
    ),
    "schema": (
        "simulator.shell.trainer_commands",
        "Print the scenario JSON Schema, generated from the models the loader validates with.",
    ),
    "new": (
        "simulator.shell.trainer_commands",
        "Write a commented starter scenario that validates and passes its own tests.",
    ),
    "test": (
        "simulator.shell.trainer_commands",
        "Replay scenarios' test conversations and print each as PASS or FAIL.",
    ),
    "graph": (
        "simulator.shell.trainer_commands",
        "Draw the coachee's states: a Mermaid diagram, or a picture with --html or --svg.",
    ),
    "explore": (
        "simulator.shell.trainer_commands",
        "Search move sequences against the coachee and rate the scenario's difficulty.",
    ),
    "grade": (
        "simulator.shell.round_commands",
        "Recompute every grade of a round by re-simulating the stored trainee lines.",
    ),
    "report": (
        "simulator.shell.round_commands",
        "The round's report: who stayed compassion-led, the cohort's averages and its weakest measure.",
    ),
    "feedback": (
        "simulator.shell.round_commands",
        "A trainee's scorecard and per-turn feedback for a round, with the trainer's comments, to hand to them.",
    ),
    "round": (
        "simulator.shell.round_commands",
        "A trainer's hold on a round's rules: the round file the gradebook keeps under its id.",
    ),
    "export": (
        "simulator.shell.record_commands",
        "Export a round for a learning platform (xAPI) or for a trainee who asks for their data (JSON).",
    ),
    "forget": (
        "simulator.shell.record_commands",
        "Erase a trainee's conversations in a round from the gradebook: their lines, times and the trainer's comments.",
    ),
    "review": (
        "simulator.shell.record_commands",
        "Pin a trainer's comment to a turn of a trainee's conversation (or to the whole conversation).",
    ),
}
"""Each command of `COMMAND_MODULES`: its module and the first sentence of its help, as `coach --help` lists it."""


class IndexedCommands(dict[str, click.Command]):
    """A group's commands; an indexed one is imported when it is looked up, all of them when all are read.

    Looking up a name the index does not know searches every module of `COMMAND_MODULES`, so
    a command added there runs before the index lists it.
    """

    def __init__(self, commands: dict[str, click.Command]) -> None:
        super().__init__(commands)
        self.modules_loaded: set[str] = set()

    def load(self, module_name: str) -> None:
        """Add every command of one of `COMMAND_MODULES`."""
        if module_name in self.modules_loaded:
            return
        import importlib

        self.modules_loaded.add(module_name)
        for command in getattr(importlib.import_module(module_name), COMMAND_MODULES[module_name]):
            dict.__setitem__(self, command.name or "", command)

    def load_all(self) -> None:
        """Add the commands of every module."""
        for module_name in COMMAND_MODULES:
            self.load(module_name)

    def loaded(self) -> dict[str, click.Command]:
        """The commands imported so far (importing nothing more)."""
        return dict(dict.items(self))

    def __missing__(self, name: str) -> click.Command:
        if name in COMMAND_INDEX:
            self.load(COMMAND_INDEX[name][0])
        else:
            self.load_all()
        if dict.__contains__(self, name):
            return dict.__getitem__(self, name)
        raise KeyError(name)

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default

    def __contains__(self, name: object) -> bool:
        return dict.__contains__(self, name) or name in COMMAND_INDEX

    def __iter__(self) -> Iterator[str]:
        self.load_all()
        return super().__iter__()

    def __len__(self) -> int:
        self.load_all()
        return super().__len__()

    def keys(self) -> KeysView[str]:  # type: ignore[override]
        self.load_all()
        return super().keys()

    def values(self) -> ValuesView[click.Command]:  # type: ignore[override]
        self.load_all()
        return super().values()

    def items(self) -> ItemsView[str, click.Command]:  # type: ignore[override]
        self.load_all()
        return super().items()


def _columns() -> int:
    """The terminal's width as `shutil.get_terminal_size` finds it (COLUMNS, then the terminal, then
    80), without importing shutil: with the compression modules it loads, that is a twentieth of
    `coach --help`."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 80
    return columns or 80


class HelpContext(click.Context):
    """A click context whose help is laid out as click lays it out, measured by `_columns`."""

    def make_formatter(self) -> click.HelpFormatter:
        width = self.terminal_width or click.formatting.FORCED_WIDTH
        if width is None:
            width = max(min(_columns(), self.max_content_width or 80) - 2, 50)
        return self.formatter_class(width=width, max_width=self.max_content_width)


class IndexedGroup(click.Group):
    """The `coach` group: commands from `COMMAND_INDEX` are listed from it and imported only when used."""

    context_class = HelpContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands: IndexedCommands = IndexedCommands(self.commands)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands.loaded(), *COMMAND_INDEX})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Laid out by click as always, from stand-ins that carry each unloaded command's help.
        stand_ins = {name: click.Command(name, help=text) for name, (_, text) in COMMAND_INDEX.items()}
        listing = click.Group(self.name, commands={**stand_ins, **self.commands.loaded()})
        listing.format_commands(ctx, formatter)


@click.group(cls=IndexedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="coach")
def main() -> None:
    """Practise compassion-led coaching against a scripted virtual coachee.

    Start with `coach practice` for a conversation on the default scenario,
    or `coach scenarios` to see the others.
    """
    for stream in (sys.stdout, sys.stderr):
        lenient(stream)


@main.command()
@click.argument("scenario", required=False)
@click.option(
    "--seed", type=int, default=None, help="Seed for the coachee's choice of replies (default: random)."
)
@click.option(
    "--transcript",
    type=PathType(dir_okay=False),
    default=None,
    help=f"Where to save the transcript (default: a new file under ${TRANSCRIPTS_ENV} "
    "or ~/.local/share/compassion-coach/transcripts).",
)
@click.option("--no-meter", is_flag=True, help="Hide the openness meter and the coachee's state.")
@click.option(
    "--round",
    "round_file",
    type=PathType(),
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
        from simulator.shell.round_commands import practise_in_round

        practise_in_round(scenario, round_file, trainee, db, resume, seed, transcript, no_meter)
        return
    from simulator.shell.practice import hold, prepare_practice

    # The first screen shows before the engine has loaded; the rest is made ready while it is read.
    pending, path = prepare_practice(scenario, seed, transcript)
    for line in hold(pending, show_meter=not no_meter, echo=click.echo):
        click.echo(line)
    finish_practice(pending.result(), path)


def finish_practice(run: PracticeRun, path: Path) -> None:
    """Say where the transcript is; when a line could not be saved, say so as an error (exit status 1)."""
    from simulator.shell.practice import check_saved
    from simulator.text import strip_control

    click.echo(f"Transcript saved: {strip_control(str(path))}")
    check_saved(run)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of objects instead of a table.")
@reports_errors
def scenarios(as_json: bool) -> None:
    """List the bundled scenarios."""
    from simulator.scenario import catalogue

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
        say_json(rows, indent=2)
        return
    width = max(len(str(row["id"])) for row in rows)
    rated = max(len(str(row["difficulty"])) for row in rows)
    for row in rows:
        marker = " (default)" if row["default"] else ""
        say(
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
    type=PathType(),
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
    from simulator.shell.classifying import classify_lines
    from simulator.vocabulary import Context

    phrases = load_phrases(phrases_file).as_lists() if phrases_file is not None else None
    context = Context(vision_established=after_vision, phrases=phrases)
    lines = texts or (line.rstrip("\n") for line in lenient(sys.stdin))
    classify_lines(lines, context, sys.stdout, as_json=as_json, explain=explain)


@main.command()
@click.argument("files", nargs=-1, required=True, type=PathType())
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per file, one per line.")
@click.option(
    "--html",
    "html_out",
    type=PathType(),
    default=None,
    help="Write the scorecard as a self-contained HTML page (a folder of pages when scoring several files).",
)
@click.option("--detail", is_flag=True, help="Show per-turn feedback in the text output.")
@reports_errors
def score(files: tuple[Path, ...], as_json: bool, html_out: Path | None, detail: bool) -> None:
    """Score transcripts: how compassion-led was each conversation, and why.

    FILES are the simulator's own transcripts (re-simulated from the trainee's lines;
    stored scores are never trusted) or external transcripts of two people: .jsonl with
    {"speaker", "text"} per line, or .txt with "Speaker: text" lines.
    """
    from scoring.html_report import render_html
    from scoring.text_report import render_text
    from simulator.errors import CoachError
    from simulator.shell.outputs import write_output
    from simulator.shell.progress import Progress
    from simulator.shell.scoring_files import PARALLEL_FROM, json_summary, score_files
    from simulator.text import strip_control

    failed = False
    # A bar on a terminal's standard error for a long batch; cleared before each file's lines.
    with Progress("scoring", len(files), shown_from=PARALLEL_FROM) as progress:
        for path, scored in score_files(list(files), progress=progress.advance):
            progress.clear()
            if isinstance(scored, CoachError):
                error_line(scored)
                failed = True
                continue
            for warning in scored.warnings:
                warn(f"{path}: {warning}")
            if as_json:
                say_json(json_summary(scored))
            else:
                click.echo(f"== {strip_control(str(path))} ({scored.kind}: {strip_control(scored.title)})")
                say(render_text(scored.card, detail=detail))
            if html_out is not None:
                target = html_out / f"{path.stem}.html" if len(files) > 1 else html_out
                try:
                    write_output(target, render_html(scored.card, f"Scorecard: {scored.title}"))
                except CoachError as error:
                    error_line(error)
                    failed = True
    if failed:
        sys.exit(1)
