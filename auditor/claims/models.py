"""Claims: what the Dutch narrative states about the numbers, each keeping its source."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from auditor.quantity import Quantity
from auditor.source import RECORD

CreditSpec = Literal["VAK", "VEK", "BOTH"] | None
Bound = Literal["eq", "ge", "le", "approx"]


@RECORD
class AmountClaim:
    """An amount the text attributes to a table cell (level) or leaves untied (other)."""

    quantity: Quantity
    scope: str
    credit: CreditSpec
    column: Literal["BA", "BA-JR", "BU", "BO", "ADJ"] | None  # ADJ: a Kredietevolutie step, named in `step`
    role: Literal["level", "movement", "net", "component", "other"]
    step: str | None = None  # "De index bedraagt 300 keuro": the Index line
    year: int | None = None  # the year printed with the level ("in BO 2020"): binds the stage exactly
    # the sentence concludes from movements ("waardoor", "hierdoor", "aldus"): the movements it follows are all
    concluding: bool = False


@RECORD
class MovementClaim:
    """A budget movement from BA to BA-JR (or to BO in a budget BBT): sign, credit, and whether the
    direction was stated."""

    quantity: Quantity
    scope: str
    credit: CreditSpec
    sign: Literal[1, -1]
    direction_stated: bool
    net: bool  # "in totaliteit nam het budget toe met …": the whole change, not one movement
    step: str | None = None  # the Kredietevolutie step its word names: "een compensatie van …" → Compensaties
    partial: bool = False  # its sentence says it names only some ("onder meer", "waaronder", "voornamelijk")


@RECORD
class PercentageClaim:
    """An execution percentage: numerator BU (or BA-JR − BU for onderbenutting) over BA-JR."""

    quantity: Quantity
    scope: str
    credit: CreditSpec
    numerator: Quantity | None  # the amount quoted beside it, if any
    measure: Literal["execution", "underuse", "growth"]  # growth: (BO − BA) / BA, "(+5,2%)" after a net change
    bound: Bound


class RatioClaim(BaseModel):
    quantity: Quantity
    scope: str
    numerator: Quantity
    denominator: Quantity


class BreakdownClaim(BaseModel):
    parent: Quantity | None  # None: the parent is a table cell (sub-headings under the execution)
    parent_column: Literal["BU"] | None = None
    parts: list[Quantity]
    scope: str
    credit: CreditSpec
    exhaustive: bool
    checkable: bool = True  # False when a listed component gives no value for this credit
    style: Literal["parentheses", "waarvan", "colon", "bullets", "subheadings", "anaphora"]
    doubts: list[str] = []  # why the parent or the parts are a guess (auditor.relations.doubt)


class IndicatorClaim(BaseModel):
    quantity: Quantity
    scope: str
    ise: str
    year: int | None
    context_before: str  # the clause before the number, back to the previous , ; : or 'en'
    context_after: str  # the clause after it


class GapClaim(BaseModel):
    quantity: Quantity
    scope: str
    first: Quantity
    second: Quantity


class UnreadSentence(BaseModel):
    line: int
    text: str
    reason: str  # nl
    reason_en: str


class Claims(BaseModel):
    amounts: list[AmountClaim] = []
    movements: list[MovementClaim] = []
    percentages: list[PercentageClaim] = []
    ratios: list[RatioClaim] = []
    breakdowns: list[BreakdownClaim] = []
    indicators: list[IndicatorClaim] = []
    gaps: list[GapClaim] = []
    untied: list[Quantity] = []  # numbers with a unit that no claim could tie to anything
    unread: list[UnreadSentence] = []  # sentences over a limit, not read
