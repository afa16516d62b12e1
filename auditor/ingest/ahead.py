"""A document read in a process of its own while the rest of the auditor loads.

A command-line check of one document spends a quarter of a second importing the pipeline (pydantic, the
models, rule-engine) before it reads a byte, and reading a PDF costs about as much again (loading
PDFium, its pages and their characters' boxes). On a machine with two cores the two can run side by
side: the command forks, before the pipeline loads, a child that only reads the document and hands back
its lines. A thread would not do: PDFium is called thousands of times per document for short moments,
and each return has to win the interpreter lock back from the importing thread.

The child is forked while the command holds nothing but its own small modules and no other thread, so
the fork copies a quiet process; it writes the lines (or the error that reading raised) to a pipe and
ends without running any of the parent's exit handlers or flushing its buffers (auditor.ingest.forked). An
InputError is raised again in the command as if the reading had been done there, so messages and their
order stay the same; a reader that dies (a PDF library crash) becomes one clear InputError instead of a
crash of the command. The child reads every page itself: it runs beside the command's imports, so both
cores are busy already.
A text export is read in line: it takes a few milliseconds, less than the fork. So is a document whose
first bytes cannot be read (a missing file, a FIFO: its error is reported where it was). Where there is
no fork (Windows) or other threads run, the document is read in line when asked for.

A check of many documents has the same idle core while it loads: one child reads the largest of its PDF
and Word files, as many as fit in READ_AHEAD_BYTES, and the command audits those beside its pool's
workers (auditor.batch). There a reader that dies costs nothing but the time: its documents go to the
workers like the others, where a crash ends only the worker of the document that causes it."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from auditor.errors import InputError
from auditor.ingest.decoding import Decoded, decode, read_file
from auditor.ingest.detect import HEAD_BYTES, detect_format
from auditor.ingest.forked import Forked, can_fork

# the formats read by a library (PDFium, python-docx) for long enough that a child is worth its fork
READ_BY_A_CHILD = ("pdf", "docx", "zip")
# how much of a batch's PDF and Word files one child reads while the command loads (bytes of file, the
# largest documents first): the command loads for about a fifth of a second, in which one core reads
# about half a megabyte of PDF (the sample's 180 KB in 65 ms). What the child has not finished when the
# command is ready is waited for, the batch's other documents already handed to its workers then.
READ_AHEAD_BYTES = 512 * 1024


class ReadAhead:
    """alone: the child reads every page itself (this process keeps the other core busy meanwhile);
    False where this process only waits for it: the child then splits the pages as any reader does."""

    def __init__(self, path: Path, *, alone: bool = True) -> None:
        self.path = path
        self.child: Forked[Decoded] | None = None
        if can_fork() and format_of(path) in READ_BY_A_CHILD:
            try:
                self.child = Forked(lambda: decode(read_file(path), str(path)), path, alone=alone)
            except OSError:
                pass  # no process to be had: read in line

    def decoded(self) -> Decoded:
        """The document as read, or what reading it raised."""
        if self.child is None:
            return decode(read_file(self.path), str(self.path))
        child, self.child = self.child, None
        return child.result()


def format_of(path: Path) -> str | None:
    """The format a regular file's first bytes show; None when they cannot be read here."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # a FIFO would block the open; read_file names what it is
        with open(path, "rb") as stream:
            return detect_format(stream.read(HEAD_BYTES))
    except OSError:
        return None


class ReadManyAhead:
    """A batch's largest PDF and Word documents, read in one child while the command loads (as ReadAhead
    reads a single check's document), up to READ_AHEAD_BYTES in all: the other core would otherwise
    wait for the command's imports. `take(path)` gives a document's Decoded or the InputError its
    reading raised; None for a document not read here, or whose reading raised anything else or
    ended the child (the batch then audits it as any other, in a worker of its own that a crash ends)."""

    def __init__(self, paths: Sequence[Path], budget: int | None = None) -> None:
        budget = READ_AHEAD_BYTES if budget is None else budget
        self.chosen: list[Path] = _largest_read_by_a_child(paths, budget) if can_fork() else []
        self.child: Forked[list[Decoded | InputError | None]] | None = None
        self._read: dict[Path, Decoded | InputError | None] | None = None
        if self.chosen:
            chosen = list(self.chosen)
            try:
                self.child = Forked(lambda: [_read_or_error(path) for path in chosen], chosen[0])
            except OSError:
                self.chosen = []  # no process to be had: the batch reads them as the others
        self._chosen = frozenset(self.chosen)

    def has(self, path: Path) -> bool:
        """Whether `path` is one of the documents read here (take it from here, not elsewhere)."""
        return path in self._chosen

    def take(self, path: Path) -> Decoded | InputError | None:
        if self._read is None:
            self._read = {}
            if self.child is not None:
                child, self.child = self.child, None
                try:
                    self._read = dict(zip(self.chosen, child.result()))
                except Exception:  # noqa: BLE001 - the child died or failed: the batch reads them itself
                    pass
        return self._read.pop(path, None)


def _largest_read_by_a_child(paths: Sequence[Path], budget: int) -> list[Path]:
    """The PDF and Word files among `paths`, the largest first (ties in the order given), each that still
    fits in `budget` bytes."""
    sized: list[tuple[int, int, Path]] = []
    for position, path in enumerate(paths):
        if format_of(path) in READ_BY_A_CHILD:
            try:
                sized.append((-os.stat(path).st_size, position, path))
            except OSError:
                continue
    chosen: list[Path] = []
    left = budget
    for negative_size, _, path in sorted(sized):
        if -negative_size <= left:
            chosen.append(path)
            left += negative_size
    return chosen


def _read_or_error(path: Path) -> Decoded | InputError | None:
    try:
        return decode(read_file(path), str(path))
    except InputError as exc:
        return exc
    except Exception:  # noqa: BLE001 - read again where the batch reports what it raised
        return None
