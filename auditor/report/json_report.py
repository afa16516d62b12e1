"""JSON output: deterministic (sorted findings, fixed key order, no timestamps)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from pydantic import BaseModel, PlainSerializer, TypeAdapter, WrapSerializer
from pydantic_core import to_json as _json_of

from auditor.report.models import Report

# Items of a list field (the checks, the findings) serialized per call when the report is written in
# pieces: a 1,600-article BBT has about 20,000 checks, 20 MB of JSON; in pieces of this many items its
# report is never held whole as bytes (nor in the serializer's growing buffer, which doubles).
ITEMS_PER_PIECE = 500
INDENT = b"  "  # the report's indent (indent=2), one level

Write = Callable[[bytes], object]


def to_json(report: Report) -> str:
    # pydantic's own serializer writes the same bytes as json.dumps(model_dump(mode="json"),
    # ensure_ascii=False, indent=2) (non-ASCII stays as characters; checked on every fixture) and about
    # 7× faster: json.dumps with indent falls back to the pure-Python encoder. The one difference is
    # exponent notation below 1e-4 (1e-7 vs 1e-07); the report's only floats are PDF box coordinates
    # rounded to 0.1 pt, which never print that way.
    return report.model_dump_json(indent=2) + "\n"


def to_json_bytes(report: Report) -> bytes:
    """`to_json(report)` encoded as UTF-8, without its final newline: the pieces `write_json` writes."""
    pieces: list[bytes] = []
    write_json(report, pieces.append)
    return b"".join(pieces)


def write_json(report: BaseModel, write: Write) -> None:
    """Write the bytes of `report.model_dump_json(indent=2)` (`to_json` without its final newline) in
    pieces: each field serialized by its declared type, the items of a list a few hundred at a time.
    Every piece ends between two JSON values, so each is whole UTF-8 and holds no raw newline inside a
    string (JSON escapes them): indenting a piece one level is a replace of its newlines. A model with
    an alias or a serializer of its own is written whole by pydantic (`_written_by_fields`)."""
    if not _written_by_fields(type(report)):
        write(report.model_dump_json(indent=2).encode("utf-8"))  # whole: what its serializer says
        return
    names = list(type(report).model_fields)
    write(b"{")
    for position, name in enumerate(names):
        write(b"\n" + INDENT + _json_of(name) + b": ")
        _write_value(_adapter(type(report), name), getattr(report, name), write)
        if position < len(names) - 1:
            write(b",")
    write(b"\n}")


def _write_value(adapter: TypeAdapter[Any], value: object, write: Write) -> None:
    if not isinstance(value, list) or len(value) <= ITEMS_PER_PIECE:
        write(_indented(adapter.dump_json(value, indent=2)))
        return
    write(b"[")
    for start in range(0, len(value), ITEMS_PER_PIECE):
        listed = adapter.dump_json(value[start:start + ITEMS_PER_PIECE], indent=2)
        # '[\n  {…},\n  {…}\n]' → '\n  {…},\n  {…}': the items, each on its own line, one level in
        write((b"," if start else b"") + _indented(listed[1:-2]))
    write(b"\n" + INDENT + b"]")


def _indented(serialized: bytes) -> bytes:
    """A value serialized at the top level, indented as a field of the report (one level in)."""
    return serialized.replace(b"\n", b"\n" + INDENT)


@cache
def _written_by_fields(model: type[BaseModel]) -> bool:
    """Whether the model's JSON is its fields' JSON under their own names, as `write_json` writes it
    piece by piece: no alias and no serializer of its own (of the model or a field), else it is written
    whole by pydantic."""
    decorators = model.__pydantic_decorators__
    if decorators.model_serializers or decorators.field_serializers or decorators.computed_fields:
        return False
    if model.model_config.get("serialize_by_alias") or model.model_config.get("extra") == "allow":
        return False  # names of its own, or fields beyond the declared ones
    return not any(f.alias or f.serialization_alias or f.exclude or getattr(f, "exclude_if", None) is not None
                   or any(isinstance(m, (PlainSerializer, WrapSerializer)) for m in f.metadata)
                   for f in model.model_fields.values())


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """The serializer of one field's declared type: a subclass instance in it is written as the model's
    own serializer writes it (by the declared type's fields)."""
    return TypeAdapter(model.model_fields[name].annotation)
