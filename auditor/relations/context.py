"""Lookups shared by the relation builders: which table a scope restates, its cells, role names."""

from __future__ import annotations

from auditor.quantity import Quantity
from auditor.relations.fact import Operand
from auditor.structure.models import BBTDocument, BudgetTable, Cell, Scope

COLUMN_NAMES = {"BA": "BA", "BA-JR": "BA-JR", "BU": "BU", "BO": "BO", "EVOL": "evolutie", "ADJ": ""}


class DocumentIndex:
    def __init__(self, doc: BBTDocument) -> None:
        self.doc = doc
        self.scopes = {scope.id: scope for scope in doc.scopes}

    def scope(self, scope_id: str) -> Scope:
        return self.scopes[scope_id]

    def table_of(self, scope_id: str) -> tuple[BudgetTable | None, str]:
        """The table a scope's narrative restates, and a display name for grouping findings."""
        ref = self.scopes[scope_id].table_ref
        if ref is None:
            return None, self.scopes[scope_id].title
        if ref == "programme":
            programme = self.doc.programme
            return (programme.table if programme else None), f"Programma {programme.code if programme else ''}".strip()
        if ref.startswith("ISE"):
            ise = self.doc.ise(ref)
            return (ise.table if ise else None), f"ISE {ise.name if ise else ref}"
        article = self.doc.article(ref)
        return (article.table if article else None), ref

    def main_cell(self, table: BudgetTable, credit: str, column: str) -> Cell | None:
        row = table.main_row()
        return table.cell(row, credit, column) if row else None


def cell_operand(cell: Cell, owner: str, sign: int = 1) -> Operand:
    label = "Totaal" if cell.row == "TOTAL" else cell.row_label or cell.row
    column = f" {COLUMN_NAMES[cell.column]}" if COLUMN_NAMES[cell.column] else ""
    return Operand(quantity=cell.quantity, role=f"{owner} · {label} · {cell.credit}{column}", sign=sign)


def text_operand(quantity: Quantity, role: str = "tekst", sign: int = 1) -> Operand:
    return Operand(quantity=quantity, role=role, sign=sign)


def expand_credit(credit: str | None) -> list[str]:
    return ["VAK", "VEK"] if credit in (None, "BOTH") else [credit]
