"""Accepting known findings: `--write-baseline FILE` records the current findings by their stable ids
(auditor.report.build.finding_ids: rule, scope, relation and values, not lines, so inserted text elsewhere
does not change them); `--baseline FILE` reports only findings whose id is not in it. The suppressed ones
are counted in the summary (`summary.suppressed`) and kept in the report (`suppressed`), so the audit trail
still shows them; a finding whose numbers change gets a new id and is reported again."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ValidationError

from auditor.errors import InputError
from auditor.report.batch_models import CrossReport
from auditor.report.models import Finding, Report, Summary

BASELINE_VERSION = 1


class BaselineEntry(BaseModel):
    id: str
    rule: str
    document: str
    message: str  # for the person reading the file; matching uses the id only


class Baseline(BaseModel):
    tool: str = "bbt-auditor"
    version: int = BASELINE_VERSION
    findings: list[BaselineEntry]

    def ids(self) -> set[str]:
        return {entry.id for entry in self.findings}


class BaselinedSummary(Summary):
    suppressed: int = 0


class BaselinedReport(Report):
    """A Report after a baseline: the same contract with the suppressed findings set apart."""

    summary: BaselinedSummary
    baseline: str  # the baseline file
    suppressed: list[Finding] = []


def baseline_of(reports: list[Report], cross: CrossReport | None = None) -> Baseline:
    entries = [BaselineEntry(id=f.id, rule=f.rule, document=r.document.path, message=f.message)
               for r in reports for f in r.findings]
    if cross is not None:
        entries += [BaselineEntry(id=f.id, rule=f.rule, document=f.places[0].document, message=f.message)
                    for f in cross.findings]
    return Baseline(findings=entries)


def to_text(baseline: Baseline) -> str:
    return baseline.model_dump_json(indent=2) + "\n"


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Baseline.model_validate(data)
    except FileNotFoundError as exc:
        raise InputError(f"baseline niet gevonden: {path}", f"baseline not found: {path}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"baseline {path}: geen geldige JSON ({exc})", f"baseline {path}: not valid JSON ({exc})") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"baseline {path}: {where}: {first['msg']}", f"baseline {path}: {where}: {first['msg']}") from exc
    except OSError as exc:
        raise InputError(f"baseline {path}: {exc.strerror}", f"baseline {path}: {exc.strerror}") from exc


def apply_baseline(report: Report, known: set[str], name: str) -> BaselinedReport:
    new = [f for f in report.findings if f.id not in known]
    old = [f for f in report.findings if f.id in known]
    summary = BaselinedSummary(**{
        **report.summary.model_dump(),
        "errors": sum(f.severity == "error" for f in new), "warnings": sum(f.severity == "warning" for f in new),
        "review": sum(f.severity == "review" for f in new), "info": sum(f.severity == "info" for f in new),
        "suppressed": len(old),
    })
    data = {**{k: getattr(report, k) for k in Report.model_fields}, "findings": new, "summary": summary}
    return BaselinedReport(**data, baseline=name, suppressed=old)


def apply_baseline_cross(cross: CrossReport, known: set[str]) -> CrossReport:
    return cross.model_copy(update={"findings": [f for f in cross.findings if f.id not in known],
                                    "suppressed": [f for f in cross.findings if f.id in known]})
