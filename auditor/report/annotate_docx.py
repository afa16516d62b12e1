"""Mark the findings in the Word draft itself: one comment per finding, anchored exactly on the doubted
number. The runs around the number are split so the comment covers the number alone and keeps its
formatting; author 'bbt-auditor'; the text in the user's language with the equation and suggestion.

The draft is read from its bytes and a new document is returned: the input file is never touched.
"""

from __future__ import annotations

import copy
import io

from auditor.errors import InputError
from auditor.ingest import SourceText
from auditor.ingest.docx import W, body_blocks, paragraph_text, row_cells
from auditor.report.models import Finding, Report

AUTHOR = "bbt-auditor"
INITIALS = "BBT"
LABELS = {"nl": {"error": "FOUT", "warning": "WAARSCHUWING", "review": "TE BEKIJKEN", "computation": "Berekening", "against": "Tegenover",
                 "suggestion": "Suggestie", "uncertain": "Onzeker"},
          "en": {"error": "ERROR", "warning": "WARNING", "review": "REVIEW", "computation": "Computation", "against": "Against",
                 "suggestion": "Suggestion", "uncertain": "Uncertain"}}


def comment_text(finding: Finding, lang: str) -> str:
    w = LABELS[lang]
    lines = [f"{w[finding.severity]} {finding.rule}: {finding.message}",
             f"{w['computation']}: {finding.evidence.formula}"]
    if finding.related:
        lines.append(f"{w['against']}: " + "; ".join(f"{r.text} ({r.role})" for r in finding.related))
    lines += [f"{w['uncertain']}: {doubt}" for doubt in finding.uncertain]
    if finding.suggestion:
        lines.append(f"{w['suggestion']}: {finding.suggestion}")
    return "\n".join(lines)


def annotate_docx(data: bytes, report: Report, source: SourceText, lang: str = "nl") -> tuple[bytes, int]:
    """The annotated draft and how many findings got a comment (those whose number was found)."""
    import docx
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    document = docx.Document(io.BytesIO(data))
    remove_own_comments(document)  # annotating an annotated draft replaces the comments, never doubles them
    paragraphs, tables = [], []
    for element in body_blocks(document.element.body):
        (tables if element.tag == f"{W}tbl" else paragraphs).append(element)
    placed = 0
    for finding in (f for f in report.findings if f.severity != "info"):
        location = finding.location
        printed = location.text.split(", ")[0]
        candidates = _candidate_paragraphs(location, source, paragraphs, tables)
        runs = None
        for p, offset_hint in candidates:
            span = _find(paragraph_text(p), printed, offset_hint)
            if span is not None:
                runs = _isolate(p, *span)
                if runs:
                    break
        if not runs:
            continue
        p = runs[0]
        while p.tag != f"{W}p":
            p = p.getparent()
        parent = Paragraph(p, document._body)
        first, last = Run(runs[0], parent), Run(runs[-1], parent)
        head, *rest = comment_text(finding, lang).split("\n")
        comment = document.add_comment([first, last], text=head, author=AUTHOR, initials=INITIALS)
        for line in rest:
            comment.add_paragraph(line)
        placed += 1
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), placed


def remove_own_comments(document) -> int:
    """Remove the comments an earlier run left (author 'bbt-auditor', initials 'BBT') with their anchors
    in the body; the comments of people stay. Returns how many were removed."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        part = document.part.part_related_by(RT.COMMENTS)
    except KeyError:
        return 0
    root = part.element
    ids: set[str] = set()
    for comment in list(root.iterchildren(f"{W}comment")):
        if comment.get(f"{W}author") == AUTHOR and comment.get(f"{W}initials") == INITIALS:
            ids.add(comment.get(f"{W}id"))
            root.remove(comment)
    if not ids:
        return 0
    body = document.element.body
    for tag in ("commentRangeStart", "commentRangeEnd"):
        for element in list(body.iter(f"{W}{tag}")):
            if element.get(f"{W}id") in ids:
                element.getparent().remove(element)
    for reference in list(body.iter(f"{W}commentReference")):
        if reference.get(f"{W}id") not in ids:
            continue
        run = reference.getparent()
        if run.tag == f"{W}r" and all(child.tag in (f"{W}rPr", f"{W}commentReference") for child in run):
            run.getparent().remove(run)
        else:
            run.remove(reference)
    return len(ids)


def _candidate_paragraphs(location, source: SourceText, paragraphs: list, tables: list) -> list[tuple[object, int | None]]:
    """The paragraph(s) that hold the number, with its offset in the paragraph when known."""
    origin = source.origin(location.line)
    if origin is None:
        return []
    if origin.table is not None and origin.row is not None and origin.table <= len(tables):
        rows = [tr for tr in tables[origin.table - 1].iter(f"{W}tr")]
        if origin.row > len(rows):
            return []
        cells = row_cells(rows[origin.row - 1])
        span = origin.span_at(location.column)
        chosen = [cells[span.column - 1]] if span is not None and span.column and span.column <= len(cells) else cells
        return [(p, None) for tc in chosen for p in tc.iter(f"{W}p")]
    if origin.paragraph is not None and origin.paragraph <= len(paragraphs):
        return [(paragraphs[origin.paragraph - 1], location.column - origin.shift)]
    return []


def _find(text: str, printed: str, hint: int | None) -> tuple[int, int] | None:
    """The number as a whole word in the paragraph, at the hinted offset if it is there."""
    if hint is not None and text[hint:hint + len(printed)] == printed:
        return hint, hint + len(printed)
    start = text.find(printed)
    while start != -1:
        before = text[start - 1] if start else " "
        after = text[start + len(printed)] if start + len(printed) < len(text) else " "
        if not before.isdigit() and not after.isdigit() and not (after in ".," and text[start + len(printed) + 1:][:1].isdigit()):
            return start, start + len(printed)
        start = text.find(printed, start + 1)
    return None


def _isolate(p, start: int, end: int) -> list | None:
    """Split runs so that exactly characters [start, end) of the paragraph are whole runs; return them."""
    position = 0
    pieces: list[tuple[object, int, int]] = []
    for r in list(p.iter(f"{W}r")):
        text = paragraph_text(r)
        pieces.append((r, position, position + len(text)))
        position += len(text)
    covering = [(r, a, b) for r, a, b in pieces if a < end and b > start]
    if not covering:
        return None
    first, a, b = covering[0]
    if start > a:
        first = _split(first, start - a)
        if first is None:
            return None
        covering[0] = (first, start, b)
    last, a, b = covering[-1]
    if end < b:
        if _split(last, end - a) is None:
            return None
    return [r for r, _, _ in covering]


def _split(r, at: int):
    """Split run `r` after `at` characters; return the second half (a new run right after `r`), which
    keeps the run's properties. Only runs whose text is one w:t can be split: others stay whole."""
    texts = r.findall(f"{W}t")
    others = [c for c in r if c.tag not in (f"{W}t", f"{W}rPr")]
    if len(texts) != 1 or others:
        return None
    value = texts[0].text or ""
    if not 0 < at < len(value):
        return r if at == 0 else None
    second = copy.deepcopy(r)
    texts[0].text = value[:at]
    second.find(f"{W}t").text = value[at:]
    for t in (texts[0], second.find(f"{W}t")):
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.addnext(second)
    return second


def refuse_text_input(path: str) -> InputError:
    return InputError(f"annoteren kan enkel in een Word-document (.docx) of een PDF; {path} is een tekstbestand",
                      f"annotate works on a Word document (.docx) or a PDF; {path} is a text file")
