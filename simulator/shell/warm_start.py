"""How `coach practice` shows its first screen at once and is ready by the time the trainee types.

The first screen (an `Opening`: who the coachee is, the situation, the goals, the opening
line) comes from the cache of validated scenarios (`cache.py`), keyed by the scenario's exact
text and the engine fingerprint, without importing YAML, pydantic or the engine. A scenario
not validated before is parsed and checked first, as always, and remembered.

A `PendingRun` then makes the practice run in a background thread while the trainee reads
that screen: the scenario is rebuilt from the cache entry (pydantic still validates every
field; only the YAML reading and the content checks, already passed by these exact bytes, are
skipped), the session made, the transcript headed, and `warm_up` plays a few lines on a
throwaway session, so the reader's weights are loaded and every path of a turn has run once
before the trainee's first line, and `settle_heap` leaves all that out of later garbage
collections. The front end waits for it only when that line is sent.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from simulator.scenario import catalogue
from simulator.shell.cache import engine_fingerprint, keep_scenario, recall_scenario, scenario_key
from simulator.shell.memory import keep_large_blocks_returnable
from simulator.vocabulary import State

if TYPE_CHECKING:
    from pathlib import Path

    from simulator.engine.session import Session
    from simulator.scenario.catalogue import LoadedScenario, ScenarioSource
    from simulator.scenario.model import Scenario
    from simulator.shell.conversation import Conversation

WARM_UP_LINES = (
    "Thanks for coming in. What would make this half hour useful for you?",
    "It sounds like the last few weeks have been hard.",
    "You should get the notes done by Friday.",
)
"""Played on a throwaway session before the trainee's first line: a question, a reflection and
advice, so the reader, the coachee's rules and the reply choice have each run once."""

_TEXT_FIELDS = ("scenario_id", "title", "name", "role", "background", "situation", "line", "cue")


@dataclass(frozen=True)
class Opening:
    """What the practice app shows before the first line, and the toolbar's figures at turn 0."""

    scenario_id: str
    title: str
    name: str
    role: str
    background: str
    situation: str
    goals: tuple[str, ...]
    line: str
    cue: str
    turn_limit: int
    starting_state: State

    @classmethod
    def of(cls, scenario: Scenario) -> Opening:
        """The opening of a validated scenario."""
        person = scenario.coachee
        return cls(
            scenario_id=scenario.id,
            title=scenario.title,
            name=person.name,
            role=person.role,
            background=person.background,
            situation=scenario.situation,
            goals=tuple(goal.text for goal in scenario.goals),
            line=scenario.opening.text,
            cue=scenario.opening.cue,
            turn_limit=scenario.turn_limit,
            starting_state=person.starting_state,
        )

    def as_record(self) -> dict[str, Any]:
        """The opening as JSON-ready data, for the cache."""
        record: dict[str, Any] = {name: getattr(self, name) for name in _TEXT_FIELDS}
        return {
            **record,
            "goals": list(self.goals),
            "turn_limit": self.turn_limit,
            "starting_state": self.starting_state.value,
        }

    @classmethod
    def from_record(cls, record: object) -> Opening | None:
        """An opening read back from the cache, or None when the record is not one (every field is checked)."""
        if not isinstance(record, dict):
            return None
        texts = {name: record.get(name) for name in _TEXT_FIELDS}
        goals = record.get("goals")
        limit = record.get("turn_limit")
        state = record.get("starting_state")
        if (
            not all(isinstance(text, str) for text in texts.values())
            or not isinstance(goals, list)
            or not all(isinstance(goal, str) for goal in goals)
            or type(limit) is not int
            or limit < 1
            or state not in {known.value for known in State}
        ):
            return None
        return cls(**texts, goals=tuple(goals), turn_limit=limit, starting_state=State(state))  # type: ignore[arg-type]


def first_screen(found: ScenarioSource) -> tuple[Opening, Callable[[], LoadedScenario]]:
    """A scenario's opening now, and how to get the validated scenario (in a background thread).

    When these exact bytes were validated before under this engine, the opening comes from the
    cache and the scenario is rebuilt later; otherwise the text is parsed and checked here (a
    broken file raises `ScenarioError` before anything is shown) and the result remembered.
    """
    key = scenario_key(found.text, engine_fingerprint())
    cached = Opening.from_record(recall_scenario(key, "opening"))
    if cached is not None:
        return cached, lambda: rebuilt(found, recall_scenario(key, "scenario"), cached)
    loaded = catalogue.parse(found)
    opening = Opening.of(loaded.scenario)
    remember(key, loaded.scenario, opening)
    return opening, lambda: loaded


def validated(found: ScenarioSource) -> LoadedScenario:
    """A scenario validated from its text, from the cache when these exact bytes were validated
    before under this engine (as `first_screen` finds it): what a batch pays once, not per process."""
    return first_screen(found)[1]()


def remember(key: str, scenario: Scenario, opening: Opening) -> None:
    """Keep a validated scenario in the cache, if it comes back from its record exactly as it is."""
    from simulator.scenario.model import Scenario

    record = scenario.model_dump(mode="json")
    try:
        faithful = Scenario.model_validate(record) == scenario
    except ValueError:  # pydantic's ValidationError
        faithful = False
    if faithful:
        # The opening goes last: a start looks for it, and it vouches for the record beside it.
        keep_scenario(key, {"scenario": record, "opening": opening.as_record()})


def rebuilt(found: ScenarioSource, record: object, opening: Opening) -> LoadedScenario:
    """The scenario of a cache entry; the text parsed afresh when the entry does not hold up."""
    from simulator.scenario.model import Scenario

    if not isinstance(record, dict):  # lost or damaged since the opening was read
        return catalogue.parse(found)
    try:
        scenario = Scenario.model_validate(record)
    except (ValueError, TypeError, RecursionError):
        return catalogue.parse(found)
    if Opening.of(scenario) != opening:  # an entry at odds with itself is not believed either
        return catalogue.parse(found)
    return catalogue.LoadedScenario(scenario, found.text, found.source)


def settle_heap() -> None:
    """Collect once, then freeze what is left (`gc.freeze`): the reader's weights, the persona and
    every cache just filled live as long as the process, yet a full collection would walk them all
    (30 ms and more, inside whichever turn it fell in). Frozen, no collection visits them; what
    later turns make is collected as before."""
    gc.collect()
    gc.freeze()


def warm_up(scenario: Scenario) -> None:
    """Run every path of a first turn once on a throwaway session: load, compile and fill caches now.

    Only caches of pure functions are filled, so the trainee's conversation is the same with
    or without it; what it saves is the first turn's wait.
    """
    from simulator.engine.closing import load as closing_model
    from simulator.engine.hint import hint_for
    from simulator.engine.listening import compile_set_aside_patterns
    from simulator.engine.reply import coachee_lines
    from simulator.engine.session import Session
    from simulator.engine.transcript import encode
    from simulator.reading.model import remember_coachee_lines, remember_vocabulary

    # The patterns of topics and hot buttons the warm-up lines do not raise are compiled too:
    # otherwise the trainee's first line to name one pays for it.
    for topic in scenario.topics:
        topic.pattern()
    for hot_button in scenario.coachee.hot_buttons:
        hot_button.pattern()
    compile_set_aside_patterns()
    # Every reply list made (`coachee_lines` prepares them all), and every word the reader knows
    # remembered: a conversation's first lines would otherwise pay for each the first time they
    # need it (a list at 1 ms, a word at 20 to 60 microseconds).
    said = coachee_lines(scenario)
    remember_vocabulary()
    # The reader of a meeting's close is first asked once a plan was talked of, mid-conversation:
    # its weights (6 ms to read) load now, not in that turn.
    closing_model()
    # And every line the coachee may say read as the next trainee line's context (50 to 100 µs
    # each, paid otherwise by the line after it).
    remember_coachee_lines(said)
    rehearsal = Session(scenario)
    hint_for(rehearsal)
    for line in WARM_UP_LINES:
        if rehearsal.end_reason is not None:
            break
        encode(rehearsal.say(line).as_record())
    hint_for(rehearsal)
    rehearsal.undo()


@dataclass
class PracticeRun:
    """A conversation ready to hold, and where its transcript is written."""

    conversation: Conversation
    transcript_path: Path | None

    @property
    def session(self) -> Session:
        """The session the conversation drives."""
        return self.conversation.session


class PendingRun:
    """A practice run being made ready in a background thread while the first screen is read.

    `start` begins the work (once); `result` waits for it and returns the run, or raises what
    making it raised. Without `start`, `result` makes the run in the calling thread and skips
    the warm-up (piped practice needs the run at once). `on_done` registers a callable the
    worker calls when it has finished, from its own thread.
    """

    def __init__(
        self,
        opening: Opening,
        make: Callable[[], PracticeRun],
        *,
        allow_undo: bool = True,
        allow_hints: bool = True,
        warm: bool = True,
    ) -> None:
        self.opening = opening
        self.allow_undo = allow_undo
        self.allow_hints = allow_hints
        self._make = make
        self._warm = warm
        self._run: PracticeRun | None = None
        self._error: BaseException | None = None
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None
        self._finished = threading.Event()
        self._listeners: list[Callable[[], None]] = []

    @classmethod
    def of(cls, run: PracticeRun, *, warm: bool = True) -> PendingRun:
        """A run made already (a graded round's, a test's): only the warm-up is left to do."""
        conversation = run.conversation
        pending = cls(
            Opening.of(run.session.scenario),
            lambda: run,
            allow_undo=conversation.allow_undo,
            allow_hints=conversation.allow_hints,
            warm=warm,
        )
        pending._run = run
        if not warm:
            pending._finished.set()
        return pending

    @property
    def made(self) -> PracticeRun | None:
        """The run once it has been made (the warm-up may still be going on), else None."""
        return self._run

    @property
    def error(self) -> BaseException | None:
        """What making the run raised, once it has finished failing."""
        return self._error if self._finished.is_set() else None

    def start(self) -> None:
        """Begin making the run in a background thread; later calls do nothing."""
        with self._lock:
            if self._worker is not None or self._finished.is_set():
                return
            self._worker = threading.Thread(target=self._prepare, name="practice-warm-up", daemon=True)
            self._worker.start()

    def on_done(self, listener: Callable[[], None]) -> None:
        """Call `listener` when the background work has finished (at once if it already has)."""
        with self._lock:
            if not self._finished.is_set():
                self._listeners.append(listener)
                return
        listener()

    def result(self) -> PracticeRun:
        """The run, once ready; raises what making it raised."""
        with self._lock:
            inline = self._worker is None and not self._finished.is_set()
            if inline:
                self._warm = False  # the run is wanted now: warming it first would only delay it
        if inline:
            self._prepare()
        self._finished.wait()
        if self._error is not None:
            raise self._error
        assert self._run is not None
        return self._run

    def _prepare(self) -> None:
        keep_large_blocks_returnable()  # before the reader loads: see `memory`
        try:
            if self._run is None:
                self._run = self._make()
            if self._warm:
                with contextlib.suppress(Exception):  # a failed warm-up only leaves the first turn slower
                    warm_up(self._run.session.scenario)
                settle_heap()
        except BaseException as error:  # handed to whoever waits for the run, in their thread
            self._error = error
        finally:
            with self._lock:
                self._finished.set()
                listeners, self._listeners = self._listeners, []
            for listener in listeners:
                listener()
