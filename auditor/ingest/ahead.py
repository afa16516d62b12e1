"""A document read in a process of its own while the rest of the auditor loads.

A command-line check of one document spends a quarter of a second importing the pipeline (pydantic, the
models, rule-engine) before it reads a byte, and reading a PDF costs about as much again (loading
PDFium, its pages and their characters' boxes). On a machine with two cores the two can run side by
side: the command forks, before the pipeline loads, a child that only reads the document and hands back
its lines. A thread would not do: PDFium is called thousands of times per document for short moments,
and each return has to win the interpreter lock back from the importing thread.

The child is forked while the command holds nothing but its own small modules and no other thread, so
the fork copies a quiet process; it writes the lines (or the error that reading raised) to a pipe and
ends without running any of the parent's exit handlers or flushing its buffers. An InputError is raised
again in the command as if the reading had been done there, so messages and their order stay the same;
a reader that dies (a PDF library crash) becomes one clear InputError instead of a crash of the command.
A text export is read in line: it takes a few milliseconds, less than the fork. So is a document whose
first bytes cannot be read (a missing file, a FIFO: its error is reported where it was). Where there is
no fork (Windows) or other threads run, the document is read in line when asked for."""

from __future__ import annotations

import atexit
import os
import signal
import stat
import threading
from pathlib import Path

from auditor.errors import InputError
from auditor.ingest.decoding import Decoded, decode, read_file
from auditor.ingest.detect import HEAD_BYTES, detect_format

# the formats read by a library (PDFium, python-docx) for long enough that a child is worth its fork
READ_BY_A_CHILD = ("pdf", "docx", "zip")


class ReadAhead:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._pid: int | None = None
        self._pipe: int | None = None
        if not hasattr(os, "fork") or threading.active_count() > 1 or _format_of(path) not in READ_BY_A_CHILD:
            return  # read in line by decoded()
        import pickle  # noqa: F401 - here, not for a text export: both sides of the pipe use it

        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            _read_into(path, write_end)  # never returns
        os.close(write_end)
        self._pid, self._pipe = pid, read_end
        atexit.register(self._stop)  # a command that ends early (a bad rule file) does not leave it running

    def decoded(self) -> Decoded:
        """The document as read, or what reading it raised."""
        if self._pipe is None:
            return decode(read_file(self.path), str(self.path))
        with os.fdopen(self._pipe, "rb") as pipe:
            payload = pipe.read()
        self._pipe = None
        _, status = os.waitpid(self._pid, 0)  # type: ignore[arg-type]
        self._pid = None
        atexit.unregister(self._stop)
        if not payload:
            raise _reader_died(self.path, status)
        import pickle

        outcome, value = pickle.loads(payload)  # written by our own child, just now
        if outcome == "failed":
            raise value
        return value

    def _stop(self) -> None:
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            except OSError:
                pass
            self._pid = None


def _format_of(path: Path) -> str | None:
    """The format a regular file's first bytes show; None when they cannot be read here."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # a FIFO would block the open; read_file names what it is
        with open(path, "rb") as stream:
            return detect_format(stream.read(HEAD_BYTES))
    except OSError:
        return None


def _read_into(path: Path, pipe: int) -> None:
    """In the child: read the document, write the outcome, end at once (os._exit: the parent's exit
    handlers and its unflushed output are the parent's)."""
    import pickle

    code = 0
    try:
        try:
            outcome: tuple[str, object] = ("read", decode(read_file(path), str(path)))
        except BaseException as exc:  # noqa: BLE001 - raised again in the command, as if read there
            outcome = ("failed", exc)
        try:
            payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - an exception that does not pickle: its type and message do
            failure = outcome[1]
            payload = pickle.dumps(("failed", RuntimeError(f"{type(failure).__name__}: {failure}")),
                                   protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(pipe, "wb") as out:
            out.write(payload)
    except BaseException:  # noqa: BLE001 - the parent went away, or the outcome could not be written
        code = 1
    finally:
        os._exit(code)


def _reader_died(path: Path, status: int) -> InputError:
    if os.WIFSIGNALED(status):
        signal_name = signal.Signals(os.WTERMSIG(status)).name
        return InputError(f"{path} kon niet gelezen worden: het lezen stopte onverwacht ({signal_name})",
                          f"{path} could not be read: reading stopped unexpectedly ({signal_name})")
    return InputError(f"{path} kon niet gelezen worden: het lezen stopte onverwacht (code {os.WEXITSTATUS(status)})",
                      f"{path} could not be read: reading stopped unexpectedly (exit code {os.WEXITSTATUS(status)})")
