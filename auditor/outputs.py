"""Write outputs atomically: a reader never sees half a report, and the input is never touched."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from auditor.errors import InputError


def write_atomic(target: Path, content: str | bytes, *, protect: Path | None = None) -> None:
    if protect is not None and target.exists() and target.resolve() == protect.resolve():
        raise InputError(f"weigert het invoerbestand te overschrijven: {target}", f"refusing to overwrite the input file: {target}")
    directory = target.resolve().parent
    if not directory.is_dir():
        raise InputError(f"map bestaat niet: {directory}", f"directory does not exist: {directory}")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    try:
        if isinstance(content, bytes):
            with os.fdopen(handle, "wb") as binary:
                binary.write(content)
        else:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(content)
        # mkstemp creates the file private (0600); a report gets the permissions any new file would
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
