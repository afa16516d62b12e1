"""ingest: turn an input file (text export, PDF, Word draft) into numbered lines with their origins."""

from auditor.ingest.detect import detect_format
from auditor.ingest.document import SourceText, decode_document, read_document
from auditor.ingest.origin import LineOrigin, Span

__all__ = ["LineOrigin", "SourceText", "Span", "decode_document", "detect_format", "read_document"]
