"""The report of many documents in each format: JSON (the BatchReport), SARIF (one run per document, plus
one for the checks across documents), Markdown (a table per document and the total), HTML (one page: an
index, a section per document, the checks across documents) and the console (the same table, with rich)."""

from __future__ import annotations

import html
import json
from pathlib import Path

from auditor.report.batch_models import BatchReport, CrossFinding
from auditor.escape import terminal_safe

WORDS = {
    "nl": {"doc": "document", "kind": "soort", "year": "jaar", "errors": "fouten", "warnings": "waarsch.",
           "review": "te bekijken", "info": "info", "checks": "controles", "status": "gelezen",
           "total": "Totaal", "unreadable": "Niet gelezen", "cross": "Over documenten heen",
           "pairs": "paren", "pairings": "gewijzigde artikelcodes", "none": "geen bevindingen over documenten heen",
           "suppressed": "onderdrukt (baseline)", "title": "bbt-auditor: documenten", "reason": "reden",
           "exit": "afsluitcode", "by": {"title_and_amounts": "titel en bedragen", "title": "titel", "amounts": "bedragen"},
           "status_words": {"read": "gelezen", "partly_read": "deels gelezen", "nothing_checked": "niets gecontroleerd"}},
    "en": {"doc": "document", "kind": "kind", "year": "year", "errors": "errors", "warnings": "warnings",
           "review": "review", "info": "info", "checks": "checks", "status": "read",
           "total": "Total", "unreadable": "Not read", "cross": "Across documents",
           "pairs": "pairs", "pairings": "changed article codes", "none": "no findings across documents",
           "suppressed": "suppressed (baseline)", "title": "bbt-auditor: documents", "reason": "reason",
           "exit": "exit code", "by": {"title_and_amounts": "title and amounts", "title": "title", "amounts": "amounts"},
           "status_words": {"read": "read", "partly_read": "partly read", "nothing_checked": "nothing checked"}},
}
SEVERITY_WORDS = {"nl": {"error": "FOUT", "warning": "WAARSCHUWING", "review": "TE BEKIJKEN", "info": "info"},
                  "en": {"error": "ERROR", "warning": "WARNING", "review": "REVIEW", "info": "info"}}


def to_batch_json(batch: BatchReport) -> str:
    return batch.model_dump_json(indent=2) + "\n"


def _rows(batch: BatchReport, lang: str) -> list[list[str]]:
    w = WORDS[lang]
    rows = []
    for report in batch.documents:
        s = report.summary
        rows.append([report.document.path, report.document.kind, str(report.document.year or "—"), str(s.errors),
                     str(s.warnings), str(s.review), str(s.info), f"{s.passed}/{s.checks}",
                     w["status_words"][report.coverage.status]])
    return rows


def _header(lang: str) -> list[str]:
    w = WORDS[lang]
    return [w["doc"], w["kind"], w["year"], w["errors"], w["warnings"], w["review"], w["info"], w["checks"], w["status"]]


def _total(batch: BatchReport, lang: str) -> list[str]:
    s = batch.summary
    return [f"{WORDS[lang]['total']} ({s.read}/{s.documents})", "", "", str(s.errors), str(s.warnings), str(s.review),
            str(s.info), "", ""]


def _cross_line(finding: CrossFinding, lang: str) -> str:
    places = "; ".join(f"{Path(p.document).name} {'regel' if lang == 'nl' else 'line'} {p.line}" for p in finding.places)
    return f"{SEVERITY_WORDS[lang][finding.severity]} {finding.rule} {finding.message} ({places})"


# ------------------------------------------------------------------------------------------ Markdown


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ")


def to_batch_markdown(batch: BatchReport, lang: str = "nl") -> str:
    w = WORDS[lang]
    out = [f"# {w['title']}", "", "| " + " | ".join(_header(lang)) + " |", "|" + "---|" * len(_header(lang))]
    out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in _rows(batch, lang)]
    out.append("| " + " | ".join(f"**{c}**" if c else "" for c in _total(batch, lang)) + " |")
    if batch.summary.suppressed:
        out += ["", f"{w['suppressed']}: {batch.summary.suppressed}"]
    if batch.unreadable:
        out += ["", f"## {w['unreadable']}", ""] + [f"- `{_md(u.path)}`: {_md(u.reason)}" for u in batch.unreadable]
    cross = batch.crossdoc
    out += ["", f"## {w['cross']}", "", f"{w['pairs']}: {len(cross.pairs)}; {w['checks']}: {cross.passed}/{cross.checks}", ""]
    out += [f"- {_md(_cross_line(f, lang))}" for f in cross.findings] or [w["none"]]
    if cross.pairings:
        out += ["", f"### {w['pairings']}", ""]
        out += [f"- {_md(p.old_code)} → {_md(p.new_code)} ({_md(p.new_title)}; {w['by'][p.by]})" for p in cross.pairings]
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------------------ HTML


def to_batch_html(batch: BatchReport, lang: str = "nl") -> str:
    """One self-contained page (loads nothing): the index table links to a section per document."""
    w, e = WORDS[lang], html.escape
    parts = [f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">",
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
             f"<title>{e(w['title'])}</title><style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}"
             "td,th{border:1px solid #ccc;padding:.2em .5em}.error{color:#b00}.warning{color:#a60}.review{color:#808}"
             "</style></head><body>", f"<h1>{e(w['title'])}</h1><table><tr>"]
    parts += [f"<th>{e(h)}</th>" for h in _header(lang)] + ["</tr>"]
    for position, row in enumerate(_rows(batch, lang)):
        cells = [f"<td><a href=\"#doc{position}\">{e(row[0])}</a></td>"] + [f"<td>{e(c)}</td>" for c in row[1:]]
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("<tr>" + "".join(f"<th>{e(c)}</th>" for c in _total(batch, lang)) + "</tr></table>")
    if batch.unreadable:
        parts.append(f"<h2>{e(w['unreadable'])}</h2><ul>")
        parts += [f"<li><code>{e(u.path)}</code>: {e(u.reason)}</li>" for u in batch.unreadable]
        parts.append("</ul>")
    parts.append(f"<h2>{e(w['cross'])}</h2><ul>")
    parts += [f"<li class=\"{f.severity}\">{e(_cross_line(f, lang))}</li>" for f in batch.crossdoc.findings] or [f"<li>{e(w['none'])}</li>"]
    parts.append("</ul>")
    for position, report in enumerate(batch.documents):
        parts.append(f"<section id=\"doc{position}\"><h2>{e(report.document.path)}</h2><ul>")
        for finding in report.findings:
            if finding.severity != "info":
                parts.append(f"<li class=\"{finding.severity}\">{e(SEVERITY_WORDS[lang][finding.severity])} "
                             f"{e(finding.rule)} ({'regel' if lang == 'nl' else 'line'} {finding.location.line}): "
                             f"{e(finding.message)}</li>")
        parts.append("</ul></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# ------------------------------------------------------------------------------------------ SARIF


def to_batch_sarif(batch: BatchReport, rules, lang: str = "nl") -> str:
    """One run per document, as the single-document SARIF writes it, and one run for the checks across
    documents whose results name both documents."""
    from auditor.report.sarif import LEVELS, to_sarif

    runs = [json.loads(to_sarif(report, rules, lang))["runs"][0] for report in batch.documents]
    log = json.loads(to_sarif(batch.documents[0], rules, lang)) if batch.documents else {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0"}
    if batch.crossdoc.pairs:
        template = json.loads(json.dumps(runs[0]["tool"])) if runs else {"driver": {"name": "bbt-auditor", "rules": []}}
        artifacts = sorted({p.document for f in batch.crossdoc.findings for p in f.places} |
                           {d for pair in batch.crossdoc.pairs for d in (pair.budget, pair.execution)})
        runs.append({"tool": template, "artifacts": [{"location": {"uri": a}} for a in artifacts], "results": [{
            "ruleId": f.rule, "level": LEVELS[f.severity], "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": p.document},
                                                "region": {"startLine": p.line, "snippet": {"text": p.text}}}}
                          for p in f.places],
            "partialFingerprints": {"bbtFinding/v1": f.id}, "properties": {"severity": f.severity, "uncertain": f.uncertain},
        } for f in batch.crossdoc.findings], "properties": {"crossdoc": True}})
    log["runs"] = runs
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


# ------------------------------------------------------------------------------------------ console


def render_batch_console(batch: BatchReport, console, lang: str = "nl", *, quiet: bool = False) -> None:
    from rich.table import Table
    from rich.text import Text

    w = WORDS[lang]
    if not quiet:
        for report in batch.documents:
            serious = [f for f in report.findings if f.severity in ("error", "warning", "review")]
            if serious:
                console.print(Text(terminal_safe(report.document.path), style="bold"))
                for f in serious:
                    console.print(Text(terminal_safe(f"  {SEVERITY_WORDS[lang][f.severity]} {f.rule}  "
                                                     f"{'regel' if lang == 'nl' else 'line'} {f.location.line}: {f.message}")))
        if batch.crossdoc.findings or batch.crossdoc.pairs:
            console.print(Text(w["cross"], style="bold"))
            for f in batch.crossdoc.findings:
                console.print(Text(terminal_safe("  " + _cross_line(f, lang))))
            for p in batch.crossdoc.pairings:
                console.print(Text(terminal_safe(f"  {w['pairings']}: {p.old_code} → {p.new_code} ({w['by'][p.by]})")))
    table = Table(title=w["title"])
    for head in _header(lang):
        table.add_column(head)
    for row in _rows(batch, lang):
        table.add_row(*(Text(terminal_safe(c)) for c in row))
    table.add_row(*(Text(c, style="bold") for c in _total(batch, lang)))
    console.print(table)
    for u in batch.unreadable:  # below the table: a reason is a sentence, not a cell
        console.print(Text(terminal_safe(f"{w['unreadable']}: {u.path}: {u.reason}")))
    cross = batch.crossdoc
    console.print(f"{w['cross']}: {len(cross.pairs)} {w['pairs']}, {cross.passed}/{cross.checks} {w['checks']}"
                  + (f"; {w['suppressed']}: {batch.summary.suppressed}" if batch.summary.suppressed else ""))
