"""SARIF 2.1.0 for publishing pipelines and code-scanning dashboards: one run, the rules with their
help text, one result per finding (error → error, warning → warning, info → note) with its physical
location and the related numbers. Deterministic, like the JSON report."""

from __future__ import annotations

import json
from typing import Any

from auditor.report.models import Finding, Place, Report
from auditor.rules.spec import RuleSpec

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# "review" is not proven: a note, with the auditor's own level in the result's properties
LEVELS = {"error": "error", "warning": "warning", "review": "note", "info": "note"}
INFORMATION_URI = "https://github.com/bbt-auditor/bbt-auditor"


def to_sarif(report: Report, rules: list[RuleSpec], lang: str = "nl") -> str:
    ordered = sorted(rules, key=lambda r: r.id)
    index = {rule.id: position for position, rule in enumerate(ordered)}
    uri = report.document.path
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": report.tool.name, "version": report.tool.version, "informationUri": INFORMATION_URI,
                "language": lang, "rules": [_rule(rule, lang) for rule in ordered],
            }},
            "artifacts": [{"location": {"uri": uri}, "hashes": {"sha-256": report.document.sha256},
                           "properties": {"format": report.document.format, "kind": report.document.kind,
                                          "year": report.document.year}}],
            "results": [_result(finding, index, uri) for finding in report.findings],
            "properties": {"summary": report.summary.model_dump()},
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rule(rule: RuleSpec, lang: str) -> dict[str, Any]:
    title, description = getattr(rule.title, lang), getattr(rule.description, lang)
    severities = [o.severity for o in rule.outcomes]
    return {
        "id": rule.id,
        "name": rule.id.replace("-", ""),
        "shortDescription": {"text": title},
        "fullDescription": {"text": description},
        "help": {"text": f"{title}. {description}", "markdown": f"**{title}**\n\n{description}"},
        "defaultConfiguration": {"level": LEVELS[severities[0]]},
        "properties": {"relation": getattr(rule.relation, lang), "severities": severities},
    }


def _result(finding: Finding, index: dict[str, int], uri: str) -> dict[str, Any]:
    location = finding.location
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message + (f" {finding.suggestion}" if finding.suggestion else "")},
        "locations": [_location(location, uri, location.end_line, location.text)],
        "partialFingerprints": {"bbtFinding/v1": finding.id},
        "properties": {"group": finding.group, "formula": finding.evidence.formula,
                       "expected": finding.evidence.expected, "found": finding.evidence.found,
                       "severity": finding.severity, "uncertain": finding.uncertain},
    }
    if finding.related:
        result["relatedLocations"] = [
            {**_location(r, uri, r.line, r.text), "id": position, "message": {"text": f"{r.text} ({r.role})"}}
            for position, r in enumerate(finding.related)
        ]
    return result


def _location(place: Place, uri: str, end_line: int, text: str) -> dict[str, Any]:
    extra = {k: v for k, v in place.model_dump(include={"page", "page_line", "bbox", "paragraph", "heading", "table"}).items()
             if v is not None}
    location: dict[str, Any] = {"physicalLocation": {
        "artifactLocation": {"uri": uri},
        "region": {"startLine": place.line, "endLine": max(end_line, place.line), "snippet": {"text": text}},
    }}
    if extra:
        location["properties"] = extra  # page and box in a PDF, paragraph or table cell in a Word draft
    return location
