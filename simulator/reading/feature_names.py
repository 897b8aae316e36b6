"""The fitted reader's feature names, kept small: a hundred and ninety thousand of them as Python
strings, in lists and dictionaries, took about 30 MB while the reader loaded and 12 MB after.

`FeatureNames` holds every name by column in one string; `NamedColumns` answers, for one kind of
feature, which column a name has, from sorted hashes of the names instead of a dictionary of them.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

import numpy as np


class FeatureNames(Sequence[str]):
    """The model's feature names by column, kept as one string and where each name starts in it:
    a list of a hundred thousand small strings takes over four times the memory, for names read
    only when a cue is shown. (The fitted names are ASCII, so the string takes a byte a character.)"""

    def __init__(self, names: Sequence[str]) -> None:
        lengths = np.fromiter(map(len, names), dtype=np.int64, count=len(names))
        self._keep("".join(names), lengths)

    @classmethod
    def from_lines(cls, text: str) -> FeatureNames:
        """The names of a text holding one name a line (as `reader_features.txt` does), read without
        a string for each: where an ASCII text's line breaks fall is found by numpy."""
        if not text.isascii():
            listed = text.split("\n")
            return cls(listed[:-1] if text.endswith("\n") or not text else listed)
        breaks = np.flatnonzero(np.frombuffer(text.encode("ascii"), dtype=np.uint8) == ord("\n"))
        ends = breaks if text.endswith("\n") or not text else np.append(breaks, len(text))
        names = cls.__new__(cls)
        names._keep(text.replace("\n", ""), np.diff(ends, prepend=-1) - 1)
        return names

    def _keep(self, text: str, lengths: np.ndarray) -> None:
        self._text = text
        starts = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        self._starts = array("q", starts.tobytes())  # its items are read one at a time, as Python ints

    def bodies(self, columns: Iterable[int], cut: int) -> Iterator[str]:
        """The names of `columns` without their first `cut` characters, one at a time."""
        text, starts = self._text, self._starts
        return (text[starts[column] + cut : starts[column + 1]] for column in columns)

    def kinds(self) -> dict[str, np.ndarray]:
        """The columns of each kind of name (its first two characters: "c:", "w:", ...), ascending."""
        starts = np.frombuffer(self._starts, dtype=np.int64)
        if not self._text.isascii() or (len(starts) > 1 and np.diff(starts).min() < 2):
            listed: dict[str, list[int]] = {}
            for column, name in enumerate(self):
                listed.setdefault(name[:2], []).append(column)
            return {kind: np.array(columns, dtype=np.intp) for kind, columns in listed.items()}
        starts = starts[:-1]
        code = np.frombuffer(self._text.encode("ascii"), dtype=np.uint8).astype(np.int32)
        keys = code[starts] * 256 + code[starts + 1]
        return {
            chr(key // 256) + chr(key % 256): np.flatnonzero(keys == key) for key in np.unique(keys).tolist()
        }

    def __len__(self) -> int:
        return len(self._starts) - 1

    @overload
    def __getitem__(self, column: int) -> str: ...

    @overload
    def __getitem__(self, columns: slice) -> list[str]: ...

    def __getitem__(self, column: int | slice) -> str | list[str]:
        if isinstance(column, slice):
            return [self[k] for k in range(*column.indices(len(self)))]
        at = column + len(self) if column < 0 else column
        if not 0 <= at < len(self):
            raise IndexError(column)
        return self._text[self._starts[at] : self._starts[at + 1]]


class NamedColumns:
    """The columns of one kind of feature ("c:", "l:", ...) by the name after the kind, answering
    as a dictionary of them would, kept as the names' hashes, sorted, beside their columns.

    A hash found is checked against the feature's own name (`FeatureNames`), so two names with one
    hash, or a line's gram sharing a hash with a kept name, are told apart: a lookup is exact.
    Hashes are the process's own (`hash`), worked out when the reader loads.
    """

    def __init__(self, names: FeatureNames, kind: str, columns: Sequence[int], bodies: Iterable[str]) -> None:
        """`bodies`: the names of `columns` without their kind, in the same order."""
        hashes = np.fromiter(map(hash, bodies), dtype=np.int64, count=len(columns))
        order = np.argsort(hashes, kind="stable")
        self._hashes = hashes[order]  # searched by numpy; the same, and the columns, read one by one
        self._hash_list = array("q", self._hashes.tobytes())
        self._columns = array("q", np.asarray(columns, dtype=np.int64)[order].tobytes())
        self._names = names
        self._kind = kind

    def __len__(self) -> int:
        return len(self._hashes)

    def get(self, body: str) -> int | None:
        """The column of the feature `kind + body`, or None if the vocabulary did not keep it."""
        wanted = hash(body)
        return self._find(body, wanted, int(self._hashes.searchsorted(wanted)))

    def columns_of(self, bodies: Sequence[str]) -> list[int | None]:
        """`get` of each body, in order: one search for them all."""
        found: list[int | None] = [None] * len(bodies)
        if not bodies or not len(self._hashes):
            return found
        wanted = np.fromiter(map(hash, bodies), dtype=np.int64, count=len(bodies))
        places = self._hashes.searchsorted(wanted)
        hits = np.flatnonzero(self._hashes[np.minimum(places, len(self._hashes) - 1)] == wanted)
        wanted_list, place_list = wanted.tolist(), places.tolist()
        for k in hits.tolist():
            found[k] = self._find(bodies[k], wanted_list[k], place_list[k])
        return found

    def _find(self, body: str, wanted: int, place: int) -> int | None:
        hashes, text, starts, kind = self._hash_list, self._names._text, self._names._starts, self._kind
        while place < len(hashes) and hashes[place] == wanted:
            column = self._columns[place]
            # The name is kind + body: compared where it lies in the names' one string, with no copy of it.
            start, end = starts[column], starts[column + 1]
            if (
                end - start == len(kind) + len(body)
                and text.startswith(kind, start)
                and text.startswith(body, start + len(kind))
            ):
                return column
            place += 1
        return None
