"""Precision and recall per level (error, warning, review) over every corpus the project has:

- the fixtures (sample and begroting, clean versions): one digit of every checked number changed, one at a
  time, as tests/test_mutation.py does;
- the three documents in styles the project was not written for (tests/styles), with their answer keys;
- the real-figure corpus (tests/realfigures): the third party's rows rendered in the real layouts.

A finding is *right* when it points at the planted number (its place or one of its related numbers) and
*wrong* otherwise: every finding on a document consistent by construction (a style's clean document, a
consistent real-figure table) and every new finding of a mutated document that does not touch the change.
The sample's own rounding warnings are real and are not counted. Recall: planted numbers reported at that
level or above.

Run: python benchmarks/accuracy.py [--quick]   (--quick: every 4th number of the fixtures)
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEVELS = ("error", "warning", "review")


def _lines_of(finding) -> set[int]:  # noqa: ANN001 - an auditor Finding
    return {*range(finding.location.line, finding.location.end_line + 1), *(r.line for r in finding.related)}


class Tally:
    def __init__(self) -> None:
        self.right: Counter[str] = Counter()
        self.wrong: Counter[str] = Counter()
        self.planted = 0
        self.found: Counter[str] = Counter()  # planted numbers whose most severe right finding is this level

    def planted_result(self, new: list, lines: set[int]) -> None:  # noqa: ANN001
        self.planted += 1
        levels = set()
        for finding in new:
            if finding.severity not in LEVELS:
                continue
            if _lines_of(finding) & lines:
                self.right[finding.severity] += 1
                levels.add(finding.severity)
            else:
                self.wrong[finding.severity] += 1
        best = next((level for level in LEVELS if level in levels), None)
        if best:
            self.found[best] += 1

    def clean_result(self, findings: list) -> None:  # noqa: ANN001
        for finding in findings:
            if finding.severity in LEVELS:
                self.wrong[finding.severity] += 1

    def row(self, name: str) -> str:
        cells = []
        for level in LEVELS:
            total = self.right[level] + self.wrong[level]
            cells.append(f"{self.right[level]}/{total}" if total else "—")
        reported = sum(self.found.values())
        found = " ".join(f"{level[0]}{self.found[level]}" for level in LEVELS)
        recall = f"{reported}/{self.planted} ({100 * reported / self.planted:.0f}%)" if self.planted else "—"
        return f"{name:<26}" + "".join(f"{c:>20}" for c in cells) + f"{recall:>18}   {found}"


def _signature(finding) -> tuple:  # noqa: ANN001
    return finding.rule, finding.severity, finding.location.line, finding.location.column


def fixtures(tally: Tally, step: int) -> None:
    from auditor.audit import audit_lines
    from auditor.ingest import read_document
    from tests.conftest import BEGROTING_CLEAN, CLEAN
    from tests.test_mutation import _locate, _mutations

    for path in (CLEAN, BEGROTING_CLEAN):
        source = read_document(path)
        base = audit_lines(source).report
        old = {_signature(f) for f in base.findings}
        numbers = sorted({(loc.line, loc.text) for c in base.checks if c.status == "passed" for loc in c.locations})
        for line, printed in numbers[::step]:
            column = _locate(source.lines[line - 1], printed)
            if column is None:
                continue
            for mutated in _mutations(printed):
                text = source.lines[line - 1]
                lines = list(source.lines)
                lines[line - 1] = text[:column] + mutated + text[column + len(printed):]
                report = audit_lines(source.model_copy(update={"lines": lines})).report
                tally.planted_result([f for f in report.findings if _signature(f) not in old], {line})


def styles(tally: Tally) -> None:
    from auditor.audit import audit_lines
    from tests.conftest import source_of
    from tests.styles import render_a, render_b, render_c
    from tests.styles.answer_key import ERRORS_PER_KIND

    for module in (render_a, render_b, render_c):
        model = module.make_model()
        clean = module.build(model, [])
        base = audit_lines(source_of(clean.lines)).report
        tally.clean_result(base.findings)
        old = {_signature(f) for f in base.findings}
        for error in module.candidates(model, clean).pick(random.Random(module.SEED), ERRORS_PER_KIND):
            mutated = module.build(model, [error])
            report = audit_lines(source_of(mutated.lines)).report
            changed = {n for n, (a, b) in enumerate(zip(clean.lines, mutated.lines), start=1) if a != b}
            tally.planted_result([f for f in report.findings if _signature(f) not in old], changed)


def real_figures(tally: Tally) -> None:
    from auditor.audit import audit_lines
    from tests.conftest import source_of
    from tests.realfigures.corpus import EvolutionTable, load_documents, render

    for doc in load_documents():
        rendered = render(doc)
        if not rendered.articles:
            continue
        report = audit_lines(source_of(rendered.lines)).report
        for span, table in rendered.articles:
            inside = [f for f in report.findings if span.first <= f.location.line <= span.last]
            if not isinstance(table, EvolutionTable) or not table.complete:
                continue
            if table.consistent:
                tally.clean_result(inside)
            else:
                tally.planted_result(inside, set(range(span.table_first, span.table_last + 1)))


def main() -> None:
    sys.path.insert(0, str(ROOT))
    step = 4 if "--quick" in sys.argv else 1
    header = f"{'corpus':<26}" + "".join(f"{'right/all ' + level:>20}" for level in LEVELS) + f"{'planted found':>18}"
    print(header)
    print("-" * (len(header) + 16))
    total = Tally()
    for name, run in (("fixtures (mutation)", lambda t: fixtures(t, step)), ("styles A, B, C", styles),
                      ("real figures", real_figures)):
        tally = Tally()
        run(tally)
        print(tally.row(name))
        for level in LEVELS:
            total.right[level] += tally.right[level]
            total.wrong[level] += tally.wrong[level]
            total.found[level] += tally.found[level]
        total.planted += tally.planted
    print(total.row("all"))
    print("\nright/all: findings at that level that point at the planted number, of all findings at that level "
          "on clean and mutated documents (precision); planted found: e/w/r = its most severe right finding.")


if __name__ == "__main__":
    main()
