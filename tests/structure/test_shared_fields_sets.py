"""Models of which a document yields thousands share their set of given fields, or are slotted records
(numbers, places, checks); what pydantic reports and serialises about them is unchanged."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields
from decimal import Decimal

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from auditor.claims.models import AmountClaim
from auditor.quantity import Quantity
from auditor.source import SharedFieldsSet, SourceRef, share_fields_set
from auditor.structure.models import Article, BudgetTable, Cell, Scope


def _quantity(text: str = "1.234", line: int = 3) -> Quantity:
    return Quantity.from_text(text, line=line, column=5, unit="keuro")


def test_numbers_and_their_places_are_slotted_records_validated_like_models():
    first = _quantity()
    for record, name in ((first, "value"), (first.source, "text")):
        assert not hasattr(record, "__dict__")  # no attribute dictionary per number
        with pytest.raises(FrozenInstanceError):
            setattr(record, name, "9")  # shared by every model that refers to it
    with pytest.raises(ValidationError):
        SourceRef(line="regel drie", end_line=3, text="1.234")  # type: ignore[arg-type]
    assert TypeAdapter(Quantity).dump_python(first, mode="json") == {
        "id": "L3C5", "value": "1234", "half_unit": "0.5", "decimals": 0, "unit": "keuro",
        "source": {"line": 3, "end_line": 3, "column": 5, "page": None, "text": "1.234", "role": None}}


def test_a_place_with_a_role_is_a_new_record_and_leaves_the_first_alone():
    source = _quantity().source
    with_role = source.with_role("tekst")
    assert with_role.role == "tekst" and source.role is None
    assert with_role == SourceRef(line=3, end_line=3, column=5, text="1.234", role="tekst")


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



def test_cells_and_claims_are_records_read_back_equal():
    quantity = _quantity()
    cell = Cell(row="TOTAL", row_label="Totaal", credit="VAK", column="BA", quantity=quantity, year=None, row_index=0)
    made = AmountClaim(quantity=quantity, scope="a", credit="VAK", column="BA", role="level", step=None, year=None,
                       concluding=False)
    for record, adapter in ((cell, TypeAdapter(Cell)), (made, TypeAdapter(AmountClaim))):
        assert not hasattr(record, "__dict__")
        loaded = adapter.validate_json(adapter.dump_json(record))
        assert loaded == record and loaded is not record
    with pytest.raises(FrozenInstanceError):
        cell.year = 2025  # type: ignore[misc]  # one cell object for every fact and check about it
    with pytest.raises(ValidationError):
        Cell(row="TOTAL", row_label="Totaal", credit="VAK", column="no such stage", quantity=quantity)  # type: ignore[arg-type]


def test_claims_read_back_from_json_equal_what_was_read():
    made = AmountClaim(quantity=_quantity(), scope="a", credit="VAK", column="BA", role="level", step=None, year=None,
                       concluding=False)
    adapter = TypeAdapter(AmountClaim)
    loaded = adapter.validate_json(adapter.dump_json(made))
    assert Decimal(loaded.quantity.value) == Decimal(1234)
    assert loaded.quantity == made.quantity and loaded.quantity is not made.quantity
    places = TypeAdapter(SourceRef)
    assert places.validate_python(places.dump_python(made.quantity.source)) == made.quantity.source


def _fact(**extra):
    from auditor.relations.fact import Fact, Operand

    quantity = _quantity()
    return Fact(kind="bound", key="k", group="g", subject="s", stated=Operand(quantity=quantity, role="tekst"),
                operands=[Operand(quantity=quantity, role="tabel", sign=-1)], location=quantity.source, **extra)


def test_facts_and_operands_are_records_a_builder_may_still_complete():
    first, second = _fact(), _fact()
    assert not hasattr(first, "__dict__") and not hasattr(first.operands[0], "__dict__")
    with pytest.raises(FrozenInstanceError):
        first.stated.sign = -1  # type: ignore[misc]  # an operand is shared by every fact about its cell
    first.rule = "BBT-X-001"  # what a rule file's binding does to the facts it builds
    first.doubts.append("ise_subtables")  # what a guessed ISE table does
    assert (first.rule, first.doubts) == ("BBT-X-001", ["ise_subtables"])
    assert (second.rule, second.doubts) == (None, [])  # each fact its own list of doubts
    with pytest.raises(ValidationError):
        _fact(decimals="twee")  # validated as the model was


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


def test_checks_and_their_locations_are_records_with_the_fields_of_a_place():
    from auditor.report.models import Check, CheckLocation, Place

    location = CheckLocation(line=1, text="1", role="r")
    made = Check(rule="R", status="passed", subject="s", locations=[location])
    assert not hasattr(made, "__dict__") and not hasattr(location, "__dict__")
    # a check's location is written as a Place with its text and role, in Place's order
    assert [f.name for f in fields(CheckLocation)] == [*Place.model_fields, "text", "role"]
    own = TypeAdapter(CheckLocation).json_schema(ref_template="{model}")["properties"]
    assert {name: own[name] for name in Place.model_fields} == Place.model_json_schema(ref_template="{model}")["properties"]
    assert TypeAdapter(Check).dump_python(made) == {
        "rule": "R", "status": "passed", "subject": "s", "formula": "",
        "locations": [{"line": 1, "column": 0, "page": None, "page_line": None, "bbox": None, "paragraph": None,
                       "heading": None, "table": None, "text": "1", "role": "r"}]}


def test_tables_articles_and_scopes_share_theirs_and_a_field_set_later_stays_their_own():
    first = Scope(id="s", kind="other", title="t", start=1, end=2)
    second = Scope(id="s2", kind="other", title="t", start=1, end=2)
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    first.ise = "ISE"
    assert "ise" in first.model_fields_set and "ise" not in second.model_fields_set
    assert second.model_dump(exclude_unset=True) == {"id": "s2", "kind": "other", "title": "t", "start": 1, "end": 2}
    assert all(issubclass(model, SharedFieldsSet) for model in (Article, BudgetTable, Scope))


def test_every_record_of_a_report_comes_back_from_a_worker_equal_and_still_frozen():
    """Records pickle as their values in field order (auditor.source.RECORD, auditor.by_fields), as a batch
    worker hands a report back: every record class of an audit comes back equal, with each field where
    it was, still frozen and without an attribute dictionary."""
    import pickle

    from auditor.audit import audit_file
    from tests.conftest import SAMPLE

    audit = audit_file(SAMPLE)
    seen: dict[type, object] = {}

    def collect(value: object) -> None:
        if hasattr(type(value), "__pickled_fields__"):
            if type(value) in seen:
                return
            seen[type(value)] = value
            for name in type(value).__pickled_fields__:
                collect(getattr(value, name))
        elif isinstance(value, (list, tuple)):
            for item in value:
                collect(item)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                collect(getattr(value, name))

    collect(audit.report)
    collect(audit.claims)
    collect(audit.document)
    assert {cls.__name__ for cls in seen} >= {"Check", "CheckLocation", "Quantity", "SourceRef", "Cell", "AmountClaim"}
    for cls, record in seen.items():
        again = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(again) is cls and again == record
        assert [getattr(again, f.name) for f in fields(cls)] == [getattr(record, f.name) for f in fields(cls)]
        assert not hasattr(again, "__dict__")
        with pytest.raises(FrozenInstanceError):
            setattr(again, fields(cls)[0].name, None)
    assert pickle.loads(pickle.dumps(audit.report)) == audit.report
