"""JSON output: deterministic (sorted findings, fixed key order, no timestamps)."""

from __future__ import annotations

import json

from auditor.report.models import Report


def to_json(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
