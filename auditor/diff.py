"""Two versions of one BBT (`bbt-audit diff OLD NEW`, in any formats): which numbers changed, which were
added or removed, and which findings appeared and which were resolved, per article.

Numbers are matched by what they are, not by where they are printed, so that a Word draft and its PDF, or
a version with a paragraph inserted, line up:
- a table cell by its table's owner (article code, ISE, programme), its row label, credit, column and year;
- a number in the text by its place in the text's sequence of words (a word diff of the narrative, table
  and page-furniture lines left out), so rewording around it does not matter and line breaks never do.
Findings are matched by their stable ids (auditor.report.build.finding_ids): a finding whose numbers
changed is a new finding, and the old one is resolved.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from auditor.audit import Audit
from auditor.report.diff_models import DiffReport, DiffSummary, NumberChange
from auditor.report.models import Finding, Tool
from auditor.structure.models import BBTDocument, BudgetTable

TOKEN = re.compile(r"\S+")
NUMERIC = re.compile(r"\d")
TEXT_WHAT = "tekst"


def _owned_tables(document: BBTDocument) -> list[tuple[str, str, BudgetTable]]:
    """(owner, which table, table) for every table the structure read."""
    found: list[tuple[str, str, BudgetTable]] = []
    if document.programme and document.programme.table:
        found.append((f"programma {document.programme.code}".strip(), "", document.programme.table))
    for ise in document.ises:
        if ise.table:
            found.append((f"ISE {ise.name}", "", ise.table))
        found += [(f"ISE {ise.name}", part.caption or part.title, part) for part in ise.part_tables]
    for article in document.articles:
        if article.table:
            found.append((article.code, "", article.table))
        if article.evolution:
            found.append((article.code, "Kredietevolutie", article.evolution))
    found += [(table.title or "tabel", table.caption, table) for table in document.loose_tables]
    return found


def cell_numbers(document: BBTDocument) -> dict[tuple[str, str], tuple[str, int]]:
    """(owner, cell) → (printed number, line); a key repeated in one table is numbered."""
    found: dict[tuple[str, str], tuple[str, int]] = {}
    for owner, which, table in _owned_tables(document):
        for cell in table.cells:
            label = " ".join(cell.row_label.split()) or cell.row
            what = " · ".join(p for p in (which, label, f"{cell.credit} {cell.column}{f' {cell.year}' if cell.year else ''}") if p)
            key, n = (owner, what), 1
            while key in found:
                n += 1
                key = (owner, f"{what} #{n}")
            found[key] = (cell.quantity.display, cell.quantity.source.line)
    return found


def _scope_of(document: BBTDocument):
    """line → the title of the narrowest narrative scope holding it (an article's before its ISE's)."""
    scopes = sorted(document.scopes, key=lambda s: s.end - s.start)

    def find(line: int) -> str:
        for scope in scopes:
            if scope.start <= line <= scope.end and scope.kind != "other":
                return scope.table_ref or scope.title
        return TEXT_WHAT
    return find


def text_tokens(audit: Audit) -> list[tuple[str, int]]:
    """The narrative as (word, line): table lines and page furniture left out."""
    skip = set(audit.document.table_lines) | set(audit.document.furniture_lines)
    tokens: list[tuple[str, int]] = []
    for number, line in enumerate(audit.source.lines, start=1):
        if number not in skip:
            tokens += [(m.group(0), number) for m in TOKEN.finditer(line)]
    return tokens


def _numeric(tokens: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return [t for t in tokens if NUMERIC.search(t[0])]


def text_changes(old: Audit, new: Audit) -> list[NumberChange]:
    a, b = text_tokens(old), text_tokens(new)
    scope_old, scope_new = _scope_of(old.document), _scope_of(new.document)
    changes: list[NumberChange] = []
    matcher = SequenceMatcher(None, [t[0] for t in a], [t[0] for t in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        before, after = _numeric(a[i1:i2]), _numeric(b[j1:j2])
        for position in range(max(len(before), len(after))):
            o = before[position] if position < len(before) else None
            n = after[position] if position < len(after) else None
            if o and n and o[0] == n[0]:
                continue
            group = scope_new(n[1]) if n else scope_old(o[1])  # type: ignore[index]
            changes.append(NumberChange(group=group, what=TEXT_WHAT,
                                        change="changed" if o and n else "added" if n else "removed",
                                        old=o[0] if o else None, new=n[0] if n else None,
                                        old_line=o[1] if o else None, new_line=n[1] if n else None))
    return changes


def table_changes(old: Audit, new: Audit) -> list[NumberChange]:
    a, b = cell_numbers(old.document), cell_numbers(new.document)
    changes: list[NumberChange] = []
    for key in list(a) + [k for k in b if k not in a]:
        o, n = a.get(key), b.get(key)
        if o and n and o[0] == n[0]:
            continue
        changes.append(NumberChange(group=key[0], what=key[1], change="changed" if o and n else "added" if n else "removed",
                                    old=o[0] if o else None, new=n[0] if n else None,
                                    old_line=o[1] if o else None, new_line=n[1] if n else None))
    return changes


def diff_audits(old: Audit, new: Audit, old_findings: list[Finding] | None = None,
                new_findings: list[Finding] | None = None) -> DiffReport:
    """old_findings/new_findings: the findings after any rule settings (default: the audits' own)."""
    from auditor import __version__

    numbers = table_changes(old, new) + text_changes(old, new)
    numbers.sort(key=lambda c: (c.new_line or c.old_line or 0, c.group, c.what))
    before = old_findings if old_findings is not None else old.report.findings
    after = new_findings if new_findings is not None else new.report.findings
    old_ids, new_ids = {f.id for f in before}, {f.id for f in after}
    appeared = [f for f in after if f.id not in old_ids]
    resolved = [f for f in before if f.id not in new_ids]
    summary = DiffSummary(changed=sum(c.change == "changed" for c in numbers), added=sum(c.change == "added" for c in numbers),
                          removed=sum(c.change == "removed" for c in numbers), appeared=len(appeared),
                          resolved=len(resolved), kept=len(old_ids & new_ids))
    return DiffReport(tool=Tool(version=__version__), old=old.report.document, new=new.report.document, summary=summary,
                      numbers=numbers, appeared=appeared, resolved=resolved)
