"""What the fitting scripts that regress on feature dicts share: each author's labelled lines of a
corpus folder, and the design matrix, a sparse row of features for each line.

The matrix needs scipy (the `[fit]` extra), imported only when a fit runs.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def corpus_records(folder: Path, authors: Sequence[str]) -> list[dict[str, str]]:
    """The records of each author's file (`<author>.jsonl`, one JSON object a line) in `folder`, in order."""
    records: list[dict[str, str]] = []
    for author in authors:
        with (folder / f"{author}.jsonl").open(encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle if line.strip())
    return records


def design_matrix(rows: Sequence[dict[str, float]], names: Sequence[str]) -> Any:
    """The rows as a scipy CSR matrix, one column per name in order; a feature not named is dropped."""
    sparse: Any = importlib.import_module("scipy.sparse")
    column = {name: index for index, name in enumerate(names)}
    data: list[float] = []
    indices: list[int] = []
    pointers = [0]
    for row in rows:
        known = sorted((column[name], value) for name, value in row.items() if name in column)
        indices += [index for index, _ in known]
        data += [value for _, value in known]
        pointers.append(len(indices))
    return sparse.csr_matrix((data, indices, pointers), shape=(len(rows), len(names)))
