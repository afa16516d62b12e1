"""Turn verdicts into findings and checks: messages in the user's language, both locations, the
filled-in equation, and the explanations the checks attached (auditor.rules.diagnosis)."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from auditor.ingest import SourceText
from auditor.numbers import format_dutch, half_unit, round_half_up
from auditor.relations.doubt import explain
from auditor.relations.fact import Fact
from auditor.report.place import Placer
from auditor.report.models import (
    Check, CheckLocation, DocumentInfo, Evidence, Finding, Location, Related, Report, Summary, Tool,
)
from auditor.rules.engine import Verdict
from auditor.source import SourceRef

UNIT_NAMES = {"nl": {"keuro": "keuro", "pct": "%", "pp": "procentpunt", "count": "aantal"},
              "en": {"keuro": "keuro", "pct": "%", "pp": "percentage points", "count": "count"}}
# an amount printed in another unit than keuro is held in keuro, scaled by the factor of the unit it was
# printed in (claims.mentions): a message that shows the printed digits names that unit with them
PRINTED_KEURO_UNITS = {"nl": {Decimal(1000): "miljoen euro", Decimal("0.001"): "euro"},
                       "en": {Decimal(1000): "million euro", Decimal("0.001"): "euro"}}


def _plain(value: Decimal, decimals: int) -> str:
    return f"{round_half_up(value, decimals):f}"


def _computed_decimals(fact: Fact) -> int:
    return fact.decimals + (2 if fact.unit in ("pct", "pp") and fact.kind in ("percentage", "ratio") else 0)


def _render(template: str, fact: Fact, lang: str) -> str:
    decimals = _computed_decimals(fact)
    values = {
        "subject": fact.subject,
        "stated": fact.stated.quantity.display if fact.stated else "",
        "computed": format_dutch(fact.computed, decimals),
        "difference": format_dutch(fact.difference, fact.decimals),
        "formula": fact.formula,
        "location": f"{'regel' if lang == 'nl' else 'line'} {fact.location.line}",
        "related": ", ".join(str(q.source.line) for q in fact.quantities()),
        "unit": _unit_name(fact, lang),
    }
    return template.format_map(values)


def _unit_name(fact: Fact, lang: str) -> str:
    """The unit of the stated number as printed ('1,2 miljoen euro'), else of the fact."""
    if fact.unit == "keuro" and fact.stated is not None:
        quantity = fact.stated.quantity
        printed = PRINTED_KEURO_UNITS[lang].get(quantity.half_unit / half_unit(quantity.decimals))
        if printed is not None:
            return printed
    return UNIT_NAMES[lang].get(fact.unit, fact.unit)


def _finding_identity(rule: str, fact: Fact) -> str:
    """What a finding is about, without where it is printed: the rule, its scope (article code, ISE),
    the relation with its credit and stage (the subject), and the values compared. Text added elsewhere
    moves lines, not this; txt, docx and pdf of one document give the same (spacing is ignored: a
    Word cell may break a label differently)."""
    operands = sorted(o.quantity.display for o in fact.operands)
    parts = [rule, fact.group, fact.subject, fact.stated.quantity.display if fact.stated else "", *operands]
    return "|".join("".join(part.split()) for part in parts)


def finding_ids(rule_facts: list[tuple[str, Fact]]) -> list[str]:
    """Stable ids in document order; the n-th finding with the same identity gets n in its hash."""
    seen: dict[str, int] = {}
    ids: list[str] = []
    for rule, fact in rule_facts:
        identity = _finding_identity(rule, fact)
        seen[identity] = seen.get(identity, 0) + 1
        ids.append(hashlib.sha256(f"{identity}|{seen[identity]}".encode()).hexdigest()[:16])
    return ids


def _sentence(text: str) -> str:
    """A diagnosis ('Mogelijke tikfout: … (verschil -10)') followed by the rule's advice reads as two sentences."""
    return text if text.rstrip().endswith((".", "!", "?", ":")) else text.rstrip() + "."


def _related(fact: Fact, placer: Placer) -> list[Related]:
    doubted = fact.location
    related: list[Related] = []
    operands = ([fact.stated] if fact.stated else []) + fact.operands
    for position, operand in enumerate(operands):
        source = operand.quantity.source
        # the stated number is not related to itself (by position: an operand object may be shared, so
        # the stated one may also be among the operands, where it is related)
        if position == 0 and fact.stated is not None and (source.line, source.column) == (doubted.line, doubted.column):
            continue
        related.append(Related(line=source.line, column=source.column, text=source.text, role=operand.role,
                               **placer.place(source)))
    return related


class ReportBuilder:
    """Findings and checks of one audit's verdicts, given one by one (`add`), then its report (`report`,
    once): a verdict's check is made as it comes, so its fact need not outlive it; a verdict that is a
    finding is kept until the report is made (its explanations may still be added until then)."""

    def __init__(self, lang: str, source: SourceText | None = None) -> None:
        self.placer = Placer(source)
        self.lang = lang
        self._locations: dict[tuple[int, int, str, str], CheckLocation] = {}
        self._checks: list[Check] = []
        self.pending: list[Verdict] = []  # the verdicts that are findings, in the order given
        self.passed: set[str] = set()  # the numbers that took part in a check that held

    def add(self, verdict: Verdict) -> None:
        if verdict.rule.counts_as_check and verdict.severity != "info":  # info = could not be checked
            self._checks.append(self.check(verdict))
            if verdict.severity is None:
                self.passed.update(q.id for q in verdict.fact.quantities())
        if verdict.severity is not None:
            self.pending.append(verdict)

    def report(self, document: DocumentInfo, version: str, numbers: set[str]) -> Report:
        failed = sorted(self.pending, key=lambda v: (v.fact.location.line, v.fact.location.column, v.rule.id))
        self.ids = {id(v): fid for v, fid in zip(failed, finding_ids([(v.rule.id, v.fact) for v in failed]))}
        findings = [self.finding(verdict) for verdict in self.pending]
        checks = self._checks
        findings.sort(key=lambda f: (f.location.line, f.rule, f.id))
        checks.sort(key=lambda c: (c.locations[0].line if c.locations else 0, c.rule, c.subject))
        summary = Summary(
            errors=sum(f.severity == "error" for f in findings),
            warnings=sum(f.severity == "warning" for f in findings),
            review=sum(f.severity == "review" for f in findings),
            info=sum(f.severity == "info" for f in findings),
            checks=len(checks), passed=sum(c.status == "passed" for c in checks),
            numbers=len(numbers), numbers_verified=len(self.passed & numbers),
        )
        return Report(tool=Tool(version=version), document=document, summary=summary, findings=findings, checks=checks)

    def check(self, verdict: Verdict) -> Check:
        fact = verdict.fact
        return Check(
            rule=verdict.rule.id, status="passed" if verdict.severity is None else "failed", subject=fact.subject,
            formula=fact.formula,
            locations=[self._check_location(o.quantity.source, o.role)
                       for o in ([fact.stated] if fact.stated else []) + fact.operands],
        )

    def _check_location(self, source: SourceRef, role: str) -> CheckLocation:
        """One location object for every check of the same number in the same role: a table cell is in
        several checks (on a 1,600-article BBT 56,000 locations are 27,000 distinct ones). A report's
        locations are never changed once made. Its place depends on the line and column only."""
        key = (source.line, source.column, source.text, role)
        location = self._locations.get(key)
        if location is None:
            location = self._locations[key] = CheckLocation(line=source.line, column=source.column, text=source.text,
                                                            role=role, **self.placer.place(source))
        return location

    def finding(self, verdict: Verdict) -> Finding:
        rule, fact, lang = verdict.rule, verdict.fact, self.lang
        message = _render(getattr(rule.message, lang), fact, lang)
        suggestion_parts = [note[lang] for note in verdict.notes]
        if rule.suggestion:
            suggestion_parts.append(_render(getattr(rule.suggestion, lang), fact, lang))
        location = fact.location
        return Finding(
            id=self.ids[id(verdict)], rule=rule.id, severity=verdict.severity,  # type: ignore[arg-type]
            group=fact.group, message=message,
            location=Location(line=location.line, column=location.column, end_line=location.end_line, text=location.text,
                              **self.placer.place(location)),
            related=_related(fact, self.placer),
            evidence=Evidence(
                expected=_plain(fact.computed, _computed_decimals(fact)) if fact.checkable else "",
                found=_plain(fact.stated_value, fact.decimals), formula=fact.formula,
            ),
            suggestion=" ".join(_sentence(part) for part in suggestion_parts) or None,
            uncertain=explain(fact.doubts, lang) if verdict.severity == "review" else [],
        )
