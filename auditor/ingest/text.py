"""Read a BBT text export into 1-based numbered lines.

UTF-8 is expected; cp1252 (what Windows tools write) is accepted with a notice. Anything that is not
text gets a clear InputError naming the problem.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel

from auditor.errors import InputError
from auditor.ingest.detect import detect_format

MAX_BYTES = 50 * 1024 * 1024  # a BBT export is well under 1 MB; 50 MB means something else


class SourceText(BaseModel):
    path: str
    format: str
    sha256: str
    encoding: str
    lines: list[str]
    notices: list[str] = []


def read_document(path: str | Path) -> SourceText:
    """Read `path` and return its lines. Raises InputError for anything unreadable."""
    file = Path(path)
    if not file.exists():
        raise InputError(f"bestand niet gevonden: {file}", f"file not found: {file}")
    if file.is_dir():
        raise InputError(f"{file} is een map, geen document", f"{file} is a directory, not a document")
    size = file.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            f"{file} is te groot ({size // (1024 * 1024)} MB; maximum {MAX_BYTES // (1024 * 1024)} MB)",
            f"{file} is too large ({size // (1024 * 1024)} MB; limit {MAX_BYTES // (1024 * 1024)} MB)",
        )
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"{file} kan niet gelezen worden: {exc.strerror}", f"cannot read {file}: {exc.strerror}") from exc
    return decode_document(data, str(file))


def decode_document(data: bytes, path: str) -> SourceText:
    kind = detect_format(data[:65536])
    if kind == "empty":
        raise InputError(f"{path} is leeg", f"{path} is empty")
    if kind == "pdf":
        raise InputError(
            f"{path} is een PDF; deze versie leest enkel tekstexports (PDF-invoer volgt)",
            f"{path} is a PDF; this version reads text exports only (PDF input is planned)",
        )
    if kind in ("docx", "zip"):
        raise InputError(
            f"{path} is een Word- of zip-bestand; deze versie leest enkel tekstexports",
            f"{path} is a Word or zip file; this version reads text exports only",
        )
    if kind == "binary":
        raise InputError(f"{path} is geen tekstbestand (binaire inhoud)", f"{path} is not a text file (binary content)")
    notices: list[str] = []
    sha256 = hashlib.sha256(data).hexdigest()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        encoding = "cp1252"
        notices.append("geen geldige UTF-8; gelezen als cp1252 (Windows-1252)")
    # splitlines() would also split on form feeds and U+2028; a BBT line is what ends in \n.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return SourceText(
        path=path,
        format="text",
        sha256=sha256,
        encoding=encoding,
        lines=lines,
        notices=notices,
    )
