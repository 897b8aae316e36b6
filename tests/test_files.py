"""The bounded reader refuses what is not a small regular file; whole-file writing never leaves half a file."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator import files
from simulator.errors import UnreadableFile, UnwritableFile


def test_a_fifo_is_refused_at_once_instead_of_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "scenario.yaml"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFile, match="is a named pipe, not a regular file"):
        files.read_text(fifo, 100)


def test_a_device_that_never_ends_is_refused_unread() -> None:
    with pytest.raises(UnreadableFile, match="/dev/zero: is a device, not a regular file"):
        files.read_text(Path("/dev/zero"), 100)


def test_a_directory_and_a_socket_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="is a directory, not a transcript"):
        files.read_text(tmp_path, 100, "transcript")
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(tmp_path / "s"))
        with pytest.raises(UnreadableFile, match="is a socket"):
            files.read_text(tmp_path / "s", 100)


def test_missing_files_loops_and_unusable_names_are_one_reason_each(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    for path, reason in (
        (tmp_path / "none", "no such file"),
        (loop, "cannot read: Too many levels of symbolic links"),
        (tmp_path / "a\x00b", "is not a usable file name"),
    ):
        with pytest.raises(UnreadableFile) as caught:
            files.read_text(path, 100)
        assert caught.value.reason == reason and caught.value.line is None


def test_a_sparse_file_of_gigabytes_is_refused_by_its_size(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:
        stream.truncate(3 * 1024**3)
    with pytest.raises(UnreadableFile, match="larger than the 1,000-byte limit"):
        files.read_text(huge, 1000)


@pytest.mark.slow
@given(size=st.integers(0, 64), limit=st.integers(0, 64))
def test_a_file_is_read_whole_exactly_when_it_is_within_the_limit(size: int, limit: int) -> None:
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"coach-bounded-{os.getpid()}"
    path.write_bytes(b"x" * size)
    try:
        if size <= limit:
            assert files.read_bytes(path, limit) == b"x" * size
        else:
            with pytest.raises(UnreadableFile, match="larger than"):
                files.read_bytes(path, limit)
    finally:
        path.unlink()


def test_text_that_is_not_utf8_is_located_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("id: x\ntitle: Grüße \xe9\n".encode().replace(b"\xc3\xa9", b"\xe9"))
    with pytest.raises(UnreadableFile) as caught:
        files.read_text(path, 100)
    assert (caught.value.line, caught.value.column, caught.value.reason) == (2, 14, "not UTF-8 text")
    assert str(caught.value) == f"{path}:2:14: not UTF-8 text"


def test_the_non_raising_checks_never_raise(tmp_path: Path) -> None:
    assert files.is_regular_file(Path(__file__)) and not files.is_regular_file(tmp_path)
    assert files.is_directory(tmp_path) and not files.is_directory(Path("/dev/zero"))
    assert not files.is_regular_file(tmp_path / "a\x00b") and not files.is_directory(tmp_path / "none")


def test_a_whole_file_replaces_the_old_one_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text("old", encoding="utf-8")
    files.write_atomically(path, "new report")
    assert path.read_text(encoding="utf-8") == "new report"
    assert os.listdir(tmp_path) == ["report.html"]


def test_a_write_that_fails_part_way_leaves_the_old_file_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.html"
    path.write_text("last week's report", encoding="utf-8")

    def disk_full(descriptor: int, data: bytes) -> None:
        os.write(descriptor, bytes(data)[:3])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "write_all", disk_full)
    with pytest.raises(UnwritableFile, match=r"report.html: cannot write \(No space left on device\)"):
        files.write_atomically(path, "this week's report")
    assert path.read_text(encoding="utf-8") == "last week's report"
    assert os.listdir(tmp_path) == ["report.html"]


def test_writing_only_where_there_is_no_file_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    files.write_atomically(path, "first", overwrite=False)
    with pytest.raises(FileExistsError):
        files.write_atomically(path, "second", overwrite=False)
    assert path.read_text(encoding="utf-8") == "first" and os.listdir(tmp_path) == ["new.yaml"]


def test_a_directory_or_a_device_is_never_written_over(tmp_path: Path) -> None:
    for target in (tmp_path, Path("/dev/null")):
        with pytest.raises(UnwritableFile, match="give the path of a file"):
            files.write_atomically(target, "text")
    assert os.listdir(tmp_path) == []
