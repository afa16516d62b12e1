"""A number as printed in the BBT: exact value, rounding interval, unit and origin."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal


from auditor.numbers import decimals_of, format_dutch, half_unit, parse_dutch_number
from auditor.source import RECORD, SourceRef

Unit = Literal["keuro", "pct", "pp", "count"]


class SharedDecimals:
    """One object per value, printed the same way, among the values given to it: where one value is
    computed anew for many objects (a cell's interval in each fact about it, a difference of 0 in most;
    a 1,600-article BBT's facts hold 106,000 computed values, 31,000 distinct: 7 MB of copies)."""

    def __init__(self) -> None:
        self._known: dict[Decimal, Decimal] = {}

    def __call__(self, value: Decimal) -> Decimal:
        known = self._known.setdefault(value, value)
        # equal is not the same: 1 == 1.0 == 1.00 and 0 == -0, which print differently
        if known is value or (known.same_quantum(value) and known.is_signed() == value.is_signed()):
            return known
        return value


# the half unit of every printed number: few distinct values (one per precision and scale), so kept
_HALF_UNITS = SharedDecimals()


@RECORD
class Quantity:
    """One printed number. `value` is in the canonical unit (keuro, percent, percentage point)."""

    id: str
    value: Decimal
    half_unit: Decimal
    decimals: int
    unit: Unit
    source: SourceRef

    @property
    def lo(self) -> Decimal:
        return self.value - self.half_unit

    @property
    def hi(self) -> Decimal:
        return self.value + self.half_unit

    @property
    def display(self) -> str:
        return self.source.text

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        line: int,
        column: int,
        unit: Unit,
        scale: Decimal = Decimal(1),
        end_line: int | None = None,
        page: int | None = None,
    ) -> "Quantity":
        """Build from printed digits; `scale` converts e.g. miljoen euro to keuro (×1000)."""
        decimals = decimals_of(text)
        return cls(
            id=f"L{line}C{column}",
            value=parse_dutch_number(text) * scale,
            half_unit=_HALF_UNITS(half_unit(decimals) * scale),
            decimals=decimals,
            unit=unit,
            source=SourceRef(line=line, end_line=end_line or line, column=column, page=page, text=text),
        )


def fmt(value: Decimal, decimals: int = 0) -> str:
    return format_dutch(value, decimals)
