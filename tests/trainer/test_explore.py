"""The explorer: searching move sequences against a coachee, and the difficulty it derives."""

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

import simulator.trainer.explore as explore_module
from simulator.engine.session import Session
from simulator.records import EndReason
from simulator.scenario import catalogue
from simulator.scenario.check import reachable_states
from simulator.scenario.loading import parse_scenario
from simulator.scenario.model import Scenario
from simulator.trainer.explore import (
    COMPASSION_KINDS,
    COMPLIANCE_KINDS,
    Stepper,
    difficulty,
    explore,
    hot_button_kinds,
    replay,
    useful_kinds,
)
from simulator.vocabulary import Attractor, State
from tests.strategies import scenario_data

BUNDLED = {loaded.scenario.id: loaded.scenario for loaded in catalogue.load_bundled()}
DEFAULT = BUNDLED[catalogue.DEFAULT_SCENARIO]
ALL_KINDS = [*COMPASSION_KINDS, *COMPLIANCE_KINDS, *hot_button_kinds(DEFAULT)]


@pytest.mark.slow
@given(st.lists(st.sampled_from(ALL_KINDS), max_size=30))
@example([next(kind for kind in ALL_KINDS if kind.name == "agenda")] * DEFAULT.turn_limit)  # to the limit
def test_stepping_a_condition_agrees_with_replaying_from_the_start(path: list) -> None:
    stepper = Stepper(DEFAULT)
    probe = stepper.start()
    session = Session(DEFAULT)
    for kind in path[: DEFAULT.turn_limit]:
        if session.is_over:  # the coachee left: neither takes another line
            assert probe.ended is not None
            break
        probe = stepper.step(probe, kind)
        session.play(kind.move(session.is_vision_established), kind.text)
        assert (probe.state, probe.peak, probe.revealed) == (session.state, session.peak, session.revealed)
        assert probe.openness == pytest.approx(session.openness)
        # A condition records only the coachee leaving: the turn limit is the search's to count.
        assert probe.ended == (session.end_reason if session.end_reason is EndReason.COACHEE_LEFT else None)


@pytest.mark.slow
@pytest.mark.parametrize("scenario_id", sorted(BUNDLED))
def test_bundled_coachee_is_energised_by_compassion_and_never_opened_by_compliance(scenario_id: str) -> None:
    found = explore(BUNDLED[scenario_id])
    assert found.shortest_path is not None and found.shortest_path[-1].state_after is State.ENERGISED
    assert not found.compliance_reaches_open and found.compliance_peak.rank < State.OPEN.rank
    assert found.unreached == ()
    assert found.difficulty in ("easy", "moderate", "hard")


@pytest.mark.slow
def test_shortest_path_uses_no_nea_move_and_replays_to_energised() -> None:
    found = explore(DEFAULT)
    assert found.shortest_path is not None
    by_name = {kind.name: kind for kind in COMPASSION_KINDS}
    session = Session(DEFAULT)
    for step in found.shortest_path:
        move = by_name[step.kind].move(session.is_vision_established)
        assert move.attractor is not Attractor.NEA
        session.play(move)
    assert session.state is State.ENERGISED


@pytest.mark.slow
def test_a_coachee_who_starts_open_is_reached_by_compliance_and_the_explorer_says_so() -> None:
    opened = DEFAULT.model_copy(
        update={"coachee": DEFAULT.coachee.model_copy(update={"starting_state": State.OPEN})}
    )
    found = explore(opened)
    assert found.compliance_reaches_open and found.compliance_path == ()


@pytest.mark.slow
def test_a_closed_open_gate_leaves_open_and_energised_unreached_and_unrated() -> None:
    temperament = DEFAULT.coachee.temperament.model_copy(update={"open_needs": ("none",)})
    gated = DEFAULT.model_copy(
        update={"coachee": DEFAULT.coachee.model_copy(update={"temperament": temperament})}
    )
    found = explore(gated)
    assert found.unreached == (State.OPEN, State.ENERGISED)
    assert found.shortest_path is None and found.difficulty == "unreachable" == difficulty(gated)


@pytest.mark.slow
def test_a_thin_skinned_coachee_is_rated_harder_than_a_forgiving_one() -> None:
    def with_temperament(**changes: object) -> Scenario:
        temperament = DEFAULT.coachee.temperament.model_copy(update=changes)
        return DEFAULT.model_copy(
            update={"coachee": DEFAULT.coachee.model_copy(update={"temperament": temperament})}
        )

    order = ["easy", "moderate", "hard"]
    forgiving = difficulty(with_temperament(warm_up=1.0, sensitivity=0.2, shuts_down_on=()))
    thin_skinned = difficulty(with_temperament(warm_up=4.0, sensitivity=3.0, recovery=0.2))
    assert order.index(forgiving) < order.index(thin_skinned)


@pytest.mark.slow
def test_difficulty_is_what_explore_reports() -> None:
    for scenario in BUNDLED.values():
        assert difficulty(scenario) == explore(scenario).difficulty


def test_useful_kinds_keep_one_kind_per_effect_the_heaviest() -> None:
    kept = useful_kinds(COMPASSION_KINDS, DEFAULT)
    names = [kind.name for kind in kept]
    # A complex reflection on vision (weight 1.2) does all a vision question (1.0) does, and more.
    assert "vision reflection" in names and "vision question" not in names
    assert "empathic reflection" in names and "autonomy" in names


def test_replay_reports_each_step_as_the_session_played_it() -> None:
    steps = replay(DEFAULT, [COMPLIANCE_KINDS[5]])
    assert steps[0].kind == "confrontation" and steps[0].state_after is State.DEFENSIVE


@pytest.mark.slow
@settings(max_examples=25)
@given(scenario_data())
def test_explorer_never_reaches_a_state_the_rules_call_unreachable(data: dict) -> None:
    scenario = parse_scenario(yaml.safe_dump(data), "generated.yaml")
    found = explore(scenario)
    certain = set(State) - set(reachable_states(scenario).states)
    assert certain <= set(found.unreached)


@pytest.mark.slow
def test_explore_reports_at_which_bands_each_topic_is_answered() -> None:
    found = explore(DEFAULT)
    assert set(found.topics) == {topic.id for topic in DEFAULT.topics}
    assert all(bands == ("closed", "middle", "open") for bands in found.topics.values())
    assert found.topics_never_heard == ()


@pytest.mark.slow
def test_explore_names_a_topic_whose_conditions_are_never_met() -> None:
    topics = list(DEFAULT.topics)
    topics[0] = topics[0].model_copy(update={"requires": ("plan_agreed",), "unless": ("plan_agreed",)})
    found = explore(DEFAULT.model_copy(update={"topics": tuple(topics)}))
    assert found.topics_never_heard == (topics[0].id,)


def test_the_search_budget_is_checked_at_every_move_not_once_a_level(monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario
    stepper = explore_module.Stepper(scenario)
    steps = 0
    real_step = stepper.step

    def counted(probe: explore_module.Probe, kind: explore_module.MoveKind) -> explore_module.Probe:
        nonlocal steps
        steps += 1
        return real_step(probe, kind)

    monkeypatch.setattr(stepper, "step", counted)
    monkeypatch.setattr(explore_module, "MAX_EXPANSIONS", 25)
    kinds = (
        *explore_module.COMPASSION_KINDS,
        *explore_module.COMPLIANCE_KINDS,
    )  # far more than 25 a level by level two
    path, _ = explore_module._search(stepper, stepper.start(), kinds, 200, lambda probe: False)
    assert path is None and steps == 25
