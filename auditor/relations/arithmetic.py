"""The joins behind table arithmetic (relation 1) and roll-ups (relation 2), which rule files call by
name through the `column` and `parts` queries (auditor.relations.queries):

- column sums: an ISE table's Totaal = Σ its ESR rows (also in each part table, 'Waarvan …'); an
  overview table's Totaal = Σ its named rows;
- roll-ups: a programme = Σ its ISEs; an ISE row = Σ its begrotingsartikelen of that ESR category; an
  ISE's own table = Σ its part tables; an overview row named as an ISE = Σ that ISE's articles; the
  programme's AO/TO/LO = Σ the receipts articles.

Each join returns facts of kind "bound"; the query marks them with the rule that asked for them."""

from __future__ import annotations

from collections.abc import Callable

from auditor.relations.context import DocumentIndex, every_table
from auditor.relations.fact import Fact, Operand, signed_sum, sum_equation
from auditor.structure.models import ISE, Article, BudgetTable, Cell
from auditor.vocabulary import normalise_name

SUMMABLE = ("BA", "BA-JR", "BU", "BO", "EVOL", "VERSCHIL")  # a percentage column has no total
Join = Callable[[DocumentIndex, list[str], list[str]], list[Fact]]  # (index, row kinds, credits) → facts


def _sum_fact(index: DocumentIndex, key: str, owner: str, subject: str, stated: Cell, operands: list[Operand], *,
              total_word: str = "", doubts: list[str] | None = None) -> Fact:
    return index.comparison(kind="bound", key=key, group=owner, subject=subject,
                            stated=index.cell_operand(stated, owner), operands=operands, computed=signed_sum(operands),
                            formula=sum_equation(operands, stated.quantity, total_word or "tabel"),
                            doubts=doubts or [], credit=stated.credit, column=stated.column)


# ---- column sums --------------------------------------------------------------------------------

def ise_table_totals(index: DocumentIndex, rows: list[str], credits: list[str]) -> list[Fact]:
    """Totaal = Σ `rows` (ESR, IS, OTHER) in every ISE table and in each of its part tables."""
    facts: list[Fact] = []
    for ise in index.doc.ises:
        tables = ([ise.table] if ise.table else []) + ise.part_tables
        for position, table in enumerate(tables):
            if "TOTAL" not in table.rows():
                continue
            owner = f"ISE {ise.name}" + (f" ({table.caption})" if table is not ise.table else "")
            key = ise.id + (f"/{position}" if table is not ise.table else "")
            facts += _total_facts(index, table, owner, key, rows, credits)
    return facts


def _total_facts(index: DocumentIndex, table: BudgetTable, owner: str, key: str, rows: list[str],
                 credits: list[str]) -> list[Fact]:
    facts: list[Fact] = []
    for credit in credits or table.credits():
        for column in table.columns():
            total = table.cell("TOTAL", credit, column)
            parts = [c for row in rows if (c := table.cell(row, credit, column))]  # type: ignore[arg-type]
            if total is None or not parts:
                continue
            facts.append(_sum_fact(index, f"total|{key}|{credit}|{column}", owner, f"{owner}: Totaal {credit} {column}", total,
                                   [index.cell_operand(c, owner) for c in parts], total_word="Totaal"))
    return facts


def named_row_totals(index: DocumentIndex, rows: list[str], credits: list[str]) -> list[Fact]:
    """A table of named rows (ISEs, entities, articles) closed by Totaal: the Totaal is their sum. Both
    sides sit in one column of one table, so the binding is certain wherever the table stands."""
    facts: list[Fact] = []
    for table, owner in every_table(index.doc):
        printed = table.rows()
        if "TOTAL" not in printed or set(printed) - {"TOTAL", "UNKNOWN"} or not table.columns():
            continue
        named = [c for c in table.cells if c.row == "UNKNOWN"]
        for total in (c for c in table.cells if c.row == "TOTAL" and c.column in SUMMABLE
                      and (not credits or c.credit in credits)):
            parts = [c for c in named if c.credit == total.credit and c.column == total.column]
            if len(parts) < 2:
                continue
            facts.append(_sum_fact(index, f"overview|{table.line}|{total.credit}|{total.column}", owner,
                                   f"{owner}: Totaal {total.credit} {total.column}", total,
                                   [index.cell_operand(c, owner) for c in parts], total_word="Totaal"))
    return facts


# ---- roll-ups -----------------------------------------------------------------------------------

def ises_into_programme(index: DocumentIndex, rows: list[str], credits: list[str]) -> list[Fact]:
    """The programme's `rows` (Totaal) = Σ the main row of each ISE's table; only when every ISE has one."""
    table, owner = _programme_table(index)
    ises = index.doc.ises
    if table is None or not ises or any(i.table is None for i in ises):
        return []
    facts: list[Fact] = []
    for credit in credits:
        for column in table.columns():
            target = table.cell(rows[0], credit, column)  # type: ignore[arg-type]
            operands = [index.cell_operand(c, f"ISE {i.name}") for i in ises if i.table and (c := index.main_cell(i.table, credit, column))]
            if target is None or len(operands) != len(ises):
                continue
            facts.append(_sum_fact(index, f"rollup|programme|{credit}|{column}", owner, f"{owner}: {credit} {column} = Σ ISE's",
                                   target, operands))
    return facts


def articles_into_ises(index: DocumentIndex, rows: list[str], credits: list[str]) -> list[Fact]:
    """Each ISE row of `rows` (ESR category) = Σ the ISE's expenditure articles of that category."""
    facts: list[Fact] = []
    for ise in index.doc.ises:
        table = ise.table
        printed = _expenditure_articles(index, ise)
        articles = [a for a in printed if a.table]
        if table is None or not articles:
            continue
        owner = f"ISE {ise.name}"
        doubts = _rollup_doubts(ise, printed, articles)
        for row in rows:
            members = [a for a in articles if a.esr_category == row]
            for credit in credits:
                for column in table.columns():
                    target = table.cell(row, credit, column)  # type: ignore[arg-type]
                    if target is None:
                        continue
                    operands = [index.cell_operand(c, a.code) for a in members if a.table and (c := index.main_cell(a.table, credit, column))]
                    if len(operands) != len(members):
                        continue  # an article without this column: not checkable, reported as untied
                    facts.append(_sum_fact(
                        index, f"rollup|{ise.id}|{row}|{credit}|{column}", owner,
                        f"{owner}: {target.row_label or row} {credit} {column} = Σ begrotingsartikelen", target, operands,
                        doubts=doubts + ([] if members else ["no_member"])))
    return facts


def part_tables_into_ises(index: DocumentIndex, rows: list[str], credits: list[str]) -> list[Fact]:
    """The ISE's own table = Σ its part tables ('Waarvan Departement …', 'Waarvan agentschap …'), per
    row of `rows`, credit and column."""
    facts: list[Fact] = []
    for ise in index.doc.ises:
        if ise.table is None or not ise.part_tables:
            continue
        owner = f"ISE {ise.name}"
        for whole in ise.table.cells:
            if whole.row not in rows:
                continue
            cells = [p.cell(whole.row, whole.credit, whole.column) for p in ise.part_tables]
            if any(c is None for c in cells):
                continue
            operands = [index.cell_operand(c, f"{owner} ({p.caption})") for c, p in zip(cells, ise.part_tables)]  # type: ignore[arg-type]
            facts.append(_sum_fact(
                index, f"parts|{ise.id}|{whole.row}|{whole.credit}|{whole.column}", owner,
                f"{owner}: {whole.row_label or whole.row} {whole.credit} {whole.column} = Σ deeltabellen", whole, operands))
    return facts


def overview_rows_into_ises(index: DocumentIndex, rows: list[str], credits: list[str]) -> list[Fact]:
    """A row of an overview table named exactly as an ISE ('Kinderopvang' for 'ISE KINDEROPVANG') = Σ the
    budget articles of that ISE, per credit and stage."""
    ises = {normalise_name(ise.name): ise for ise in index.doc.ises}
    facts: list[Fact] = []
    for table in index.doc.loose_tables:
        owner = table.caption or f"tabel regel {table.line}"
        for cell in table.cells:
            ise = ises.get(normalise_name(cell.row_label)) if cell.row == "UNKNOWN" else None
            if ise is None or cell.column not in ("BA", "BA-JR", "BU", "BO"):
                continue
            printed = _expenditure_articles(index, ise)
            read = [a for a in printed if a.table]
            parts = [index.main_cell(a.table, cell.credit, cell.column) for a in read]  # type: ignore[arg-type]
            if not read or any(p is None for p in parts):
                continue
            operands = [index.cell_operand(p, a.code) for p, a in zip(parts, read)]  # type: ignore[arg-type]
            facts.append(_sum_fact(
                index, f"overview-ise|{table.line}|{ise.id}|{cell.credit}|{cell.column}", owner,
                f"{owner}: {cell.row_label} {cell.credit} {cell.column} = Σ begrotingsartikelen van de ISE", cell, operands,
                doubts=_rollup_doubts(ise, printed, read)))
    return facts


def receipts_into_programme(index: DocumentIndex, rows: list[str], credits: list[str]) -> list[Fact]:
    """The programme's receipts row, per credit (AO, TO, LO) = Σ the receipts articles."""
    table, owner = _programme_table(index)
    receipts = [a for a in index.doc.articles if a.kind == "receipts" and a.table]
    if table is None or not receipts:
        return []
    facts: list[Fact] = []
    for credit in credits:
        for column in table.columns():
            target = table.cell(rows[0], credit, column)  # type: ignore[arg-type]
            if target is None:
                continue
            operands: list[Operand] = [index.cell_operand(c, a.code) for a in receipts
                                       if a.table and (c := a.table.cell(rows[0], credit, column))]  # type: ignore[arg-type]
            if len(operands) != len(receipts):
                continue
            facts.append(_sum_fact(index, f"rollup|programme|{credit}|{column}", owner,
                                   f"{owner}: {credit} {column} = Σ ontvangstenartikelen", target, operands))
    return facts


def _programme_table(index: DocumentIndex) -> tuple[BudgetTable | None, str]:
    programme = index.doc.programme
    if programme is None or programme.table is None:
        return None, ""
    return programme.table, f"Programma {programme.code}"


def _expenditure_articles(index: DocumentIndex, ise: ISE) -> list[Article]:
    return [a for code in ise.articles if (a := index.doc.article(code)) and a.kind == "expenditure"]


def _rollup_doubts(ise: ISE, printed: list[Article], read: list[Article]) -> list[str]:
    """What makes 'the ISE's table = Σ its articles' a guess rather than a stated identity."""
    doubts: list[str] = []
    if ise.subtables:
        doubts.append("ise_subtables")
    if len({a.entity for a in printed}) > 1:
        doubts.append("entities_mixed")
    if len(read) < len(printed):
        doubts.append("articles_unread")
    return doubts


# (whole, parts) of a `parts` binding → its join; `tables` of a `column` binding → its join
PART_JOINS: dict[tuple[str, str], Join] = {
    ("programme", "ise"): ises_into_programme,
    ("ise", "article"): articles_into_ises,
    ("ise", "part_table"): part_tables_into_ises,
    ("overview_row", "article"): overview_rows_into_ises,
    ("programme", "receipts_article"): receipts_into_programme,
}
COLUMN_JOINS: dict[str, Join] = {"ise": ise_table_totals, "named_rows": named_row_totals}
