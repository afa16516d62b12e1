"""bbt-audit annotate: each finding becomes a Word comment anchored exactly on the doubted number, or a
highlight with a popup note on the right page of the PDF; the input is never modified."""

from __future__ import annotations

import hashlib

import docx
import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from auditor.audit import audit_file
from auditor.cli import main
from tests.conftest import ROOT, SAMPLE
from tests.formats.helpers import pdf_text_in_box

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DRAFTS = [SAMPLE.with_suffix(".docx"), ROOT / "fixtures" / "omgeving-natuur-begroting-2025.docx"]
PDFS = [SAMPLE.with_suffix(".pdf"), ROOT / "fixtures" / "omgeving-natuur-begroting-2025.pdf"]


def _anchored_texts(document) -> dict[str, str]:
    """Comment id → the text between its range start and end."""
    texts: dict[str, str] = {}
    for start in document.element.body.iter(f"{W}commentRangeStart"):
        comment_id, text, node = start.get(f"{W}id"), "", start.getnext()
        while node is not None and not (node.tag == f"{W}commentRangeEnd" and node.get(f"{W}id") == comment_id):
            text += "".join(t.text or "" for t in node.iter(f"{W}t"))
            node = node.getnext()
        texts[comment_id] = text
    return texts


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.stem)
def test_one_comment_per_finding_anchored_on_the_number(tmp_path, draft):
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    out = tmp_path / "checked.docx"
    assert main(["annotate", str(draft), "-o", str(out)]) == 1
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before
    findings = [f for f in audit_file(draft).report.findings if f.severity != "info"]
    document = docx.Document(out)
    comments = list(document.comments)
    assert len(comments) == len(findings)
    anchored = _anchored_texts(document)
    for comment, finding in zip(sorted(comments, key=lambda c: c.comment_id), findings):
        assert comment.author == "bbt-auditor"
        assert comment.text.startswith(("FOUT", "WAARSCHUWING", "TE BEKIJKEN")) and finding.rule in comment.text
        if finding.severity == "review":  # not proven: the comment says what is uncertain
            assert "Onzeker: " in comment.text
        assert anchored[str(comment.comment_id)] == finding.location.text.split(", ")[0]


def test_the_comment_keeps_the_number_s_formatting_and_the_paragraph_text(tmp_path):
    out = tmp_path / "checked.docx"
    main(["annotate", str(DRAFTS[0]), "-o", str(out), "--lang", "en"])
    original, checked = docx.Document(DRAFTS[0]), docx.Document(out)
    assert [p.text for p in checked.paragraphs] == [p.text for p in original.paragraphs]
    assert any(c.text.startswith("ERROR BBT-TXT-001") for c in checked.comments)


@pytest.mark.parametrize("pdf_path", PDFS, ids=lambda p: p.stem)
def test_one_highlight_per_finding_on_the_right_page(tmp_path, pdf_path):
    before = hashlib.sha256(pdf_path.read_bytes()).hexdigest()
    out = tmp_path / "checked.pdf"
    main(["annotate", str(pdf_path), "-o", str(out)])
    assert hashlib.sha256(pdf_path.read_bytes()).hexdigest() == before
    findings = [f for f in audit_file(pdf_path).report.findings if f.severity != "info"]
    highlights = []
    for number, page in enumerate(PdfReader(out).pages, start=1):
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            if annotation["/Subtype"] == "/Highlight":
                highlights.append((number, annotation))
    assert len(highlights) == len(findings)
    rendered = pdfium.PdfDocument(out)
    for (number, annotation), finding in zip(highlights, findings):
        assert number == finding.location.page
        assert "/N" in annotation["/AP"] and annotation["/Popup"].get_object()["/Subtype"] == "/Popup"
        assert finding.rule in annotation["/Contents"]
        x0, y0, x1, y1 = (float(v) for v in annotation["/Rect"])
        assert pdf_text_in_box(rendered, number, (x0 + 1, y0 + 1, x1 - 1, y1 - 1)) == finding.location.text.split(", ")[0]


def test_annotate_refuses_text_input_and_the_input_path(tmp_path, capsys):
    assert main(["annotate", str(SAMPLE), "-o", str(tmp_path / "x.txt")]) == 2
    assert "Word-document (.docx) of een PDF" in capsys.readouterr().err
    copy = tmp_path / "draft.docx"
    copy.write_bytes(DRAFTS[0].read_bytes())
    assert main(["annotate", str(copy), "-o", str(copy)]) == 2
    assert "invoerbestand" in capsys.readouterr().err
    assert copy.read_bytes() == DRAFTS[0].read_bytes()
