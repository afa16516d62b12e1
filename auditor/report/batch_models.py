"""The report of several documents in one run (`bbt-audit check A B DIR …`): one Report per document,
exactly as a single `check` of that document writes it, the documents that could not be read with their
reason, and the checks across documents (auditor.crossdoc)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, SerializeAsAny

from auditor.report.models import SCHEMA_VERSION, Evidence, Report, Tool


class Unreadable(BaseModel):
    """A document that could not be audited: listed, never a reason to stop the others."""

    path: str
    reason: str
    exit_code: int  # what a single `check` of it exits with (2 input, 3 internal)


class CrossPlace(BaseModel):
    document: str
    line: int
    text: str
    role: str


class CrossFinding(BaseModel):
    id: str
    rule: str
    severity: Literal["error", "warning", "review", "info"]
    group: str
    message: str
    places: list[CrossPlace]  # the budget's number first, then the execution's
    evidence: Evidence
    suggestion: str | None = None
    uncertain: list[str] = []


class DocumentPair(BaseModel):
    execution: str  # the execution BBT of year `year`
    budget: str  # the budget BBT of year `year` + 1
    year: int
    articles: int  # articles compared
    ises: int  # ISEs compared


class CodePairing(BaseModel):
    """An article whose code changed between the two years, and how the two were paired."""

    execution: str
    budget: str
    old_code: str
    new_code: str
    old_title: str
    new_title: str
    by: Literal["title_and_amounts", "title", "amounts"]


class CrossReport(BaseModel):
    pairs: list[DocumentPair] = []
    pairings: list[CodePairing] = []
    findings: list[CrossFinding] = []
    checks: int = 0
    passed: int = 0
    suppressed: list[CrossFinding] = []  # by --baseline: not reported, kept for the audit trail


class BatchSummary(BaseModel):
    documents: int = 0  # given
    read: int = 0  # audited
    unreadable: int = 0
    errors: int = 0  # over every document and the checks across documents
    warnings: int = 0
    review: int = 0
    info: int = 0
    suppressed: int = 0  # findings the baseline suppressed
    exit_code: int = 0  # the worst over all documents


class BatchReport(BaseModel):
    schema_version: str = SCHEMA_VERSION
    kind: Literal["batch"] = "batch"
    tool: Tool
    summary: BatchSummary
    documents: list[SerializeAsAny[Report]]  # a baselined report keeps its suppressed findings
    unreadable: list[Unreadable] = []
    crossdoc: CrossReport = CrossReport()
