"""Models of which a document yields thousands share their set of given fields; what pydantic reports
and serialises about them is unchanged."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel

from auditor.claims.models import AmountClaim
from auditor.quantity import Quantity
from auditor.source import SharedFieldsSet, SourceRef, share_fields_set
from auditor.structure.models import Article, BudgetTable, Cell, Scope


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


class _Mutable(BaseModel):
    """A model that can change and copies nothing before pydantic adds a name to its set."""

    name: str
    ise: str | None = None


def test_a_model_that_can_change_shares_only_a_set_that_already_holds_every_field():
    partial = share_fields_set(_Mutable(name="s"))
    other = share_fields_set(_Mutable(name="s2"))
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


def _fact(**extra):
    from auditor.relations.fact import Fact, Operand

    quantity = _quantity()
    return Fact(kind="bound", key="k", group="g", subject="s", stated=Operand(quantity=quantity, role="tekst"),
                operands=[Operand(quantity=quantity, role="tabel", sign=-1)], location=quantity.source, **extra)


def test_facts_share_theirs_and_an_assignment_leaves_the_others_alone():
    first, second = _fact(), _fact()
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert first.operands[0].__pydantic_fields_set__ is second.operands[0].__pydantic_fields_set__
    assert "rule" not in first.model_fields_set
    first.rule = "BBT-X-001"  # what a rule file's binding does to the facts it builds
    assert first.rule == "BBT-X-001" and "rule" in first.model_fields_set
    assert "rule" not in second.model_fields_set and "rule" not in _fact().model_fields_set
    assert first.__pydantic_fields_set__ is _fact(rule="BBT-Y-002").__pydantic_fields_set__  # shared again
    first.rule = "BBT-X-003"  # a name the set holds already
    assert first.model_fields_set == _fact(rule="r").model_fields_set
    assert second.model_dump(exclude_unset=True).keys() == {"kind", "key", "group", "subject", "stated", "operands",
                                                           "location"}


def test_a_refused_assignment_adds_no_name():
    from pydantic import ConfigDict, ValidationError

    from auditor.source import SharedFieldsSet

    class Frozen(SharedFieldsSet):
        model_config = ConfigDict(frozen=True)
        a: int
        b: int = 0

    one = Frozen(a=1)
    try:
        one.b = 2
    except ValidationError:
        pass
    else:
        raise AssertionError("a frozen model took an assignment")
    assert one.model_fields_set == {"a"} and Frozen(a=2).model_fields_set == {"a"}


def test_report_models_share_theirs():
    from auditor.report.models import Check, CheckLocation

    made = [Check(rule="R", status="passed", subject="s", locations=[CheckLocation(line=n, text="1", role="r")])
            for n in (1, 2)]
    assert made[0].__pydantic_fields_set__ is made[1].__pydantic_fields_set__
    assert made[0].locations[0].__pydantic_fields_set__ is made[1].locations[0].__pydantic_fields_set__
    assert made[0].model_dump(exclude_unset=True) == {"rule": "R", "status": "passed", "subject": "s",
                                                      "locations": [{"line": 1, "text": "1", "role": "r"}]}


def test_tables_articles_and_scopes_share_theirs_and_a_field_set_later_stays_their_own():
    first = Scope(id="s", kind="other", title="t", start=1, end=2)
    second = Scope(id="s2", kind="other", title="t", start=1, end=2)
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    first.ise = "ISE"
    assert "ise" in first.model_fields_set and "ise" not in second.model_fields_set
    assert second.model_dump(exclude_unset=True) == {"id": "s2", "kind": "other", "title": "t", "start": 1, "end": 2}
    assert all(issubclass(model, SharedFieldsSet) for model in (Article, BudgetTable, Scope))
