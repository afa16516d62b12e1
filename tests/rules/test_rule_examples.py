"""Every rule ships examples that pass and fail; each must give exactly the severity it promises."""

from __future__ import annotations

import pytest

from auditor.rules import RuleEngine, default_rules_dir, load_rules
from auditor.rules.examples import example_fact

RULES = load_rules(default_rules_dir())
ENGINE = RuleEngine(RULES)
CASES = [(rule, example) for rule in RULES for example in rule.examples]


@pytest.mark.parametrize(("rule", "example"), CASES, ids=[f"{r.id}:{e.name}" for r, e in CASES])
def test_rule_example(rule, example):
    verdict = ENGINE.judge(rule, example_fact(rule, example)) or "passed"
    assert verdict == example.expect


def test_every_rule_has_a_passing_and_a_failing_example():
    for rule in RULES:
        outcomes = {e.expect for e in rule.examples}
        assert "passed" in outcomes and outcomes - {"passed"}, rule.id
