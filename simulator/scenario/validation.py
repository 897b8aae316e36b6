"""Validating many scenario files at once: each file's problems, and those across files.

`coach validate` reads the files (the shell's job) and hands their texts here. Each text
gets every problem `scenario_problems` finds; then the files are compared with each
other, because two scenarios with one id would shadow each other in a catalogue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from simulator.errors import Problem
from simulator.scenario.loading import locate_in, scenario_problems
from simulator.scenario.model import Scenario


@dataclass(frozen=True)
class FileReport:
    """One file's validation: its source name, the scenario if it loaded, and its problems."""

    source: str
    scenario: Scenario | None
    problems: tuple[Problem, ...]

    @property
    def has_errors(self) -> bool:
        """Whether any problem is an error (warnings alone leave a file usable)."""
        return self.scenario is None or any(problem.severity == "error" for problem in self.problems)

    def lines(self) -> list[str]:
        """Each problem as `PATH:LINE:COL: severity: message`, in file order."""
        ordered = sorted(self.problems, key=lambda problem: (problem.line, problem.column))
        return [problem.render(self.source) for problem in ordered]


Unreadable = tuple[Problem, ...]
"""What the shell passes for a file it could not read as text: the problems that stopped it."""


def validate(files: Sequence[tuple[str, str | Unreadable]]) -> list[FileReport]:
    """Every problem in every file: `files` pairs a source name with its text, or why it is unreadable."""
    reports: list[FileReport] = []
    texts: dict[str, str] = {}
    for source, content in files:
        if not isinstance(content, str):
            reports.append(FileReport(source, None, content))
            continue
        texts[source] = content
        scenario, problems = scenario_problems(content)
        reports.append(FileReport(source, scenario, tuple(problems)))
    return _with_cross_file_problems(reports, texts)


def _with_cross_file_problems(reports: list[FileReport], texts: dict[str, str]) -> list[FileReport]:
    first_with_id: dict[str, str] = {}
    result = []
    for report in reports:
        extra: list[Problem] = []
        scenario = report.scenario
        if scenario is not None:
            # Located only when needed: finding the line means composing the file again.
            if scenario.id in first_with_id:
                message = f"id: scenario id {scenario.id!r} is also used by {first_with_id[scenario.id]}"
                extra.append(Problem(*locate_in(texts[report.source], ("id",)), message))
            else:
                first_with_id[scenario.id] = report.source
            stem = PurePath(report.source).stem
            if stem != scenario.id:
                message = f"id: {scenario.id!r} differs from the file name {stem!r}; bundled scenarios are found by file name"
                extra.append(Problem(*locate_in(texts[report.source], ("id",)), message, "warning"))
        result.append(FileReport(report.source, scenario, report.problems + tuple(extra)))
    return result
