"""Budget BBTs generated from random models (other amounts, entity codes, articles per ISE, missing
Kredietevolutie rows, falling and rising credits) with the layout of fixtures/make_begroting.py: each is
consistent by construction, so the audit must be silent; any single table number changed by one digit
must be reported at its line."""

from __future__ import annotations

import random

import pytest

from auditor.audit import audit_lines
from tests.conftest import fixture_script, source_of

make_begroting = fixture_script("make_begroting")
Article = make_begroting.Article


def _model(seed: int):
    rng = random.Random(seed)
    entity = rng.choice(["QB0", "GB0", "GH0", "QF0", "SB0", "JB0"])
    suffixes = ["WT", "WT", "LO", "IS", "PA", "WT"]
    ises = {}
    for ise_number, name in enumerate(rng.sample(["NATUURBEHEER", "BOSBELEID", "WATERBELEID", "KLIMAAT", "ERFGOED"], 2)):
        articles = []
        for n in range(rng.randint(2, 4)):
            ba = (rng.randint(500, 90_000), 0)
            ba = (ba[0], max(100, ba[0] - rng.randint(0, ba[0] // 3)))
            steps = []
            for _ in range(3):
                if rng.random() < 0.3:
                    steps.append(None)
                else:
                    vak = rng.randint(-ba[0] // 10, ba[0] // 8)
                    steps.append((vak, vak if rng.random() < 0.5 else rng.randint(-ba[1] // 10, ba[1] // 8)))
            if not any(steps):
                steps[0] = (rng.randint(1, 900), rng.randint(1, 900))
            code = f"{entity}-1{entity[0]}{chr(66 + ise_number)}{rng.choice('ABCDEF')}2{chr(65 + ise_number)}{chr(65 + n)}-{rng.choice(suffixes)}"
            articles.append(Article(code, f"MAATREGEL {n + 1}", ba, *steps))
        ises[name] = articles
    receipts = {"ba": (rng.randint(0, 5_000), 0, 0), "bo": (rng.randint(0, 5_000), 0, 0)}
    return ises, receipts


@pytest.mark.parametrize("seed", range(8))
def test_a_generated_budget_bbt_is_consistent_and_every_changed_table_number_is_found(seed):
    ises, receipts = _model(seed)
    lines = make_begroting.build(ises, receipts).lines
    audit = audit_lines(source_of(lines))
    report = audit.report
    assert (report.document.kind, report.document.year) == ("begroting", 2025)
    assert [f for f in report.findings if f.severity != "info"] == []
    assert report.summary.passed == report.summary.checks > 40
    rng = random.Random(seed)
    cells = [c for table in audit.document.tables() for c in table.cells if any(ch.isdigit() for ch in c.quantity.source.text)]
    for cell in rng.sample(cells, 5):
        source = cell.quantity.source
        line = lines[source.line - 1]
        digit = next(i for i, ch in enumerate(source.text) if ch.isdigit())
        old = source.text[digit]
        changed = source.text[:digit] + ("2" if old in "019" else str(int(old) + 1)) + source.text[digit + 1:]
        mutated = list(lines)
        mutated[source.line - 1] = line[:source.column] + changed + line[source.column + len(source.text):]
        findings = [f for f in audit_lines(source_of(mutated)).report.findings if f.severity == "error"]
        assert any(source.line in {f.location.line, *(r.line for r in f.related)} for f in findings), (cell, changed)
