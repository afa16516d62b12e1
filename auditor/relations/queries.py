"""Registered queries that rule files call by name (`binding: {query: …}`): the joins that need code,
kept to a small named set. Each turns the document's facts — table cells by table, printed row, credit
and column; the text's claims by scope — into the comparisons one rule states, so a new check of the
same shape is a rule file only. A query's parameters are the pydantic model beside it: a rule file
that names an unknown query, column or parameter is refused when it loads.

- `row`: in every printed row of every table, per credit (or the `credits` listed): the `stated` column
  against the `operands` columns of the same row (sum with signs, or ratio × 100). Both sides sit in one
  row of one table, so the binding is certain wherever the table stands.
- `parts`: a cell of a whole (the programme summary) against the same cell of each of its parts (the
  ISEs' own tables), per credit and column; only when every part has its table.
- `quoted_percentage`: a percentage the text quotes (of a `measure` the claims name, e.g. growth) against
  the ratio of columns of the table its scope restates: (Σ `numerator`) / `denominator` × 100.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from auditor.claims.models import Claims, PercentageClaim
from auditor.errors import RuleProblem
from auditor.relations.arithmetic import COLUMN_JOINS, PART_JOINS
from auditor.relations.context import COLUMN_NAMES, DocumentIndex, every_table, expand_credit, text_operand
from auditor.relations.fact import Fact, Operand, credit_it_fits, ratio_percent, show, signed_sum, sum_formula
from auditor.structure.models import BudgetTable, Cell

COLUMNS = ("BA", "BA-JR", "BU", "BO", "EVOL", "VERSCHIL", "PCT")
CREDITS = Literal["VAK", "VEK", "AO", "TO", "LO"]
ROWS = Literal["ESR", "IS", "OTHER", "TOTAL", "RECEIPTS"]
SUBJECT_FIELDS = {"owner", "row", "credit", "column", "title"}


def _known_column(column: str) -> str:
    """A column name, '-' before it to subtract, '|' between alternatives (the first the table has)."""
    for name in column.lstrip("-").split("|"):
        if name not in COLUMNS:
            raise RuleProblem(f"onbekende kolom {name!r} (bekend: {', '.join(COLUMNS)})", f"unknown column {name!r} (known: {', '.join(COLUMNS)})")
    return column


Column = Annotated[str, AfterValidator(_known_column)]


class _Query(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Subject(_Query):
    # the finding's subject; fields {owner} (table or scope), {row}, {credit}, {column}, {title} (the rule's)
    subject: str | None = None

    @field_validator("subject")
    @classmethod
    def _subject_fields(cls, template: str | None) -> str | None:
        for _, name, spec, conversion in string.Formatter().parse(template or ""):
            if name is not None and (name not in SUBJECT_FIELDS or spec or conversion):
                raise RuleProblem(f"veld {{{name}}} van subject is niet toegelaten (toegelaten: {', '.join(sorted(SUBJECT_FIELDS))})",
                                  f"subject field {{{name}}} is not allowed (allowed: {', '.join(sorted(SUBJECT_FIELDS))})")
        return template


class RowBinding(_Subject):
    """In every printed row of every table and per credit, the `stated` column and the `operands`
    columns ("-BA-JR" subtracts), combined by `equation`: sum of the signed operands, or ratio
    (first / second × 100)."""

    query: Literal["row"]
    stated: Column
    operands: list[Column] = []  # none: the stated column against 0 (BU ≥ 0: when stated_hi < 0)
    equation: Literal["sum", "ratio"] = "sum"
    credits: list[CREDITS] = []  # only these credits (none: every credit)

    @model_validator(mode="after")
    def _ratio_of_two(self) -> "RowBinding":
        if self.equation == "ratio" and len(self.operands) != 2:
            raise RuleProblem("equation: ratio deelt de eerste kolom door de tweede: geef er twee",
                              "equation: ratio divides the first column by the second: give two")
        return self

    @field_validator("stated", "operands")
    @classmethod
    def _one_column_each(cls, value: str | list[str]) -> str | list[str]:
        if any("|" in column for column in ([value] if isinstance(value, str) else value)):
            raise RuleProblem("een rij vergelijkt kolommen van één rij: geen alternatieven ('|')", "a row compares columns of one row: no alternatives ('|')")
        return value

    _operand_columns = field_validator("operands")(classmethod(lambda cls, v: [_known_column(c) for c in v]))


class PartsBinding(_Query):
    """A row of the whole = Σ the same cell of each of its parts, per credit and column. The pairs
    (whole, parts) the registry knows: programme ← ise (the Totaal of each ISE's table), ise ← article
    (each ESR row ← the articles of that category), ise ← part_table ('Waarvan …' sub-tables), overview_row
    ← article (an overview row named as an ISE ← that ISE's articles), programme ← receipts_article."""

    query: Literal["parts"]
    whole: Literal["programme", "ise", "overview_row"]
    parts: Literal["ise", "article", "part_table", "receipts_article"]
    rows: list[ROWS] = []  # which rows of the whole (none: those the join defines, e.g. every row named as an ISE)
    credits: list[CREDITS] = Field(min_length=1)
    columns: list[Column] = []  # only these columns of the whole (none: every column)

    @model_validator(mode="after")
    def _known_pair(self) -> "PartsBinding":
        if (self.whole, self.parts) not in PART_JOINS:
            known = ", ".join(f"{w} ← {p}" for w, p in PART_JOINS)
            raise RuleProblem(f"geen koppeling telt {self.parts} op tot {self.whole} (bekend: {known})",
                              f"no join sums {self.parts} into {self.whole} (known: {known})")
        if (self.whole == "overview_row") == bool(self.rows):
            raise RuleProblem("geef de rijen van het geheel (rows); een overzichtsrij is die met de naam van de ISE: geen rows",
                              "list the rows of the whole (an overview row is the one named as the ISE: no rows)")
        return self


class ColumnBinding(_Query):
    """In the tables of `tables`, per credit and column: the Totaal row = Σ the `rows` above it. `tables`:
    ise (an ISE's own table and its part tables; rows ESR, IS, OTHER) or named_rows (a table of rows named
    by what they are, ISEs or entities, closed by Totaal; every named row)."""

    query: Literal["column"]
    tables: Literal["ise", "named_rows"]
    stated: Literal["TOTAL"] = "TOTAL"
    rows: list[ROWS] = []  # for tables: ise; named_rows sums every named row
    credits: list[CREDITS] = []  # none: every credit the table has
    columns: list[Column] = []  # only these columns (none: every column)

    @model_validator(mode="after")
    def _rows_given(self) -> "ColumnBinding":
        if (self.tables == "ise") != bool(self.rows):
            raise RuleProblem("tables: ise telt de gegeven rows op (ESR, IS, OTHER); named_rows telt elke rij met een naam op (geen rows)",
                              "tables: ise sums the rows listed (ESR, IS, OTHER); named_rows sums every named row")
        return self


class QuotedPercentageBinding(_Subject):
    """A percentage of `measure` the text quotes = (Σ signed `numerator` columns) / `denominator` × 100,
    from the main row of the table the sentence's scope restates, per credit it names."""

    query: Literal["quoted_percentage"]
    measure: Literal["growth"]
    numerator: list[Column] = Field(min_length=1)
    denominator: Column

    _numerator_columns = field_validator("numerator")(classmethod(lambda cls, v: [_known_column(c) for c in v]))


def is_ratio(binding: BaseModel | None) -> bool:
    """Whether a binding compares a percentage (its computed side a ratio × 100)."""
    return isinstance(binding, QuotedPercentageBinding) or (isinstance(binding, RowBinding) and binding.equation == "ratio")


Binding = Annotated[Union[RowBinding, ColumnBinding, PartsBinding, QuotedPercentageBinding], Field(discriminator="query")]


def _rows(table: BudgetTable) -> dict[object, list[Cell]]:
    """The table's rows as the cube has them: a printed row of a table with stage columns; in a table
    turned the other way (a line per stage) the stage lines together are one row (per row kind)."""
    printed: dict[object, list[Cell]] = {}
    for cell in table.cells:
        printed.setdefault(cell.row_index, []).append(cell)
    if all(len({c.column for c in cells}) == 1 for cells in printed.values()):
        turned: dict[object, list[Cell]] = {}
        for cell in table.cells:
            turned.setdefault(cell.row, []).append(cell)
        return turned
    return printed


def _signed(column: str) -> tuple[str, int]:
    return (column[1:], -1) if column.startswith("-") else (column, 1)


def _signed_names(columns: list[tuple[str, int]]) -> str:
    """'BO − BA', 'BU − BA-JR': the equation's right-hand side in column names."""
    text = ""
    for position, (column, sign) in enumerate(columns):
        name = COLUMN_NAMES.get(column, column)
        text += (("−" if sign < 0 else "") + name) if position == 0 else f" {'−' if sign < 0 else '+'} {name}"
    return text


def _subject(binding: _Subject, default: str, **fields: str) -> str:
    return (binding.subject or default).format_map(fields)


def row_facts(index: DocumentIndex, claims: Claims, rule_id: str, title: str, binding: RowBinding) -> list[Fact]:
    facts: list[Fact] = []
    wanted = [_signed(c) for c in binding.operands]
    for table, owner in every_table(index.doc):
        if binding.stated not in table.columns():
            continue
        for row_key, cells in _rows(table).items():
            by_key = {(c.credit, c.column): c for c in cells}
            for credit in table.credits():
                if binding.credits and credit not in binding.credits:
                    continue
                stated = by_key.get((credit, binding.stated))
                parts = [(by_key.get((credit, column)), sign) for column, sign in wanted]
                if stated is None or any(cell is None for cell, _ in parts):
                    continue
                label = "Totaal" if stated.row == "TOTAL" else stated.row_label
                operands = [index.cell_operand(cell, owner, sign) for cell, sign in parts]  # type: ignore[arg-type]
                shown = _signed_names(wanted)
                if binding.equation == "ratio":
                    n, d = operands[0].quantity, operands[1].quantity
                    computed = ratio_percent((n.value, n.lo, n.hi), (d.value, d.lo, d.hi))
                    if computed is None:
                        continue
                    shown = f"{COLUMN_NAMES.get(wanted[0][0], wanted[0][0])} / {COLUMN_NAMES.get(wanted[1][0], wanted[1][0])}"
                    values = f"{n.display} / {d.display} = {show(computed[0], stated.quantity.decimals + 2)}%"
                    unit = "pct"
                elif operands:
                    computed = signed_sum(operands)
                    values = f"{sum_formula(operands)} = {show(computed[0], stated.quantity.decimals)}"
                    unit = "keuro"
                else:
                    computed, shown, values, unit = signed_sum([]), "0", "0", "keuro"
                column_name = COLUMN_NAMES.get(binding.stated, binding.stated)
                facts.append(index.comparison(
                    kind="bound", key=f"{rule_id}|{table.line}|{row_key}|{credit}", group=owner,
                    subject=_subject(binding, "{owner}: {row} {credit} {title}", owner=owner, row=label, credit=credit,
                                     column=column_name, title=title),
                    stated=index.cell_operand(stated, owner), operands=operands, computed=computed, unit=unit,
                    formula=f"{shown} = {values}; {column_name} {stated.quantity.display}",
                    credit=credit, column=binding.stated,
                ))
    return facts


def parts_facts(index: DocumentIndex, claims: Claims, rule_id: str, title: str, binding: PartsBinding) -> list[Fact]:
    return PART_JOINS[(binding.whole, binding.parts)](index, list(binding.rows), list(binding.credits))


def column_facts(index: DocumentIndex, claims: Claims, rule_id: str, title: str, binding: ColumnBinding) -> list[Fact]:
    return COLUMN_JOINS[binding.tables](index, list(binding.rows), list(binding.credits))


def _first_column(table: BudgetTable, alternatives: str) -> str | None:
    return next((name for name in alternatives.split("|") if name in table.columns()), None)


def quoted_percentage_facts(index: DocumentIndex, claims: Claims, rule_id: str, title: str,
                            binding: QuotedPercentageBinding) -> list[Fact]:
    facts: list[Fact] = []
    for claim in claims.percentages:
        if claim.measure != binding.measure:
            continue
        found = _quoted_facts(index, claim, rule_id, title, binding)
        if claim.credit in (None, "BOTH") and len(found) > 1:
            # the text names no credit, or both, while one percentage cannot fit two bases: it is about the
            # credit it agrees with; if none, which one is a guess
            found = credit_it_fits(found)
        facts += found
    return facts


def _quoted_facts(index: DocumentIndex, claim: PercentageClaim, rule_id: str, title: str,
                  binding: QuotedPercentageBinding) -> list[Fact]:
    facts: list[Fact] = []
    table, owner = index.table_of(claim.scope)
    if table is None:
        return facts
    columns = [(_first_column(table, name), sign) for name, sign in map(_signed, binding.numerator)]
    base_column = _first_column(table, binding.denominator)
    if base_column is None or any(name is None for name, _ in columns):
        return facts
    for credit in expand_credit(claim.credit):
        cells = [(index.main_cell(table, credit, name), sign) for name, sign in columns]  # type: ignore[arg-type]
        base = index.main_cell(table, credit, base_column)
        if base is None or any(cell is None for cell, _ in cells):
            continue
        operands = [index.cell_operand(cell, owner, sign) for cell, sign in cells]  # type: ignore[arg-type]
        b = base.quantity
        computed = ratio_percent(signed_sum(operands), (b.value, b.lo, b.hi))
        if computed is None:
            continue
        names, values = _signed_names([(name, sign) for name, sign in columns]), sum_formula(operands)  # type: ignore[misc]
        if len(operands) > 1:
            names, values = f"({names})", f"({values})"
        base_name = COLUMN_NAMES.get(base_column, base_column)
        shown: dict[str, Operand] = {}  # each cell once, as printed (the signs are in the formula)
        for cell in [cell for cell, _ in cells] + [base]:
            shown.setdefault(cell.quantity.id, index.cell_operand(cell, owner))  # type: ignore[arg-type]
        facts.append(index.comparison(
            kind="bound", key=f"{rule_id}|{claim.quantity.id}|{credit}", group=owner,
            subject=_subject(binding, "{owner}: {title} {credit}", owner=owner, row="", credit=credit,
                             column=base_name, title=title),
            stated=text_operand(claim.quantity, f"tekst % {credit}"), operands=list(shown.values()),
            computed=computed, unit="pct", credit=credit,
            formula=f"{names} / {base_name} = {values} / {b.display} = {show(computed[0], claim.quantity.decimals + 2)}%; "
                    f"tekst {claim.quantity.display}%",
        ))
    return facts


@dataclass(frozen=True)
class Query:
    build: Callable[..., list[Fact]]
    # whether the binding depends on which table was taken for an ISE's whole (a guess when chosen by
    # size): its facts then carry that doubt; a comparison inside one row of one table does not
    depends_on_whole: bool


QUERIES: dict[str, Query] = {
    "row": Query(row_facts, depends_on_whole=False),
    "column": Query(column_facts, depends_on_whole=True),
    "parts": Query(parts_facts, depends_on_whole=True),
    "quoted_percentage": Query(quoted_percentage_facts, depends_on_whole=True),
}


def bound_facts(index: DocumentIndex, claims: Claims, bindings: Sequence[tuple[str, str, Binding]],
                *, depends_on_whole: bool) -> list[Fact]:
    """The facts of the rules that state their own binding, in rule order."""
    found: list[Fact] = []
    for rule_id, title, binding in bindings:
        query = QUERIES[binding.query]
        if query.depends_on_whole == depends_on_whole:
            columns = getattr(binding, "columns", None)
            for fact in query.build(index, claims, rule_id, title, binding):
                if columns and fact.column not in columns:
                    continue
                fact.rule = rule_id  # judged by this rule alone
                found.append(fact)
    return found


__all__ = ["COLUMNS", "QUERIES", "Binding", "bound_facts", "is_ratio"]
