"""The warm start: the first screen from the cache of validated scenarios, the run made in the background.

The cache may only ever save time: a scenario comes back exactly as parsing its text gives
it, a changed text is validated afresh, and a damaged or foreign cache file is ignored.
"""

import io
import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.plain_text import PlainTextOutput

from simulator.errors import ScenarioError, TranscriptError
from simulator.rounds.grading import ScenarioCache
from simulator.scenario import catalogue
from simulator.scenario.catalogue import LoadedScenario, ScenarioSource
from simulator.shell import cache, warm_start
from simulator.shell.practice import prepare_practice
from simulator.shell.tui import run_interactive
from simulator.shell.warm_start import Opening, PendingRun, PracticeRun, first_screen
from tests.strategies import json_values, mutated_text

FOUND = catalogue.find(catalogue.DEFAULT_SCENARIO)
LOADED = catalogue.parse(FOUND)
OTHER = catalogue.parse(catalogue.find("diabetes-walking"))


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return cache.cache_folder() / "scenarios"


PARSED = {FOUND.text: LOADED}
"""Texts parsed already, and what parsing gave: a test parsing one again gets the same, at once."""


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every scenario text parsed from here on (the cache's misses), by its source."""
    parsed: list[str] = []
    real = catalogue.parse

    def counted(found: ScenarioSource) -> LoadedScenario:
        parsed.append(found.source)
        if found.text not in PARSED:
            PARSED[found.text] = real(found)
        known = PARSED[found.text]
        return LoadedScenario(known.scenario, found.text, found.source)

    monkeypatch.setattr(catalogue, "parse", counted)
    return parsed


def entry_file(folder: Path, part: str, found: ScenarioSource = FOUND) -> Path:
    return folder / f"{cache.scenario_key(found.text, cache.engine_fingerprint())}.{part}.json"


def test_a_scenario_validated_once_comes_back_from_the_cache_unparsed_and_equal(
    folder: Path, parses: list[str]
) -> None:
    opening, scenario = first_screen(FOUND)
    assert parses == [FOUND.source] and scenario() == LOADED
    again, cached = first_screen(FOUND)
    assert again == opening == Opening.of(LOADED.scenario)
    assert cached() == LOADED
    assert parses == [FOUND.source]


def test_a_grading_run_validates_each_scenario_once_across_runs(folder: Path, parses: list[str]) -> None:
    source = f"bundled:{LOADED.scenario.id}"
    first = ScenarioCache(warm_start.validated)
    assert first.load(source).scenario == LOADED.scenario and first.load(source) is first.load(source)
    assert first.with_limit(source, 7).turn_limit == 7
    later = ScenarioCache(warm_start.validated)  # another run, or another worker process
    assert later.load(source).scenario == LOADED.scenario and later.load(source).source == source
    assert parses == [source]


def test_scoring_validates_each_scenario_once_across_runs_and_scores_the_same(
    folder: Path, parses: list[str], tmp_path: Path
) -> None:
    from simulator.engine.transcript import encode, header_record
    from simulator.shell import scoring_files
    from simulator.trainer.rehearsal import play

    own = tmp_path / "our-own.yaml"  # a scenario file as well as the bundled one
    own.write_text(FOUND.text.replace(f"id: {LOADED.scenario.id}", "id: our-own", 1), encoding="utf-8")
    transcripts = []
    for source, scenario in ((LOADED.source, LOADED.scenario), (str(own), catalogue.load_file(own).scenario)):
        session = play(scenario, ["What would make today useful?", "That sounds like a hard week."], 3)
        path = tmp_path / f"{scenario.id}.jsonl"
        text = own.read_text(encoding="utf-8") if source == str(own) else FOUND.text
        path.write_text(encode(header_record(session, text, "2026-01-01T00:00:00+00:00", source)))
        transcripts.append(path)
    parses.clear()  # what making the transcripts parsed

    def scored() -> list[tuple[int, str]]:
        scoring_files._bundled.cache_clear()  # a new process: only the cache on disk is left
        scoring_files._parsed.cache_clear()
        return [(s.card.overall, s.card.band) for s in map(scoring_files.score_file, transcripts)]

    first = scored()
    assert sorted(parses) == sorted([LOADED.source, str(own)])
    assert scored() == first and len(parses) == 2  # the second run parsed nothing


@pytest.mark.slow
def test_a_changed_scenario_is_validated_afresh(folder: Path, parses: list[str]) -> None:
    first_screen(FOUND)
    renamed = ScenarioSource(
        FOUND.text.replace(LOADED.scenario.title, "A new title", 1), FOUND.source, FOUND.place
    )
    opening, scenario = first_screen(renamed)
    assert opening.title == "A new title" and scenario().scenario.title == "A new title"
    assert parses == [FOUND.source, FOUND.source]
    broken = ScenarioSource(FOUND.text.replace("turn_limit:", "turn_limit: [", 1), FOUND.source, FOUND.place)
    with pytest.raises(ScenarioError):
        first_screen(broken)


@pytest.mark.slow
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_an_edited_scenario_never_gets_the_cached_one(folder: Path, data: st.DataObject) -> None:
    first_screen(FOUND)
    text = data.draw(mutated_text(FOUND.text))
    edited = ScenarioSource(text, FOUND.source, FOUND.place)
    try:
        expected = catalogue.parse(edited)
    except ScenarioError:
        with pytest.raises(ScenarioError):
            first_screen(edited)
        return
    opening, scenario = first_screen(edited)
    assert scenario() == expected and opening == Opening.of(expected.scenario)


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: "{not json",
        lambda text: text[: len(text) // 2],
        lambda text: "[]",
        lambda text: "{}",
        lambda text: text.replace(cache.SCENARIO_FORMAT, "someone-else/1"),
        lambda text: text.replace('"part": "opening"', '"part": "scenario"'),
        lambda text: "\x00" * 40,
    ],
)
def test_a_damaged_or_foreign_opening_file_is_ignored(
    folder: Path, parses: list[str], damage: Callable[[str], str]
) -> None:
    first_screen(FOUND)
    opening_file = entry_file(folder, "opening")
    opening_file.write_text(damage(opening_file.read_text()))
    opening, scenario = first_screen(FOUND)
    assert parses == [FOUND.source, FOUND.source]
    assert scenario() == LOADED and opening == Opening.of(LOADED.scenario)


@pytest.mark.slow
def test_an_entry_moved_under_another_scenarios_key_is_not_believed(folder: Path, parses: list[str]) -> None:
    other = catalogue.find("diabetes-walking")
    first_screen(other)
    for part in ("opening", "scenario"):  # the other scenario's files, renamed to this one's key
        entry_file(folder, part, other).rename(entry_file(folder, part))
    opening, scenario = first_screen(FOUND)
    assert scenario() == LOADED and opening.scenario_id == LOADED.scenario.id
    assert parses == [other.source, FOUND.source]


@pytest.mark.parametrize(
    "record",
    [None, {"id": "nonsense"}, "text", "foreign"],
)
def test_a_damaged_or_foreign_scenario_record_is_validated_from_the_text(
    folder: Path, parses: list[str], record: object
) -> None:
    first_screen(FOUND)
    scenario_file = entry_file(folder, "scenario")
    stored = json.loads(scenario_file.read_text())
    if record == "foreign":  # a valid scenario, but not this one: at odds with the opening
        record = OTHER.scenario.model_dump(mode="json")
    if record is None:
        scenario_file.unlink()
    else:
        scenario_file.write_text(json.dumps({**stored, "value": record}))
    _, scenario = first_screen(FOUND)
    assert scenario() == LOADED
    assert parses == [FOUND.source, FOUND.source]


@pytest.mark.slow
@settings(max_examples=50)
@given(record=json_values)
def test_an_opening_is_read_back_only_from_a_whole_record(record: object) -> None:
    opening = Opening.from_record(record)
    assert opening is None or Opening.from_record(opening.as_record()) == opening


@pytest.mark.slow
def test_every_bundled_opening_survives_its_record() -> None:
    for scenario_id in catalogue.bundled_ids():
        opening = Opening.of(catalogue.load(scenario_id).scenario)
        assert Opening.from_record(json.loads(json.dumps(opening.as_record()))) == opening
        assert Opening.from_record({**opening.as_record(), "turn_limit": True}) is None
        assert Opening.from_record({**opening.as_record(), "starting_state": "gaurded"}) is None


def test_the_engine_fingerprint_is_remembered_until_a_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    engine = tmp_path / "engine"
    (engine / "room").mkdir(parents=True)
    (engine / "core.py").write_text("x = 1\n")
    (engine / "room" / "data.json").write_text("[]")
    monkeypatch.setattr(cache, "ENGINE_ROOT", engine)
    computed: list[str] = []
    real = cache.code_fingerprint
    monkeypatch.setattr(cache, "code_fingerprint", lambda: computed.append("x") or real())
    first = cache.engine_fingerprint()
    assert first == real() and cache.engine_fingerprint() == first and len(computed) == 1
    (engine / "room" / "data.json").write_text("[1]")
    changed = cache.engine_fingerprint()
    assert changed != first and changed == real() and len(computed) == 2
    (cache.cache_folder() / "engine-fingerprint.json").write_text('{"format": 1')
    assert cache.engine_fingerprint() == changed and len(computed) == 3


def test_an_unwritable_cache_still_starts_practice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    opening, scenario = first_screen(FOUND)
    assert scenario() == LOADED and opening.title == LOADED.scenario.title


# --- the pending run ------------------------------------------------------------------------


def pending_of(make: Callable[[], PracticeRun], warm: bool = True) -> PendingRun:
    return PendingRun(Opening.of(LOADED.scenario), make, warm=warm)


def test_a_pending_run_hands_over_what_making_it_raised_in_either_thread() -> None:
    def fail() -> PracticeRun:
        raise TranscriptError("t.jsonl: cannot write (No space left on device)")

    inline = pending_of(fail)
    with pytest.raises(TranscriptError, match="No space left"):
        inline.result()
    background = pending_of(fail)
    finished = threading.Event()
    background.on_done(finished.set)
    background.start()
    assert finished.wait(10) and isinstance(background.error, TranscriptError)
    with pytest.raises(TranscriptError):
        background.result()


def test_a_warmed_run_leaves_what_it_loaded_out_of_later_collections(tmp_path: Path) -> None:
    import gc

    gc.unfreeze()
    pending, _ = prepare_practice(None, 1, tmp_path / "t.jsonl")
    pending.start()
    run = pending.result()
    try:
        assert gc.get_freeze_count() > 10_000  # the weights' holders, the persona, the caches
        assert run.conversation.handle("What would make this useful for you?").turn is not None
    finally:
        run.conversation.finish("eof", "t")
        gc.unfreeze()


def test_a_failed_warm_up_leaves_the_run_usable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_: object) -> None:
        raise RuntimeError("warm-up failed")

    monkeypatch.setattr(warm_start, "warm_up", broken)
    pending, _ = prepare_practice(None, 1, tmp_path / "t.jsonl")
    pending.start()
    run = pending.result()
    assert pending.error is None and run.conversation.handle("Hello.").turn is not None
    run.conversation.finish("eof", "t")


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe_input, create_app_session(input=pipe_input, output=DummyOutput()):
        yield pipe_input


def test_the_app_shows_the_first_screen_before_the_run_is_made(pipe: PipeInput, tmp_path: Path) -> None:
    shown_before_made: list[bool] = []
    screen = io.StringIO()
    pending, path = prepare_practice(None, 2, tmp_path / "t.jsonl")
    make = pending._make

    def watched() -> PracticeRun:
        shown_before_made.append("Your goals:" in screen.getvalue())
        return make()

    pending._make = watched
    pipe.send_text("Hello Grace.\r\x04")
    reason = run_interactive(pending, input=pipe, output=PlainTextOutput(screen))
    run = pending.result()
    run.conversation.finish(reason, "t")
    assert shown_before_made == [True]
    assert [turn.trainee for turn in run.session.turns] == ["Hello Grace."]
    assert "Grace Mensah" in screen.getvalue() and path.exists()


def test_the_app_ends_with_the_error_when_the_run_cannot_be_made(pipe: PipeInput) -> None:
    def fail() -> PracticeRun:
        raise TranscriptError("t.jsonl: cannot write (Permission denied)")

    with pytest.raises(TranscriptError, match="Permission denied"):
        run_interactive(pending_of(fail), input=pipe, output=DummyOutput())


def test_warming_up_changes_no_conversation() -> None:
    # The warm-up makes every reply list and remembers the reader's words ahead of time; the
    # conversation after it is the one a cold start would have had, turn for turn.
    from simulator.trainer.rehearsal import play

    lines = [
        "Thanks for coming in. What would make this useful for you?",
        "lol",
        "You calm people down when they're most frightened.",
        "What would a great week look like for you?",
        "Right. Any questions? No? Good.",
    ]
    for scenario_id in ("ward-nurse-charting", "restaurant-head-chef"):
        cold = catalogue.parse(catalogue.find(scenario_id)).scenario
        warm = catalogue.parse(catalogue.find(scenario_id)).scenario
        warm_start.warm_up(warm)
        assert [turn.as_record() for turn in play(warm, lines, 3).turns] == [
            turn.as_record() for turn in play(cold, lines, 3).turns
        ]
