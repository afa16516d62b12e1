"""What the narrative says, in the phrasings of other BBTs: levels named after the amount, 'van … naar
…', movements 'ten belope van', 'steeg met', 'daalde met', reallocations towards or from another
article, amounts in miljoen euro, mln and k€, and footnote markers glued to an amount."""

from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.claims import extract_claims
from auditor.structure import parse_structure

ARTICLE = "QB0-1QBE2AA-WT"


def _claims(sentence: str, *, begroting: bool = True):
    header = "BA 2024 1.000 1.000 " if begroting else "BA 2024 BA-JR 2024 BU 2024 BA 2024 BA-JR 2024 BU 2024 "
    rows = (["", "Index 20 20 ", "", "BO 2025 1.020 1.020 "] if begroting else ["", "Uitgaven 1.000 1.020 900 1.000 1.020 900 "])
    lines = [" V. BELEIDSVELD: TEST ", "1. ISE TEST ", "", f"{ARTICLE} – EEN ARTIKEL ", "", "(duizend euro) ", "",
             " VAK VEK ", "", header, *rows, "", "Inhoudelijke toelichting: ", sentence, "",
             "1 Raming van de administratie. "]
    doc = parse_structure(lines)
    return extract_claims(doc, lines)


@pytest.mark.parametrize(("sentence", "levels"), [
    ("Het krediet stijgt van 1.000 keuro in BA 2024 naar 1.020 keuro in BO 2025.", [("1.000", "BA"), ("1.020", "BO")]),
    ("De middelen evolueren van 1.000 keuro naar 1.020 keuro.", [("1.000", "BA"), ("1.020", "BO")]),
    ("Het VAK bedraagt 1.020 k€ in BO 2025.", [("1.020", "BO")]),
    ("Bij de begrotingsopmaak bedraagt het krediet 1,0 miljoen euro.", [("1,0", "BO")]),
])
def test_levels_named_before_or_after_the_amount(sentence, levels):
    claims = _claims(sentence)
    assert [(a.quantity.source.text, a.column) for a in claims.amounts if a.role == "level"] == levels


@pytest.mark.parametrize(("sentence", "sign", "stated"), [
    ("Het krediet werd verhoogd ten belope van 20 keuro VAK/VEK.", 1, True),
    ("Het VAK steeg met 20 keuro.", 1, True),
    ("Het VAK daalde met 20 keuro.", -1, True),
    ("In totaal werd het krediet opgetrokken met 20 keuro naar 1.020 keuro.", 1, True),
    ("Er is een herverdeling van 20 keuro naar QB0-1QBE2AB-WT.", -1, True),
    ("Er is een herverdeling van 20 keuro vanuit QB0-1QBE2AB-WT naar dit begrotingsartikel.", 1, True),
    ("Er is een herverdeling van 20 keuro.", 1, False),
])
def test_movement_phrasings(sentence, sign, stated):
    movement = _claims(sentence).movements[0]
    assert (movement.quantity.value, movement.sign, movement.direction_stated) == (20, sign, stated)


@pytest.mark.parametrize(("text", "value", "half"), [
    ("1,0 miljoen euro", Decimal(1000), Decimal(50)),
    ("1,02 mln", Decimal(1020), Decimal(5)),
    ("1.020 k€", Decimal(1020), Decimal("0.5")),
])
def test_amounts_in_other_units_are_keuro_intervals(text, value, half):
    claims = _claims(f"In BO 2025 bedraagt het krediet {text}.")
    quantity = next(a.quantity for a in claims.amounts)
    assert (quantity.value, quantity.half_unit) == (value, half)


def test_a_footnote_marker_glued_to_an_amount_is_not_part_of_it():
    claims = _claims("Het krediet bedraagt in BO 2025 1.019,61 keuro.")  # note 1 is printed below
    quantity = next(a.quantity for a in claims.amounts)
    assert (quantity.display, quantity.source.text) == ("1.019,6", "1.019,6")


def test_without_that_footnote_the_digits_are_the_amount_s_own():
    claims = _claims("Het krediet bedraagt in BO 2025 1.019,64 keuro.")  # there is no note 4
    assert next(a.quantity for a in claims.amounts).display == "1.019,64"
