"""Relation 3: BA + the movements the text describes = BA-JR (an execution BBT) or BO (a budget BBT),
per credit; a stated net change equals that level − BA; a change the table shows but the text never
explains is reported."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from auditor.claims.models import AmountClaim, Claims, MovementClaim
from auditor.relations.context import DocumentIndex, text_operand
from auditor.relations.fact import Fact, credit_it_fits, signed_sum, sum_equation, sum_formula
from auditor.quantity import Quantity
from auditor.source import SourceRef
from auditor.structure.models import BudgetTable


def movement_facts(index: DocumentIndex, claims: Claims) -> tuple[list[Fact], list[Quantity]]:
    """Facts, and the movement amounts no check could use (said as not checkable)."""
    facts: list[Fact] = []
    unchecked: list[Quantity] = []
    unnamed: dict[str, list[Fact]] = {}  # net changes whose sentence names no credit, per amount
    by_scope: dict[str, list[MovementClaim]] = {}
    for movement in claims.movements:
        by_scope.setdefault(movement.scope, []).append(movement)
    # the text's amounts per scope, in document order: filtering all of them for every scope and credit
    # grew with articles × amounts
    amounts_in: dict[str, list[AmountClaim]] = {}
    for amount in claims.amounts:
        amounts_in.setdefault(amount.scope, []).append(amount)
    # a programme's summary is explained by its articles, not its own text: there only a net change the
    # text states ("In totaal steeg het VAK met 5.077 keuro") is checked
    scopes = [s.id for s in index.doc.scopes if s.table_ref and s.kind in ("article", "ise", "programme")]
    programme_scopes = {s.id for s in index.doc.scopes if s.kind == "programme"}
    for scope_id in scopes:
        table, owner = index.table_of(scope_id)
        if table is None:
            continue
        movements = by_scope.get(scope_id, [])
        target = next((c for c in ("BA-JR", "BO") if c in table.columns()), None)
        if "BA" not in table.columns() or target is None:
            # a Kredietevolutie without its start line still prints its steps: the text's compensaties
            # and savings are checked against them (the way from BA to BO cannot be)
            if any(c.row == "ADJUSTMENT" for c in table.cells):
                for credit in ("VAK", "VEK"):
                    details = [m for m in movements if m.credit in (credit, "BOTH", None) and not m.net]
                    facts += _step_facts(index, table, owner, scope_id, credit, details)[0]
            continue
        for credit in ("VAK", "VEK"):
            ba = index.main_cell(table, credit, "BA")
            bajr = index.main_cell(table, credit, target)
            if ba is None or bajr is None:
                continue
            mine = [m for m in movements if m.credit in (credit, "BOTH", None)]
            nets = [m for m in mine if m.net]
            if scope_id in programme_scopes:
                mine = nets  # the rest of the programme text's movements: not checkable, listed as such
            details = [m for m in mine if not m.net]
            ba_op, bajr_op = index.cell_operand(ba, owner), index.cell_operand(bajr, owner)
            for net in nets:
                stated = text_operand(net.quantity, "tekst: netto beweging")
                computed_ops = [bajr_op, replace(ba_op, sign=-1)]
                point, lo, hi = signed_sum(computed_ops)
                (unnamed.setdefault(net.quantity.id, []) if net.credit is None else facts).append(index.comparison(
                    kind="net_movement", key=f"net|{scope_id}|{credit}|{net.quantity.id}", group=owner, credit=credit,
                    subject=f"{owner}: netto beweging {credit}", stated=replace(stated, sign=net.sign),
                    operands=computed_ops, computed=(point * net.sign, min(lo * net.sign, hi * net.sign), max(lo * net.sign, hi * net.sign)),
                    formula=f"{target} − BA = {bajr.quantity.display} − {ba.quantity.display} = {_show(point)}; tekst: {'+' if net.sign > 0 else '−'}{net.quantity.display}",
                ))
            if details:
                # the text names the level its movements lead to ("waardoor het jaarbudget steeg tot X", "het
                # beschikbare budget bedroeg X", "evolueert van X in BA naar Y in BO"): then they explain the
                # whole way; a text that only names some movements and never that level may leave others out
                complete = any(
                    a.scope == scope_id and a.role == "level" and a.column == target
                    and a.credit in (credit, "BOTH", None) for a in amounts_in.get(scope_id, []))
                if any(c.row == "ADJUSTMENT" for c in table.cells):
                    # a begroting text that names steps of its Kredietevolutie ("een compensatie van … vanuit
                    # …") states each step; only when it also names the BO they reach does it state BA + all = BO
                    step_facts, unused = _step_facts(index, table, owner, scope_id, credit, details)
                    facts += step_facts
                    if not complete:
                        unchecked += unused
                        continue
                operands = [ba_op] + [text_operand(m.quantity, f"tekst: {'+' if m.sign > 0 else '−'} beweging {credit}", m.sign) for m in details]
                # in a Kredietevolutie the steps the text states as amounts ("De index bedraagt 276 keuro")
                # are part of the way from BA to BO as much as the movements it describes
                operands += [text_operand(a.quantity, f"tekst: {a.step} {credit}") for a in amounts_in.get(scope_id, [])
                             if a.scope == scope_id and a.column == "ADJ" and a.credit in (credit, "BOTH", None)]
                point, lo, hi = signed_sum(operands)
                first, last = details[0].quantity.source, details[-1].quantity.source
                location = SourceRef(
                    line=first.line, end_line=last.end_line, column=first.column,
                    text=", ".join(m.quantity.display for m in details), role=f"bewegingen {credit} in de tekst")
                facts.append(index.comparison(
                    kind="movement", key=f"movement|{scope_id}|{credit}", group=owner, credit=credit, column=target,
                    subject=f"{owner}: BA + bewegingen = {target} ({credit})", stated=bajr_op, operands=operands,
                    computed=(point, lo, hi), location=location,
                    formula=f"BA {sum_formula(operands)} = {_show(point)}; {target} {bajr.quantity.display}",
                    direction_stated=all(m.direction_stated for m in details),
                    # "onder meer een herverdeling van …": the text itself says its list is not complete
                    doubts=[] if complete and not any(m.partial for m in details) else ["list_may_be_partial"],
                ))
            if not details and not nets and ba.quantity.value != bajr.quantity.value and scope_id not in programme_scopes:
                change = bajr.quantity.value - ba.quantity.value
                facts.append(index.comparison(
                    kind="unexplained_change", key=f"unexplained|{scope_id}|{credit}", group=owner, credit=credit, column=target,
                    subject=f"{owner}: BA → {target} {credit} niet toegelicht", stated=bajr_op, operands=[ba_op],
                    computed=(change, change, change), formula=f"{target} − BA = {bajr.quantity.display} − {ba.quantity.display} = {_show(change)}",
                    checkable=False,
                ))
    for found in unnamed.values():
        facts += _credit_it_fits(found)
    return facts, unchecked


def _credit_it_fits(found: list[Fact]) -> list[Fact]:
    """'Het krediet stijgt met 352 keuro' names no credit: when VAK and VEK changed alike it holds for both;
    else it is about the one it fits (see credit_it_fits)."""
    return found if len({f.computed for f in found}) <= 1 else credit_it_fits(found)


def _step_facts(index: DocumentIndex, table: BudgetTable, owner: str, scope_id: str, credit: str,
                details: list[MovementClaim]) -> tuple[list[Fact], list[Quantity]]:
    """Σ the text's movements of one step (its compensaties) = that step's line of the Kredietevolutie."""
    facts: list[Fact] = []
    unused = [m.quantity for m in details if m.step is None]
    for step in sorted({m.step for m in details if m.step}):
        mine = [m for m in details if m.step == step]
        cell = table.step(credit, step)
        if cell is None:
            unused += [m.quantity for m in mine]
            continue
        operands = [text_operand(m.quantity, f"tekst: {'+' if m.sign > 0 else '−'} {step.lower()} {credit}", m.sign)
                    for m in mine]
        first, last = mine[0].quantity.source, mine[-1].quantity.source
        facts.append(index.comparison(
            kind="movement", key=f"step|{scope_id}|{credit}|{step}", group=owner, credit=credit,
            subject=f"{owner}: {step} = Σ in de tekst ({credit})", stated=index.cell_operand(cell, owner),
            operands=operands, computed=signed_sum(operands),
            location=SourceRef(line=first.line, end_line=last.end_line, column=first.column,
                               text=", ".join(m.quantity.display for m in mine), role=f"{step.lower()} {credit} in de tekst"),
            formula=sum_equation(operands, cell.quantity, step),
            direction_stated=all(m.direction_stated for m in mine),
            # the text may name only some of the step's parts
            doubts=["list_may_be_partial"],
        ))
    return facts, unused


def _show(value: Decimal) -> str:
    from auditor.relations.fact import show

    return show(value)
