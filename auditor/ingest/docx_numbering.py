"""The numbers Word draws in front of numbered paragraphs ('1.3.', 'IV.', '•'), which are not in the
paragraph's text. Government templates number their headings this way; without the number, '1. ISE
ACTIVERING' would reach the structure parser as 'ISE ACTIVERING' and a heading as plain text.

Numbering comes from the paragraph's own w:numPr or from its style's (through basedOn); the format
from the abstract numbering's level: lvlText such as '%1.%2.' with each level's numFmt and start.
"""

from __future__ import annotations

from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NUMBERING_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"),
         (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
BULLET = "•"
MAX_STYLE_DEPTH = 10  # bases followed from a style: a longer chain (or a loop of bases) is cut off there


def _roman(value: int) -> str:
    out = ""
    for number, letters in ROMAN:
        while value >= number:
            out += letters
            value -= number
    return out


def _format(value: int, kind: str) -> str:
    if kind == "upperRoman":
        return _roman(value)
    if kind == "lowerRoman":
        return _roman(value).lower()
    if kind == "upperLetter":
        return chr(ord("A") + (value - 1) % 26)
    if kind == "lowerLetter":
        return chr(ord("a") + (value - 1) % 26)
    if kind in ("none", ""):
        return ""
    return str(value)  # decimal and the formats a BBT does not use


class Numbering:
    """Counts numbered paragraphs in body order and returns the label Word would draw."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → (start, numFmt, lvlText)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numbering: dict[str, tuple[str, int]] = {}
        self._read_numbering(document)
        self._read_styles(document)

    def _read_numbering(self, document) -> None:
        part = next((rel.target_part for rel in document.part.rels.values()
                     if rel.reltype == NUMBERING_RELTYPE and not rel.is_external), None)
        if part is None:
            return
        try:
            root = ElementTree.fromstring(part.blob)
        except ElementTree.ParseError:
            return
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for node in root.iter(f"{W}abstractNum"):
            levels: dict[int, tuple[int, str, str]] = {}
            for lvl in node.iter(f"{W}lvl"):
                levels[int(lvl.get(f"{W}ilvl", "0"))] = (
                    int(_val(lvl, "start") or 1), _val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "",
                )
            abstract[node.get(f"{W}abstractNumId", "")] = levels
        for num in root.iter(f"{W}num"):
            link = num.find(f"{W}abstractNumId")
            if link is not None:
                self.levels[num.get(f"{W}numId", "")] = abstract.get(link.get(f"{W}val", ""), {})

    def _read_styles(self, document) -> None:
        """Which styles number their paragraphs, through the chain of styles they are based on. Read from
        the styles part's XML: python-docx's `base_style` finds each base with an XPath over every style,
        which made this walk quadratic in the number of styles (a third of reading a draft)."""
        elements = document.styles.element.findall(f"{W}style")
        first_with_id: dict[str | None, object] = {}
        for element in elements:
            first_with_id.setdefault(element.get(f"{W}styleId"), element)  # a base is the first style with its id
        for style_id, element in {e.get(f"{W}styleId"): e for e in elements}.items():
            seen = 0
            current = element
            while current is not None and seen < MAX_STYLE_DEPTH:
                num_pr = current.find(f"{W}pPr/{W}numPr")
                if num_pr is not None:
                    num_id = num_pr.find(f"{W}numId")
                    level = num_pr.find(f"{W}ilvl")
                    if num_id is not None:
                        self.style_numbering[style_id] = (num_id.get(f"{W}val", ""),
                                                          int(level.get(f"{W}val", "0")) if level is not None else 0)
                    break
                based_on = current.find(f"{W}basedOn")
                current = first_with_id.get(based_on.get(f"{W}val")) if based_on is not None else None
                seen += 1

    def label(self, p) -> str:
        """The label of paragraph element `p` ('1.3.', 'IV.', '•'), counting it; '' when unnumbered."""
        num_pr = p.find(f"{W}pPr/{W}numPr")
        num_id, level = None, 0
        if num_pr is not None:
            node, lvl = num_pr.find(f"{W}numId"), num_pr.find(f"{W}ilvl")
            num_id = node.get(f"{W}val") if node is not None else None
            level = int(lvl.get(f"{W}val", "0")) if lvl is not None else 0
        else:
            style = p.find(f"{W}pPr/{W}pStyle")
            if style is not None and style.get(f"{W}val") in self.style_numbering:
                num_id, level = self.style_numbering[style.get(f"{W}val")]
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        if level not in levels:
            return ""
        start, kind, text = levels[level]
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]  # a new item restarts the levels below it
        if kind == "bullet":
            return BULLET
        for position in range(level + 1):
            value = counters.get(position, levels.get(position, (1, "decimal", ""))[0])
            kind_at = levels.get(position, (1, "decimal", ""))[1]
            text = text.replace(f"%{position + 1}", _format(value, kind_at))
        return text.strip()


def _val(node, name: str) -> str | None:
    child = node.find(f"{W}{name}")
    return child.get(f"{W}val") if child is not None else None
