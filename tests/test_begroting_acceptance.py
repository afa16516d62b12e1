"""A budget BBT (begroting, 13-x) written for these tests (fixtures/make_begroting.py): BA | evolutie | BO
tables with spelled-out row labels, Kredietevolutie tables per begrotingsartikel, and a narrative in
the phrasings of issue 5. Every planted error is found at its line; the clean version is silent."""

from __future__ import annotations

import json

import pytest

from auditor.audit import audit_file
from tests.conftest import BEGROTING, BEGROTING_CLEAN, ROOT

EXPECTED = json.loads((ROOT / "fixtures" / "expected" / "omgeving-natuur-begroting-2025.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def planted():
    return audit_file(BEGROTING)


@pytest.fixture(scope="module")
def clean():
    return audit_file(BEGROTING_CLEAN)


def test_kind_and_year_are_those_of_the_budget(clean):
    assert (clean.report.document.kind, clean.report.document.year) == ("begroting", 2025)


def test_the_clean_budget_bbt_has_no_errors_and_no_warnings(clean):
    summary = clean.report.summary
    assert (summary.errors, summary.warnings) == (0, 0)
    assert summary.passed == summary.checks >= 100
    assert summary.numbers_verified / summary.numbers > 0.95


@pytest.mark.parametrize("plant", EXPECTED, ids=lambda p: p["name"])
def test_every_planted_error_is_found_at_its_line(planted, plant):
    hits = [f for f in planted.report.findings if f.rule == plant["rule"] and f.severity == "error"
            and plant["line"] in {f.location.line, *range(f.location.line, f.location.end_line + 1), *(r.line for r in f.related)}]
    assert hits, plant
    assert any(plant["planted"] in text for f in hits for text in [f.location.text, *(r.text for r in f.related)])


def test_nothing_but_the_planted_errors_and_their_consequences_is_reported(planted):
    lines = {p["line"] for p in EXPECTED}
    for finding in (f for f in planted.report.findings if f.severity != "info"):
        touched = {finding.location.line, *(r.line for r in finding.related)}
        assert touched & lines, finding


def test_the_kredietevolutie_is_read_with_a_missing_row(clean):
    article = clean.document.article("QB0-1QBE2AB-WT")  # no Andere bijstellingen
    steps = [c.row_label for c in article.table.adjustments("VAK")]
    assert steps == ["Index", "Compensaties"]
    check = next(c for c in clean.report.checks if c.rule == "BBT-EVO-001" and c.subject.startswith("QB0-1QBE2AB-WT"))
    assert check.status == "passed"


def test_a_footnote_marker_glued_to_an_amount_is_split_off(clean):
    """'24.324,62' with footnote 2 printed below it on the page is 24.324,6 and note 2."""
    values = [q.display for q in clean.claims.untied]
    assert "24.324,6" in values and "24.324,62" not in values


def test_amounts_in_miljoen_euro_and_mln_are_compared_at_their_precision(clean):
    texts = {loc.text for c in clean.report.checks if c.rule == "BBT-TXT-001" and c.status == "passed" for loc in c.locations}
    assert {"61,7", "24,3", "24.325"} <= texts
