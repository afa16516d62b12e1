"""Begroting BBTs state the budget's evolution in a Kredietevolutie table per begrotingsartikel (BA +
Index + Compensaties + Andere bijstellingen = BO, relation 3). The evolutie column beside BA and BO
(evolutie = BO − BA) is the rule file BBT-EVO-002 with a `row` binding."""

from __future__ import annotations

from auditor.claims.models import AmountClaim, Claims
from auditor.relations.context import DocumentIndex, text_operand
from auditor.relations.fact import Fact, signed_sum, sum_equation
from auditor.structure.models import BudgetTable


def _tables(index: DocumentIndex) -> list[tuple[BudgetTable, str, str]]:
    """Every table with the key and display name of its owner."""
    doc = index.doc
    found: list[tuple[BudgetTable, str, str]] = []
    if doc.programme and doc.programme.table:
        found.append((doc.programme.table, "programme", f"Programma {doc.programme.code}"))
    found += [(ise.table, ise.id, f"ISE {ise.name}") for ise in doc.ises if ise.table]
    for article in doc.articles:
        found += [(table, article.code, article.code) for table in (article.table, article.evolution) if table]
    return found


def credit_evolution_facts(index: DocumentIndex, claims: Claims) -> list[Fact]:
    facts: list[Fact] = []
    for table, key, owner in _tables(index):
        for credit in table.credits():
            steps = table.adjustments(credit)
            ba, bo = table.cell("TOTAL", credit, "BA"), table.cell("TOTAL", credit, "BO")
            if not steps or bo is None:
                continue
            if ba is None:
                # the start line is missing (2021 BBTs): the start the text states ("van 51,5 miljoen euro in
                # BO 2020 naar …") takes its place
                start = _text_start(index, claims, key, credit, bo.year)
                if start is None:
                    continue
                start_op = text_operand(start.quantity, f"tekst: beginstand {credit}")
            else:
                start_op = index.cell_operand(ba, owner)
            operands = [start_op] + [index.cell_operand(step, owner) for step in steps]
            facts.append(index.comparison(
                kind="credit_evolution", key=f"evolution|{key}|{credit}", group=owner,
                subject=f"{owner}: Kredietevolutie {credit}", stated=index.cell_operand(bo, owner), operands=operands,
                computed=signed_sum(operands), formula=sum_equation(operands, bo.quantity, "BO"),
            ))
    return facts


def _text_start(index: DocumentIndex, claims: Claims, code: str, credit: str, end_year: int | None) -> AmountClaim | None:
    """The start level the article's text states for `credit`: BA, or BO of an earlier year."""
    scopes = {s.id for s in index.doc.scopes if s.table_ref == code}
    for claim in claims.amounts:
        if claim.scope not in scopes or claim.role != "level" or claim.credit not in (credit, "BOTH"):
            continue
        if claim.column == "BA" or (claim.column == "BO" and claim.year and end_year and claim.year < end_year):
            return claim
    return None
