"""The HTML audit report: one self-contained file (no external scripts, fonts or styles) with the
summary, the findings with their equations and suggestions, and the document view — the document's
text with every number marked verified (✓), contradicted (✗), rounding difference (~) or not checkable
(grey); clicking a number lists the checks it took part in.

Every piece of document text is escaped; the data the page's script reads is JSON inside a
<script type="application/json"> element with '<' escaped, so a BBT containing '<script>' stays text.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from html import escape

from auditor.ingest import SourceText
from auditor.quantity import Quantity
from auditor.report.models import Report
from auditor.report.place import describe

STATUS_ORDER = ("contradicted", "doubted", "rounding", "verified", "unchecked")
WORDS = {
    "nl": {"title": "BBT-audit", "errors": "fouten", "warnings": "waarschuwingen", "info": "niet controleerbaar",
           "checks": "controles geslaagd", "numbers": "getallen geverifieerd", "findings": "Bevindingen",
           "document": "Document", "none": "Geen fouten of waarschuwingen: alle controleerbare relaties kloppen.",
           "computation": "Berekening", "against": "Tegenover", "suggestion": "Suggestie", "kind": "soort",
           "year": "jaar", "legend": "✓ geverifieerd · ✗ tegengesproken · ~ afrondingsverschil · grijs: niet controleerbaar",
           "panel": "Klik op een getal in het document om de controles te zien waaraan het deelnam.",
           "no_checks": "Dit getal nam aan geen enkele controle deel.", "passed": "geslaagd", "failed": "mislukt",
           "page": "pagina", "unchecked_list": "Niet controleerbaar", "error": "FOUT", "warning": "WAARSCHUWING",
           "review": "TE BEKIJKEN", "reviews": "te bekijken", "uncertain": "Onzeker",
           "unread": "Niet gelezen", "nothing": "Niets gecontroleerd: dit document is niet nagekeken."},
    "en": {"title": "BBT audit", "errors": "errors", "warnings": "warnings", "info": "not checkable",
           "checks": "checks passed", "numbers": "numbers verified", "findings": "Findings",
           "document": "Document", "none": "No errors or warnings: every checkable relation holds.",
           "computation": "Computation", "against": "Against", "suggestion": "Suggestion", "kind": "kind",
           "year": "year", "legend": "✓ verified · ✗ contradicted · ~ rounding difference · grey: not checkable",
           "panel": "Click a number in the document to see the checks it took part in.",
           "no_checks": "This number took part in no check.", "passed": "passed", "failed": "failed",
           "page": "page", "unchecked_list": "Not checkable", "error": "ERROR", "warning": "WARNING",
           "review": "REVIEW", "reviews": "to review", "uncertain": "Uncertain",
           "unread": "Not read", "nothing": "Nothing was checked: this document was not audited."},
}
STATUS = {"nl": {"verified": "✓ geverifieerd", "contradicted": "✗ tegengesproken", "rounding": "~ afrondingsverschil",
                 "doubted": "? te bekijken", "unchecked": "niet controleerbaar"},
          "en": {"verified": "✓ verified", "contradicted": "✗ contradicted", "rounding": "~ rounding difference",
                 "doubted": "? to review", "unchecked": "not checkable"}}

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2329;background:#f6f7f9}
header{background:#0b3d5c;color:#fff;padding:1rem 1.5rem}header h1{margin:0 0 .3rem;font-size:1.3rem}
header p{margin:0;opacity:.85;font-size:.9rem;word-break:break-all}
main{display:grid;grid-template-columns:minmax(0,1fr) 26rem;gap:1rem;padding:1rem 1.5rem}
section{background:#fff;border:1px solid #d9dee3;border-radius:6px;padding:1rem;margin-bottom:1rem}
h2{font-size:1.05rem;margin:.2rem 0 .8rem}
.cards{display:flex;gap:.6rem;flex-wrap:wrap}.card{border-radius:6px;padding:.5rem .8rem;background:#eef1f4;min-width:7rem}
.card b{display:block;font-size:1.4rem}.card.error b{color:#b3261e}.card.warning b{color:#8a5a00}.card.ok b{color:#1b6e3a}
.finding{border-left:4px solid #b3261e;padding:.4rem .7rem;margin:.6rem 0;background:#fdf3f2}
.finding.warning{border-color:#d49a00;background:#fff8e6}.finding.review{border-color:#7b3fb3;background:#f6effc}.finding.info{border-color:#9aa5b1;background:#f3f5f7}
.finding h3{margin:0 0 .3rem;font-size:.95rem}.finding p{margin:.2rem 0;font-size:.9rem}
code{background:#eef1f4;padding:0 .25rem;border-radius:3px}
#doc{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.8rem;line-height:1.45;white-space:pre-wrap;max-height:80vh;overflow:auto}
.ln{color:#9aa5b1;display:inline-block;width:4.5em;user-select:none}.pg{color:#0b3d5c;font-weight:bold;margin:.6rem 0 .2rem}
.n{border-radius:3px;padding:0 2px;cursor:pointer}.n.verified{background:#d8f0df}.n.contradicted{background:#f8d4d0;outline:1px solid #b3261e}
.n.rounding{background:#fdeeb9}.n.doubted{background:#ecdcf8;outline:1px dashed #7b3fb3}.n.unchecked{background:#eceff2;color:#66707a}.n.sel{box-shadow:0 0 0 2px #0b3d5c}
.n::after{font-size:.7em;vertical-align:super;margin-left:1px}.n.verified::after{content:"✓";color:#1b6e3a}
.n.contradicted::after{content:"✗";color:#b3261e}.n.rounding::after{content:"~";color:#8a5a00}
aside{position:sticky;top:1rem;align-self:start}#panel .check{border-top:1px solid #e3e7eb;padding:.4rem 0;font-size:.85rem}
#panel .check.failed b{color:#b3261e}#panel .check.passed b{color:#1b6e3a}.muted{color:#66707a;font-size:.85rem}
@media(max-width:60rem){main{grid-template-columns:1fr}aside{position:static}}
"""

SCRIPT = """
(function(){
  var data = JSON.parse(document.getElementById('audit-data').textContent);
  var panel = document.getElementById('panel');
  function text(tag, cls, value){var e=document.createElement(tag); if(cls){e.className=cls;} e.textContent=value; return e;}
  function show(el){
    document.querySelectorAll('.n.sel').forEach(function(x){x.classList.remove('sel');});
    el.classList.add('sel');
    panel.innerHTML='';
    panel.appendChild(text('h2', '', el.textContent + ' \\u2014 ' + el.getAttribute('data-status-label')));
    var ids = (el.getAttribute('data-checks') || '').split(' ').filter(Boolean);
    if(!ids.length){panel.appendChild(text('p', 'muted', data.words.no_checks)); return;}
    ids.forEach(function(id){
      var c = data.checks[+id];
      var box = text('div', 'check ' + c.status, '');
      box.setAttribute('data-rule', c.rule);
      box.appendChild(text('b', '', c.rule + ' \\u00b7 ' + (c.status === 'passed' ? data.words.passed : data.words.failed)));
      box.appendChild(text('div', '', c.subject));
      if(c.formula){box.appendChild(text('code', '', c.formula));}
      c.places.forEach(function(p){box.appendChild(text('div', 'muted', p));});
      if(c.message){box.appendChild(text('div', '', c.message));}
      panel.appendChild(box);
    });
  }
  document.querySelectorAll('.n').forEach(function(el){
    el.addEventListener('click', function(){show(el);});
    el.addEventListener('keydown', function(e){if(e.key==='Enter'){show(el);}});
  });
  document.querySelectorAll('a[data-goto]').forEach(function(a){
    a.addEventListener('click', function(e){
      var el = document.getElementById(a.getAttribute('data-goto'));
      if(el){e.preventDefault(); el.scrollIntoView({block:'center'}); show(el);}
    });
  });
})();
"""


@dataclass
class _Mark:
    quantity: Quantity
    status: str
    checks: list[int]


def to_html(report: Report, source: SourceText, quantities: list[Quantity], lang: str = "nl") -> str:
    w = WORDS[lang]
    checks, by_place = _checks(report, lang)
    marks = _marks(report, quantities, by_place)
    doc = report.document
    s = report.summary
    share = f"{100 * s.numbers_verified / s.numbers:.0f}%" if s.numbers else "—"
    parts = [
        "<!DOCTYPE html>", f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # nothing is loaded from anywhere: the report opens offline
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">",
        f"<title>{escape(w['title'])} — {escape(doc.path)}</title><style>{STYLE}</style></head><body>",
        f"<header><h1>{escape(w['title'])}: {escape(doc.path.rsplit('/', 1)[-1])}</h1>",
        f"<p>{escape(doc.path)} · {escape(doc.format)} · {w['kind']}: <b>{escape(doc.kind)}</b> · "
        f"{w['year']}: <b>{doc.year or '?'}</b> · sha256 {escape(doc.sha256[:16])}… · "
        f"{escape(report.tool.name)} {escape(report.tool.version)}</p></header><main><div>",
        '<section id="summary"><div class="cards">',
        f'<div class="card error"><b>{s.errors}</b>{w["errors"]}</div>',
        f'<div class="card warning"><b>{s.warnings}</b>{w["warnings"]}</div>',
        f'<div class="card review"><b>{s.review}</b>{w["reviews"]}</div>',
        f'<div class="card"><b>{s.info}</b>{w["info"]}</div>',
        f'<div class="card ok"><b>{s.passed}/{s.checks}</b>{w["checks"]}</div>',
        f'<div class="card ok"><b>{share}</b>{w["numbers"]} ({s.numbers_verified}/{s.numbers})</div>',
        "</div></section>",
        f'<p class="finding error">{escape(w["nothing"])}</p>' if report.coverage.status == "nothing_checked" else "",
        _findings_html(report, marks, lang),
        _unread_html(report, lang),
        f'<section><h2>{w["document"]}</h2><p class="muted">{escape(w["legend"])}</p><div id="doc">',
        _document_html(source, marks, lang),
        "</div></section></div>",
        f'<aside><section id="panel"><p class="muted">{escape(w["panel"])}</p></section></aside></main>',
        '<script type="application/json" id="audit-data">',
        _json_for_script({"checks": checks, "words": {k: w[k] for k in ("no_checks", "passed", "failed")}}),
        f"</script><script>{SCRIPT}</script></body></html>",
    ]
    return "\n".join(parts) + "\n"


def _checks(report: Report, lang: str) -> tuple[list[dict], dict[tuple[int, str], list[int]]]:
    """Every check and failed relation, numbered, and which numbers (line, printed text) took part."""
    entries: list[dict] = []
    by_place: dict[tuple[int, str], list[int]] = defaultdict(list)
    for check in report.checks:
        index = len(entries)
        entries.append({"rule": check.rule, "status": check.status, "subject": check.subject, "formula": check.formula,
                        "places": [f"{loc.text} — {describe(loc, lang)} — {loc.role}" for loc in check.locations],
                        "message": ""})
        for loc in check.locations:
            by_place[(loc.line, loc.text)].append(index)
    for finding in report.findings:
        if finding.severity != "info":
            continue  # errors and warnings are failed checks above; info lists what could not be checked
        index = len(entries)
        entries.append({"rule": finding.rule, "status": "failed", "subject": finding.message, "formula": "",
                        "places": [], "message": ""})
        by_place[(finding.location.line, finding.location.text)].append(index)
    for entry, check in zip(entries, report.checks):
        if check.status == "failed":
            finding = next((f for f in report.findings if f.rule == check.rule and f.evidence.formula == check.formula), None)
            if finding is not None:
                entry["message"] = finding.message + (f" {finding.suggestion}" if finding.suggestion else "")
    return entries, by_place


def _marks(report: Report, quantities: list[Quantity], by_place: dict[tuple[int, str], list[int]]) -> dict[str, _Mark]:
    doubted: dict[tuple[int, str], str] = {}
    involved: dict[tuple[int, str], str] = {}
    for finding in report.findings:
        if finding.severity == "info":
            continue
        status = {"error": "contradicted", "review": "doubted"}.get(finding.severity, "rounding")
        for text in finding.location.text.split(", "):
            _worst(doubted, (finding.location.line, text), status)
            for line in range(finding.location.line, finding.location.end_line + 1):
                _worst(doubted, (line, text), status)
        for related in finding.related:
            _worst(involved, (related.line, related.text), status)
    passed = {place for place, ids in by_place.items() if any(report.checks[i].status == "passed"
                                                             for i in ids if i < len(report.checks))}
    marks: dict[str, _Mark] = {}
    for quantity in quantities:
        place = (quantity.source.line, quantity.source.text)
        if place in doubted:
            status = doubted[place]
        elif place in passed:
            status = "verified"
        else:
            status = involved.get(place, "unchecked")
        marks[quantity.id] = _Mark(quantity, status, by_place.get(place, []))
    return marks


def _worst(statuses: dict[tuple[int, str], str], place: tuple[int, str], status: str) -> None:
    current = statuses.get(place)
    if current is None or STATUS_ORDER.index(status) < STATUS_ORDER.index(current):
        statuses[place] = status


def _anchor(quantity: Quantity) -> str:
    return f"q-{quantity.source.line}-{quantity.source.column}"


def _findings_html(report: Report, marks: dict[str, _Mark], lang: str) -> str:
    w = WORDS[lang]
    anchors = {(m.quantity.source.line, m.quantity.source.text): _anchor(m.quantity) for m in marks.values()}
    order = {"error": 0, "warning": 1, "review": 2}
    serious = sorted((f for f in report.findings if f.severity != "info"), key=lambda f: order[f.severity])
    out = [f'<section id="findings"><h2>{w["findings"]} ({len(serious)})</h2>']
    if not serious:
        out.append(f'<p>{escape(w["none"])}</p>')
    for finding in serious:
        first = finding.location.text.split(", ")[0]
        target = anchors.get((finding.location.line, first), "")
        where = escape(describe(finding.location, lang, finding.location.end_line))
        out.append(f'<div class="finding {finding.severity}" data-rule="{escape(finding.rule)}">')
        out.append(f'<h3>{escape(w[finding.severity])} {escape(finding.rule)} · '
                   f'<a href="#{target}" data-goto="{target}">{where}</a></h3>')
        out.append(f"<p>{escape(finding.message)}</p>")
        out.append(f'<p>{w["computation"]}: <code>{escape(finding.evidence.formula)}</code></p>')
        if finding.related:
            related = "; ".join(f"{escape(r.text)} ({escape(describe(r, lang))}, {escape(r.role)})" for r in finding.related)
            out.append(f"<p>{w['against']}: {related}</p>")
        for doubt in finding.uncertain:
            out.append(f"<p>{w['uncertain']}: {escape(doubt)}</p>")
        if finding.suggestion:
            out.append(f"<p>{w['suggestion']}: {escape(finding.suggestion)}</p>")
        out.append("</div>")
    out.append("</section>")
    return "\n".join(out)


def _unread_html(report: Report, lang: str) -> str:
    """Rows, tables and sections the reader could not read or check: listed, never skipped in silence."""
    unread = report.coverage.unread
    if not unread:
        return ""
    w = WORDS[lang]
    items = "".join(f"<li>{escape(describe(u, lang))}: {escape(u.text)} — {escape(u.reason)}</li>" for u in unread)
    return f'<section id="unread"><h2>{w["unread"]} ({len(unread)})</h2><ul>{items}</ul></section>'


def _document_html(source: SourceText, marks: dict[str, _Mark], lang: str) -> str:
    w = WORDS[lang]
    per_line: dict[int, list[_Mark]] = defaultdict(list)
    for mark in marks.values():
        per_line[mark.quantity.source.line].append(mark)
    out: list[str] = []
    page = None
    for number, line in enumerate(source.lines, start=1):
        origin = source.origin(number)
        if origin is not None and origin.page is not None and origin.page != page:
            page = origin.page
            out.append(f'<div class="pg">— {w["page"]} {page} —</div>')
        out.append(f'<span class="ln">{number}</span>{_line_html(line, per_line.get(number, []), lang)}\n')
    return "".join(out)


def _line_html(line: str, line_marks: list[_Mark], lang: str) -> str:
    pieces: list[str] = []
    position = 0
    for mark in sorted(line_marks, key=lambda m: m.quantity.source.column):
        start = mark.quantity.source.column
        text = mark.quantity.source.text
        if start < position or line[start:start + len(text)] != text:
            continue  # a number read across lines or overlapping another: left as plain text
        pieces.append(escape(line[position:start]))
        checks = " ".join(str(i) for i in mark.checks)
        label = STATUS[lang][mark.status]
        pieces.append(f'<span class="n {mark.status}" id="{_anchor(mark.quantity)}" tabindex="0" '
                      f'data-status="{mark.status}" data-status-label="{label}" data-checks="{checks}">'
                      f"{escape(text)}</span>")
        position = start + len(text)
    pieces.append(escape(line[position:]))
    return "".join(pieces)


def _json_for_script(data: object) -> str:
    """JSON that cannot end the <script> element it sits in."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
