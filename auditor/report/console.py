"""The readable report: findings grouped by article or ISE, each with its filled-in equation, both
locations and the suggestion; then what was checked, passed and not checkable."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text as _RichText

from auditor.escape import terminal_safe
from auditor.report.models import Finding, Report
from auditor.report.place import describe

WORDS = {
    "nl": {"error": "FOUT", "warning": "WAARSCHUWING", "review": "TE BEKIJKEN", "info": "info",
           "review_head": "Te bekijken: niet bewezen, een koppeling is een gok", "uncertain": "Onzeker",
           "unread": "Niet gelezen", "nothing": "Niets gecontroleerd: dit document is niet nagekeken, niet in orde bevonden.",
           "partly": "Deels gelezen", "line": "regel", "lines": "regels",
           "vs": "tegenover", "summary": "Samenvatting", "checks": "controles", "passed": "geslaagd",
           "numbers": "getallen geverifieerd", "unchecked": "Niet controleerbaar", "none": "Geen fouten of waarschuwingen.",
           "doc": "Document", "kind": "soort", "year": "jaar", "suggestion": "Suggestie", "computation": "Berekening",
           "passed_checks": "Geslaagde controles"},
    "en": {"error": "ERROR", "warning": "WARNING", "review": "REVIEW", "info": "info",
           "review_head": "To review: not proven, a binding is a guess", "uncertain": "Uncertain",
           "unread": "Not read", "nothing": "Nothing was checked: this document was not audited, not found in order.",
           "partly": "Partly read", "line": "line", "lines": "lines",
           "vs": "against", "summary": "Summary", "checks": "checks", "passed": "passed",
           "numbers": "numbers verified", "unchecked": "Not checkable", "none": "No errors or warnings.",
           "doc": "Document", "kind": "kind", "year": "year", "suggestion": "Suggestion", "computation": "Computation",
           "passed_checks": "Passed checks"},
}
def Text(text: str = "", style: str = "") -> _RichText:  # noqa: N802 - rich's Text, made terminal-safe
    """Every string printed here holds document text or a file name: controls, escape sequences and
    bidi overrides are shown as `\\xNN`, never sent to the terminal."""
    return _SafeText(terminal_safe(text), style=style)


class _SafeText(_RichText):
    def append(self, text, style=None):  # type: ignore[override]
        return super().append(terminal_safe(text) if isinstance(text, str) else text, style)


STYLE = {"error": "bold red", "warning": "yellow", "review": "magenta", "info": "dim"}


def render_console(report: Report, console: Console, lang: str = "nl", *, show_info: bool = True,
                   quiet: bool = False, verbose: bool = False) -> None:
    """quiet: the document line and the summary only; verbose: also every passed check."""
    w = WORDS[lang]
    doc = report.document
    console.print(Text(f"{w['doc']}: {doc.path}  ({w['kind']}: {doc.kind}, {w['year']}: {doc.year or '?'})", style="bold"))
    for notice in doc.notices:
        console.print(Text(f"! {notice}", style="yellow"))
    if not quiet:
        _findings(report, console, lang, show_info)
    if verbose:
        _passed(report, console, lang)
    _summary(report, console, lang)


def _findings(report: Report, console: Console, lang: str, show_info: bool) -> None:
    w = WORDS[lang]
    serious = [f for f in report.findings if f.severity in ("error", "warning")]
    review = [f for f in report.findings if f.severity == "review"]
    groups: dict[str, list[Finding]] = {}
    for finding in serious:
        groups.setdefault(finding.group or "—", []).append(finding)
    if report.coverage.status == "nothing_checked":
        console.print(Text(w["nothing"], style="bold red"))
    elif not serious:
        console.print(Text(w["none"], style="green"))
    for group, findings in groups.items():
        console.print()
        console.rule(Text(group, style="bold"))
        for finding in findings:
            _finding(finding, console, lang)
    if review:
        console.print()
        console.rule(Text(f"{w['review_head']} ({len(review)})", style="magenta"))
        for finding in review:
            _finding(finding, console, lang)
    if report.coverage.unread:
        console.print()
        console.rule(Text(f"{w['unread']} ({len(report.coverage.unread)})", style="yellow"))
        for item in report.coverage.unread:
            console.print(Text(f"  {describe(item, lang)}: {item.text} — {item.reason}", style="yellow"))
    infos = [f for f in report.findings if f.severity == "info"]
    if infos and show_info:
        console.print()
        console.rule(Text(f"{w['unchecked']} ({len(infos)})", style="dim"))
        for finding in infos:
            console.print(Text(f"  {_span(finding, lang)}: {finding.message}", style="dim"))


def _finding(finding: Finding, console: Console, lang: str) -> None:
    w = WORDS[lang]
    head = Text()
    head.append(f"{w[finding.severity]} ", style=STYLE[finding.severity])
    head.append(f"{finding.rule}  {_span(finding, lang)}: ", style="bold")
    head.append(finding.message)
    console.print(head)
    console.print(Text(f"    {w['computation']}: {finding.evidence.formula}", style="cyan"))
    if finding.related:
        related = "; ".join(f"{r.text} ({describe(r, lang)}, {r.role})" for r in finding.related)
        console.print(Text(f"    {w['vs']}: {related}"))
    for doubt in finding.uncertain:
        console.print(Text(f"    {w['uncertain']}: {doubt}", style="magenta"))
    if finding.suggestion:
        console.print(Text(f"    {w['suggestion']}: {finding.suggestion}", style="green"))


def _passed(report: Report, console: Console, lang: str) -> None:
    passed = [c for c in report.checks if c.status == "passed"]
    console.print()
    console.rule(Text(f"{WORDS[lang]['passed_checks']} ({len(passed)})", style="green"))
    for check in passed:
        places = ", ".join(f"{loc.text} ({describe(loc, lang)})" for loc in check.locations)
        console.print(Text(f"  ✓ {check.rule}  {check.subject}: {check.formula}", style="green"))
        console.print(Text(f"      {places}", style="dim"))


def _summary(report: Report, console: Console, lang: str) -> None:
    w = WORDS[lang]
    s = report.summary
    console.print()
    table = Table(title=w["summary"], show_header=False)
    table.add_row(w["error"], str(s.errors))
    table.add_row(w["warning"], str(s.warnings))
    table.add_row(w["review"], str(s.review))
    table.add_row(w["info"], str(s.info))
    table.add_row(w["checks"], f"{s.checks} ({s.passed} {w['passed']})")
    table.add_row(w["numbers"], f"{s.numbers_verified} / {s.numbers}")
    console.print(table)


def _span(finding: Finding, lang: str) -> str:
    return describe(finding.location, lang, finding.location.end_line)
