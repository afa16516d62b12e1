"""Change one amount in a Word draft — in a table cell or inside a paragraph — the way an editor's slip
would: one digit, in the run that holds it, keeping everything else of the document."""

from __future__ import annotations

import io
from dataclasses import dataclass

import docx

from tests.test_mutation import FULL_RECALL


@dataclass(frozen=True)
class Target:
    """A number that took part in passed checks, where it sits in the draft, and its changed text."""

    text: str
    mutated: str
    paragraph: int | None = None
    table: tuple[int, int, int] | None = None  # index, row, column (1-based, merged cells once)

    @property
    def kind(self) -> str:
        return "cell" if self.table else "paragraph"


def first_digit_changed(printed: str) -> str:
    position = next(i for i, c in enumerate(printed) if c.isdigit())
    old = printed[position]
    new = "2" if old in "09" else str(int(old) + 1)
    return printed[:position] + new + printed[position + 1:]


def targets(report, per_kind: int) -> list[Target]:
    """Numbers whose every relation must catch a change, spread evenly over the document."""
    rules: dict[tuple, set[str]] = {}
    for check in report.checks:
        if check.status != "passed":
            continue
        for place in check.locations:
            if place.table is not None and place.table.column is not None:
                key = ("cell", place.text, (place.table.index, place.table.row, place.table.column))
            elif place.paragraph is not None:
                key = ("paragraph", place.text, place.paragraph)
            else:
                continue
            rules.setdefault(key, set()).add(check.rule)
    chosen: list[Target] = []
    for kind in ("cell", "paragraph"):
        # a number some full-recall relation binds: a change to it must be caught (a one-sided check such as
        # BU ≤ BA-JR beside it does not make it less so)
        candidates = sorted(k for k, r in rules.items() if k[0] == kind and r & FULL_RECALL and any(c.isdigit() for c in k[1]))
        step = max(1, len(candidates) // per_kind)
        for _, printed, where in candidates[::step][:per_kind]:
            mutated = first_digit_changed(printed)
            chosen.append(Target(printed, mutated, table=where) if kind == "cell" else Target(printed, mutated, paragraph=where))
    return chosen


def _cell(document, index: int, row: int, column: int):
    cells = []
    for cell in document.tables[index - 1].rows[row - 1].cells:
        if cells and cells[-1]._tc is cell._tc:
            continue
        cells.append(cell)
    return cells[column - 1]


def mutate(data: bytes, target: Target) -> bytes | None:
    """The draft with the target's number changed, or None when no single run holds the number."""
    document = docx.Document(io.BytesIO(data))
    if target.table is not None:
        paragraphs = _cell(document, *target.table).paragraphs
    else:
        paragraphs = [document.paragraphs[target.paragraph - 1]]
    for paragraph in paragraphs:
        for run in paragraph.runs:
            position = _standalone(run.text, target.text)
            if position is not None:
                run.text = run.text[:position] + target.mutated + run.text[position + len(target.text):]
                buffer = io.BytesIO()
                document.save(buffer)
                return buffer.getvalue()
    return None


def _standalone(text: str, printed: str) -> int | None:
    """Where `printed` occurs as a whole number (not inside a longer one)."""
    start = text.find(printed)
    while start != -1:
        before = text[start - 1] if start else " "
        after = text[start + len(printed): start + len(printed) + 2]
        if not before.isdigit() and not (after[:1].isdigit() or (after[:1] in ".," and after[1:2].isdigit())):
            if not (before in ".," and start > 1 and text[start - 2].isdigit()):
                return start
        start = text.find(printed, start + 1)
    return None


def found_at(report, baseline_ids: set, target: Target, page: int | None = None) -> bool:
    """A new finding that shows the changed number at the right cell, paragraph or page."""
    for finding in report.findings:
        if finding.severity == "info" or (finding.id, finding.evidence.found) in baseline_ids:
            continue
        for place in [finding.location, *finding.related]:
            if page is not None:
                if place.page == page and target.mutated in place.text:
                    return True
            elif target.table is not None and place.table is not None:
                if (place.table.index, place.table.row, place.table.column) == target.table:
                    return True
            elif target.paragraph is not None and place.paragraph == target.paragraph and place.table is None:
                return True
    return False
