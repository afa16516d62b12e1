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
import struct
import zipfile
import zlib
from xml.etree import ElementTree

from auditor.errors import InputError
from auditor.ingest.origin import LineOrigin, Span
from auditor.limits import Limits, current_limits, exceeded
from auditor.numbers import NUMBER_PATTERN

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTES_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
NUMBER = re.compile(NUMBER_PATTERN)
HEADING_STYLE = re.compile(r"^(?:Heading|Kop)\s*(\d)$", re.I)


def read_docx(data: bytes, path: str, limits: Limits | None = None) -> tuple[list[str], list[LineOrigin], list[str]]:
    """Lines, their origins and notices for a .docx. Raises InputError for what cannot be read."""
    limits = limits or current_limits()
    check_package(data, path, limits)  # before python-docx inflates and parses anything
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

    notices: list[str] = []
    reader = _Reader(_footnotes(document, notices), styles, Numbering(document))
    for element in body_blocks(document.element.body):
        if element.tag == f"{W}tbl":
            reader.table(Table(element, document))
        else:
            reader.paragraph(Paragraph(element, document))
        if reader.characters > limits.document_chars:
            raise exceeded(path, "tekens tekst", "characters of text", f">{limits.document_chars}",
                           "document_chars", limits.document_chars)
    if not any(line.strip() for line in reader.lines):
        raise InputError(f"{path} bevat geen tekst", f"{path} contains no text")
    return reader.lines, reader.origins, notices


def check_package(data: bytes, path: str, limits: Limits) -> None:
    """Refuse a zip that is not a Word document, or whose parts would inflate beyond the limits.

    The entry count is read from the end-of-central-directory record before zipfile builds its list;
    the sizes the central directory declares are checked next; then every entry is inflated as a
    stream (nothing kept) counting what comes out, so an entry that declares a small size and
    inflates to gigabytes is stopped at the limit, not after."""
    entries = _declared_entries(data)
    if entries is not None and entries > limits.docx_entries:
        raise exceeded(path, "onderdelen in het zip-bestand", "entries in the zip file", entries, "docx_entries",
                       limits.docx_entries)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > limits.docx_entries:
                raise exceeded(path, "onderdelen in het zip-bestand", "entries in the zip file", len(infos),
                               "docx_entries", limits.docx_entries)
            if "word/document.xml" not in {info.filename for info in infos}:
                raise InputError(f"{path} is een zip-bestand maar geen Word-document (.docx)",
                                 f"{path} is a zip file but not a Word document (.docx)")
            for info in infos:
                if info.file_size > limits.docx_part_bytes:
                    raise _part_too_large(path, info.filename, info.file_size, limits)
            declared = sum(info.file_size for info in infos)
            if declared > limits.docx_total_bytes:
                raise _package_too_large(path, declared, limits)
            total = 0
            for info in infos:
                size = 0
                with archive.open(info) as stream:
                    while chunk := stream.read(CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if size > limits.docx_part_bytes:
                            raise _part_too_large(path, info.filename, f">{limits.docx_part_bytes}", limits)
                        if total > limits.docx_total_bytes:
                            raise _package_too_large(path, f">{limits.docx_total_bytes}", limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError, OSError,
            zlib.error) as exc:
        if "CRC" in str(exc):
            raise InputError(f"{path} is geen geldig Word-document: een onderdeel klopt niet met zijn controlesom "
                             "(beschadigde of vervalste zip)",
                             f"{path} is not a valid Word document: a part does not match its checksum "
                             "(damaged or forged zip)") from exc
        raise InputError(f"{path} is geen geldig Word-document (beschadigde of onvolledige zip)",
                         f"{path} is not a valid Word document (damaged or truncated zip)") from exc


CHUNK = 1024 * 1024


def _part_too_large(path: str, name: str, size, limits: Limits) -> InputError:
    return exceeded(path, f"uitgepakte grootte van {name[:60]} in bytes", f"decompressed size of {name[:60]} in bytes",
                    size, "docx_part_bytes", limits.docx_part_bytes)


def _package_too_large(path: str, size, limits: Limits) -> InputError:
    return exceeded(path, "uitgepakte grootte van het hele document in bytes",
                    "decompressed size of the whole document in bytes", size, "docx_total_bytes",
                    limits.docx_total_bytes)


def _declared_entries(data: bytes) -> int | None:
    """The entry count in the zip's end-of-central-directory record (zip64 when it says so)."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65557))
    if at < 0 or at + 22 > len(data):
        return None
    count = struct.unpack_from("<H", data, at + 10)[0]
    locator = at - 20
    if count == 0xFFFF and locator >= 0 and data[locator:locator + 4] == b"PK\x06\x07":
        offset = struct.unpack_from("<Q", data, locator + 8)[0]
        if 0 <= offset <= len(data) - 40 and data[offset:offset + 4] == b"PK\x06\x06":
            count = struct.unpack_from("<Q", data, offset + 32)[0]
    return count


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
        self.characters = 0

    def emit(self, text: str, origin: LineOrigin) -> None:
        self.characters += len(text)
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


def _footnotes(document, notices: list[str]) -> dict[str, str]:
    """Footnote id → text, read from the footnotes part (python-docx has no API for footnotes). A part
    that cannot be read is reported in `notices`: its notes are missing from the text, not silently."""
    for rel in document.part.rels.values():
        if rel.reltype == FOOTNOTES_RELTYPE and not rel.is_external:
            try:
                root = ElementTree.fromstring(rel.target_part.blob)
            except (ElementTree.ParseError, ValueError, KeyError) as exc:
                notices.append(f"voetnoten niet gelezen: {rel.target_ref} is geen geldige XML ({exc}); "
                               "de tekst van de voetnoten ontbreekt")
                return {}
            notes: dict[str, str] = {}
            for note in root.iter(f"{W}footnote"):
                if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = " ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in note.iter(f"{W}p"))
                notes[note.get(f"{W}id", "")] = " ".join(text.split())
            return notes
    return {}
