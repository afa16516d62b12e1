"""Reading a Word draft: paragraphs and tables in body order, a merged header cell once, a row label over
two lines as one label, footnotes attached after the paragraph that cites them, and every line knows
its paragraph, heading and table cell."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest

from auditor.audit import audit_lines
from auditor.ingest import decode_document
from auditor.numbers import format_dutch
from tests.conftest import fixture_script, source_of
from tests.formats.helpers import signature
from tests.synthetic import make_bbt

render_docx = fixture_script("render_docx")


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _draft() -> bytes:
    document = docx.Document()
    document.add_heading("1. ISE WERK (TEST)", level=2)
    intro = document.add_paragraph("Het budget bedraagt 1.234 keuro.")
    render_docx.FootnoteWriter(document).add(intro, "Bron: eigen berekening.")
    table = document.add_table(rows=3, cols=3)
    merged = table.cell(0, 1).merge(table.cell(0, 2))
    merged.text = "VAK 2025"
    table.cell(1, 1).text, table.cell(1, 2).text = "BA", "BO"
    render_docx.set_cell(table.cell(2, 0), "ESR-uitgaven\nWT, LO, PR")
    table.cell(2, 1).text, table.cell(2, 2).text = "1.000", "1.234"
    prose = document.add_table(rows=1, cols=2)
    prose.cell(0, 0).text = "STREEFWAARDE"
    prose.cell(0, 1).text = "Een stijging"
    document.add_paragraph("Tot slot.")
    return _bytes(document)


def test_body_order_paragraphs_tables_and_attached_footnotes():
    source = decode_document(_draft(), "ontwerp.docx")
    assert source.format == "docx"
    assert source.lines == [
        "1. ISE WERK (TEST)",
        "Het budget bedraagt 1.234 keuro.",
        "1 Bron: eigen berekening.",
        "VAK 2025",  # the merged header cell once
        "BA BO",
        "ESR-uitgaven WT, LO, PR 1.000 1.234",  # the two-line label is one label
        "STREEFWAARDE",  # a prose table: one line per cell
        "Een stijging",
        "Tot slot.",
    ]


def test_every_line_knows_its_paragraph_heading_and_cell():
    source = decode_document(_draft(), "ontwerp.docx")
    heading, paragraph, note, *_ = source.origins
    assert (heading.paragraph, paragraph.paragraph, note.paragraph) == (1, 2, 2)
    assert paragraph.heading == "1. ISE WERK (TEST)"
    row = source.origins[5]
    assert (row.table, row.row) == (1, 3)
    line = source.lines[5]
    assert [(line[s.start:s.end], s.column) for s in row.spans] == [
        ("ESR-uitgaven WT, LO, PR", 1), ("1.000", 2), ("1.234", 3)]
    assert source.origins[8].paragraph == 3  # paragraphs are counted outside tables


def test_a_vertically_merged_cell_is_read_once():
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Totaal"
    table.cell(0, 1).text, table.cell(1, 1).text = "10", "20"
    source = decode_document(_bytes(document), "v.docx")
    assert source.lines == ["Totaal 10", "20"]


def test_paragraphs_inside_a_content_control_are_read_in_place():
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Voor.")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    control = parse_xml(f'<w:sdt xmlns:w="{w}"><w:sdtContent><w:p><w:r><w:t>Het budget bedraagt 5 keuro.</w:t></w:r></w:p>'
                        '</w:sdtContent></w:sdt>')
    document.paragraphs[0]._p.addnext(control)
    document.add_paragraph("Na.")
    assert decode_document(_bytes(document), "sdt.docx").lines == ["Voor.", "Het budget bedraagt 5 keuro.", "Na."]


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_generated_bbts_give_the_same_findings_as_word_drafts(tmp_path, seed):
    """Other amounts, years, entity codes and phrasings, rendered as a Word draft the way the sample is."""
    bbt = make_bbt(seed)
    text = tmp_path / "generated.txt"
    text.write_text("\n".join(bbt.lines) + "\n", encoding="utf-8")
    render_docx.render(text, tmp_path / "generated.docx")
    from_text = audit_lines(source_of(bbt.lines)).report
    from_word = audit_lines(decode_document((tmp_path / "generated.docx").read_bytes(), "generated.docx")).report
    assert signature(from_word) == signature(from_text)
    assert from_word.summary.checks == from_text.summary.checks > 0
    assert from_word.summary.errors == 0


def test_a_changed_cell_in_a_generated_draft_is_found_at_that_cell(tmp_path):
    bbt = make_bbt(5)
    text = tmp_path / "generated.txt"
    text.write_text("\n".join(bbt.lines) + "\n", encoding="utf-8")
    render_docx.render(text, tmp_path / "generated.docx")
    document = docx.Document(tmp_path / "generated.docx")
    table = document.tables[-1]  # the last article's table: header, header, Uitgaven
    cell = table.rows[2].cells[3]  # VAK BU
    cell.paragraphs[0].runs[0].text = format_dutch(Decimal(int(cell.text.replace(".", "")) + 1000))
    report = audit_lines(decode_document(_bytes(document), "generated.docx")).report
    places = [p for f in report.findings if f.severity == "error" for p in [f.location, *f.related]]
    assert any(p.table is not None and (p.table.index, p.table.row, p.table.column) == (len(document.tables), 3, 4)
               for p in places)


def _numbered_draft() -> bytes:
    """Headings numbered by Word (multi-level list '%1.' / '%1.%2.'), bullets from 'List Bullet'."""
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    numbering.insert(0, parse_xml(
        f'<w:abstractNum xmlns:w="{w}" w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{w}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text: str, level: int, style: str) -> None:
        paragraph = document.add_paragraph(text, style=style)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{w}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    numbered("INLEIDING", 0, "Heading 1")
    numbered("BELEIDSVELD: TEST", 0, "Heading 1")
    numbered("ISE TEST", 1, "Heading 2")
    numbered("Strategische doelstellingen", 2, "Heading 3")
    numbered("Budgettair kader voor het begrotingsjaar", 2, "Heading 3")
    document.add_paragraph("eerste punt", style="List Bullet")
    return _bytes(document)


def test_numbers_word_draws_before_headings_and_bullets_are_read():
    source = decode_document(_numbered_draft(), "genummerd.docx")
    assert source.lines == ["I. INLEIDING", "II. BELEIDSVELD: TEST", "1. ISE TEST", "1.1. Strategische doelstellingen",
                            "1.2. Budgettair kader voor het begrotingsjaar", "• eerste punt"]
    assert source.origins[2].shift == len("1. ")


def test_an_auto_numbered_ise_heading_is_recognised():
    from auditor.structure import parse_structure

    headings = decode_document(_numbered_draft(), "genummerd.docx").lines[:5]
    lines = [line for heading in headings for line in (heading, "Een alinea tekst onder deze titel.")]
    lines += ["(duizend euro)", "VAK VEK", "BA 2024 1 1"]
    assert [ise.name for ise in parse_structure(lines).ises] == ["TEST"]


def _styled_draft(styles_xml: list[str], paragraphs: list[tuple[str, str]]) -> bytes:
    """A draft with extra paragraph styles (raw <w:style> XML) and paragraphs in those styles."""
    from docx.oxml import parse_xml

    document = docx.Document()
    for xml in styles_xml:
        document.styles.element.append(parse_xml(xml))
    for text, style_id in paragraphs:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:pStyle xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="{style_id}"/>'))
    return _bytes(document)


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_style_numbers_its_paragraphs_through_the_styles_it_is_based_on():
    draft = _styled_draft(
        [f'<w:style {W_NS} w:type="paragraph" w:styleId="Opsomming"><w:name w:val="Opsomming"/>'
         '<w:basedOn w:val="ListBullet"/></w:style>',
         f'<w:style {W_NS} w:type="paragraph" w:styleId="OpsommingKlein"><w:name w:val="Opsomming klein"/>'
         '<w:basedOn w:val="Opsomming"/></w:style>'],
        [("eerste punt", "Opsomming"), ("tweede punt", "OpsommingKlein")])
    assert decode_document(draft, "stijlen.docx").lines == ["• eerste punt", "• tweede punt"]


def test_a_loop_of_base_styles_or_a_base_without_a_name_is_no_numbering():
    draft = _styled_draft(
        [f'<w:style {W_NS} w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/></w:style>',
         f'<w:style {W_NS} w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/></w:style>',
         f'<w:style {W_NS} w:type="paragraph" w:styleId="C"><w:name w:val="C"/><w:basedOn/></w:style>'],
        [("in een lus", "A"), ("zonder basis", "C")])
    assert decode_document(draft, "stijlen.docx").lines == ["in een lus", "zonder basis"]
