"""Reading a PDF: lines per page in reading order, running headers and page numbers dropped, PDFium's
line-end hyphen restored, and every number's box on its page."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from auditor.ingest import read_document
from auditor.numbers import NUMBER_PATTERN
from tests.formats.helpers import fixture, pdf_text_in_box


@pytest.fixture(scope="module")
def source():
    return read_document(fixture("pdf"))


def test_running_header_and_page_numbers_are_dropped(source):
    assert not any(line.startswith("Beleids- en begrotingstoelichting –") for line in source.lines)
    assert not any(re.fullmatch(r"\s*\d{1,3}\s*", line) for line in source.lines)


def test_lines_are_numbered_per_page_in_reading_order(source):
    previous = (0, 0)
    for origin in source.origins:
        assert (origin.page, origin.page_line) > previous
        if origin.page == previous[0]:
            assert origin.page_line == previous[1] + 1
        previous = (origin.page, origin.page_line)
    pdf = pdfium.PdfDocument(fixture("pdf"))
    assert source.origins[-1].page <= len(pdf)


def test_a_table_row_is_read_label_first_as_in_a_text_export(source):
    start = source.lines.index("ACTIVERING (SOCIALE ECONOMIE), MVG excl. DAB")
    block = source.lines[start:start + 8]
    assert block[2:7] == ["VAK 2024 VEK 2024", "2024 BA BA-JR BU BA BA-JR BU", "ESR-uitgaven",  # U+FFFE → hyphen
                          "WT, LO, PR", "694.180 697.955 635.306 694.180 696.640 635.442"]


def test_every_number_has_the_box_it_is_printed_in(source):
    pdf = pdfium.PdfDocument(fixture("pdf"))
    checked = 0
    for line, origin in zip(source.lines, source.origins):
        if origin.page not in (2, 7, 9, 20):
            continue
        numbers = [m.group(0) for m in re.finditer(NUMBER_PATTERN, line)]
        assert [line[s.start:s.end] for s in origin.spans] == numbers
        for span in origin.spans:
            assert pdf_text_in_box(pdf, origin.page, span.bbox) == line[span.start:span.end]
            checked += 1
    assert checked > 100


def test_a_table_row_split_by_a_page_break_is_joined_label_first():
    """LibreOffice draws 'Overige (leningen (LE),' and the row's numbers on one page and the rest of the
    label on the next; the reader puts the label back together before the numbers."""
    lines = read_document(fixture("pdf").parent / "omgeving-natuur-begroting-2025.clean.pdf").lines
    start = lines.index("Overige")
    assert lines[start:start + 7] == ["Overige", "(leningen", "(LE),", "participati", "es (PA);", "geen ESR-impact)",
                                      "0 0 0 0 0 0"]
