"""Read any input file into numbered lines with their origins: text export, PDF or Word draft.

The format is recognised from the content (magic bytes), never from the extension: a PDF named .docx
is read as the PDF it is. Anything unreadable gets an InputError naming the problem in one line.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel, SkipValidation

from auditor.errors import InputError
from auditor.ingest.detect import detect_format
from auditor.ingest.origin import LineOrigin
from auditor.ingest.text import decode_text

MAX_BYTES = 50 * 1024 * 1024  # a BBT PDF is a few MB at most; 50 MB means something else


class SourceText(BaseModel):
    path: str
    format: str  # text | pdf | docx
    sha256: str
    encoding: str
    lines: list[str]
    origins: SkipValidation[list[LineOrigin] | None] = None  # one per line for PDF and Word input
    notices: list[str] = []

    def origin(self, line: int) -> LineOrigin | None:
        if self.origins is None or not 1 <= line <= len(self.origins):
            return None
        return self.origins[line - 1]


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
    sha256 = hashlib.sha256(data).hexdigest()
    if kind == "empty":
        raise InputError(f"{path} is leeg", f"{path} is empty")
    if kind == "binary":
        raise InputError(f"{path} is geen BBT: geen tekst, PDF of Word-document (binaire inhoud)",
                         f"{path} is not a BBT: not text, PDF or a Word document (binary content)")
    if kind == "pdf":
        from auditor.ingest.pdf import read_pdf

        lines, origins, notices = read_pdf(data, path)
        return SourceText(path=path, format="pdf", sha256=sha256, encoding="pdf", lines=lines, origins=origins,
                          notices=notices)
    if kind in ("docx", "zip"):
        from auditor.ingest.docx import read_docx

        lines, origins, notices = read_docx(data, path)
        return SourceText(path=path, format="docx", sha256=sha256, encoding="docx", lines=lines, origins=origins,
                          notices=notices)
    lines, encoding, notices = decode_text(data)
    return SourceText(path=path, format="text", sha256=sha256, encoding=encoding, lines=lines, notices=notices)
