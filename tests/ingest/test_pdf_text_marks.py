"""Two marks in PDFium's text and how the PDF reader reads them back into what the page says.

A hyphen that ends a printed line before a word going on on the next line comes out of PDFium as U+FFFE
(older builds: U+0002), and PDFium then runs the two printed lines together into one line of its text:
Word's 'Fi-' / 'nanciën' becomes 'Fi\\ufffenanciën'. Where the word was broken between syllables the
halves are joined; where the hyphen is the word's own (a compound with an acronym or a capital, a
single-letter prefix, a Dutch vowel clash, an address) it stays a hyphen. A hyphen PDFium reports as
U+002D is always the text's own.

A bullet drawn with a symbol font (Symbol, Wingdings) comes out as a private-use code point (U+F0B7,
U+F0A7, ...) and a gap; it is read as the bullet a Word list item is read with: '•' and one space.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from auditor.claims.mentions import find_mentions
from auditor.claims.passage import BULLET as LIST_ITEM, build_passage
from auditor.ingest import decode_document
from auditor.ingest.docx_numbering import BULLET
from auditor.ingest.pdf import LINE_END_HYPHENS, SYMBOL_BULLETS, text_lines
from tests.formats.helpers import pdf_text_in_box

MARK = "\ufffe"


def read(page_text: str) -> list[str]:
    return [line for line, _ in text_lines(page_text)]


# --- line-end hyphens -------------------------------------------------------------------------------

@pytest.mark.parametrize("marked, read_as", [
    (f"Fi{MARK}nanciën", "Financiën"),
    (f"de relanceprovi{MARK}sie van 2024", "de relanceprovisie van 2024"),
    (f"47,6 mil{MARK}joen euro", "47,6 miljoen euro"),
    (f"financi{MARK}ële middelen", "financiële middelen"),
    ("47,6 mil\x02joen euro", "47,6 miljoen euro"),  # older PDFium builds
])
def test_a_word_broken_between_syllables_is_joined(marked, read_as):
    assert read(marked) == [read_as]


@pytest.mark.parametrize("marked, read_as", [
    (f"van het beschikbare VAK{MARK}krediet", "van het beschikbare VAK-krediet"),  # acronym
    (f"ESR{MARK}uitgaven", "ESR-uitgaven"),
    (f"in Vlaams{MARK}Brabant", "in Vlaams-Brabant"),  # capital
    (f"het lokale e{MARK}inclusiebeleid", "het lokale e-inclusiebeleid"),  # one-letter prefix
    (f"de re{MARK}integratie", "de re-integratie"),  # vowel clash
    (f"zee{MARK}egel", "zee-egel"),
    (f"www.vlaanderen.be/statistiek{MARK}vlaanderen/arbeid", "www.vlaanderen.be/statistiek-vlaanderen/arbeid"),
    (f"enquete-naar-de{MARK}arbeidskrachten", "enquete-naar-de-arbeidskrachten"),  # compound of several parts
])
def test_a_hyphen_that_belongs_to_the_word_stays_a_hyphen(marked, read_as):
    assert read(marked) == [read_as]


def test_a_hyphen_printed_in_the_text_is_never_touched():
    assert read("2024 BA BA-JR BU\r\nESR-uitgaven in Vlaams-Brabant, 47,6 mil-joen") == [
        "2024 BA BA-JR BU", "ESR-uitgaven in Vlaams-Brabant, 47,6 mil-joen"]


def test_a_mark_ending_a_line_takes_the_rest_of_the_word_from_the_next_line():
    text = f"bedraagt 47,6 mil{MARK}\r\njoen euro voor 2024"
    lines = text_lines(text)
    assert [line for line, _ in lines] == ["bedraagt 47,6 miljoen", "euro voor 2024"]
    (first, first_index), (second, second_index) = lines
    assert "".join(text[i] for i in first_index) == "bedraagt 47,6 miljoen"
    assert second_index[second.index("2024")] == text.index("2024")


def test_a_number_on_the_next_line_stays_on_its_line():
    assert read(f"Totaal van de rubriek{MARK}\r\n2024 12.500") == ["Totaal van de rubriek-", "2024 12.500"]


def test_every_character_keeps_the_index_pdfium_gave_it():
    text = f"De Fi{MARK}nanciën: 47,6 mil{MARK}joen euro en 552.157 keuro VAK{MARK}krediet\r\n\uf0b7\tItem 12,5 keuro"
    for line, index in text_lines(text):
        assert len(index) == len(line)
        for char, position in zip(line, index):
            printed = text[position]
            assert char == printed or (char == "-" and printed in LINE_END_HYPHENS) or (
                char == BULLET and printed in SYMBOL_BULLETS) or (char == " " and printed.isspace())


# --- symbol-font bullets ----------------------------------------------------------------------------

@pytest.mark.parametrize("glyph", sorted(SYMBOL_BULLETS))
def test_a_symbol_font_bullet_opens_a_list_item_as_in_word(glyph):
    line = read(f"{glyph}\tComponent A: 12,5 miljoen euro")[0]
    assert line == f"{BULLET} Component A: 12,5 miljoen euro"
    assert LIST_ITEM.match(line)


@pytest.mark.parametrize("gap", ["\t", " ", "   ", "\u00a0 ", ""])
def test_whatever_gap_follows_the_bullet_it_is_read_as_one_space(gap):
    assert read(f"\uf0a7{gap}Werkingsmiddelen") == [f"{BULLET} Werkingsmiddelen"]


def test_an_indented_bullet_keeps_its_indent():
    assert read("    \uf0d8  tweede niveau") == [f"    {BULLET} tweede niveau"]


def test_a_symbol_glyph_inside_a_line_or_alone_on_it_is_not_a_list_item():
    assert read("Prijs \uf0fc ja\r\n\uf0b7") == ["Prijs \uf0fc ja", "\uf0b7"]


# --- a PDF whose text layer PDFium reads with these marks -------------------------------------------

def _pdf(lines: list[tuple[int, int, str, bytes]]) -> bytes:
    """A one-page PDF drawing each (x, y, font, text) as its own text object: F1 is Helvetica, F2 the
    Symbol font with a ToUnicode map that gives its bullet (code B7) as U+F0B7, as Word's PDFs do."""
    content = b"".join(b"BT /%s 11 Tf %d %d Td (%s) Tj ET\n" % (font.encode(), x, y, text)
                       for x, y, font, text in lines)
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /SymbolBullet def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <B7> <F0B7> endbfchar "
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Symbol /ToUnicode 7 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PRINTED = [  # a hyphenated paragraph, then a list of components with Symbol bullets
    (72, 700, "F1", b"De relanceprovi-"),
    (72, 686, "F1", b"sie bedraagt 47,6 mil-"),
    (72, 672, "F1", "joen euro voor Fi-".encode("cp1252")),
    (72, 658, "F1", "nanciën en 552.157 keuro van het VAK-".encode("cp1252")),
    (72, 644, "F1", b"krediet in Vlaams-Brabant (BA-JR)."),
    (72, 620, "F1", b"De relanceprovisie bestaat uit:"),
    (72, 606, "F2", b"\xb7"), (90, 606, "F1", b"Component A: 12,5 miljoen euro"),
    (72, 592, "F2", b"\xb7"), (90, 592, "F1", b"Component B: 35,1 miljoen euro"),
]


@pytest.fixture(scope="module")
def hyphenated_pdf() -> bytes:
    data = _pdf(PRINTED)
    text = pdfium.PdfDocument(data)[0].get_textpage().get_text_range()
    assert f"mil{MARK}joen" in text and "\uf0b7" in text  # PDFium reads this file as it reads Word's
    return data


def test_a_hyphenated_paragraph_and_a_bulleted_list_read_from_a_pdf(hyphenated_pdf):
    source = decode_document(hyphenated_pdf, "hyphenated.pdf")
    assert source.lines == [
        "De relanceprovisie bedraagt 47,6 miljoen euro voor Financiën en 552.157 keuro van het VAK-krediet "
        "in Vlaams-Brabant (BA-JR).",
        "De relanceprovisie bestaat uit:",
        f"{BULLET} Component A: 12,5 miljoen euro",
        f"{BULLET} Component B: 35,1 miljoen euro",
    ]
    assert [origin.page_line for origin in source.origins] == [1, 2, 3, 4]


def test_every_number_keeps_the_box_it_is_printed_in(hyphenated_pdf):
    source = decode_document(hyphenated_pdf, "hyphenated.pdf")
    pdf = pdfium.PdfDocument(hyphenated_pdf)
    numbers = [(line[span.start:span.end], pdf_text_in_box(pdf, 1, span.bbox))
               for line, origin in zip(source.lines, source.origins) for span in origin.spans]
    assert numbers == [("47,6", "47,6"), ("552.157", "552.157"), ("12,5", "12,5"), ("35,1", "35,1")]


def test_a_line_pdfium_joined_has_the_box_of_all_its_printed_lines(hyphenated_pdf):
    source = decode_document(hyphenated_pdf, "hyphenated.pdf")
    left, bottom, right, top = source.origins[0].bbox
    textpage = pdfium.PdfDocument(hyphenated_pdf)[0].get_textpage()
    text = textpage.get_text_range()
    widest = textpage.get_charbox(text.index("VAK") + 3)  # the hyphen that ends the widest printed line
    assert top > 700 and bottom < 644 + 1 and right >= widest[2] - 0.1


def test_the_claims_read_the_joined_amount_in_miljoen_euro_and_the_list_items_as_bullets(hyphenated_pdf):
    lines = decode_document(hyphenated_pdf, "hyphenated.pdf").lines
    passage = build_passage(lines, 1, len(lines), set())
    amounts = [(str(m.quantity.value), m.unit) for s in passage.sentences for m in find_mentions(passage, s)]
    assert ("47600.0", "keuro") in amounts  # 47,6 miljoen euro
    assert [s.text for s in passage.sentences if s.bullet] == [f"{BULLET} Component A: 12,5 miljoen euro",
                                                               f"{BULLET} Component B: 35,1 miljoen euro"]
