"""The files a user hands us, read with bounds, and the files we write, put in place whole.

Any path given on the command line, or named inside a round file, a transcript or a
gradebook row, can be anything: `/dev/zero`, which never ends; a FIFO, which blocks its
reader until someone writes; a directory; a file of gigabytes; a file in a folder we may
not search. `read_text` opens without blocking, refuses whatever the *opened descriptor*
says is not a regular file, reads at most the limit plus one byte, and decodes with an
error located at the line and column of the first bad byte. Every reader of a file a user
names goes through it.

Output files are written the other way round: to a temporary file in the same folder,
then renamed (or, when nothing may be overwritten, linked) into place, so a full disk or
a killed process never leaves half a report, an empty file, or a clobbered old one.
These are the only file operations below the shell; they take paths and return text.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from simulator.errors import UnreadableFile, UnwritableFile

_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)  # a terminal device never becomes our controlling terminal
    | getattr(os, "O_CLOEXEC", 0)
)
_CHUNK = 1 << 20


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _refusal(path: Path, mode: int, what: str) -> UnreadableFile:
    kind = _kind(mode)
    if kind == "directory":
        return UnreadableFile(str(path), f"is a directory, not a {what}")
    return UnreadableFile(str(path), f"is a {kind}, not a regular file; save the {what} as a file first")


def _open_error(path: Path, error: OSError) -> UnreadableFile:
    if isinstance(error, FileNotFoundError):
        return UnreadableFile(str(path), "no such file")
    return UnreadableFile(str(path), f"cannot read: {error.strerror or error}")


def read_bytes(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; `UnreadableFile` for anything else."""
    try:
        # Refuse devices and pipes before opening them (opening some has effects), and again on
        # the opened descriptor, in case the path was swapped in between.
        before = os.stat(path)
        if not stat.S_ISREG(before.st_mode):
            raise _refusal(path, before.st_mode, what)
        descriptor = os.open(path, _READ_FLAGS)
    except OSError as error:
        raise _open_error(path, error) from None
    except ValueError:  # a NUL character in the path
        raise UnreadableFile(str(path), "is not a usable file name") from None
    try:
        opened = os.fstat(descriptor)
        if not stat.S_ISREG(opened.st_mode):
            raise _refusal(path, opened.st_mode, what)
        too_large = UnreadableFile(str(path), f"file is larger than the {limit:,}-byte limit")
        if opened.st_size > limit:
            raise too_large
        chunks: list[bytes] = []
        remaining = limit + 1  # one byte past the limit tells a file at the limit from a larger one
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        if remaining <= 0:
            raise too_large
        return b"".join(chunks)
    except OSError as error:
        raise _open_error(path, error) from None
    finally:
        os.close(descriptor)


def decode(raw: bytes, source: str) -> str:
    """UTF-8 text, or `UnreadableFile` located at the line and column of the first byte that is not."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", errors="replace")) + 1
        raise UnreadableFile(source, "not UTF-8 text", line, column) from None


def read_text(path: Path, limit: int, what: str = "file") -> str:
    """The UTF-8 text of a regular file of at most `limit` bytes; `UnreadableFile` says why not."""
    return decode(read_bytes(path, limit, what), str(path))


def is_regular_file(path: Path) -> bool:
    """Whether `path` is a regular file we can see; False (never an exception) for anything else."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def is_directory(path: Path) -> bool:
    """Whether `path` is a directory we can see; False (never an exception) for anything else."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


# --- writing ------------------------------------------------------------------------------


def temporary_beside(path: Path) -> tuple[int, Path]:
    """A new, empty, hidden file in `path`'s folder (made if needed), open for writing: (descriptor, path)."""
    try:
        existing = os.stat(path)
    except FileNotFoundError:
        existing = None
    except (OSError, ValueError) as error:
        raise _write_error(path, error) from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise UnwritableFile(f"{path}: is a {_kind(existing.st_mode)}; give the path of a file")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # os.urandom, not `secrets`: the same bytes without loading OpenSSL (`coach --help` stays light).
        temporary = path.parent / f".{path.name[:100]}.{os.urandom(4).hex()}.tmp"
        return os.open(temporary, flags, 0o666), temporary
    except (OSError, ValueError) as error:
        raise _write_error(path, error) from None


def write_all(descriptor: int, data: bytes) -> None:
    """Write every byte (a write may take only part of them), or raise the `OSError` that stopped it."""
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def put_in_place(temporary: Path, path: Path, *, overwrite: bool) -> None:
    """Give a finished temporary file its real name: replacing an old file, or only where there is none."""
    if overwrite:
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)  # atomic, and fails rather than clobber a file that appeared meanwhile
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(path):  # a file system without hard links: check, then rename
            raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def write_atomically(path: Path, text: str, *, overwrite: bool = True) -> None:
    """Write a whole file: to a temporary file beside it, flushed to disk, then put in place.

    A failure (a full disk, a file-size limit) leaves any old file as it was and nothing new
    behind. With `overwrite=False` an existing file is refused with `FileExistsError`.
    """
    if not overwrite and os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, "File exists", str(path))
    descriptor, temporary = temporary_beside(path)
    try:
        try:
            write_all(descriptor, text.encode("utf-8"))
            os.fsync(descriptor)  # some file systems report a full disk only here
        finally:
            os.close(descriptor)
        put_in_place(temporary, path, overwrite=overwrite)
    except FileExistsError:
        remove_quietly(temporary)
        raise
    except OSError as error:
        remove_quietly(temporary)
        raise _write_error(path, error) from None


def remove_quietly(path: Path) -> None:
    """Remove a file of ours if it is there (a temporary file being cleared up); never raises."""
    with contextlib.suppress(OSError):
        os.unlink(path)


def _write_error(path: Path, error: OSError | ValueError) -> UnwritableFile:
    reason = getattr(error, "strerror", None) or "not a usable file name"
    return UnwritableFile(f"{path}: cannot write ({reason})")
