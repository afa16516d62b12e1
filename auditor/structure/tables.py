"""Reconstruct budget tables from text lines.

Text extracted from a PDF breaks tables in predictable ways: header cells over several lines
("ESR-" / "uit-" / "gaven"), blank lines between everything, a footnote line from the page foot in
the middle of a table, page numbers alone on a line. The parser reads the header to learn the
columns (credit × budget column, or credits only with budget columns as row labels) and then
collects rows whose tail is exactly the expected count of numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditor.numbers import NUMBER_PATTERN
from auditor.quantity import Quantity
from auditor.structure.models import BudgetTable, Cell, Column, Credit, RowCategory, TableKind

UNIT_MARKER = re.compile(r"^\s*\(\s*(?:in\s+)?(?:duizend\s+euro|keuro|k€|x\s*1\.?000\s*euro)\s*\)\s*$", re.I)
CREDIT_TOKEN = re.compile(r"\b(VAK|VEK|AO|TO|LO)\b")
# "BA 2024", "BA-JR 2024", "BA – JR 2025", "1e BA", "2e BA-JR", "BU 2024", "BO 2025", "evolutie"
COLUMN_TOKEN = re.compile(r"(?:\b\d+e\s+)?\b(BA\s*[-–]\s*JR|BA|BU|BO|[Ee]volutie)\b(?:\s+(?:19|20)\d{2}\b)?")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# a step of a Kredietevolutie table between its BA and BO rows: "Index", "Compensaties", "Andere
# bijstellingen", "Herverdelingen" … a short label of words, no digits
ADJUSTMENT_LABEL = re.compile(r"^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ’' ()-]{2,40}$")
FOOTNOTE_LINE = re.compile(r"^\s*\d{1,3}\s+[^\d\s]\S*(?:\s+\S+){2,}")
TOC_OR_PROSE_MIN_WORDS = 7


def column_of(token: str) -> Column:
    compact = re.sub(r"[\s–-]", "", token).upper()
    if compact.startswith("BAJR"):
        return "BA-JR"
    if compact.startswith("EVOLUTIE"):
        return "EVOL"
    return compact[:2]  # type: ignore[return-value]


def row_category(label: str) -> RowCategory:
    compact = re.sub(r"[-‐\s]+", "", label).lower()
    if compact.startswith("totaal"):
        return "TOTAL"
    if compact.startswith("esr"):
        return "ESR"
    if compact.startswith("toelagen"):
        return "IS"
    if compact.startswith("overige"):
        return "OTHER"
    if compact.startswith("uitgaven"):
        return "EXPENDITURE"
    if compact.startswith("ontvangsten"):
        return "RECEIPTS"
    return "UNKNOWN"


def _strip_header_tokens(text: str) -> str:
    rest = COLUMN_TOKEN.sub(" ", text)
    rest = CREDIT_TOKEN.sub(" ", rest)
    rest = YEAR.sub(" ", rest)
    return rest.strip()


def is_header_line(text: str) -> bool:
    return bool(text.strip()) and not _strip_header_tokens(text)


@dataclass
class ParsedRow:
    label: str
    numbers: list[tuple[str, int]]  # (printed text, column offset)
    line: int


@dataclass
class TableParse:
    table: BudgetTable
    last_line: int  # 1-based
    lines: list[int] = field(default_factory=list)
    footnotes: list[int] = field(default_factory=list)


def _numbers_tail(text: str) -> tuple[str, list[tuple[str, int]]] | None:
    """Split 'label n1 n2 …' into the label and its numbers; None if the line has prose after numbers."""
    matches = list(NUMBER_PATTERN.finditer(text))
    if not matches:
        return None
    # numbers must form the tail of the line, separated only by whitespace
    tail: list[re.Match[str]] = []
    end = len(text.rstrip())
    for match in reversed(matches):
        if text[match.end():end].strip():
            break
        tail.insert(0, match)
        end = match.start()
    if not tail:
        return None
    label = text[: tail[0].start()].strip()
    return label, [(m.group(0), m.start()) for m in tail]


def parse_table(
    lines: list[str], start: int, *, kind: TableKind, title: str
) -> TableParse | None:
    """Parse the table whose unit marker is on 1-based line `start - 1`; rows begin at `start`."""
    credits: list[Credit] = []
    columns: list[Column] = []
    rows: list[ParsedRow] = []
    pending_label: list[str] = []
    pending_lines: list[int] = []  # lines of a label that only become table lines when its row follows
    consumed: list[int] = []
    footnotes: list[int] = []
    header_done = False
    last = start - 1
    year: int | None = None
    years: list[int] = []
    index = start - 1  # 0-based
    while index < len(lines):
        number = index + 1
        raw = lines[index]
        text = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        index += 1
        if not text:
            continue
        if not header_done and is_header_line(text):
            credits.extend(CREDIT_TOKEN.findall(text))  # type: ignore[arg-type]
            for match in COLUMN_TOKEN.finditer(text):
                columns.append(column_of(match.group(1)))
            year = year or _first_year(text)
            years.extend(int(y) for y in YEAR.findall(text))
            consumed.append(number)
            last = number
            continue
        if FOOTNOTE_LINE.match(text) and _numbers_tail(text) is None:
            footnotes.append(number)
            continue
        if not credits:
            return None
        row = _as_row(text, credits, columns, after_level=bool(rows))
        if row is not None:
            header_done = True
            label, numbers, row_year = row
            numbers = [(printed, col + lead) for printed, col in numbers]
            year = year or row_year
            if row_year:
                years.append(row_year)
            full_label = join_label(pending_label + ([label] if label else []))
            pending_label = []
            consumed.extend(pending_lines)
            pending_lines = []
            rows.append(ParsedRow(label=full_label, numbers=numbers, line=number))
            consumed.append(number)
            last = number
            if columns and row_category(full_label) == "TOTAL":
                break
            continue
        if re.fullmatch(r"\d{1,3}", text):  # page number alone on a line
            continue
        # a row label broken over lines: 'ESR-' 'uit-' 'gaven', or spelled out, 'ESR-uitgaven (werking en
        # toelagen (WT), lonen' '(LO), provisies (PR))'
        words = text.split()
        is_label_fragment = (columns and len(words) <= 10 and len(text) <= 80 and not text.endswith((":", "."))
                             and not NUMBER_PATTERN.search(text) and len(" ".join(pending_label)) < 120)
        if is_label_fragment:
            pending_label.append(text)
            pending_lines.append(number)
            continue
        break
    if not rows:
        return None
    cells = _cells(rows, credits, columns)
    if not cells:
        return None
    return TableParse(
        table=BudgetTable(kind=kind, title=title, line=start - 1, end_line=last, year=year, years=sorted(set(years)),
                          cells=cells),
        last_line=last,
        lines=consumed,
        footnotes=footnotes,
    )


def join_label(fragments: list[str]) -> str:
    """Rejoin a header cell broken over lines: 'ESR-' 'uit-' 'gaven' → 'ESR-uitgaven'."""
    label = ""
    for fragment in fragments:
        if label.endswith("-") and fragment[:1].islower():
            label = label[:-1] + fragment if label[-2:-1].islower() else label + fragment
        else:
            label = f"{label} {fragment}" if label else fragment
    return label


def _first_year(text: str) -> int | None:
    match = YEAR.search(text)
    return int(match.group(0)) if match else None


def _as_row(
    text: str, credits: list[Credit], columns: list[Column], *, after_level: bool = False
) -> tuple[str, list[tuple[str, int]], int | None] | None:
    if columns:
        split = _numbers_tail(text)
        if split is None:
            return None
        label, numbers = split
        expected = len(columns) if len(columns) % len(credits) == 0 and len(columns) > len(credits) else len(columns) * len(credits)
        if len(numbers) != expected or NUMBER_PATTERN.search(label):
            return None
        return label, numbers, None
    match = COLUMN_TOKEN.match(text)
    if not match:
        return _adjustment_row(text, credits) if after_level else None
    rest = text[match.end():]
    split = _numbers_tail(rest)
    if split is None or split[0]:
        return None
    offset = match.end()
    numbers = [(t, c + offset) for t, c in split[1]]
    if len(numbers) != len(credits):
        return None
    return match.group(0), numbers, _first_year(match.group(0))


def _adjustment_row(text: str, credits: list[Credit]) -> tuple[str, list[tuple[str, int]], int | None] | None:
    """'Index 604 597': a Kredietevolutie step, one number per credit after a label of words."""
    split = _numbers_tail(text)
    if split is None or not ADJUSTMENT_LABEL.match(split[0]) or len(split[1]) != len(credits):
        return None
    return split[0], split[1], None


def _cells(rows: list[ParsedRow], credits: list[Credit], columns: list[Column]) -> list[Cell]:
    cells: list[Cell] = []
    for row in rows:
        if columns:
            flat = columns if len(columns) == len(row.numbers) else [c for _ in credits for c in columns]
            group = len(flat) // len(credits)
            for k, (printed, col) in enumerate(row.numbers):
                cells.append(
                    Cell(
                        row=row_category(row.label),
                        row_label=row.label,
                        credit=credits[k // group],
                        column=flat[k],
                        quantity=Quantity.from_text(printed, line=row.line, column=col, unit="keuro"),
                    )
                )
        else:
            level = COLUMN_TOKEN.match(row.label)
            column: Column = column_of(level.group(1)) if level else "ADJ"
            for credit, (printed, col) in zip(credits, row.numbers):
                category: RowCategory = "RECEIPTS" if credit in ("AO", "TO", "LO") else "TOTAL"
                cells.append(
                    Cell(
                        row=category if level else "ADJUSTMENT",
                        row_label=row.label,
                        credit=credit,
                        column=column,
                        quantity=Quantity.from_text(printed, line=row.line, column=col, unit="keuro"),
                    )
                )
    return cells
