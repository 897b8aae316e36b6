"""The fitted reader's feature names, kept small: a hundred and ninety thousand of them as Python
strings, in lists and dictionaries, took about 30 MB while the reader loaded and 12 MB after.

`FeatureNames` holds every name by column in one string of bytes; `NamedColumns` answers, for one
kind of feature, which column a name has, from sorted hashes of the names instead of a dictionary
of them.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

import numpy as np

_ANY = "surrogatepass"  # a name is kept whatever it holds, lone surrogates too, and read back as it was


class FeatureNames(Sequence[str]):
    """The model's feature names by column, kept as one UTF-8 string of bytes and where each name
    starts in it: a list of a hundred thousand small strings takes over four times the memory, for
    names read only when a cue is shown or a gram is checked. (The fitted names are ASCII.)"""

    def __init__(self, names: Sequence[str]) -> None:
        encoded = [name.encode("utf-8", _ANY) for name in names]
        self._keep(b"".join(encoded), np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)))

    @classmethod
    def from_lines(cls, text: str) -> FeatureNames:
        """The names of a text holding one name a line (as `reader_features.txt` does), read without
        a string for each: numpy finds where the line breaks fall (no other character's UTF-8 holds
        the byte of one)."""
        data = text.encode("utf-8", _ANY)
        breaks = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == ord("\n"))
        ends = breaks if data.endswith(b"\n") or not data else np.append(breaks, len(data))
        names = cls.__new__(cls)
        names._keep(data.replace(b"\n", b""), np.diff(ends, prepend=-1) - 1)
        return names

    def _keep(self, data: bytes, lengths: np.ndarray) -> None:
        self._data = data
        self._bytes = np.frombuffer(data, dtype=np.uint8)  # the same bytes, for numpy
        starts = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        self._starts = array("q", starts.tobytes())  # its items are read one at a time, as Python ints

    def bodies(self, columns: Iterable[int], kind: str) -> Iterator[str]:
        """The names of `columns` without the kind they start with, one at a time."""
        data, starts, cut = self._data, self._starts, len(kind.encode("utf-8", _ANY))
        return (data[starts[column] + cut : starts[column + 1]].decode("utf-8", _ANY) for column in columns)

    def ends_are(self, columns: np.ndarray, kind: str, bodies: Sequence[str]) -> list[bool]:
        """For each column (of names that start with `kind`), whether its name after the kind is the
        body beside it: all compared at once, as bytes."""
        encoded = [body.encode("utf-8", _ANY) for body in bodies]
        cut = len(kind.encode("utf-8", _ANY))
        starts = np.frombuffer(self._starts, dtype=np.int64)
        lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        begins = starts[columns] + cut
        same = starts[columns + 1] - begins == lengths
        compared = np.where(same, lengths, 0)  # a body of another length is not the name's
        owner = np.repeat(np.arange(len(bodies)), compared)
        within = np.arange(int(compared.sum())) - np.repeat(np.cumsum(compared) - compared, compared)
        ours = np.frombuffer(b"".join(encoded), dtype=np.uint8)[
            (np.cumsum(lengths) - lengths)[owner] + within
        ]
        differing = np.bincount(
            owner, weights=self._bytes[begins[owner] + within] != ours, minlength=len(bodies)
        )
        checked: list[bool] = (same & (differing == 0)).tolist()
        return checked

    def kinds(self) -> dict[str, np.ndarray]:
        """The columns of each kind of name (its first two characters: "c:", "w:", ...), ascending."""
        starts = np.frombuffer(self._starts, dtype=np.int64)
        if not self._data.isascii() or (len(starts) > 1 and np.diff(starts).min() < 2):
            listed: dict[str, list[int]] = {}
            for column, name in enumerate(self):
                listed.setdefault(name[:2], []).append(column)
            return {kind: np.array(columns, dtype=np.intp) for kind, columns in listed.items()}
        starts = starts[:-1]
        # Only each name's first two bytes, widened: all the bytes widened took 9 MB at the peak.
        keys = self._bytes[starts].astype(np.int32) * 256 + self._bytes[starts + 1]
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
        return self._data[self._starts[at] : self._starts[at + 1]].decode("utf-8", _ANY)


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

    def columns_of(self, bodies: Sequence[str]) -> list[int | None]:
        """The column of the feature `kind + body` for each body, in order, None where the vocabulary
        did not keep it: one search for them all, and the names found checked in one go."""
        found: list[int | None] = [None] * len(bodies)
        if not bodies or not len(self._hashes):
            return found
        wanted = np.fromiter(map(hash, bodies), dtype=np.int64, count=len(bodies))
        places = self._hashes.searchsorted(wanted)
        hits = np.flatnonzero(self._hashes[np.minimum(places, len(self._hashes) - 1)] == wanted)
        columns = np.frombuffer(self._columns, dtype=np.int64)[places[hits]]
        checked = self._names.ends_are(columns, self._kind, [bodies[k] for k in hits.tolist()])
        wanted_list, place_list = wanted.tolist(), places.tolist()
        for k, column, same in zip(hits.tolist(), columns.tolist(), checked, strict=True):
            # A name that is not the body is another with the same hash: the rest of the run may hold it.
            found[k] = column if same else self._find(bodies[k], wanted_list[k], place_list[k])
        return found

    def _find(self, body: str, wanted: int, place: int) -> int | None:
        hashes, data, starts = self._hash_list, self._names._data, self._names._starts
        name = (self._kind + body).encode("utf-8", _ANY)
        while place < len(hashes) and hashes[place] == wanted:
            column = self._columns[place]
            # Compared where the name lies in the names' one string of bytes, with no copy of it.
            if starts[column + 1] - starts[column] == len(name) and data.startswith(name, starts[column]):
                return column
            place += 1
        return None
