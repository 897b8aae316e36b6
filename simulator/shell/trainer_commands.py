"""The trainer's commands: validate, schema, new, test, graph and explore.

Each command gathers its inputs (files, options), makes one call into the core
(`validation`, `schema`, `starter`, `rehearsal`, `graph`, `explore`) and prints what it
returns. Like the rest of the command line it imports the engine inside the commands, so
`coach --help` stays fast, and reports the core's errors as one line with exit status 1.

A directory given to `validate` or `test` stands for the `*.yaml` and `*.yml` files
directly inside it (not in sub-folders); a directory with none is one located error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from simulator.errors import ScenarioNotFound
from simulator.shell.console import error_line, reports_errors

if TYPE_CHECKING:
    from simulator.errors import Problem

SCENARIO_SUFFIXES = (".yaml", ".yml")


def scenario_files(paths: Iterable[Path]) -> list[tuple[str, str | tuple[Problem, ...]]]:
    """Each scenario file named, or found directly in a named directory, with its text or why not."""
    from simulator.errors import Problem, ScenarioError
    from simulator.scenario.loading import read_scenario_text

    found: list[tuple[str, str | tuple[Problem, ...]]] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.suffix in SCENARIO_SUFFIXES and p.is_file())
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
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
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
            click.echo(line)
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
    from simulator.errors import CoachError
    from simulator.scenario.starter import starter_scenario

    text = starter_scenario(scenario_id)
    if output is not None and str(output) == "-":
        click.echo(text, nl=False)
        return
    path = output or Path(f"{scenario_id}.yaml")
    try:
        with path.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except FileExistsError:
        raise CoachError(f"{path}: already exists; choose another --output path") from None
    except OSError as error:
        raise CoachError(f"{path}: cannot write ({error.strerror})") from None
    click.echo(f"Wrote {path}. Next: coach validate {path} && coach test {path}")


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
    paths = [Path(t) for t in targets if catalogue.is_path_like(t) or Path(t).exists()]
    for source, content in scenario_files(paths):
        try:
            if not isinstance(content, str):
                raise ScenarioError(source, list(content))
            loaded.append(parse_scenario(content, source))
        except ScenarioError as error:
            for problem in error.problems:
                click.echo(problem.render(source))
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
            if result.passed:
                passed += 1
                click.echo(f"PASS  {scenario.id}: {result.name}")
            else:
                failed += 1
                click.echo(f"FAIL  {scenario.id}: {result.name}: {result.misses[0]}")
    click.echo(f"{passed} passed, {failed} failed")
    if failed:
        sys.exit(1)


@click.command()
@click.argument("scenario")
@click.option(
    "--transcript",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A coach-transcript/1 file practised on this scenario: its path is highlighted.",
)
@reports_errors
def graph(scenario: str, transcript: Path | None) -> None:
    """Print the coachee's state machine as a Mermaid diagram.

    SCENARIO is a bundled id or a YAML path. Paste the output into any Mermaid viewer
    (or a ```mermaid block on GitHub). With --transcript, the states the coachee passed
    through and the transitions taken are highlighted, labelled with their turn numbers.
    """
    from simulator.engine.transcript import read_transcript
    from simulator.scenario import catalogue
    from simulator.trainer.graph import mermaid, transcript_path

    loaded = catalogue.load(scenario).scenario
    path = []
    if transcript is not None:
        read = read_transcript(transcript)
        path = transcript_path(loaded, read.header, read.turns)
    click.echo(mermaid(loaded, path), nl=False)


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

    found = search(catalogue.load(scenario).scenario)
    report = exploration_record(found)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for line in exploration_lines(report):
            click.echo(line)
    if found.shortest_path is None or found.compliance_reaches_open:
        sys.exit(1)


def exploration_record(found: Any) -> dict[str, Any]:
    """An `Exploration` as plain JSON-ready data."""

    def steps(path: Any) -> list[dict[str, Any]] | None:
        if path is None:
            return None
        return [
            {
                "move": s.kind,
                "before": s.state_before.value,
                "after": s.state_after.value,
                "reveals": list(s.reveals),
            }
            for s in path
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
            reveals = f"  reveals {', '.join(step['reveals'])}" if step["reveals"] else ""
            lines.append(f"  {number:>2}. {step['move']:<24} {step['before']} -> {step['after']}{reveals}")
    unreached = report["unreached_states"]
    lines.append(f"States no sequence reaches: {', '.join(unreached) if unreached else 'none'}")
    if report["compliance_reaches_open"]:
        moves = ", ".join(step["move"] for step in report["compliance_path"])
        lines.append(f"Compliance-only moves reach open (they must not): {moves}")
    else:
        lines.append(f"Compliance-only moves never reach open (highest: {report['compliance_peak']})")
    if report["slip_costs"]:
        costs = ", ".join(
            f"{name} {'+' + str(cost) if cost is not None else 'makes energised unreachable'}"
            for name, cost in report["slip_costs"].items()
        )
        lines.append(f"One NEA slip half-way costs (extra turns): {costs}")
    return lines


TRAINER_COMMANDS = (validate, schema, new, test_command, graph, explore)
"""Registered on the `coach` group by `simulator.shell.cli`."""
