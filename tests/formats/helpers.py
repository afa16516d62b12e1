"""Look numbers up in the files a person holds, independently of the ingest code: the Word table cell
through python-docx's own table API, the PDF box through PDFium's bounded text."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
STEM = "sociale-economie-uitvoering-2024"


def fixture(suffix: str, clean: bool = False) -> Path:
    return FIXTURES / f"{STEM}{'.clean' if clean else ''}.{suffix}"


def docx_cell_text(document, index: int, row: int, column: int) -> str:
    """Text of a cell as a reader counts cells: a horizontally merged cell once."""
    cells = []
    for cell in document.tables[index - 1].rows[row - 1].cells:
        if cells and cells[-1]._tc is cell._tc:
            continue
        cells.append(cell)
    return " ".join(cells[column - 1].text.split())


def docx_paragraph_text(document, number: int) -> str:
    """The body paragraph with this 1-based number, counting paragraphs outside tables only."""
    return document.paragraphs[number - 1].text


def pdf_text_in_box(pdf, page: int, bbox: tuple[float, float, float, float]) -> str:
    left, bottom, right, top = bbox
    textpage = pdf[page - 1].get_textpage()
    # shrink vertically so the line above and below stay out; widen a little for rounding
    return textpage.get_text_bounded(left - 0.5, bottom + 1, right + 0.5, top - 1).strip()


def signature(report) -> list[tuple]:
    """What a finding says, without where: the same content must give the same findings."""
    return sorted((f.rule, f.severity, f.location.text, f.evidence.expected, f.evidence.found, f.evidence.formula)
                  for f in report.findings if f.severity != "info")
