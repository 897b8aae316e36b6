"""Scoring transcript files: the shell around the pure `scoring` package.

A simulator transcript is never trusted: its trainee lines are re-simulated against
the scenario with its seed, and a scenario whose content hash differs from the one
practised on is reported. Nor does the transcript choose what it is measured against: a
bundled scenario is found by its id only (never from a file the header or the folder
offers), a scenario that is not bundled is read from its file with a warning naming that
file, and a turn limit in the header counts only for a round's transcript and never
lifts the scenario's own. Anything else is read as an external transcript of two people.
One file's failure is that file's error, not the batch's.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scoring.scorecard import Scorecard, score_facts
from simulator.engine.transcript import (
    FORMAT,
    MAX_TRANSCRIPT_BYTES,
    Transcript,
    parse_transcript_text,
    scenario_sha256,
)
from simulator.errors import CoachError, ScenarioNotFound, UnreadableFile, UnreadableTranscript
from simulator.files import read_text as read_bounded
from simulator.scenario import catalogue
from simulator.scenario.model import Scenario
from simulator.trainer.rehearsal import play, score_session


@dataclass(frozen=True)
class ScoredFile:
    """One file's scorecard, what kind of transcript it was, and anything the trainer should know."""

    path: str
    kind: str
    card: Scorecard
    title: str
    warnings: tuple[str, ...] = field(default=())


def read_text(path: Path) -> str:
    """A transcript file's text, refusing directories, devices, pipes, huge files and non-UTF-8 content."""
    try:
        return read_bounded(path, MAX_TRANSCRIPT_BYTES, "transcript")
    except UnreadableFile as error:
        raise UnreadableTranscript(str(error)) from None


def is_simulator_transcript(text: str) -> bool:
    """Whether the text starts with a coach-transcript header."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        record = json.loads(first)
    except (ValueError, RecursionError):  # not JSON, or JSON no reader accepts (a 5,000-digit number)
        return False
    return isinstance(record, dict) and record.get("type") == "header" and record.get("format") == FORMAT


def scenario_for(transcript: Transcript, transcript_path: Path) -> tuple[catalogue.LoadedScenario, list[str]]:
    """The scenario to re-simulate a transcript against, and what the trainer should be told about it.

    A bundled id means the bundled scenario, whatever file the header names. Any other scenario
    is read from the file the header names (or one of that name beside the transcript), with a
    warning that names it: a transcript can point at any file, an easier persona included.
    """
    header = transcript.header
    scenario_id = str(header.get("scenario", ""))
    source = str(header.get("scenario_source", ""))
    named_file = source and not source.startswith("bundled:")
    shown_id = _shortened(repr(scenario_id))
    if scenario_id in catalogue.bundled_ids():
        warnings = []
        if named_file:
            warnings.append(
                f"the header names the file {_shortened(source)}; scored against the bundled scenario {scenario_id!r}, "
                "as a file never stands in for a bundled scenario"
            )
        return catalogue.load_bundled_id(scenario_id), warnings
    if named_file:
        for candidate in (Path(source), transcript_path.parent / Path(source).name):
            if os.path.lexists(candidate):  # whatever it is, the reader says if it cannot be a scenario
                loaded = catalogue.load_file(candidate)
                warnings = [
                    f"scored against the scenario file {candidate}, which is not a bundled scenario: "
                    "check it is the file this conversation was practised on"
                ]
                if loaded.scenario.id != scenario_id:
                    warnings.append(f"{candidate} is scenario {loaded.scenario.id!r}, not {shown_id}")
                return loaded, warnings
    raise ScenarioNotFound(
        f"{transcript_path}: scenario {shown_id} is not bundled"
        + (f" and its file {_shortened(source)} is not found" if named_file else "")
    )


def _shortened(text: str, most: int = 200) -> str:
    # What a header says can be megabytes long: a message quotes only its start.
    return text if len(text) <= most else text[:most] + "..."


def turn_limited(scenario: Scenario, header: dict[str, Any]) -> tuple[Scenario, list[str]]:
    """The scenario with a round's turn limit from the header, which may lower the scenario's but never lift it."""
    limit = header.get("turn_limit")
    if limit is None:
        return scenario, []
    if "round" not in header or not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        return scenario, [
            f"the header's turn limit {_shortened(repr(limit), 40)} is ignored: only a round's transcript sets one"
        ]
    if limit > scenario.turn_limit:
        return scenario, [
            f"the header's turn limit {limit} is above the scenario's {scenario.turn_limit}; scored to "
            "the scenario's (coach grade scores a round from the gradebook)"
        ]
    if limit < scenario.turn_limit:
        return scenario.model_copy(update={"turn_limit": limit}), []
    return scenario, []


def score_simulator_transcript(text: str, path: Path) -> ScoredFile:
    """Re-simulate a practice transcript's trainee lines and score the result."""
    transcript = parse_transcript_text(text, str(path))
    loaded, warnings = scenario_for(transcript, path)
    if transcript.cut_short:
        warnings.append(
            "the last line was cut off part-way (the writing process stopped); read up to the last whole turn"
        )
    if transcript.header.get("scenario_sha256") != scenario_sha256(loaded.text):
        warnings.append(f"scenario {loaded.scenario.id!r} has changed since this conversation was practised")
    seed = transcript.header.get("seed", 0)
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise UnreadableTranscript(f"{path}:1: the header's seed must be an integer")
    scenario, limit_warnings = turn_limited(loaded.scenario, transcript.header)
    warnings += limit_warnings
    session = play(scenario, transcript.trainee_lines, seed)
    if len(session.turns) != len(transcript.turns):
        warnings.append(
            f"{len(transcript.turns) - len(session.turns)} line(s) past the turn limit were ignored"
        )
    return ScoredFile(str(path), "simulator", score_session(session), loaded.scenario.title, tuple(warnings))


def score_file(path: Path) -> ScoredFile:
    """Score one transcript file of either kind."""
    text = read_text(path)
    if is_simulator_transcript(text):
        return score_simulator_transcript(text, path)
    if path.suffix not in (".jsonl", ".txt"):
        raise UnreadableTranscript(f"{path}: expected a .jsonl or .txt transcript")
    # Imported here: the readers of real coachees' language compile many patterns, which
    # scoring a practice transcript never needs.
    from scoring.external import parse_external

    card = score_facts(parse_external(text, str(path), path.suffix))
    return ScoredFile(str(path), "external", card, path.stem)


def json_summary(scored: ScoredFile) -> dict[str, object]:
    """The object `coach score --json` prints for one file."""
    data = scored.card.as_dict()
    return {
        "file": scored.path,
        "kind": scored.kind,
        "overall": data["overall"],
        "band": data["band"],
        "scenario": data["scenario_id"],
        "warnings": list(scored.warnings),
        "measures": {measure["key"]: measure for measure in data["measures"]},
        "turns": data["turns"],
        "went_well": data["went_well"],
        "try_next": data["try_next"],
    }


PARALLEL_FROM = 16
"""Batches of at least this many files are scored in worker processes, one per core."""


def _score_or_error(path: Path) -> ScoredFile | CoachError:
    # Runs in a worker: the error travels back as a value so one bad file stops nothing.
    try:
        return score_file(path)
    except CoachError as error:
        return error


def score_files(paths: list[Path]) -> Iterator[tuple[Path, ScoredFile | CoachError]]:
    """Each file's scorecard or error, in the order given; large batches use every core."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        yield from ((path, _score_or_error(path)) for path in paths)
        return
    # Compiled once here, the readers' patterns are inherited by forked workers, not compiled in each.
    import scoring.external  # noqa: F401

    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    )
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        chunk = max(1, len(paths) // (workers * 8))
        yield from zip(paths, pool.map(_score_or_error, paths, chunksize=chunk), strict=True)
