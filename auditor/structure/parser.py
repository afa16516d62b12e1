"""Find the parts of a BBT in its lines: programme, ISEs, begrotingsartikelen, tables, narrative, annex.

Headings are recognised by their shape (numbered ISE headings, begrotingsartikel codes such as
`JB0-1JEC2HA-WT`, Roman-numbered parts), not by the sample's wording.
"""

from __future__ import annotations

import re
from collections import Counter

from auditor.errors import InputError
from auditor.numbers import NUMBER_PATTERN
from auditor.quantity import Quantity
from auditor.structure.models import ISE, Article, BBTDocument, BudgetTable, Indicator, Programme, Scope, Unread
from auditor.structure.tables import FOOTNOTE_LINE, UNIT_MARKER, TableParse, opens_table, page_furniture, parse_table
from auditor.vocabulary import ARTICLE_CODE, ISE_HEADING, ISE_SUFFIX, SIDE_HEADING, is_entity_heading

ARTICLE_HEADING = re.compile(rf"^\s*({ARTICLE_CODE})\s*[–—-]\s*(\S.*?)\s*$")
ISE_NAME_MAX_CHARS = 120  # an ISE name wrapped onto a second line stays a heading
PROGRAMME_HEADING = re.compile(r"^\s*PROGRAMMA\s+([0-9A-Z]{1,4})\s*[–—-]\s*(\S.*?)\s*$")
PART_HEADING = re.compile(r"^\s*[IVX]{1,6}\.\s+\S")
# a numbered heading starts with a capital: "1.3.1 worden deze artikelen …" is a wrapped sentence
NUMBERED_HEADING = re.compile(r"^\s*\d+(?:\.\d+)+\.?\s+[A-ZÀ-Ý‘'\"(]")
RECEIPT_SUFFIXES = {"OW", "OI", "OP", "OL"}
INDICATOR_PART = re.compile(r"indicator", re.I)
ANNEX_ISE = re.compile(r"^\s*ISE\s+(\S.*?)\s*$")
ANNEX_INDICATOR = re.compile(r"^\s*INDICATOR\s+(\S.*?)\s*$")
URL = re.compile(r"https?://\S+|www\.\S+")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def normalise_name(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip().lower()


class _Builder:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.doc = BBTDocument(kind="unknown", year=None)
        self.scope_starts: list[tuple[int, Scope]] = []
        self.current_ise: ISE | None = None
        self.current_article: Article | None = None
        self.side: str | None = None
        self.entity: str | None = None
        self.table_lines: set[int] = set()
        self.toc_lines = _table_of_contents(lines)
        self.furniture = page_furniture(lines)
        self.last_footnote = 0

    def start_scope(self, line: int, kind: str, title: str, table_ref: str | None) -> None:
        self.scope_starts.append(
            (line, Scope(id=f"S{line}", kind=kind, title=title, start=line, end=line, table_ref=table_ref,  # type: ignore[arg-type]
                         ise=self.current_ise.id if self.current_ise else None))
        )

    def build(self) -> BBTDocument:
        lines = self.lines
        self.start_scope(1, "other", "", None)
        annex_start: int | None = None
        annex_end = len(lines)
        index = 0
        while index < len(lines):
            number = index + 1
            text = lines[index].strip()
            index += 1
            if not text or number in self.table_lines:
                continue
            if number in self.toc_lines:
                if PART_HEADING.match(text):
                    self.close_article(number)
                    self.current_ise = None
                    self.start_scope(number, "other", "inhoudstafel", None)
                continue
            if PART_HEADING.match(text) and not ARTICLE_HEADING.match(text):
                self.close_article(number)
                self.current_ise = None
                if annex_start is not None and annex_end == len(lines):
                    annex_end = number - 1
                if INDICATOR_PART.search(text) and "BIJLAGE" in text.upper():
                    annex_start = number
                    self.start_scope(number, "annex", text, None)
                else:
                    self.start_scope(number, "other", text, None)
                continue
            if (match := PROGRAMME_HEADING.match(text)) and self.doc.programme is None:
                self.doc.programme = Programme(code=match.group(1), name=match.group(2), line=number)
                self.start_scope(number, "programme", text, "programme")
                continue
            if match := ISE_HEADING.match(text):
                self.close_article(number)
                name, index = self.ise_name(match.group("name"), index)
                self.entity = None
                ise = ISE(id=f"ISE{len(self.doc.ises) + 1}", name=name, line=number, end_line=number)
                self.doc.ises.append(ise)
                self.current_ise = ise
                self.start_scope(number, "other", text, None)
                continue
            if match := ARTICLE_HEADING.match(text):
                index = self.open_article(match, number, index)
                continue
            if match := SIDE_HEADING.match(text):
                self.close_article(number)
                self.side = match.group(1).lower()
                self.start_scope(number, "other", text, None)
                continue
            if is_entity_heading(text):
                # an agentschap, DAB or fonds: its numbers are its own, not those of the article above
                self.close_article(number)
                self.entity = text
                self.start_scope(number, "other", text, None)
                continue
            if NUMBERED_HEADING.match(text) and self.current_article is None:
                self.start_scope(number, "other", text, None)
                continue
            if (header := opens_table(text)) is not None:
                index = self.read_table(number, index, header)
                continue
            if FOOTNOTE_LINE.match(text) and self.is_next_footnote(text):
                self.doc.footnote_lines.append(number)
        self.close_article(len(lines) + 1)
        self.finish_scopes(len(lines))
        if annex_start is not None:
            self.doc.indicators = parse_indicators(lines, annex_start, annex_end)
        self.doc.table_lines = sorted(self.table_lines)
        self.classify()
        return self.doc

    def open_article(self, match: re.Match[str], number: int, index: int) -> int:
        self.close_article(number)
        code, title = match.group(1), match.group(2)
        # titles in capitals may continue on the next non-blank line
        look = index
        while look < len(self.lines) and not self.lines[look].strip():
            look += 1
        if look < len(self.lines):
            nxt = self.lines[look].strip()
            if title.isupper() and nxt.isupper() and len(nxt) < 80 and not UNIT_MARKER.match(nxt):
                title = f"{title} {nxt}"
                index = look + 1
        suffix = code[-2:]
        kind = "receipts" if suffix in RECEIPT_SUFFIXES or self.side == "ontvangsten" else "expenditure"
        article = Article(
            code=code, title=title, line=number, end_line=number, kind=kind, esr_suffix=suffix,
            ise=self.current_ise.id if self.current_ise else None, entity=self.entity,
        )
        self.doc.articles.append(article)
        if self.current_ise:
            self.current_ise.articles.append(code)
        self.current_article = article
        self.start_scope(number, "article", f"{code} – {title}", code)
        return index

    def close_article(self, next_line: int) -> None:
        if self.current_article is not None:
            self.current_article.end_line = next_line - 1
            self.current_article = None
        if self.current_ise is not None:
            self.current_ise.end_line = max(self.current_ise.end_line, next_line - 1)

    def ise_name(self, name: str, index: int) -> tuple[str, int]:
        """An ISE name may wrap onto the next line ('ISE: BELEID OVER ZIEKENHUIZEN EN GEESTELIJKE' /
        'GEZONDHEIDSZORG, MVG excl. DAB'); the 'MVG excl. DAB' suffix is not part of the name."""
        if not ISE_SUFFIX.search(name) and name.isupper():
            look = index
            while look < len(self.lines) and not self.lines[look].strip():
                look += 1
            if look < len(self.lines):
                following = self.lines[look].strip()
                if ISE_SUFFIX.search(following) and len(name) + len(following) < ISE_NAME_MAX_CHARS \
                        and opens_table(following) is None:
                    name, index = f"{name} {following}", look + 1
        return ISE_SUFFIX.sub("", name).strip(" ,"), index

    def parse(self, number: int, header: str, kind: str, title: str) -> TableParse | None:
        parsed = parse_table(self.lines, number + 1, kind=kind, title=title, header=header,  # type: ignore[arg-type]
                             furniture=self.furniture)
        if parsed is None:
            return None
        self.table_lines.update(parsed.lines)
        self.table_lines.add(number)
        for footnote in parsed.footnotes:
            self.is_next_footnote(self.lines[footnote - 1].strip())
        self.doc.footnote_lines.extend(parsed.footnotes)
        self.doc.unread.extend(
            Unread(line=row.line, text=row.text, what="row", reason=row.reason, reason_en=row.reason_en)
            for row in parsed.skipped
        )
        return parsed

    def loose(self, table: BudgetTable, why: str, why_en: str) -> None:
        self.doc.loose_tables.append(table)
        self.doc.unread.append(Unread(line=table.line, text=self.lines[table.line - 1].strip(), what="table",
                                      reason=why, reason_en=why_en))

    def read_table(self, number: int, index: int, header: str = "") -> int:
        article = self.current_article
        if article is not None and article.table is not None:
            # a second table under an article: its Kredietevolutie (BA, Index, Compensaties, … BO)
            parsed = self.parse(number, header, "article", article.code)
            if parsed is None:
                return index
            if article.evolution is None and any(c.row == "ADJUSTMENT" for c in parsed.table.cells):
                article.evolution = parsed.table
            else:
                self.loose(parsed.table, f"nog een tabel onder {article.code}; niet aan een controle gekoppeld",
                           f"another table under {article.code}; not tied to a check")
            return parsed.last_line
        if self.current_article is not None and self.current_article.table is None:
            kind, title, owner = "article", self.current_article.code, self.current_article
        elif self.current_ise is not None and self.current_ise.table is None and self.current_article is None:
            kind, title, owner = "ise", self.current_ise.name, self.current_ise
        elif self.doc.programme is not None and self.doc.programme.table is None:
            kind, title, owner = "programme", self.doc.programme.name, self.doc.programme
        else:
            parsed = self.parse(number, header, "article", "")
            if parsed is None:
                return index
            where = f"ISE {self.current_ise.name}" if self.current_ise else "het document"
            if self.current_ise is not None:
                self.current_ise.subtables += 1
            self.loose(parsed.table, f"tabel zonder eigen begrotingsartikel of ISE (in {where}); niet gecontroleerd",
                       f"table without its own budget article or ISE (in {where}); not checked")
            return parsed.last_line
        parsed = self.parse(number, header, kind, title)
        if parsed is None:
            return index
        owner.table = parsed.table
        if kind == "ise":
            # what follows the ISE table, up to its first article, restates the ISE table
            self.start_scope(parsed.last_line + 1, "ise", self.current_ise.name, self.current_ise.id)  # type: ignore[union-attr]
        return parsed.last_line

    def finish_scopes(self, last: int) -> None:
        ordered = sorted(self.scope_starts, key=lambda item: item[0])
        scopes: list[Scope] = []
        for position, (start, scope) in enumerate(ordered):
            end = ordered[position + 1][0] - 1 if position + 1 < len(ordered) else last
            if end >= start:
                scopes.append(scope.model_copy(update={"end": end}))
        self.doc.scopes = scopes

    def classify(self) -> None:
        tables = self.doc.tables()
        columns = {cell.column for table in tables for cell in table.cells}
        if "BU" in columns:
            self.doc.kind = "uitvoering"
        elif "BO" in columns:
            self.doc.kind = "begroting"
        if self.doc.kind == "begroting":
            # a budget BBT is for the year of its BO column; BA 2024 is the year before
            all_years = [y for table in tables for y in table.years]
            self.doc.year = max(all_years) if all_years else None
            return
        years = Counter(table.year for table in tables if table.year)
        self.doc.year = years.most_common(1)[0][0] if years else None


    def is_next_footnote(self, text: str) -> bool:
        """Footnotes are numbered 1, 2, 3 … through the document; a date such as '26 mei 2023' that
        happens to open a line is not the next footnote number."""
        marker = int(text.split()[0])
        if self.last_footnote < marker <= self.last_footnote + 2:
            self.last_footnote = marker
            return True
        return False


HEADING_LIKE = re.compile(r"^\s*(?:[IVX]{1,6}\.\s|\d+(?:\.\d+)*\.?\s+\S|(?:OD|SD)\s*\d+\s*:)")


def _table_of_contents(lines: list[str]) -> set[int]:
    """Lines of a table of contents: five or more heading-shaped lines, with at most the second line of
    a wrapped entry between them, most of which repeat headings found elsewhere in the document."""
    headings = [(number, raw.strip()) for number, raw in enumerate(lines, start=1) if HEADING_LIKE.match(raw.strip())]
    keys = Counter(_toc_key(text) for _, text in headings)
    toc: set[int] = set()
    run: list[int] = []
    previous = 0

    def close() -> None:
        if len(run) < 5:
            return
        # a TOC repeats the headings of the body; a list of decrees ('22 maart 2024. - Decreet …') does not
        repeated = sum(keys[_toc_key(lines[n - 1].strip())] > 1 for n in run)
        if repeated >= 0.6 * len(run):
            toc.update(range(run[0], run[-1] + 1))

    for number, text in headings:
        between = [n for n in range(previous + 1, number) if lines[n - 1].strip()] if previous else []
        continuation = len(between) <= 2 and all(_wrapped_entry(lines[n - 1].strip()) for n in between)
        if run and not (not between or continuation):
            close()
            run = []
        run.append(number)
        previous = number
    close()
    return toc


def _wrapped_entry(text: str) -> bool:
    """The second line of a wrapped TOC entry: lower-case or capitals throughout, or ending in a page
    number; "Geen." under an empty annex heading is none of these."""
    return len(text) < 100 and (text[:1].islower() or text.upper() == text or bool(re.search(r"\s\d{1,3}$", text)))


def _toc_key(text: str) -> str:
    """A TOC entry and its heading share their start; page numbers and dot leaders differ."""
    return re.sub(r"[\s.…]+", " ", text).strip().lower()[:30]


def parse_indicators(lines: list[str], start: int, end: int) -> list[Indicator]:
    """Read the annex 'ISE-indicatoren': per indicator the most recent measurement and its year."""
    found: list[Indicator] = []
    ise_name = ""
    name = ""
    in_measure = False
    block_start = start
    pending: list[tuple[str, int, int, str]] = []  # (printed, line, column, label)
    years: list[int] = []

    def flush(block_end: int) -> None:
        year = years[0] if years else None
        for printed, line, column, label in pending:
            found.append(
                Indicator(
                    ise_name=ise_name, name=name, label=label, year=year,
                    value=Quantity.from_text(printed, line=line, column=column, unit="pct"),
                    block_start=block_start, block_end=block_end,
                )
            )
        pending.clear()
        years.clear()

    for number in range(start, end + 1):
        raw = lines[number - 1]
        text = raw.strip()
        if not text:
            continue
        if match := ANNEX_INDICATOR.match(text):
            flush(number - 1)
            name, in_measure, block_start = match.group(1), False, number
            continue
        if (match := ANNEX_ISE.match(text)) and not text.isupper():
            flush(number - 1)
            ise_name, name, in_measure = match.group(1), "", False
            continue
        upper = text.upper()
        if upper.startswith("MEEST RECENTE METING"):
            in_measure = True
            continue
        if upper.startswith("STREEFWAARDE") or upper.startswith("DEFINITIE"):
            in_measure = False
            continue
        if not in_measure or "CIJFER VOOR" in upper:
            continue
        clean = URL.sub(" ", raw)
        years.extend(int(y) for y in YEAR.findall(clean))
        for match in NUMBER_PATTERN.finditer(clean):
            after = clean[match.end():]
            if not after.lstrip().startswith("%"):
                continue
            label = re.sub(r"\(.*?\)", " ", after.lstrip()[1:]).strip(" .:-•")
            bulleted = re.match(r"^\s*[•\-–]", raw) is not None
            pending.append((match.group(0), number, match.start(), label if bulleted and label else name))
    flush(end)
    return found


def parse_structure(lines: list[str]) -> BBTDocument:
    doc = _Builder(lines).build()
    if not doc.tables() and not doc.articles:
        raise InputError(
            "geen BBT herkend: geen begrotingstabellen of begrotingsartikelen gevonden",
            "not a BBT: no budget tables or budget articles found",
        )
    return doc
