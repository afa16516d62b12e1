"""Lookups shared by the relation builders: which table a scope restates, its cells, role names."""

from __future__ import annotations

from typing import Any

from auditor.quantity import Quantity, SharedDecimals
from auditor.relations.fact import Fact, Operand, comparison
from auditor.structure.models import BBTDocument, BudgetTable, Cell, Scope
from auditor.vocabulary import STAGE_AT_START, column_of

COLUMN_NAMES: dict[str, str] = {"BA": "BA", "BA-JR": "BA-JR", "BU": "BU", "BO": "BO", "EVOL": "evolutie", "ADJ": "",
                "VERSCHIL": "Verschil", "PCT": "%"}


class DocumentIndex:
    def __init__(self, doc: BBTDocument) -> None:
        self.doc = doc
        self.scopes = {scope.id: scope for scope in doc.scopes}
        # one operand per table cell, owner and sign: a cell takes part in several facts (its row's
        # sum, its column's roll-up, the text restating it …), which all hold that one operand instead
        # of a copy each (on a 1,600-article BBT 56,000 operands become 27,000). Keyed by the cell's
        # identity, and the cell kept with its operand: a cell made for one fact (not the document's)
        # stays alive while its key is here, so no other cell can come to have its identity.
        self._operands: dict[tuple[int, str, int], tuple[Cell, Operand]] = {}
        self.decimals = SharedDecimals()

    def comparison(self, **fields: Any) -> Fact:
        """`comparison(…)` (auditor.relations.fact), its computed values shared with the other facts of
        the document."""
        return comparison(shared=self.decimals, **fields)

    def cell_operand(self, cell: Cell, owner: str, sign: int = 1) -> Operand:
        """The operand of a table cell in a fact about `owner` (its role names the owner, row, credit
        and column). Shared: an operand is never changed once made."""
        key = (id(cell), owner, sign)
        known = self._operands.get(key)
        if known is None:
            known = self._operands[key] = (cell, _cell_operand(cell, owner, sign))
        return known[1]

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

    def level_cell(self, table: BudgetTable, credit: str, column: str, year: int | None) -> Cell | None:
        """The cell of a stage the text names, with its year when it prints one: 'in BO 2020' is the
        start line 'BO 2020' of a Kredietevolutie that ends in 'BO 2021', not its end; a year the table
        does not print at that stage binds nothing."""
        cell = self.main_cell(table, credit, column)
        if year is None or cell is None or cell.year in (None, year):
            return cell
        row = table.main_row()
        for other in table.cells:
            if other.row != row or other.credit != credit or other.year != year:
                continue
            printed = STAGE_AT_START.match(other.row_label)
            stage = column_of(printed.group("name")) if printed else other.column
            if stage == column:
                return other
        return None


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


def _cell_operand(cell: Cell, owner: str, sign: int) -> Operand:
    label = "Totaal" if cell.row == "TOTAL" else cell.row_label or cell.row
    column = f" {COLUMN_NAMES[cell.column]}" if COLUMN_NAMES[cell.column] else ""
    return Operand(quantity=cell.quantity, role=f"{owner} · {label} · {cell.credit}{column}", sign=sign)


def text_operand(quantity: Quantity, role: str = "tekst", sign: int = 1) -> Operand:
    return Operand(quantity=quantity, role=role, sign=sign)


def expand_credit(credit: str | None) -> list[str]:
    return ["VAK", "VEK"] if credit in (None, "BOTH") else [credit]
