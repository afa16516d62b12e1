"""Checks across documents: the BA of year N printed in the execution BBT of year N is the BA of year N in
the budget BBT of year N+1, per begrotingsartikel and per ISE, per credit.

The work is split so that a process pool can do the heavy part: `ledger_of` reads what a check across
documents needs from one audited document (small, picklable); `cross_check` pairs the ledgers of a set
and builds facts (auditor.relations.fact.comparison) that the rule files of kind `cross_ba` and
`cross_ise_ba` (rules/over-documenten/) judge with the same engine as every other rule.

Pairing, in order of certainty:
- documents: a budget BBT of year N+1 with the execution BBT of year N that shares most article codes or
  titles with it (a year holds some 30 BBTs of different domains);
- articles: by code; an article whose code changed between the years (GE0 → GB0) by its title and ESR
  suffix, or by its amounts (both credits equal, and unique) — the pairing is reported; a pairing by title
  whose amounts differ is a guess (`paired_by_title`: review at most);
- ISEs: by name.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from auditor.numbers import format_dutch
from auditor.quantity import Quantity
from auditor.relations.fact import Fact, Operand, comparison
from auditor.report.batch_models import CodePairing, CrossFinding, CrossPlace, CrossReport, DocumentPair
from auditor.report.models import Evidence
from auditor.structure.models import BBTDocument, BudgetTable

CREDITS = ("VAK", "VEK")
SIBLING = {"VAK": "VEK", "VEK": "VAK"}
# a budget and an execution BBT are one domain's pair when they share at least this many articles
MIN_SHARED_ARTICLES = 1

CROSS_DOUBTS: dict[str, dict[str, str]] = {
    "paired_by_title": {
        "nl": "de artikelcode veranderde; het artikel is gekoppeld op zijn titel, niet op code of bedragen",
        "en": "the article code changed; the article is paired by its title, not by code or amounts",
    },
    "stale": {
        "nl": "dit krediet herhaalt het cijfer van een ander jaar terwijl het andere krediet klopt: waarschijnlijk niet bijgewerkt (een vermoeden)",
        "en": "this credit repeats another year's figure while its sibling credit agrees: probably not updated (a guess)",
    },
    "ise_subtables": {
        "nl": "onder deze ISE staan meerdere tabellen; niet zeker dat deze tabel het geheel van de ISE is",
        "en": "this ISE has several tables; not certain that this table is the ISE as a whole",
    },
}


class Figure(BaseModel):
    """One printed BA (or another stage, for the stale-figure test) of one article or ISE and credit."""

    stage: str  # BA, BA-JR, BU, BO
    year: int | None
    credit: str
    quantity: Quantity


class Entry(BaseModel):
    scope: Literal["article", "ise"]
    code: str  # the article code, or the ISE's name for an ISE
    title: str
    ise: str | None = None  # for an article: the name of its ISE
    esr_suffix: str = ""
    doubts: list[str] = []
    figures: list[Figure] = []

    def figure(self, stage: str, year: int | None, credit: str) -> Figure | None:
        return next((f for f in self.figures if f.stage == stage and f.year == year and f.credit == credit), None)


class Ledger(BaseModel):
    """What the checks across documents need from one document."""

    path: str
    kind: Literal["uitvoering", "begroting", "unknown"]
    year: int | None
    entries: list[Entry] = []

    @property
    def ba_year(self) -> int | None:
        """The year whose BA this document prints: its own year (execution), the year before (budget)."""
        if self.year is None:
            return None
        return self.year if self.kind == "uitvoering" else self.year - 1

    def articles(self) -> dict[str, Entry]:
        return {e.code: e for e in self.entries if e.scope == "article"}

    def ises(self) -> dict[str, Entry]:
        return {e.code: e for e in self.entries if e.scope == "ise"}


def normalise(title: str) -> str:
    """Titles as compared across years: case, punctuation and spacing ignored."""
    return " ".join(re.sub(r"[^\w]+", " ", title.lower()).split())


def _figures(tables: list[BudgetTable | None], default_year: int | None) -> list[Figure]:
    figures: list[Figure] = []
    for table in tables:
        if table is None:
            continue
        main = table.main_row()
        for cell in table.cells:
            if cell.credit in CREDITS and cell.row == main and cell.column in ("BA", "BA-JR", "BU", "BO"):
                year = cell.year or (table.year if cell.column != "BA" or default_year is None else default_year)
                figures.append(Figure(stage=cell.column, year=year, credit=cell.credit, quantity=cell.quantity))
    return figures


def ledger_of(document: BBTDocument, path: str) -> Ledger:
    ledger = Ledger(path=path, kind=document.kind, year=document.year)
    ba_year = ledger.ba_year
    ise_names = {ise.id: ise.name for ise in document.ises}
    for article in document.articles:
        if article.kind != "expenditure":
            continue
        figures = _figures([article.table, article.evolution], ba_year)
        if figures:
            ledger.entries.append(Entry(scope="article", code=article.code, title=article.title,
                                        ise=ise_names.get(article.ise or ""), esr_suffix=article.esr_suffix,
                                        figures=figures))
    for ise in document.ises:
        figures = _figures([ise.table], ba_year)
        if figures:
            ledger.entries.append(Entry(scope="ise", code=normalise(ise.name), title=ise.name,
                                        doubts=["ise_subtables"] if ise.subtables else [], figures=figures))
    return ledger


# ------------------------------------------------------------------------------------------ pairing


def _shared(budget: Ledger, execution: Ledger) -> int:
    a, b = budget.articles(), execution.articles()
    titles_a = {normalise(e.title) for e in a.values()}
    return len(a.keys() & b.keys()) + sum(normalise(e.title) in titles_a for c, e in b.items() if c not in a)


def pair_documents(ledgers: list[Ledger]) -> list[tuple[Ledger, Ledger]]:
    """(execution N, budget N+1) pairs, each document in at most one pair, best overlap first."""
    candidates: list[tuple[int, int, int]] = []
    for i, execution in enumerate(ledgers):
        if execution.kind != "uitvoering" or execution.year is None:
            continue
        for j, budget in enumerate(ledgers):
            if budget.kind == "begroting" and budget.year == execution.year + 1:
                shared = _shared(budget, execution)
                if shared >= MIN_SHARED_ARTICLES:
                    candidates.append((shared, i, j))
    used: set[int] = set()
    pairs: list[tuple[Ledger, Ledger]] = []
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i not in used and j not in used:
            used.update((i, j))
            pairs.append((ledgers[i], ledgers[j]))
    return sorted(pairs, key=lambda p: (p[0].path, p[1].path))


def _amounts(entry: Entry, year: int | None) -> tuple[Decimal, ...] | None:
    values = [entry.figure("BA", year, credit) for credit in CREDITS]
    return None if any(v is None for v in values) else tuple(v.quantity.value for v in values)  # type: ignore[union-attr]


def pair_articles(execution: Ledger, budget: Ledger) -> tuple[list[tuple[Entry, Entry, list[str]]], list[CodePairing]]:
    """(old, new, doubts) per article present in both; the code changes found, with how they were paired."""
    year = execution.ba_year
    old, new = execution.articles(), budget.articles()
    pairs = [(old[code], new[code], []) for code in old if code in new]
    left = {c: e for c, e in old.items() if c not in new}
    right = {c: e for c, e in new.items() if c not in old}
    pairings: list[CodePairing] = []

    def take(o: Entry, n: Entry, by: str, doubts: list[str]) -> None:
        pairs.append((o, n, doubts))
        left.pop(o.code)
        right.pop(n.code)
        pairings.append(CodePairing(execution=execution.path, budget=budget.path, old_code=o.code, new_code=n.code,
                                    old_title=o.title, new_title=n.title, by=by))  # type: ignore[arg-type]

    def unique(entries: dict[str, Entry], key) -> dict[object, Entry]:
        grouped: dict[object, list[Entry]] = defaultdict(list)
        for entry in entries.values():
            grouped[key(entry)].append(entry)
        return {k: v[0] for k, v in grouped.items() if len(v) == 1 and k is not None}

    by_title = lambda e: (normalise(e.title), e.esr_suffix)  # noqa: E731
    by_amounts = lambda e: (_amounts(e, year), e.esr_suffix) if _amounts(e, year) and any(_amounts(e, year)) else None  # noqa: E731
    olds, news = unique(left, by_title), unique(right, by_title)
    for key in sorted(olds.keys() & news.keys(), key=str):
        o, n = olds[key], news[key]
        same = _amounts(o, year) is not None and _amounts(o, year) == _amounts(n, year)
        take(o, n, "title_and_amounts" if same else "title", [] if same else ["paired_by_title"])
    olds, news = unique(left, by_amounts), unique(right, by_amounts)
    for key in sorted(olds.keys() & news.keys(), key=str):
        take(olds[key], news[key], "amounts", [])
    return pairs, pairings


# ------------------------------------------------------------------------------------------ facts


class CrossFact(BaseModel):
    """A fact and the documents its stated number (the budget's) and operand (the execution's) are in."""

    fact: Fact
    budget: str
    execution: str


def _other_years(ledgers: list[Ledger], codes: set[str], credit: str, year: int | None) -> list[tuple[str, Figure]]:
    """Every figure of these articles and this credit printed for another year, anywhere in the set."""
    found: list[tuple[str, Figure]] = []
    for ledger in ledgers:
        for entry in ledger.entries:
            if entry.scope == "article" and entry.code in codes:
                found += [(ledger.path, f) for f in entry.figures if f.credit == credit and f.year is not None
                          and f.year != year]
    return found


def _compare(kind: str, group: str, subject: str, new: Figure, old: Figure, year: int | None, old_name: str,
             new_name: str, doubts: list[str], style: str = "", note: str = "") -> Fact:
    stated = Operand(quantity=new.quantity, role=f"{new_name} · BA {year} {new.credit} (begroting)")
    operand = Operand(quantity=old.quantity, role=f"{old_name} · BA {year} {old.credit} (uitvoering)")
    q = old.quantity
    formula = f"begroting {new.quantity.display} = uitvoering {q.display}" + (f"; {note}" if note else "")
    return comparison(kind=kind, key=f"{kind}|{group}|{year}|{new.credit}", group=group,  # type: ignore[arg-type]
                      subject=subject, stated=stated, operands=[operand], computed=(q.value, q.lo, q.hi),
                      formula=formula, doubts=doubts, style=style)


def article_facts(execution: Ledger, budget: Ledger, ledgers: list[Ledger]) -> tuple[list[CrossFact], list[CodePairing]]:
    year = execution.ba_year
    pairs, pairings = pair_articles(execution, budget)
    facts: list[CrossFact] = []
    for old, new, doubts in pairs:
        name = new.code if old.code == new.code else f"{old.code} → {new.code}"
        agrees: dict[str, bool] = {}
        for credit in CREDITS:
            o, n = old.figure("BA", year, credit), new.figure("BA", year, credit)
            if o and n:
                agrees[credit] = o.quantity.lo <= n.quantity.hi and n.quantity.lo <= o.quantity.hi
        for credit in CREDITS:
            o, n = old.figure("BA", year, credit), new.figure("BA", year, credit)
            if not (o and n):
                continue
            style, note = "", ""
            if not agrees[credit] and agrees.get(SIBLING[credit]):
                # the sibling credit was updated and this one was not: does it repeat another year's figure?
                for path, figure in _other_years(ledgers, {old.code, new.code}, credit, year):
                    if figure.quantity.value in (n.quantity.value, o.quantity.value):
                        style = "stale"
                        side = "begroting" if figure.quantity.value == n.quantity.value else "uitvoering"
                        note = (f"de {side} herhaalt {figure.stage} {figure.year} {figure.quantity.display} "
                                f"({Path(path).name}, regel {figure.quantity.source.line}); het andere krediet klopt")
                        break
            subject = f"{name}: BA {year} {credit}"
            facts.append(CrossFact(fact=_compare("cross_ba", name, subject, n, o, year, old.code, new.code, doubts,
                                                 style, note), budget=budget.path, execution=execution.path))
    return facts, pairings


def ise_facts(execution: Ledger, budget: Ledger) -> list[CrossFact]:
    """Per ISE and credit; a difference equal to the BA of an article that changed ISE is explained."""
    year = execution.ba_year
    old_articles, new_articles = execution.articles(), budget.articles()
    moved = [(code, old_articles[code], new_articles[code]) for code in old_articles.keys() & new_articles.keys()
             if old_articles[code].ise and new_articles[code].ise
             and normalise(old_articles[code].ise or "") != normalise(new_articles[code].ise or "")]
    facts: list[CrossFact] = []
    new_ises = budget.ises()
    for key, old in execution.ises().items():
        new = new_ises.get(key)
        if new is None:
            continue
        for credit in CREDITS:
            o, n = old.figure("BA", year, credit), new.figure("BA", year, credit)
            if not (o and n):
                continue
            difference = n.quantity.value - o.quantity.value
            style, note = "", ""
            for code, before, after in sorted(moved):
                figure = after.figure("BA", year, credit) or before.figure("BA", year, credit)
                if figure is None or figure.quantity.value == 0:
                    continue
                into = normalise(after.ise or "") == key and normalise(before.ise or "") != key
                out = normalise(before.ise or "") == key and normalise(after.ise or "") != key
                if (into and difference == figure.quantity.value) or (out and difference == -figure.quantity.value):
                    style = "restated"
                    note = (f"verklaard: {code} ({format_dutch(figure.quantity.value)}) verhuisde "
                            f"{'naar' if into else 'uit'} deze ISE")
                    break
            subject = f"ISE {old.title}: Totaal BA {year} {credit}"
            facts.append(CrossFact(fact=_compare("cross_ise_ba", f"ISE {old.title}", subject, n, o, year,
                                                 f"ISE {old.title}", f"ISE {new.title}",
                                                 sorted(set(old.doubts) | set(new.doubts)), style, note),
                                   budget=budget.path, execution=execution.path))
    return facts


# ------------------------------------------------------------------------------------------ judging


def _finding_id(rule: str, cross: CrossFact) -> str:
    fact = cross.fact
    identity = "|".join([rule, Path(cross.budget).name, Path(cross.execution).name, fact.key,
                         fact.stated.quantity.display if fact.stated else "",
                         *(o.quantity.display for o in fact.operands)])
    return hashlib.sha256(identity.encode()).hexdigest()[:16]


def cross_check(ledgers: list[Ledger], *, lang: str = "nl", rules_dir: Path | None = None) -> CrossReport:
    from auditor.audit import engine_for
    from auditor.report.build import _render

    engine = engine_for(rules_dir)
    report = CrossReport()
    crosses: list[CrossFact] = []
    for execution, budget in pair_documents(ledgers):
        facts, pairings = article_facts(execution, budget, ledgers)
        ises = ise_facts(execution, budget)
        crosses += facts + ises
        report.pairings += pairings
        report.pairs.append(DocumentPair(execution=execution.path, budget=budget.path, year=execution.ba_year or 0,
                                         articles=len({c.fact.group for c in facts}), ises=len({c.fact.group for c in ises})))
    by_fact = {id(c.fact): c for c in crosses}
    for verdict in engine.evaluate([c.fact for c in crosses]):
        report.checks += 1
        if verdict.severity is None:
            report.passed += 1
            continue
        cross, fact = by_fact[id(verdict.fact)], verdict.fact
        if verdict.severity == "info":
            report.passed += 1  # an explained restatement is a check that holds
        suggestion = getattr(verdict.rule.suggestion, lang) if verdict.rule.suggestion and verdict.severity != "info" else None
        report.findings.append(CrossFinding(
            id=_finding_id(verdict.rule.id, cross), rule=verdict.rule.id, severity=verdict.severity,
            group=fact.group, message=_render(getattr(verdict.rule.message, lang), fact, lang),
            places=[CrossPlace(document=cross.budget, line=fact.stated.quantity.source.line,  # type: ignore[union-attr]
                               text=fact.stated.quantity.display, role=fact.stated.role),  # type: ignore[union-attr]
                    CrossPlace(document=cross.execution, line=fact.operands[0].quantity.source.line,
                               text=fact.operands[0].quantity.display, role=fact.operands[0].role)],
            evidence=Evidence(expected=f"{fact.computed:f}", found=f"{fact.stated_value:f}", formula=fact.formula),
            suggestion=suggestion,
            uncertain=([CROSS_DOUBTS[d][lang] for d in fact.doubts + (["stale"] if fact.style == "stale" else [])]
                       if verdict.severity == "review" else []),
        ))
    order = {"error": 0, "review": 1, "warning": 2, "info": 3}
    report.findings.sort(key=lambda f: (order[f.severity], f.places[0].document, f.places[0].line, f.rule, f.id))
    return report
