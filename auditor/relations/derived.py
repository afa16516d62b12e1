"""An overview table's Totaal row = Σ its named rows, per column (relation 1). Both sides sit in one
column of one table, so the binding is certain wherever the table stands, even in a table tied to no
article or ISE. (Its derived columns, Verschil and %, are rule files with a `row` binding.)"""

from __future__ import annotations

from auditor.relations.context import DocumentIndex, cell_operand
from auditor.relations.fact import Fact, comparison, signed_sum, sum_formula
from auditor.relations.queries import every_table

SUMMABLE = ("BA", "BA-JR", "BU", "BO", "EVOL", "VERSCHIL")  # a percentage column has no total


def overview_total_facts(index: DocumentIndex) -> list[Fact]:
    """A table of named rows (ISEs, entities, articles) closed by Totaal: the Totaal is their sum. ISE
    synthesis tables (ESR rows) are checked by table_totals."""
    facts: list[Fact] = []
    for table, owner in every_table(index.doc):
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

