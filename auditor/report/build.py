"""Turn verdicts into findings and checks: messages in the user's language, both locations, the
filled-in equation, the typo diagnosis and which side the other evidence supports."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from auditor.claims.models import Claims
from auditor.ingest import SourceText
from auditor.numbers import format_dutch, round_half_up
from auditor.quantity import Quantity
from auditor.relations.doubt import explain
from auditor.relations.fact import Fact
from auditor.relations.typo import diagnose, percentage_supports
from auditor.report.place import Placer
from auditor.report.models import (
    Check, CheckLocation, DocumentInfo, Evidence, Finding, Location, Related, Report, Summary, Tool,
)
from auditor.rules.engine import Verdict

UNIT_NAMES = {"nl": {"keuro": "keuro", "pct": "%", "pp": "procentpunt", "count": "aantal"},
              "en": {"keuro": "keuro", "pct": "%", "pp": "percentage points", "count": "count"}}
DIAGNOSED = {"restatement", "table_total", "rollup", "net_movement", "indicator", "gap", "ratio", "percentage"}


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
        "unit": UNIT_NAMES[lang].get(fact.unit, fact.unit),
    }
    return template.format_map(values)


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


def _related(fact: Fact, placer: Placer) -> list[Related]:
    doubted = fact.location
    related: list[Related] = []
    operands = ([fact.stated] if fact.stated else []) + fact.operands
    for operand in operands:
        source = operand.quantity.source
        if source.line == doubted.line and source.column == doubted.column and operand is fact.stated:
            continue
        related.append(Related(line=source.line, column=source.column, text=source.text, role=operand.role,
                               **placer.place(source)))
    return related


class ReportBuilder:
    def __init__(self, claims: Claims, facts: list[Fact], lang: str, source: SourceText | None = None) -> None:
        self.claims = claims
        self.placer = Placer(source)
        self.lang = lang
        self.passed_quantities: set[str] = set()
        self._percentage_facts = [f for f in facts if f.kind == "percentage"]

    def build(self, verdicts: list[Verdict], document: DocumentInfo, version: str, numbers: set[str]) -> Report:
        findings: list[Finding] = []
        checks: list[Check] = []
        for verdict in verdicts:
            if verdict.severity is None and verdict.rule.counts_as_check:
                self.passed_quantities.update(q.id for q in verdict.fact.quantities())
        failed = sorted((v for v in verdicts if v.severity is not None),
                        key=lambda v: (v.fact.location.line, v.fact.location.column, v.rule.id))
        self.ids = {id(v): fid for v, fid in zip(failed, finding_ids([(v.rule.id, v.fact) for v in failed]))}
        for verdict in verdicts:
            rule, fact = verdict.rule, verdict.fact
            if rule.counts_as_check and verdict.severity != "info":  # info = could not be checked
                checks.append(Check(
                    rule=rule.id, status="passed" if verdict.severity is None else "failed", subject=fact.subject,
                    formula=fact.formula,
                    locations=[CheckLocation(line=q.source.line, column=q.source.column, text=q.source.text, role=o.role,
                                             **self.placer.place(q.source))
                               for o in ([fact.stated] if fact.stated else []) + fact.operands for q in [o.quantity]],
                ))
            if verdict.severity is not None:
                findings.append(self.finding(verdict))
        findings.sort(key=lambda f: (f.location.line, f.rule, f.id))
        checks.sort(key=lambda c: (c.locations[0].line if c.locations else 0, c.rule, c.subject))
        summary = Summary(
            errors=sum(f.severity == "error" for f in findings),
            warnings=sum(f.severity == "warning" for f in findings),
            review=sum(f.severity == "review" for f in findings),
            info=sum(f.severity == "info" for f in findings),
            checks=len(checks), passed=sum(c.status == "passed" for c in checks),
            numbers=len(numbers), numbers_verified=len(self.passed_quantities & numbers),
        )
        return Report(tool=Tool(version=version), document=document, summary=summary, findings=findings, checks=checks)

    def finding(self, verdict: Verdict) -> Finding:
        rule, fact, lang = verdict.rule, verdict.fact, self.lang
        message = _render(getattr(rule.message, lang), fact, lang)
        suggestion_parts: list[str] = []
        if fact.kind in DIAGNOSED and fact.stated is not None and verdict.severity in ("error", "review") and fact.difference != 0:
            slip = diagnose(fact.stated.quantity, round_half_up(fact.computed, fact.decimals))
            if slip:
                suggestion_parts.append(("Mogelijke tikfout: " if lang == "nl" else "Possible typo: ") + slip[lang])
            if fact.kind == "restatement":
                suggestion_parts.extend(self.side_evidence(fact))
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
            suggestion=" ".join(suggestion_parts) or None,
            uncertain=explain(fact.doubts, lang) if verdict.severity == "review" else [],
        )

    def side_evidence(self, fact: Fact) -> list[str]:
        """Which side do other numbers support? A percentage quoted beside the text amount, and
        checks the table cell passed, point at the likely slip."""
        assert fact.stated is not None
        text_q: Quantity = fact.stated.quantity
        cell_q: Quantity = fact.operands[0].quantity
        notes: list[str] = []
        for pct in self.claims.percentages:
            if pct.numerator is None or pct.numerator.id != text_q.id:
                continue
            denominator = self._denominator_for(fact)
            if denominator is None:
                continue
            with_cell = percentage_supports(pct.quantity, cell_q.value, denominator)
            with_text = percentage_supports(pct.quantity, text_q.value, denominator)
            if with_cell and not with_text:
                notes.append(
                    f"Het percentage {pct.quantity.display}% ernaast volgt uit het tabelbedrag {cell_q.display} "
                    f"({cell_q.display} / {format_dutch(denominator)}), niet uit {text_q.display}: waarschijnlijk is de tekst fout."
                    if self.lang == "nl" else
                    f"The percentage {pct.quantity.display}% beside it follows from the table amount {cell_q.display} "
                    f"({cell_q.display} / {format_dutch(denominator)}), not from {text_q.display}: the text is the likely slip."
                )
            elif with_text and not with_cell:
                notes.append(
                    f"Het percentage {pct.quantity.display}% ernaast volgt uit het tekstbedrag {text_q.display}: waarschijnlijk is de tabel fout."
                    if self.lang == "nl" else
                    f"The percentage {pct.quantity.display}% beside it follows from the text amount {text_q.display}: the table is the likely slip."
                )
        if cell_q.id in self.passed_quantities:
            notes.append(
                f"De tabelcel {cell_q.display} klopt met de andere controles (optelling, bewegingen)."
                if self.lang == "nl" else f"The table cell {cell_q.display} agrees with the other checks (roll-up, movements)."
            )
        return notes

    def _denominator_for(self, fact: Fact) -> Decimal | None:
        subject_credit = fact.key.rsplit("|", 1)[-1]
        for pct_fact in self._percentage_facts:
            if pct_fact.operands and pct_fact.key.endswith(f"|{subject_credit}") and pct_fact.stated and \
               pct_fact.operands[0].quantity.id == fact.operands[0].quantity.id:
                return pct_fact.operands[1].quantity.value
        return None
