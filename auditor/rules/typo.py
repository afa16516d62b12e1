"""What kind of slip turns one printed number into another, and which side the evidence supports.

Rekenhof reports name digit transpositions (108,4 vs 180,4) and slips (50.1771,9 for 50.171,9);
naming the slip tells the editor which keystroke to look for."""

from __future__ import annotations

from decimal import Decimal

from auditor.numbers import round_half_up
from auditor.quantity import Quantity


def _digits(q: Quantity | Decimal, decimals: int) -> str:
    value = q.value if isinstance(q, Quantity) else q
    return f"{abs(value):.{decimals}f}".replace(".", "")


def diagnose(found: Quantity, expected: Decimal) -> dict[str, str] | None:
    """Describe the slip from `expected` to `found` as printed, in Dutch and English."""
    decimals = found.decimals
    if found.value == -expected and expected != 0:
        return {"nl": "tekenfout (+/− omgewisseld)", "en": "sign flip (+/− swapped)"}
    a, b = _digits(expected, decimals), _digits(found, decimals)
    if (found.value < 0) != (expected < 0):
        return None
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            i = diffs[0]
            return {
                "nl": f"één cijfer vervangen: {a[i]} → {b[i]} op positie {i + 1} (verschil {_diff(found, expected)})",
                "en": f"single digit substituted: {a[i]} → {b[i]} at position {i + 1} (difference {_diff(found, expected)})",
            }
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]:
            return {
                "nl": f"twee naburige cijfers omgewisseld ({a[diffs[0]]}{a[diffs[1]]} → {b[diffs[0]]}{b[diffs[1]]}; verschil deelbaar door 9)",
                "en": f"adjacent digits transposed ({a[diffs[0]]}{a[diffs[1]]} → {b[diffs[0]]}{b[diffs[1]]}; difference divisible by 9)",
            }
    if len(b) == len(a) - 1 and any(a[:i] + a[i + 1:] == b for i in range(len(a))):
        return {"nl": "een cijfer weggevallen", "en": "a digit dropped"}
    if len(b) == len(a) + 1 and any(b[:i] + b[i + 1:] == a for i in range(len(b))):
        return {"nl": "een cijfer te veel", "en": "an extra digit"}
    return None


def _diff(found: Quantity, expected: Decimal) -> str:
    from auditor.numbers import format_dutch

    return format_dutch(found.value - expected, found.decimals)


def percentage_supports(percent: Quantity, numerator: Decimal, denominator: Decimal) -> bool:
    """Does numerator/denominator round to the quoted percentage?"""
    if denominator == 0:
        return False
    return round_half_up(Decimal(100) * numerator / denominator, percent.decimals) == percent.value
