"""The files of a round's report, written as the grades come in: memory stays flat in the round's size.

`coach report` hands each graded conversation to `RoundReportFiles` as it arrives. The HTML
report is an index page (`--html round.html`: the cohort's totals, two small charts, the
averages per measure, one row per conversation) and a folder beside it, `round-pages/`, of one
self-contained page per trainee with their conversations' feedback, turn by turn. The rows
of the index wait in a scratch file, the pages go straight into a new folder, the CSV is
written row by row; each is put in place whole at the end (`StreamedFile`, `PagesFolder`),
so a failure or a killed process leaves any old report as it was. Only the terminal's table
(whose columns are sized to fit every row), the trainees' names and the review's lines are kept.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from scoring.cohort import CohortTally
from scoring.review import Review
from scoring.round_report import (
    INDEX_CHUNK_END,
    INDEX_CHUNK_ROWS,
    INDEX_CHUNK_START,
    INDEX_TAIL,
    csv_header,
    csv_row,
    index_head,
    index_row,
    pages_folder_name,
    render_review_lines,
    render_summary,
    render_table_cells,
    review_lines,
    table_cells,
    trainee_page,
    trainee_page_name,
)
from simulator.errors import UnwritableFile
from simulator.files import put_in_place, remove_quietly, temporary_beside, write_all
from simulator.shell.round_batches import ANCHOR, GradedItem


class RoundReportFiles:
    """A round's report made as its conversations are graded: the table, the summary, the files."""

    def __init__(self, title: str, pass_mark: float, html_out: Path | None, csv_out: Path | None) -> None:
        self.title = title
        self.pass_mark = pass_mark
        self.rows: list[tuple[str, ...]] = []
        self.ungraded = False
        self._tally = CohortTally()
        self._review: list[str] = []
        self._csv: StreamedFile | None = None
        self._csv_started = False
        self.pages_folder = pages_folder_name(html_out.name) if html_out is not None else ""
        self._index: StreamedFile | None = None
        self._rows_scratch: StreamedFile | None = None
        self._pages: PagesFolder | None = None
        try:  # every file is refused (a directory, a folder of the user's) before any grading starts
            if csv_out is not None:
                self._csv = StreamedFile(csv_out)
            if html_out is not None:
                self._index = StreamedFile(html_out)
                self._rows_scratch = StreamedFile(html_out.with_name(html_out.name + ".rows"))
                self._pages = PagesFolder(html_out.parent / self.pages_folder, trainee_page_name(1))
        except BaseException:
            self.discard()
            raise
        self._trainee: str | None = None
        self._trainees = 0
        self._sections: list[str] = []
        self._number = 0

    def add(self, item: GradedItem, review: Review) -> None:
        """Take one graded conversation in (in the gradebook's order: a trainee's conversations together)."""
        conversation = item.graded
        self._number += 1
        self.rows.append(table_cells(conversation))
        self._tally.add(conversation)
        self._review += review_lines(conversation.trainee, conversation.scenario_id, review)
        if self._csv is not None:
            if not self._csv_started:
                self._csv.write(csv_header(conversation))
                self._csv_started = True
            self._csv.write(csv_row(conversation))
        if self._pages is not None and self._rows_scratch is not None:
            if conversation.trainee != self._trainee:
                self._flush_page()
                self._trainee = conversation.trainee
                self._trainees += 1
            anchor = f"c{self._number}"
            self._sections.append(item.section.replace(ANCHOR, anchor))
            href = f"{self.pages_folder}/{trainee_page_name(self._trainees)}#{anchor}"
            start = INDEX_CHUNK_START if (self._number - 1) % INDEX_CHUNK_ROWS == 0 else ""
            end = INDEX_CHUNK_END if self._number % INDEX_CHUNK_ROWS == 0 else ""
            self._rows_scratch.write(start + index_row(conversation, href) + end)

    def _flush_page(self) -> None:
        if self._pages is not None and self._trainee is not None and self._sections:
            index_href = f"../{self._index.path.name}" if self._index is not None else ""
            page = trainee_page(self.title, self._trainee, self._sections, index_href)
            self._pages.write(trainee_page_name(self._trainees), page)
        self._sections = []

    def finish(self) -> None:
        """Put every file in place, whole."""
        if self._csv is not None:
            if not self._csv_started:
                self._csv.write(csv_header(None))
            self._csv.finish()
        if self._index is not None and self._rows_scratch is not None and self._pages is not None:
            self._flush_page()
            summary = self._tally.summary()
            self._index.write(
                index_head(
                    self.title,
                    summary,
                    self.pass_mark,
                    self._tally.score_bins,
                    self._tally.outcomes,
                    self.pages_folder,
                )
            )
            self._index.copy_from(self._rows_scratch)
            if self._number % INDEX_CHUNK_ROWS:
                self._index.write(INDEX_CHUNK_END)
            self._rows_scratch.discard()
            self._index.write(INDEX_TAIL)
            self._pages.finish()
            self._index.finish()

    def discard(self) -> None:
        """Leave nothing behind: the old report, if any, stays as it was."""
        for output in (self._csv, self._index, self._rows_scratch, self._pages):
            if output is not None:
                output.discard()

    def table(self) -> str:
        """The terminal table of every conversation."""
        return render_table_cells(self.rows)

    def summary_text(self) -> str:
        """The cohort's totals and averages, as text."""
        return render_summary(self._tally.summary(), self.pass_mark)

    def review_text(self) -> str:
        """The trainer's review of the round, as text (empty without one)."""
        return render_review_lines(self._review)


class StreamedFile:
    """An output file written piece by piece under a temporary name beside it, put in place whole."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor, self._temporary = temporary_beside(path)
        self._open = True

    def write(self, text: str) -> None:
        """Append text."""
        try:
            write_all(self._descriptor, text.encode("utf-8"))
        except OSError as error:
            self.discard()
            raise UnwritableFile(f"{self.path}: cannot write ({error.strerror or error})") from None

    def copy_from(self, other: StreamedFile) -> None:
        """Append everything written to `other` (a scratch file), without holding it in memory."""
        with open(other._temporary, "rb") as source:
            while chunk := source.read(1 << 20):
                try:
                    write_all(self._descriptor, chunk)
                except OSError as error:
                    self.discard()
                    raise UnwritableFile(f"{self.path}: cannot write ({error.strerror or error})") from None

    def finish(self) -> None:
        """Flush to disk and give the file its name, replacing any old one."""
        try:
            os.fsync(self._descriptor)
            os.close(self._descriptor)
            self._open = False
            put_in_place(self._temporary, self.path, overwrite=True)
        except OSError as error:
            self.discard()
            raise UnwritableFile(f"{self.path}: cannot write ({error.strerror or error})") from None

    def discard(self) -> None:
        """Leave nothing behind (and any old file as it was)."""
        if self._open:
            self._open = False
            with contextlib.suppress(OSError):
                os.close(self._descriptor)
        remove_quietly(self._temporary)


class PagesFolder:
    """A folder of pages made under a temporary name beside its place, put there whole at the end.

    The folder it replaces must be one made by this command (nothing in it but its pages), so
    a folder of the user's own that happens to have the name is never removed.
    """

    def __init__(self, path: Path, page_name: str) -> None:
        self.path = path
        if os.path.lexists(path) and not _ours(path, page_name):
            raise UnwritableFile(
                f"{path}: is not a folder of pages this command made; move it, or choose another --html path"
            )
        self._page_name = page_name
        self._temporary = path.parent / f".{path.name[:100]}.{os.urandom(4).hex()}.tmp"
        try:
            self._temporary.mkdir(parents=True)
        except OSError as error:
            raise UnwritableFile(f"{path}: cannot write ({error.strerror or error})") from None

    def write(self, name: str, text: str) -> None:
        """Write one page of the folder."""
        try:
            with open(self._temporary / name, "w", encoding="utf-8") as page:
                page.write(text)
        except OSError as error:
            self.discard()
            raise UnwritableFile(f"{self.path / name}: cannot write ({error.strerror or error})") from None

    def finish(self) -> None:
        """Put the folder in place of the old one (which is then removed)."""
        old = self.path.parent / f".{self.path.name[:100]}.{os.urandom(4).hex()}.old"
        try:
            if os.path.lexists(self.path):
                os.rename(self.path, old)
            os.rename(self._temporary, self.path)
        except OSError as error:
            self.discard()
            raise UnwritableFile(f"{self.path}: cannot write ({error.strerror or error})") from None
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Leave nothing behind (and any old folder as it was)."""
        shutil.rmtree(self._temporary, ignore_errors=True)


def _ours(path: Path, page_name: str) -> bool:
    # A folder with nothing in it but pages named as this command names them.
    try:
        names = os.listdir(path)
    except OSError:
        return False
    return path.is_dir() and not path.is_symlink() and all(_is_page_name(name, page_name) for name in names)


def _is_page_name(name: str, example: str) -> bool:
    prefix = example.split("0", 1)[0]
    return name.startswith(prefix) and name.endswith(".html") and name[len(prefix) : -5].isdigit()
