"""Round files: a trainer's graded practice round as YAML, validated with located errors.

    id: spring-ward-leads            # lowercase letters, digits, '-' and '_'
    title: Ward leads, spring round
    scenarios: [ward-nurse-charting, ./our-own-persona.yaml]
    turns: 20                        # turn limit for every scenario (default: each scenario's own)
    meter: false                     # show the openness meter (default false: graded rounds hide it)
    hints: false                     # allow /hint (default false)
    undo: false                      # allow /undo (default false)
    pass_mark: 60                    # overall score (0-100) needed to pass (default 60)
    min_turns: 8                     # fewer trainee turns is incomplete, never a pass (default: the rubric's, 8)
    seeds: {per_trainee: true}       # or {shared: 7}; default per_trainee
    review: false                    # hold each grade until a trainer has reviewed and released it

A round file is parsed by the same `model_problems` as scenarios, so it gets the same
limits (size, depth, no aliases, no duplicate keys) and `PATH:LINE:COL: error:` messages.
Everything here is pure except `load_round`, which reads the file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from simulator.errors import CoachError, RoundError
from simulator.files import is_regular_file
from simulator.scenario.catalogue import LoadedScenario, is_path_like, load
from simulator.scenario.loading import model_problems, read_scenario_text
from simulator.scenario.rubric import Rubric
from simulator.text import clean_line

DEFAULT_PASS_MARK = 60.0
"""The overall score that passes when a round names none: well into the `mixed` band, short of compassion-led."""

MAX_TRAINEE_NAME = 100
"""Trainee names are cut to this many characters: a name, not a paragraph."""

RoundId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]

MAX_ROUND_SCENARIOS = 100
"""A round names at most this many scenarios: a cohort's afternoon is a handful."""

MAX_SEED = 2**31 - 1
"""The largest seed a gradebook column holds on every database we support."""


class Seeds(BaseModel):
    """How the coachee's seed is chosen: one `shared` value for everyone, or one `per_trainee`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    shared: int | None = Field(None, ge=0, le=MAX_SEED, description="The same seed for every trainee.")
    per_trainee: bool = Field(
        False, description="A seed derived from the round id, trainee name and scenario id."
    )

    @model_validator(mode="after")
    def _exactly_one_way(self) -> Seeds:
        if (self.shared is None) == (not self.per_trainee):
            raise ValueError("give either 'shared: <number>' or 'per_trainee: true', not both or neither")
        return self


class Round(BaseModel):
    """A graded practice round: which scenarios, under which rules, and the mark that passes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: RoundId
    title: Annotated[str, Field(min_length=1, max_length=120)]
    scenarios: tuple[Annotated[str, Field(min_length=1, max_length=400)], ...] = Field(
        min_length=1,
        max_length=MAX_ROUND_SCENARIOS,
        description="Bundled scenario ids, or paths relative to the round file.",
    )
    turns: int | None = Field(
        None, ge=1, le=200, description="Turn limit for every scenario (default: each scenario's own)."
    )
    meter: bool = Field(False, description="Show the openness meter and how each line was read.")
    hints: bool = Field(False, description="Allow /hint.")
    undo: bool = Field(False, description="Allow /undo.")
    pass_mark: float = Field(DEFAULT_PASS_MARK, ge=0, le=100, description="Overall score that passes.")
    min_turns: int | None = Field(
        None,
        ge=1,
        le=200,
        description="A conversation with fewer trainee turns, or that never reached the real self or a plan, "
        "is incomplete and never passes (default: the rubric's min_turns, 8).",
    )
    seeds: Seeds = Field(Seeds(per_trainee=True), description="How each conversation's seed is chosen.")
    review: bool = Field(
        False,
        description="Hold each grade from the trainee until a trainer has commented on the conversation "
        "and released it (coach review, coach grade --release).",
    )


@dataclass(frozen=True)
class LoadedRound:
    """A validated round with the text it came from and the folder its scenario paths are relative to."""

    round: Round
    text: str
    folder: Path


def parse_round(text: str, source: str, folder: Path = Path()) -> LoadedRound:
    """A valid round from YAML text, or `RoundError` listing every located problem."""
    parsed, problems, _ = model_problems(text, Round, "round")
    if parsed is None:
        rendered = tuple(problem.render(source) for problem in problems)
        raise RoundError(rendered[0], rendered)
    return LoadedRound(parsed, text, folder)


def load_round(path: Path) -> LoadedRound:
    """Read and validate a round file (its scenario paths are relative to its folder)."""
    try:
        text = read_scenario_text(path)
    except CoachError as error:
        raise RoundError(str(error)) from None
    return parse_round(text, str(path), path.parent)


def scenario_reference(entry: str, folder: Path) -> str:
    """What `catalogue.load` takes for one `scenarios:` entry: an id as is, a path made absolute."""
    if is_path_like(entry) or is_regular_file(folder / entry):
        try:
            return str((folder / entry).resolve())
        except (
            OSError,
            RuntimeError,
            ValueError,
        ):  # a symlink loop, a NUL: the reader will say what is wrong
            return os.path.abspath(folder / entry)
    return entry


def round_scenarios(loaded: LoadedRound) -> list[LoadedScenario]:
    """Every scenario of the round, loaded and validated (a broken one raises its located error).

    Each distinct scenario is read once, however often the round names it.
    """
    loaded_by_reference: dict[str, LoadedScenario] = {}
    found = []
    for entry in loaded.round.scenarios:
        reference = scenario_reference(entry, loaded.folder)
        if reference not in loaded_by_reference:
            loaded_by_reference[reference] = load(reference)
        found.append(loaded_by_reference[reference])
    return found


def choose_scenario(loaded: LoadedRound, name: str | None) -> LoadedScenario:
    """The round's scenario that `name` (an entry as written, or a scenario id) means.

    With no name, a round of one scenario means that one; otherwise the trainee must say which.
    """
    scenarios = round_scenarios(loaded)
    if name is None and len(scenarios) == 1:
        return scenarios[0]
    for entry, scenario in zip(loaded.round.scenarios, scenarios, strict=True):
        if name in (entry, scenario.scenario.id):
            return scenario
    choices = ", ".join(scenario.scenario.id for scenario in scenarios)
    if name is None:
        raise RoundError(f"round {loaded.round.id!r} has several scenarios; name one of: {choices}")
    raise RoundError(f"round {loaded.round.id!r} has no scenario {name!r}; it has: {choices}")


def trainee_key(name: str) -> str:
    """What two trainee names are compared by: case-insensitive, trimmed, single spaces ("ann  lee " is Ann Lee)."""
    return " ".join(name.split()).casefold()


def trainee_name(raw: str, known: Iterable[str] = ()) -> str:
    """A trainee name made safe to store and show: no control characters, single spaces, not empty.

    A name that matches one already `known` (compared by `trainee_key`) is that name, as first written.
    """
    name = " ".join(clean_line(raw)[:MAX_TRAINEE_NAME].split())
    if not name:
        raise RoundError("a trainee name cannot be empty; pass --trainee NAME")
    return next((other for other in known if trainee_key(other) == trainee_key(name)), name)


def seed_for(round_: Round, trainee: str, scenario_id: str) -> int:
    """The seed of one trainee's conversation on one scenario of the round.

    Per-trainee seeds are derived from the round id, the trainee name and the scenario id,
    so they are reproducible without being stored anywhere, and neighbours get different
    replies to the same lines (copying a neighbour's lines does not copy their conversation).
    """
    if round_.seeds.shared is not None:
        return round_.seeds.shared
    digest = hashlib.sha256(
        "\x1f".join((round_.id, trainee_key(trainee), scenario_id)).encode("utf-8")
    ).digest()
    return int.from_bytes(digest[:4], "big") % 1_000_000


def practised_scenario(loaded: LoadedScenario, round_: Round) -> LoadedScenario:
    """The scenario as the round plays it: its turn limit replaced by the round's, when the round sets one."""
    if round_.turns is None:
        return loaded
    scenario = loaded.scenario.model_copy(update={"turn_limit": round_.turns})
    return LoadedScenario(scenario, loaded.text, loaded.source)


def parse_rubric(text: str, source: str) -> Rubric:
    """A rubric file (the keys of `simulator.scenario.rubric.Rubric`; what it leaves out keeps its default)."""
    parsed, problems, _ = model_problems(text, Rubric, "rubric")
    if parsed is None:
        rendered = tuple(problem.render(source) for problem in problems)
        raise RoundError(rendered[0], rendered)
    return parsed


def load_rubric(path: Path) -> Rubric:
    """Read and validate a rubric file."""
    try:
        text = read_scenario_text(path)
    except CoachError as error:
        raise RoundError(str(error)) from None
    return parse_rubric(text, str(path))
