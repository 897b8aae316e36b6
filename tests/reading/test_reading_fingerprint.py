"""The learned reader reads every corpus line as its fingerprint says, in batches and one by one.

`reading_fingerprint.txt` (beside this file) holds, for each corpus file, a header with the file's
name, the start of the sha256 of its bytes and its number of lines, then one row per line: the
first six hex digits of sha256("form|focus|attractor|cue<TAB>cue...") (several, '|'-separated,
where a near tie between two cues let them come in either order) and the confidence times 10^4,
rounded. Its first row names the weights it was made with.

After a refit or a change to the corpus, check the new readings (`python benchmarks/reader.py`)
and rewrite it:

    python tests/reading/test_reading_fingerprint.py --write
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from simulator.reading import model
from simulator.reading.model import Reading, read, read_many
from simulator.vocabulary import Context

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS_DIR = REPO_ROOT / "simulator" / "reading" / "corpus"
FINGERPRINT_PATH = Path(__file__).with_name("reading_fingerprint.txt")
TESTING_PART = ("d.jsonl", "h.jsonl")
CONFIDENCE_TOLERANCE = 0.5e-4 + 1e-6  # half the stored unit, and float32 noise
REWRITE = "python tests/reading/test_reading_fingerprint.py --write"


@dataclass(frozen=True)
class CorpusFile:
    """One corpus file as the fingerprint knows it."""

    name: str
    digest: str
    rows: list[tuple[frozenset[str], int]]  # per line: accepted reading hashes, confidence x 10^4


def weights_digest() -> str:
    """What the readings depend on besides the code: the fitted weights and their feature names."""
    loaded = model._model()
    digest = hashlib.sha256(loaded.form_weights.tobytes())
    digest.update(loaded.focus_weights.tobytes())
    digest.update("\n".join(loaded.names).encode())
    return digest.hexdigest()[:16]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def reading_hash(reading: Reading) -> str:
    key = "|".join(
        [reading.form.value, reading.focus.value, reading.attractor.value, "\t".join(reading.cues)]
    )
    return hashlib.sha256(key.encode()).hexdigest()[:6]


def corpus_lines(path: Path) -> tuple[list[str], list[Context]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [str(r["text"]) for r in records]
    contexts = [
        Context(
            previous_coachee_line=str(r.get("previous_coachee_line") or ""),
            vision_established=bool(r["vision_established"]),
        )
        for r in records
    ]
    return texts, contexts


def load_fingerprint() -> tuple[str, list[CorpusFile]]:
    weights = ""
    files: list[CorpusFile] = []
    for row in FINGERPRINT_PATH.read_text(encoding="utf-8").splitlines():
        if row.startswith("#"):
            continue
        if row.startswith("weights "):
            weights = row.split()[1]
        elif row.startswith("["):
            name, digest, _ = row.strip("[]").split()
            files.append(CorpusFile(name, digest, []))
        else:
            hashes, confidence = row.split()
            files[-1].rows.append((frozenset(hashes.split("|")), int(confidence)))
    return weights, files


def check_file(corpus: CorpusFile) -> None:
    path = CORPUS_DIR / corpus.name
    assert path.exists(), f"{corpus.name} is gone from the corpus: {REWRITE}"
    assert file_digest(path) == corpus.digest, f"{corpus.name} changed since the fingerprint: {REWRITE}"
    texts, contexts = corpus_lines(path)
    assert len(texts) == len(corpus.rows)
    wrong = []
    for number, (text, reading, (hashes, confidence)) in enumerate(
        zip(texts, read_many(texts, contexts), corpus.rows, strict=True), start=1
    ):
        if (
            reading_hash(reading) not in hashes
            or abs(reading.confidence - confidence / 1e4) > CONFIDENCE_TOLERANCE
        ):
            wrong.append(f"{corpus.name}:{number}: {text[:60]!r} now reads {reading}")
    assert not wrong, f"{len(wrong)} lines read differently:\n" + "\n".join(wrong[:10])


@pytest.fixture(scope="module")
def fingerprint() -> list[CorpusFile]:
    weights, files = load_fingerprint()
    assert weights == weights_digest(), f"the reader was refitted since the fingerprint: {REWRITE}"
    return files


def test_the_testing_part_reads_as_its_fingerprint_says(fingerprint: list[CorpusFile]) -> None:
    testing = [corpus for corpus in fingerprint if corpus.name in TESTING_PART]
    assert [corpus.name for corpus in testing] == list(TESTING_PART)
    for corpus in testing:
        check_file(corpus)


@pytest.mark.slow
def test_every_corpus_line_reads_as_its_fingerprint_says(fingerprint: list[CorpusFile]) -> None:
    assert {path.name for path in CORPUS_DIR.glob("*.jsonl")} == {corpus.name for corpus in fingerprint}
    for corpus in fingerprint:
        check_file(corpus)


def read_alike(stride: int) -> None:
    """`read_many` of every `stride`-th line of the testing part is `read` of each, to the last bit."""
    for name in TESTING_PART:
        texts, contexts = corpus_lines(CORPUS_DIR / name)
        texts, contexts = texts[::stride], contexts[::stride]
        together = read_many(texts, contexts)
        for text, context, reading in zip(texts, contexts, together, strict=True):
            assert read(text, context) == reading, text


@pytest.mark.slow
def test_read_many_reads_lines_as_read_does_one_by_one() -> None:
    read_alike(stride=8)


@pytest.mark.slow
def test_read_many_reads_the_testing_part_as_read_does_line_by_line() -> None:
    read_alike(stride=1)


def test_a_line_read_otherwise_fails_the_check(fingerprint: list[CorpusFile]) -> None:
    corpus = next(corpus for corpus in fingerprint if corpus.name == TESTING_PART[0])
    (_, confidence), *rest = corpus.rows
    for first in ((frozenset({"000000"}), confidence), (corpus.rows[0][0], confidence + 10)):
        with pytest.raises(AssertionError, match=f"{corpus.name}:1:"):
            check_file(CorpusFile(corpus.name, corpus.digest, [first, *rest]))


def write() -> None:
    """Rewrite the fingerprint from what the reader reads now."""
    rows = [
        "# Readings of every corpus line by the learned reader: see tests/reading/test_reading_fingerprint.py.",
        f"weights {weights_digest()}",
    ]
    for path in sorted(CORPUS_DIR.glob("*.jsonl")):
        texts, contexts = corpus_lines(path)
        rows.append(f"[{path.name} {file_digest(path)} {len(texts)}]")
        rows += [f"{reading_hash(r)} {round(r.confidence * 1e4)}" for r in read_many(texts, contexts)]
    FINGERPRINT_PATH.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {FINGERPRINT_PATH} ({len(rows)} rows)")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit(f"usage: {REWRITE}")
    write()
