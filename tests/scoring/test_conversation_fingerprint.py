"""Fixed conversations on every bundled scenario play and score exactly as their fingerprint says.

`conversation_fingerprint.txt` (beside this file) holds, for each conversation of a fixed set
(each scenario's own test conversations and two mixed conversations of warm, cold, stock, blank
and hostile lines, at several seeds; and external transcripts of two people), the start of the
sha256 of: its transcript as `coach-transcript/1` text, its turns as Python writes them (every
float at full precision: the reader's confidence, the openness) and its scorecard as sorted JSON.
Each simulated row also names its scenario's content hash, so a persona edited since says so.

Every way a conversation is played and scored must match it, byte for byte: one line at a
time (`play`, `score_session`), the batch replay that reads many conversations' lines at once,
the worker processes of `coach score`, and a round graded from the gradebook. After an intended
change to the engine, the reader, the scorer or a persona, check what moved and rewrite it:

    python tests/scoring/test_conversation_fingerprint.py --write
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from scoring.external import Utterance, facts_from_utterances
from scoring.scorecard import Scorecard, score_facts
from simulator.engine.replay import Replay, replay_all
from simulator.engine.session import Session
from simulator.engine.transcript import encode, end_record, header_record, scenario_sha256
from simulator.records import EndReason
from simulator.scenario import catalogue
from simulator.trainer.rehearsal import play, score_session, typical_day_note, with_note

FINGERPRINT_PATH = Path(__file__).with_name("conversation_fingerprint.txt")
REWRITE = "python tests/scoring/test_conversation_fingerprint.py --write"
AT = "2026-01-01T00:00:00+00:00"

# The lines are fixed here, not shared with other tests, so that editing those never moves the fingerprint.
WARM_LINES = [
    "What would make this conversation worthwhile for you?",
    "It sounds like the last few weeks have been exhausting.",
    "What matters most to you in this work?",
    "If things were going really well two years from now, what would you be doing?",
    "Tell me about a time you were at your best.",
    "It's your call what we focus on.",
    "You care a great deal about the people you look after.",
    "Which small step would you most like to try first?",
    "So part of you wants to keep going, and part of you is worn out.",
    "What would you like to try before we next meet?",
]
COLD_LINES = [
    "Did you finish your charting yesterday?",
    "You need to get this sorted by Friday.",
    "Why didn't you ask for help?",
    "You should just make a checklist and stick to it.",
    "Have you done what we agreed last time?",
    "Honestly, that's not good enough.",
]
STOCK_LINES = [
    "What's your vision for the future?",
    "That sounds really hard.",
    "It's your choice.",
    "How are you doing?",
]
ODD_LINES = ["", "   ", "\x1b[2JWhat matters to you?", "mm", "ok so yeah", "x" * 700, "日本語の文"]
COACHEE_WORDS = [
    "I'm fine. It's just been busy.",
    "We're two nurses down most nights, and I'm tired of it.",
    "I love teaching the students, honestly. That's the best bit.",
    "I could try charting at the bedside next week.",
    "Maybe. I don't know.",
    "",
]
MIXED_SEEDS = (3, 11)
EXTERNAL = 4


@dataclass(frozen=True)
class Played:
    """One fixed simulated conversation: where it is played, with what seed and which lines."""

    label: str
    scenario_id: str
    seed: int
    lines: tuple[str, ...]


@cache
def bundled() -> dict[str, catalogue.LoadedScenario]:
    return {scenario_id: catalogue.load_bundled_id(scenario_id) for scenario_id in catalogue.bundled_ids()}


def mixed_lines(scenario_id: str, seed: int, count: int) -> tuple[str, ...]:
    rng = random.Random(f"{scenario_id} {seed}")
    pool = [*WARM_LINES, *WARM_LINES, *COLD_LINES, *STOCK_LINES, *ODD_LINES]
    return tuple(rng.choice(pool) for _ in range(count))


def simulated_conversations() -> list[Played]:
    """The fixed set: each scenario's test conversations (at their seed and at seed 5), and mixed ones."""
    played = []
    for scenario_id, loaded in bundled().items():
        scenario = loaded.scenario
        for test in scenario.tests:
            played.append(Played(f"test:{test.name}", scenario_id, test.seed, tuple(test.lines)))
            played.append(Played(f"test:{test.name}", scenario_id, 5, tuple(test.lines)))
        for seed in MIXED_SEEDS:
            lines = mixed_lines(scenario_id, seed, scenario.turn_limit + 5)
            played.append(Played("mixed", scenario_id, seed, lines))
    return played


def external_conversations() -> list[list[Utterance]]:
    """Conversations between two people: coach lines with the coachee's words between them."""
    conversations = []
    for number in range(EXTERNAL):
        rng = random.Random(f"external {number}")
        utterances = []
        for line in range(24):
            utterances.append(Utterance("coach", rng.choice([*WARM_LINES, *COLD_LINES, *STOCK_LINES]), line))
            said = rng.choice(COACHEE_WORDS)
            if said:
                utterances.append(Utterance("coachee", said, line))
        conversations.append(utterances)
    return conversations


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]


def transcript_text(session: Session, loaded: catalogue.LoadedScenario) -> str:
    """The session as the transcript a practice writes (with fixed times)."""
    records = [header_record(session, loaded.text, AT, loaded.source)]
    records += [turn.as_record() for turn in session.turns]
    records.append(end_record(session, "eof", AT))
    return "".join(encode(record) for record in records)


def card_text(card: Scorecard) -> str:
    return json.dumps(card.as_dict(), sort_keys=True, ensure_ascii=False)


def simulated_row(played: Played, session: Session, card: Scorecard) -> str:
    """A fingerprint row of a simulated conversation, from its played session and its scorecard."""
    loaded = bundled()[played.scenario_id]
    return " ".join(
        [
            "sim",
            played.scenario_id,
            scenario_sha256(loaded.text)[:16],
            str(played.seed),
            _digest(transcript_text(session, loaded)),
            _digest(repr(session.turns)),
            _digest(card_text(card)),
        ]
    )


def external_row(number: int, card: Scorecard) -> str:
    return f"ext {number} {_digest(card_text(card))}"


def reference_rows() -> list[str]:
    """Every row, played one line at a time and scored one conversation at a time."""
    rows = []
    for played in simulated_conversations():
        session = play(bundled()[played.scenario_id].scenario, played.lines, played.seed)
        rows.append(simulated_row(played, session, score_session(session)))
    for number, utterances in enumerate(external_conversations()):
        rows.append(
            external_row(number, score_facts(facts_from_utterances(utterances, f"external {number}")))
        )
    return rows


def load_rows() -> list[str]:
    return [
        row
        for row in FINGERPRINT_PATH.read_text(encoding="utf-8").splitlines()
        if row and not row.startswith("#")
    ]


def assert_rows_match(actual: Sequence[str], expected: Sequence[str]) -> None:
    """Each row as the fingerprint has it; a persona changed since is named as such."""
    assert len(actual) == len(expected), (
        f"{len(actual)} conversations, the fingerprint has {len(expected)}: {REWRITE}"
    )
    current = {scenario_id: scenario_sha256(loaded.text)[:16] for scenario_id, loaded in bundled().items()}
    wrong = []
    for number, (now, then) in enumerate(zip(actual, expected, strict=True), start=1):
        if now == then:
            continue
        fields = then.split()
        if fields[0] == "sim" and current.get(fields[1]) != fields[2]:
            wrong.append(f"row {number}: scenario {fields[1]} has changed since the fingerprint ({REWRITE})")
        else:
            wrong.append(f"row {number}: {now}\n    expected {then}")
    assert not wrong, f"{len(wrong)} conversations differ:\n" + "\n".join(wrong[:12])


@pytest.fixture(scope="module")
def expected() -> list[str]:
    return load_rows()


@pytest.mark.slow
def test_each_conversation_played_line_by_line_matches_its_fingerprint(expected: list[str]) -> None:
    assert_rows_match(reference_rows(), expected)


@pytest.mark.slow
def test_the_first_conversation_of_each_scenario_matches_its_fingerprint(expected: list[str]) -> None:
    conversations = simulated_conversations()
    firsts = {}
    for index, played in enumerate(conversations):
        firsts.setdefault(played.scenario_id, index)
    actual, wanted = [], []
    for index in firsts.values():
        played = conversations[index]
        session = play(bundled()[played.scenario_id].scenario, played.lines, played.seed)
        actual.append(simulated_row(played, session, score_session(session)))
        wanted.append(expected[index])
    assert_rows_match(actual, wanted)


@pytest.mark.slow
def test_each_conversation_replayed_in_one_batch_matches_its_fingerprint(expected: list[str]) -> None:
    conversations = simulated_conversations()
    sessions = replay_all(
        [
            Replay(bundled()[played.scenario_id].scenario, played.lines, played.seed)
            for played in conversations
        ]
    )
    rows = [
        simulated_row(played, session, score_session(session))
        for played, session in zip(conversations, sessions, strict=True)
    ]
    assert_rows_match(rows, expected[: len(rows)])


def assert_cards_match(cards: Sequence[Scorecard], expected: Sequence[str]) -> None:
    """Each simulated conversation's scorecard as the fingerprint has it (its last field)."""
    wanted = [row.split()[-1] for row in expected if row.startswith("sim ")]
    assert len(cards) == len(wanted)
    wrong = [
        number
        for number, (card, digest) in enumerate(zip(cards, wanted, strict=True), start=1)
        if _digest(card_text(card)) != digest
    ]
    assert not wrong, f"the scorecards of rows {wrong[:12]} differ from the fingerprint"


@pytest.mark.slow
def test_their_transcripts_scored_in_worker_processes_match_the_fingerprint(
    tmp_path: Path, expected: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from simulator.shell import scoring_files

    paths = []
    for number, played in enumerate(simulated_conversations()):
        loaded = bundled()[played.scenario_id]
        path = tmp_path / f"practice-{number:03d}.jsonl"
        path.write_text(
            transcript_text(play(loaded.scenario, played.lines, played.seed), loaded), encoding="utf-8"
        )
        paths.append(path)
    monkeypatch.setattr(
        scoring_files, "worker_count", lambda: 2
    )  # as on a two-core machine, whatever this one has
    assert len(paths) >= scoring_files.PARALLEL_FROM
    scored = [item for _, item in scoring_files.score_files(paths)]
    assert all(isinstance(item, scoring_files.ScoredFile) for item in scored), scored
    assert_cards_match([item.card for item in scored if isinstance(item, scoring_files.ScoredFile)], expected)


@pytest.mark.slow
def test_the_conversations_graded_as_a_round_page_match_the_fingerprint(expected: list[str]) -> None:
    from simulator.rounds.gradebook import StoredConversation
    from simulator.rounds.grading import ScenarioCache, grade_replayed, replay_page

    sessions = [
        play(bundled()[played.scenario_id].scenario, played.lines, played.seed)
        for played in simulated_conversations()
    ]
    page = [
        StoredConversation(
            id=number,
            round_id="fixed",
            trainee=f"trainee {number}",
            scenario_id=played.scenario_id,
            scenario_source=f"bundled:{played.scenario_id}",
            scenario_sha256=scenario_sha256(bundled()[played.scenario_id].text),
            seed=played.seed,
            turn_limit=bundled()[played.scenario_id].scenario.turn_limit,
            started_at=AT,
            ended_at=AT,
            end_reason="eof",
            # What a round records: the lines the coachee met heard, up to their leaving.
            lines=tuple(turn.trainee for turn in session.turns),
        )
        for number, (played, session) in enumerate(zip(simulated_conversations(), sessions, strict=True))
    ]
    replayed = replay_page(page, ScenarioCache())
    assert not [item for item in replayed if isinstance(item, str)]
    # A grade is the typical day's, as a scorecard is; only the note on the day the trainee had is
    # the scorecard's alone (the gradebook keeps the lines, not the replies), so it is added here.
    cards = [
        with_note(
            grade_replayed([item], 60)[0].card,
            typical_day_note(
                item.session.scenario.coachee.name,
                [(turn.coachee, turn.state_after.value) for turn in met.turns],
                item.session.turns,
                met_left=met.end_reason is EndReason.COACHEE_LEFT,
                typical_left=item.session.end_reason is EndReason.COACHEE_LEFT,
            ),
        )
        for item, met in zip(replayed, sessions, strict=True)
        if not isinstance(item, str)
    ]
    assert_cards_match(cards, expected)


@pytest.mark.slow
def test_a_conversation_played_otherwise_fails_the_check(expected: list[str]) -> None:
    played = simulated_conversations()[0]
    session = play(bundled()[played.scenario_id].scenario, played.lines[:-1], played.seed)
    with pytest.raises(AssertionError, match="row 1:"):
        assert_rows_match([simulated_row(played, session, score_session(session))], expected[:1])


def write() -> None:
    """Rewrite the fingerprint from what the code plays and scores now."""
    rows = reference_rows()
    header = [
        "# Fixed conversations played and scored: see tests/scoring/test_conversation_fingerprint.py.",
        "# sim SCENARIO SCENARIO_SHA SEED TRANSCRIPT_SHA TURNS_SHA CARD_SHA | ext NUMBER CARD_SHA",
    ]
    FINGERPRINT_PATH.write_text("\n".join([*header, *rows]) + "\n", encoding="utf-8")
    print(f"wrote {FINGERPRINT_PATH} ({len(rows)} conversations)")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit(f"usage: {REWRITE}")
    write()
