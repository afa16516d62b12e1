"""Numbers in a sentence with their unit and credit: '7.327 keuro VAK/VEK', '93,9%', '24.016 VAK'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from auditor.claims.passage import Passage, Sentence
from auditor.numbers import NUMBER_PATTERN, decimals_of, half_unit, parse_dutch_number
from auditor.quantity import Quantity, Unit
from auditor.source import SourceRef

UNIT = re.compile(
    r"\s*(?P<unit>keuro|k€|k\s?EUR\b|duizend\s+euro|miljoen\s+euro|mln\.?\s*euro|mln\b|mio\b|euro\b|"
    r"procentpunt(?:en)?|%-?punt(?:en)?|pp\b|%|procent\b)",
    re.I,
)
CREDIT_AFTER_UNIT = re.compile(
    r"\s*(?:in\s+)?(?P<credit>VAK\s*/\s*VEK|VAK\s*(?:en|&)\s*(?:in\s+)?VEK\b|VAK\b|VEK\b)(?!-krediet)"
)
CREDIT_AS_UNIT = re.compile(r"\s*(?P<credit>VAK|VEK)(?:-middelen|-kredieten)?\b(?!-krediet)")
YEAR_LIKE = re.compile(r"^(?:19|20)\d{2}$")
FIRST_DIGIT = re.compile(r"\d")  # the same digits as NUMBER_PATTERN's \d (any Unicode decimal digit)


@dataclass
class Mention:
    quantity: Quantity
    start: int  # passage offsets of the number and its unit/credit
    end: int
    number_end: int
    unit: Unit
    credit: str | None  # "VAK", "VEK", "BOTH" or None when the text does not say
    in_parens: bool
    sentence: Sentence

    @property
    def value(self) -> Decimal:
        return self.quantity.value


def _scale(unit_text: str) -> tuple[Unit, Decimal]:
    unit = unit_text.lower().replace(" ", "")
    if unit.startswith(("procentpunt", "%-punt", "%punt", "pp")):
        return "pp", Decimal(1)
    if unit in ("%", "procent"):
        return "pct", Decimal(1)
    if unit.startswith(("miljoen", "mln", "mio")):
        return "keuro", Decimal(1000)
    if unit == "euro":
        return "keuro", Decimal("0.001")
    return "keuro", Decimal(1)


def _credit(text: str) -> str:
    compact = text.replace(" ", "").upper()
    return "BOTH" if ("VAK" in compact and "VEK" in compact) else compact[:3]


FOOTNOTE_REACH = 80  # lines: a footnote is printed at the foot of the page that cites it


def _glued_footnote(passage: Passage, offset: int, printed: str) -> str | None:
    """A footnote marker that PDF extraction glued to a decimal amount: '56.766,932' is 56.766,9 with
    note 32 when note 32 is printed below, on the same page. Without that note the digits are the
    number's own."""
    if "," not in printed or not passage.footnotes:
        return None
    decimals = printed.rsplit(",", 1)[1]
    line = passage.position(offset)[0]
    for width in (2, 1):
        if len(decimals) - width < 1:
            continue
        marker = decimals[-width:]
        note_line = passage.footnotes.get(int(marker))
        if not marker.startswith("0") and note_line is not None and 0 < note_line - line <= FOOTNOTE_REACH:
            return marker
    return None


def find_mentions(passage: Passage, sentence: Sentence, *, counts: bool = False) -> list[Mention]:
    """Amounts and percentages in `sentence`; with `counts`, also bare numbers (for ratios)."""
    found: list[Mention] = []
    text = sentence.text
    # parentheses opened and closed before the current number, counted once along the sentence (the
    # patterns below match at an offset instead of on a copy of the rest): linear in the sentence
    opened = closed = counted = 0
    digit = FIRST_DIGIT.search(text)
    if digit is None:
        return found  # half of a BBT's sentences: no number, and this scan is four times quicker than the pattern's
    # a number starts at its first digit or at the sign right before it; the pattern's lookbehind still
    # sees the characters before `pos`, so starting there finds the same numbers
    for match in NUMBER_PATTERN.finditer(text, max(0, digit.start() - 1)):
        printed = match.group(0)
        marker = _glued_footnote(passage, sentence.start + match.start(), printed)
        if marker:
            printed = printed[: -len(marker)]
        unit_match = UNIT.match(text, match.end())
        credit: str | None = None
        end = match.end()
        if unit_match:
            unit, scale = _scale(unit_match.group("unit"))
            end = unit_match.end()
            if unit == "keuro":
                credit_match = CREDIT_AFTER_UNIT.match(text, end)
                if credit_match:
                    credit = _credit(credit_match.group("credit"))
                    end = credit_match.end()
        elif (credit_match := CREDIT_AS_UNIT.match(text, match.end())) is not None:
            unit, scale = "keuro", Decimal(1)
            credit = _credit(credit_match.group("credit"))
            end = credit_match.end()
        elif counts and not YEAR_LIKE.match(printed) and ("," in printed or "." in printed):
            unit, scale = "count", Decimal(1)
        else:
            continue
        offset = sentence.start + match.start()
        line, column = passage.position(offset)
        number_end = match.start() + len(printed)
        end_line = passage.position(sentence.start + number_end - 1)[0]
        decimals = decimals_of(printed)
        # what passage.ref(offset, sentence.start + number_end) gives, without finding the same lines again
        source = SourceRef(line=line, end_line=end_line, column=column, text=passage.text[offset: sentence.start + number_end],
                           role=None)
        quantity = Quantity(
            id=f"L{line}C{column}",
            value=parse_dutch_number(printed) * scale,
            half_unit=half_unit(decimals) * scale,
            decimals=decimals,
            unit=unit,
            source=source,
        )
        opened += text.count("(", counted, match.start())
        closed += text.count(")", counted, match.start())
        counted = match.start()
        found.append(
            Mention(
                quantity=quantity,
                start=match.start(),
                end=end,
                number_end=number_end,
                unit=unit,
                credit=credit,
                in_parens=opened > closed,
                sentence=sentence,
            )
        )
    return found
