"""Write outputs atomically: a reader never sees half a report, and the input is never touched.

An output goes to a regular file or to standard output (`-o -`), nothing else. `check_output` is called
before the audit starts, so a wrong output path costs no audit time, and refuses with one line (exit 2):

- a directory, a FIFO, a device node or a socket (writing would replace `/dev/null` or a FIFO someone
  reads with a regular file, or block for ever);
- anything under /dev, /proc or /sys, whatever it resolves to (`/dev/stdout` as a path: use `-o -`);
- a missing or unwritable directory (probed by creating a temporary file in it, which is also what
  the write itself does);
- the input file itself (also through a link or another name for the same file).

A symbolic link to a regular file is followed: the file it points to is replaced and the link stays.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from auditor.errors import InputError

SYSTEM_TREES = ("/dev", "/proc", "/sys")
STDOUT = "-"


def is_stdout(target: Path | str | None) -> bool:
    return target is not None and str(target) == STDOUT


def _refused(nl: str, en: str) -> InputError:
    return InputError(nl, en)


def _under_system_tree(path: str) -> bool:
    return any(path == tree or path.startswith(tree + "/") for tree in SYSTEM_TREES)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(target: Path, *, protect: Path | None = None) -> Path:
    """Refuse an output path that is not a (new or existing) regular file in a writable directory.
    Returns the path the report will be written to (a link to a file resolved to that file)."""
    shown = str(target)
    absolute = os.path.abspath(target)
    try:
        real = os.path.realpath(target, strict=False)
    except OSError as exc:  # a link loop
        raise _refused(f"uitvoer {shown}: {exc.strerror}", f"output {shown}: {exc.strerror}") from exc
    if _under_system_tree(absolute) or _under_system_tree(real):
        raise _refused(f"uitvoer {shown}: schrijft niet naar een apparaat of systeembestand (gebruik -o - voor stdout)",
                       f"output {shown}: will not write to a device or system file (use -o - for stdout)")
    try:
        info = os.stat(real)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _refused(f"uitvoer {shown}: symbolische koppeling in een lus",
                           f"output {shown}: symbolic link loop") from exc
        if exc.errno == errno.ENOTDIR:
            raise _refused(f"uitvoer {shown}: een deel van het pad is geen map",
                           f"output {shown}: part of the path is not a directory") from exc
        raise _refused(f"uitvoer {shown}: {exc.strerror}", f"output {shown}: {exc.strerror}") from exc
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise _refused(f"uitvoer {shown} is een map; geef een bestandsnaam op",
                           f"output {shown} is a directory; give a file name")
        if not stat.S_ISREG(info.st_mode):
            kind = ("een FIFO" if stat.S_ISFIFO(info.st_mode) else "een socket" if stat.S_ISSOCK(info.st_mode)
                    else "een apparaat")
            kind_en = {"een FIFO": "a FIFO", "een socket": "a socket", "een apparaat": "a device"}[kind]
            raise _refused(f"uitvoer {shown} is {kind}, geen gewoon bestand; gebruik -o - voor stdout",
                           f"output {shown} is {kind_en}, not a regular file; use -o - for stdout")
        if protect is not None and _same_file(Path(real), protect):
            raise _refused(f"weigert het invoerbestand te overschrijven: {shown}",
                           f"refusing to overwrite the input file: {shown}")
    directory = os.path.dirname(real) or "."
    if not os.path.isdir(directory):
        raise _refused(f"map bestaat niet: {directory}", f"directory does not exist: {directory}")
    try:
        import tempfile  # here: only a run that writes a file needs it

        handle, probe = tempfile.mkstemp(prefix=".bbt-audit-probe.", dir=directory)
    except OSError as exc:
        raise _refused(f"kan niet schrijven in {directory}: {exc.strerror}",
                       f"cannot write in {directory}: {exc.strerror}") from exc
    os.close(handle)
    os.unlink(probe)
    return Path(real)


def write_atomic(target: Path, content: str | bytes, *, protect: Path | None = None) -> None:
    if isinstance(content, bytes):
        write_atomic_with(target, lambda binary: binary.write(content), protect=protect)
    else:
        write_atomic_with(target, lambda binary: _write_text(binary, content), protect=protect)


def _write_text(binary: BinaryIO, text: str) -> None:
    """`text` as a file opened with encoding UTF-8 writes it (newlines as the platform writes them)."""
    stream = io.TextIOWrapper(binary, encoding="utf-8")
    stream.write(text)
    stream.flush()
    stream.detach()  # the binary file stays open for its owner


def write_atomic_with(target: Path, fill: Callable[[BinaryIO], object], *, protect: Path | None = None) -> None:
    """Write what `fill` writes to the binary file it is given, atomically: a large report can be
    written in pieces, never held whole."""
    real = check_output(target, protect=protect)
    directory = real.parent
    try:
        import tempfile  # here: only a run that writes a file needs it

        handle, temporary = tempfile.mkstemp(prefix=f".{real.name[:40]}.", dir=directory)
    except OSError as exc:
        raise InputError(f"kan niet schrijven in {directory}: {exc.strerror}",
                         f"cannot write in {directory}: {exc.strerror}") from exc
    try:
        with os.fdopen(handle, "wb") as binary:
            fill(binary)
        # mkstemp creates the file private (0600); a report gets the permissions any new file would
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, real)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(f"kan {target} niet schrijven: {exc.strerror}", f"cannot write {target}: {exc.strerror}") from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
