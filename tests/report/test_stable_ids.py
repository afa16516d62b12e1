"""A finding's id (and SARIF fingerprint) comes from what it is about, not from where it is printed: the same
in txt, docx and pdf, and unchanged when text is added elsewhere — so baselines and dashboards can follow it."""

from __future__ import annotations

import pytest

from auditor.audit import audit_file, audit_lines
from tests.conftest import BEGROTING, SAMPLE, source_of


def _ids(report) -> list[tuple[str, str, str]]:
    # info findings are numbers left unchecked; one of them reads differently from Word (a footnote marker kept
    # glued to its number), so the comparison is over the findings that say something is wrong
    return sorted((f.rule, f.severity, f.id) for f in report.findings if f.severity != "info")


@pytest.mark.parametrize("path", [SAMPLE, BEGROTING], ids=lambda p: p.stem)
def test_ids_are_the_same_in_txt_docx_and_pdf(path):
    reports = {suffix: audit_file(path.with_suffix(f".{suffix}")).report for suffix in ("txt", "docx", "pdf")}
    assert _ids(reports["docx"]) == _ids(reports["txt"]) == _ids(reports["pdf"])


@pytest.mark.parametrize("path", [SAMPLE, BEGROTING], ids=lambda p: p.stem)
def test_ids_do_not_change_when_lines_are_added_elsewhere(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    before = audit_lines(source_of(lines)).report
    moved = audit_lines(source_of(["Voorwoord van de minister.", "", *lines])).report
    assert _ids(moved) == _ids(before)
    assert [f.location.line + 2 for f in before.findings] == [f.location.line for f in moved.findings]


def test_ids_are_unique_within_a_report(sample_audit):
    ids = [f.id for f in sample_audit.report.findings]
    assert len(ids) == len(set(ids))
