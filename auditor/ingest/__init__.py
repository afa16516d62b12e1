"""ingest: turn an input file into numbered lines, whatever its format (text for now)."""

from auditor.ingest.detect import detect_format
from auditor.ingest.text import SourceText, read_document

__all__ = ["SourceText", "detect_format", "read_document"]
