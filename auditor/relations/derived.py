"""Derived columns of overview tables (relation 1): Verschil = BU − BA-JR and Uitvoeringsgraad (%) =
BU / BA-JR in the same row; and an overview table's Totaal row = Σ its named rows, per column.

Both sides of each comparison sit in one printed row (or one column) of one table, so the binding is
certain wherever the table stands, even in a table tied to no article or ISE."""

from __future__ import annotations

from auditor.relations.context import DocumentIndex, cell_operand
from auditor.relations.fact import Fact, comparison, ratio_percent, show, signed_sum, sum_formula
from auditor.structure.models import BudgetTable, Cell

SUMMABLE = ("BA", "BA-JR", "BU", "BO", "EVOL", "VERSCHIL")  # a percentage column has no total


def _every_table(index: DocumentIndex) -> list[tuple[BudgetTable, str]]:
    doc = index.doc
    found: list[tuple[BudgetTable, str]] = []
    if doc.programme and doc.programme.table:
        found.append((doc.programme.table, f"Programma {doc.programme.code}"))
    found += [(ise.table, f"ISE {ise.name}") for ise in doc.ises if ise.table]
    found += [(a.table, a.code) for a in doc.articles if a.table]
    found += [(t, t.caption or f"tabel regel {t.line}") for t in doc.loose_tables]
    return found


def _rows(table: BudgetTable) -> dict[tuple[str, int], dict[tuple[str, str], Cell]]:
    """Cells by printed row (label, row index), then by (credit, column)."""
    rows: dict[tuple[str, int], dict[tuple[str, str], Cell]] = {}
    for cell in table.cells:
        rows.setdefault((cell.row_label, cell.row_index), {})[(cell.credit, cell.column)] = cell
    return rows


def derived_column_facts(index: DocumentIndex) -> list[Fact]:
    facts: list[Fact] = []
    for table, owner in _every_table(index):
        if not {"VERSCHIL", "PCT"} & set(table.columns()):
            continue
        for (label, line), row in _rows(table).items():
            for (credit, column), cell in row.items():
                bu, bajr = row.get((credit, "BU")), row.get((credit, "BA-JR"))
                if bu is None or bajr is None or column not in ("VERSCHIL", "PCT"):
                    continue
                subject = f"{owner}: {label} {credit}"
                key = f"{table.line}|{line}|{credit}|{column}"  # line: the row's index in its table
                if column == "VERSCHIL":
                    operands = [cell_operand(bu, owner), cell_operand(bajr, owner, sign=-1)]
                    point, lo, hi = signed_sum(operands)
                    facts.append(comparison(
                        kind="difference_column", key=f"verschil|{key}", group=owner,
                        subject=f"{subject} Verschil = BU − BA-JR", stated=cell_operand(cell, owner),
                        operands=operands, computed=(point, lo, hi),
                        formula=f"BU − BA-JR = {bu.quantity.display} − {bajr.quantity.display} = {show(point)}; "
                                f"Verschil {cell.quantity.display}",
                    ))
                    continue
                computed = ratio_percent((bu.quantity.value, bu.quantity.lo, bu.quantity.hi),
                                         (bajr.quantity.value, bajr.quantity.lo, bajr.quantity.hi))
                if computed is None:
                    continue
                facts.append(comparison(
                    kind="rate_column", key=f"pct|{key}", group=owner,
                    subject=f"{subject} uitvoeringsgraad = BU / BA-JR", stated=cell_operand(cell, owner),
                    operands=[cell_operand(bu, owner), cell_operand(bajr, owner)], computed=computed, unit="pct",
                    formula=f"BU / BA-JR = {bu.quantity.display} / {bajr.quantity.display} = "
                            f"{show(computed[0], cell.quantity.decimals + 2)}%; tabel {cell.quantity.display}%",
                ))
    return facts


def overview_total_facts(index: DocumentIndex) -> list[Fact]:
    """A table of named rows (ISEs, entities, articles) closed by Totaal: the Totaal is their sum. ISE
    synthesis tables (ESR rows) are checked by table_totals."""
    facts: list[Fact] = []
    for table, owner in _every_table(index):
        rows = table.rows()
        if "TOTAL" not in rows or set(rows) - {"TOTAL", "UNKNOWN"} or not table.columns():
            continue
        named = [c for c in table.cells if c.row == "UNKNOWN"]
        for total in (c for c in table.cells if c.row == "TOTAL" and c.column in SUMMABLE):
            parts = [c for c in named if c.credit == total.credit and c.column == total.column]
            if len(parts) < 2:
                continue
            operands = [cell_operand(c, owner) for c in parts]
            facts.append(comparison(
                kind="table_total", key=f"overview|{table.line}|{total.credit}|{total.column}", group=owner,
                subject=f"{owner}: Totaal {total.credit} {total.column}", stated=cell_operand(total, owner),
                operands=operands, computed=signed_sum(operands),
                formula=f"{sum_formula(operands)} = Totaal {total.quantity.display}",
            ))
    return facts

