"""Relation 4: an amount the text attributes to a table cell equals that cell."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from auditor.claims.models import AmountClaim, Claims
from auditor.relations.context import DocumentIndex, expand_credit, text_operand
from auditor.relations.fact import Fact


def restatements_by_claim(index: DocumentIndex, claims: Claims, untied: list[AmountClaim]) -> Iterator[list[Fact]]:
    """Facts for restated amounts, claim by claim (the largest family of facts: a caller may judge each
    claim's before the next are built); a level claim that ties to no cell is added to `untied`."""
    for claim in claims.amounts:
        if claim.role != "level" or claim.column is None:
            continue
        if claim.column == "ADJ":
            found = _step_fact(index, claim)
            if found is None:
                untied.append(claim)
            else:
                yield found
            continue
        table, owner = index.table_of(claim.scope)
        if table is None or claim.column not in table.columns():
            untied.append(claim)
            continue
        credits = expand_credit(claim.credit)
        if claim.credit is None and not set(credits) & set(table.credits()):
            credits = table.credits()  # a receipts article: AO, TO, LO
        cells = [(credit, index.level_cell(table, credit, claim.column, claim.year)) for credit in credits]
        cells = [(credit, cell) for credit, cell in cells if cell is not None]
        if not cells:
            untied.append(claim)
            continue
        doubts: list[str] = []
        if claim.credit is None and len({c.quantity.value for _, c in cells}) > 1:
            # the text does not say which credit; it restates the one it is closest to (a guess)
            cells = [min(cells, key=lambda item: abs(item[1].quantity.value - claim.quantity.value))]
            doubts = ["credit_guessed"]
        facts: list[Fact] = []
        for credit, cell in cells:
            stated = text_operand(claim.quantity, f"tekst {claim.column} {credit}")
            table_side = index.cell_operand(cell, owner)
            value = cell.quantity
            facts.append(index.comparison(
                kind="restatement", key=f"restate|{claim.quantity.id}|{credit}", credit=credit, group=owner,
                subject=f"{owner}: tekstbedrag {claim.column} {credit}", stated=stated, operands=[table_side],
                computed=(value.value, value.lo, value.hi),
                formula=f"tekst {claim.quantity.display} = tabel {claim.column} {credit} {value.display}",
                doubts=doubts,
            ))
        yield facts


def _step_fact(index: DocumentIndex, claim: AmountClaim) -> list[Fact] | None:
    """'De index bedraagt 300 keuro VAK en 291 keuro VEK' = the Index line of the Kredietevolutie."""
    table, owner = index.table_of(claim.scope)
    if table is None or claim.step is None:
        return None
    found: list[Fact] = []
    for credit in expand_credit(claim.credit):
        cell = table.step(credit, claim.step)
        if cell is None:
            continue
        value = cell.quantity
        found.append(index.comparison(
            kind="restatement", key=f"restate|{claim.quantity.id}|{credit}", credit=credit, group=owner,
            subject=f"{owner}: tekstbedrag {claim.step} {credit}",
            stated=text_operand(claim.quantity, f"tekst {claim.step} {credit}"), operands=[index.cell_operand(cell, owner)],
            computed=(value.value, value.lo, value.hi),
            formula=f"tekst {claim.quantity.display} = tabel {claim.step} {credit} {value.display}",
        ))
    if claim.credit is None and len({f.computed for f in found}) > 1:
        # no credit named, and the step differs between VAK and VEK: which one the text gives is a guess
        found = [replace(f, doubts=["credit_guessed"]) for f in found]
    return found or None
