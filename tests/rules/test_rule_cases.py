"""Every rule ships BBT snippets (its `cases:`): each is run through the whole pipeline, and the findings of
that rule must be exactly the ones the case lists, by severity and line. A case that expects nothing must
have exercised the rule (a passed check of it), unless the rule only reports what could not be checked."""

from __future__ import annotations

from collections import Counter

import pytest

from auditor.audit import audit_lines, engine_for
from tests.conftest import source_of

RULES = engine_for(None).rules
CASES = [(rule, case) for rule in RULES for case in rule.cases]


def test_every_rule_ships_a_passing_and_a_failing_snippet():
    assert {rule.id for rule in RULES} == {rule.id for rule, _ in CASES}


@pytest.mark.parametrize(("rule", "case"), CASES, ids=[f"{r.id}: {c.name}" for r, c in CASES])
def test_the_case_gives_exactly_its_findings(rule, case):
    report = audit_lines(source_of(case.text.splitlines(), path=f"{rule.id}.txt")).report
    found = Counter((f.severity, f.location.line) for f in report.findings if f.rule == rule.id)
    assert found == Counter((e.severity, e.line) for e in case.expect), [
        f"{f.severity} {f.location.line}: {f.message}" for f in report.findings if f.rule == rule.id]
    if not case.expect and rule.counts_as_check:
        assert any(c.rule == rule.id and c.status == "passed" for c in report.checks), "the snippet never reaches the rule"
