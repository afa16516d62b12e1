"""What was read and checked, per section, and what was not: so that silence means checked.

A section of an article, ISE or programme whose numbers took part in no check, a table the reader
could not tie to its owner and a row it could not fit into its table's grid are listed with their
place and reason. A document in which no relation could be checked is `nothing_checked`: not clean.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from auditor.claims.models import Claims
from auditor.quantity import Quantity
from auditor.report.models import Coverage, Report, SectionCoverage, UnreadPart
from auditor.report.place import Placer
from auditor.structure.models import BBTDocument

TIED_SCOPES = ("article", "ise", "programme")


def _checked_ids(report: Report) -> set[str]:
    return {f"L{loc.line}C{loc.column}" for check in report.checks for loc in check.locations}


def measure_coverage(document: BBTDocument, quantities: list[Quantity], report: Report, placer: Placer,
                     lang: str, claims: Claims | None = None) -> Coverage:
    checked = _checked_ids(report)
    unread = [
        UnreadPart(line=item.line, what=item.what, text=item.text,
                   reason=item.reason if lang == "nl" else item.reason_en, **placer.place_line(item.line))
        for item in document.unread
    ]
    for sentence in claims.unread if claims else []:
        unread.append(UnreadPart(line=sentence.line, what="sentence", text=sentence.text,
                                 reason=sentence.reason if lang == "nl" else sentence.reason_en,
                                 **placer.place_line(sentence.line)))
    for table in document.loose_tables:
        if table.loose_reason and not any(c.quantity.id in checked for c in table.cells):
            unread.append(UnreadPart(line=table.line, what="table", text=table.caption or table.title,
                                     reason=table.loose_reason[0 if lang == "nl" else 1],
                                     **placer.place_line(table.line)))
    sections: list[SectionCoverage] = []
    ordered = sorted(quantities, key=lambda q: q.source.line)
    lines = [q.source.line for q in ordered]
    for scope in document.scopes:
        # the numbers on the scope's lines are one run of the sorted list: found by bisection, since
        # filtering every number for every scope grew with articles × numbers (scopes may overlap)
        inside = ordered[bisect_left(lines, scope.start):bisect_right(lines, scope.end)]
        if not inside:
            continue
        done = sum(q.id in checked for q in inside)
        sections.append(SectionCoverage(title=scope.title or "—", line=scope.start, numbers=len(inside), checked=done))
        if scope.kind in TIED_SCOPES and done == 0:
            unread.append(UnreadPart(
                line=scope.start, what="section", text=scope.title,
                reason=(f"{len(inside)} getallen, maar geen enkele controle" if lang == "nl"
                        else f"{len(inside)} numbers, but no check at all"),
                **placer.place_line(scope.start)))
    unread.sort(key=lambda u: (u.line, u.what))
    status = "nothing_checked" if not report.checks else "partly_read" if unread else "read"
    return Coverage(status=status, unread=unread, sections=sections)
