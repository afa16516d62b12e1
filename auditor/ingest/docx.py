"""Read a Word draft with python-docx: paragraphs and tables in body order, as numbered lines.

A paragraph is one line. A table whose rows carry amounts (a budget table) becomes one line per row —
the row label, then the cells left to right — so the structure parser reads it as it reads a table in
a text export; every cell's span on that line remembers its column. A table of prose (the indicator
annex, label | value) becomes one line per paragraph of each cell. Horizontally merged cells are read
once. Footnotes are attached: their text follows the paragraph that refers to them, numbered as Word
numbers them, as a PDF prints them at the foot of the page.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

from auditor.errors import InputError
from auditor.ingest.origin import LineOrigin, Span
from auditor.numbers import NUMBER_PATTERN

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTES_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
NUMBER = re.compile(NUMBER_PATTERN)
HEADING_STYLE = re.compile(r"^(?:Heading|Kop)\s*(\d)$", re.I)


def read_docx(data: bytes, path: str) -> tuple[list[str], list[LineOrigin], list[str]]:
    """Lines, their origins and notices for a .docx. Raises InputError for what cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise InputError(f"{path} is een zip-bestand maar geen Word-document (.docx)",
                                 f"{path} is a zip file but not a Word document (.docx)")
    except zipfile.BadZipFile as exc:
        raise InputError(f"{path} is geen geldig Word-document (beschadigde of onvolledige zip)",
                         f"{path} is not a valid Word document (damaged or truncated zip)") from exc
    import docx  # imported here: text and PDF input should not pay for python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors … on damaged parts
        raise InputError(f"{path} is geen leesbaar Word-document ({type(exc).__name__})",
                         f"{path} is not a readable Word document ({type(exc).__name__})") from exc
    # style id → name, read once: python-docx's paragraph.style looks the default style up per paragraph
    styles = {style.style_id: style.name or "" for style in document.styles}
    from auditor.ingest.docx_numbering import Numbering

    reader = _Reader(_footnotes(document), styles, Numbering(document))
    for element in body_blocks(document.element.body):
        if element.tag == f"{W}tbl":
            reader.table(Table(element, document))
        else:
            reader.paragraph(Paragraph(element, document))
    if not any(line.strip() for line in reader.lines):
        raise InputError(f"{path} bevat geen tekst", f"{path} contains no text")
    return reader.lines, reader.origins, []


class _Reader:
    def __init__(self, footnotes: dict[str, str], styles: dict[str, str], numbering) -> None:
        self.footnotes = footnotes
        self.styles = styles
        self.numbering = numbering
        self.lines: list[str] = []
        self.origins: list[LineOrigin] = []
        self.paragraphs = 0
        self.tables = 0
        self.heading: str | None = None
        self.footnote_number = 0

    def emit(self, text: str, origin: LineOrigin) -> None:
        self.lines.append(text)
        self.origins.append(origin)

    def paragraph(self, paragraph) -> None:
        self.paragraphs += 1
        text = paragraph_text(paragraph._p)
        shift = 0
        label = self.numbering.label(paragraph._p)
        if label and not text.lstrip().startswith(label):
            text, shift = f"{label} {text}", len(label) + 1  # the number Word draws, as a PDF would print it
        style = self.styles.get(paragraph._p.style or "", "")
        if HEADING_STYLE.match(style) or style == "Title":
            self.heading = text.strip() or self.heading
        self.emit(text, LineOrigin(paragraph=self.paragraphs, heading=self.heading, shift=shift))
        for reference in paragraph._p.iter(f"{W}footnoteReference"):
            note = self.footnotes.get(reference.get(f"{W}id", ""))
            if note is not None:
                self.footnote_number += 1
                self.emit(f"{self.footnote_number} {note}",
                          LineOrigin(paragraph=self.paragraphs, heading=self.heading))

    def table(self, table) -> None:
        self.tables += 1
        rows = [_row_cells(row._tr) for row in table.rows]
        budget = any(NUMBER.fullmatch(text.strip()) for cells in rows for text in cells[1:])
        for row_number, cells in enumerate(rows, start=1):
            origin = dict(heading=self.heading, table=self.tables, row=row_number)
            if budget:
                parts: list[str] = []
                spans: list[Span] = []
                position = 0
                for column, text in enumerate(cells, start=1):
                    text = " ".join(text.split())
                    if not text:
                        continue
                    if parts:
                        position += 1
                    spans.append(Span(start=position, end=position + len(text), column=column))
                    parts.append(text)
                    position += len(text)
                self.emit(" ".join(parts), LineOrigin(spans=tuple(spans), **origin))
            else:
                for column, text in enumerate(cells, start=1):
                    for piece in text.split("\n"):
                        if piece.strip():
                            self.emit(piece, LineOrigin(spans=(Span(start=0, end=len(piece), column=column),),
                                                        **origin))


def body_blocks(container):
    """Paragraphs and tables in body order, like python-docx's iter_inner_content, but also inside
    block-level content controls (w:sdt), which government templates use for whole sections."""
    for child in container:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from body_blocks(content)


def paragraph_text(p) -> str:
    """The paragraph's text; a manual line break counts as a space (a Word line break is layout)."""
    parts: list[str] = []
    for element in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"):
        tag = element.tag
        if tag == f"{W}t":
            parts.append(element.text or "")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        else:
            parts.append(" " if tag != f"{W}tab" else "\t")
    return "".join(parts)


def row_cells(tr) -> list:
    """The cell elements of a row as a reader counts them: a merged cell once, nested tables aside."""
    return [tc for tc in tr.iter(f"{W}tc") if tc.getparent() is tr or tc.getparent().tag == f"{W}sdtContent"]


def _row_cells(tr) -> list[str]:
    """Text of each cell of a row, left to right; a horizontally merged cell (gridSpan) once. Cells of
    a vertical merge continuation are empty, which is what a reader sees."""
    return ["\n".join(paragraph_text(p) for p in tc.iter(f"{W}p")) for tc in row_cells(tr)]


def _footnotes(document) -> dict[str, str]:
    """Footnote id → text, read from the footnotes part (python-docx has no API for footnotes)."""
    for rel in document.part.rels.values():
        if rel.reltype == FOOTNOTES_RELTYPE and not rel.is_external:
            try:
                root = ElementTree.fromstring(rel.target_part.blob)
            except ElementTree.ParseError:
                return {}
            notes: dict[str, str] = {}
            for note in root.iter(f"{W}footnote"):
                if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = " ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in note.iter(f"{W}p"))
                notes[note.get(f"{W}id", "")] = " ".join(text.split())
            return notes
    return {}
