"""Typed model of a BBT: programme summary, ISEs with their budgettair kader, begrotingsartikelen,
narrative scopes and the annex indicators. Every cell keeps the Quantity (and so the line) it came from."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, PrivateAttr

from auditor.quantity import Quantity
from auditor.source import RECORD, SharedFieldsSet

Credit = Literal["VAK", "VEK", "AO", "TO", "LO"]
# ADJ: a Kredietevolutie step; VERSCHIL and PCT: derived columns of overview tables (BU − BA-JR, BU / BA-JR)
Column = Literal["BA", "BA-JR", "BU", "BO", "EVOL", "ADJ", "VERSCHIL", "PCT"]
RowCategory = Literal["ESR", "IS", "OTHER", "TOTAL", "EXPENDITURE", "RECEIPTS", "ADJUSTMENT", "UNKNOWN"]
TableKind = Literal["programme", "ise", "article"]

EXPENDITURE_CREDITS: tuple[Credit, ...] = ("VAK", "VEK")
RECEIPT_CREDITS: tuple[Credit, ...] = ("AO", "TO", "LO")


@RECORD
class Cell:
    row: RowCategory
    row_label: str
    credit: Credit
    column: Column
    quantity: Quantity
    year: int | None = None  # the year its stage is printed with ("BO 2020"), when printed
    row_index: int = 0  # which printed row of its table (0-based): cells of one row share it


class BudgetTable(SharedFieldsSet):  # thousands in a large BBT: one set of given fields for all
    kind: TableKind
    title: str
    caption: str = ""  # beside its unit or the short line above it ('Tabel 1 – …', 'Waarvan Departement Zorg')
    # a table tied to no article, ISE or programme: why (nl, en); reported when none of its numbers is checked
    loose_reason: tuple[str, str] | None = None
    line: int
    end_line: int
    year: int | None = None
    years: list[int] = []  # every year in the header and row labels (BA 2024 … BO 2025)
    cells: list[Cell]

    def cell(self, row: RowCategory, credit: str, column: str) -> Cell | None:
        for cell in self.cells:
            if cell.row == row and cell.credit == credit and cell.column == column:
                return cell
        return None

    def rows(self) -> list[RowCategory]:
        seen: list[RowCategory] = []
        for cell in self.cells:
            if cell.row not in seen:
                seen.append(cell.row)
        return seen

    def credits(self) -> list[Credit]:
        seen: list[Credit] = []
        for cell in self.cells:
            if cell.credit not in seen:
                seen.append(cell.credit)
        return seen

    def columns(self) -> list[Column]:
        seen: list[Column] = []
        for cell in self.cells:
            if cell.column not in seen:
                seen.append(cell.column)
        return seen

    def adjustments(self, credit: str) -> list[Cell]:
        """The steps of a Kredietevolutie (Index, Compensaties, Andere bijstellingen) for one credit."""
        return [c for c in self.cells if c.row == "ADJUSTMENT" and c.credit == credit]

    def step(self, credit: str, name: str) -> Cell | None:
        """The Kredietevolutie line a word names ('index' → 'Index', 'compensaties' → 'Compensaties')."""
        return next((c for c in self.adjustments(credit) if c.row_label.lower().startswith(name.lower())), None)

    def main_row(self) -> RowCategory | None:
        """The row that carries the table's total: Totaal for an ISE, the single row of an article."""
        rows = [r for r in self.rows() if r != "ADJUSTMENT"]
        if "TOTAL" in rows:
            return "TOTAL"
        return rows[0] if len(rows) == 1 else None


class Scope(SharedFieldsSet):
    """A stretch of narrative text and the table its amounts are about."""

    id: str
    kind: Literal["article", "ise", "programme", "annex", "other"]
    title: str
    start: int  # first line (1-based)
    end: int  # last line (1-based, inclusive)
    table_ref: str | None = None  # id of the article / ISE whose table the text restates
    ise: str | None = None  # the ISE this text belongs to, if any


class Article(SharedFieldsSet):
    code: str
    title: str
    line: int
    end_line: int
    kind: Literal["expenditure", "receipts"]
    esr_suffix: str
    table: BudgetTable | None = None
    evolution: BudgetTable | None = None  # a Kredietevolutie table beside the article's own table
    ise: str | None = None
    entity: str | None = None  # the entity section (departement, agentschap, DAB, fonds) it is printed in

    @property
    def esr_category(self) -> str:
        """ESR row of the ISE table this article rolls up into."""
        if self.esr_suffix in ("WT", "LO", "PR"):
            return "ESR"
        if self.esr_suffix == "IS":
            return "IS"
        return "OTHER"


class ISE(BaseModel):
    id: str
    name: str
    line: int
    end_line: int
    table: BudgetTable | None = None
    articles: list[str] = []  # article codes
    subtables: int = 0  # part tables when the ISE's own table among them is a guess (then its checks are review)
    part_tables: list[BudgetTable] = []  # 'Waarvan …' tables whose Totaal rows sum to the ISE's own table


class Programme(BaseModel):
    code: str
    name: str
    line: int
    table: BudgetTable | None = None


class Indicator(BaseModel):
    ise_name: str
    name: str
    label: str
    year: int | None
    value: Quantity
    block_start: int
    block_end: int


class Unread(BaseModel):
    """A part of the document the reader saw but could not read into the model: said, never dropped."""

    line: int
    text: str
    what: Literal["row", "table", "section"]
    reason: str  # nl
    reason_en: str


class _ArticleIndex:
    """Articles by code for BBTDocument.article(), which relation builders call for every scope and
    roll-up: scanning the list there made the audit quadratic in the number of articles. Rebuilt when
    the list is another object or has another length (the parser appends while it reads); an article
    renamed since, or a code not in the index, is looked up by the scan itself, so the answer is always
    the scan's: the first article with that code."""

    def __init__(self) -> None:
        self._source: list[Article] | None = None
        self._length = -1
        self._by_code: dict[str, Article] = {}

    def __eq__(self, other: object) -> bool:
        # pydantic compares private attributes in ==: a cache must not make equal documents unequal
        return isinstance(other, _ArticleIndex)

    __hash__ = None  # type: ignore[assignment]

    def find(self, articles: list[Article], code: str) -> Article | None:
        if self._source is not articles or self._length != len(articles):
            self._by_code = {}
            for article in articles:
                self._by_code.setdefault(article.code, article)
            self._source, self._length = articles, len(articles)
        found = self._by_code.get(code)
        if found is not None and found.code == code:
            return found
        return next((a for a in articles if a.code == code), None)


class BBTDocument(BaseModel):
    kind: Literal["uitvoering", "begroting", "unknown"]
    year: int | None
    programme: Programme | None = None
    ises: list[ISE] = []
    articles: list[Article] = []
    scopes: list[Scope] = []
    indicators: list[Indicator] = []
    table_lines: list[int] = []  # lines that belong to tables (not narrative)
    footnote_lines: list[int] = []
    furniture_lines: list[int] = []  # running headers and footers of a page: not part of the text they cut
    unread: list[Unread] = []
    # tables read but tied to no article, ISE or programme (a sub-table, an entity's own table): their
    # numbers are known and shown, but no check binds them with certainty
    loose_tables: list[BudgetTable] = []
    _article_index: _ArticleIndex = PrivateAttr(default_factory=_ArticleIndex)

    def article(self, code: str) -> Article | None:
        return self._article_index.find(self.articles, code)

    def ise(self, ise_id: str) -> ISE | None:
        return next((i for i in self.ises if i.id == ise_id), None)

    def tables(self) -> list[BudgetTable]:
        found: list[BudgetTable] = []
        if self.programme and self.programme.table:
            found.append(self.programme.table)
        found.extend(i.table for i in self.ises if i.table)
        found.extend(a.table for a in self.articles if a.table)
        found.extend(a.evolution for a in self.articles if a.evolution)
        return found
