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
from auditor.structure.tables import (
    FOOTNOTE_LINE, UNIT_MARKER, TableParse, furniture_key, opens_table, page_furniture, parse_table,
)
from auditor.vocabulary import (
    ARTICLE_CODE, CAPTION_MAX_WORDS, ISE_HEADING, ISE_SUFFIX, PART_CAPTION, SIDE_HEADING, UNIT_IN_LINE, WHOLE_CAPTION, is_entity_heading,
)

ARTICLE_HEADING = re.compile(rf"^\s*({ARTICLE_CODE})\s*[–—-]\s*(\S.*?)\s*$")
ISE_NAME_MAX_CHARS = 120  # an ISE name wrapped onto a second line stays a heading
# a section of one level, "1. Woonzorg en eerste lijn": short, capitalised, no sentence
SECTION_HEADING = re.compile(r"^\s*\d{1,2}\.\s+(?P<title>[A-ZÀ-Ý][^.:;]{2,100})$")
SECTION_MAX_WORDS = 12
SECTION_LOOKAHEAD_LINES = 12  # non-blank lines within which a section's own sub-heading or ISE heading follows
ISE_SUFFIX_START = re.compile(r",?\s*MVG\s*$")  # 'KINDERRECHTEN, MVG' / 'excl. DAB'
PROGRAMME_HEADING = re.compile(r"^\s*PROGRAMMA\s+([0-9A-Z]{1,4})\s*[–—-]\s*(\S.*?)\s*$")
PART_HEADING = re.compile(r"^\s*[IVX]{1,6}\.\s+\S")
# a numbered heading starts with a capital: "1.3.1 worden deze artikelen …" is a wrapped sentence
# heading numbers have parts of one or two digits ("1.7.1."): "1.250 VTE werden …" is a wrapped sentence
NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+[A-ZÀ-Ý‘'\"(]")
RECEIPT_SUFFIXES = {"OW", "OI", "OP", "OL"}
INDICATOR_PART = re.compile(r"indicator", re.I)
ANNEX_ISE = re.compile(r"^\s*ISE\s+(\S.*?)\s*$")
ANNEX_INDICATOR = re.compile(r"^\s*INDICATOR\s+(\S.*?)\s*$")
URL = re.compile(r"https?://\S+|www\.\S+")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


class _Builder:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.doc = BBTDocument(kind="unknown", year=None)
        self.scope_starts: list[tuple[int, Scope]] = []
        self.current_ise: ISE | None = None
        self.current_article: Article | None = None
        self.side: str | None = None
        self.entity: str | None = None
        self.section: tuple[str, int] | None = None  # the last one-level numbered heading (title, line)
        self.ise_tables: dict[str, list[BudgetTable]] = {}  # every synthesis table read under each ISE
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
            # Most lines are prose. Each heading pattern is tried only where the first character allows it
            # (`text` is stripped, so each pattern's `^\s*` matches nothing): Roman numerals, capitals,
            # a digit for every numbered heading and for a footnote.
            first = text[0]
            numbered = first.isdecimal()  # what \d matches: a Unicode decimal digit
            if number in self.toc_lines:
                if first in "IVX" and PART_HEADING.match(text):
                    self.close_article(number)
                    self.current_ise = None
                    self.start_scope(number, "other", "inhoudstafel", None)
                continue
            if first in "IVX" and PART_HEADING.match(text) and not ARTICLE_HEADING.match(text):
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
            if text.startswith("PROGRAMMA") and (match := PROGRAMME_HEADING.match(text)) and self.doc.programme is None:
                self.doc.programme = Programme(code=match.group(1), name=match.group(2), line=number)
                self.start_scope(number, "programme", text, "programme")
                continue
            if (numbered or text.startswith("ISE")) and (match := ISE_HEADING.match(text)):
                self.close_article(number)
                name, index = self.ise_name(match.group("name"), index)
                self.entity = None
                ise = ISE(id=f"ISE{len(self.doc.ises) + 1}", name=name, line=number, end_line=number)
                self.doc.ises.append(ise)
                self.current_ise = ise
                self.start_scope(number, "other", text, None)
                continue
            if "A" <= first <= "Z" and (match := ARTICLE_HEADING.match(text)):
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
            if numbered and SECTION_HEADING.match(text) and len(text.split()) <= SECTION_MAX_WORDS and self.opens_section(text, index):
                # "1. Woonzorg en eerste lijn", "2. Beleidsdoelstelling 2": a new ISE section, whether or not an
                # 'ISE:' heading follows; its synthesis table makes it an ISE (`read_table`)
                self.close_article(number)
                self.current_ise, self.entity = None, None
                self.section = (SECTION_HEADING.match(text).group("title"), number)  # type: ignore[union-attr]
                self.start_scope(number, "other", text, None)
                continue
            if numbered and NUMBERED_HEADING.match(text):
                # "1.7. Budgettair kader …", "1.4. Eigen ontvangsten van het agentschap": ends the article above
                self.close_article(number)
                self.start_scope(number, "other", text, None)
                continue
            if (header := opens_table(text)) is not None:
                index = self.read_table(number, index, header)
                continue
            if numbered and FOOTNOTE_LINE.match(text) and self.is_next_footnote(text):
                self.doc.footnote_lines.append(number)
        self.close_article(len(lines) + 1)
        self.finish_scopes(len(lines))
        if annex_start is not None:
            self.doc.indicators = parse_indicators(lines, annex_start, annex_end)
        self.doc.table_lines = sorted(self.table_lines)
        # most documents have no running header or footer: then no line is one (and no key need be made)
        self.doc.furniture_lines = [n for n, raw in enumerate(lines, start=1)
                                    if raw.strip() and furniture_key(raw) in self.furniture] if self.furniture else []
        self.choose_ise_tables()
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

    def opens_section(self, text: str, index: int) -> bool:
        """'1. Woonzorg en eerste lijn' heads a section when its own sub-headings ('1.1. …') or an ISE
        heading follow soon; '1. Versterking van …' in an article's text is the first item of a list."""
        number = text.split(".", 1)[0].strip()
        own_subheading = re.compile(rf"^\s*{re.escape(number)}\.\d+\.?\s")
        seen = 0
        for raw in self.lines[index:]:
            following = raw.strip()
            if not following:
                continue
            if own_subheading.match(following) or ISE_HEADING.match(following):
                return True
            if ARTICLE_HEADING.match(following) or SECTION_HEADING.match(following):
                return False
            seen += 1
            if seen >= SECTION_LOOKAHEAD_LINES:
                return False
        return False

    def ise_name(self, name: str, index: int) -> tuple[str, int]:
        """An ISE name may wrap onto the next line ('ISE: BELEID OVER ZIEKENHUIZEN EN GEESTELIJKE' /
        'GEZONDHEIDSZORG, MVG excl. DAB'); the 'MVG excl. DAB' suffix is not part of the name."""
        if not ISE_SUFFIX.search(name) and (name.isupper() or ISE_SUFFIX_START.search(name)):
            look = index
            while look < len(self.lines) and not self.lines[look].strip():
                look += 1
            if look < len(self.lines):
                following = self.lines[look].strip()
                if ISE_SUFFIX.search(f"{name} {following}") and len(name) + len(following) < ISE_NAME_MAX_CHARS \
                        and opens_table(following) is None:
                    name, index = f"{name} {following}", look + 1
        return ISE_SUFFIX.sub("", name).strip(" ,"), index

    def parse(self, number: int, header: str, kind: str, title: str) -> TableParse | None:
        parsed = parse_table(self.lines, number + 1, kind=kind, title=title, header=header,  # type: ignore[arg-type]
                             furniture=self.furniture)
        if parsed is None:
            return None
        if not parsed.table.cells:
            # a header, and rows none of which fit it: say so, and leave the lines to the text
            self.doc.unread.extend(
                Unread(line=row.line, text=row.text, what="row", reason=row.reason, reason_en=row.reason_en)
                for row in parsed.skipped
            )
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
        table.loose_reason = (why, why_en)
        self.doc.loose_tables.append(table)

    def read_table(self, number: int, index: int, header: str = "") -> int:
        """Read the table opening at `number` and give it its owner: the open article (its table, then
        its Kredietevolutie), the ISE (its synthesis table; a heading-less section whose table has the
        synthesis shape becomes an ISE), the programme; a table with no owner is kept as loose."""
        parsed = self.parse(number, header, "article", "")
        if parsed is None:
            return index
        table = parsed.table
        table.caption = UNIT_IN_LINE.sub("", self.lines[number - 1]).strip() or self.caption_before(number)
        article = self.current_article
        if article is not None:
            if article.table is None:
                table.kind, table.title = "article", article.code
                article.table = table
            elif article.evolution is None and any(c.row == "ADJUSTMENT" for c in table.cells):
                table.kind, table.title = "article", article.code
                article.evolution = table
            else:
                self.loose(table, f"nog een tabel onder {article.code}; niet aan een controle gekoppeld",
                           f"another table under {article.code}; not tied to a check")
            return parsed.last_line
        if self.current_ise is not None and self.current_ise.table is None and _levels_only(table):
            # an ISE's table turned the other way: a line per stage, a number per credit
            table.kind, table.title = "ise", self.current_ise.name
            self.current_ise.table = table
            self.ise_tables.setdefault(self.current_ise.id, []).append(table)
            self.start_scope(parsed.last_line + 1, "ise", self.current_ise.name, self.current_ise.id)
            return parsed.last_line
        if _synthesis_shaped(table):
            ise = self.current_ise or self.implicit_ise(number)
            table.kind, table.title = "ise", ise.name
            self.ise_tables.setdefault(ise.id, []).append(table)
            if ise.table is None:
                ise.table = table
                # what follows the ISE table, up to its first article, restates the ISE table
                self.start_scope(parsed.last_line + 1, "ise", ise.name, ise.id)
            return parsed.last_line
        if self.doc.programme is not None and self.doc.programme.table is None and self.current_ise is None:
            table.kind, table.title = "programme", self.doc.programme.name
            self.doc.programme.table = table
            return parsed.last_line
        where = f"ISE {self.current_ise.name}" if self.current_ise else "het document"
        self.loose(table, f"tabel zonder eigen begrotingsartikel of ISE (in {where}); niet gecontroleerd",
                   f"table without its own budget article or ISE (in {where}); not checked")
        return parsed.last_line

    def implicit_ise(self, number: int) -> ISE:
        """A synthesis table under no 'ISE' heading (2020–2021 and some Wonen BBTs): the ISE is named by
        the caption above the table ('NAME, MVG excl. DAB') or else by the section heading."""
        caption = self.caption_before(number)
        if caption and ISE_SUFFIX.search(caption):
            name, line = ISE_SUFFIX.sub("", caption).strip(" ,"), number
        elif self.section is not None:
            name, line = self.section
        else:
            name, line = caption or "ISE", number
        ise = ISE(id=f"ISE{len(self.doc.ises) + 1}", name=name, line=line, end_line=number)
        self.doc.ises.append(ise)
        self.current_ise = ise
        return ise

    def caption_before(self, number: int) -> str:
        """The non-blank line above line `number`, when it is no heading of its own."""
        look = number - 2
        while look >= 0 and not self.lines[look].strip():
            look -= 1
        text = self.lines[look].strip() if look >= 0 else ""
        if NUMBERED_HEADING.match(text) or SECTION_HEADING.match(text) or ARTICLE_HEADING.match(text) \
                or text.endswith((".", ":", ";")) \
                or len(text.split()) > CAPTION_MAX_WORDS or NUMBER_PATTERN.search(text):
            return ""
        return text

    def choose_ise_tables(self) -> None:
        """Several synthesis tables after one ISE heading ('Waarvan Departement …', 'Waarvan agentschap …',
        'Totaal ISE …'): the ISE's own is the one whose Totaal is the sum of the others', per credit and
        column. When none is, the first is kept and the ISE's checks become 'review'."""
        for ise in self.doc.ises:
            tables = self.ise_tables.get(ise.id, [])
            if len(tables) < 2:
                continue
            whole = next((t for t in tables if _is_sum_of(t, [o for o in tables if o is not t])), None)
            if whole is None:
                # 'Totaal ISE …' above a table and 'Waarvan …' above all the others names the whole
                named = [t for t in tables if WHOLE_CAPTION.match(t.caption)]
                if len(named) == 1 and all(PART_CAPTION.match(t.caption) for t in tables if t is not named[0]):
                    whole = named[0]
            proven = whole is not None
            # else the largest is the likeliest whole: a guess, so every check on it is "review"
            chosen = whole or max(tables, key=_total_size)
            ise.table = chosen
            ise.part_tables = [t for t in tables if t is not chosen]
            ise.subtables = 0 if proven else len(ise.part_tables)

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


def _synthesis_shaped(table: BudgetTable) -> bool:
    """An ISE's budgettair kader: a Totaal row over ESR rows (ESR-uitgaven, Toelagen, Overige)."""
    rows = set(table.rows())
    return "TOTAL" in rows and bool(rows & {"ESR", "IS", "OTHER"})


def _levels_only(table: BudgetTable) -> bool:
    return bool(table.cells) and all(c.row == "TOTAL" for c in table.cells)


def _total_size(table: BudgetTable) -> int:
    return sum(abs(int(c.quantity.value)) for c in table.cells if c.row == "TOTAL")


def _is_sum_of(whole: BudgetTable, parts: list[BudgetTable]) -> bool:
    totals = [c for c in whole.cells if c.row == "TOTAL"]
    if not totals or not parts:
        return False
    for cell in totals:
        found = [p.cell("TOTAL", cell.credit, cell.column) for p in parts]
        if any(f is None for f in found) or sum(f.quantity.value for f in found) != cell.quantity.value:  # type: ignore[union-attr]
            return False
    return True


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


def parse_structure(lines: list[str], path: str | None = None) -> BBTDocument:
    doc = _Builder(lines).build()
    if not doc.tables() and not doc.articles and not doc.loose_tables:
        raise _not_a_bbt(doc, lines, path or "het document")
    return doc


CREDIT_WORD = re.compile(r"\b(?:VAK|VEK)\b")


def _not_a_bbt(doc: BBTDocument, lines: list[str], path: str) -> InputError:
    """'geen BBT herkend' naming the file, what was found and what was not."""
    unit_lines = sum(1 for line in lines if opens_table(line.strip()) is not None)
    credit_lines = sum(1 for line in lines if CREDIT_WORD.search(line))
    found_nl = [f"{len(lines)} regels"]
    found_en = [f"{len(lines)} lines"]
    for count, nl, en in ((credit_lines, "regels met VAK/VEK", "lines with VAK/VEK"),
                          (unit_lines, "tabelkoppen met een eenheid (duizend euro)", "table headers with a unit (duizend euro)"),
                          (len(doc.ises), "ISE-koppen", "ISE headings"),
                          (len(doc.unread), "onleesbare tabellen of rijen", "unreadable tables or rows")):
        if count:
            found_nl.append(f"{count} {nl}")
            found_en.append(f"{count} {en}")
    if doc.programme is not None:
        found_nl.append(f"programma {doc.programme.code}")
        found_en.append(f"programme {doc.programme.code}")
    return InputError(
        f"geen BBT herkend in {path}: gevonden {', '.join(found_nl)}; niet gevonden: een begrotingsartikel "
        "(kop met een code zoals JB0-1JEC2HA-WT) of een begrotingstabel met kolommen die gelezen kon worden",
        f"not a BBT: {path}: found {', '.join(found_en)}; not found: a budget article (a heading with a code "
        "such as JB0-1JEC2HA-WT) or a budget table whose columns could be read",
    )
