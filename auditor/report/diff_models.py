"""The report of `bbt-audit diff OLD NEW`: which numbers changed, were added or removed, and which findings
appeared and were resolved (built by auditor.diff, formatted by auditor.report.diff_formats)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from auditor.report.models import SCHEMA_VERSION, DocumentInfo, Finding, Tool


class NumberChange(BaseModel):
    group: str  # the article code, ISE or section the number belongs to
    what: str  # the cell (row · credit column year) or "tekst"
    change: Literal["changed", "added", "removed"]
    old: str | None = None
    new: str | None = None
    old_line: int | None = None
    new_line: int | None = None


class DiffSummary(BaseModel):
    changed: int = 0
    added: int = 0
    removed: int = 0
    appeared: int = 0  # findings only in the new version
    resolved: int = 0  # findings only in the old version
    kept: int = 0  # findings in both


class DiffReport(BaseModel):
    schema_version: str = SCHEMA_VERSION
    kind: Literal["diff"] = "diff"
    tool: Tool
    old: DocumentInfo
    new: DocumentInfo
    summary: DiffSummary
    numbers: list[NumberChange]
    appeared: list[Finding]
    resolved: list[Finding]
