"""The trainer's commands: validate, schema, new, test, graph and explore.

Each command gathers its inputs (files, options), makes one call into the core
(`validation`, `schema`, `starter`, `rehearsal`, `graph`, `explore`) and prints what it
returns. Like the rest of the command line it imports the engine inside the commands, so
`coach --help` stays fast, and reports the core's errors as one line with exit status 1.

A directory given to `validate` or `test` stands for the `*.yaml` and `*.yml` files
directly inside it (not in sub-folders); a directory with none is one located error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from simulator.errors import ScenarioNotFound
from simulator.shell.console import error_line, reports_errors, say, say_json
from simulator.text import strip_control

if TYPE_CHECKING:
    from simulator.errors import Problem

SCENARIO_SUFFIXES = (".yaml", ".yml")


def scenario_files(paths: Iterable[Path]) -> list[tuple[str, str | tuple[Problem, ...]]]:
    """Each scenario file named, or found directly in a named directory, with its text or why not."""
    from simulator.errors import Problem, ScenarioError
    from simulator.files import is_directory, is_regular_file
    from simulator.scenario.loading import read_scenario_text

    found: list[tuple[str, str | tuple[Problem, ...]]] = []
    for path in paths:
        if is_directory(path):
            try:
                inside = sorted(
                    p for p in path.iterdir() if p.suffix in SCENARIO_SUFFIXES and is_regular_file(p)
                )
            except OSError as error:
                found.append((str(path), (Problem(1, 1, f"cannot list the directory: {error.strerror}"),)))
                continue
            if not inside:
                found.append((str(path), (Problem(1, 1, "directory holds no .yaml or .yml files"),)))
            targets = inside
        else:
            targets = [path]
        for target in targets:
            try:
                found.append((str(target), read_scenario_text(target)))
            except ScenarioError as error:
                found.append((str(target), tuple(error.problems)))
    return found


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@reports_errors
def validate(paths: tuple[Path, ...]) -> None:
    """Check scenario files and report every problem at once.

    Each problem is printed as PATH:LINE:COL: error: message (or warning:). Besides the
    schema, it checks story ids, goals and tests against the story, states the coachee can
    never reach, story items that need them, hot buttons that shadow each other, and ids
    used by two files. A directory stands for the .yaml/.yml files directly inside it.
    Exits 1 if any file has an error.
    """
    from simulator.scenario.validation import validate as check

    reports = check(scenario_files(paths))
    warnings = 0
    for report in reports:
        for line in report.lines():
            click.echo(strip_control(line))  # one line each, whatever the path or the file holds
        warnings += sum(problem.severity == "warning" for problem in report.problems)
    if any(report.has_errors for report in reports):
        sys.exit(1)
    files = "file" if len(reports) == 1 else "files"
    click.echo(f"{len(reports)} {files} valid, {warnings} warning{'' if warnings == 1 else 's'}")


@click.command()
def schema() -> None:
    """Print the scenario JSON Schema, generated from the models the loader validates with.

    Save it beside your scenarios (coach schema > scenario.schema.json) and start each
    scenario with `# yaml-language-server: $schema=./scenario.schema.json`: an editor with a
    YAML language server then completes keys and flags mistakes as you type.
    """
    from simulator.scenario.schema import schema_text

    click.echo(schema_text(), nl=False)


@click.command()
@click.argument("scenario_id")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write it (default: ID.yaml here; '-' prints it). An existing file is never overwritten.",
)
@reports_errors
def new(scenario_id: str, output: Path | None) -> None:
    """Write a commented starter scenario that validates and passes its own tests.

    SCENARIO_ID is the new scenario's id: lowercase letters, digits, '-' and '_'.
    """
    from simulator.scenario.starter import starter_scenario
    from simulator.shell.outputs import write_new

    text = starter_scenario(scenario_id)
    if output is not None and str(output) == "-":
        click.echo(text, nl=False)
        return
    path = output or Path(f"{scenario_id}.yaml")
    write_new(path, text)
    shown = strip_control(str(path))
    click.echo(f"Wrote {shown}. Next: coach validate {shown} && coach test {shown}")


@click.command(name="test")
@click.argument("targets", nargs=-1)
@reports_errors
def test_command(targets: tuple[str, ...]) -> None:
    """Replay scenarios' test conversations and print each as PASS or FAIL.

    TARGETS are scenario files, directories of them, or bundled ids; without any, every
    bundled scenario. A failure shows the first expectation it missed. Exits 1 if any test
    fails or any scenario does not load.
    """
    from simulator.errors import ScenarioError
    from simulator.scenario import catalogue
    from simulator.scenario.loading import parse_scenario
    from simulator.scenario.model import Scenario
    from simulator.trainer.rehearsal import rehearse_all

    loaded: list[Scenario] = []
    failed = 0
    paths = [Path(t) for t in targets if catalogue.is_path_like(t) or os.path.lexists(t)]
    for source, content in scenario_files(paths):
        try:
            if not isinstance(content, str):
                raise ScenarioError(source, list(content))
            loaded.append(parse_scenario(content, source))
        except ScenarioError as error:
            for problem in error.problems:
                click.echo(strip_control(problem.render(source)))
            failed += 1
    for name in targets if targets else catalogue.bundled_ids():
        if Path(name) not in paths:
            try:
                loaded.append(catalogue.load(name).scenario)
            except ScenarioNotFound as error:
                error_line(error)
                failed += 1
    passed = 0
    for scenario in loaded:
        results = rehearse_all(scenario)
        if not results:
            click.echo(f"NONE  {scenario.id}: no test conversations")
        for result in results:
            # A test's name and what it missed come from the scenario file: printed one line each.
            if result.passed:
                passed += 1
                click.echo(strip_control(f"PASS  {scenario.id}: {result.name}"))
            else:
                failed += 1
                click.echo(strip_control(f"FAIL  {scenario.id}: {result.name}: {result.misses[0]}"))
    click.echo(f"{passed} passed, {failed} failed")
    if failed:
        sys.exit(1)


@click.command()
@click.argument("scenario")
@click.option(
    "--transcript",
    type=click.Path(path_type=Path, readable=False),
    default=None,
    help="A coach-transcript/1 file practised on this scenario: its path is highlighted.",
)
@click.option(
    "--html",
    "html_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write a self-contained page with the picture (opens offline in any browser).",
)
@click.option(
    "--svg",
    "svg_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the picture alone as an SVG file.",
)
@reports_errors
def graph(scenario: str, transcript: Path | None, html_out: Path | None, svg_out: Path | None) -> None:
    """Draw the coachee's states: a Mermaid diagram, or a picture with --html or --svg.

    SCENARIO is a bundled id or a YAML path. Without --html or --svg, prints Mermaid source
    for any Mermaid viewer (or a ```mermaid block on GitHub). --html and --svg write a
    picture that needs no viewer: the states in their order, how the coachee opens up,
    closes down and shuts down, and every hot button. With --transcript, the states the
    coachee passed through and the transitions taken are highlighted, labelled with their
    turn numbers, and the picture charts the conversation turn by turn.
    """
    from simulator.engine.transcript import read_transcript
    from simulator.scenario import catalogue
    from simulator.shell.outputs import write_output
    from simulator.trainer import picture
    from simulator.trainer.graph import mermaid, path_edges, transcript_turns

    loaded = catalogue.load(scenario).scenario
    turns = []
    if transcript is not None:
        read = read_transcript(transcript)
        turns = transcript_turns(loaded, read.header, read.turns)
    if html_out is None and svg_out is None:
        say(mermaid(loaded, path_edges(turns)), nl=False)
        return
    if html_out is not None:
        write_output(html_out, picture.html(loaded, turns))
        say(f"Picture page: {html_out}")
    if svg_out is not None:
        write_output(svg_out, picture.svg(loaded, turns))
        say(f"Picture: {svg_out}")


@click.command()
@click.argument("scenario")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a report.")
@reports_errors
def explore(scenario: str, as_json: bool) -> None:
    """Search move sequences against the coachee and rate the scenario's difficulty.

    Reports the shortest compassion-led path to energised (no NEA move on it), the states
    no sequence reaches, whether any compliance-only sequence reaches open (it must not),
    the extra turns one NEA slip half-way costs, and the difficulty: easy, moderate, hard,
    or unreachable. Exits 1 if compliance alone reaches open or energised is out of reach.
    """
    from simulator.scenario import catalogue
    from simulator.trainer.explore import explore as search

    loaded = catalogue.load(scenario).scenario
    found = search(loaded)
    report = exploration_record(found, loaded)
    if as_json:
        say_json(report, indent=2)
    else:
        for line in exploration_lines(report):
            say(line)
    if found.shortest_path is None or found.compliance_reaches_open:
        sys.exit(1)


def exploration_record(found: Any, scenario: Any) -> dict[str, Any]:
    """An `Exploration` as plain JSON-ready data, each step also in the coaching model's words."""
    from simulator.trainer.path_words import describe_path

    def steps(path: Any) -> list[dict[str, Any]] | None:
        if path is None:
            return None
        return [
            {
                "move": s.kind,
                "before": s.state_before.value,
                "after": s.state_after.value,
                "reveals": list(s.reveals),
                "says": words.move,
                "model": words.model,
                "example": words.example,
                "tells": list(words.told),
            }
            for s, words in zip(path, describe_path(scenario, path), strict=True)
        ]

    return {
        "scenario": found.scenario_id,
        "difficulty": found.difficulty,
        "shortest_compassion_path": steps(found.shortest_path),
        "unreached_states": [state.value for state in found.unreached],
        "compliance_reaches_open": found.compliance_reaches_open,
        "compliance_path": steps(found.compliance_path),
        "compliance_peak": found.compliance_peak.value,
        "slip_costs": dict(found.slip_costs),
        "topics": {topic: list(bands) for topic, bands in found.topics.items()},
    }


def exploration_lines(report: dict[str, Any]) -> list[str]:
    """The exploration report as lines for a terminal."""
    lines = [f"{report['scenario']}: difficulty {report['difficulty']}"]
    path = report["shortest_compassion_path"]
    if path is None:
        lines.append("No compassion-led sequence reaches energised within the turn limit.")
    else:
        lines.append(f"Shortest compassion-led path to energised: {len(path)} turns")
        for number, step in enumerate(path, start=1):
            lines.extend(_step_lines(number, step))
    unreached = report["unreached_states"]
    lines.append(f"States no sequence reaches: {', '.join(unreached) if unreached else 'none'}")
    if report["compliance_reaches_open"]:
        lines.append(
            f"Compliance-only moves reach open (they must not) in {len(report['compliance_path'])} turns:"
        )
        for number, step in enumerate(report["compliance_path"], start=1):
            lines.extend(_step_lines(number, step))
    else:
        lines.append(f"Compliance-only moves never reach open (highest: {report['compliance_peak']})")
    if report["slip_costs"]:
        costs = ", ".join(
            f"{name} {'+' + str(cost) if cost is not None else 'makes energised unreachable'}"
            for name, cost in report["slip_costs"].items()
        )
        lines.append(f"One NEA slip half-way costs (extra turns): {costs}")
    lines.extend(_topic_lines(report.get("topics", {})))
    return lines


def _topic_lines(topics: dict[str, list[str]]) -> list[str]:
    """Which topics, raised along the paths found, got a reply of their own, and at which bands."""
    if not topics:
        return []
    heard = [f"{topic} ({', '.join(bands)})" for topic, bands in topics.items() if bands]
    never = [topic for topic, bands in topics.items() if not bands]
    lines = [f"Topics answered when raised along these paths: {', '.join(heard) if heard else 'none'}"]
    if never:
        lines.append(f"Topics never answered (their conditions or bands are never met): {', '.join(never)}")
    return lines


def _step_lines(number: int, step: dict[str, Any]) -> list[str]:
    """One step of a path: the move in words, what it did to the coachee, and an example line."""
    moved = (
        f"stays {step['after']}"
        if step["before"] == step["after"]
        else f"{step['before']} -> {step['after']}"
    )
    tells = f"; they tell you {' and '.join(step['tells'])}" if step["tells"] else ""
    lines = [f"  {number:>2}. {step['says']} ({step['model']}): {moved}{tells}"]
    if step["example"]:
        lines.append(f'      e.g. "{step["example"]}"')
    return lines


TRAINER_COMMANDS = (validate, schema, new, test_command, graph, explore)
"""Registered on the `coach` group by `simulator.shell.cli`."""
