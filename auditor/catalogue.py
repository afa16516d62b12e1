"""The rules catalogue as Markdown, generated from rules/ (the README embeds it)."""

from __future__ import annotations

from auditor.rules.spec import RuleSpec

BEGIN = "<!-- rules-catalogue:begin -->"
END = "<!-- rules-catalogue:end -->"


def catalogue_markdown(rules: list[RuleSpec]) -> str:
    lines = ["| id | relatie | controle | ernst |", "|---|---|---|---|"]
    for rule in sorted(rules, key=lambda r: r.id):
        severities = "/".join(dict.fromkeys(o.severity for o in rule.outcomes))
        lines.append(f"| `{rule.id}` | {rule.relation} | **{rule.title.nl}** — {rule.description.nl} | {severities} |")
    return "\n".join(lines) + "\n"
