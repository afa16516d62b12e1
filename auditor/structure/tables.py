"""Read budget tables as grids of tokens, not as line shapes.

A table opens at its unit, `(duizend euro)`, alone on a line or sharing it with the credit names
(`(duizend euro) VAK VEK`) or a short caption. The header tokens that follow fix the columns whatever
the line breaks: credits (VAK VEK, AO TO LO) and stages (BA 2025, BA-JR, BU, BO, evolutie, Verschil,
%). Then come rows: a label and as many numbers as the grid has columns, whether the label shares the
numbers' line, stands on the line above, or is broken over several lines ("ESR-" / "uit-" / "gaven"),
and whether the numbers share one line or not. A header of credits only is the same cube turned:
each row is a stage or a Kredietevolutie step with one number per credit.

Between tokens, blank lines, page numbers, a page's running header (`furniture`) and a footnote line
from the page foot are noise. A row that does not fit the grid is not dropped in silence: it is kept
in `TableParse.skipped` with its line and the reason, and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditor.numbers import NUMBER_PATTERN
from auditor.quantity import Quantity
from auditor.structure.models import BudgetTable, Cell, Column, Credit, RowCategory, TableKind
from auditor.vocabulary import (
    ADJUSTMENT_LABEL, ARTICLE_CODE, CAPTION_MAX_WORDS, COLUMN_TOKEN, CREDIT_TOKEN, LABEL_MAX_CHARS, LABEL_MAX_TOTAL_CHARS,
    LABEL_MAX_WORDS, RECEIPT_CREDITS, caption_credit, STAGE_AT_START, UNIT_IN_LINE, UNIT_MARKER, YEAR, column_of, is_header_line, row_category,
)

__all__ = ["FOOTNOTE_LINE", "UNIT_MARKER", "TableParse", "SkippedRow", "is_header_line", "join_label",
           "opens_table", "parse_table", "row_category", "column_of"]

FOOTNOTE_LINE = re.compile(r"^\s*\d{1,3}\s+[^\d\s]\S*(?:\s+\S+){2,}")
PAGE_NUMBER = re.compile(r"^\s*(?:p\.\s*|pagina\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?\s*$", re.I)
PERCENT_SIGN = re.compile(r"(?<=\d)\s*%")
# a line of prose ends the table: a sentence end, a lead-in colon, or too many words for a label
# (a semicolon does not: "Overige (leningen (LE), participaties (PA);" / "geen ESR-impact)")
PROSE_END = (".", ":")
ADJUSTMENT_MAX_WORDS = 4  # "Andere bijstellingen", "Herverdelingen binnen het programma"


FURNITURE_MIN_REPEATS = 3  # a running header or footer is printed on at least this many pages
FURNITURE_MIN_WORDS = 2
FURNITURE_PAGE_DISTANCE = 2  # non-blank lines between a running header and its page number
TRAILING_PAGE_NUMBER = re.compile(r"(?:\s*[-–|]?\s*(?:p\.\s*|pagina\s+)?(?<![\w.,])\d{1,3}(?:\s*/\s*\d{1,3})?)\s*$", re.I)


def furniture_key(text: str) -> str:
    """A page header without its page number: 'BBT Welzijn 2026 – 12' and '… – 13' are the same line."""
    text = text.strip()
    if not text[-1:].isdecimal():  # the page number ends the line: without a digit (\d) there, nothing to drop
        return text
    if not _may_end_in_page_number(text):
        return text
    return TRAILING_PAGE_NUMBER.sub("", text)


def _may_end_in_page_number(text: str) -> bool:
    """False when TRAILING_PAGE_NUMBER cannot match `text` (stripped, ending in a digit), tested without
    the pattern, which tries every position of the line: a table row ('Uitgaven 617.917 618.003') ends
    in digits too. The pattern's last `\\d{1,3}` is the line's last run of digits whole (the character
    before it is '/', whitespace or what its lookbehind allows, never a digit), so that run has at most
    three digits and is not glued to a word character, a dot or a comma."""
    start = len(text) - 1
    while start and text[start - 1].isdecimal():  # isdecimal is \d
        start -= 1
    if len(text) - start > 3:
        return False
    before = text[start - 1] if start else ""
    return not (before and (before.isalnum() or before in "_.,"))  # \w is isalnum or '_'


def page_furniture(lines: list[str]) -> frozenset[str]:
    """Lines a page prints on many pages (running headers and footers), as `furniture_key`s: noise when
    they fall inside a table that a page break cuts. A line is furniture when it repeats and stands
    next to a page number at least once; a row label that repeats in every table ("Toelagen (interne
    stromen (IS))", "Andere bijstellingen 0 0") is not."""
    from collections import Counter

    # a line that ends a sentence ("keuro VEK.") is text cut by the page, however often it recurs
    texts = [raw.strip() for raw in lines if raw.strip()]
    # one key per distinct line: a document repeats many of its lines (row labels, headers, furniture itself)
    keys = {text: furniture_key(text) for text in texts}
    counts = Counter(keys[text] for text in texts if not text.endswith(PROSE_END))
    beside_page_number: set[str] = set()
    for position, text in enumerate(texts):
        if PAGE_NUMBER.match(text):
            for near in texts[max(0, position - FURNITURE_PAGE_DISTANCE): position + FURNITURE_PAGE_DISTANCE + 1]:
                beside_page_number.add(keys[near])
    return frozenset(
        key for key in beside_page_number
        if counts[key] >= FURNITURE_MIN_REPEATS and len(key.split()) >= FURNITURE_MIN_WORDS
        and row_category(key) == "UNKNOWN" and not is_header_line(key) and not UNIT_IN_LINE.search(key)
        and not key.endswith(":")  # a lead-in ("Inhoudelijke toelichting:") opens text, it heads no page
        and not _split_row_has_numbers(key)
    )


def _split_row_has_numbers(text: str) -> bool:
    split = _split_row(text)
    return split is not None and bool(split[1])


def _noise(text: str, furniture: frozenset[str]) -> bool:
    return not text or bool(PAGE_NUMBER.match(text)) or (bool(furniture) and furniture_key(text) in furniture)


# a heading of its own ends a table: the next begrotingsartikel ("AB0-1ABC2AB-WT – …"), an ISE heading
TABLE_ENDS = re.compile(rf"^\s*(?:{ARTICLE_CODE}\s*[–—-]|ISE\s*:|\d+\.\s+ISE\s)")


def _header_key(text: str) -> str:
    return " ".join(text.split())


def opens_table(text: str) -> str | None:
    """The header text that shares the unit's line ('' when none), or None when the line opens no table.

    `(duizend euro)`, `(duizend euro) VAK VEK`, `VAK VEK (duizend euro)` and a short caption such as
    `Kredietevolutie (in duizend euro)` open a table; a sentence that mentions the unit does not."""
    match = UNIT_IN_LINE.search(text)
    if match is None:
        return None
    before, after = text[: match.start()].strip(), text[match.end():].strip()
    rest = f"{before} {after}".strip()
    if not rest:
        return ""
    if is_header_line(rest):
        return rest
    # a caption that names the table's one credit supplies it: "…, vastleggingskredieten (duizend euro)"
    named = caption_credit(before) or ""
    if after and is_header_line(after) and len(before.split()) <= CAPTION_MAX_WORDS:
        return f"{named} {after}".strip()
    if not after and len(before.split()) <= CAPTION_MAX_WORDS and not before.endswith(PROSE_END):
        return named
    return None


@dataclass
class ParsedRow:
    label: str
    numbers: list[tuple[str, int, int]]  # (printed text, line, column)
    line: int


@dataclass
class SkippedRow:
    line: int
    text: str
    reason: str  # nl
    reason_en: str


@dataclass
class TableParse:
    table: BudgetTable
    last_line: int  # 1-based
    lines: list[int] = field(default_factory=list)
    footnotes: list[int] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)


@dataclass
class _Grid:
    credits: list[Credit]
    columns: list[Column]  # empty: rows are stages, one number per credit
    years: list[int | None] = field(default_factory=list)  # the year printed with each column, if any

    @property
    def width(self) -> int:
        if not self.columns:
            return len(self.credits)
        grouped = len(self.columns) % len(self.credits) == 0 and len(self.columns) > len(self.credits)
        return len(self.columns) if grouped else len(self.columns) * len(self.credits)

    def flat_columns(self) -> list[Column]:
        if len(self.columns) == self.width:
            return self.columns
        return [c for _ in self.credits for c in self.columns]

    def flat_years(self) -> list[int | None]:
        if len(self.years) == self.width:
            return self.years
        return [y for _ in self.credits for y in self.years]


def _numbers_tail(text: str) -> tuple[str, list[tuple[str, int]]] | None:
    """Split 'label n1 n2 …' into the label and its numbers; None if prose follows a number."""
    clean = PERCENT_SIGN.sub(lambda m: " " * len(m.group(0)), text)
    matches = list(NUMBER_PATTERN.finditer(clean))
    if not matches:
        return clean.strip(), []
    tail: list[re.Match[str]] = []
    end = len(clean.rstrip())
    for match in reversed(matches):
        if clean[match.end():end].strip():
            break
        tail.insert(0, match)
        end = match.start()
    if not tail:
        return None
    label = clean[: tail[0].start()].strip()
    if NUMBER_PATTERN.search(label):
        return None  # numbers inside the label: a sentence, or a row this grid cannot hold
    return label, [(m.group(0), m.start()) for m in tail]


def _split_row(text: str) -> tuple[str, list[tuple[str, int]]] | None:
    """A row line as (label, numbers): a leading stage keeps its year ('BA 2025' is a label)."""
    stage = STAGE_AT_START.match(text)
    prefix_end = stage.end() if stage else 0
    split = _numbers_tail(text[prefix_end:])
    if split is None:
        return None
    label, numbers = split
    label = f"{text[:prefix_end].strip()} {label}".strip()
    return label, [(printed, column + prefix_end) for printed, column in numbers]


def _is_label_fragment(text: str, pending: list[str]) -> bool:
    return (len(text.split()) <= LABEL_MAX_WORDS and len(text) <= LABEL_MAX_CHARS
            and not text.endswith(PROSE_END) and len(" ".join(pending)) < LABEL_MAX_TOTAL_CHARS)


def _stage_label_ok(label: str) -> bool:
    return bool(STAGE_AT_START.match(label)) or (
        bool(ADJUSTMENT_LABEL.match(label)) and len(label.split()) <= ADJUSTMENT_MAX_WORDS)


def _stage_row_label(lines: list[str], index: int, credits: list[str], columns: list[str]) -> bool:
    """`BA 2025` alone on its line under `VAK VEK`: the label of a row whose numbers follow (a table
    turned the other way), not a header naming one column."""
    text = lines[index].strip()
    if not credits or columns or len(COLUMN_TOKEN.findall(text)) != 1 or not STAGE_AT_START.match(text):
        return False
    for following in lines[index + 1:]:
        if following.strip() and not PAGE_NUMBER.match(following):
            split = _numbers_tail(following.strip())
            return split is not None and not split[0] and len(split[1]) == len(credits)
    return False


def parse_table(
    lines: list[str], start: int, *, kind: TableKind, title: str, header: str = "",
    furniture: frozenset[str] = frozenset(),
) -> TableParse | None:
    """Read the table whose unit is on 1-based line `start - 1` (`header`: what shares that line)."""
    grid_credits: list[Credit] = []
    grid_columns: list[Column] = []
    years: list[int] = []
    consumed: list[int] = []
    footnotes: list[int] = []
    skipped: list[SkippedRow] = []

    column_years: list[int | None] = []

    header_lines: list[str] = []

    def take_header(text: str) -> None:
        header_lines.append(_header_key(text))
        credits = CREDIT_TOKEN.findall(text)
        if credits and credits == grid_credits[-len(credits):] and not grid_columns and not COLUMN_TOKEN.search(text):
            return  # the credits again ('(duizend euro) VAK VEK' above a table whose first row says 'VAK VEK')
        grid_credits.extend(credits)  # type: ignore[arg-type]
        for match in COLUMN_TOKEN.finditer(text):
            grid_columns.append(column_of(match.group(0)))  # type: ignore[arg-type]
            year = YEAR.search(match.group(0))
            column_years.append(int(year.group(0)) if year else None)
        years.extend(int(y) for y in YEAR.findall(text))

    if header:
        take_header(header)
    index = start - 1
    last = start - 1
    # -- the header: every line of header tokens, whatever the breaks --------------------------
    while index < len(lines):
        text = lines[index].strip()
        if _noise(text, furniture):
            index += 1
            continue
        if is_header_line(text) and not _stage_row_label(lines, index, grid_credits, grid_columns):
            take_header(text)
            consumed.append(index + 1)
            last = index + 1
            index += 1
            continue
        if FOOTNOTE_LINE.match(text) and not NUMBER_PATTERN.search(text[text.index(" "):]):
            footnotes.append(index + 1)  # a footnote from the page foot between the header lines
            index += 1
            continue
        break
    if not grid_credits:
        return None
    grid = _Grid(credits=grid_credits, columns=grid_columns, years=column_years)
    width = grid.width
    # -- the rows: labels and numbers as tokens -------------------------------------------------
    rows: list[ParsedRow] = []
    label_parts: list[str] = []
    label_lines: list[int] = []
    numbers: list[tuple[str, int, int]] = []

    def broken(number: int, text: str) -> None:
        where = label_lines[0] if label_lines else (numbers[0][1] if numbers else number)
        shown = " ".join(label_parts + [n[0] for n in numbers]) or text
        skipped.append(SkippedRow(
            line=where, text=shown,
            reason=f"rij met {len(numbers)} getallen waar de tabel er {width} per rij heeft",
            reason_en=f"row with {len(numbers)} numbers where the table has {width} per row",
        ))

    while index < len(lines):
        number = index + 1
        raw = lines[index]
        text = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        index += 1
        if _noise(text, furniture) or (_header_key(text) in header_lines and is_header_line(text)):
            continue  # a header row repeated after a page break
        if TABLE_ENDS.match(text) or UNIT_IN_LINE.search(text):
            index -= 1  # the next begrotingsartikel or ISE, or the next table's unit: this table has ended
            break
        split = _split_row(text)
        if split is None or (not split[1] and not _is_label_fragment(text, label_parts)):
            if FOOTNOTE_LINE.match(text) and (split is None or not split[1]):
                footnotes.append(number)
                continue
            index -= 1
            break
        label, found = split
        if label and numbers:
            if _ends_in_prose(label_parts, numbers):
                index = label_lines[0] - 1 if label_lines else number - 1
                numbers = []
                break
            broken(number, text)  # a new label while a row's numbers are incomplete
            label_parts, label_lines, numbers = [], [], []
        if label:
            if not grid.columns and not found and not _stage_label_ok(" ".join(label_parts + [label])):
                index -= 1
                break
            label_parts.append(label)
            label_lines.append(number)
        numbers.extend((printed, number, column + lead) for printed, column in found)
        if len(numbers) < width:
            continue
        full_label = join_label(label_parts)
        if len(numbers) > width or (not grid.columns and not _stage_label_ok(full_label)):
            broken(number, text)
            consumed.extend(label_lines + [number])
            last = number
            label_parts, label_lines, numbers = [], [], []
            continue
        rows.append(ParsedRow(label=full_label, numbers=numbers, line=number))
        consumed.extend(label_lines + [n[1] for n in numbers])
        last = number
        label_parts, label_lines, numbers = [], [], []
        if grid.columns and row_category(full_label) == "TOTAL":
            break
    if numbers and not _ends_in_prose(label_parts, numbers):
        broken(numbers[-1][1], "")
    if not rows and not skipped:
        return None
    cells = _cells(rows, grid)
    years.extend(int(y) for row in rows for y in YEAR.findall(row.label) if not grid.columns)
    year = years[0] if years else None
    return TableParse(
        table=BudgetTable(kind=kind, title=title, line=start - 1, end_line=last, year=year,
                          years=sorted(set(years)), cells=cells),
        last_line=last, lines=sorted(set(consumed)), footnotes=footnotes, skipped=skipped,
    )


def _ends_in_prose(label_parts: list[str], numbers: list[tuple[str, int, int]]) -> bool:
    """A sentence after the table that happens to end in one number is prose, not a broken row."""
    return len(numbers) <= 1 and row_category(join_label(label_parts)) == "UNKNOWN" and not any(
        STAGE_AT_START.match(part) for part in label_parts)


def join_label(fragments: list[str]) -> str:
    """Rejoin a header cell broken over lines: 'ESR-' 'uit-' 'gaven' → 'ESR-uitgaven'."""
    label = ""
    for fragment in fragments:
        if label.endswith("-") and fragment[:1].islower():
            label = label[:-1] + fragment if label[-2:-1].islower() else label + fragment
        else:
            label = f"{label} {fragment}" if label else fragment
    return label


def _quantity(printed: str, line: int, column: int, stage: str) -> Quantity:
    return Quantity.from_text(printed, line=line, column=column, unit="pct" if stage == "PCT" else "keuro")


def _cells(rows: list[ParsedRow], grid: _Grid) -> list[Cell]:
    cells: list[Cell] = []
    if grid.columns:
        flat, flat_years = grid.flat_columns(), grid.flat_years()
        group = len(flat) // len(grid.credits)
        for position, row in enumerate(rows):
            category = row_category(row.label)  # the row's, once for all its cells
            for k, (printed, line, col) in enumerate(row.numbers):
                cells.append(Cell(
                    row=category, row_label=row.label, row_index=position,  # type: ignore[arg-type]
                    credit=grid.credits[k // group], column=flat[k], quantity=_quantity(printed, line, col, flat[k]),
                    year=flat_years[k] if k < len(flat_years) else None))
        return cells
    levels = [row for row in rows if STAGE_AT_START.match(row.label)]
    for position, row in enumerate(rows):
        level = STAGE_AT_START.match(row.label)
        column: Column = column_of(level.group("name")) if level else "ADJ"  # type: ignore[assignment]
        if level and column == "BO" and row is levels[0] and len(levels) > 1 and any(
                STAGE_AT_START.match(r.label).group("name") == level.group("name") for r in levels[1:]):  # type: ignore[union-attr]
            # 'BO 2019 … BO 2020': in a Kredietevolutie the first level is the start, whatever it is called
            column = "BA"
        for credit, (printed, line, col) in zip(grid.credits, row.numbers):
            category: RowCategory = "RECEIPTS" if credit in RECEIPT_CREDITS else "TOTAL"
            year = level.group("year") if level else None
            cells.append(Cell(
                row=category if level else "ADJUSTMENT", row_label=row.label, credit=credit, row_index=position,
                column=column, quantity=_quantity(printed, line, col, column), year=int(year) if year else None))
    return cells
