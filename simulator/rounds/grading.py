"""Grading a round from the gradebook: gather the stored lines, re-simulate, grade (the shell).

Three steps, as everywhere in the project: read the round and its conversations from the
gradebook and each scenario from its source; replay every conversation's lines into a
fresh `Session` with its stored seed and turn limit; hand the sessions to the pure
`scoring.cohort`. Stored states or scores are never read, so an edited row changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scoring.cohort import GradedConversation, grade_practice
from simulator.engine.session import Session
from simulator.engine.transcript import scenario_sha256
from simulator.errors import CoachError
from simulator.rounds.gradebook import Gradebook, StoredConversation
from simulator.rounds.round_file import Round, parse_round
from simulator.scenario import catalogue
from simulator.scenario.model import Scenario
from simulator.scenario.rubric import Rubric
from simulator.trainer.rehearsal import play


@dataclass(frozen=True)
class Replayed:
    """A stored conversation re-simulated: its session and whether the scenario changed since."""

    stored: StoredConversation
    session: Session
    scenario_changed: bool


@dataclass(frozen=True)
class RoundGrades:
    """A round's conversations graded, with anything that could not be graded."""

    round: Round
    title: str
    graded: tuple[GradedConversation, ...]
    warnings: tuple[str, ...]


class ScenarioCache:
    """Each scenario read once per grading run, and its turn-limited copies made once."""

    def __init__(self) -> None:
        self._loaded: dict[str, catalogue.LoadedScenario] = {}
        self._limited: dict[tuple[str, int], Scenario] = {}

    def load(self, source: str) -> catalogue.LoadedScenario:
        """The scenario a conversation names: `bundled:ID` by id, anything else as a file path."""
        if source not in self._loaded:
            bundled = source.startswith("bundled:")
            # A bundled id never resolves to a file that happens to share its name in this folder.
            self._loaded[source] = (
                catalogue.load_bundled_id(source.removeprefix("bundled:"))
                if bundled
                else catalogue.load_file(Path(source))
            )
        return self._loaded[source]

    def with_limit(self, source: str, turn_limit: int) -> Scenario:
        """The scenario with the turn limit the conversation was practised under."""
        key = (source, turn_limit)
        if key not in self._limited:
            scenario = self.load(source).scenario
            if scenario.turn_limit != turn_limit:
                scenario = scenario.model_copy(update={"turn_limit": turn_limit})
            self._limited[key] = scenario
        return self._limited[key]


def stored_round(book: Gradebook, round_id: str) -> tuple[Round, str]:
    """The round as last practised (its file's text is kept in the gradebook) and its title."""
    stored = book.stored_round(round_id)
    return parse_round(stored.spec, f"gradebook:{round_id}").round, stored.title


def replay(stored: StoredConversation, cache: ScenarioCache) -> Replayed:
    """Re-simulate one stored conversation from its lines."""
    loaded = cache.load(stored.scenario_source)
    session = play(cache.with_limit(stored.scenario_source, stored.turn_limit), stored.lines, stored.seed)
    return Replayed(stored, session, scenario_sha256(loaded.text) != stored.scenario_sha256)


def replay_round(
    book: Gradebook, round_id: str, trainee: str | None = None
) -> tuple[list[Replayed], list[str]]:
    """Every (or one trainee's) conversation of a round re-simulated, and why any could not be."""
    cache = ScenarioCache()
    replayed, warnings = [], []
    for stored in book.conversations(round_id, trainee=trainee):
        try:
            replayed.append(replay(stored, cache))
        except CoachError as error:
            warnings.append(f"{stored.trainee} on {stored.scenario_id}: cannot re-simulate: {error}")
    return replayed, warnings


def grade_session(
    trainee: str,
    session: Session,
    pass_mark: float,
    rubric: Rubric | None = None,
    *,
    finished: bool = True,
    scenario_changed: bool = False,
    min_turns: int | None = None,
) -> GradedConversation:
    """Grade one re-simulated session (under its scenario's rubric unless one is given)."""
    return grade_practice(
        trainee,
        session.scenario,
        session.turns,
        pass_mark,
        rubric,
        finished=finished,
        scenario_changed=scenario_changed,
        min_turns=min_turns,
    )


def grade_replayed(
    replayed: list[Replayed], pass_mark: float, rubric: Rubric | None = None, min_turns: int | None = None
) -> list[GradedConversation]:
    """Grade re-simulated conversations, under each scenario's rubric unless one is given."""
    return [
        grade_practice(
            item.stored.trainee,
            item.session.scenario,
            item.session.turns,
            pass_mark,
            rubric,
            finished=item.stored.is_finished,
            scenario_changed=item.scenario_changed,
            min_turns=min_turns,
        )
        for item in replayed
    ]


def grade_round(
    book: Gradebook, round_id: str, rubric: Rubric | None = None, trainee: str | None = None
) -> RoundGrades:
    """Recompute every grade of a round from the stored lines."""
    round_, title = stored_round(book, round_id)
    replayed, warnings = replay_round(book, round_id, trainee)
    graded = grade_replayed(replayed, round_.pass_mark, rubric, round_.min_turns)
    return RoundGrades(round_, title, tuple(graded), tuple(warnings))
