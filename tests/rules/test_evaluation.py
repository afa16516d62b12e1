"""The engine evaluates conditions compiled without the fields' types (rules.spec.evaluation_condition):
on every fact of the fixtures and every rule's examples that must decide exactly as the typed condition
the loader checked."""

from __future__ import annotations

import functools

import pytest

from auditor.audit import audit_file
from auditor.rules import default_rules_dir, load_rules
from auditor.rules.examples import example_fact
from auditor.rules.spec import compiled_condition, evaluation_condition
from tests.conftest import BEGROTING, SAMPLE

RULES = load_rules(default_rules_dir())
CONDITIONS = sorted({outcome.when for rule in RULES for outcome in rule.outcomes})


@functools.cache
def contexts() -> list[dict[str, object]]:
    found = [fact.context() for path in (SAMPLE, BEGROTING) for fact in audit_file(path).facts]
    found += [example_fact(rule, example).context() for rule in RULES for example in rule.examples]
    return found


@pytest.mark.parametrize("condition", CONDITIONS)
def test_untyped_evaluation_decides_as_the_typed_condition(condition: str) -> None:
    typed, untyped = compiled_condition(condition), evaluation_condition(condition)
    decisions = [(typed.matches(context), untyped.matches(context)) for context in contexts()]
    assert {a for a, _ in decisions} == {True, False}  # the facts and examples take it both ways
    assert all(a == b for a, b in decisions)
