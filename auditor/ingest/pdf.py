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

Two marks in PDFium's text are read back into what the page says (see `text_lines`):

- a hyphen that ends a printed line before a word that goes on on the next line comes out as U+FFFE
  (older builds: U+0002), and PDFium then puts the two printed lines into one line of its text
  ('Fi|nanciën', '47,6 mil|joen euro', 'VAK|krediet en ...', | standing for the mark). Where the word processor
  broke a word between syllables the halves are joined ('Financiën', '47,6 miljoen euro'); where the
  hyphen belongs to the word (a compound with an acronym or a capital, a number, a URL, a Dutch vowel
  clash) it is printed as '-' ('VAK-krediet', 'Vlaams-Brabant', 're-integratie'). A hyphen PDFium
  reports as U+002D is the text's own and is never touched.
- a bullet drawn with a symbol font (Symbol, Wingdings: private-use code points such as U+F0B7) at the
  start of a line becomes the project's bullet '•' followed by one space, as a Word list item is read.

Every character of a line keeps the PDFium index it came from, so a number keeps its own box however
the characters before it were changed.
"""

from __future__ import annotations

import io
import os
import re
import zlib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from ctypes import c_double
from dataclasses import dataclass, field
from functools import partial

from auditor.errors import InputError
from auditor.ingest.forked import Forked, reading_processes
from auditor.ingest.docx_numbering import BULLET  # the bullet a Word list item is read with
from auditor.ingest.origin import BBox, LineOrigin, Span
from auditor.limits import Limits, current_limits, exceeded
from auditor.numbers import NUMBER_PATTERN
# the table parser's own notions of a unit marker and a header line, so the two cannot drift apart
from auditor.vocabulary import UNIT_MARKER, is_header_line

MARGIN = 0.08  # share of the page height at top and bottom where running headers and footers live
# PDFium's mark for a hyphen that ended a printed line before a word going on on the next line
# (older builds: U+0002); PDFium drops the line break there, so both halves stand on one of its lines
LINE_END_HYPHENS = frozenset({"\ufffe", "\x02"})
# Dutch vowel pairs read as one sound: where the parts of a compound meet in one of them the hyphen is
# spelled (re-integratie, zee-egel, auto-ongeluk), and a hyphenation program does not break inside one
VOWEL_CLASHES = frozenset({"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu"})
# Characters in a word that make it a compound or an address, whose line-end hyphen is printed text
COMPOUND_MARKS = frozenset("-/@_")
# The glyphs a list item is drawn with, each with what it shows: one place for the whole vocabulary.
# Word draws bullets with the Symbol and Wingdings fonts, whose glyphs PDFium reports at private-use
# code points (U+F020-U+F0FF: the font's byte plus 0xF000); a font with a Unicode map gives the shape.
# At the start of a line, followed by a tab or spaces, each is read as the project's bullet '•' (the
# one a Word list item is read with) and one space. Dashes and minus signs are left out: at the start
# of a line they may be the sign of a number.
SYMBOL_BULLETS: dict[str, str] = {
    "\uf0b7": "Symbol bullet",
    "\uf0a7": "Wingdings small square (Symbol: club)",
    "\uf0a8": "Wingdings square outline (Symbol: diamond)",
    "\uf06c": "Wingdings black circle",
    "\uf06e": "Wingdings black square",
    "\uf071": "Wingdings shadowed square",
    "\uf075": "Wingdings black diamond",
    "\uf076": "Wingdings four-diamond bullet",
    "\uf077": "Wingdings small diamond",
    "\uf09f": "Wingdings small bullet",
    "\uf0a1": "Wingdings circle outline",
    "\uf0d8": "Wingdings arrowhead",
    "\uf0e0": "Wingdings arrow",
    "\uf0e8": "Wingdings bold arrow",
    "\uf0f0": "Wingdings outline arrow",
    "\uf0fb": "Wingdings cross",
    "\uf0fc": "Wingdings check mark",
    "\uf0fe": "Wingdings checked box",
    "•": "bullet (already the project's)",
    "●": "black circle",
    "○": "white circle",
    "◦": "white bullet",
    "▪": "small black square",
    "■": "black square",
    "□": "white square",
    "◆": "black diamond",
    "❖": "four diamonds",
    "➢": "arrowhead",
    "►": "pointer",
    "✓": "check mark",
    "✔": "heavy check mark",
}
LIST_GAP = " \t\u00a0"  # what stands between a bullet and its item: a tab, spaces
NUMBER = re.compile(NUMBER_PATTERN)
HYPHEN_MARK = re.compile("[" + "".join(sorted(LINE_END_HYPHENS)) + "]")
LINE_BREAK = re.compile(r"\r\n|\n|\r")
DIGITS = re.compile(r"\d+")


@dataclass
class _PageLine:
    page: int
    text: str
    bbox: BBox | None
    spans: tuple[Span, ...]
    in_margin: bool


def read_pdf(data: bytes, path: str, limits: Limits | None = None) -> tuple[list[str], list[LineOrigin], list[str]]:
    """Lines, their origins and notices for a PDF. Raises InputError for what cannot be read."""
    import pypdfium2 as pdfium  # imported here: text input should not pay for loading PDFium

    limits = limits or current_limits()
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _refusal(path, str(exc)) from exc
    try:
        pages = len(document)
        if pages > limits.pdf_pages:
            raise exceeded(path, "pagina's", "pages", pages, "pdf_pages", limits.pdf_pages)
        check_streams(data, path, limits)  # before PDFium inflates a page's content
        page_lines = _read_pages(document, pages, path, limits)
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


@dataclass
class _PagesRead:
    """What one process read of the pages it took from the queue: each page's lines and its count of
    characters, by page index, and the page whose reading raised `failure` (it took no page after it)."""

    pages: dict[int, tuple[list[_PageLine], int]] = field(default_factory=dict)
    failure: tuple[int, BaseException] | None = None


def _read_pages(document, pages: int, path: str, limits: Limits) -> list[_PageLine]:
    """Every page's lines, in page order. On a machine with more cores, forked children (auditor.ingest.
    forked) read pages side by side with this process: reading a page is PDFium parsing it, one page at
    a time in a process. The pages are handed out from one queue (`_PageQueue`), the next page to the
    process that is free first, so a process that met heavy pages (tables, an annex) takes fewer of
    them and none stands idle while another still has a run to read. Whatever the split, the outcome
    is reading the pages one by one: the same lines, and the same refusal (the first page that fails,
    or the page at which the document's characters pass their limit)."""
    processes = min(reading_processes(), pages // PAGES_PER_READER_MIN, READERS_MAX)
    if processes <= 1:
        return _in_page_order(pages, [_read_alone(document, pages, path, limits)], {}, None, limits, path)
    queue = _PageQueue(pages)
    readers: dict[int, Forked[_PagesRead]] = {}
    try:
        for slot in range(1, processes):
            try:
                readers[slot] = Forked(partial(_read_taken, document, queue, slot, path, limits), path)
            except OSError:  # no child to be had: the processes there are take its pages
                break
        parts = [_read_taken(document, queue, 0, path, limits)]
        died: dict[int, InputError] = {}
        for slot, reader in readers.items():
            try:
                parts.append(reader.result())
            except InputError as death:  # a crash of the PDF library: it counts at the page it was reading
                died[slot] = death
        return _in_page_order(pages, parts, died, queue, limits, path)
    finally:
        for reader in readers.values():
            reader.stop()
        queue.close()


def _in_page_order(pages: int, parts: list[_PagesRead], died: dict[int, InputError], queue: _PageQueue | None,
                   limits: Limits, path: str) -> list[_PageLine]:
    """The pages the processes read put back in page order, and the refusal reading them one by one
    meets first: a page that failed, the page where the characters pass their limit, or the page a
    child was reading when it died (the pages it had read before are lost with it, but they had no
    refusal; what their characters added is not counted). A process stops at its own refusal (and
    empties the queue), so every page before the first refusal was taken, and read, by one of them."""
    read = {index: page for part in parts for index, page in part.pages.items()}
    failures = {part.failure[0]: part.failure[1] for part in parts if part.failure is not None}
    # where each dead child was reading: the first page of the last share it took
    dying = {slot: share.start for slot in died if queue is not None and (share := queue.last_taken(slot)) is not None}
    page_lines: list[_PageLine] = []
    characters = 0
    for index in range(pages):
        if index in read:
            lines, count = read[index]
            page_lines.extend(lines)
            characters += count
            if characters > limits.document_chars:
                raise exceeded(path, "tekens tekst", "characters of text", f">{limits.document_chars}",
                               "document_chars", limits.document_chars)
            continue
        if index in failures:
            raise failures[index]
        taker = queue.taker(index) if queue is not None else None
        if taker in died:
            if index >= dying.get(taker, index):
                raise died[taker]
            # read by that child before the share it died on, without a refusal (a refusal would have
            # ended its reading): its lines are lost with it, and the document is refused here or later
            continue
        raise RuntimeError(f"page {index + 1} of {path} was read by no process")  # cannot happen: see above
    return page_lines


# pages a reading process is given at least: reading a page takes about 2 ms, a fork and handing the
# lines back about as much as one page
PAGES_PER_READER_MIN = 4
# processes that read one document at most, and the shares of pages it is handed out in: the queue
# names a share, and notes the process that took it, in one byte
READERS_MAX = 255
SHARES_MAX = 256


class _PageQueue:
    """The pages of a document handed out to the processes that read it, a share of consecutive pages at
    a time (one page each when there are at most SHARES_MAX pages): a pipe holding one byte per share,
    written before the children are forked (its writing end closed at once, so an empty queue reads as
    its end), from which each process takes the next share with a read of one byte (one byte cannot be
    split between two readers); and a map shared with the children that notes which process took each
    share (a child that dies is known by the pages it was reading)."""

    def __init__(self, pages: int) -> None:
        import mmap

        count = min(pages, SHARES_MAX)
        bounds = [pages * n // count for n in range(count + 1)]
        self.shares = [range(start, end) for start, end in zip(bounds, bounds[1:])]
        self._starts = bounds[:-1]  # each share's first page, ascending: a page's share by bisection
        self._out, give = os.pipe()
        try:
            self.takers = mmap.mmap(-1, count)  # anonymous and shared: children forked later write to it
            os.write(give, bytes(range(count)))  # at most 256 bytes: written whole, no write waits
        except BaseException:
            os.close(self._out)
            raise
        finally:
            os.close(give)

    def take(self, slot: int) -> range | None:
        """The next share of pages to read, noted as taken by process `slot`; None when all were taken."""
        token = os.read(self._out, 1)
        if not token:
            return None
        self.takers[token[0]] = slot + 1
        return self.shares[token[0]]

    def empty(self) -> None:
        """Take every share left, read by no one: a process that stops at a refusal ends the others' reading."""
        while os.read(self._out, SHARES_MAX):
            pass

    def taker(self, index: int) -> int | None:
        """The process that took page `index`, if one did."""
        taken = self.takers[bisect_right(self._starts, index) - 1]
        return taken - 1 if taken else None

    def last_taken(self, slot: int) -> range | None:
        """The last share process `slot` took: the one it was reading if it died (the shares go out in
        page order, and a process takes the next only when it has read the one before)."""
        return next((self.shares[share] for share in reversed(range(len(self.shares)))
                     if self.takers[share] == slot + 1), None)

    def close(self) -> None:
        os.close(self._out)
        self.takers.close()


def _read_taken(document, queue: _PageQueue, slot: int, path: str, limits: Limits) -> _PagesRead:
    """The pages this process takes from `queue`, read as `_read_shares` reads them; then the queue is
    emptied: after a refusal no later page is needed (after the last share it is empty already)."""
    read = _read_shares(document, iter(partial(queue.take, slot), None), path, limits)
    queue.empty()
    return read


def _read_alone(document, pages: int, path: str, limits: Limits) -> _PagesRead:
    """Every page read by this process, up to the first refusal."""
    return _read_shares(document, [range(pages)], path, limits)


def _read_shares(document, shares: Iterable[range], path: str, limits: Limits) -> _PagesRead:
    """The pages of `shares` in turn, read until one fails or the characters read here pass the
    document's limit (the document's then pass it by that page or earlier: _in_page_order refuses it
    where they do)."""
    read = _PagesRead()
    characters = 0
    for share in shares:
        for index in share:
            if not _read_into(read, document, index, path, limits):
                return read
            characters += read.pages[index][1]
            if characters > limits.document_chars:
                return read
    return read


def _read_into(read: _PagesRead, document, index: int, path: str, limits: Limits) -> bool:
    """Page `index` read into `read`; False (its failure noted) when reading it raised."""
    try:
        page = document[index]
        try:
            read.pages[index] = _read_page(page, index + 1, path, limits)
        finally:
            page.close()
    except Exception as exc:  # noqa: BLE001 - raised by _in_page_order in page order, as if read one by one
        read.failure = (index, exc)
        return False
    return True


def check_streams(data: bytes, path: str, limits: Limits) -> None:
    """Refuse a PDF a page of which draws more than `pdf_page_stream_bytes` of decompressed content
    (its content streams and the forms it uses, nested ones too). Flate streams are inflated here as a
    stream with a cap, keeping nothing, so a 2 GiB content stream costs a few MB and a moment, not the
    gigabytes PDFium would allocate to parse it. A file pypdf cannot walk is left to PDFium to judge.

    Most files are let through without pypdf (whose import and walk cost more than the rest of the
    audit's reading): when every stream in the file together inflates to no more than the limit less the
    file's size, no page can draw more (see `_streams_within`)."""
    if _streams_within(data, limits.pdf_page_stream_bytes):
        return
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return  # PDFium refuses it with the password message
        pages = list(reader.pages)
    except Exception:  # noqa: BLE001 - pypdf's view is only a pre-check; PDFium decides what is readable
        return
    for number, page in enumerate(pages, start=1):
        try:
            streams = _page_streams(page)
        except Exception:  # noqa: BLE001
            continue
        budget = limits.pdf_page_stream_bytes
        for stream in streams:
            budget -= _inflated_size(stream, budget)
            if budget < 0:
                raise exceeded(path, f"uitgepakte inhoud van pagina {number} in bytes",
                               f"decompressed content of page {number} in bytes", f">{limits.pdf_page_stream_bytes}",
                               "pdf_page_stream_bytes", limits.pdf_page_stream_bytes)


def _page_streams(page) -> list:
    """The content streams of a page and the form XObjects its resources name (nested ones too)."""
    found: list = []
    seen: set[int] = set()

    def add(obj) -> None:
        key = getattr(obj, "idnum", None) or id(obj)
        target = obj.get_object() if hasattr(obj, "get_object") else obj
        if key in seen or target is None:
            return
        seen.add(key)
        if isinstance(target, list):
            for item in target:
                add(item)
            return
        if hasattr(target, "get_data") or hasattr(target, "_data"):
            found.append(target)
            resources = target.get("/Resources")
            if resources is not None:
                forms(resources)

    def forms(resources) -> None:
        resources = resources.get_object()
        xobjects = resources.get("/XObject") if hasattr(resources, "get") else None
        if xobjects is None:
            return
        for ref in xobjects.get_object().values():
            xobject = ref.get_object()
            if hasattr(xobject, "get") and xobject.get("/Subtype") == "/Form":
                add(ref)

    contents = page.get("/Contents")
    if contents is not None:
        add(contents)
    resources = page.get("/Resources")
    if resources is not None:
        forms(resources)
    return found


def _inflated_size(stream, cap: int) -> int:
    """Decompressed size of a stream, counted up to a little past `cap` (then it stops)."""
    raw = stream._data if getattr(stream, "_data", None) is not None else b""
    filters = stream.get("/Filter")
    filters = [] if filters is None else [filters] if not isinstance(filters, list) else list(filters)
    if not filters:
        return len(raw)
    if len(filters) != 1 or filters[0] not in ("/FlateDecode", "/Fl"):
        return len(raw)  # other filters (ASCII85, LZW …) are rare in content streams and left to PDFium
    inflater = zlib.decompressobj()
    size = 0
    pending = raw
    try:
        while pending and size <= cap:
            size += len(inflater.decompress(pending, CHUNK))
            pending = inflater.unconsumed_tail
    except zlib.error:
        return size  # a damaged stream: PDFium reads what it can
    return size


CHUNK = 1024 * 1024
STREAM_KEYWORD = re.compile(rb"stream[ \r\n]*")  # pypdf allows spaces before the end of line
FEED = 16 * 1024  # bytes handed to the inflater at a time while looking for a stream's end


def _streams_within(data: bytes, limit: int) -> bool:
    """Whether the file's size plus what all its zlib streams inflate to stays within `limit`, so that
    no page can draw more than `limit` of content. What a page draws is at most that sum: each of its
    Flate streams inflates to what the same stream inflates to here (it starts after a `stream`
    keyword, where an attempt is made; an attempt where no zlib data starts costs nothing), and its
    other streams are bytes of the file. An encrypted file is left to pypdf (its streams inflate only
    once decrypted). Stops inflating as soon as the sum passes `limit`."""
    remaining = limit - len(data)
    if remaining < 0 or b"/Encrypt" in data:
        return False
    view = memoryview(data)
    for match in STREAM_KEYWORD.finditer(data):
        position = match.end()
        inflater = zlib.decompressobj()
        try:
            while not inflater.eof and position < len(data):
                pending: bytes | memoryview = view[position:position + FEED]
                position += FEED
                while pending:
                    remaining -= len(inflater.decompress(pending, remaining + 1))
                    if remaining < 0:
                        return False
                    pending = inflater.unconsumed_tail
        except zlib.error:
            continue  # not zlib data here (another filter, a damaged stream): its bytes are in the file's size
    return True


def _refusal(path: str, reason: str) -> InputError:
    lowered = reason.lower()
    if "password" in lowered or "security" in lowered:
        return InputError(f"{path} is beveiligd met een wachtwoord en kan niet gelezen worden",
                          f"{path} is password-protected and cannot be read")
    return InputError(f"{path} is geen leesbare PDF (beschadigd of onvolledig)",
                      f"{path} is not a readable PDF (damaged or truncated: {reason})")


def _read_page(page, number: int, path: str, limits: Limits) -> tuple[list[_PageLine], int]:
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count > limits.pdf_page_chars:
            raise exceeded(path, f"tekens tekst op pagina {number}", f"characters of text on page {number}", count,
                           "pdf_page_chars", limits.pdf_page_chars)
        height = page.get_height()
        text = textpage.get_text_range()
        # where PDFium joined two printed lines: a line's box must cover each of them
        joints = [match.start() for match in HYPHEN_MARK.finditer(text)]
        charbox = _charbox_reader(textpage)
        top_margin, bottom_margin = height * (1 - MARGIN), height * MARGIN
        result: list[_PageLine] = []
        for line, index in text_lines(text):
            bbox = _line_box(charbox, index[0], index[-1], joints)
            spans = tuple(
                Span(m.start(), m.end(), _chars_box(charbox, index[m.start()], index[m.end() - 1]))
                for m in NUMBER.finditer(line)
            )
            in_margin = bbox[3] > top_margin or bbox[1] < bottom_margin
            result.append(_PageLine(page=number, text=line, bbox=bbox, spans=spans, in_margin=in_margin))
        return result, count
    finally:
        textpage.close()


def _charbox_reader(textpage) -> Callable[[int], tuple[float, float, float, float]]:
    """`textpage.get_charbox` without its per-call setup: PDFium's FPDFText_GetCharBox into four
    doubles made once per page (the same call, so the same boxes); each box is asked for once."""
    import pypdfium2.raw as pdfium_c
    from pypdfium2 import PdfiumError

    left, right, bottom, top = c_double(), c_double(), c_double(), c_double()
    raw, get = textpage.raw, pdfium_c.FPDFText_GetCharBox
    seen: dict[int, tuple[float, float, float, float]] = {}

    def charbox(index: int) -> tuple[float, float, float, float]:
        box = seen.get(index)
        if box is None:
            if not get(raw, index, left, right, bottom, top):  # yes, l r b t
                raise PdfiumError("Failed to get charbox.")
            box = seen[index] = (left.value, bottom.value, right.value, top.value)
        return box

    return charbox


_Chars = list[tuple[str, int]]  # a line's characters, each with its index in PDFium's text page


def text_lines(text: str) -> list[tuple[str, Sequence[int]]]:
    """The lines of PDFium's text of one page as the page reads: line-end hyphens resolved, symbol-font
    bullets read as '•'; blank lines left out. Each line comes with the PDFium character index of each
    of its characters (PDFium separates lines with generated CR LF; an index into `text` is its
    character index).

    Most lines are read as they stand (trailing spaces dropped, their indices a range); only a line with
    a hyphen mark, the line after it (whose first word may move up) and a line opening with a bullet
    glyph are taken apart character by character."""
    raws = LINE_BREAK.split(text)
    offsets: list[int] = []
    offset = 0
    for raw in raws:
        offsets.append(offset)
        offset += len(raw) + (2 if text.startswith("\r\n", offset + len(raw)) else 1)
    slow: dict[int, _Chars] = {}
    for number, raw in enumerate(raws):
        if HYPHEN_MARK.search(raw):
            for at in (number, number + 1):
                if at < len(raws) and at not in slow:
                    slow[at] = [(char, offsets[at] + position) for position, char in enumerate(raws[at])]
        elif raw.lstrip()[:1] in SYMBOL_BULLETS and number not in slow:
            slow[number] = [(char, offsets[number] + position) for position, char in enumerate(raw)]
    # a word moves up only from the line after one with a mark, and both are taken apart; lines in order
    for number in sorted(slow):
        if number + 1 in slow:
            _join_words_across_line_ends([slow[number], slow[number + 1]])
    out: list[tuple[str, Sequence[int]]] = []
    for number, raw in enumerate(raws):
        chars = slow.get(number)
        if chars is None:
            line = raw.rstrip()
            if line:
                out.append((line, range(offsets[number], offsets[number] + len(line))))
            continue
        chars = _bullet_read(_hyphens_resolved(chars))
        while chars and chars[-1][0].isspace():
            chars.pop()
        if any(not char.isspace() for char, _ in chars):
            out.append(("".join(char for char, _ in chars), tuple(index for _, index in chars)))
    return out


def _join_words_across_line_ends(lines: list[_Chars]) -> None:
    """A line that ends in a hyphen mark before a word on the next line gets that word, so the mark
    stands between the halves as PDFium's joined lines have it; the rest of the next line stays where
    it is. A word with a digit stays on its line: a number's line is where the table reader looks."""
    for here, following in zip(lines, lines[1:]):
        end = len(here)
        while end and here[end - 1][0].isspace():
            end -= 1
        if not end or here[end - 1][0] not in LINE_END_HYPHENS:
            continue
        start = 0
        while start < len(following) and following[start][0].isspace():
            start += 1
        stop = start
        while stop < len(following) and not following[stop][0].isspace():
            stop += 1
        word = following[start:stop]
        if not word or not word[0][0].isalpha() or any(char.isdigit() for char, _ in word):
            continue
        here[end:] = word
        while stop < len(following) and following[stop][0].isspace():
            stop += 1  # and the space after it: the rest of the line starts where its text does
        del following[:stop]


def _hyphens_resolved(chars: _Chars) -> _Chars:
    """Each line-end hyphen mark dropped (the halves of a word joined) or printed as '-'."""
    out: _Chars = []
    for position, (char, index) in enumerate(chars):
        if char not in LINE_END_HYPHENS:
            out.append((char, index))
            continue
        if is_printed_hyphen(_word_before(out, len(out)), _word_after(chars, position + 1)):
            out.append(("-", index))
    return out


def _word_before(chars: _Chars, end: int) -> str:
    """The characters before `end` back to a space."""
    start = end
    while start and not chars[start - 1][0].isspace():
        start -= 1
    return "".join(char for char, _ in chars[start:end])


def _word_after(chars: _Chars, start: int) -> str:
    """The characters from `start` up to a space."""
    end = start
    while end < len(chars) and not chars[end][0].isspace():
        end += 1
    return "".join(char for char, _ in chars[start:end])


def is_printed_hyphen(before: str, after: str) -> bool:
    """Whether a hyphen PDFium marks at a line end between `before` and `after` (the two halves, each up
    to the next space) is part of the text rather than a syllable break a word processor put in: a
    hyphenation program breaks a word of lowercase letters, between syllables, leaving two letters or
    more on the line, never inside a compound that spells its hyphen."""
    if not before or not after or not (before[-1].isalpha() and before[-1].islower()
                                       and after[0].isalpha() and after[0].islower()):
        return True  # a line that ends in a hyphen, an acronym or a capital (VAK-krediet, Vlaams-Brabant), a number
    if len(before) < 2 or not before[-2].isalpha():
        return True  # e-inclusie, x-as: no hyphenation leaves one letter on a line
    if COMPOUND_MARKS & set(before + after) or "." in before:
        return True  # a compound of three or more parts or an address (enquete-naar-de-..., www.x.be/a-b)
    return (before[-1] + after[0]).lower() in VOWEL_CLASHES  # re-integratie, zee-egel


def _bullet_read(chars: _Chars) -> _Chars:
    """A symbol-font bullet opening the line, and the gap after it, as '•' and one space."""
    start = 0
    while start < len(chars) and chars[start][0].isspace():
        start += 1
    if start == len(chars) or chars[start][0] not in SYMBOL_BULLETS:
        return chars
    gap = start + 1
    while gap < len(chars) and chars[gap][0] in LIST_GAP:
        gap += 1
    if gap == len(chars):
        return chars  # a glyph alone on its line is not a list item
    bullet_index = chars[start][1]
    space_index = chars[start + 1][1] if gap > start + 1 else bullet_index
    return chars[:start] + [(BULLET, bullet_index), (" ", space_index)] + chars[gap:]


def _chars_box(charbox, first: int, last: int) -> BBox:
    """Box of a run of characters on one line (a number, a whole line) from its first and last
    character: two calls into PDFium instead of one per character."""
    left, bottom, right_first, top = charbox(first)
    _, bottom_last, right, top_last = charbox(last)
    return (round(left, 1), round(min(bottom, bottom_last), 1), round(max(right, right_first), 1),
            round(max(top, top_last), 1))


def _line_box(charbox, first: int, last: int, joints: list[int]) -> BBox:
    """Box of a line from its first to its last character; a line PDFium joined at line-end hyphens
    (each mark ends a printed line) covers every printed line in it."""
    at = bisect_left(joints, first)
    if at == len(joints) or joints[at] >= last:  # most lines are one printed line: two characters' boxes
        left, bottom, right, top = charbox(first)
        left_last, bottom_last, right_last, top_last = charbox(last)
        return (round(min(left, left_last), 1), round(min(bottom, bottom_last), 1), round(max(right, right_last), 1),
                round(max(top, top_last), 1))
    ends = [first]
    for joint in joints[bisect_left(joints, first):]:
        if joint >= last:
            break
        ends += [joint, joint + 1]
    boxes = [charbox(index) for index in ends + [last]]
    return (round(min(box[0] for box in boxes), 1), round(min(box[1] for box in boxes), 1),
            round(max(box[2] for box in boxes), 1), round(max(box[3] for box in boxes), 1))


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
