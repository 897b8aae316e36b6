"""Grading a round from the gradebook: gather the stored lines, re-simulate, grade (the shell).

Three steps, as everywhere in the project: read the round and its conversations from the
gradebook and each scenario from its source; replay every conversation's lines into a
fresh `Session` with its stored seed and turn limit; hand the sessions to the pure
`scoring.cohort`. Stored states or scores are never read, so an edited row changes nothing.

Conversations are read a page at a time and replayed a page together (`replay_page`: the
reader reads one line of every conversation of the page at once), so a round of any size
is graded in bounded memory; `simulator.shell.round_batches` spreads the pages over every core.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from scoring.cohort import GradedConversation, grade_practice
from simulator.engine.replay import Replay, replay_all
from simulator.engine.session import Session, typical_personality
from simulator.engine.transcript import scenario_sha256
from simulator.errors import CoachError
from simulator.rounds.gradebook import Gradebook, StoredConversation
from simulator.rounds.round_file import Round, parse_round
from simulator.scenario import catalogue
from simulator.scenario.model import Scenario
from simulator.scenario.rubric import Rubric
from simulator.trainer.rehearsal import on_a_typical_day, play

PAGE_SIZE = 400
"""Conversations read from the gradebook, and replayed together, at a time."""


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
    """Each scenario read once per grading run, and its turn-limited copies made once.

    `parse` validates a scenario's text (a shell may pass one that remembers what it validated
    before, across runs and processes).
    """

    def __init__(
        self, parse: Callable[[catalogue.ScenarioSource], catalogue.LoadedScenario] = catalogue.parse
    ) -> None:
        self._parse = parse
        self._loaded: dict[str, catalogue.LoadedScenario] = {}
        self._limited: dict[tuple[str, int], Scenario] = {}
        self._hashes: dict[str, str] = {}

    def load(self, source: str) -> catalogue.LoadedScenario:
        """The scenario a conversation names: `bundled:ID` by id, anything else as a file path."""
        if source not in self._loaded:
            bundled = source.startswith("bundled:")
            # A bundled id never resolves to a file that happens to share its name in this folder.
            self._loaded[source] = self._parse(
                catalogue.find_bundled_id(source.removeprefix("bundled:"))
                if bundled
                else catalogue.find_file(Path(source))
            )
        return self._loaded[source]

    def sha256(self, source: str) -> str:
        """The content hash of the scenario a conversation names, worked out once."""
        if source not in self._hashes:
            self._hashes[source] = scenario_sha256(self.load(source).text)
        return self._hashes[source]

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
    scenario = cache.with_limit(stored.scenario_source, stored.turn_limit)
    # Graded against the persona's typical self with the stored seed's wording (`score_session`):
    # neighbours who met the coachee on different days get the same grade for the same lines.
    session = play(scenario, stored.lines, stored.seed, typical_personality(scenario))
    return Replayed(stored, session, cache.sha256(stored.scenario_source) != stored.scenario_sha256)


def _cannot(stored: StoredConversation, error: CoachError) -> str:
    return f"{stored.trainee} on {stored.scenario_id}: cannot re-simulate: {error}"


def replay_page(page: Sequence[StoredConversation], cache: ScenarioCache) -> list[Replayed | str]:
    """Each conversation of a page re-simulated, in order, or why it could not be (a warning).

    The same sessions as `replay` one by one: the conversations advance together and the reader
    reads their lines in batches (`simulator.engine.replay`).
    """
    found: list[Replayed | str] = []
    ready: list[tuple[int, StoredConversation, Scenario, bool]] = []
    for stored in page:
        try:
            scenario = cache.with_limit(stored.scenario_source, stored.turn_limit)
            changed = cache.sha256(stored.scenario_source) != stored.scenario_sha256
        except CoachError as error:
            found.append(_cannot(stored, error))
            continue
        ready.append((len(found), stored, scenario, changed))
        found.append("")  # the replayed conversation, below
    try:
        sessions = replay_all(
            [
                Replay(scenario, stored.lines, stored.seed, typical_personality(scenario))
                for _, stored, scenario, _ in ready
            ]
        )
    except CoachError:
        # A conversation the engine refuses stops nothing: replay them one by one to name it.
        for at, stored, _, _ in ready:
            try:
                found[at] = replay(stored, cache)
            except CoachError as error:
                found[at] = _cannot(stored, error)
        return found
    for (at, stored, _, changed), session in zip(ready, sessions, strict=True):
        found[at] = Replayed(stored, session, changed)
    return found


def replay_round(
    book: Gradebook, round_id: str, trainee: str | None = None
) -> tuple[list[Replayed], list[str]]:
    """Every (or one trainee's) conversation of a round re-simulated, and why any could not be."""
    cache = ScenarioCache()
    replayed: list[Replayed] = []
    warnings: list[str] = []
    for page in book.conversation_pages(round_id, trainee=trainee, page_size=PAGE_SIZE):
        for item in replay_page(page, cache):
            if isinstance(item, str):
                warnings.append(item)
            else:
                replayed.append(item)
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
    """Grade one re-simulated session (under its scenario's rubric unless one is given), as the
    persona's typical self takes its lines (`on_a_typical_day`)."""
    session = on_a_typical_day(session)
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
    replayed: list[Replayed],
    pass_mark: float,
    rubric: Rubric | None = None,
    min_turns: int | None = None,
    *,
    per_turn: bool = True,
) -> list[GradedConversation]:
    """Grade re-simulated conversations, under each scenario's rubric unless one is given.

    Without `per_turn`, the cards have no per-turn feedback (what a table or a summary shows is the same).
    """
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
            per_turn=per_turn,
        )
        for item in replayed
    ]


def grade_page(
    page: Sequence[StoredConversation],
    cache: ScenarioCache,
    pass_mark: float,
    rubric: Rubric | None = None,
    min_turns: int | None = None,
) -> list[tuple[StoredConversation, GradedConversation | str]]:
    """Each conversation of a page with its grade, or why it could not be re-simulated."""
    graded: list[tuple[StoredConversation, GradedConversation | str]] = []
    for stored, item in zip(page, replay_page(page, cache), strict=True):
        if isinstance(item, str):
            graded.append((stored, item))
        else:
            graded.append((stored, grade_replayed([item], pass_mark, rubric, min_turns)[0]))
    return graded


def graded_pages(
    book: Gradebook, round_: Round, rubric: Rubric | None = None, trainee: str | None = None
) -> Iterator[list[tuple[StoredConversation, GradedConversation | str]]]:
    """A round's conversations graded page by page, in the gradebook's order, one page in memory at a time."""
    cache = ScenarioCache()
    for page in book.conversation_pages(round_.id, trainee=trainee, page_size=PAGE_SIZE):
        yield grade_page(page, cache, round_.pass_mark, rubric, round_.min_turns)


def grade_round(
    book: Gradebook, round_id: str, rubric: Rubric | None = None, trainee: str | None = None
) -> RoundGrades:
    """Recompute every grade of a round from the stored lines (all of them in memory: for a trainee, a test)."""
    round_, title = stored_round(book, round_id)
    graded: list[GradedConversation] = []
    warnings: list[str] = []
    for page in graded_pages(book, round_, rubric, trainee):
        for _, item in page:
            if isinstance(item, str):
                warnings.append(item)
            else:
                graded.append(item)
    return RoundGrades(round_, title, tuple(graded), tuple(warnings))
