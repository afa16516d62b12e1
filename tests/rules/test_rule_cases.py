"""Every rule ships BBT snippets (its `cases:`): each is run through the whole pipeline, and the findings of
that rule must be exactly the ones the case lists, by severity and line. A case that expects nothing must
have exercised the rule (a passed check of it), unless the rule only reports what could not be checked."""

from __future__ import annotations

from collections import Counter

import pytest

from auditor.audit import audit_lines, engine_for
from auditor.relations.fact import CROSS_DOCUMENT_KINDS
from tests.conftest import ROOT, source_of

# rules across documents judge pairs of documents, which a single snippet cannot hold: they are run on
# generated pairs in tests/crossdoc instead, and skipped here by their kind, not by name
CROSS_RULES = [rule for rule in engine_for(None).rules if rule.applies_to in CROSS_DOCUMENT_KINDS]
RULES = [rule for rule in engine_for(None).rules if rule.applies_to not in CROSS_DOCUMENT_KINDS]
CASES = [(rule, case) for rule in RULES for case in rule.cases]


def test_every_rule_ships_a_passing_and_a_failing_snippet():
    assert {rule.id for rule in RULES} == {rule.id for rule, _ in CASES}


def test_only_the_cross_document_rules_are_skipped_and_they_are_tested_on_pairs():
    crossdoc = {path.stem for path in (ROOT / "rules" / "over-documenten").glob("*.yaml")}
    assert {rule.id for rule in CROSS_RULES} == crossdoc
    assert all(not rule.cases for rule in CROSS_RULES)
    tests = (ROOT / "tests" / "crossdoc" / "test_crossdoc.py").read_text(encoding="utf-8")
    assert all(rule.id in tests for rule in CROSS_RULES)


@pytest.mark.parametrize(("rule", "case"), CASES, ids=[f"{r.id}: {c.name}" for r, c in CASES])
def test_the_case_gives_exactly_its_findings(rule, case):
    report = audit_lines(source_of(case.text.splitlines(), path=f"{rule.id}.txt")).report
    found = Counter((f.severity, f.location.line) for f in report.findings if f.rule == rule.id)
    assert found == Counter((e.severity, e.line) for e in case.expect), [
        f"{f.severity} {f.location.line}: {f.message}" for f in report.findings if f.rule == rule.id]
    if not case.expect and rule.counts_as_check:
        assert any(c.rule == rule.id and c.status == "passed" for c in report.checks), "the snippet never reaches the rule"
