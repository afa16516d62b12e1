"""Layout transforms of a BBT's text lines that keep what the document states.

Each transform is a pure function `list[str] -> list[str]` (its keyword arguments, where it has any,
have defaults; the tests bind them with `functools.partial`). Each docstring says what the transform
changes and why a reader of the document would still read the same budget facts from it.

The transforms look at the text only, never at the auditor's parser: which lines are a table, a
narrative sentence or a footnote is decided here from the shapes a BBT prints (see
/work/shared/LAYOUTS.md), so that a parser weakness shows as a changed finding instead of being
copied into the test.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

Lines = list[str]
Transform = Callable[[Lines], Lines]

# ---------------------------------------------------------------------------------------------------
# Shapes of a BBT's lines
# ---------------------------------------------------------------------------------------------------

ARTICLE_CODE = re.compile(r"\b([A-Z]{2})([0-9A-Z]-[0-9A-Z]{7}-)(?=[A-Z]{2}\b|\s*$)")
ARTICLE_HEADING = re.compile(r"^\s*[A-Z]{2}[0-9A-Z]-[0-9A-Z]{7}-[A-Z]{2}\s*[–—-]\s*\S")
ISE_HEADING = re.compile(r"^\s*(\d+)\.\s+ISE\s+\S")
PART_HEADING = re.compile(r"^\s*[IVX]{1,6}\.\s+\S")
# a numbered heading opens with a capital: "1.3.1 worden deze artikelen …" is a wrapped sentence
NUMBERED_HEADING = re.compile(r"^\s*(\d+)((?:\.\d+)+\.?)(\s+[A-ZÀ-Ý‘'\"(])")
SIDE_HEADING = re.compile(r"^\s*(Uitgaven|Ontvangsten)\s*$")
PROGRAMME_HEADING = re.compile(r"^\s*PROGRAMMA\s+\S")
UNIT_LINE = re.compile(r"^\s*\(\s*(?:in\s+)?(?:duizend\s+euro|keuro|k€)\s*\)", re.I)
UNIT_ALONE = re.compile(r"^\s*\(\s*(?:in\s+)?duizend\s+euro\s*\)\s*$", re.I)
CREDIT_LINE = re.compile(r"^\s*VAK\s+VEK\s*$")
UNIT_ON_CREDIT_LINE = re.compile(r"^(\s*)(\(\s*duizend\s+euro\s*\))\s+(VAK\s+VEK)\s*$", re.I)
# a sub-heading naming an amount: "Begeleidingspremie (3.602 keuro VAK)" — a title, not prose
SUBHEADING = re.compile(r"^\s*[A-ZÀ-Ý][^.:;!?]{1,110}\(([^()]*\d[^()]*)\)\s*$")
BULLET = re.compile(r"^\s*(?:[-–•▪◦●]|\d+[.)])\s")
# a numbered footnote at a page foot: its number, then words ("7 ’Procesevaluatie …", "2 Raming …")
FOOTNOTE = re.compile(r"^\s*(\d{1,3})\s+[^\d\s]\S*(?:\s+\S+){2,}")
NUMBER_TAIL = re.compile(r"(?:\s-?\d[\d.,]*)+\s*$")
INDICATOR_ANNEX = re.compile(r"BIJLAGE.*indicator", re.I)
YEAR = re.compile(r"(?<![\d.,])(20[12]\d)(?![\d.,]\d)")
# a keuro amount as printed: "552.157", "-2.188", "0" — not a year, a percentage, a decimal or part of a code
INTEGER_AMOUNT = re.compile(r"(?<![\w.,/-])(-?)(\d{1,3}(?:\.\d{3})*)(?![\w%]|[.,]\d)")

# a line with at least this many words and no numbers at its end is prose: a table has ended before it
PROSE_MIN_WORDS_AFTER_TABLE = 8
# a narrative line has at least this many words
NARRATIVE_MIN_WORDS = 3
# split only lines at least this long, and keep at least this many characters on each side
SPLIT_MIN_LENGTH = 50
SPLIT_MIN_PART = 15
# a footnote numbered n may follow footnote n - 1 or skip one (a footnote on a page not exported)
FOOTNOTE_MAX_STEP = 2

# sentences that open by pointing back at the sentence before: an unrelated sentence must not come between
ANAPHORIC_OPENERS = re.compile(
    r"^\s*(?:Dit|Deze|Dat|Die|Daar\w*|Hier\w*|Ook|Bovendien|Tevens|Verder|Zo|Dus|Bijgevolg|Samen|In\s+totaal\w*"
    r"|Per\s+saldo|Het\s+(?:saldo|verschil|resterende|overige))\b"
)


def blank(line: str) -> bool:
    return not line.strip()


def is_heading(line: str) -> bool:
    return bool(
        PART_HEADING.match(line) or ISE_HEADING.match(line) or NUMBERED_HEADING.match(line)
        or ARTICLE_HEADING.match(line) or SIDE_HEADING.match(line) or PROGRAMME_HEADING.match(line)
    )


def _ends_table(line: str) -> bool:
    """A line no table of a BBT holds: a heading, a label such as 'Inhoudelijke toelichting:', or a
    line of prose (many words, no numbers at its end, not a footnote that a page break put inside)."""
    text = line.strip()
    if is_heading(line) or text.endswith(":"):
        return True
    words = text.split()
    return (len(words) >= PROSE_MIN_WORDS_AFTER_TABLE and not NUMBER_TAIL.search(text)
            and not FOOTNOTE.match(text))


def table_lines(lines: Lines) -> set[int]:
    """0-based indices of the lines of every table: from its unit line `(duizend euro)` up to and
    including the first line that ends it (that line is kept with the table so that wrapping it cannot
    make it look like one more row label)."""
    inside: set[int] = set()
    index = 0
    while index < len(lines):
        if UNIT_LINE.match(lines[index]):
            inside.add(index)
            index += 1
            while index < len(lines):
                inside.add(index)
                if not blank(lines[index]) and _ends_table(lines[index]):
                    break
                index += 1
        index += 1
    return inside


def form_lines(lines: Lines) -> set[int]:
    """0-based indices of the line-structured parts that are not prose: the annex 'ISE-indicatoren'
    (a form of labelled fields, to the end of the document) and table-of-contents lines (tab-indented)."""
    form: set[int] = set()
    annex = next((n for n, line in enumerate(lines) if INDICATOR_ANNEX.search(line) and PART_HEADING.match(line)), None)
    if annex is not None:
        form.update(range(annex, len(lines)))
    form.update(n for n, line in enumerate(lines) if "\t" in line)
    return form


def footnote_lines(lines: Lines) -> set[int]:
    """0-based indices of the numbered footnotes: lines opening with the next footnote number (1, 2, 3 …
    through the document) followed by words. '26 mei 2023' opening a wrapped line is not footnote 26."""
    found: set[int] = set()
    last = 0
    for index, line in enumerate(lines):
        match = FOOTNOTE.match(line)
        if match and last < int(match.group(1)) <= last + FOOTNOTE_MAX_STEP:
            last = int(match.group(1))
            found.add(index)
    return found


def _mostly_lowercase(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.islower() for c in letters) * 2 >= len(letters)


def narrative_lines(lines: Lines) -> set[int]:
    """0-based indices of lines of running prose: outside tables and forms, not a heading, a bullet, a
    sub-heading, footnote, a page number or a label ending in ':', at least a few words, mostly lower case."""
    excluded = table_lines(lines) | form_lines(lines) | footnote_lines(lines)
    found: set[int] = set()
    for index, line in enumerate(lines):
        text = line.strip()
        if index in excluded or not text or is_heading(line) or BULLET.match(line) or SUBHEADING.match(line):
            continue
        if text[0].isdigit() or text.endswith((":", "-")) or len(text.split()) < NARRATIVE_MIN_WORDS:
            continue
        if _mostly_lowercase(text):
            found.add(index)
    return found


def _next_nonblank(lines: Lines, index: int) -> int | None:
    index += 1
    while index < len(lines) and blank(lines[index]):
        index += 1
    return index if index < len(lines) else None


# ---------------------------------------------------------------------------------------------------
# Re-wrapping and whitespace
# ---------------------------------------------------------------------------------------------------

def rewrap_prose(lines: Lines, *, seed: int = 0, share: float = 0.3) -> Lines:
    """Re-wrap narrative lines as another PDF export would: about `share` of the narrative lines are
    either joined with the next narrative line (the blank lines between them stay where they were) or
    split in two at a space.

    Meaning: a sentence is the same sentence wherever its line breaks fall; the PDF's wrapping is an
    accident of the page width. Never touched: tables, the indicator annex, headings, bullets, footnotes,
    lines ending in ':' (they announce what follows). A split never leaves a line ending in ':' or ')'
    (which would make a sub-heading) and always starts the new line with a lower-case word (so it
    cannot become a heading, a bullet, a footnote or a page number)."""
    rng = random.Random(seed)
    narrative = narrative_lines(lines)
    out = list(lines)
    removed: set[int] = set()
    for index in sorted(narrative):
        if index in removed or rng.random() >= share:
            continue
        text = out[index].rstrip()
        nxt = _next_nonblank(out, index)
        if rng.random() < 0.5 and nxt is not None and nxt in narrative and nxt not in removed:
            out[index] = f"{text} {out[nxt].strip()} "
            removed.add(nxt)
            continue
        spaces = [m.start() for m in re.finditer(r"(?<=\S) (?=[a-zà-ÿ])", text)
                  if SPLIT_MIN_PART <= m.start() <= len(text) - SPLIT_MIN_PART
                  and not text[:m.start()].endswith((":", ")"))]
        if len(text) >= SPLIT_MIN_LENGTH and spaces:
            cut = rng.choice(spaces)
            out[index] = text[:cut] + " \n" + text[cut + 1:] + " "
    joined = [line for n, line in enumerate(out) if n not in removed]
    return [part for line in joined for part in line.split("\n")]


def drop_blank_lines(lines: Lines) -> Lines:
    """Remove every empty or whitespace-only line.

    Meaning: blank lines in a PDF text export fall between wrapped lines at random (LAYOUTS.md); they
    separate nothing that the words and numbers do not already separate."""
    return [line for line in lines if not blank(line)]


def add_blank_lines(lines: Lines, *, seed: int = 0, share: float = 0.3) -> Lines:
    """Insert an empty line after about `share` of the lines, tables included.

    Meaning: as for `drop_blank_lines`, blank lines carry no content in an exported text."""
    rng = random.Random(seed)
    out: Lines = []
    for line in lines:
        out.append(line)
        if rng.random() < share:
            out.append("")
    return out


# ---------------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------------

def unit_onto_credit_line(lines: Lines) -> Lines:
    """Print the unit line `(duizend euro)` and the credit line `VAK VEK` under it as one line,
    `(duizend euro) VAK VEK`, as real Kredietevolutie tables print it (LAYOUTS.md); the blank lines
    between the two go.

    Meaning: the same table with the same unit and the same two credit columns."""
    out: Lines = []
    index = 0
    while index < len(lines):
        line = lines[index]
        nxt = _next_nonblank(lines, index)
        if UNIT_ALONE.match(line) and nxt is not None and CREDIT_LINE.match(lines[nxt]):
            out.append(f"{line.rstrip()} {lines[nxt].strip()} ")
            index = nxt + 1
            continue
        out.append(line)
        index += 1
    return out


def unit_off_credit_line(lines: Lines) -> Lines:
    """The inverse of `unit_onto_credit_line`: `(duizend euro) VAK VEK` as the unit line, a blank line
    and the credit line `VAK VEK`. Meaning: the same table, in the layout of the ISE tables."""
    out: Lines = []
    for line in lines:
        match = UNIT_ON_CREDIT_LINE.match(line)
        if match:
            out += [f"{match.group(1)}{match.group(2)} ", "", f" {match.group(3)} "]
        else:
            out.append(line)
    return out


def unit_onto_credit_line_and_back(lines: Lines) -> Lines:
    """`unit_onto_credit_line` then `unit_off_credit_line`: the tables' unit and credits as separate
    lines again (without the blank lines that were between them)."""
    return unit_off_credit_line(unit_onto_credit_line(lines))


def add_page_breaks(lines: Lines, *, header: str, page_length: int = 40, first_page: int = 2) -> Lines:
    """Every `page_length` lines, a page ends: its page number alone on a line, a blank line, and the
    next page's running header (`header`, e.g. 'Beleids- en begrotingstoelichting Sociale Economie').
    Page breaks land wherever the count falls: inside sentences and inside tables.

    Meaning: a running header and a page number are furniture of the page, not content; a PDF text
    export of a longer or shorter document prints them at other places."""
    out: Lines = []
    page = first_page
    for number, line in enumerate(lines, start=1):
        out.append(line)
        if number % page_length == 0:
            out += [f"{page} ", "", f"{header} "]
            page += 1
    return out


# ---------------------------------------------------------------------------------------------------
# Unrelated content
# ---------------------------------------------------------------------------------------------------

# sentences with numbers that are not budget amounts: counts of people, VTE, dates, shares of other things
UNRELATED_SENTENCES: tuple[str, ...] = (
    "Op 12 maart 2024 waren 1.234 personen aan de slag in de projecten.",
    "Het aandeel vrouwen bedroeg 48%.",
    "In totaal werden 350 VTE ingezet door 27 organisaties.",
    "De stuurgroep kwam 6 keer samen, voor het laatst op 3 oktober 2024.",
    "Het aantal deelnemers steeg van 412 naar 455 personen.",
    "Ongeveer 15% van de deelnemers was jonger dan 25 jaar.",
)


def paragraph_ends(lines: Lines) -> list[int]:
    """0-based indices of narrative lines that end a paragraph: the line ends a sentence ('.') and the
    next non-blank line is a heading, or is narrative, opens a new sentence with a capital, is no bullet
    and does not open with a word that points back ('Dit bedrag …', 'Daarnaast …', 'Hierdoor …')."""
    narrative = narrative_lines(lines)
    ends = []
    for index in sorted(narrative):
        nxt = _next_nonblank(lines, index)
        if nxt is None or not lines[index].rstrip().endswith("."):
            continue
        following = lines[nxt].strip()
        if is_heading(lines[nxt]) or (nxt in narrative and following[:1].isupper()
                                      and not ANAPHORIC_OPENERS.match(following)):
            ends.append(index)
    return ends


def insert_unrelated_sentences(lines: Lines, *, every: int = 3, offset: int = 0) -> Lines:
    """After every `every`-th paragraph end (counting from `offset`), a line with one of
    `UNRELATED_SENTENCES`, cycling through them.

    Meaning: the budget facts stay what they were; the new sentences speak of people, VTE, dates and
    shares of other things, never of an amount in keuro, a credit or a table. They are only put
    between paragraphs, never before a sentence that refers back to the one before it."""
    ends = set(paragraph_ends(lines)[offset::every])
    out: Lines = []
    sentences = iter(UNRELATED_SENTENCES * (len(ends) // len(UNRELATED_SENTENCES) + 1))
    for index, line in enumerate(lines):
        out.append(line)
        if index in ends:
            out += ["", f"{next(sentences)} "]
    return out


# ---------------------------------------------------------------------------------------------------
# Order
# ---------------------------------------------------------------------------------------------------

@dataclass
class Block:
    start: int  # 0-based, inclusive
    end: int  # exclusive


def _article_runs(lines: Lines) -> list[list[Block]]:
    """Runs of consecutive begrotingsartikelen of one ISE and one side (Uitgaven / Ontvangsten): each
    article from its heading up to the next heading that closes it (another article, ISE, part or side)."""
    runs: list[list[Block]] = []
    current: list[Block] = []
    start: int | None = None
    for index, line in enumerate(lines + ["I. END"]):
        closes = ARTICLE_HEADING.match(line) or ISE_HEADING.match(line) or PART_HEADING.match(line) \
            or SIDE_HEADING.match(line)
        if not closes:
            continue
        if start is not None:
            current.append(Block(start, index))
            start = None
        if ARTICLE_HEADING.match(line):
            start = index
        else:
            if current:
                runs.append(current)
            current = []
    return runs


def _has_footnote(block: Block, footnotes: set[int]) -> bool:
    return any(block.start <= n < block.end for n in footnotes)


def _permutation(count: int, rng: random.Random) -> list[int]:
    """A random order of `count` items that is not the order they had (when there are two or more)."""
    order = list(range(count))
    rng.shuffle(order)
    if count > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def _reorder(lines: Lines, blocks: list[Block], order: list[int]) -> Lines:
    """Put `blocks[order[k]]` in the place of `blocks[k]`; the blocks are contiguous and sorted."""
    out = list(lines[:blocks[0].start])
    for k in order:
        out += lines[blocks[k].start:blocks[k].end]
    return out + list(lines[blocks[-1].end:])


def reorder_articles(lines: Lines, *, seed: int = 0) -> Lines:
    """Within each run of articles of one ISE and side, put the articles in another order.

    Meaning: an ISE is the sum of its articles, whatever their order; each article's heading, table
    and narrative move together. Articles that carry a numbered footnote stay in place, since moving
    them would break the document's footnote numbering 1, 2, 3 … (a footnote out of sequence is no
    longer a footnote but a stray line)."""
    rng = random.Random(seed)
    footnotes = footnote_lines(lines)
    out = list(lines)
    for run in reversed(_article_runs(lines)):  # from the end, so earlier indices stay valid
        movable = [b for b in run if not _has_footnote(b, footnotes)]
        if len(movable) < 2:
            continue
        order = _permutation(len(movable), rng)
        pieces = {b.start: out[b.start:b.end] for b in run}
        new_pieces = {movable[k].start: pieces[movable[order[k]].start] for k in range(len(movable))}
        rebuilt: Lines = []
        for block in run:
            rebuilt += new_pieces.get(block.start, pieces[block.start])
        out = out[:run[0].start] + rebuilt + out[run[-1].end:]
    return out


def _ise_blocks(lines: Lines) -> list[Block]:
    """Each ISE from its heading `n. ISE NAME` up to the next ISE heading or part heading."""
    blocks: list[Block] = []
    start: int | None = None
    for index, line in enumerate(lines + ["I. END"]):
        if ISE_HEADING.match(line) or PART_HEADING.match(line):
            if start is not None:
                blocks.append(Block(start, index))
                start = None
            if ISE_HEADING.match(line):
                start = index
    # only ISEs of one part (consecutive blocks) can change places
    return [b for k, b in enumerate(blocks) if k == 0 or blocks[k - 1].end == b.start] if blocks else []


def ise_renumbering(lines: Lines) -> dict[int, int]:
    """The ISE numbers `reorder_ises` gives: old number → new number (empty when it cannot reorder)."""
    blocks = _ise_blocks(lines)
    footnotes = footnote_lines(lines)
    with_notes = [b for b in blocks if _has_footnote(b, footnotes)]
    if len(blocks) < 2 or len(with_notes) > 1:
        return {}
    numbers = [int(ISE_HEADING.match(lines[b.start]).group(1)) for b in blocks]  # type: ignore[union-attr]
    reversed_numbers = list(reversed(numbers))
    return {old: new for old, new in zip(reversed_numbers, numbers)}


def renumber_heading(text: str, renumbering: dict[int, int]) -> str:
    """'1.3. Budgettair kader' → '2.3. Budgettair kader' and '1. ISE X' → '2. ISE X' under {1: 2}."""
    def swap(match: re.Match[str]) -> str:
        return f"{renumbering.get(int(match.group(2)), int(match.group(2)))}"

    return re.sub(r"^(\s*)(\d+)(?=(?:\.\d+)*\.?\s+\S)", lambda m: m.group(1) + swap(m), text)


def reorder_ises(lines: Lines) -> Lines:
    """Reverse the order of the ISEs of the beleidsveld, each with everything under it (strategic goals,
    budget table, articles), and renumber their headings to the new order ('2. ISE BOSBELEID' becomes
    '1. ISE BOSBELEID', its '2.3.' becomes '1.3.').

    Meaning: the programme is the sum of its ISEs in any order. Only done when at most one ISE carries
    numbered footnotes (else the footnote numbering 1, 2, 3 … would come out of sequence); returns the
    lines unchanged otherwise."""
    renumbering = ise_renumbering(lines)
    if not renumbering:
        return list(lines)
    blocks = _ise_blocks(lines)
    moved = _reorder(lines, blocks, list(reversed(range(len(blocks)))))
    inside = range(blocks[0].start, blocks[-1].end)
    out = []
    for n, line in enumerate(moved):
        if n in inside and (NUMBERED_HEADING.match(line) or ISE_HEADING.match(line)):
            line = renumber_heading(line, renumbering)
        out.append(line)
    return out


# ---------------------------------------------------------------------------------------------------
# Consistent renaming
# ---------------------------------------------------------------------------------------------------

def _shift_letter(letter: str) -> str:
    return chr((ord(letter) - ord("A") + 1) % 26 + ord("A"))


def rename_codes_in(text: str) -> str:
    """Every begrotingsartikel code (also one wrapped after its last hyphen, 'CB0-1CBD2AB-') with its
    two entity letters shifted one letter on: JB0-1JEC2HA-WT → KC0-1JEC2HA-WT, QB0 → RC0, CB0 → DC0.
    A bijection on codes, so two codes never become one."""
    return ARTICLE_CODE.sub(lambda m: _shift_letter(m.group(1)[0]) + _shift_letter(m.group(1)[1]) + m.group(2), text)


def rename_article_codes(lines: Lines) -> Lines:
    """`rename_codes_in` on every line: the articles of another entity, as another domain's BBT has.

    Meaning: a code names an article; renaming every occurrence of it keeps every reference intact."""
    return [rename_codes_in(line) for line in lines]


YEAR_SHIFT = 2


def shift_years_in(text: str, years: int = YEAR_SHIFT) -> str:
    """Every year 2010–2029 plus `years` (not inside a number such as 2.024 or 2024,5)."""
    return YEAR.sub(lambda m: str(int(m.group(1)) + years), text)


def shift_years(lines: Lines) -> Lines:
    """The same document `YEAR_SHIFT` years later: every year in tables, text and annex + YEAR_SHIFT.

    Meaning: the relations a BBT states hold between its amounts; the years only label the columns, and
    they move together."""
    return [shift_years_in(line) for line in lines]


# ---------------------------------------------------------------------------------------------------
# Phrasing
# ---------------------------------------------------------------------------------------------------

MOVEMENT_SYNONYMS: tuple[tuple[str, str], ...] = (
    (r"\bwerd verhoogd met\b", "steeg met"),
    (r"\bwerd verhoogd ten belope van\b", "steeg met"),
    (r"\bwerd verminderd met\b", "daalde met"),
    (r"\bnam toe met\b", "steeg met"),
    (r"\bnam (het \w+) toe met\b", r"steeg \1 met"),
)


def swap_movement_verbs(lines: Lines) -> Lines:
    """'werd verhoogd met' → 'steeg met', 'werd verminderd met' → 'daalde met', 'nam toe met' and
    'nam het krediet toe met' → 'steeg (het krediet) met', 'werd verhoogd ten belope van' → 'steeg met'
    (within a line; a phrase wrapped over two lines stays as it is).

    Meaning: the same movement, up or down by the same amount, in another verb."""
    out = []
    for line in lines:
        for pattern, replacement in MOVEMENT_SYNONYMS:
            line = re.sub(pattern, replacement, line)
        out.append(line)
    return out


# ---------------------------------------------------------------------------------------------------
# Scale (generated documents only)
# ---------------------------------------------------------------------------------------------------

def rescale_amounts_in(text: str, factor: int) -> str:
    """Every integer amount in `text` times `factor`, printed as a BBT prints it ('1.234' × 3 → '3.702').
    Years, percentages, decimals and codes are not amounts and are left alone."""
    def scale(match: re.Match[str]) -> str:
        digits = match.group(2)
        if re.fullmatch(r"(?:19|20)\d\d", digits):
            return match.group(0)
        value = int(digits.replace(".", "")) * factor
        return match.group(1) + f"{value:,}".replace(",", ".")

    return INTEGER_AMOUNT.sub(scale, text)


def rescale_amounts(lines: Lines, *, factor: int = 3) -> Lines:
    """Every keuro amount times `factor`, for a generated uitvoering BBT (tests/synthetic.py) only:
    there every integer that is not a year, a heading number or part of a title ('MAATREGEL 2') is an
    amount in keuro, and every relation it states is exact (sums, BA + movements = BA-JR) or a ratio
    (BU / BA-JR as a percentage), so all of them still hold after scaling. Heading lines are left alone.

    Not for the real sample (counts of people, VTE, page references, footnote numbers are integers too)
    nor for the begroting generator (its '61,7 miljoen euro' and '24.324,62' are rounded from the model
    and cannot be rescaled from the text)."""
    return [line if is_heading(line) or ARTICLE_HEADING.match(line) else rescale_amounts_in(line, factor)
            for line in lines]
