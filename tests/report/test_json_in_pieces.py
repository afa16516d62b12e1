"""The JSON report written in pieces (auditor/report/json_report.py, write_json) is the bytes pydantic's
own serializer gives, also for a report model that renames or serializes a field its own way (then it
is written whole)."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, PlainSerializer, field_serializer

from auditor.audit import audit_file
from auditor.report import json_report
from auditor.report.json_report import write_json
from auditor.report.models import Report, Summary
from tests.conftest import ROOT

SAMPLE = ROOT / "fixtures" / "sociale-economie-uitvoering-2024.txt"


def _written(report) -> bytes:
    pieces: list[bytes] = []
    write_json(report, pieces.append)
    return b"".join(pieces)


def test_pieces_of_many_checks_are_the_serializers_bytes(monkeypatch):
    report = audit_file(SAMPLE).report
    monkeypatch.setattr(json_report, "ITEMS_PER_PIECE", 7)  # the sample's 202 checks in 29 pieces
    assert _written(report) == report.model_dump_json(indent=2).encode("utf-8")


class _Renamed(Report):
    summary: Summary = Field(serialization_alias="samenvatting")


class _OwnSerializer(Report):
    @field_serializer("checks")
    def _count_only(self, checks, _info):
        return len(checks)


class _Annotated(Report):
    summary: Annotated[Summary, PlainSerializer(lambda s: s.errors)]


class _Excluded(Report):
    summary: Summary = Field(exclude=True)


class _Extra(Report):
    model_config = ConfigDict(extra="allow")


def test_a_report_with_its_own_names_or_serializers_is_written_as_pydantic_writes_it():
    base = audit_file(SAMPLE).report
    extra = _Extra(**{name: getattr(base, name) for name in Report.model_fields}, opmerking="extra veld")
    assert _written(extra) == extra.model_dump_json(indent=2).encode("utf-8")
    for model in (_Renamed, _OwnSerializer, _Annotated, _Excluded):
        report = model(**{name: getattr(base, name) for name in Report.model_fields})
        assert _written(report) == report.model_dump_json(indent=2).encode("utf-8")
