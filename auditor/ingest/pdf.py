"""Read a PDF's text layer with pypdfium2: lines per page in reading order, each with its box.

PDFium's text page already orders the text the way the content stream draws it, which for BBTs
(single column; tables drawn row by row, a wrapped row label before its numbers) is the reading order
the structure parser expects of a text export. Each line keeps its page, its line on the page and its
box; each number on it keeps its own box, so a finding can point at the number on the page.

Table rows are put back together from positions: a producer may draw a row's numbers before the
last lines of its wrapped label ('Overige (leningen (LE),' / numbers / 'participaties (PA); geen
ESR-impact)'). Within a table, every label fragment joins the row whose numbers stand at or above it
(cells are top-aligned), and each row is emitted label first, numbers last, as a text export has it.

Running headers and footers (the same text in the top or bottom margin of many pages, page numbers)
are dropped: they would otherwise land in the middle of sentences and tables that cross a page break.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from auditor.errors import InputError
from auditor.ingest.origin import BBox, LineOrigin, Span
from auditor.numbers import NUMBER_PATTERN
# the table parser's own notions of a unit marker and a header line, so the two cannot drift apart
from auditor.structure.tables import UNIT_MARKER, is_header_line

MARGIN = 0.08  # share of the page height at top and bottom where running headers and footers live
# PDFium marks a hyphen it found at a line end as U+FFFE (older builds: U+0002)
HYPHEN_MARKS = str.maketrans({"\ufffe": "-", "\x02": "-"})
NUMBER = re.compile(NUMBER_PATTERN)
DIGITS = re.compile(r"\d+")


@dataclass
class _PageLine:
    page: int
    text: str
    bbox: BBox | None
    spans: tuple[Span, ...]
    in_margin: bool


def read_pdf(data: bytes, path: str) -> tuple[list[str], list[LineOrigin], list[str]]:
    """Lines, their origins and notices for a PDF. Raises InputError for what cannot be read."""
    import pypdfium2 as pdfium  # imported here: text input should not pay for loading PDFium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _refusal(path, str(exc)) from exc
    try:
        page_lines: list[_PageLine] = []
        for page_index in range(len(document)):
            page = document[page_index]
            try:
                page_lines.extend(_read_page(page, page_index + 1))
            finally:
                page.close()
        pages = len(document)
    finally:
        document.close()
    if not any(line.text.strip() for line in page_lines):
        raise InputError(
            f"{path} heeft geen tekstlaag (gescande PDF?); voer eerst OCR uit",
            f"{path} has no text layer (a scanned PDF?); run OCR first",
        )
    kept = _drop_running_lines(page_lines, pages)
    kept = _rows_from_positions(kept)
    lines: list[str] = []
    origins: list[LineOrigin] = []
    per_page: Counter[int] = Counter()
    for line in kept:
        per_page[line.page] += 1
        lines.append(line.text)
        origins.append(LineOrigin(page=line.page, page_line=per_page[line.page], bbox=line.bbox,
                                                  spans=line.spans))
    return lines, origins, []


def _refusal(path: str, reason: str) -> InputError:
    lowered = reason.lower()
    if "password" in lowered or "security" in lowered:
        return InputError(f"{path} is beveiligd met een wachtwoord en kan niet gelezen worden",
                          f"{path} is password-protected and cannot be read")
    return InputError(f"{path} is geen leesbare PDF (beschadigd of onvolledig)",
                      f"{path} is not a readable PDF (damaged or truncated: {reason})")


def _read_page(page, number: int) -> list[_PageLine]:
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        text = textpage.get_text_range()
        result: list[_PageLine] = []
        offset = 0
        # PDFium separates lines with generated "\r\n"; indexes into `text` are its character indexes
        for raw in re.split(r"\r\n|\n|\r", text):
            start = offset
            offset += len(raw) + (2 if text.startswith("\r\n", start + len(raw)) else 1)
            line = raw.translate(HYPHEN_MARKS).rstrip()
            if not line.strip():
                continue
            bbox = _chars_box(textpage, start, start + len(line) - 1)
            spans = tuple(
                Span(start=m.start(), end=m.end(), bbox=_chars_box(textpage, start + m.start(), start + m.end() - 1))
                for m in NUMBER.finditer(line)
            )
            in_margin = bbox is not None and (bbox[3] > height * (1 - MARGIN) or bbox[1] < height * MARGIN)
            result.append(_PageLine(page=number, text=line, bbox=bbox, spans=spans, in_margin=in_margin))
        return result
    finally:
        textpage.close()


def _chars_box(textpage, first: int, last: int) -> BBox:
    """Box of a run of characters on one line (a number, a whole line) from its first and last
    character: two calls into PDFium instead of one per character."""
    left, bottom, right_first, top = textpage.get_charbox(first)
    _, bottom_last, right, top_last = textpage.get_charbox(last)
    return (round(left, 1), round(min(bottom, bottom_last), 1), round(max(right, right_first), 1),
            round(max(top, top_last), 1))


def _is_row(line: _PageLine) -> bool:
    """Two or more numbers ending the line with only spaces between them: a table row."""
    spans = line.spans
    if len(spans) < 2 or line.text[spans[-1].end:].strip():
        return False
    return not line.text[spans[-2].end:spans[-1].start].strip()


def _rows_from_positions(lines: list[_PageLine]) -> list[_PageLine]:
    out: list[_PageLine] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        out.append(line)
        index += 1
        if not UNIT_MARKER.match(line.text):
            continue
        end = index
        while end < len(lines) and _in_table(lines[end]):  # a table may run on over a page break
            end += 1
        out.extend(_reorder_rows(lines[index:end]))
        index = end
    return out


def _in_table(line: _PageLine) -> bool:
    """Header cells, rows of numbers and short label fragments; prose ends the table."""
    text = line.text.strip()
    return not UNIT_MARKER.match(text) and not text.endswith(":") and (
        _is_row(line) or len(text.split()) <= 4 or is_header_line(text) or not any(c.islower() for c in text))


def _reorder_rows(region: list[_PageLine]) -> list[_PageLine]:
    rows = [line for line in region if _is_row(line) and line.bbox is not None]
    if len(rows) < 2 or any(line.bbox is None for line in region):
        return region
    first_row = region.index(rows[0])
    header, body = region[:first_row], region[first_row:]
    fragments: dict[int, list[_PageLine]] = {id(row): [] for row in rows}
    for line in body:
        if id(line) in fragments:
            continue
        top = line.bbox[3]  # type: ignore[index]
        above = [row for row in rows if row.page == line.page and row.bbox[3] >= top - 1]  # type: ignore[index]
        earlier = [row for row in rows if row.page < line.page]
        if above:
            owner = min(above, key=lambda row: row.bbox[3])  # type: ignore[index]
        elif earlier:
            owner = earlier[-1]  # the rest of a row split by the page break
        else:
            owner = rows[0]  # above every row: bottom-aligned cells
        fragments[id(owner)].append(line)
    ordered = list(header)
    for row in sorted(rows, key=_reading_position):
        ordered += sorted(fragments[id(row)], key=_reading_position)
        ordered.append(row)
    return ordered


def _reading_position(line: _PageLine) -> tuple[int, float]:
    return line.page, -line.bbox[3]  # type: ignore[index]


def _drop_running_lines(lines: list[_PageLine], pages: int) -> list[_PageLine]:
    """Running headers and footers: margin lines whose text (digits aside) recurs on many pages, and
    bare page numbers in the margin."""
    recurring = Counter(DIGITS.sub("#", line.text.strip()) for line in lines if line.in_margin)
    threshold = max(2, int(pages * 0.4))
    kept: list[_PageLine] = []
    for line in lines:
        if line.in_margin:
            shape = DIGITS.sub("#", line.text.strip())
            if shape == "#" or (pages > 2 and recurring[shape] >= threshold):
                continue
        kept.append(line)
    return kept
