"""Scoring transcript files: the shell around the pure `scoring` package.

A simulator transcript is never trusted: its trainee lines are re-simulated against
the scenario (found from its header) with its seed, and a scenario whose content hash
differs from the one practised on is reported. Anything else is read as an external
transcript of two people. One file's failure is that file's error, not the batch's.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from scoring.scorecard import Scorecard, score_facts
from simulator.engine.transcript import FORMAT, Transcript, parse_transcript, scenario_sha256
from simulator.errors import CoachError, UnreadableTranscript
from simulator.scenario import catalogue
from simulator.trainer.rehearsal import play, score_session

MAX_TRANSCRIPT_BYTES = 20_000_000
"""Transcript files above this size are refused unread."""


@dataclass(frozen=True)
class ScoredFile:
    """One file's scorecard, what kind of transcript it was, and anything the trainer should know."""

    path: str
    kind: str
    card: Scorecard
    title: str
    warnings: tuple[str, ...] = field(default=())


def read_text(path: Path) -> str:
    """A transcript file's text, refusing directories, huge files and non-UTF-8 content with a clear line."""
    try:
        if path.is_dir():
            raise UnreadableTranscript(f"{path}: is a directory, not a transcript")
        if path.stat().st_size > MAX_TRANSCRIPT_BYTES:
            raise UnreadableTranscript(f"{path}: larger than the {MAX_TRANSCRIPT_BYTES:,}-byte limit")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UnreadableTranscript(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise UnreadableTranscript(f"{path}: not UTF-8 text") from None
    except OSError as error:
        raise UnreadableTranscript(f"{path}: cannot read ({error.strerror})") from None


def is_simulator_transcript(text: str) -> bool:
    """Whether the text starts with a coach-transcript header."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and record.get("type") == "header" and record.get("format") == FORMAT


def scenario_for(transcript: Transcript, transcript_path: Path) -> catalogue.LoadedScenario:
    """The scenario a transcript was practised on: bundled by id, or the file it names."""
    source = str(transcript.header.get("scenario_source", ""))
    if source and not source.startswith("bundled:"):
        for candidate in (Path(source), transcript_path.parent / Path(source).name):
            if candidate.is_file():
                return catalogue.load(str(candidate))
    scenario_id = str(transcript.header.get("scenario", ""))
    return catalogue.load(scenario_id)


def score_simulator_transcript(text: str, path: Path) -> ScoredFile:
    """Re-simulate a practice transcript's trainee lines and score the result."""
    transcript = parse_transcript(text.splitlines(), str(path))
    loaded = scenario_for(transcript, path)
    warnings = []
    if transcript.header.get("scenario_sha256") != scenario_sha256(loaded.text):
        warnings.append(f"scenario {loaded.scenario.id!r} has changed since this conversation was practised")
    seed = transcript.header.get("seed", 0)
    if not isinstance(seed, int):
        raise UnreadableTranscript(f"{path}:1: the header's seed must be an integer")
    scenario = loaded.scenario
    limit = transcript.header.get("turn_limit")  # a round may have set its own turn limit
    if isinstance(limit, int) and 1 <= limit <= 200 and limit != scenario.turn_limit:
        scenario = scenario.model_copy(update={"turn_limit": limit})
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
