"""NUMBER_PATTERN is a faster spelling of NUMBER_PATTERN_REFERENCE: both find the same numbers."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.numbers import NUMBER_PATTERN

# the readable form NUMBER_PATTERN was derived from: a number not glued to a preceding word, digit, dot
# or comma, the sign only a sign when it is no hyphen between two tokens
NUMBER_PATTERN_REFERENCE = re.compile(
    r"(?<![\w.,\-−–/])(?P<sign>[-−–](?=\d))?"
    r"(?P<digits>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d])(?!\.\d{3})"
)

# what the patterns tell apart: digits (also a non-ASCII one), the separators, signs, letters, spaces
ALPHABET = "0123456789.,-−–/ a_(%)\n٣"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def spans(pattern, text: str, pos: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, pos)]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=24), st.integers(min_value=0, max_value=24))
def test_the_fast_pattern_finds_what_the_reference_finds(text: str, pos: int) -> None:
    assert spans(NUMBER_PATTERN, text, pos) == spans(NUMBER_PATTERN_REFERENCE, text, pos)


def test_the_same_numbers_in_the_sample_texts() -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert spans(NUMBER_PATTERN, line) == spans(NUMBER_PATTERN_REFERENCE, line), line
