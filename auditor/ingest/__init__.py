"""ingest: turn an input file (text export, PDF, Word draft) into numbered lines with their origins.

The names below are loaded when first used (PEP 562): the read-ahead of a check (auditor.ingest.ahead)
forks its reading child before the project's models load, and importing this package must not load them."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

_EXPORTS = {
    "LineOrigin": "auditor.ingest.origin", "Span": "auditor.ingest.origin", "detect_format": "auditor.ingest.detect",
    "SourceText": "auditor.ingest.document", "decode_document": "auditor.ingest.document",
    "read_document": "auditor.ingest.document",
}
__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from auditor.ingest.detect import detect_format
    from auditor.ingest.document import SourceText, decode_document, read_document
    from auditor.ingest.origin import LineOrigin, Span


def __getattr__(name: str) -> object:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'auditor.ingest' has no attribute {name!r}")
    value = getattr(import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value
