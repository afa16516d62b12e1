"""Where a line of the linearised document sits in the file a person holds.

Every input format is turned into numbered lines (that is what structure and claims read). For a PDF
each line also knows its page, its line on that page and its box; for a Word draft its paragraph, the
heading above it, and for table rows the table, the row and which character span is which column.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.by_fields import pickled_by_fields

BBox = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points, origin bottom-left (PDF user space)


# plain slotted dataclasses, not pydantic models: a PDF has thousands of these and building them is
# on the audit's critical path; they are made by the ingest code only, so there is nothing to validate
@pickled_by_fields  # the reading child hands thousands back to the command
@dataclass(frozen=True, slots=True)
class Span:
    """Part of a line: a number in a PDF (with its box) or a table cell in a Word draft (with its column)."""

    start: int
    end: int
    bbox: BBox | None = None
    column: int | None = None  # 1-based table column (Word)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class LineOrigin:
    page: int | None = None  # 1-based
    page_line: int | None = None  # 1-based line on that page
    bbox: BBox | None = None
    paragraph: int | None = None  # 1-based body paragraph (Word)
    heading: str | None = None  # nearest heading above (Word)
    table: int | None = None  # 1-based table in the body (Word)
    row: int | None = None  # 1-based row of that table
    spans: tuple[Span, ...] = ()
    shift: int = 0  # characters put in front of the paragraph's own text: the number Word draws ('1.3. ')

    def span_at(self, column: int) -> Span | None:
        for span in self.spans:
            if span.start <= column < span.end:
                return span
        return None


def union(boxes: list[BBox]) -> BBox | None:
    if not boxes:
        return None
    return (round(min(b[0] for b in boxes), 1), round(min(b[1] for b in boxes), 1),
            round(max(b[2] for b in boxes), 1), round(max(b[3] for b in boxes), 1))
