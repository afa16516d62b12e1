"""The sample reworded: other verbs and cue phrases on the same lines must give the same findings
(rule, severity, found, expected) — the claim reader knows cue vocabularies, not the sample's sentences."""

from __future__ import annotations

import re

import pytest

from auditor.audit import audit_lines
from auditor.ingest import read_document
from tests.conftest import CLEAN, SAMPLE, source_of

REWORDINGS = [
    (r"\bbedroeg\b", "beliep"),
    (r"werd verhoogd met", "werd opgetrokken met"),
    (r"verminderd met", "verlaagd met"),
    (r"Het beschikbare budget", "Het aangepaste budget"),
    (r"De uitvoering op dit begrotingsartikel", "De realisatie op dit begrotingsartikel"),
    (r"nam het krediet toe met", "steeg het krediet met"),
    (r"keuro VAK/VEK", "keuro VAK en VEK"),
    (r"afkomstig uit de", "vanuit de"),
]


def _lines(path, rewordings):
    out = []
    for line in read_document(path).lines:
        for pattern, replacement in rewordings:
            line = re.sub(pattern, replacement, line)
        out.append(line)
    return out


def _signature(lines):
    report = audit_lines(source_of(lines)).report
    return sorted((f.rule, f.severity, f.location.line, f.evidence.found, f.evidence.expected)
                  for f in report.findings if f.severity != "info"), report.summary


@pytest.mark.parametrize("path", [SAMPLE, CLEAN], ids=["sample", "clean"])
def test_rewording_keeps_the_findings(path):
    original, before = _signature(_lines(path, []))
    reworded, after = _signature(_lines(path, REWORDINGS))
    assert reworded == original
    assert after.checks >= before.checks - 2
