"""Relation 3: BA + the movements the text describes = BA-JR (an execution BBT) or BO (a budget BBT),
per credit; a stated net change equals that level − BA; a change the table shows but the text never
explains is reported."""

from __future__ import annotations

from decimal import Decimal

from auditor.claims.models import Claims, MovementClaim
from auditor.relations.context import DocumentIndex, cell_operand, text_operand
from auditor.relations.fact import Fact, comparison, signed_sum, sum_formula
from auditor.source import SourceRef


def movement_facts(index: DocumentIndex, claims: Claims) -> list[Fact]:
    facts: list[Fact] = []
    by_scope: dict[str, list[MovementClaim]] = {}
    for movement in claims.movements:
        by_scope.setdefault(movement.scope, []).append(movement)
    scopes = [s.id for s in index.doc.scopes if s.table_ref and s.kind in ("article", "ise")]
    for scope_id in scopes:
        table, owner = index.table_of(scope_id)
        if table is None or "BA" not in table.columns():
            continue
        target = next((c for c in ("BA-JR", "BO") if c in table.columns()), None)
        if target is None:
            continue
        movements = by_scope.get(scope_id, [])
        for credit in ("VAK", "VEK"):
            ba = index.main_cell(table, credit, "BA")
            bajr = index.main_cell(table, credit, target)
            if ba is None or bajr is None:
                continue
            mine = [m for m in movements if m.credit in (credit, "BOTH", None)]
            details = [m for m in mine if not m.net]
            nets = [m for m in mine if m.net]
            ba_op, bajr_op = cell_operand(ba, owner), cell_operand(bajr, owner)
            for net in nets:
                stated = text_operand(net.quantity, "tekst: netto beweging")
                computed_ops = [bajr_op, ba_op.model_copy(update={"sign": -1})]
                point, lo, hi = signed_sum(computed_ops)
                facts.append(comparison(
                    kind="net_movement", key=f"net|{scope_id}|{credit}|{net.quantity.id}", group=owner,
                    subject=f"{owner}: netto beweging {credit}", stated=stated.model_copy(update={"sign": net.sign}),
                    operands=computed_ops, computed=(point * net.sign, min(lo * net.sign, hi * net.sign), max(lo * net.sign, hi * net.sign)),
                    formula=f"{target} − BA = {bajr.quantity.display} − {ba.quantity.display} = {_show(point)}; tekst: {'+' if net.sign > 0 else '−'}{net.quantity.display}",
                ))
            if details:
                # the text walks from BA through its movements to the level they reach ("waardoor het jaarbudget
                # steeg tot X", "het beschikbare budget bedroeg X"): then they are all of them; a text that
                # only names some movements and never the level they lead to may be leaving others out
                first = details[0].quantity.source
                complete = any(
                    a.scope == scope_id and a.role == "level" and a.column == target
                    and a.credit in (credit, "BOTH", None)
                    and (a.concluding or (a.quantity.source.line, a.quantity.source.column) > (first.line, first.column))
                    for a in claims.amounts)
                operands = [ba_op] + [text_operand(m.quantity, f"tekst: {'+' if m.sign > 0 else '−'} beweging {credit}", m.sign) for m in details]
                point, lo, hi = signed_sum(operands)
                first, last = details[0].quantity.source, details[-1].quantity.source
                location = SourceRef(line=first.line, end_line=last.end_line, column=first.column,
                                     text=", ".join(m.quantity.display for m in details), role=f"bewegingen {credit} in de tekst")
                facts.append(comparison(
                    kind="movement", key=f"movement|{scope_id}|{credit}", group=owner,
                    subject=f"{owner}: BA + bewegingen = {target} ({credit})", stated=bajr_op, operands=operands,
                    computed=(point, lo, hi), location=location,
                    formula=f"BA {sum_formula(operands)} = {_show(point)}; {target} {bajr.quantity.display}",
                    direction_stated=all(m.direction_stated for m in details),
                    doubts=[] if complete else ["list_may_be_partial"],
                ))
            if not details and not nets and ba.quantity.value != bajr.quantity.value:
                change = bajr.quantity.value - ba.quantity.value
                facts.append(comparison(
                    kind="unexplained_change", key=f"unexplained|{scope_id}|{credit}", group=owner,
                    subject=f"{owner}: BA → {target} {credit} niet toegelicht", stated=bajr_op, operands=[ba_op],
                    computed=(change, change, change), formula=f"{target} − BA = {bajr.quantity.display} − {ba.quantity.display} = {_show(change)}",
                    checkable=False,
                ))
    return facts


def _show(value: Decimal) -> str:
    from auditor.relations.fact import show

    return show(value)
