"""Variants of the sample BBT that a new year, another domain or another editor would produce, each
with the findings it must still give.

Every variant is a rewrite of the sample's lines (other phrasing, column labels, entity codes, years,
units, tables broken by a page) that keeps what the document states. Its expected findings are the
sample's findings, their lines carried through the rewrite (`line_map`) and their printed values
through the unit changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Variant:
    name: str
    lines: list[str]
    line_map: dict[int, int]  # sample line → variant line
    renamed: dict[str, str] = field(default_factory=dict)  # sample group/entity text → variant text
    examples: list[str] = field(default_factory=list)  # a changed line, to show what the variant looks like


Rewrite = Callable[[list[str]], Variant]

# the phrasings of issue 5, each replacing a phrasing of the sample with the same meaning
PHRASINGS = [
    (r"\bbedroeg\b", "beliep"),
    (r"werd verhoogd met", "werd verhoogd ten belope van"),
    (r"werd verminderd met (\S+) keuro", r"daalde met \1 keuro"),
    (r"Het budget werd verminderd met", "Het budget daalde met"),
    (r"nam het krediet toe ten\s*$", "steeg het krediet ten"),
    (r"nam het krediet toe met", "steeg het krediet met"),
    (r"In totaliteit nam het budget toe met", "In totaliteit werd het budget opgetrokken met"),
    (r"keuro VAK/VEK", "keuro VAK en VEK"),
    (r"afkomstig uit de", "vanuit de"),
]


def _same_lines(name: str, lines: list[str], out: list[str]) -> Variant:
    examples = [new for old, new in zip(lines, out) if old != new][:3]
    return Variant(name, out, {n: n for n in range(1, len(lines) + 1)}, examples=examples)


def phrasing(lines: list[str]) -> Variant:
    out = []
    for line in lines:
        for pattern, replacement in PHRASINGS:
            line = re.sub(pattern, replacement, line)
        out.append(line)
    return _same_lines("phrasing", lines, out)


def column_labels(lines: list[str]) -> Variant:
    """'BA-JR' spelled 'BA – JR' (en dash, spaces) in the ISE tables and the programme summary;
    'BA 2024' / 'BA-JR 2024' as '1e BA 2024' / '2e BA-JR 2024' in the article tables."""
    out = []
    for line in lines:
        if re.fullmatch(r"\s*BA 2024 BA-JR 2024 BU 2024 BA 2024 BA-JR 2024 BU 2024\s*", line):
            line = line.replace("BA 2024 BA-JR", "1e BA 2024 2e BA-JR")
        elif re.fullmatch(r"\s*\d{4} BA BA-JR BU BA BA-JR BU\s*", line) or re.match(r"^BA-JR \d{4} ", line):
            line = line.replace("BA-JR", "BA – JR")
        out.append(line)
    return _same_lines("column labels", lines, out)


def entity_codes(lines: list[str]) -> Variant:
    """Another entity's begrotingsartikel codes: JB0-1JEC2HA-WT → GB0-1GCF2HA-WT."""
    out = [re.sub(r"\bJB0-([19])JEC", r"GB0-\1GCF", line) for line in lines]
    variant = _same_lines("entity codes", lines, out)
    variant.renamed = {"JB0-1JEC": "GB0-1GCF", "JB0-9JEC": "GB0-9GCF"}
    return variant


def years(lines: list[str]) -> Variant:
    """The same BBT two years later: every year + 2 (tables, text and annex alike)."""
    out = [re.sub(r"(?<![\d.,])(20[12]\d)(?![\d.,]\d)", lambda m: str(int(m.group(1)) + 2), line) for line in lines]
    return _same_lines("years", lines, out)


def units(lines: list[str]) -> Variant:
    """Amounts the text restates given in k€ and in miljoen euro / mln with one decimal."""
    out = list(lines)
    swaps = [
        (r"bedraagt 694\.180 keuro in VAK en", "bedraagt 694,2 miljoen euro in VAK en"),
        (r"toe tot 697\.955 keuro in VAK", "toe tot 698,0 mln in VAK"),
        (r"696\.640 keuro in VEK", "696.640 k€ in VEK"),
    ]
    for number, line in enumerate(out):
        for pattern, replacement in swaps:
            line = re.sub(pattern, replacement, line)
        out[number] = line
    return _same_lines("units", lines, out)


def page_breaks_in_tables(lines: list[str]) -> Variant:
    """A page ends inside every table: after the table's first row of numbers come the page number,
    a footnote-free foot and the next page's blank start — as a PDF export prints it."""
    out: list[str] = []
    line_map: dict[int, int] = {}
    in_table = False
    broke = False
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if re.fullmatch(r"\(duizend euro\)", text):
            in_table, broke = True, False
        out.append(line)
        line_map[number] = len(out)
        if in_table and not broke and re.search(r"\d{1,3}(?:\.\d{3})+\s*$", text) and not text.startswith("Totaal"):
            out += ["", f"{40 + number % 50} ", "", " "]
            broke = True
        if text.startswith(("Totaal", "Inhoudelijke")):
            in_table = False
    examples = [f"…{lines[n - 1].strip()} / {out[line_map[n]]!r} / {out[line_map[n] + 1].strip()} …"
                for n in sorted(line_map) if line_map.get(n + 1, 0) - line_map[n] > 1][:2]
    return Variant("page breaks in tables", out, line_map, examples=examples)


REWRITES: list[Rewrite] = [phrasing, column_labels, entity_codes, years, units, page_breaks_in_tables]


def all_at_once(lines: list[str]) -> Variant:
    """Every rewrite applied in turn: the line maps compose."""
    line_map = {n: n for n in range(1, len(lines) + 1)}
    renamed: dict[str, str] = {}
    for rewrite in REWRITES:
        variant = rewrite(lines)
        lines = variant.lines
        line_map = {k: variant.line_map[v] for k, v in line_map.items()}
        renamed.update(variant.renamed)
    return Variant("all at once", lines, line_map, renamed)
