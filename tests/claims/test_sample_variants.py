"""The sample rewritten as another year, domain or editor would write it (tests/variants.py) must give
the same findings at the corresponding lines, and pass the same number of checks."""

from __future__ import annotations

import pytest

from auditor.audit import audit_lines
from auditor.ingest import read_document
from tests.conftest import CLEAN, SAMPLE, source_of
from tests.variants import REWRITES, Variant, all_at_once


def _findings(report, line_map: dict[int, int] | None = None) -> list[tuple]:
    mapped = line_map or {}
    return sorted((f.rule, f.severity, mapped.get(f.location.line, f.location.line), f.evidence.found, f.evidence.expected)
                  for f in report.findings if f.severity != "info")


@pytest.fixture(scope="module")
def originals():
    return {path: (read_document(path).lines, audit_lines(read_document(path)).report) for path in (SAMPLE, CLEAN)}


@pytest.mark.parametrize("rewrite", REWRITES + [all_at_once], ids=lambda r: r.__name__)
@pytest.mark.parametrize("path", [SAMPLE, CLEAN], ids=["sample", "clean"])
def test_a_rewritten_sample_gives_the_same_findings(originals, rewrite, path):
    lines, original = originals[path]
    variant: Variant = rewrite(lines)
    assert variant.lines != lines
    report = audit_lines(source_of(variant.lines)).report
    assert _findings(report) == _findings(original, variant.line_map)
    assert (report.summary.checks, report.summary.passed) == (original.summary.checks, original.summary.passed)
    groups = {f.group for f in report.findings if f.severity != "info"}
    expected_groups = set()
    for group in {f.group for f in original.findings if f.severity != "info"}:
        for old, new in variant.renamed.items():
            group = group.replace(old, new)
        expected_groups.add(group)
    assert groups == expected_groups


def test_the_years_variant_is_reported_as_its_own_year(originals):
    from tests.variants import years

    report = audit_lines(source_of(years(originals[SAMPLE][0]).lines)).report
    assert (report.document.kind, report.document.year) == ("uitvoering", 2026)
