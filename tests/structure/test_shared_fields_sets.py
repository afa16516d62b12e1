"""Models of which a document yields thousands share their set of given fields; what pydantic reports
and serialises about them is unchanged."""

from __future__ import annotations

from decimal import Decimal

from auditor.claims.models import AmountClaim
from auditor.quantity import Quantity
from auditor.source import SourceRef, share_fields_set
from auditor.structure.models import Cell, Scope


def _quantity(text: str = "1.234", line: int = 3) -> Quantity:
    return Quantity.from_text(text, line=line, column=5, unit="keuro")


def test_numbers_share_one_set_with_the_names_they_were_given():
    first, second = _quantity(), _quantity("56,7", line=9)
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert first.source.__pydantic_fields_set__ is second.source.__pydantic_fields_set__
    assert first.model_fields_set == set(Quantity.model_fields)
    assert first.source.model_fields_set == {"line", "end_line", "column", "page", "text"}
    assert first.source.model_dump(exclude_unset=True) == {"line": 3, "end_line": 3, "column": 5, "page": None,
                                                           "text": "1.234"}


def test_a_copy_with_other_fields_gets_its_own_set_and_leaves_the_shared_one_alone():
    source = _quantity().source
    shared = set(source.__pydantic_fields_set__)
    with_role = source.with_role("tekst")
    assert with_role.model_fields_set == shared | {"role"}
    assert source.model_fields_set == shared == _quantity().source.model_fields_set
    assert with_role.__pydantic_fields_set__ is _quantity().source.with_role("x").__pydantic_fields_set__


def test_a_model_that_can_change_shares_only_a_set_that_already_holds_every_field():
    partial = share_fields_set(Scope(id="s", kind="other", title="t", start=1, end=2))
    other = share_fields_set(Scope(id="s2", kind="other", title="t", start=1, end=2))
    assert partial.__pydantic_fields_set__ is not other.__pydantic_fields_set__
    partial.ise = "ISE"  # pydantic adds the name to this model's own set only
    assert "ise" not in other.model_fields_set

    quantity = _quantity()
    cell = share_fields_set(Cell(row="TOTAL", row_label="Totaal", credit="VAK", column="BA", quantity=quantity,
                                 year=None, row_index=0))
    again = share_fields_set(Cell(row="ESR", row_label="ESR", credit="VEK", column="BU", quantity=quantity,
                                  year=2024, row_index=1))
    assert cell.__pydantic_fields_set__ is again.__pydantic_fields_set__
    cell.year = 2025  # already in the set: nothing changes for the others
    assert again.model_fields_set == set(Cell.model_fields)


def test_claims_share_theirs_however_they_are_made():
    made = AmountClaim(quantity=_quantity(), scope="a", credit="VAK", column="BA", role="level", step=None, year=None,
                       concluding=False)
    loaded = AmountClaim.model_validate_json(made.model_dump_json())
    assert made.__pydantic_fields_set__ is loaded.__pydantic_fields_set__
    assert loaded == made
    assert Decimal(loaded.quantity.value) == Decimal(1234)
    assert SourceRef.model_validate(made.quantity.source.model_dump()) == made.quantity.source
