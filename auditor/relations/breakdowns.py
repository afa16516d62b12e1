"""Relation 6: listed components sum to their parent when presented as the whole; ≤ the parent when
the text says 'hoofdzakelijk', 'onder andere', …"""

from __future__ import annotations

from auditor.claims.models import Claims
from auditor.relations.context import DocumentIndex, text_operand
from auditor.relations.fact import Fact, signed_sum, sum_equation


def breakdown_facts(index: DocumentIndex, claims: Claims) -> list[Fact]:
    facts: list[Fact] = []
    for claim in claims.breakdowns:
        table, owner = index.table_of(claim.scope)
        group = owner or index.scope(claim.scope).title
        if claim.parent is not None:
            stated = text_operand(claim.parent, "tekst: geheel")
        else:
            if table is None or claim.credit not in ("VAK", "VEK"):
                continue
            cell = index.main_cell(table, claim.credit, claim.parent_column or "BU")
            if cell is None:
                continue
            stated = index.cell_operand(cell, owner)
        operands = [text_operand(part, "tekst: deel") for part in claim.parts]
        if not operands:
            continue
        bound = "eq" if claim.exhaustive else "le"
        parent_id = claim.parent.id if claim.parent else f"{claim.parent_column}|{claim.credit}"
        facts.append(index.comparison(
            kind="breakdown", key=f"breakdown|{claim.scope}|{parent_id}|{claim.credit}|{claim.style}", group=group,
            subject=f"{group}: opsplitsing ({claim.style}){' ' + claim.credit if claim.credit else ''}",
            stated=stated, operands=operands, computed=signed_sum(operands), bound=bound, style=claim.style,
            exhaustive=claim.exhaustive, checkable=claim.checkable, doubts=claim.doubts,
            formula=sum_equation(operands, stated.quantity, "geheel", "=" if claim.exhaustive else "≤"),
        ))
    return facts
