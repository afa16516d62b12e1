"""Mark the findings in the PDF: a highlight on the doubted number (its box comes from PDFium, through
the report's places) with a popup note holding the finding in the user's language. Each highlight
carries its own appearance stream, so viewers that do not draw highlights themselves still show it.

The PDF is read from its bytes and a new file is returned: the input is never touched.
"""

from __future__ import annotations

import io

from auditor.errors import InputError
from auditor.report.annotate_docx import AUTHOR, comment_text
from auditor.report.models import Report

COLOURS = {"error": (0.95, 0.25, 0.2), "warning": (1.0, 0.75, 0.1), "review": (0.75, 0.45, 0.95)}
PAD = 1.0  # points around the number's glyph box
MARKER = "bbt-auditor-"  # the start of every highlight's name (/NM): how a later run recognises its own


def annotate_pdf(data: bytes, report: Report, lang: str = "nl") -> tuple[bytes, int]:
    """The annotated PDF and how many findings were marked (those with a page and a box)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject, BooleanObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject, NumberObject, TextStringObject,
    )

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        path = report.document.path
        raise InputError(
            f"{path} is beveiligd (versleuteld, met een eigenaarswachtwoord of beperkte rechten); annoteren zou die "
            "beveiliging verwijderen: annoteer een onbeveiligde kopie",
            f"{path} is protected (encrypted, with an owner password or restricted permissions); annotating would "
            "remove that protection: annotate an unprotected copy")
    writer = PdfWriter(clone_from=reader)
    remove_own_highlights(writer)  # annotating an annotated PDF replaces the highlights, never doubles them
    marked = 0
    for finding in (f for f in report.findings if f.severity != "info"):
        place = finding.location
        if place.page is None or place.bbox is None or place.page > len(writer.pages):
            continue
        page = writer.pages[place.page - 1]
        x0, y0, x1, y1 = place.bbox
        x0, y0, x1, y1 = x0 - PAD, y0 - PAD, x1 + PAD, y1 + PAD
        r, g, b = COLOURS[finding.severity]
        width, height = x1 - x0, y1 - y0
        appearance = DecodedStreamObject()
        appearance.set_data(f"q /GS0 gs {r:.3f} {g:.3f} {b:.3f} rg 0 0 {width:.2f} {height:.2f} re f Q".encode())
        appearance.update({
            NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(width), FloatObject(height)]),
            NameObject("/Resources"): DictionaryObject({NameObject("/ExtGState"): DictionaryObject({
                NameObject("/GS0"): DictionaryObject({NameObject("/BM"): NameObject("/Multiply"),
                                                      NameObject("/ca"): FloatObject(0.45)})})}),
        })
        text = comment_text(finding, lang)
        rect = ArrayObject([FloatObject(v) for v in (x0, y0, x1, y1)])
        highlight = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Highlight"),
            NameObject("/Rect"): rect,
            NameObject("/QuadPoints"): ArrayObject([FloatObject(v) for v in (x0, y1, x1, y1, x0, y0, x1, y0)]),
            NameObject("/C"): ArrayObject([FloatObject(r), FloatObject(g), FloatObject(b)]),
            NameObject("/CA"): FloatObject(0.45),
            NameObject("/T"): TextStringObject(AUTHOR),
            NameObject("/Subj"): TextStringObject(f"{finding.rule} {finding.severity}"),
            NameObject("/Contents"): TextStringObject(text),
            NameObject("/NM"): TextStringObject(f"{MARKER}{finding.id}"),
            NameObject("/F"): NumberObject(4),  # print
            NameObject("/AP"): DictionaryObject({NameObject("/N"): writer._add_object(appearance)}),
        })
        highlight_ref = writer._add_object(highlight)
        popup = DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Popup"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (x1 + 4, y1 - 120, x1 + 244, y1)]),
            NameObject("/Parent"): highlight_ref, NameObject("/Open"): BooleanObject(False),
        })
        popup_ref = writer._add_object(popup)
        highlight[NameObject("/Popup")] = popup_ref
        if "/Annots" not in page:
            page[NameObject("/Annots")] = ArrayObject()
        annotations = page["/Annots"]
        annotations = annotations.get_object() if hasattr(annotations, "get_object") else annotations
        annotations.append(highlight_ref)
        annotations.append(popup_ref)
        marked += 1
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue(), marked


def _own(annotation) -> bool:
    """A highlight an earlier run made: author 'bbt-auditor' and a name 'bbt-auditor-…'."""
    return (annotation.get("/Subtype") == "/Highlight" and str(annotation.get("/T", "")) == AUTHOR
            and str(annotation.get("/NM", "")).startswith(MARKER))


def remove_own_highlights(writer) -> int:
    """Remove the highlights an earlier run left, with their popups; other annotations stay."""
    from pypdf.generic import ArrayObject, NameObject

    removed = 0
    for page in writer.pages:
        if "/Annots" not in page:
            continue
        annotations = page["/Annots"].get_object()
        kept = ArrayObject()
        for reference in annotations:
            annotation = reference.get_object()
            parent = annotation.get("/Parent") if hasattr(annotation, "get") else None
            if hasattr(annotation, "get") and (_own(annotation) or (
                    annotation.get("/Subtype") == "/Popup" and parent is not None and _own(parent.get_object()))):
                removed += annotation.get("/Subtype") == "/Highlight"
                continue
            kept.append(reference)
        if len(kept) != len(annotations):
            page[NameObject("/Annots")] = kept
    return removed
