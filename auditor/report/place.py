"""Resolve a source reference (line and column of the linearised text) to where a person finds the
number: the page and box in a PDF, the paragraph or table cell in a Word draft."""

from __future__ import annotations

from typing import Any

from auditor.ingest import SourceText
from auditor.report.models import Place, TableCell
from auditor.source import SourceRef


class Placer:
    def __init__(self, source: SourceText | None) -> None:
        self.source = source

    def place_line(self, line: int) -> dict[str, Any]:
        """Fields of a report Place for the start of a line (a row, table or section)."""
        return self.place(SourceRef(line=line, end_line=line, text=""))

    def place(self, ref: SourceRef) -> dict[str, Any]:
        """Fields of a report Place for `ref` (without line, which every place has)."""
        origin = self.source.origin(ref.line) if self.source is not None else None
        if origin is None:
            return {}
        span = origin.span_at(ref.column)
        fields: dict[str, Any] = {}
        if origin.page is not None:
            fields.update(page=origin.page, page_line=origin.page_line,
                          bbox=span.bbox if span is not None and span.bbox is not None else origin.bbox)
        if origin.paragraph is not None:
            fields["paragraph"] = origin.paragraph
        if origin.heading is not None:
            fields["heading"] = origin.heading
        if origin.table is not None and origin.row is not None:
            column = span.column if span is not None else None
            fields["table"] = TableCell(index=origin.table, row=origin.row, column=column)
        return fields


WORDS = {
    "nl": {"line": "regel", "lines": "regels", "page": "p.", "table": "tabel", "row": "rij", "column": "kol",
           "paragraph": "alinea"},
    "en": {"line": "line", "lines": "lines", "page": "p.", "table": "table", "row": "row", "column": "col",
           "paragraph": "paragraph"},
}


def describe(place: Place, lang: str, end_line: int | None = None) -> str:
    """How a person finds it: 'p. 12, regel 5' in a PDF, '§ Collectief Maatwerk, tabel 3 rij 2 kol 6' in a
    Word draft, 'regel 755' in a text export."""
    w = WORDS[lang]
    if place.page is not None:
        return f"{w['page']} {place.page}, {w['line']} {place.page_line}"
    if place.table is not None or place.paragraph is not None:
        parts = [f"§ {place.heading}"] if place.heading else []
        if place.table is not None:
            cell = f"{w['table']} {place.table.index} {w['row']} {place.table.row}"
            if place.table.column is not None:
                cell += f" {w['column']} {place.table.column}"
            parts.append(cell)
        else:
            parts.append(f"{w['paragraph']} {place.paragraph}")
        return ", ".join(parts)
    if end_line is not None and end_line != place.line:
        return f"{w['lines']} {place.line}–{end_line}"
    return f"{w['line']} {place.line}"
