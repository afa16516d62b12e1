"""Dutch number formatting and the rounding intervals every reported value carries.

A BBT prints `552.157` (dot = thousands), `1.680,33` (comma = decimals), `-2.188`, `93,9%`.
Each printed value stands for the interval of values that round to it: ± half a unit of its
last printed digit (XBRL Calculations 1.1, statcheck). Relations are judged on intervals.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# A number not glued to a preceding word, digit, dot or comma ("p.21", "hoger3", "2019-2024" do
# not yield numbers); the sign is only a sign when it is not a hyphen between two tokens. Read as
#     (?<![\w.,\-−–/])([-−–](?=\d))?(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d])(?!\.\d{3})
# (the reference form in tests/test_number_pattern.py) but written to start with the character it consumes first, a sign or a
# digit, and to test the character before it only then: the regex engine jumps from candidate to
# candidate instead of trying the lookbehind at every position of every line and sentence (twice as
# fast on prose). Same matches, in the same order (tests/test_number_pattern.py compares the two).
NUMBER_PATTERN = re.compile(
    r"[-−–\d](?<![\w.,\-−–/].)"  # the first character, not glued to what precedes it
    r"(?:(?<=\d)(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?)"  # a digit: the rest of the number
    r"|(?<=[-−–])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?))"  # a sign: the whole number after it
    r"(?![\d])(?!\.\d{3})"
)

_STRICT = re.compile(r"^[-−–]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")


def parse_dutch_number(text: str) -> Decimal:
    """Parse a Dutch-formatted number exactly. Raises ValueError on anything else."""
    cleaned = text.strip()
    if not _STRICT.match(cleaned):
        raise ValueError(f"geen Nederlands getal: {text!r}")
    negative = cleaned[0] in "-−–"
    body = cleaned.lstrip("-−–").replace(".", "").replace(",", ".")
    try:
        value = Decimal(body)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise ValueError(f"geen Nederlands getal: {text!r}") from exc
    return -value if negative else value


def decimals_of(text: str) -> int:
    """Number of digits printed after the decimal comma."""
    return len(text.split(",", 1)[1]) if "," in text else 0


def half_unit(decimals: int) -> Decimal:
    if 0 <= decimals < len(_HALF_UNITS):
        return _HALF_UNITS[decimals]  # asked for every printed number; a Decimal is immutable, so shared
    return _half_unit(decimals)


def _half_unit(decimals: int) -> Decimal:
    return Decimal(5) * Decimal(10) ** (-(decimals + 1))


_HALF_UNITS = tuple(_half_unit(decimals) for decimals in range(8))


def format_dutch(value: Decimal, decimals: int = 0) -> str:
    """Format exactly as a BBT prints: thousands dots, decimal comma, ASCII minus."""
    quantised = value.quantize(Decimal(1).scaleb(-decimals)) if decimals >= 0 else value
    negative = quantised < 0
    text = f"{abs(quantised):f}"
    whole, _, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    if decimals > 0:
        out += "," + fraction.ljust(decimals, "0")[:decimals]
    return ("-" if negative and quantised != 0 else "") + out


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    from decimal import ROUND_HALF_UP

    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
