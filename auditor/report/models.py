"""The JSON report: a stable, versioned contract (schema_version "1")."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from auditor.source import RECORD, SharedFieldsSet

SCHEMA_VERSION = "2"  # 2: severity "review", summary.review, coverage


class TableCell(BaseModel):
    """A cell of a Word table: all 1-based, column None when the number spans no single cell."""

    index: int
    row: int
    column: int | None = None


class Place(BaseModel):
    """Where a person finds the number in the file they hold. `line` is the line of the linearised text
    (the line of a text export); PDF input adds page, line on the page and the number's box (PDF points,
    origin bottom-left); Word input adds paragraph, the heading above and, in a table, the cell."""

    line: int
    column: int = 0  # 0-based character offset of the number in that line
    page: int | None = None
    page_line: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    paragraph: int | None = None
    heading: str | None = None
    table: TableCell | None = None


class Location(Place, SharedFieldsSet):
    end_line: int
    text: str


class Related(Place, SharedFieldsSet):
    text: str
    role: str


class Evidence(BaseModel):
    expected: str
    found: str
    formula: str


class Finding(SharedFieldsSet):
    id: str
    rule: str
    severity: Literal["error", "warning", "review", "info"]
    group: str
    message: str
    location: Location
    related: list[Related]
    evidence: Evidence
    suggestion: str | None = None
    # for "review": which bindings of the comparison are guesses, so it is not a proven error
    uncertain: list[str] = []


# A Place with the number's text and role: a record, one per number and role, shared by every check it
# is in (ReportBuilder). Its fields are Place's, in Place's order (a test holds them so). No docstring:
# it would become the schema's description.
@RECORD
class CheckLocation:
    line: int
    column: int = 0
    page: int | None = None
    page_line: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    paragraph: int | None = None
    heading: str | None = None
    table: TableCell | None = None
    text: str
    role: str


@RECORD
class Check:
    rule: str
    status: Literal["passed", "failed"]
    subject: str
    formula: str = ""  # the filled-in equation that was checked
    locations: list[CheckLocation]


class Summary(BaseModel):
    errors: int = 0
    warnings: int = 0
    review: int = 0
    info: int = 0
    checks: int = 0
    passed: int = 0
    numbers: int = 0
    numbers_verified: int = 0


class Tool(BaseModel):
    name: str = "bbt-auditor"
    version: str


class DocumentInfo(BaseModel):
    path: str
    format: str
    sha256: str
    kind: Literal["uitvoering", "begroting", "unknown"]
    year: int | None = None
    notices: list[str] = []


class UnreadPart(Place):
    """A row, table or section the reader saw but could not read or check: never skipped in silence."""

    what: Literal["row", "table", "section", "sentence"]
    text: str
    reason: str


class SectionCoverage(BaseModel):
    title: str
    line: int
    numbers: int  # numbers printed in the section (table cells and text amounts)
    checked: int  # of those, numbers that took part in a check (passed or failed)


class Coverage(BaseModel):
    # read: every table and row understood; partly_read: something was not (see unread);
    # nothing_checked: no relation could be checked, so the document is not clean, only unread
    status: Literal["read", "partly_read", "nothing_checked"] = "read"
    unread: list[UnreadPart] = []
    sections: list[SectionCoverage] = []


class Report(BaseModel):
    schema_version: str = SCHEMA_VERSION
    tool: Tool
    document: DocumentInfo
    summary: Summary
    findings: list[Finding]
    checks: list[Check]
    coverage: Coverage = Coverage()
