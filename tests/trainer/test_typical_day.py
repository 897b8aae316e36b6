"""The verdict is the persona's typical self's: the same lines get the same verdict whatever day the seed drew."""

import json
from pathlib import Path

from click.testing import CliRunner

from scoring.scorecard import score_practice
from simulator.engine.session import Session, typical_personality
from simulator.rounds.grading import grade_session
from simulator.scenario import catalogue
from simulator.shell.cli import main
from simulator.trainer.rehearsal import on_a_typical_day, play, score_session, typical_day_note
from tests.strategies import REPAIRED_START

NURSE = catalogue.load(catalogue.DEFAULT_SCENARIO).scenario
SEEDS = range(12)


def _met_otherwise(session: Session) -> bool:
    return [turn.coachee for turn in session.turns] != [
        turn.coachee for turn in on_a_typical_day(session).turns
    ]


def test_the_same_lines_get_the_same_verdict_whatever_day_the_seed_drew() -> None:
    sessions = [play(NURSE, REPAIRED_START, seed) for seed in SEEDS]
    # Not a vacuous check: some seeds' coachees answered otherwise, and scored as met they differ.
    assert any(_met_otherwise(session) for session in sessions)
    assert len({score_practice(s.scenario, s.turns).overall for s in sessions}) > 1
    cards = [score_session(session) for session in sessions]
    assert len({(card.overall, card.band) for card in cards}) == 1
    assert len({grade_session("Ann", session, 50).card.overall for session in sessions}) == 1


def test_a_coachee_met_on_another_day_is_named_in_a_note_and_the_typical_one_is_not() -> None:
    otherwise = next(
        play(NURSE, REPAIRED_START, seed)
        for seed in SEEDS
        if _met_otherwise(play(NURSE, REPAIRED_START, seed))
    )
    [note] = [note for note in score_session(otherwise).notes if "typical day" in note]
    assert note.startswith("Scored against Grace Mensah on a typical day")
    assert f"of your {len(REPAIRED_START)} lines otherwise" in note
    typical = play(NURSE, REPAIRED_START, 0)
    assert typical.personality == typical_personality(NURSE)
    assert on_a_typical_day(typical) is typical
    assert not [note for note in score_session(typical).notes if "typical day" in note]


def test_coach_score_gives_a_transcript_the_typical_days_verdict_and_says_so(tmp_path: Path) -> None:
    runner = CliRunner()
    seed = next(seed for seed in SEEDS if _met_otherwise(play(NURSE, REPAIRED_START, seed)))
    path = tmp_path / "practice.jsonl"
    practised = runner.invoke(
        main,
        ["practice", "--seed", str(seed), "--transcript", str(path)],
        input="\n".join(REPAIRED_START) + "\n",
    )
    assert practised.exit_code == 0, practised.output
    result = runner.invoke(main, ["score", "--json", str(path)])
    [scored] = [json.loads(line) for line in result.stdout.splitlines()]
    assert scored["overall"] == round(score_session(play(NURSE, REPAIRED_START, 0)).overall, 1)
    assert any(note.startswith("Scored against Grace Mensah on a typical day") for note in scored["notes"])


def test_the_note_says_when_one_of_the_two_coachees_walked_out() -> None:
    typical = play(NURSE, REPAIRED_START[:4], 0).turns
    met = [(turn.coachee, turn.state_after.value) for turn in typical]
    assert typical_day_note("Grace Mensah", met, typical) is None  # the same conversation: no note
    met[-1] = ("I'm going back to the ward.", "defensive")
    left = typical_day_note("Grace Mensah", met, typical, met_left=True)
    assert left is not None and left.endswith(
        "answered 1 of your 4 lines otherwise and left the meeting (on a typical day, they would have stayed)."
    )
    stayed = typical_day_note("Grace Mensah", [*met, ("Fine.", "guarded")], typical[:3], typical_left=True)
    assert stayed is not None and stayed.endswith(
        "(on a typical day, they would have left the meeting at turn 3)."
    )


def test_a_transcripts_recorded_states_reach_the_note_only_when_the_engine_knows_them(tmp_path: Path) -> None:
    runner = CliRunner()
    seed = next(seed for seed in SEEDS if _met_otherwise(play(NURSE, REPAIRED_START, seed)))
    path = tmp_path / "practice.jsonl"
    runner.invoke(
        main,
        ["practice", "--seed", str(seed), "--transcript", str(path)],
        input="\n".join(REPAIRED_START) + "\n",
    )
    records = [json.loads(line) for line in path.read_text().splitlines()]
    for record in records:
        if record["type"] == "turn":
            record["state_after"] = "\x1b[2J" + "x" * 10_000
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    [scored] = [
        json.loads(line) for line in runner.invoke(main, ["score", "--json", str(path)]).stdout.splitlines()
    ]
    [note] = [note for note in scored["notes"] if "typical day" in note]
    assert "x" * 10 not in note and "\x1b" not in note and len(note) < 300
