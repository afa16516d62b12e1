"""Run every rule's own cases (`cases:` in its file) through the whole pipeline: what `bbt-audit rules
--check` reports and the test suite asserts. A case passes when the findings of its rule are exactly
the ones it lists (severity and line); a case that expects nothing must also have reached the rule (a
passed check of it), unless the rule only reports what could not be checked. Rules across documents
judge pairs of documents, which one snippet cannot hold: they are skipped here and tested on pairs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from auditor.audit import audit_lines, engine_for
from auditor.ingest import SourceText
from auditor.relations.fact import CROSS_DOCUMENT_KINDS
from auditor.rules.spec import Case, RuleSpec


@dataclass(frozen=True)
class CaseResult:
    rule: RuleSpec
    case: Case
    found: list[tuple[str, int, str]]  # severity, line, message of the rule's findings
    reached: bool  # a check of the rule ran (passed or failed)

    @property
    def passed(self) -> bool:
        wanted = Counter((e.severity, e.line) for e in self.case.expect)
        if Counter((severity, line) for severity, line, _ in self.found) != wanted:
            return False
        return bool(self.case.expect) or self.reached or not self.rule.counts_as_check

    def explain(self, lang: str) -> str:
        wanted = ", ".join(f"{e.severity} {e.line}" for e in self.case.expect) or ("niets" if lang == "nl" else "nothing")
        got = ", ".join(f"{s} {n}" for s, n, _ in self.found) or ("niets" if lang == "nl" else "nothing")
        if not self.found and not self.case.expect and not self.reached:
            return ("het fragment bereikt de controle niet (geen enkele controle van deze regel)" if lang == "nl"
                    else "the snippet never reaches the rule (no check of it ran)")
        return f"verwacht {wanted}, gekregen {got}" if lang == "nl" else f"expected {wanted}, got {got}"


def single_document_rules(rules: list[RuleSpec]) -> list[RuleSpec]:
    return [rule for rule in rules if rule.applies_to not in CROSS_DOCUMENT_KINDS]


def run_case(rule: RuleSpec, case: Case, rules_dir: Path | None) -> CaseResult:
    source = SourceText(path=f"{rule.id}.txt", format="text", sha256="", encoding="utf-8", lines=case.text.splitlines())
    report = audit_lines(source, rules_dir=rules_dir).report
    found = [(f.severity, f.location.line, f.message) for f in report.findings if f.rule == rule.id]
    reached = any(c.rule == rule.id for c in report.checks)
    return CaseResult(rule=rule, case=case, found=found, reached=reached)


def run_cases(rules_dir: Path | None) -> list[CaseResult]:
    return [run_case(rule, case, rules_dir)
            for rule in single_document_rules(engine_for(rules_dir).rules) for case in rule.cases]
