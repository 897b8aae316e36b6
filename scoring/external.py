"""External transcripts: real or role-played conversations between two people, scored without a simulator.

Two formats: `.jsonl` with one `{"speaker": ..., "text": ...}` object per
line, and `.txt` with one `Speaker: text` line per utterance (a line without a speaker
continues the one before). Speakers are matched to a role by alias; an unknown speaker
is an error naming the line. Parsing is pure: the command line reads the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from scoring.facts import ConversationFacts, TurnFacts
from simulator.errors import ExternalTranscriptError
from simulator.json_lines import json_objects
from simulator.reading.moves import classify_many
from simulator.talk import model as talk_model
from simulator.text import clean_line
from simulator.vocabulary import Attractor, Context, Focus, Move

Role = Literal["coach", "coachee"]

COACH_ALIASES = frozenset(
    {"coach", "manager", "therapist", "counsellor", "counselor", "interviewer", "trainee"}
)
COACHEE_ALIASES = frozenset({"coachee", "client", "patient", "employee"})

_SPEAKER_LINE = re.compile(r"^\s*([^:\n]{1,40}?)\s*:\s?(.*)$")


@dataclass(frozen=True)
class Utterance:
    """One thing one person said."""

    role: Role
    text: str
    line: int


def role_of(speaker: str, where: str) -> Role:
    """The role a speaker name stands for, or an error naming the line."""
    name = speaker.strip().lower()
    if name in COACH_ALIASES:
        return "coach"
    if name in COACHEE_ALIASES:
        return "coachee"
    known = ", ".join(sorted(COACH_ALIASES | COACHEE_ALIASES))
    raise ExternalTranscriptError(f"{where}: unknown speaker {speaker.strip()!r}; use one of: {known}")


def parse_jsonl(lines: list[str], source: str) -> list[Utterance]:
    """Utterances from `{"speaker", "text"}` JSON Lines."""
    utterances = []
    for where, number, record in json_objects(lines, source, ExternalTranscriptError):
        if not isinstance(record.get("speaker"), str):
            raise ExternalTranscriptError(f"{where}: expected an object with 'speaker' and 'text'")
        if not isinstance(record.get("text"), str):
            raise ExternalTranscriptError(f"{where}: 'text' must be a string")
        utterances.append(Utterance(role_of(record["speaker"], where), record["text"], number))
    return utterances


def parse_txt(lines: list[str], source: str) -> list[Utterance]:
    """Utterances from `Speaker: text` lines."""
    utterances: list[Utterance] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        match = _SPEAKER_LINE.match(line)
        where = f"{source}:{number}"
        if match is None:
            if not utterances:
                raise ExternalTranscriptError(f"{where}: expected 'Speaker: text'")
            last = utterances[-1]
            utterances[-1] = Utterance(last.role, f"{last.text} {line.strip()}", last.line)
            continue
        utterances.append(Utterance(role_of(match.group(1), where), match.group(2), number))
    return utterances


def facts_from_utterances(utterances: list[Utterance], source: str) -> ConversationFacts:
    """Read every coach line as a move (with the coachee's last words as context) and every coachee line as talk."""
    if not any(u.role == "coach" for u in utterances):
        raise ExternalTranscriptError(f"{source}: no coach lines to score")
    moves = iter(_coach_moves(utterances))
    turns: list[TurnFacts] = []
    opening: list[str] = []  # what the coachee said before the coach's first line
    for utterance in utterances:
        text = clean_line(utterance.text)
        if utterance.role == "coachee":
            if not turns:
                opening.append(text)
            else:
                last = turns[-1]
                turns[-1] = TurnFacts(
                    last.n, last.trainee, last.move, coachee=f"{last.coachee} {text}".strip(),
                    coachee_talk=(*last.coachee_talk, talk_model.read(text, after=last.trainee).talk),
                )  # fmt: skip
            continue
        turns.append(TurnFacts(n=len(turns) + 1, trainee=text, move=next(moves)))
    return ConversationFacts(turns=tuple(turns), simulated=False, opening=" ".join(opening))


def _establishes_vision(move: Move) -> bool:
    return move.focus in (Focus.VISION, Focus.VALUES) and move.attractor is Attractor.PEA


def _coach_moves(utterances: list[Utterance]) -> list[Move]:
    """Every coach line read as a move, with the coachee's last words since the coach's line before as context.

    The vision is established from the line after the first PEA vision or values move, so the
    lines are read in two batches, each exact: all of them as before the vision, then again
    those after that first move, as after it (the reader reads many lines at once far faster).
    """
    texts: list[str] = []
    previous: list[str] = []
    previous_coachee = ""
    for utterance in utterances:
        text = clean_line(utterance.text)
        if utterance.role == "coachee":
            previous_coachee = text
            continue
        texts.append(text)
        previous.append(previous_coachee)
        previous_coachee = ""
    moves = classify_many(texts, [Context(said, False) for said in previous])
    first = next((index for index, move in enumerate(moves) if _establishes_vision(move)), len(moves))
    if first + 1 < len(moves):
        after = [Context(said, True) for said in previous[first + 1 :]]
        moves[first + 1 :] = classify_many(texts[first + 1 :], after)
    return moves


def parse_external(text: str, source: str, suffix: str) -> ConversationFacts:
    """The facts of an external transcript, from its text and its file suffix (.jsonl or .txt)."""
    lines = text.splitlines()
    utterances = parse_jsonl(lines, source) if suffix == ".jsonl" else parse_txt(lines, source)
    return facts_from_utterances(utterances, source)
