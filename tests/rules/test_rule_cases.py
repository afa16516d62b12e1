"""Every rule ships BBT snippets (its `cases:`): each is run through the whole pipeline, and the findings of
that rule must be exactly the ones the case lists, by severity and line. A case that expects nothing must
have exercised the rule (a passed check of it), unless the rule only reports what could not be checked.
`bbt-audit rules --check` runs the same cases (auditor.rulecases) for a custom rule directory."""

from __future__ import annotations

import shutil

import pytest

from auditor.audit import engine_for
from auditor.cli import main
from auditor.relations.fact import CROSS_DOCUMENT_KINDS
from auditor.rulecases import run_case, single_document_rules
from auditor.rules import default_rules_dir
from tests.conftest import ROOT

# rules across documents judge pairs of documents, which a single snippet cannot hold: they are run on
# generated pairs in tests/crossdoc instead, and skipped here by their kind, not by name
CROSS_RULES = [rule for rule in engine_for(None).rules if rule.applies_to in CROSS_DOCUMENT_KINDS]
RULES = single_document_rules(engine_for(None).rules)
CASES = [(rule, case) for rule in RULES for case in rule.cases]


def test_every_rule_ships_a_passing_and_a_failing_snippet():
    assert {rule.id for rule in RULES} == {rule.id for rule, _ in CASES}


def test_only_the_cross_document_rules_are_skipped_and_they_are_tested_on_pairs():
    crossdoc = {path.stem for path in (ROOT / "rules" / "over-documenten").glob("*.yaml")}
    assert {rule.id for rule in CROSS_RULES} == crossdoc
    assert all(not rule.cases for rule in CROSS_RULES)
    tests = (ROOT / "tests" / "crossdoc" / "test_crossdoc.py").read_text(encoding="utf-8")
    assert all(rule.id in tests for rule in CROSS_RULES)


@pytest.mark.parametrize(("rule", "case"), CASES, ids=[f"{r.id}: {c.name}" for r, c in CASES])
def test_the_case_gives_exactly_its_findings(rule, case):
    result = run_case(rule, case, None)
    assert result.passed, (result.explain("en"), result.found)


def test_rules_check_reports_a_case_that_comes_out_otherwise(tmp_path, capsys):
    directory = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), directory)
    path = directory / "1-tabelrekenkunde" / "BBT-TAB-001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("expect: [{severity: error, line: 10}]",
                                                             "expect: [{severity: error, line: 4}]"), encoding="utf-8")
    assert main(["rules", "--check", "--rules", str(directory)]) == 1
    out = capsys.readouterr().out
    assert "FOUT BBT-TAB-001: totaal fout — verwacht error 4, gekregen error 10" in out
    assert out.rstrip().endswith(f"{len(CASES) - 1} van {len(CASES)} fragmenten zoals verwacht")


def test_rules_check_passes_on_the_shipped_rules(capsys):
    assert main(["rules", "--check"]) == 0
    assert f"{len(CASES)} van {len(CASES)} fragmenten zoals verwacht" in capsys.readouterr().out
