"""Checks across documents (auditor/crossdoc.py, rules/crossdoc.yaml) on pairs of documents rendered from the
real credit rows (tests/realfigures/corpus.py): every (execution N, budget N+1) pair whose BA N differs for
an article and credit is flagged, and no equal one; an ISE total that differs by an article that moved ISE
is an explained restatement; a renamed article code is paired and shown; a stale figure is review at most."""

from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.audit import audit_file, audit_lines
from auditor.crossdoc import cross_check, ledger_of
from auditor.errors import InputError
from tests.conftest import CLEAN, source_of
from tests.realfigures.corpus import CREDITS, Document, EvolutionTable, IseTotals, load_documents, render, render_budget

FLAGGED = {"error", "warning", "review"}


def _name(doc: Document) -> str:
    return f"{doc.key}.txt"


@pytest.fixture(scope="module")
def corpus():
    documents = load_documents()
    ledgers = []
    for doc in documents:
        try:
            audit = audit_lines(source_of(render(doc).lines, path=_name(doc)))
        except InputError:  # the 2020 execution stukken have no complete article table: nothing is rendered
            continue
        ledgers.append(ledger_of(audit.document, _name(doc)))
    return documents, cross_check(ledgers)


def _expected_pairs(documents: list[Document]) -> dict[tuple[str, str, str], bool]:
    """(budget, code, credit) → equal?, for every article printed with its BA N in both the execution BBT of
    year N and the budget BBT of year N+1 of one domain, from the corpus model (what was rendered)."""
    executions = {(d.domain, d.year): d for d in documents if d.kind == "uitvoering"}
    expected: dict[tuple[str, str, str], bool] = {}
    for budget in documents:
        execution = executions.get((budget.domain, budget.year - 1))
        if budget.phase != "BO" or execution is None:
            continue
        printed = {t.code: t for t in execution.executions if t.complete}
        for table in budget.evolutions:
            lines = dict(table.printed_lines())
            start = lines.get(f"BA {budget.year - 1}")
            if table.code not in printed or start is None:
                continue
            for position, credit in enumerate(CREDITS):
                expected[(_name(budget), table.code, credit)] = start[position] == printed[table.code].stage("BA", credit)
    return expected


def test_every_differing_pair_is_flagged_and_no_equal_one(corpus):
    documents, report = corpus
    expected = _expected_pairs(documents)
    flagged = {(f.places[0].document, f.group, f.message.split("BA ")[1].split(":")[0].split()[-1])
               for f in report.findings if f.rule == "BBT-XDOC-001" and f.severity in FLAGGED}
    differing = {key for key, equal in expected.items() if not equal}
    equal = {key for key, same in expected.items() if same}
    assert len(expected) > 200 and len(differing) >= 10
    assert differing <= flagged, sorted(differing - flagged)
    assert not (equal & flagged), sorted(equal & flagged)
    assert len(report.pairs) == 10  # every execution year with a next year's budget, per domain


def test_a_guess_is_never_an_error(corpus):
    _, report = corpus
    for finding in report.findings:
        if "→" in finding.group or "herhaalt" in finding.message:
            assert finding.severity == "review" and finding.uncertain, finding.message


def test_a_repeated_figure_while_the_sibling_agrees_is_probably_stale(corpus):
    _, report = corpus
    stale = [f for f in report.findings if "herhaalt" in f.message]
    # 13-E-2023-2024 prints BA 2023 VEK 34.864, the BA 2022 of the year before, while its VAK agrees
    assert any(f.group == "QF0-1QDG2QA-WT" and "34.864" in f.message and f.severity == "review" for f in stale)


def test_renamed_article_codes_are_paired_and_shown(corpus):
    _, report = corpus
    pairs = {(p.old_code, p.new_code): p.by for p in report.pairings}
    assert pairs[("GB0-1GHF2TF-WT", "GB0-1GCF2LB-WT")] == "title_and_amounts"
    assert pairs[("GE0-1GDF2KB-WT", "GB0-1GDF2KB-WT")] == "title"
    assert any(f.group == "GE0-1GDF2KB-WT → GB0-1GDF2KB-WT" for f in report.findings)


# ---------------------------------------------------------------------------------------------- per ISE


def _next_budget(moved: str, into: str, extra: int = 0) -> list[str]:
    """A budget BBT 2025 following the sample's execution 2024, rendered with the corpus renderer: the same
    BA 2024 per article, `moved` printed under the ISE `into`, the ISE totals restated to match (+ extra)."""
    ledger = ledger_of(audit_file(CLEAN).document, "uitvoering.txt")
    doc = Document(stuk="13-Q (2024-2025) nr. 1", pfile_id="x", domain="SOCIALE ECONOMIE", year=2025, phase="BO")
    totals: dict[str, dict[str, int]] = {}
    for entry in ledger.entries:
        if entry.scope != "article":
            continue
        ise = into if entry.code == moved else entry.ise
        values = {}
        for credit in CREDITS:
            ba = int(entry.figure("BA", 2024, credit).quantity.value)
            values.update({(f"BA 2024", credit): ba, ("BO 2025", credit): ba})
            totals.setdefault(ise, {}).setdefault(credit, 0)
            totals[ise][credit] += ba
        if ise not in doc.ise_order:
            doc.ise_order.append(ise)
        doc.evolutions.append(EvolutionTable(doc.stuk, 2025, "BO", ise, entry.code, entry.title or entry.code, values))
    for entry in ledger.entries:
        if entry.scope == "ise":
            name = next(i for i in doc.ise_order if i.lower().startswith(entry.code.split()[0]))
            values = {}
            for credit in CREDITS:
                ba = int(entry.figure("BA", 2024, credit).quantity.value) + (extra if name == into else 0)
                if name == into:
                    ba += totals[name][credit] - sum(int(e.figure("BA", 2024, credit).quantity.value)
                                                     for e in ledger.entries if e.scope == "article" and e.ise == name)
                elif any(e.code == moved and e.ise == name for e in ledger.entries):
                    ba -= int(next(e for e in ledger.entries if e.code == moved).figure("BA", 2024, credit).quantity.value)
                values.update({("BA 2024", credit): ba, ("evolutie", credit): 0, ("BO 2025", credit): ba})
            doc.ise_totals.append(IseTotals(doc.stuk, 2025, name, values))
    return render_budget(doc).lines


def _ise_findings(lines: list[str]):
    execution = ledger_of(audit_file(CLEAN).document, "uitvoering.txt")
    budget = ledger_of(audit_lines(source_of(lines, path="begroting.txt")).document, "begroting.txt")
    report = cross_check([execution, budget])
    return report, [f for f in report.findings if f.rule == "BBT-XDOC-002"]


def test_an_article_that_moved_ise_explains_the_difference():
    report, findings = _ise_findings(_next_budget("JB0-1JEC2HE-WT", "DUURZAME ARBEIDSMARKT (SOCIALE ECONOMIE)"))
    assert report.pairs and report.pairs[0].ises == 2
    assert len(findings) == 4 and {f.severity for f in findings} == {"info"}
    assert all("JB0-1JEC2HE-WT" in f.message and "verhuisde" in f.message for f in findings)
    assert not [f for f in report.findings if f.rule == "BBT-XDOC-001"]


def test_a_difference_no_move_explains_is_an_error():
    _, findings = _ise_findings(_next_budget("JB0-1JEC2HE-WT", "DUURZAME ARBEIDSMARKT (SOCIALE ECONOMIE)", extra=40))
    errors = [f for f in findings if f.severity == "error"]
    assert len(errors) == 2 and all("DUURZAME" in f.group for f in errors)
    assert Decimal(errors[0].evidence.found) - Decimal(errors[0].evidence.expected) == 151  # 111 moved + 40
