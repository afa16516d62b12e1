"""The real-figure corpus: BBT documents generated in memory from the credit rows a third party parsed from
28 real BBTs (fixtures/realdata/kredieten-wachtlijsten-vlaanderen.csv, MIT licence, "Copyright (c) 2026
Edward Berger"; see fixtures/realdata/README.md), rendered in the layouts of shared/LAYOUTS.md.

Pure functions only: read the CSV, group its rows into documents (one per stuk/pfile), classify each
article's Kredietevolutie table (complete? does start + Index + Compensaties + Andere bijstellingen = end
hold per credit?), and render a document as a list of text lines, remembering which lines belong to which
article or ISE table so that tests can place the auditor's findings. Nothing generated here is written to
disk.

The figures, codes, titles, ISE names, column labels and page numbers are the CSV's; the prose, the entity
headings and the ESR split of the ISE totals are ours (the CSV does not have them).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

CSV_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "realdata" / "kredieten-wachtlijsten-vlaanderen.csv"

Credit = Literal["VAK", "VEK"]
CREDITS: tuple[Credit, Credit] = ("VAK", "VEK")
STEPS: tuple[str, str, str] = ("Index", "Compensaties", "Andere bijstellingen")
ISE_TOTAL_LABEL = "ISE-totaal"
EXECUTION_PHASE = "UITV"
BUDGET_PHASES = ("BO", "BA")  # BO: begroting 13-x; BA: the 2020 adjustment 17-A
ADJUSTMENT_PHASE = "BA"
AGENCY_KIND = "A"  # fourth character of an article code after the dash: A = agency
AGENCY_KIND_POSITION = 4
RECEIPT_SUFFIXES = frozenset({"OW", "OI", "OP", "OL", "OG"})
LEVEL = re.compile(r"^(BA|BO) (\d{4})$")
EXECUTION_STAGE = re.compile(r"^(BA|BA-JR|Uitvoering) (\d{4})$")

# entity headings by the first five characters of an article code (our wording; the CSV has no entities)
ENTITY_NAMES = {
    "GB0-1": "Departement Zorg",
    "GE0-1": "Departement Welzijn, Volksgezondheid en Gezin",
    "GE0-9": "Departement Welzijn, Volksgezondheid en Gezin – bijzondere artikelen",
    "GH0-A": "Agentschap Opgroeien",
    "GH0-B": "Agentschap Opgroeien",
    "GM0-A": "Agentschap Vlaamse Sociale Bescherming",
    "GM0-B": "Agentschap Vlaamse Sociale Bescherming",
    "QF0-1": "Departement Omgeving – Wonen",
    "QF0-9": "Departement Omgeving – Wonen, bijzondere artikelen",
}
DOMAIN_TITLES = {"WVG": "WELZIJN, VOLKSGEZONDHEID EN GEZIN", "WONEN": "WONEN"}


# ---------------------------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class CreditRow:
    """One row of the CSV: one amount (keuro) of one credit in one column of one table."""

    stuk: str
    pfile_id: str
    domain: str
    year: int
    phase: str
    ise: str
    article_code: str
    label: str
    column: str
    credit: Credit
    amount: int
    page: int | None


def read_rows(path: Path = CSV_PATH) -> list[CreditRow]:
    """The CSV's rows in file order; amounts are whole keuro written as floats ('27819.0')."""
    rows: list[CreditRow] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            amount = float(record["bedrag_keur"])
            if amount != int(amount):
                raise ValueError(f"{record['krediet_id']}: bedrag {amount} is not a whole keuro")
            rows.append(CreditRow(
                stuk=record["stuk"], pfile_id=record["pfile_id"], domain=record["beleidsdomein"],
                year=int(record["begrotingsjaar"]), phase=record["fase"], ise=record["ise"].strip(),
                article_code=record["artikel_code"].strip(), label=record["label"].strip(),
                column=record["kolom"].strip(), credit=record["kredietsoort"],  # type: ignore[arg-type]
                amount=int(amount), page=int(record["pagina"]) if record["pagina"].strip() else None,
            ))
    return rows


# ---------------------------------------------------------------------------------------------- model


@dataclass
class EvolutionTable:
    """An article's Kredietevolutie in a budget BBT: levels and steps as the CSV has them, per credit."""

    stuk: str
    year: int
    phase: str
    ise: str
    code: str
    title: str
    values: dict[tuple[str, Credit], int] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)

    @property
    def start_candidates(self) -> tuple[str, ...]:
        """The start level as printed: BA of the previous year (BO of the previous year in 2020
        documents); in the 2020 adjustment (17-A) the initial BO of the year itself."""
        if self.phase == ADJUSTMENT_PHASE:
            return (f"BO {self.year}",)
        return (f"BA {self.year - 1}", f"BO {self.year - 1}")

    @property
    def end_label(self) -> str:
        """BO of the document's year; in the 2020 adjustment the adjusted BA of that year."""
        return f"BA {self.year}" if self.phase == ADJUSTMENT_PHASE else f"BO {self.year}"

    def has(self, column: str) -> bool:
        return all((column, credit) in self.values for credit in CREDITS)

    @property
    def start_label(self) -> str | None:
        return next((column for column in self.start_candidates if self.has(column)), None)

    @property
    def complete(self) -> bool:
        """A start level and the closing BO, both for VAK and VEK (the condition the task and LAYOUTS.md
        use: the end level is a BO, so the 17-A tables, which end in BA, are never complete)."""
        return self.start_label is not None and self.has(self.end_label) and self.end_label.startswith("BO")

    def steps_present(self) -> list[str]:
        return [step for step in STEPS if any((step, credit) in self.values for credit in CREDITS)]

    def computed_end(self, credit: Credit) -> int:
        """start + Index + Compensaties + Andere bijstellingen; a missing step counts 0."""
        assert self.start_label is not None
        return self.values[(self.start_label, credit)] + sum(self.values.get((step, credit), 0) for step in STEPS)

    def holds(self, credit: Credit) -> bool:
        return self.complete and self.computed_end(credit) == self.values[(self.end_label, credit)]

    @property
    def consistent(self) -> bool:
        return self.complete and all(self.holds(credit) for credit in CREDITS)

    @property
    def broken(self) -> bool:
        return self.complete and not self.consistent

    def printed_lines(self) -> list[tuple[str, tuple[int, int]]]:
        """(label, (VAK, VEK)) in the real order: start, the steps the document has, end. A level the CSV
        lacks is not printed (as in the 2021 documents whose start line is missing); a step or level
        with one credit only prints 0 for the other."""
        lines: list[tuple[str, tuple[int, int]]] = []
        start = self.start_label or next((c for c in self.start_candidates if any((c, k) in self.values for k in CREDITS)), None)
        order = ([start] if start else []) + self.steps_present()
        if any((self.end_label, credit) in self.values for credit in CREDITS):
            order.append(self.end_label)
        for label in order:
            lines.append((label, (self.values.get((label, "VAK"), 0), self.values.get((label, "VEK"), 0))))
        return lines


@dataclass
class IseTotals:
    """The Totaal row of an ISE synthesis table in a budget BBT: BA (previous year), evolutie, BO."""

    stuk: str
    year: int
    ise: str
    values: dict[tuple[str, Credit], int] = field(default_factory=dict)
    page: int | None = None
    evolution_label: str = "evolutie"

    @property
    def start_label(self) -> str | None:
        for column in (f"BA {self.year - 1}", f"BO {self.year - 1}"):
            if all((column, credit) in self.values for credit in CREDITS):
                return column
        return None

    @property
    def end_label(self) -> str:
        return f"BO {self.year}"

    @property
    def complete(self) -> bool:
        return self.start_label is not None and all(
            (column, credit) in self.values for column in (self.evolution_label, self.end_label) for credit in CREDITS
        )

    def row(self) -> tuple[int, int, int, int, int, int]:
        """VAK (BA, evolutie, BO) then VEK (BA, evolutie, BO), the column order of the real table."""
        assert self.start_label is not None
        return tuple(self.values[(column, credit)] for credit in CREDITS  # type: ignore[return-value]
                     for column in (self.start_label, self.evolution_label, self.end_label))

    @property
    def consistent(self) -> bool:
        """evolutie = BO − BA for both credits."""
        if not self.complete:
            return False
        ba_vak, evo_vak, bo_vak, ba_vek, evo_vek, bo_vek = self.row()
        return bo_vak - ba_vak == evo_vak and bo_vek - ba_vek == evo_vek


@dataclass
class ExecutionTable:
    """An article's table in an execution BBT: BA, BA-JR and BU (the CSV's 'Uitvoering') per credit."""

    stuk: str
    year: int
    ise: str
    code: str
    title: str
    values: dict[tuple[str, Credit], int] = field(default_factory=dict)
    page: int | None = None

    @property
    def agency(self) -> bool:
        """Codes with 'A' as fourth character (GH0-AG…) print the table one line per stage."""
        return len(self.code) > AGENCY_KIND_POSITION and self.code[AGENCY_KIND_POSITION] == AGENCY_KIND

    def stage(self, name: str, credit: Credit) -> int | None:
        return self.values.get((f"{name} {self.year}", credit))

    @property
    def complete(self) -> bool:
        return all(self.stage(name, credit) is not None for name in ("BA", "BA-JR", "Uitvoering") for credit in CREDITS)


@dataclass
class Document:
    """The rows of one stuk, grouped as the document shows them: per ISE, its totals and its articles."""

    stuk: str
    pfile_id: str
    domain: str
    year: int
    phase: str
    ise_order: list[str] = field(default_factory=list)
    evolutions: list[EvolutionTable] = field(default_factory=list)
    ise_totals: list[IseTotals] = field(default_factory=list)
    executions: list[ExecutionTable] = field(default_factory=list)

    @property
    def kind(self) -> Literal["begroting", "uitvoering"]:
        return "uitvoering" if self.phase == EXECUTION_PHASE else "begroting"

    @property
    def key(self) -> str:
        """A short id for test names: '13-Z-2025-2026' (stuk letter and session)."""
        return re.sub(r"[^0-9A-Za-z]+", "-", self.stuk.replace(" nr. 1", "")).strip("-")


def group_documents(rows: Iterable[CreditRow]) -> list[Document]:
    """One Document per (stuk, pfile_id), in the CSV's order; within it, tables in order of first row."""
    documents: dict[tuple[str, str], Document] = {}
    evolutions: dict[tuple[str, str], EvolutionTable] = {}
    totals: dict[tuple[str, str], IseTotals] = {}
    executions: dict[tuple[str, str], ExecutionTable] = {}
    for row in rows:
        doc_key = (row.stuk, row.pfile_id)
        doc = documents.get(doc_key)
        if doc is None:
            doc = documents[doc_key] = Document(row.stuk, row.pfile_id, row.domain, row.year, row.phase)
        if row.ise not in doc.ise_order:
            doc.ise_order.append(row.ise)
        if row.label == ISE_TOTAL_LABEL and not row.article_code:
            if row.phase == EXECUTION_PHASE:
                continue  # the execution ISE totals are not rendered (LAYOUTS.md does not give their layout)
            ise = totals.get((row.pfile_id, row.ise))
            if ise is None:
                ise = totals[(row.pfile_id, row.ise)] = IseTotals(row.stuk, row.year, row.ise, page=row.page)
                doc.ise_totals.append(ise)
            column = row.column
            if column.lower() == "evolutie":
                ise.evolution_label = column  # 'evolutie', once 'Evolutie' as printed
            ise.values[(column, row.credit)] = row.amount
            continue
        if not row.article_code:
            continue
        if row.phase == EXECUTION_PHASE:
            if not EXECUTION_STAGE.match(row.column):
                continue
            table = executions.get((row.pfile_id, row.article_code))
            if table is None:
                table = executions[(row.pfile_id, row.article_code)] = ExecutionTable(
                    row.stuk, row.year, row.ise, row.article_code, row.label)
                doc.executions.append(table)
            table.values[(row.column, row.credit)] = row.amount
            if table.page is None:
                table.page = row.page
        elif row.phase in BUDGET_PHASES:
            if not (LEVEL.match(row.column) or row.column in STEPS):
                continue
            evolution = evolutions.get((row.pfile_id, row.article_code))
            if evolution is None:
                evolution = evolutions[(row.pfile_id, row.article_code)] = EvolutionTable(
                    row.stuk, row.year, row.phase, row.ise, row.article_code, row.label)
                doc.evolutions.append(evolution)
            evolution.values[(row.column, row.credit)] = row.amount
            if row.page is not None:
                evolution.pages.setdefault(row.column, row.page)
    return list(documents.values())


@dataclass(frozen=True)
class Counts:
    tables: int
    complete: int
    consistent: int
    broken: int
    complete_credits: int
    consistent_credits: int


def count_tables(documents: Sequence[Document]) -> Counts:
    """Article Kredietevolutie tables of the budget documents, per table and per (table, credit)."""
    tables = [t for d in documents for t in d.evolutions]
    complete = [t for t in tables if t.complete]
    return Counts(
        tables=len(tables), complete=len(complete), consistent=sum(t.consistent for t in complete),
        broken=sum(t.broken for t in complete), complete_credits=len(complete) * len(CREDITS),
        consistent_credits=sum(t.holds(credit) for t in complete for credit in CREDITS),
    )


# ---------------------------------------------------------------------------------------------- layout


@dataclass(frozen=True)
class Layout:
    """How the figures are printed; no switch changes a figure.

    article_unit_on_credit_line: `(duizend euro) VAK VEK` on one line in a Kredietevolutie (as in the real
        budget BBTs) or `(duizend euro)` and `VAK VEK` on two lines.
    ise_unit_on_credit_line: the same for the ISE synthesis table (real: two lines).
    page_breaks: every table is cut by a page break (blank line, page number alone on a line, the running
        header of the next page) before its last line; the ISE table between two ESR rows.
    """

    name: str
    article_unit_on_credit_line: bool = True
    ise_unit_on_credit_line: bool = False
    page_breaks: bool = False


REAL = Layout("real")
LAYOUT_VARIANTS: tuple[Layout, ...] = (
    REAL,
    Layout("unit-own-line", article_unit_on_credit_line=False),
    Layout("unit-on-credit-line", ise_unit_on_credit_line=True),
    Layout("page-breaks", page_breaks=True),
)

UNIT = "(duizend euro)"
CREDIT_LINE = "VAK VEK"
PROSE_WIDTH = 90
TITLE_WIDTH = 60


def dutch(value: int) -> str:
    """Dutch table format: '.' groups thousands, a leading '-' for negatives, '0' for zero."""
    text = f"{abs(value):,}".replace(",", ".")
    return f"-{text}" if value < 0 else text


def numbers(values: Iterable[int]) -> str:
    return " ".join(dutch(v) for v in values)


def wrap(text: str, width: int = PROSE_WIDTH) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


# Ordinary Dutch prose for the "Korte inhoud"; some sentences hold numbers unrelated to the tables (a count
# of places, dates, a decree) that an auditor must not mistake for credits.
SUMMARIES: tuple[str, ...] = (
    "Dit begrotingsartikel omvat de middelen voor {topic}. Het gaat in hoofdzaak om subsidies aan erkende "
    "voorzieningen en om de werkingskosten die daarmee samenhangen.",
    "Op dit artikel worden de kredieten ingeschreven voor {topic}. Sinds 1 januari 2019 verloopt de "
    "financiering volgens het decreet van 12 juli 2013 en de uitvoeringsbesluiten daarvan.",
    "De kredieten dienen voor {topic}. Het gaat om ongeveer 1.250 plaatsen bij 38 organisaties, verspreid "
    "over de vijf Vlaamse provincies, die elk jaar tegen 30 september hun werking rapporteren.",
    "Dit artikel financiert {topic}. De middelen worden verdeeld volgens het besluit van de Vlaamse Regering "
    "van 24 juni 2016; de verdeelsleutel wordt om de 3 jaar geëvalueerd.",
    "Met deze middelen worden {topic} ondersteund. In 2018 werden 412 dossiers behandeld; de aanvragen "
    "worden binnen 60 dagen beslist.",
)


def topic(title: str) -> str:
    """The title as the prose names it: lower case, without what the third party's parser glued to some
    titles (': 460.083 keuro', a dangling '–'), so the prose holds no amount of its own."""
    return "'" + title.split(":")[0].strip(" –-").lower() + "'"


def summary(code: str, title: str) -> str:
    """A template chosen by the code (stable across runs, unlike hash())."""
    template = SUMMARIES[sum(map(ord, code)) % len(SUMMARIES)]
    return template.format(topic=topic(title))


def running_header(doc: Document) -> str:
    return f"Vlaams Parlement – {doc.stuk}"


@dataclass(frozen=True)
class Span:
    """Lines first..last (1-based, inclusive) of one rendered article or ISE table."""

    name: str
    first: int
    last: int
    table_first: int
    table_last: int

    def __contains__(self, line: int) -> bool:
        return self.first <= line <= self.last


@dataclass
class Rendered:
    document: Document
    layout: Layout
    lines: list[str] = field(default_factory=list)
    articles: list[tuple[Span, EvolutionTable | ExecutionTable]] = field(default_factory=list)
    ises: list[tuple[Span, IseTotals]] = field(default_factory=list)

    def add(self, *lines: str) -> int:
        self.lines.extend(lines)
        return len(self.lines)

    def page_break(self, page: int | None) -> None:
        self.add("", str(page if page is not None else 1), running_header(self.document), "")

    def excerpt(self, span: Span) -> list[str]:
        return self.lines[span.first - 1:span.last]


def _unit_lines(on_credit_line: bool) -> tuple[str, ...]:
    return (f"{UNIT} {CREDIT_LINE}",) if on_credit_line else (UNIT, CREDIT_LINE)


def _title(doc: Document) -> list[str]:
    domain = DOMAIN_TITLES.get(doc.domain, doc.domain)
    if doc.kind == "uitvoering":
        return [doc.stuk, "BELEIDS- EN BEGROTINGSTOELICHTING", domain, f"UITVOERING {doc.year}", ""]
    what = f"BEGROTINGSAANPASSING {doc.year}" if doc.phase == ADJUSTMENT_PHASE else f"BEGROTING {doc.year}"
    return [doc.stuk, "BELEIDS- EN BEGROTINGSTOELICHTING", domain, what, ""]


def _article_heading(out: Rendered, code: str, title: str) -> int:
    """`CODE - TITLE`, a long title wrapped onto a second line as the PDFs do."""
    parts = wrap(title, TITLE_WIDTH) or [""]
    first = out.add(f"{code} - {parts[0]}")
    out.add(*parts[1:])
    return first


def _entity(code: str) -> str:
    return ENTITY_NAMES.get(code[:5], f"Entiteit {code[:3]}")


def _side(code: str) -> str:
    return "Ontvangstenartikelen" if code[-2:] in RECEIPT_SUFFIXES else "Uitgavenartikelen"


ESR_LABEL = "ESR-uitgaven (werking en toelagen (WT), lonen (LO), provisies (PR))"
IS_LABEL = "Toelagen (interne stromen (IS))"
OTHER_LABEL = "Overige (leningen (LE), participaties (PA); geen ESR-impact)"


def _ise_table(out: Rendered, ise: IseTotals) -> None:
    """The synthesis table: the whole Totaal in the ESR row and 0 in the two other rows, so that the
    Totaal row is the sum of its rows (the CSV keeps the Totaal only)."""
    layout = out.layout
    first = out.add(*_unit_lines(layout.ise_unit_on_credit_line))
    first -= len(_unit_lines(layout.ise_unit_on_credit_line)) - 1
    start, evolution, end = ise.start_label, ise.evolution_label, ise.end_label
    out.add(f"{start} {evolution} {end} {start} {evolution} {end}")
    total = ise.row()
    zero = (0,) * len(total)
    out.add(ESR_LABEL, numbers(total))
    if layout.page_breaks:
        out.page_break(ise.page)
    out.add(IS_LABEL, numbers(zero), OTHER_LABEL, numbers(zero))
    last = out.add(f"Totaal {numbers(total)}")
    out.ises.append((Span(ise.ise, first, last, first, last), ise))


def _evolution(out: Rendered, table: EvolutionTable) -> None:
    first = _article_heading(out, table.code, table.title)
    out.add("Korte inhoud begrotingsartikel:", *wrap(summary(table.code, table.title)), "", "Kredietevolutie:")
    table_first = out.add(*_unit_lines(out.layout.article_unit_on_credit_line))
    table_first -= len(_unit_lines(out.layout.article_unit_on_credit_line)) - 1
    printed = table.printed_lines()
    for position, (label, (vak, vek)) in enumerate(printed):
        if out.layout.page_breaks and position == len(printed) - 1 and position > 0:
            out.page_break(table.pages.get(label))
        table_last = out.add(f"{label} {dutch(vak)} {dutch(vek)}")
    last = out.add("")
    out.articles.append((Span(table.code, first, last, table_first, table_last), table))


def render_budget(doc: Document, layout: Layout = REAL) -> Rendered:
    """A budget BBT (13-x, or the 17-A adjustment): per ISE an `ISE: NAME, MVG excl. DAB` heading, the
    numbered section heading, the ISE synthesis table when the CSV has its totals, then per entity a
    numbered heading, `Uitgavenartikelen` (or `Ontvangstenartikelen`) and its articles."""
    out = Rendered(doc, layout)
    out.add(*_title(doc))
    totals = {t.ise: t for t in doc.ise_totals if t.complete}
    shown = [ise for ise in doc.ise_order if ise in totals or any(t.ise == ise for t in doc.evolutions)]
    for number, ise in enumerate(shown, start=1):
        articles = [t for t in doc.evolutions if t.ise == ise]
        out.add(f"ISE: {ise}, MVG excl. DAB", "", f"1.{number}. Budgettair kader voor het begrotingsjaar", "")
        if ise in totals:
            _ise_table(out, totals[ise])
            out.add("")
        entities: list[str] = []
        for table in articles:
            if _entity(table.code) not in entities:
                entities.append(_entity(table.code))
        for entity_number, entity in enumerate(entities, start=1):
            out.add(f"1.{number}.{entity_number}. {entity}", "")
            members = [t for t in articles if _entity(t.code) == entity]
            for side in ("Uitgavenartikelen", "Ontvangstenartikelen"):
                group = [t for t in members if _side(t.code) == side]
                if group:
                    out.add(side, "")
                for table in group:
                    _evolution(out, table)
    return out


EXECUTION_SUMMARY = ("De uitvoering van dit artikel volgt de planning van het begrotingsjaar. De middelen werden "
                     "ingezet voor {topic}; op 31 december waren 27 dossiers nog niet afgerond.")


def _execution(out: Rendered, table: ExecutionTable) -> None:
    layout, year = out.layout, table.year
    first = _article_heading(out, table.code, table.title)
    out.add(*wrap(EXECUTION_SUMMARY.format(topic=topic(table.title))), "")
    values = {(name, credit): table.stage(name, credit) or 0 for name in ("BA", "BA-JR", "Uitvoering") for credit in CREDITS}
    if table.agency:
        table_first = out.add(*_unit_lines(layout.article_unit_on_credit_line))
        table_first -= len(_unit_lines(layout.article_unit_on_credit_line)) - 1
        out.add(f"BA {year} {dutch(values[('BA', 'VAK')])} {dutch(values[('BA', 'VEK')])}")
        out.add(f"BA – JR {year} {dutch(values[('BA-JR', 'VAK')])} {dutch(values[('BA-JR', 'VEK')])}")
        if layout.page_breaks:
            out.page_break(table.page)
        table_last = out.add(f"BU {year} {dutch(values[('Uitvoering', 'VAK')])} {dutch(values[('Uitvoering', 'VEK')])}")
    else:
        table_first = out.add(UNIT, CREDIT_LINE) - 1
        header = f"BA {year} BA-JR {year} BU {year}"
        out.add(f"{header} {header}")
        if layout.page_breaks:
            out.page_break(table.page)
        row = [values[(name, credit)] for credit in CREDITS for name in ("BA", "BA-JR", "Uitvoering")]
        table_last = out.add(f"Uitgaven {numbers(row)}")
    last = out.add("")
    out.articles.append((Span(table.code, first, last, table_first, table_last), table))


def render_execution(doc: Document, layout: Layout = REAL) -> Rendered:
    """An execution BBT (23-x): per ISE a heading and per entity its articles; department articles with
    one header line and an `Uitgaven` row of six numbers, agency articles one line per stage."""
    out = Rendered(doc, layout)
    out.add(*_title(doc))
    shown = [ise for ise in doc.ise_order if any(t.ise == ise and t.complete for t in doc.executions)]
    for number, ise in enumerate(shown, start=1):
        articles = [t for t in doc.executions if t.ise == ise and t.complete]
        out.add(f"ISE: {ise}, MVG excl. DAB", "", f"1.{number}. Budgettaire uitvoering", "")
        entities: list[str] = []
        for table in articles:
            if _entity(table.code) not in entities:
                entities.append(_entity(table.code))
        for entity_number, entity in enumerate(entities, start=1):
            out.add(f"1.{number}.{entity_number}. {entity}", "", "Uitgavenartikelen", "")
            for table in (t for t in articles if _entity(t.code) == entity):
                _execution(out, table)
    return out


def render(doc: Document, layout: Layout = REAL) -> Rendered:
    return render_execution(doc, layout) if doc.kind == "uitvoering" else render_budget(doc, layout)


def load_documents(path: Path = CSV_PATH) -> list[Document]:
    return group_documents(read_rows(path))


if __name__ == "__main__":
    docs = load_documents()
    counts = count_tables([d for d in docs if d.kind == "begroting"])
    print(counts)
