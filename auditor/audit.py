"""The pipeline: ingest → structure → claims → relations (facts) → rules → report."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from auditor import __version__
from auditor.claims import Claims, extract_claims
from auditor.coverage import measure_coverage
from auditor.ingest import SourceText, read_document
from auditor.quantity import Quantity
from auditor.relations import build_facts, fact_groups
from auditor.relations.fact import Fact
from auditor.report.build import ReportBuilder
from auditor.report.models import DocumentInfo, Report
from auditor.rules import RuleEngine, default_rules_dir
from auditor.rules.diagnosis import Base, Evidence, percentage_bases
from auditor.rules.engine import explain_verdicts, explain_with
from auditor.structure import BBTDocument, parse_structure


@dataclass
class Audit:
    source: SourceText
    document: BBTDocument
    claims: Claims
    facts: list[Fact]
    report: Report

    def quantities(self) -> list[Quantity]:
        return known_quantities(self.document, self.facts)


def known_quantities(document: BBTDocument, facts: list[Fact]) -> list[Quantity]:
    """Every number the audit knows, once: table cells, annex values and the text's amounts."""
    found = _printed_quantities(document)
    _take_quantities(found, facts)
    return _in_reading_order(found)


def _printed_quantities(document: BBTDocument) -> dict[str, Quantity]:
    found: dict[str, Quantity] = {}
    for table in document.tables() + document.loose_tables:
        for cell in table.cells:
            found.setdefault(cell.quantity.id, cell.quantity)
    for indicator in document.indicators:
        found.setdefault(indicator.value.id, indicator.value)
    return found


def _take_quantities(found: dict[str, Quantity], facts: list[Fact]) -> None:
    for fact in facts:
        for quantity in fact.quantities():
            found.setdefault(quantity.id, quantity)


def _in_reading_order(found: dict[str, Quantity]) -> list[Quantity]:
    return sorted(found.values(), key=lambda q: (q.source.line, q.source.column))


_ENGINES: dict[Path, RuleEngine] = {}


def engine_for(rules_dir: Path | None) -> RuleEngine:
    directory = (rules_dir or default_rules_dir()).resolve()
    if directory not in _ENGINES:
        _ENGINES[directory] = RuleEngine.from_directory(directory)
    return _ENGINES[directory]


# An audit allocates hundreds of thousands of small objects that all live until its report is written
# and form almost no reference cycles: the collector's default first-generation threshold (700) makes it
# scan them again and again (a quarter of the time on a 1,600-article BBT). Raised during an audit only.
AUDIT_GC_THRESHOLD = (50_000, 20, 100)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    previous = gc.get_threshold()
    gc.freeze()  # what exists before the audit (modules, rules) is not scanned again
    gc.set_threshold(*AUDIT_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
        gc.unfreeze()


def audit_lines(source: SourceText, *, lang: str = "nl", rules_dir: Path | None = None) -> Audit:
    with _fewer_collections():
        return _audit_lines(source, lang, rules_dir)


def audit_report(source: SourceText, *, lang: str = "nl", rules_dir: Path | None = None) -> Report:
    """`audit_lines(…).report` for a caller that needs nothing else of the audit: the facts are judged
    and reported one relation family at a time, each let go before the next is built (on a large BBT
    all its facts at once weigh more than its structure and claims together); of the facts that pass,
    only their check is kept, and what the explanations consult (auditor.rules.diagnosis)."""
    with _fewer_collections():
        document = parse_structure(source.lines, source.path)
        claims = extract_claims(document, source.lines)
        engine = engine_for(rules_dir)
        builder = ReportBuilder(lang, source)
        found = _printed_quantities(document)
        bases: dict[Base, Decimal] = {}
        for facts in fact_groups(document, claims, engine.bindings()):
            for verdict in engine.evaluate(facts):
                builder.add(verdict)
            _take_quantities(found, facts)
            percentage_bases(facts, bases)
            del facts  # before the next family is built
        explain_with(builder.pending, Evidence(claims, bases, builder.passed))
        return _report(builder, source, document, claims, _in_reading_order(found), lang)


def _audit_lines(source: SourceText, lang: str, rules_dir: Path | None) -> Audit:
    document = parse_structure(source.lines, source.path)
    claims = extract_claims(document, source.lines)
    engine = engine_for(rules_dir)
    facts = build_facts(document, claims, engine.bindings())
    verdicts = engine.evaluate(facts)
    explain_verdicts(verdicts, facts, claims)
    builder = ReportBuilder(lang, source)
    for verdict in verdicts:
        builder.add(verdict)
    report = _report(builder, source, document, claims, known_quantities(document, facts), lang)
    return Audit(source=source, document=document, claims=claims, facts=facts, report=report)


def _report(builder: ReportBuilder, source: SourceText, document: BBTDocument, claims: Claims,
            quantities: list[Quantity], lang: str) -> Report:
    """The report of the verdicts `builder` was given, with its coverage."""
    numbers = {q.id for q in quantities}
    info = DocumentInfo(path=source.path, format=source.format, sha256=source.sha256, kind=document.kind,
                        year=document.year, notices=source.notices)
    report = builder.report(info, __version__, numbers)
    report.coverage = measure_coverage(document, quantities, report, builder.placer, lang, claims)
    return report


def audit_file(path: str | Path, *, lang: str = "nl", rules_dir: Path | None = None) -> Audit:
    return audit_lines(read_document(path), lang=lang, rules_dir=rules_dir)
