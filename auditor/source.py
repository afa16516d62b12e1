"""Where a number came from: every value the auditor reports keeps its place in the input."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic.dataclasses import dataclass

from auditor.by_fields import pickled_by_fields

M = TypeVar("M", bound=BaseModel)

# One set of field names for every model instance that was given the same fields. pydantic keeps, per
# instance, the set of fields it was given (`model_fields_set`); with five fields or more that set
# takes about 700 bytes, more than the rest of a Cell or a claim, and a large BBT has tens of thousands
# of them. Nothing mutates a shared set: pydantic adds to it only when a field is assigned,
# which a frozen model refuses and which adds nothing to a set that already holds every field, and
# `model_copy` copies the set before it adds the updated names.
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}


def share_fields_set(model: M, *, always: bool = False) -> M:
    """`model`, its `model_fields_set` replaced by the shared set of the same names (same contents,
    so `exclude_unset` and `model_fields_set` are unchanged) when that is safe: the model is frozen, or
    every one of its fields was set, or (`always`) it copies its set before it adds a name to it
    (SharedFieldsSet)."""
    names = model.__pydantic_fields_set__
    if not always and not type(model).model_config.get("frozen") and len(names) != len(type(model).__pydantic_fields__):
        return model
    shared = _FIELDS_SETS.setdefault(frozenset(names), names)
    if shared is not names:
        object.__setattr__(model, "__pydantic_fields_set__", shared)
    return model


class SharedFieldsSet(BaseModel):
    """A model whose instances share their set of given fields (`share_fields_set`) however they are
    made: for the models of which a document yields thousands. Assigning a field the set does not hold
    yet gives the model the shared set of its new names first, so pydantic adds nothing to a set that
    others hold."""

    def model_post_init(self, context: Any, /) -> None:
        share_fields_set(self, always=True)

    def __setattr__(self, name: str, value: Any) -> None:
        names = self.__pydantic_fields_set__
        if name in type(self).__pydantic_fields__ and name not in names:
            grown = names | {name}
            object.__setattr__(self, "__pydantic_fields_set__", _FIELDS_SETS.setdefault(frozenset(grown), grown))
            try:
                super().__setattr__(name, value)
            except BaseException:  # refused (a frozen model or field): the name was not set
                object.__setattr__(self, "__pydantic_fields_set__", names)
                raise
            return
        super().__setattr__(name, value)


# The numbers' own records (SourceRef, auditor.quantity.Quantity, a table's Cell, the text's amount,
# movement and percentage claims, the facts' Operand, the report's Check and CheckLocation;
# auditor.relations.fact.Fact too, unfrozen) are pydantic dataclasses with slots, not
# BaseModels: validated the same way and written the same way in a report, but without an attribute
# dictionary and a set of given fields per object (a BaseModel with six fields weighs about 340 bytes,
# the slotted record 80). A large BBT holds tens of thousands of each; on a 1,600-article BBT this is
# about 20 MB of its peak. Frozen: one record is shared by every model that refers to it.
_record = dataclass(frozen=True, slots=True, kw_only=True)


def RECORD(cls: type) -> type:  # noqa: N802 - a decorator named as the kind of class it makes
    """`cls` as a frozen slotted pydantic dataclass (above), pickled as its values in field order
    (auditor.by_fields): a batch's workers hand each document's report back to the command."""
    return pickled_by_fields(_record(cls))


@RECORD
class SourceRef:
    """A span of the input document. Lines are 1-based lines of the text input."""

    line: int
    end_line: int
    column: int = 0
    page: int | None = None
    text: str
    role: str | None = None

    def with_role(self, role: str) -> "SourceRef":
        return replace(self, role=role)
