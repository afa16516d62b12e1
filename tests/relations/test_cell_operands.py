"""One operand per table cell, owner and sign (auditor/relations/context.py): shared by every fact about
the cell, and never the operand of another cell, whatever cells a builder makes and lets go."""

from __future__ import annotations


from auditor.quantity import Quantity
from auditor.relations.context import DocumentIndex
from auditor.structure.models import BBTDocument, Cell


def _cell(text: str, line: int) -> Cell:
    return Cell(row="TOTAL", row_label="Totaal", credit="VAK", column="BA",
                quantity=Quantity.from_text(text, line=line, column=10, unit="keuro"))


def _index() -> DocumentIndex:
    return DocumentIndex(BBTDocument(kind="uitvoering", year=2024))


def test_a_cell_has_one_operand_per_owner_and_sign():
    index, cell = _index(), _cell("1.234", 5)
    first = index.cell_operand(cell, "SB0-1SAX2AA-WT")
    assert index.cell_operand(cell, "SB0-1SAX2AA-WT") is first
    assert index.cell_operand(cell, "SB0-1SAX2AA-WT", -1) is not first
    assert index.cell_operand(cell, "ISE Sociale economie") is not first


def test_a_cell_made_and_let_go_never_lends_its_operand_to_another():
    index = _index()
    quantities = [Quantity.from_text(f"{n + 1}", line=n + 1, column=10, unit="keuro") for n in range(200)]
    identities = set()
    for quantity in quantities:  # a new cell each time, let go at once: its memory is the next one's
        cell = Cell(row="TOTAL", row_label="Totaal", credit="VAK", column="BA", quantity=quantity)
        identities.add(id(cell))
        assert index.cell_operand(cell, "SB0-1SAX2AA-WT").quantity is quantity
        del cell  # freed at once: nothing else holds it
    assert len(identities) == len(quantities)  # none reused: each was kept with its operand
