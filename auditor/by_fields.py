"""Pickling a frozen slotted dataclass as its values in field order.

The reading child hands thousands of line origins back to the command and a batch's workers hand back
each document's checks and their locations. Pickle's default for a frozen slotted dataclass restores a
state through `dataclasses.fields()` for every object, which took half to two thirds of the unpickling;
here each object is made again by one call: a plain dataclass's own __init__ given its values in order
(the quickest), a pydantic dataclass (whose __init__ validates, and takes keywords only) by setting its
slots as they were. Nothing is validated again: the values were when the object was made, and a frozen
object has not changed since.

Standard library only: auditor.ingest.origin uses it before the read-ahead forks, when pydantic is not
loaded yet."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

C = TypeVar("C", bound=type)


def pickled_by_fields(cls: C) -> C:
    """`cls` (a frozen slotted dataclass), pickled as its values in field order."""
    cls.__pickled_fields__ = tuple(field.name for field in fields(cls))  # type: ignore[attr-defined]
    by_init = not hasattr(cls, "__pydantic_fields__") and not any(field.kw_only for field in fields(cls))
    cls.__reduce__ = _by_init if by_init else _by_slots  # type: ignore[assignment]
    return cls


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in type(self).__pickled_fields__)


def _by_init(self: Any) -> tuple[Any, tuple[Any, ...]]:
    return type(self), _values(self)


def _by_slots(self: Any) -> tuple[Any, tuple[Any, ...]]:
    return _remade, (type(self), _values(self))


def _remade(cls: type, values: tuple[Any, ...]) -> Any:
    made = object.__new__(cls)
    for name, value in zip(cls.__pickled_fields__, values):  # type: ignore[attr-defined]
        object.__setattr__(made, name, value)
    return made
