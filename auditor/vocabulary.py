"""The words a BBT uses for its tables and headings, in one place: units, credits, stages and derived
columns, row labels, entity sections. Both ingest (rebuilding PDF rows) and structure (reading table
grids and the heading tree) read it; a new spelling is one line here, not a new parser.

Every pattern is written for the variants real BBTs print (`../shared/LAYOUTS.md`): `BA-JR`, `BA – JR`,
`2e BA-JR`; `BU`, `Uitvoering`, `Realisatie`; `evolutie`/`Evolutie`; `Verschil`, `Uitvoeringsgraad`, `%`.
"""

from __future__ import annotations

import re

# -- units ------------------------------------------------------------------------------------
# "(duizend euro)", "(in duizend euro)", "(keuro)", "(k€)", "(x 1.000 euro)": the tables' unit, in
# parentheses, alone on its line or sharing it with the credit names or a caption
_TABLE_UNIT = r"\(\s*(?:in\s+)?(?:duizend\s+euro|keuro|k€|x\s*1\.?000\s*euro)\s*\)"
UNIT_MARKER = re.compile(rf"^\s*{_TABLE_UNIT}\s*$", re.I)
UNIT_IN_LINE = re.compile(_TABLE_UNIT, re.I)
# a caption before the unit is short: "Tabel 4 – Kredieten (in duizend euro)", "Kredietevolutie (duizend euro)"
CAPTION_MAX_WORDS = 14

# -- credits and stages -----------------------------------------------------------------------
CREDIT_TOKEN = re.compile(r"\b(VAK|VEK|AO|TO|LO)\b")
RECEIPT_CREDITS = ("AO", "TO", "LO")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# a stage or column label with its optional ordinal and year: "BA 2024", "1e BA", "2e BA-JR 2024",
# "BA – JR 2025", "BU 2024", "Uitvoering 2025", "Realisatie", "BO 2026", "evolutie", and the derived
# columns of overview tables: "Verschil", "Uitvoeringsgraad", "%"
COLUMN_TOKEN = re.compile(
    r"(?:\b\d+e\s+)?(?:\b(?P<name>BA\s*[-–]\s*JR|BA|BU|BO|[Ee]volutie|Uitvoering|Realisatie|Verschil"
    r"|[Uu]itvoeringsgraad|[Rr]ealisatiegraad|[Bb]enuttingsgraad)\b|(?P<pct>\(?\s*(?:in\s+)?%\s*\)?))"
    r"(?:\s+(?:19|20)\d{2}\b)?"
)
# the same at the start of a row of a table turned the other way ("BA – JR 2025 1.230.115 1.221.480")
STAGE_AT_START = re.compile(
    r"^\s*(?:\d+e\s+)?(?P<name>BA\s*[-–]\s*JR|BA|BU|BO|Uitvoering|Realisatie)\b(?:\s+(?P<year>(?:19|20)\d{2})\b)?"
)


# the title of the label column at the start of a header line: "ISE BA 2025 BA – JR 2025 BU 2025 Verschil"
LABEL_COLUMN_TITLE = re.compile(r"^\s*(?:ISE|Begrotingsartikel|Artikel|Omschrijving|Programma|Entiteit|Beleidsveld)\b")
# a caption that names the one credit of its table: "Tabel 1 – Uitvoering per ISE, vastleggingskredieten"
CAPTION_CREDITS = ((re.compile(r"vastleggingskrediet", re.I), "VAK"), (re.compile(r"vereffeningskrediet", re.I), "VEK"))


def caption_credit(caption: str) -> str | None:
    named = [credit for pattern, credit in CAPTION_CREDITS if pattern.search(caption)]
    return named[0] if len(named) == 1 else None


def column_of(token: str) -> str:
    """The canonical column of a printed stage label: BA, BA-JR, BU, BO, EVOL, VERSCHIL or PCT."""
    compact = re.sub(r"[\s–()-]", "", token).upper()
    compact = re.sub(r"^\d+E", "", compact)
    if compact.startswith("BAJR"):
        return "BA-JR"
    if compact.startswith("EVOLUTIE"):
        return "EVOL"
    if compact.startswith(("UITVOERINGSGRAAD", "REALISATIEGRAAD", "BENUTTINGSGRAAD", "IN%", "%")):
        return "PCT"
    if compact.startswith(("UITVOERING", "REALISATIE")):
        return "BU"
    if compact.startswith("VERSCHIL"):
        return "VERSCHIL"
    return compact[:2]


# -- rows ---------------------------------------------------------------------------------------
# a step of a Kredietevolutie table between its start and end levels: "Index", "Compensaties",
# "Andere bijstellingen", "Herverdelingen" … a short label of words, no digits
ADJUSTMENT_LABEL = re.compile(r"^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ’' ()-]{2,40}$")
ROW_CATEGORIES = (  # first words of a row label (hyphens and spaces removed, lower case) → row
    ("totaal", "TOTAL"),
    ("esr", "ESR"),
    ("toelagen", "IS"),
    ("overige", "OTHER"),
    ("uitgaven", "EXPENDITURE"),
    ("ontvangsten", "RECEIPTS"),
)
# a row label broken over lines stays short and is no sentence
LABEL_MAX_WORDS = 10
LABEL_MAX_CHARS = 80
LABEL_MAX_TOTAL_CHARS = 120


def row_category(label: str) -> str:
    compact = re.sub(r"[-‐\s]+", "", label).lower()
    for start, category in ROW_CATEGORIES:
        if compact.startswith(start):
            return category
    return "UNKNOWN"


def normalise_name(name: str) -> str:
    """An ISE or indicator name as compared across the document: case, quotes and spacing aside."""
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip().lower()


# -- headings -----------------------------------------------------------------------------------
ARTICLE_CODE = r"[A-Z]{2}[0-9A-Z]-[0-9A-Z]{7}-[A-Z]{2}"
# "1. ISE ACTIVERING (SOCIALE ECONOMIE)" or "ISE: WOONZORG EN EERSTE LIJN, MVG excl. DAB"
ISE_HEADING = re.compile(r"^\s*(?:\d+\.\s+ISE\s+|ISE\s*:\s*)(?P<name>\S.*?)\s*$")
ISE_SUFFIX = re.compile(r",?\s*MVG\s+(?:excl|incl)\.?\s*DAB\.?\s*$", re.I)
# sections of an entity outside the department: its numbers are its own, not the article's above it
# (numbered, or a short line of its own: a wrapped sentence does not start with these words and stop)
ENTITY_HEADING = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:Departement|Agentschap|Intern\s+verzelfstandigd\s+agentschap"
    r"|Extern\s+verzelfstandigd\s+agentschap|IVA|EVA|DAB|Dienst(?:en)?\s+met\s+afzonderlijk\s+beheer"
    r"|(?:Vlaams\w*\s+)?\w*[Ff]onds)\b[^.:;]{0,90}$"
)
# captions of several synthesis tables after one ISE heading: parts ('Waarvan Departement Zorg') and the whole
PART_CAPTION = re.compile(r"^\s*waarvan\b", re.I)
WHOLE_CAPTION = re.compile(r"^\s*(?:totaal|geheel)\b", re.I)
SIDE_HEADING = re.compile(r"^\s*(Uitgaven|Ontvangsten)(?:artikelen)?\s*$", re.I)
ENTITY_HEADING_MAX_WORDS = 7  # an unnumbered entity heading is a short line
HEADING_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s")


def is_entity_heading(text: str) -> bool:
    # asked of nearly every line of the text: the pattern first, which almost every line fails
    return bool(ENTITY_HEADING.match(text)) and (
        HEADING_NUMBER.match(text) is not None or len(text.split()) <= ENTITY_HEADING_MAX_WORDS)


# what a header line is, shared by ingest (a PDF line that belongs to a table) and structure (a table's grid)
def strip_header_tokens(text: str) -> str:
    rest = LABEL_COLUMN_TITLE.sub(" ", text)
    rest = COLUMN_TOKEN.sub(" ", rest)
    rest = CREDIT_TOKEN.sub(" ", rest)
    rest = YEAR.sub(" ", rest)
    return rest.strip()


def is_header_line(text: str) -> bool:
    """A line of header tokens only: credits, stages with their years, derived columns."""
    return bool(text.strip()) and not strip_header_tokens(text) and bool(
        CREDIT_TOKEN.search(text) or COLUMN_TOKEN.search(text) or YEAR.search(text))
