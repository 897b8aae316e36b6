"""The design matrix the fitting scripts regress on: a sparse row of features for each line.

Needs scipy (the `[fit]` extra), imported only when a fit runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any


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
