"""The document as the pipeline reads it: its numbered lines and their origins (auditor.ingest.decoding
reads them)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, SkipValidation

from auditor.ingest.decoding import Decoded, decode, read_file
from auditor.ingest.origin import LineOrigin
from auditor.limits import Limits


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

    @classmethod
    def of(cls, decoded: Decoded) -> SourceText:
        return cls(path=decoded.path, format=decoded.format, sha256=decoded.sha256, encoding=decoded.encoding,
                   lines=decoded.lines, origins=decoded.origins, notices=decoded.notices)


def read_document(path: str | Path, limits: Limits | None = None) -> SourceText:
    """Read `path` and return its lines. Raises InputError for anything unreadable."""
    return SourceText.of(decode(read_file(path, limits), str(Path(path)), limits))


def decode_document(data: bytes, path: str, limits: Limits | None = None) -> SourceText:
    return SourceText.of(decode(data, path, limits))
