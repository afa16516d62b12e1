"""Reading work done in a forked child, on another core: the child runs one function and hands back, through
a pipe, what it returned or what it raised.

A child is forked only from a process that runs no other thread (a fork copies every lock as it is, and
one held by another thread would never be released in the child; on Linux a library's own threads count
too) and is not itself such a child (unless its parent only waits for it: `alone=False`) or a worker of
a pool that already keeps every core busy (`stay_in_this_process`; by default also a worker that
Python's multiprocessing started, whose siblings do the same). The child ends without
running any of the parent's exit handlers or flushing its buffers (os._exit); an exception it raised is
raised in the parent as it was (its type kept), one that cannot be pickled as a RuntimeError naming it;
a child that dies (a crash of the PDF library) becomes one clear InputError about the document."""

from __future__ import annotations

import atexit
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from auditor.errors import InputError

T = TypeVar("T")

READ_PROCESSES_ENV = "BBT_AUDIT_READ_PROCESSES"  # processes that may read one document side by side

# set in a forked reading child and in a pool's worker: the other cores are already at work
_ONE_PROCESS = False


def stay_in_this_process() -> None:
    """From now on this process forks no reading child: its siblings keep the other cores busy."""
    global _ONE_PROCESS
    _ONE_PROCESS = True


def can_fork() -> bool:
    return not _ONE_PROCESS and hasattr(os, "fork") and threading.active_count() == 1 and _one_native_thread()


def _one_native_thread() -> bool:
    """No thread a library started outside Python either (Linux lists them all); elsewhere only
    Python's own threads can be seen."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return True


def reading_processes() -> int:
    """How many processes may read one document side by side: `BBT_AUDIT_READ_PROCESSES` (1: only the
    command itself), else the cores this process may run on (1 in a worker that multiprocessing
    started); 1 where no child can be forked. A setting
    that is no positive whole number is refused wherever it is read, forking or not."""
    raw = os.environ.get(READ_PROCESSES_ENV)
    wanted = None if raw is None else _positive(raw)
    if not can_fork():
        return 1
    if wanted is None:
        if _started_by_multiprocessing():
            return 1
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return wanted


def _started_by_multiprocessing() -> bool:
    """This process is one that multiprocessing started (a caller's Pool or ProcessPoolExecutor worker):
    its siblings most likely keep the other cores busy, so unless BBT_AUDIT_READ_PROCESSES says
    otherwise it reads alone. A process multiprocessing started has its `process` module loaded, so a
    process without it is none; looked up, not imported (the import would cost every command)."""
    process = sys.modules.get("multiprocessing.process")
    return process is not None and process.parent_process() is not None


def _positive(raw: str) -> int:
    try:
        wanted = int(raw)
    except ValueError:
        wanted = 0
    if wanted <= 0:
        raise InputError(f"{READ_PROCESSES_ENV} moet een positief geheel getal zijn, niet {raw!r}",
                         f"{READ_PROCESSES_ENV} must be a positive integer, not {raw!r}")
    return wanted


class Forked(Generic[T]):
    """`work()` run in a forked child from the moment this is made; `result()` waits for it. alone: the
    child forks no reading child of its own (the parent keeps the other cores busy); False where the
    parent only waits for it."""

    def __init__(self, work: Callable[[], T], path: Path | str, *, alone: bool = True) -> None:
        import pickle  # noqa: F401 - before the fork: both sides of the pipe use it

        self.path = path
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no process to be had (a limit on processes): the caller reads it itself
            os.close(read_end)
            os.close(write_end)
            raise
        if pid == 0:
            os.close(read_end)
            _run_into(work, write_end, alone)  # never returns
        os.close(write_end)
        self.pid: int | None = pid
        self._pipe: int | None = read_end
        atexit.register(self.stop)  # a parent that ends early does not leave the child running

    def result(self) -> T:
        """What `work` returned, or what it raised."""
        # the pipe is the file object's from here on, which closes it however the read ends (an
        # interrupt too): stop() must not close its number again, which may be another file's by then
        descriptor, self._pipe = self._pipe, None
        with os.fdopen(descriptor, "rb") as pipe:  # type: ignore[arg-type]
            payload = pipe.read()
        try:
            _, status = os.waitpid(self.pid, 0)  # type: ignore[arg-type]
        except ChildProcessError:  # reaped already: a host that ignores SIGCHLD has its children reaped
            status = 0
        self.pid = None
        atexit.unregister(self.stop)
        if not payload:
            raise _reader_died(self.path, status)
        import pickle

        outcome, value = pickle.loads(payload)  # written by our own child, just now
        if outcome == "failed":
            raise value
        return value

    def stop(self) -> None:
        """End the child if it still runs (its result is not wanted)."""
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None
        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.pid = None
        atexit.unregister(self.stop)


def _run_into(work: Callable[[], object], pipe: int, alone: bool) -> None:
    """In the child: run `work`, write the outcome, end at once."""
    import pickle

    if alone:
        stay_in_this_process()  # a child of a child would only take a core from its parent
    code = 0
    try:
        try:
            outcome: tuple[str, object] = ("done", work())
        except BaseException as exc:  # noqa: BLE001 - raised again in the parent, as if raised there
            outcome = ("failed", exc)
        try:
            payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - what does not pickle: its type and message do
            failure = outcome[1] if outcome[0] == "failed" else exc
            payload = pickle.dumps(("failed", RuntimeError(f"{type(failure).__name__}: {failure}")),
                                   protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(pipe, "wb") as out:
            out.write(payload)
    except BaseException:  # noqa: BLE001 - the parent went away, or the outcome could not be written
        code = 1
    finally:
        os._exit(code)


def _reader_died(path: Path | str, status: int) -> InputError:
    if os.WIFSIGNALED(status):
        signal_name = signal.Signals(os.WTERMSIG(status)).name
        return InputError(f"{path} kon niet gelezen worden: het lezen stopte onverwacht ({signal_name})",
                          f"{path} could not be read: reading stopped unexpectedly ({signal_name})")
    return InputError(f"{path} kon niet gelezen worden: het lezen stopte onverwacht (code {os.WEXITSTATUS(status)})",
                      f"{path} could not be read: reading stopped unexpectedly (exit code {os.WEXITSTATUS(status)})")
