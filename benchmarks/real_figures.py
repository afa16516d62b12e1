"""How the auditor does on the real-figure corpus (tests/realfigures): documents rendered in memory from the
third party's credit rows (fixtures/realdata/, MIT licence, "Copyright (c) 2026 Edward Berger"), per layout.

Printed per layout, over the budget documents:
- tables: article Kredietevolutie tables rendered; complete: of which complete (start, end, both credits);
- false errors: complete tables whose identity holds, yet with an error at their lines;
- recall: broken tables (identity fails) with a BBT-EVO-001 error inside their article / broken tables;
- checked: complete tables with a BBT-EVO-001 check per credit at their lines;
- checks: the reports' summary.checks, summed;
- ISE false/found: consistent ISE tables with an arithmetic error; broken ISE tables reported;
and over the execution documents: recognised as uitvoering of their year, and article errors.

Run: python benchmarks/real_figures.py
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVOLUTION_RULE = "BBT-EVO-001"
ISE_ARITHMETIC_RULES = {"BBT-EVO-002", "BBT-TAB-001"}
ERROR = "error"


@dataclass
class Tally:
    documents: int = 0
    tables: int = 0
    complete: int = 0
    consistent: int = 0
    false_errors: int = 0
    broken: int = 0
    found: int = 0
    checked: int = 0
    checks: int = 0
    ise_consistent: int = 0
    ise_false: int = 0
    ise_broken: int = 0
    ise_found: int = 0
    execution_documents: int = 0
    execution_recognised: int = 0
    execution_errors: int = 0


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from auditor.audit import audit_lines
    from auditor.ingest.document import SourceText
    from tests.realfigures.corpus import LAYOUT_VARIANTS, EvolutionTable, count_tables, load_documents, render

    documents = load_documents()
    counts = count_tables([d for d in documents if d.kind == "begroting"])
    print(f"CSV: {counts.tables} article tables in budget documents, {counts.complete} complete, "
          f"{counts.consistent} consistent, {counts.broken} broken "
          f"(per credit: {counts.complete_credits} complete, {counts.consistent_credits} hold)")
    print("LAYOUTS.md reports 358 complete tables of which 340 hold.\n")

    def errors(audit, span, rules=None):
        return [f for f in audit.report.findings if f.severity == ERROR and f.location.line in span
                and (rules is None or f.rule in rules)]

    header = (f"{'layout':<22}{'tables':>7}{'complete':>9}{'false errors':>14}{'recall':>10}{'checked':>10}"
              f"{'checks':>8}{'ISE false':>11}{'ISE found':>11}{'exec read':>11}{'exec err':>10}")
    print(header)
    print("-" * len(header))
    for layout in LAYOUT_VARIANTS:
        tally = Tally()
        for doc in documents:
            rendered = render(doc, layout)
            if not rendered.articles and not rendered.ises:
                continue
            source = SourceText(path=f"{doc.key}.txt", format="text", sha256="", encoding="utf-8", lines=rendered.lines)
            audit = audit_lines(source)
            if doc.kind == "uitvoering":
                tally.execution_documents += 1
                info = audit.report.document
                tally.execution_recognised += (info.kind, info.year) == ("uitvoering", doc.year)
                tally.execution_errors += sum(bool(errors(audit, span)) for span, _ in rendered.articles)
                continue
            tally.documents += 1
            tally.checks += audit.report.summary.checks
            for span, table in rendered.articles:
                if not isinstance(table, EvolutionTable):
                    continue
                tally.tables += 1
                if not table.complete:
                    continue
                tally.complete += 1
                checks = [c for c in audit.report.checks if c.rule == EVOLUTION_RULE
                          and any(span.table_first <= p.line <= span.table_last for p in c.locations)]
                tally.checked += len(checks) >= 2
                if table.consistent:
                    tally.consistent += 1
                    tally.false_errors += bool(errors(audit, span))
                else:
                    tally.broken += 1
                    tally.found += bool(errors(audit, span, {EVOLUTION_RULE}))
            for span, ise in rendered.ises:
                if ise.consistent:
                    tally.ise_consistent += 1
                    tally.ise_false += bool(errors(audit, span, ISE_ARITHMETIC_RULES))
                else:
                    tally.ise_broken += 1
                    tally.ise_found += bool(errors(audit, span, {"BBT-EVO-002"}))
        t = tally
        print(f"{layout.name:<22}{t.tables:>7}{t.complete:>9}{f'{t.false_errors}/{t.consistent}':>14}"
              f"{f'{t.found}/{t.broken}':>10}{f'{t.checked}/{t.complete}':>10}{t.checks:>8}"
              f"{f'{t.ise_false}/{t.ise_consistent}':>11}{f'{t.ise_found}/{t.ise_broken}':>11}"
              f"{f'{t.execution_recognised}/{t.execution_documents}':>11}{t.execution_errors:>10}")


if __name__ == "__main__":
    main()
