"""A summary fit for a mail or a pull-request comment: the verdict, the counts, and each error and
warning with its place, equation and suggestion."""

from __future__ import annotations

import re

from auditor.escape import markdown_text, terminal_safe
from auditor.report.models import Report
from auditor.report.place import describe

WORDS = {
    "nl": {"title": "BBT-audit", "errors": "fouten", "warnings": "waarschuwingen", "info": "niet controleerbaar",
           "checks": "controles", "passed": "geslaagd", "numbers": "getallen geverifieerd", "ok": "Geen fouten of waarschuwingen.",
           "kind": "soort", "year": "jaar", "where": "plaats", "rule": "regel", "message": "bevinding",
           "computation": "berekening", "suggestion": "suggestie", "verdict_fail": "❌ fouten gevonden",
           "verdict_warn": "⚠️ waarschuwingen of te bekijken", "verdict_ok": "✅ consistent",
           "verdict_none": "⛔ niets gecontroleerd (niet gelezen, niet in orde bevonden)", "review": "te bekijken",
           "unread": "niet gelezen"},
    "en": {"title": "BBT audit", "errors": "errors", "warnings": "warnings", "info": "not checkable",
           "checks": "checks", "passed": "passed", "numbers": "numbers verified", "ok": "No errors or warnings.",
           "kind": "kind", "year": "year", "where": "where", "rule": "rule", "message": "finding",
           "computation": "computation", "suggestion": "suggestion", "verdict_fail": "❌ errors found",
           "verdict_warn": "⚠️ warnings or to review", "verdict_ok": "✅ consistent",
           "verdict_none": "⛔ nothing checked (not read, not found in order)", "review": "to review",
           "unread": "not read"},
}


def _cell(text: str) -> str:
    """Document text in a table cell or list item: literal, never markup or HTML."""
    return markdown_text(text)


def _code(text: str) -> str:
    """A rule id in a code span: no backtick, pipe or control can end it."""
    return re.sub(r"[`|<>&\s]", "", terminal_safe(text))


def to_markdown(report: Report, lang: str = "nl") -> str:
    w = WORDS[lang]
    s, doc = report.summary, report.document
    verdict = (w["verdict_none"] if report.coverage.status == "nothing_checked" else w["verdict_fail"] if s.errors
               else w["verdict_warn"] if s.warnings or s.review else w["verdict_ok"])
    lines = [
        f"## {w['title']}: {_cell(doc.path)} — {verdict}", "",
        f"{w['kind']}: **{doc.kind}**, {w['year']}: **{doc.year or '?'}**, format: {doc.format}", "",
        f"| {w['errors']} | {w['warnings']} | {w['review']} | {w['info']} | {w['unread']} | {w['checks']} | {w['numbers']} |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {s.errors} | {s.warnings} | {s.review} | {s.info} | {len(report.coverage.unread)} | {s.passed}/{s.checks} {w['passed']} "
        f"| {s.numbers_verified}/{s.numbers} |",
        "",
    ]
    serious = [f for f in report.findings if f.severity != "info"]
    if not serious:
        lines.append(w["ok"])
    else:
        lines += [f"| | {w['rule']} | {w['where']} | {w['message']} | {w['computation']} |", "|---|---|---|---|---|"]
        for finding in serious:
            icon = {"error": "❌", "warning": "⚠️", "review": "❔"}[finding.severity]
            where = describe(finding.location, lang, finding.location.end_line)
            lines.append(f"| {icon} | `{_code(finding.rule)}` | {_cell(where)} | {_cell(finding.message)} | "
                         f"{_cell(finding.evidence.formula)} |")
        suggestions = [(f.rule, describe(f.location, lang), f.suggestion) for f in serious if f.suggestion]
        if suggestions:
            lines += ["", f"**{w['suggestion']}**", ""]
            lines += [f"- `{_code(rule)}` {_cell(where)}: {_cell(text)}" for rule, where, text in suggestions]
    return "\n".join(lines) + "\n"
