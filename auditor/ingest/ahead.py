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
no fork (Windows) or other threads run, the document is read in line when asked for."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from auditor.ingest.decoding import Decoded, decode, read_file
from auditor.ingest.detect import HEAD_BYTES, detect_format
from auditor.ingest.forked import Forked, can_fork

# the formats read by a library (PDFium, python-docx) for long enough that a child is worth its fork
READ_BY_A_CHILD = ("pdf", "docx", "zip")


class ReadAhead:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.child: Forked[Decoded] | None = None
        if can_fork() and _format_of(path) in READ_BY_A_CHILD:
            try:
                self.child = Forked(lambda: decode(read_file(path), str(path)), path)
            except OSError:
                pass  # no process to be had: read in line

    def decoded(self) -> Decoded:
        """The document as read, or what reading it raised."""
        if self.child is None:
            return decode(read_file(self.path), str(self.path))
        child, self.child = self.child, None
        return child.result()


def _format_of(path: Path) -> str | None:
    """The format a regular file's first bytes show; None when they cannot be read here."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # a FIFO would block the open; read_file names what it is
        with open(path, "rb") as stream:
            return detect_format(stream.read(HEAD_BYTES))
    except OSError:
        return None
