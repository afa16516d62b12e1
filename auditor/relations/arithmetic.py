"""Table arithmetic (relation 1) and roll-ups (relation 2): Totaal = Σ ESR rows; articles → ISE row
by ESR category; part tables → ISE; receipts articles → programme AO/TO/LO. (ISEs → programme is a
rule file with its own binding, rules/2-optelling/BBT-ROL-002.yaml.)"""

from __future__ import annotations

from auditor.relations.context import DocumentIndex, cell_operand
from auditor.relations.fact import Fact, Operand, comparison, signed_sum, sum_formula
from auditor.structure.models import ISE, Article, BudgetTable
from auditor.vocabulary import normalise_name

ESR_ROWS = ("ESR", "IS", "OTHER")


def table_totals(index: DocumentIndex) -> list[Fact]:
    """Totaal = Σ ESR rows in every ISE table and in each of its part tables ('Waarvan …')."""
    facts: list[Fact] = []
    for ise in index.doc.ises:
        tables = ([ise.table] if ise.table else []) + ise.part_tables
        for position, table in enumerate(tables):
            if "TOTAL" not in table.rows():
                continue
            owner = f"ISE {ise.name}" + (f" ({table.caption})" if table is not ise.table else "")
            key = ise.id + (f"/{position}" if table is not ise.table else "")
            facts += _total_facts(table, owner, key)
    return facts


def _total_facts(table: BudgetTable, owner: str, key: str) -> list[Fact]:
    facts: list[Fact] = []
    for credit in table.credits():
        for column in table.columns():
            total = table.cell("TOTAL", credit, column)
            parts = [c for row in ESR_ROWS if (c := table.cell(row, credit, column))]
            if total is None or not parts:
                continue
            operands = [cell_operand(c, owner) for c in parts]
            stated = cell_operand(total, owner)
            facts.append(comparison(
                kind="table_total", key=f"total|{key}|{credit}|{column}", group=owner,
                subject=f"{owner}: Totaal {credit} {column}", stated=stated, operands=operands,
                computed=signed_sum(operands), formula=f"{sum_formula(operands)} = Totaal {total.quantity.display}",
            ))
    return facts


def part_table_sums(index: DocumentIndex) -> list[Fact]:
    """The ISE's own table = Σ its part tables ('Waarvan Departement …', 'Waarvan agentschap …'), per
    ESR row, credit and column."""
    facts: list[Fact] = []
    for ise in index.doc.ises:
        if ise.table is None or not ise.part_tables:
            continue
        owner = f"ISE {ise.name}"
        for whole in ise.table.cells:
            if whole.row not in ESR_ROWS + ("TOTAL",):
                continue
            cells = [p.cell(whole.row, whole.credit, whole.column) for p in ise.part_tables]
            if any(c is None for c in cells):
                continue
            operands = [cell_operand(c, f"{owner} ({p.caption})") for c, p in zip(cells, ise.part_tables)]  # type: ignore[arg-type]
            facts.append(comparison(
                kind="rollup", key=f"parts|{ise.id}|{whole.row}|{whole.credit}|{whole.column}", group=owner,
                subject=f"{owner}: {whole.row_label or whole.row} {whole.credit} {whole.column} = Σ deeltabellen",
                stated=cell_operand(whole, owner), operands=operands, computed=signed_sum(operands),
                formula=f"{sum_formula(operands)} = {whole.quantity.display}",
            ))
    return facts


def rollups(index: DocumentIndex) -> list[Fact]:
    return (_articles_into_ises(index) + part_table_sums(index) + _overview_rows_into_ises(index)
            + _receipts_into_programme(index))  # ISEs → programme: BBT-ROL-002's own binding


def _overview_rows_into_ises(index: DocumentIndex) -> list[Fact]:
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
            printed = [a for code in ise.articles if (a := index.doc.article(code)) and a.kind == "expenditure"]
            read = [a for a in printed if a.table]
            parts = [index.main_cell(a.table, cell.credit, cell.column) for a in read]  # type: ignore[arg-type]
            if not read or any(p is None for p in parts):
                continue
            operands = [cell_operand(p, a.code) for p, a in zip(parts, read)]  # type: ignore[arg-type]
            facts.append(comparison(
                kind="rollup", key=f"overview-ise|{table.line}|{ise.id}|{cell.credit}|{cell.column}", group=owner,
                subject=f"{owner}: {cell.row_label} {cell.credit} {cell.column} = Σ begrotingsartikelen van de ISE",
                stated=cell_operand(cell, owner), operands=operands, computed=signed_sum(operands),
                formula=f"{sum_formula(operands)} = {cell.quantity.display}",
                doubts=_rollup_doubts(ise, printed, read),
            ))
    return facts


def _articles_into_ises(index: DocumentIndex) -> list[Fact]:
    facts: list[Fact] = []
    for ise in index.doc.ises:
        table = ise.table
        printed = [a for code in ise.articles if (a := index.doc.article(code)) and a.kind == "expenditure"]
        articles = [a for a in printed if a.table]
        if table is None or not articles:
            continue
        owner = f"ISE {ise.name}"
        doubts = _rollup_doubts(ise, printed, articles)
        for row in ESR_ROWS:
            members = [a for a in articles if a.esr_category == row]
            for credit in ("VAK", "VEK"):
                for column in table.columns():
                    target = table.cell(row, credit, column)
                    if target is None:
                        continue
                    operands = [cell_operand(c, a.code) for a in members if a.table and (c := index.main_cell(a.table, credit, column))]
                    if len(operands) != len(members):
                        continue  # an article without this column: not checkable, reported as untied
                    stated = cell_operand(target, owner)
                    facts.append(comparison(
                        kind="rollup", key=f"rollup|{ise.id}|{row}|{credit}|{column}", group=owner,
                        subject=f"{owner}: {target.row_label or row} {credit} {column} = Σ begrotingsartikelen",
                        stated=stated, operands=operands, computed=signed_sum(operands),
                        formula=f"{sum_formula(operands)} = {target.quantity.display}",
                        doubts=doubts + ([] if members else ["no_member"]),
                    ))
    return facts


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


def _programme_table(index: DocumentIndex) -> tuple[BudgetTable | None, str]:
    programme = index.doc.programme
    if programme is None or programme.table is None:
        return None, ""
    return programme.table, f"Programma {programme.code}"


def _receipts_into_programme(index: DocumentIndex) -> list[Fact]:
    table, owner = _programme_table(index)
    receipts = [a for a in index.doc.articles if a.kind == "receipts" and a.table]
    if table is None or not receipts:
        return []
    facts: list[Fact] = []
    for credit in ("AO", "TO", "LO"):
        for column in table.columns():
            target = table.cell("RECEIPTS", credit, column)
            if target is None:
                continue
            operands: list[Operand] = [cell_operand(c, a.code) for a in receipts if a.table and (c := a.table.cell("RECEIPTS", credit, column))]
            if len(operands) != len(receipts):
                continue
            facts.append(comparison(
                kind="rollup", key=f"rollup|programme|{credit}|{column}", group=owner,
                subject=f"{owner}: {credit} {column} = Σ ontvangstenartikelen", stated=cell_operand(target, owner),
                operands=operands, computed=signed_sum(operands), formula=f"{sum_formula(operands)} = {target.quantity.display}",
            ))
    return facts
