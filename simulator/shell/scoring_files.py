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
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from scoring.scorecard import Scorecard, score_facts
from simulator.engine.replay import Replay, replay_all
from simulator.engine.session import Session, typical_personality
from simulator.engine.transcript import (
    FORMAT,
    MAX_TRANSCRIPT_BYTES,
    Transcript,
    parse_transcript_text,
    scenario_sha256,
)
from simulator.errors import CoachError, ScenarioNotFound, UnreadableFile, UnreadableTranscript
from simulator.files import read_text as read_bounded
from simulator.records import EndReason
from simulator.scenario import catalogue
from simulator.scenario.catalogue import ScenarioSource
from simulator.scenario.loading import read_scenario_text
from simulator.scenario.model import Scenario
from simulator.shell.warm_start import validated
from simulator.shell.workers import in_order, worker_count
from simulator.trainer.rehearsal import score_session, typical_day_note, with_note
from simulator.vocabulary import State


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
    if scenario_id in _bundled_ids():
        warnings = []
        if named_file:
            warnings.append(
                f"the header names the file {_shortened(source)}; scored against the bundled scenario {scenario_id!r}, "
                "as a file never stands in for a bundled scenario"
            )
        return _bundled(scenario_id, catalogue.bundled_text(scenario_id)), warnings
    if named_file:
        for candidate in (Path(source), transcript_path.parent / Path(source).name):
            if os.path.lexists(candidate):  # whatever it is, the reader says if it cannot be a scenario
                loaded = _parsed(read_scenario_text(candidate), str(candidate))
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


@cache
def _bundled_ids() -> frozenset[str]:
    # Listed once per process: the package's scenarios do not change while it runs.
    return frozenset(catalogue.bundled_ids())


@lru_cache(maxsize=16)
def _bundled(scenario_id: str, text: str) -> catalogue.LoadedScenario:
    # Once per process (each worker of a batch), keyed by the text, so it is always the text read;
    # from the cache of validated scenarios when these bytes were validated before (`validated`).
    return validated(ScenarioSource(text, f"bundled:{scenario_id}", f"scenarios/{scenario_id}.yaml"))


@lru_cache(maxsize=16)
def _parsed(text: str, source: str) -> catalogue.LoadedScenario:
    # A scenario file is read for every transcript that names it, but validated once for the same bytes.
    return validated(ScenarioSource(text, source, source))


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


@dataclass(frozen=True)
class _Prepared:
    """A practice transcript checked and ready to replay: what to replay, and what to tell the trainer."""

    path: Path
    replay: Replay
    title: str
    met: list[tuple[str, str]]  # each recorded turn's reply and state after it: the coachee the trainee met
    met_left: bool  # whether that coachee walked out (the transcript's end says so)
    warnings: tuple[str, ...]


def _prepare(text: str, path: Path) -> _Prepared:
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
    # Replayed to the persona's typical self only: the verdict is that coachee's (`score_session`).
    replay = Replay(scenario, transcript.trainee_lines, seed, typical_personality(scenario))
    # Only a state the engine knows is ever shown back (in the note): a transcript may hold anything.
    met = [
        (str(turn.get("coachee", "")), turn["state_after"] if turn.get("state_after") in _STATES else "")
        for turn in transcript.turns
    ]
    left = transcript.end is not None and transcript.end.get("reason") == EndReason.COACHEE_LEFT.value
    return _Prepared(path, replay, loaded.scenario.title, met, left, tuple(warnings))


_STATES = frozenset(state.value for state in State)


def _scored(prepared: _Prepared, session: Session) -> ScoredFile:
    warnings = prepared.warnings
    met = prepared.met
    if len(session.turns) < len(met) and len(session.turns) >= session.scenario.turn_limit:
        warnings = (*warnings, f"{len(met) - len(session.turns)} line(s) past the turn limit were ignored")
        met = met[: len(session.turns)]
    # Otherwise fewer turns than recorded: the typical coachee ended the meeting sooner (the note says so).
    note = typical_day_note(
        session.scenario.coachee.name,
        met,
        session.turns,
        met_left=prepared.met_left,
        typical_left=session.end_reason is EndReason.COACHEE_LEFT,
    )
    card = with_note(score_session(session), note)
    return ScoredFile(str(prepared.path), "simulator", card, prepared.title, warnings)


def score_simulator_transcript(text: str, path: Path) -> ScoredFile:
    """Re-simulate a practice transcript's trainee lines and score the result."""
    prepared = _prepare(text, path)
    return _scored(prepared, replay_all([prepared.replay])[0])


def _score_external(text: str, path: Path) -> ScoredFile:
    if path.suffix not in (".jsonl", ".txt"):
        raise UnreadableTranscript(f"{path}: expected a .jsonl or .txt transcript")
    # Imported here: the readers of real coachees' language compile many patterns, which
    # scoring a practice transcript never needs.
    from scoring.external import parse_external

    card = score_facts(parse_external(text, str(path), path.suffix))
    return ScoredFile(str(path), "external", card, path.stem)


def score_file(path: Path) -> ScoredFile:
    """Score one transcript file of either kind."""
    text = read_text(path)
    if is_simulator_transcript(text):
        return score_simulator_transcript(text, path)
    return _score_external(text, path)


def score_batch(paths: Sequence[Path]) -> list[ScoredFile | CoachError]:
    """Each file's scorecard or error, in order: the practice transcripts replayed together.

    The same scorecards as `score_file` one by one; the reader reads one line of every
    conversation at a time (`simulator.engine.replay`), so callers bound the batch.
    """
    results: list[ScoredFile | CoachError | None] = [None] * len(paths)
    prepared: list[tuple[int, _Prepared]] = []
    for index, path in enumerate(paths):
        try:
            text = read_text(path)
            if is_simulator_transcript(text):
                prepared.append((index, _prepare(text, path)))
            else:
                results[index] = _score_external(text, path)
        except CoachError as error:
            results[index] = error  # one bad file stops nothing
    sessions = replay_all([item.replay for _, item in prepared])
    for (index, item), session in zip(prepared, sessions, strict=True):
        results[index] = _scored(item, session)
    return [result for result in results if result is not None]


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
        "notes": data["notes"],
    }


PARALLEL_FROM = 16
"""Batches of at least this many files are scored in worker processes, one per core."""

BATCH_FILES = (8, 128)
"""The fewest and most files a worker scores at once: enough for the reader to pay, few enough to share out."""


def batches_of(count: int, workers: int) -> list[range]:
    """The files' positions cut into bounded batches, about four per worker so the cores finish together."""
    least, most = BATCH_FILES
    size = min(most, max(least, -(-count // (workers * 4))))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def score_files(
    paths: list[Path], progress: Callable[[int], None] | None = None
) -> Iterator[tuple[Path, ScoredFile | CoachError]]:
    """Each file's scorecard or error, in the order given, as soon as it and those before it are done.

    Large batches use every core (`simulator.shell.workers`): the files go out in bounded batches,
    so memory stays flat however many files there are. `progress` is told how many files each
    finished batch held.
    """
    workers = worker_count()
    parallel = len(paths) >= PARALLEL_FROM and workers >= 2
    chunks = [
        [paths[index] for index in batch] for batch in batches_of(len(paths), workers if parallel else 1)
    ]
    if parallel:
        # Loaded once here, the reader's weights and the readers' patterns are inherited by the
        # forked workers, not loaded again in each.
        import scoring.external  # noqa: F401
        from simulator.reading.moves import classify

        classify("warm")
        done: Iterator[tuple[list[Path], list[ScoredFile | CoachError]]] = in_order(
            score_batch, chunks, workers=workers
        )
    else:
        done = ((chunk, score_batch(chunk)) for chunk in chunks)
    for chunk, results in done:
        yield from zip(chunk, results, strict=True)
        if progress is not None:
            progress(len(chunk))
