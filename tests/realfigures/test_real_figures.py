"""The auditor on real figures: documents rendered in memory, in the layouts of shared/LAYOUTS.md, from the
credit rows a third party parsed from 28 real BBTs (fixtures/realdata/, MIT licence, "Copyright (c) 2026
Edward Berger"). Codes, titles, column labels and amounts are real; so are the slips the CSV carries (a
stale credit line, a row attached to the wrong article, a parse error): a rendered table whose identity
start + Index + Compensaties + Andere bijstellingen = BO does not hold IS inconsistent as printed, whatever
its cause, and the auditor must say so at that article.

What must hold, per document and layout:
- every complete Kredietevolutie whose identity holds gives no error at its lines;
- every complete Kredietevolutie whose identity is broken gives a BBT-EVO-001 error inside its article;
- every complete Kredietevolutie is checked (one BBT-EVO-001 check per credit), so the summary counts checks;
- an ISE synthesis table whose evolutie = BO − BA gives no table-arithmetic error, the one that does not
  gives a BBT-EVO-002 error;
- the document is recognised as the kind (begroting / uitvoering) and year it is;
- an execution BBT made of article tables only (no totals, no text amounts) gives no error.
The layouts differ only in how the figures are printed, never in the figures (checked first).
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from auditor.audit import Audit, audit_lines
from tests.conftest import source_of
from tests.realfigures.corpus import (
    CREDITS,
    LAYOUT_VARIANTS,
    REAL,
    Document,
    EvolutionTable,
    ExecutionTable,
    Layout,
    Rendered,
    Span,
    count_tables,
    dutch,
    load_documents,
    render,
)

EVOLUTION_RULE = "BBT-EVO-001"
EVOLUTIE_COLUMN_RULE = "BBT-EVO-002"
TABLE_TOTAL_RULE = "BBT-TAB-001"
ERROR = "error"

# What the CSV yields with the classification of corpus.py (LAYOUTS.md reports 358 complete tables of
# which 340 hold; this copy of the CSV gives other counts: see count_tables and the report).
EXPECTED_ARTICLE_TABLES = 301
EXPECTED_COMPLETE = 203
EXPECTED_CONSISTENT = 172
EXPECTED_BROKEN = 31

DOCUMENTS: list[Document] = load_documents()
BUDGET_DOCUMENTS = [d for d in DOCUMENTS if d.kind == "begroting" and any(t.complete for t in d.evolutions)]
BROKEN_DOCUMENTS = [d for d in BUDGET_DOCUMENTS if any(t.broken for t in d.evolutions)]
ISE_DOCUMENTS = [d for d in DOCUMENTS if d.kind == "begroting" and any(t.complete for t in d.ise_totals)]
EXECUTION_DOCUMENTS = [d for d in DOCUMENTS if d.kind == "uitvoering" and any(t.complete for t in d.executions)]


def cases(documents: list[Document]) -> list:
    return [pytest.param(d, layout, id=f"{d.key}-{layout.name}") for d in documents for layout in LAYOUT_VARIANTS]


@cache
def _rendered(key: str, layout: Layout) -> tuple[Rendered, Audit]:
    doc = next(d for d in DOCUMENTS if d.key == key)
    rendered = render(doc, layout)
    return rendered, audit_lines(source_of(rendered.lines, path=f"{key}.txt"))


def rendered_and_audit(doc: Document, layout: Layout) -> tuple[Rendered, Audit]:
    return _rendered(doc.key, layout)


def errors_in(audit: Audit, span: Span, rules: set[str] | None = None) -> list:
    return [f for f in audit.report.findings
            if f.severity == ERROR and f.location.line in span and (rules is None or f.rule in rules)]


def describe(findings: list) -> str:
    return "; ".join(f"{f.rule} line {f.location.line}: {f.message}" for f in findings)


def excerpt(rendered: Rendered, span: Span) -> str:
    return "\n    ".join(rendered.excerpt(Span(span.name, span.table_first, span.table_last, 0, 0)))


# ------------------------------------------------------------------------------------ the corpus itself


def test_the_csv_gives_the_expected_article_tables() -> None:
    """Of the budget documents' article tables, those with a start level and a closing BO for both credits
    are complete; of those, the identity holds per credit or it does not. The counts pin this copy of the
    CSV and the classification."""
    counts = count_tables([d for d in DOCUMENTS if d.kind == "begroting"])
    assert (counts.tables, counts.complete, counts.consistent, counts.broken) == (
        EXPECTED_ARTICLE_TABLES, EXPECTED_COMPLETE, EXPECTED_CONSISTENT, EXPECTED_BROKEN)


def test_a_known_real_table_is_classified_as_printed() -> None:
    """13-Z (2025-2026), GB0-1GCF2LA-WT: 143.027 + 2.746 + 1.458 − 500 = 146.731 VAK and
    142.027 + 2.746 + 1.458 + 500 = 146.731 VEK: complete and consistent."""
    doc = next(d for d in DOCUMENTS if d.stuk == "13-Z (2025-2026) nr. 1")
    table = next(t for t in doc.evolutions if t.code == "GB0-1GCF2LA-WT")
    assert table.complete and table.consistent
    assert table.printed_lines() == [
        ("BA 2025", (143_027, 142_027)), ("Index", (2_746, 2_746)), ("Compensaties", (1_458, 1_458)),
        ("Andere bijstellingen", (-500, 500)), ("BO 2026", (146_731, 146_731)),
    ]


FIGURE_LINE = re.compile(r"^(?P<label>.*?) (?P<vak>-?[\d.]+) (?P<vek>-?[\d.]+)$")


def printed_figures(rendered: Rendered, span: Span) -> list[tuple[str, str, str]]:
    """The (label, VAK, VEK) lines of a rendered Kredietevolutie, skipping unit, page number and header."""
    found = []
    for line in rendered.lines[span.table_first - 1:span.table_last]:
        match = FIGURE_LINE.match(line)
        if match and not line.startswith("Vlaams Parlement"):
            found.append((match["label"], match["vak"], match["vek"]))
    return found


@pytest.mark.parametrize("doc", [pytest.param(d, id=d.key) for d in BUDGET_DOCUMENTS])
def test_every_layout_prints_the_csv_figures(doc: Document) -> None:
    """Every layout prints each article's Kredietevolutie with the CSV's labels and amounts in Dutch format,
    in the order start, steps, end; a layout changes the lines around the figures, never the figures."""
    expected = {t.code: [(label, dutch(vak), dutch(vek)) for label, (vak, vek) in t.printed_lines()] for t in doc.evolutions}
    for layout in LAYOUT_VARIANTS:
        rendered = render(doc, layout)
        printed = {span.name: printed_figures(rendered, span) for span, _ in rendered.articles}
        assert printed == expected, layout.name


# ------------------------------------------------------------------------------------ budget BBTs


@pytest.mark.parametrize(("doc", "layout"), cases(BUDGET_DOCUMENTS))
def test_a_consistent_kredietevolutie_gives_no_error(doc: Document, layout: Layout) -> None:
    """A complete Kredietevolutie whose identity holds for both credits is consistent: no error may be
    reported at any line of its article."""
    rendered, audit = rendered_and_audit(doc, layout)
    wrong = []
    for span, table in rendered.articles:
        if isinstance(table, EvolutionTable) and table.consistent and (found := errors_in(audit, span)):
            wrong.append(f"{doc.stuk} {table.code}: {describe(found)}")
    assert wrong == []


@pytest.mark.parametrize(("doc", "layout"), cases(BROKEN_DOCUMENTS))
def test_a_broken_kredietevolutie_is_reported_at_its_article(doc: Document, layout: Layout) -> None:
    """A complete Kredietevolutie whose start + Index + Compensaties + Andere bijstellingen differs from
    the BO for a credit (tables carry no rounding slack) gives a BBT-EVO-001 error inside that article."""
    rendered, audit = rendered_and_audit(doc, layout)
    missed = []
    for span, table in rendered.articles:
        if isinstance(table, EvolutionTable) and table.broken and not errors_in(audit, span, {EVOLUTION_RULE}):
            differences = ", ".join(
                f"{c} {dutch(table.computed_end(c))} ≠ {dutch(table.values[(table.end_label, c)])}"
                for c in CREDITS if not table.holds(c))
            missed.append(f"{doc.stuk} {table.code} ({differences}), lines {span.first}-{span.last}:\n    "
                          f"{excerpt(rendered, span)}")
    assert missed == [], "\n".join(missed)


@pytest.mark.parametrize(("doc", "layout"), cases(BUDGET_DOCUMENTS))
def test_every_complete_kredietevolutie_is_checked(doc: Document, layout: Layout) -> None:
    """The auditor reads each complete Kredietevolutie: the report lists a BBT-EVO-001 check per credit at
    the lines of that table, so the document yields checks (summary.checks > 0)."""
    rendered, audit = rendered_and_audit(doc, layout)
    assert audit.report.summary.checks > 0
    unchecked = []
    for span, table in rendered.articles:
        if not (isinstance(table, EvolutionTable) and table.complete):
            continue
        checks = [c for c in audit.report.checks if c.rule == EVOLUTION_RULE
                  and any(span.table_first <= place.line <= span.table_last for place in c.locations)]
        if len(checks) < len(CREDITS):
            unchecked.append(f"{table.code}: {len(checks)} check(s)")
    assert unchecked == []


@pytest.mark.parametrize(("doc", "layout"), cases(BUDGET_DOCUMENTS))
def test_a_budget_bbt_is_recognised_with_its_year(doc: Document, layout: Layout) -> None:
    """Tables with BA and BO columns make a begroting; its year is that of the BO."""
    _, audit = rendered_and_audit(doc, layout)
    assert (audit.report.document.kind, audit.report.document.year) == ("begroting", doc.year)


@pytest.mark.parametrize(("doc", "layout"), cases(ISE_DOCUMENTS))
def test_an_ise_synthesis_table_is_checked_by_its_arithmetic(doc: Document, layout: Layout) -> None:
    """The ISE table (Totaal in the ESR row, 0 in the others, so Totaal = Σ rows): where the CSV's evolutie
    is BO − BA for both credits no BBT-EVO-002 / BBT-TAB-001 error may be reported at the table; where it
    is not, a BBT-EVO-002 error must be. (Roll-up findings are not asserted: the CSV keeps only some of an
    ISE's articles, so Σ articles ≠ ISE total in these documents.)"""
    rendered, audit = rendered_and_audit(doc, layout)
    arithmetic = {EVOLUTIE_COLUMN_RULE, TABLE_TOTAL_RULE}
    wrong = []
    for span, ise in rendered.ises:
        found = errors_in(audit, span, arithmetic)
        if ise.consistent and found:
            wrong.append(f"{ise.ise}: false error {describe(found)}")
        if not ise.consistent and not errors_in(audit, span, {EVOLUTIE_COLUMN_RULE}):
            wrong.append(f"{ise.ise}: evolutie ≠ BO − BA not reported:\n    {excerpt(rendered, span)}")
    assert wrong == [], "\n".join(wrong)


# ------------------------------------------------------------------------------------ execution BBTs


@pytest.mark.parametrize(("doc", "layout"), cases(EXECUTION_DOCUMENTS))
def test_an_execution_bbt_of_article_tables_is_read_and_gives_no_error(doc: Document, layout: Layout) -> None:
    """Department tables (one header line, an `Uitgaven` row of six numbers) and agency tables (one line per
    stage) make an uitvoering of the year of their columns; without totals or text amounts they state no
    relation that can fail, so no error is reported."""
    rendered, audit = rendered_and_audit(doc, layout)
    assert (audit.report.document.kind, audit.report.document.year) == ("uitvoering", doc.year)
    wrong = [f"{table.code}: {describe(found)}" for span, table in rendered.articles
             if isinstance(table, ExecutionTable) and (found := errors_in(audit, span))]
    assert wrong == []


def test_the_real_layout_is_the_default() -> None:
    """render() without a layout uses the real one: unit and credits on one Kredietevolutie line."""
    doc = BUDGET_DOCUMENTS[0]
    assert render(doc).lines == render(doc, REAL).lines
    assert "(duizend euro) VAK VEK" in render(doc).lines
