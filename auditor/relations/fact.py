"""A fact is one stated relation with both sides filled in: the number in doubt, the numbers it is
computed from, their rounding intervals, and the equation as a person would write it down.

Facts are what the declarative rules in rules/ judge; building them is the domain join (which cell
a sentence restates, which articles roll up into which ISE row), judging them is the rule's job.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Literal

from dataclasses import field, replace

from pydantic.dataclasses import dataclass

from auditor.numbers import format_dutch, round_half_up
from auditor.quantity import Quantity
from auditor.source import RECORD, SourceRef

FactKind = Literal[
    "movement", "net_movement", "unexplained_change", "restatement",
    "percentage", "ratio", "breakdown", "indicator", "gap", "untied", "credit_evolution",
    "bound",  # built by a rule file's own binding (auditor.relations.queries) and judged by that rule only
    # across documents (auditor.crossdoc): one BA figure printed in two BBTs, per article and per ISE
    "cross_ba", "cross_ise_ba",
]
# kinds no single document gives: their rules are judged by auditor.crossdoc on pairs of documents, so
# the single-document `cases:` runner cannot apply to them (tests/rules/test_rule_cases.py skips them)
CROSS_DOCUMENT_KINDS = frozenset({"cross_ba", "cross_ise_ba"})


# frozen: one operand object stands for its cell in every fact that uses it (DocumentIndex.cell_operand)
@RECORD
class Operand:
    quantity: Quantity
    role: str
    sign: int = 1


# a record like the numbers it compares (auditor.source.RECORD), but one its builders still complete: a
# rule's binding names the rule, a guessed ISE table adds its doubt
@dataclass(slots=True, kw_only=True)
class Fact:
    kind: FactKind
    key: str
    group: str
    subject: str
    stated: Operand | None
    operands: list[Operand]
    location: SourceRef  # the number (or span of numbers) in doubt
    stated_value: Decimal = Decimal(0)
    stated_lo: Decimal = Decimal(0)
    stated_hi: Decimal = Decimal(0)
    computed: Decimal = Decimal(0)
    computed_lo: Decimal = Decimal(0)
    computed_hi: Decimal = Decimal(0)
    difference: Decimal = Decimal(0)
    decimals: int = 0
    unit: str = "keuro"
    bound: Literal["eq", "ge", "le", "approx"] = "eq"
    direction_stated: bool = True
    exhaustive: bool = True
    checkable: bool = True
    style: str = ""
    formula: str = ""
    diagnosis: dict[str, str] | None = None  # nl/en
    note: dict[str, str] | None = None  # nl/en: why a number could not be checked
    # bindings that are guesses (auditor.relations.doubt.DOUBTS): with any, the fact is not certain and
    # a failed comparison is "review", never an error
    doubts: list[str] = field(default_factory=list)
    rule: str | None = None  # the rule whose binding built this fact (kind "bound"): only it judges it
    credit: str | None = None  # the credit compared (VAK, VEK …) where one is: what diagnoses join on
    column: str | None = None  # the column (stage) of the number in doubt, where it is a table cell

    def context(self) -> dict[str, object]:
        """What a rule condition may refer to (see auditor.rules.spec.FACT_FIELDS)."""
        return {
            "kind": self.kind, "stated": self.stated_value, "stated_lo": self.stated_lo, "stated_hi": self.stated_hi,
            "computed": self.computed, "computed_lo": self.computed_lo, "computed_hi": self.computed_hi,
            "difference": self.difference, "decimals": Decimal(self.decimals), "unit": self.unit, "bound": self.bound,
            "direction_stated": self.direction_stated, "exhaustive": self.exhaustive, "checkable": self.checkable,
            "style": self.style, "operand_count": Decimal(len(self.operands)), "certain": not self.doubts,
            "credit": self.credit or "", "column": self.column or "",
        }

    def quantities(self) -> list[Quantity]:
        found = [self.stated.quantity] if self.stated else []
        return found + [o.quantity for o in self.operands]


def meets(fact: Fact) -> bool:
    """Whether the stated interval can meet the computed one, under the fact's bound."""
    if fact.bound == "ge":
        return fact.computed_hi >= fact.stated_lo
    if fact.bound == "le":
        return fact.computed_lo <= fact.stated_hi
    return fact.computed_lo <= fact.stated_hi and fact.computed_hi >= fact.stated_lo


def credit_it_fits(found: list[Fact]) -> list[Fact]:
    """One text amount compared with each credit because the text names none: it is about the credits it
    fits; if it fits none, which credit it meant is a guess, so every comparison carries that doubt."""
    fitting = [f for f in found if meets(f)]
    return fitting or [replace(f, doubts=f.doubts + ["credit_guessed"]) for f in found]


def signed_sum(operands: list[Operand]) -> tuple[Decimal, Decimal, Decimal]:
    """Point value and interval of Σ sign·operand; each operand ± its half unit."""
    point = sum((o.sign * o.quantity.value for o in operands), Decimal(0))
    spread = sum((o.quantity.half_unit for o in operands), Decimal(0))
    return point, point - spread, point + spread


def ratio_percent(numerator: tuple[Decimal, Decimal, Decimal], denominator: tuple[Decimal, Decimal, Decimal]) -> tuple[Decimal, Decimal, Decimal] | None:
    """100·n/d with its interval (corners of the two intervals); None when d can be zero."""
    n, n_lo, n_hi = numerator
    d, d_lo, d_hi = denominator
    if d == 0 or d_lo <= 0 <= d_hi:
        return None
    corners = [Decimal(100) * a / b for a in (n_lo, n_hi) for b in (d_lo, d_hi)]
    return Decimal(100) * n / d, min(corners), max(corners)


def _unshared(value: Decimal) -> Decimal:
    return value


def comparison(
    *, kind: FactKind, key: str, group: str, subject: str, stated: Operand, operands: list[Operand],
    computed: tuple[Decimal, Decimal, Decimal], formula: str, location: SourceRef | None = None,
    unit: str = "keuro", bound: str = "eq", widen: Decimal = Decimal(0),
    shared: Callable[[Decimal], Decimal] = _unshared, **extra: object,
) -> Fact:
    """A fact comparing a stated number with a computed interval, difference at the stated precision;
    its computed values are taken from `shared` (SharedDecimals) where an equal one is known."""
    quantity = stated.quantity
    point, lo, hi = computed
    decimals = quantity.decimals
    if unit != "keuro":
        difference = quantity.value - round_half_up(point, decimals)
    elif quantity.half_unit > Decimal("0.5"):
        # "61,7 miljoen euro" is 61.700 keuro to the nearest 100: compare at the precision it was stated in
        step = 2 * quantity.half_unit
        difference = quantity.value - round_half_up(point / step, 0) * step
    else:
        difference = quantity.value - point
    coarse = sum((o.quantity.half_unit for o in operands if o.quantity.half_unit > quantity.half_unit), Decimal(0))
    if coarse and abs(difference) <= coarse:
        # "een besparing van 0,8 miljoen euro": a difference below the precision an operand was stated in
        # is no difference the text could have shown
        difference = Decimal(0)
    return Fact(
        kind=kind, key=key, group=group, subject=subject, stated=stated, operands=operands,
        location=location or quantity.source.with_role(stated.role),
        stated_value=quantity.value, stated_lo=shared(quantity.lo - widen), stated_hi=shared(quantity.hi + widen),
        computed=shared(point), computed_lo=shared(lo), computed_hi=shared(hi), difference=shared(difference),
        decimals=decimals,
        unit=unit, bound=bound, formula=formula, **extra,  # type: ignore[arg-type]
    )


def show(value: Decimal, decimals: int = 0) -> str:
    return format_dutch(value, decimals)


def sum_formula(operands: list[Operand]) -> str:
    text = ""
    for position, operand in enumerate(operands):
        printed = operand.quantity.display.lstrip("-−–") if operand.quantity.value < 0 and position else operand.quantity.display
        if position == 0:
            text = ("−" + printed) if operand.sign < 0 else printed
        else:
            negative = (operand.sign < 0) != (operand.quantity.value < 0)
            text += f" {'−' if negative else '+'} {printed}"
    return text or "0"


def sum_equation(operands: list[Operand], stated: Quantity, label: str, bound: str = "=") -> str:
    """'400 + 200 = 600; tabel 610': the sum worked out, then the number it is compared with, so the
    equation written down is never false ('400 + 200 = 610'); a sum of one number is not worked out."""
    worked = sum_formula(operands)
    if len(operands) > 1:
        worked += f" = {show(signed_sum(operands)[0], stated.decimals)}"
    compared = f"{label} {stated.display}".strip()
    return f"{worked}; {compared}" + ("" if bound == "=" else " (de som is hoogstens dat)")
