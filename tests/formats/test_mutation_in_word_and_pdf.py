"""Recall in the formats people hold: one digit changed in a Word table cell or inside a paragraph is
reported at that cell or paragraph; in the PDF made from such a draft, on the right page."""

from __future__ import annotations

import json

import pytest

from auditor.audit import audit_lines
from auditor.ingest import decode_document, read_document
from tests.formats.helpers import FIXTURES, fixture, pdf_text_in_box
from tests.formats.mutate import Target, found_at, mutate, targets

MUTATIONS = FIXTURES / "mutations"


@pytest.fixture(scope="module")
def clean_docx():
    data = fixture("docx", clean=True).read_bytes()
    report = audit_lines(decode_document(data, "clean.docx")).report
    return data, report


def test_a_changed_amount_in_the_word_draft_is_found_at_its_cell_or_paragraph(clean_docx):
    data, baseline = clean_docx
    known = {(f.id, f.evidence.found) for f in baseline.findings}
    chosen = targets(baseline, per_kind=40)
    assert sum(t.kind == "cell" for t in chosen) == 40 and sum(t.kind == "paragraph" for t in chosen) == 40
    missed = []
    for target in chosen:
        mutated = mutate(data, target)
        assert mutated is not None, target
        report = audit_lines(decode_document(mutated, "mutated.docx")).report
        if not found_at(report, known, target):
            missed.append(target)
    assert not missed


def _manifest() -> list[dict]:
    return json.loads((MUTATIONS / "manifest.json").read_text(encoding="utf-8"))


def test_the_pdf_mutations_were_made_from_both_cells_and_paragraphs():
    kinds = [entry["kind"] for entry in _manifest()]
    assert kinds.count("cell") >= 3 and kinds.count("paragraph") >= 3


@pytest.mark.parametrize("entry", _manifest(), ids=lambda e: e["file"])
def test_a_changed_amount_in_the_pdf_is_found_on_its_page(entry):
    import pypdfium2 as pdfium

    baseline = audit_lines(read_document(fixture("pdf", clean=True))).report
    known = {(f.id, f.evidence.found) for f in baseline.findings}
    path = MUTATIONS / entry["file"]
    report = audit_lines(read_document(path)).report
    target = Target(entry["original"], entry["mutated"])
    assert found_at(report, known, target, page=entry["page"])
    pdf = pdfium.PdfDocument(path)
    boxes = [p.bbox for f in report.findings for p in [f.location, *f.related]
             if p.page == entry["page"] and p.text == entry["mutated"]]
    assert boxes and all(pdf_text_in_box(pdf, entry["page"], box) == entry["mutated"] for box in boxes)
