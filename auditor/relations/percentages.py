"""Relation 5: quoted percentages follow from the amounts (BU / BA-JR, onderbenutting, ratios of two
quoted quantities) and relation 7b: a gap in procentpunt equals the difference of the two percentages."""

from __future__ import annotations

from decimal import Decimal

from auditor.claims.models import Claims, PercentageClaim
from auditor.quantity import Quantity
from auditor.relations.context import DocumentIndex, expand_credit, text_operand
from auditor.relations.fact import Fact, Operand, credit_it_fits, ratio_percent, show


def _interval(q: Quantity) -> tuple[Decimal, Decimal, Decimal]:
    return q.value, q.lo, q.hi


EXECUTION_MEASURES = ("execution", "underuse")


def execution_facts(index: DocumentIndex, claims: Claims) -> list[Fact]:
    facts: list[Fact] = []
    for claim in claims.percentages:
        if claim.measure not in EXECUTION_MEASURES:
            continue  # growth: BBT-PCT-004's own binding (relations.queries, quoted_percentage)
        found = _execution_facts(index, claim)
        if claim.credit in (None, "BOTH") and len(found) > 1:
            # the text names no credit, or both ("7.549 keuro VAK/VEK (+5,1%)") while one percentage cannot
            # fit two bases: it is about the credit it agrees with; if none, which one is a guess
            found = credit_it_fits(found)
        facts += found
    return facts


def _execution_facts(index: DocumentIndex, claim: PercentageClaim) -> list[Fact]:
    facts: list[Fact] = []
    table, owner = index.table_of(claim.scope)
    if table is None:
        return facts
    for credit in _credits(claim):
        bu = index.main_cell(table, credit, "BU")
        bajr = index.main_cell(table, credit, "BA-JR")
        if bu is None or bajr is None:
            continue
        numerator_op = index.cell_operand(bu, owner)
        denominator_op = index.cell_operand(bajr, owner)
        if claim.measure == "underuse":
            n = bajr.quantity.value - bu.quantity.value
            spread = bajr.quantity.half_unit + bu.quantity.half_unit
            numerator = (n, n - spread, n + spread)
            label = f"(BA-JR − BU) / BA-JR = ({bajr.quantity.display} − {bu.quantity.display}) / {bajr.quantity.display}"
        else:
            numerator = _interval(bu.quantity)
            label = f"BU / BA-JR = {bu.quantity.display} / {bajr.quantity.display}"
        computed = ratio_percent(numerator, _interval(bajr.quantity))
        if computed is None:
            continue
        decimals = claim.quantity.decimals
        widen = Decimal(10) ** (-decimals) / 2 if claim.bound == "approx" else Decimal(0)
        facts.append(index.comparison(
            kind="percentage", key=f"pct|{claim.quantity.id}|{credit}", credit=credit, group=owner,
            subject=f"{owner}: {'onderbenutting' if claim.measure == 'underuse' else 'uitvoeringsgraad'} {credit}",
            stated=text_operand(claim.quantity, f"tekst % {credit}"), operands=[numerator_op, denominator_op],
            computed=computed, unit="pct", bound=claim.bound, widen=widen,
            formula=f"{label} = {show(computed[0], decimals + 2)}% ; tekst {_bound_word(claim.bound)}{claim.quantity.display}%",
        ))
    return facts


def _credits(claim: PercentageClaim) -> list[str]:
    return expand_credit(claim.credit)


def _bound_word(bound: str) -> str:
    return {"ge": "≥ ", "le": "≤ ", "approx": "≈ "}.get(bound, "")


def ratio_facts(index: DocumentIndex, claims: Claims) -> list[Fact]:
    facts: list[Fact] = []
    for claim in claims.ratios:
        computed = ratio_percent(_interval(claim.numerator), _interval(claim.denominator))
        if computed is None:
            continue
        scope = index.scope(claim.scope)
        decimals = claim.quantity.decimals
        operands = [text_operand(claim.numerator, "teller"), text_operand(claim.denominator, "noemer")]
        facts.append(index.comparison(
            kind="ratio", key=f"ratio|{claim.quantity.id}|{claim.numerator.id}", group=scope.title or "tekst",
            subject="verhouding van twee aantallen", stated=text_operand(claim.quantity, "tekst %"), operands=operands,
            computed=computed, unit="pct",
            formula=f"{claim.numerator.display} / {claim.denominator.display} = {show(computed[0], decimals + 2)}% ; tekst {claim.quantity.display}%",
        ))
    return facts


def gap_facts(index: DocumentIndex, claims: Claims) -> list[Fact]:
    facts: list[Fact] = []
    for claim in claims.gaps:
        a, b = claim.first, claim.second
        high, low = (a, b) if a.value >= b.value else (b, a)
        point = high.value - low.value
        spread = high.half_unit + low.half_unit
        operands: list[Operand] = [text_operand(high, "tekst %"), text_operand(low, "tekst %", -1)]
        facts.append(index.comparison(
            kind="gap", key=f"gap|{claim.quantity.id}", group=index.scope(claim.scope).title or "tekst",
            subject="kloof in procentpunt", stated=text_operand(claim.quantity, "tekst procentpunt"), operands=operands,
            computed=(point, point - spread, point + spread), unit="pp",
            formula=f"{high.display}% − {low.display}% = {show(point, max(high.decimals, low.decimals))} procentpunt ; tekst {claim.quantity.display}",
        ))
    return facts
