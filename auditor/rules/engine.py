"""Evaluate the rules on the facts: the first outcome whose rule-engine condition holds decides the
severity; none holding means the relation was checked and holds."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import rule_engine

from auditor.claims.models import Claims
from auditor.errors import RuleFileError
from auditor.relations.fact import Fact
from auditor.relations.queries import Binding
from auditor.rules.cache import mark_passed
from auditor.rules.diagnosis import DIAGNOSES, Evidence, percentage_bases
from auditor.rules.spec import RuleSpec, Severity, evaluation_condition, load_rules


@dataclass
class Verdict:
    rule: RuleSpec
    fact: Fact
    severity: Severity | None  # None: passed
    notes: list[dict[str, str]] = field(default_factory=list)  # nl/en: what explains it (rules.diagnosis)


def passed_quantities(verdicts: list[Verdict]) -> set[str]:
    """The numbers that took part in a check that held."""
    return {q.id for v in verdicts if v.severity is None and v.rule.counts_as_check for q in v.fact.quantities()}


def certainty_policy(severity: Severity, fact: Fact) -> Severity:
    """An error is a proven error: when any number of the comparison is bound by a guess (nearest
    amount, a list that may be partial, a table that may not be the whole), it is to be reviewed."""
    return "review" if severity == "error" and fact.doubts else severity


class RuleEngine:
    def __init__(self, rules: list[RuleSpec]) -> None:
        self.rules = rules
        self._compiled: dict[str, list[tuple[Severity, rule_engine.Rule]]] = {
            rule.id: [(o.severity, evaluation_condition(o.when)) for o in rule.outcomes] for rule in rules
        }
        self._by_kind: dict[str, list[RuleSpec]] = {}
        for rule in rules:
            self._by_kind.setdefault(rule.applies_to, []).append(rule)
        self._try_examples()

    def _try_examples(self) -> None:
        """Judge every rule's own examples once, at load time: a condition that divides by zero or
        compares a number with a string fails here, not halfway through an audit, and an example whose
        verdict is not the one it expects means the rule does not say what its author meant. A rule set
        loaded from files that passed with this code before is not judged again; one that passes now
        is marked so (rules.cache)."""
        from auditor.rules.examples import example_fact

        if self.rules and all(rule._passed_before for rule in self.rules):
            return
        for rule in self.rules:
            for example in rule.examples:
                try:
                    fact = example_fact(rule, example)
                except ValueError as exc:  # an operand or stated value that is no Dutch number
                    raise RuleFileError(f"{rule.source_file}: regel {rule.id}: voorbeeld {example.name!r}: {exc}",
                                        f"{rule.source_file}: rule {rule.id}: example {example.name!r}: {exc}") from exc
                verdict = self.judge(rule, fact) or "passed"
                if verdict != example.expect:
                    raise RuleFileError(
                        f"{rule.source_file}: regel {rule.id}: voorbeeld {example.name!r} geeft {verdict}, "
                        f"niet {example.expect} zoals verwacht",
                        f"{rule.source_file}: rule {rule.id}: example {example.name!r} gives {verdict}, "
                        f"not {example.expect} as expected")

    @classmethod
    def from_directory(cls, directory: Path) -> RuleEngine:
        """The engine of every rule file under `directory`; a rule set that passes its checks here for
        the first time is marked, so the next run with the same files and code does not repeat them."""
        rules = load_rules(directory)
        engine = cls(rules)
        if rules and not rules[0]._passed_before and rules[0]._rule_set is not None:
            mark_passed(rules[0]._rule_set)
        return engine

    def judge(self, rule: RuleSpec, fact: Fact) -> Severity | None:
        context = fact.context()
        for severity, condition in self._compiled[rule.id]:
            try:
                holds = condition.matches(context)
            except rule_engine.errors.EngineError as exc:  # a division by zero, a type error …
                raise RuleFileError(f"{rule.source_file}: regel {rule.id}: de voorwaarde {condition.text!r} faalt: {exc.message}",
                                    f"{rule.source_file}: rule {rule.id}: the condition {condition.text!r} fails: {exc.message}") from exc
            if holds:
                return certainty_policy(severity, fact)
        return None

    def evaluate(self, facts: list[Fact]) -> list[Verdict]:
        verdicts: list[Verdict] = []
        for fact in facts:
            for rule in self._by_kind.get(fact.kind, []):
                if fact.rule is not None and fact.rule != rule.id:
                    continue  # a fact a rule's own binding built is that rule's alone
                verdicts.append(Verdict(rule=rule, fact=fact, severity=self.judge(rule, fact)))
        return verdicts

    def bindings(self) -> list[tuple[str, str, Binding]]:
        """The rules that state their own binding (a registered query), for the relations stage."""
        return [(rule.id, rule.title.nl, binding) for rule in self.rules for binding in rule.bindings]


EXPLAINED = ("error", "review")  # a warning is a rounding difference: no slip to name


def explain_verdicts(verdicts: list[Verdict], facts: list[Fact], claims: Claims) -> None:
    """Fill in `notes` of every failed verdict whose rule names a diagnosis (auditor.rules.diagnosis)."""
    explain_with(verdicts, Evidence(claims, percentage_bases(facts), passed_quantities(verdicts)))


def explain_with(verdicts: Iterable[Verdict], evidence: Evidence) -> None:
    """`explain_verdicts` with the evidence gathered by the caller (who need not keep every fact)."""
    for verdict in verdicts:
        fact = verdict.fact
        if verdict.severity not in EXPLAINED or fact.stated is None or fact.difference == 0:
            continue
        for name in verdict.rule.diagnoses:
            verdict.notes += DIAGNOSES[name].explain(fact, evidence)
