"""A number as printed in the BBT: exact value, rounding interval, unit and origin."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from auditor.numbers import decimals_of, format_dutch, half_unit, parse_dutch_number
from auditor.source import SourceRef, share_fields_set

Unit = Literal["keuro", "pct", "pp", "count"]


class Quantity(BaseModel):
    """One printed number. `value` is in the canonical unit (keuro, percent, percentage point)."""

    model_config = ConfigDict(frozen=True)

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
        return share_fields_set(cls(
            id=f"L{line}C{column}",
            value=parse_dutch_number(text) * scale,
            half_unit=half_unit(decimals) * scale,
            decimals=decimals,
            unit=unit,
            source=share_fields_set(SourceRef(line=line, end_line=end_line or line, column=column, page=page, text=text)),
        ))


def fmt(value: Decimal, decimals: int = 0) -> str:
    return format_dutch(value, decimals)
