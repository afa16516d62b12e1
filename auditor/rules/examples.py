"""Turn a rule file's hand-written example into a fact with the same interval code the audit uses."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from auditor.quantity import Quantity
from auditor.relations.fact import Fact, Operand, comparison, ratio_percent, signed_sum
from auditor.relations.queries import is_ratio
from auditor.rules.spec import Example, RuleSpec

PERCENT_KINDS = {"percentage", "ratio", "indicator"}


def _quantity(text: str, n: int, unit: str) -> Quantity:
    return Quantity.from_text(text, line=n, column=0, unit=unit)  # type: ignore[arg-type]


def example_fact(rule: RuleSpec, example: Example) -> Fact:
    ratio = any(is_ratio(b) for b in rule.bindings)
    stated_unit = "pct" if rule.applies_to in PERCENT_KINDS or ratio else "pp" if rule.applies_to == "gap" else "keuro"
    operand_unit = "keuro" if rule.applies_to == "percentage" or ratio else "count" if rule.applies_to == "ratio" else stated_unit
    stated = Operand(quantity=_quantity(example.stated, 1, stated_unit), role="voorbeeld")
    operands = [Operand(quantity=_quantity(t, i + 2, operand_unit), role="voorbeeld") for i, t in enumerate(example.operands)]
    if example.combine == "ratio":
        n, d = operands[0].quantity, operands[1].quantity
        computed = ratio_percent((n.value, n.lo, n.hi), (d.value, d.lo, d.hi))
        assert computed is not None
    elif example.combine == "difference":
        operands[1] = replace(operands[1], sign=-1)
        computed = signed_sum(operands)
    elif example.combine == "copy":
        q = operands[0].quantity
        computed = (q.value, q.lo, q.hi)
    elif example.combine == "none":
        computed = (Decimal(0), Decimal(0), Decimal(0))
    else:
        computed = signed_sum(operands)
    widen = Decimal(10) ** (-stated.quantity.decimals) / 2 if example.bound == "approx" else Decimal(0)
    return comparison(
        kind=rule.applies_to, key=f"example|{rule.id}|{example.name}", group="voorbeeld", subject=example.name,
        stated=stated, operands=operands, computed=computed, formula="", unit=stated_unit, bound=example.bound,
        widen=widen, direction_stated=example.direction_stated, exhaustive=example.exhaustive,
        checkable=example.checkable, style=example.style, doubts=example.doubts,
        credit=example.credit or None, column=example.column or None,
    )
