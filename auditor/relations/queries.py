"""Registered queries that rule files call by name (`binding: {query: …}`): the joins that need code,
kept to a small named set. Each turns the document's facts — table cells by table, printed row, credit
and column — into the comparisons one rule states, so a new check of the same shape is a rule file only.

- `row`: in every printed row of every table, per credit (or the `credits` listed): the `stated` column
  against the `operands` columns of the same row (sum with signs, or ratio × 100). Both sides sit in one row of one table, so
  the binding is certain wherever the table stands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from auditor.relations.context import COLUMN_NAMES, cell_operand
from auditor.relations.fact import Fact, comparison, ratio_percent, show, signed_sum
from auditor.structure.models import BBTDocument, BudgetTable, Cell


class BindingLike(Protocol):  # auditor.rules.spec.Binding, without importing the rules layer
    query: str
    stated: str
    operands: list[str]
    equation: str
    credits: list[str]


def every_table(doc: BBTDocument) -> list[tuple[BudgetTable, str]]:
    """Every table the document has, with the name its findings are grouped under."""
    found: list[tuple[BudgetTable, str]] = []
    if doc.programme and doc.programme.table:
        found.append((doc.programme.table, f"Programma {doc.programme.code}"))
    for ise in doc.ises:
        found += [(t, f"ISE {ise.name}" + (f" ({t.caption})" if t is not ise.table else ""))
                  for t in ([ise.table] if ise.table else []) + ise.part_tables]
    for article in doc.articles:
        found += [(t, article.code) for t in (article.table, article.evolution) if t]
    found += [(t, t.caption or f"tabel regel {t.line}") for t in doc.loose_tables]
    return found


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


def row_facts(doc: BBTDocument, rule_id: str, title: str, binding: BindingLike) -> list[Fact]:
    facts: list[Fact] = []
    wanted = [_signed(c) for c in binding.operands]
    for table, owner in every_table(doc):
        if binding.stated not in table.columns():
            continue
        for index, cells in _rows(table).items():
            by_key = {(c.credit, c.column): c for c in cells}
            for credit in table.credits():
                if binding.credits and credit not in binding.credits:
                    continue
                stated = by_key.get((credit, binding.stated))
                parts = [(by_key.get((credit, column)), sign) for column, sign in wanted]
                if stated is None or any(cell is None for cell, _ in parts):
                    continue
                label = "Totaal" if stated.row == "TOTAL" else stated.row_label
                operands = [cell_operand(cell, owner, sign) for cell, sign in parts]  # type: ignore[arg-type]
                shown = _signed_names(wanted)
                if binding.equation == "ratio":
                    n, d = operands[0].quantity, operands[1].quantity
                    computed = ratio_percent((n.value, n.lo, n.hi), (d.value, d.lo, d.hi))
                    if computed is None:
                        continue
                    shown = f"{COLUMN_NAMES.get(wanted[0][0], wanted[0][0])} / {COLUMN_NAMES.get(wanted[1][0], wanted[1][0])}"
                    values = f"{n.display} / {d.display} = {show(computed[0], stated.quantity.decimals + 2)}%"
                    unit = "pct"
                else:
                    computed = signed_sum(operands)
                    values = " ".join(("− " if o.sign < 0 else "+ ") + o.quantity.display for o in operands).lstrip("+ ")
                    values += f" = {show(computed[0], stated.quantity.decimals)}"
                    unit = "keuro"
                column_name = COLUMN_NAMES.get(binding.stated, binding.stated)
                facts.append(comparison(
                    kind="bound", key=f"{rule_id}|{table.line}|{index}|{credit}", group=owner,
                    subject=f"{owner}: {label} {credit} {title}", stated=cell_operand(stated, owner),
                    operands=operands, computed=computed, unit=unit,
                    formula=f"{shown} = {values}; {column_name} {stated.quantity.display}",
                    rule=rule_id,
                ))
    return facts


QUERIES: dict[str, Callable[[BBTDocument, str, str, BindingLike], list[Fact]]] = {"row": row_facts}

__all__ = ["QUERIES", "every_table"]
