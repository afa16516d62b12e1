"""`bbt-audit diff` in each format: console (rich), JSON (the DiffReport), Markdown (for a mail) and HTML
(one self-contained page). Changes are grouped per article (or ISE, or section)."""

from __future__ import annotations

import html
from itertools import groupby

from auditor.report.diff_models import DiffReport, NumberChange
from auditor.escape import terminal_safe
from auditor.report.models import Finding

WORDS = {
    "nl": {"title": "Verschil tussen twee versies", "numbers": "Gewijzigde getallen", "appeared": "Nieuwe bevindingen",
           "resolved": "Opgeloste bevindingen", "none": "geen", "changed": "gewijzigd", "added": "toegevoegd",
           "removed": "verwijderd", "line": "regel", "old": "oud", "new": "nieuw", "kept": "ongewijzigde bevindingen"},
    "en": {"title": "Difference between two versions", "numbers": "Changed numbers", "appeared": "New findings",
           "resolved": "Resolved findings", "none": "none", "changed": "changed", "added": "added",
           "removed": "removed", "line": "line", "old": "old", "new": "new", "kept": "findings unchanged"},
}
SEVERITY = {"nl": {"error": "FOUT", "warning": "WAARSCHUWING", "review": "TE BEKIJKEN", "info": "info"},
            "en": {"error": "ERROR", "warning": "WARNING", "review": "REVIEW", "info": "info"}}


def to_diff_json(diff: DiffReport) -> str:
    return diff.model_dump_json(indent=2) + "\n"


def _change(c: NumberChange, lang: str) -> str:
    w = WORDS[lang]
    where = c.what if c.what != "tekst" else ("tekst" if lang == "nl" else "text")
    if c.change == "changed":
        return f"{where}: {c.old} → {c.new} ({w['line']} {c.old_line} → {c.new_line})"
    if c.change == "added":
        return f"{where}: + {c.new} ({w['added']}, {w['line']} {c.new_line})"
    return f"{where}: − {c.old} ({w['removed']}, {w['line']} {c.old_line})"


def _finding(f: Finding, lang: str) -> str:
    return f"{SEVERITY[lang][f.severity]} {f.rule} ({WORDS[lang]['line']} {f.location.line}): {f.message}"


def _groups(diff: DiffReport):
    ordered = sorted(diff.numbers, key=lambda c: c.group)
    return [(group, list(items)) for group, items in groupby(ordered, key=lambda c: c.group)]


def _counts(diff: DiffReport, lang: str) -> str:
    s, w = diff.summary, WORDS[lang]
    return (f"{s.changed} {w['changed']}, {s.added} {w['added']}, {s.removed} {w['removed']}; "
            f"{w['appeared'].lower()}: {s.appeared}, {w['resolved'].lower()}: {s.resolved}, {w['kept']}: {s.kept}")


def to_diff_markdown(diff: DiffReport, lang: str = "nl") -> str:
    def md(text: str) -> str:
        return text.replace("\\", "\\\\").replace("<", "&lt;").replace("*", "\\*").replace("_", "\\_").replace("\n", " ")

    w = WORDS[lang]
    out = [f"# {w['title']}", "", f"{w['old']}: `{diff.old.path}` — {w['new']}: `{diff.new.path}`", "", _counts(diff, lang),
           "", f"## {w['numbers']}", ""]
    for group, items in _groups(diff):
        out.append(f"**{md(group)}**")
        out += [f"- {md(_change(c, lang))}" for c in items]
        out.append("")
    if not diff.numbers:
        out += [w["none"], ""]
    for title, findings in ((w["appeared"], diff.appeared), (w["resolved"], diff.resolved)):
        out += [f"## {title}", ""] + ([f"- {md(_finding(f, lang))}" for f in findings] or [w["none"]]) + [""]
    return "\n".join(out)


def to_diff_html(diff: DiffReport, lang: str = "nl") -> str:
    w, e = WORDS[lang], html.escape
    parts = [f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">",
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
             f"<title>{e(w['title'])}</title><style>body{{font-family:sans-serif;margin:2em}}.error{{color:#b00}}"
             ".warning{color:#a60}.review{color:#808}</style></head><body>",
             f"<h1>{e(w['title'])}</h1><p>{e(w['old'])}: <code>{e(diff.old.path)}</code> — {e(w['new'])}: "
             f"<code>{e(diff.new.path)}</code></p><p>{e(_counts(diff, lang))}</p><h2>{e(w['numbers'])}</h2>"]
    for group, items in _groups(diff):
        parts.append(f"<h3>{e(group)}</h3><ul>" + "".join(f"<li>{e(_change(c, lang))}</li>" for c in items) + "</ul>")
    for title, findings in ((w["appeared"], diff.appeared), (w["resolved"], diff.resolved)):
        parts.append(f"<h2>{e(title)}</h2><ul>" + ("".join(f"<li class=\"{f.severity}\">{e(_finding(f, lang))}</li>"
                                                          for f in findings) or f"<li>{e(w['none'])}</li>") + "</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def render_diff_console(diff: DiffReport, console, lang: str = "nl") -> None:
    from rich.text import Text

    w = WORDS[lang]
    console.print(Text(terminal_safe(f"{w['title']}: {diff.old.path} → {diff.new.path}"), style="bold"))
    console.print(Text(_counts(diff, lang)))
    for group, items in _groups(diff):
        console.rule(Text(terminal_safe(group)))
        for c in items:
            console.print(Text(terminal_safe("  " + _change(c, lang))))
    for title, findings, style in ((w["appeared"], diff.appeared, "bold red"), (w["resolved"], diff.resolved, "green")):
        console.print(Text(f"{title}: {len(findings)}", style=style))
        for f in findings:
            console.print(Text(terminal_safe("  " + _finding(f, lang))))
