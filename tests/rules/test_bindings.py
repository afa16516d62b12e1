"""A check is a rule file: its binding names a registered query and its parameters. A new check of a known
shape needs no Python; a binding the registry does not know is refused when the file loads, naming it."""

from __future__ import annotations

import shutil

import pytest

from auditor.audit import audit_lines
from auditor.errors import RuleFileError
from auditor.rules import default_rules_dir, load_rules
from tests.conftest import source_of

NEW_CHECK = """
id: BBT-TST-001
relation: {nl: "1 — tabelrekenkunde", en: "1 — table arithmetic"}
applies_to: bound
binding: BINDING
title: {nl: BO = BA + evolutie, en: BO = BA + evolutie}
description: {nl: "De BO is de BA plus de evolutie.", en: "BO is BA plus the evolutie."}
outcomes:
  - {severity: error, when: "computed_hi < stated_lo or computed_lo > stated_hi"}
message: {nl: "{subject}: {formula}", en: "{subject}: {formula}"}
examples:
  - {name: klopt, stated: "117.300", operands: ["120.400", "-3.100"], expect: passed}
  - {name: fout, stated: "117.300", operands: ["120.400", "-3.010"], expect: error}
illustration: {wrong: "120.400 -3.100 117.390", right: "120.400 -3.100 117.300"}
"""
TABLE = """\
ISE: WOONZORG, MVG excl. DAB
1.7. Budgettair kader voor het begrotingsjaar
(duizend euro)
VAK VEK
BA 2025 evolutie BO 2026 BA 2025 evolutie BO 2026
ESR-uitgaven (werking en toelagen (WT), lonen (LO), provisies (PR))
120.400 -3.100 117.390 118.900 -2.950 115.950
Toelagen (interne stromen (IS))
40 2 42 40 2 42
Totaal 120.440 -3.098 117.432 118.940 -2.948 115.992
"""


def _rules_with(tmp_path, binding: str):
    directory = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), directory)
    (directory / "eigen").mkdir()
    (directory / "eigen" / "BBT-TST-001.yaml").write_text(NEW_CHECK.replace("BINDING", binding), encoding="utf-8")
    return directory


def test_a_new_check_of_a_known_shape_is_a_rule_file_only(tmp_path):
    directory = _rules_with(tmp_path, "{query: row, stated: BO, operands: [BA, EVOL]}")
    report = audit_lines(source_of(TABLE.splitlines(), path="t.txt"), rules_dir=directory).report
    mine = sorted((f.location.line, f.location.text) for f in report.findings if f.rule == "BBT-TST-001")
    assert mine == [(7, "117.390"), (10, "117.432")]
    passed = [c for c in report.checks if c.rule == "BBT-TST-001" and c.status == "passed"]
    assert len(passed) == 4  # the other credit of both rows, and the Toelagen row in both credits


def test_a_list_of_bindings_is_one_check(tmp_path):
    directory = _rules_with(tmp_path, "[{query: row, stated: BO, operands: [BA, EVOL], credits: [VAK]},"
                                      " {query: row, stated: BO, operands: [BA, EVOL], credits: [VEK]}]")
    report = audit_lines(source_of(TABLE.splitlines(), path="t.txt"), rules_dir=directory).report
    assert len([c for c in report.checks if c.rule == "BBT-TST-001"]) == 6


@pytest.mark.parametrize(("binding", "said"), [
    ("{query: sql, stated: BO}", "sql"),
    ("{query: row, stated: BOO, operands: [BA]}", "BOO"),
    ("{query: row, stated: BO, operands: [BA|BU]}", "alternatives"),
    ("{query: parts, whole: programme, parts: article, rows: [TOTAL], credits: [VAK]}", "no join"),
    ("{query: parts, whole: programme, parts: ise, credits: [VAK]}", "rows"),
    ("{query: column, tables: ise}", "rows"),
    ("{query: quoted_percentage, measure: growth, numerator: [BO], denominator: BA, subject: '{bedrag}'}", "bedrag"),
])
def test_a_binding_the_registry_does_not_know_is_refused_naming_the_file(tmp_path, binding, said):
    with pytest.raises(RuleFileError) as caught:
        load_rules(_rules_with(tmp_path, binding))
    assert "eigen/BBT-TST-001.yaml" in str(caught.value) and said in str(caught.value)


def test_every_shipped_check_that_compares_table_cells_states_its_binding():
    """Table arithmetic, roll-ups, derived columns and growth percentages are bindings in their files;
    what reads sentences is judged by fact kind."""
    rules = {r.id: r for r in load_rules(default_rules_dir())}
    bound = {rid for rid, r in rules.items() if r.bindings}
    assert {"BBT-TAB-001", "BBT-ROL-001", "BBT-ROL-002", "BBT-EVO-002", "BBT-DRV-001", "BBT-DRV-002", "BBT-DRV-003",
            "BBT-PCT-004"} <= bound


def test_a_column_sum_keeps_to_the_credits_it_names(tmp_path):
    directory = _rules_with(tmp_path, "{query: column, tables: ise, rows: [ESR, IS, OTHER], credits: [VEK]}")
    report = audit_lines(source_of(TABLE.splitlines(), path="t.txt"), rules_dir=directory).report
    mine = [c for c in report.checks if c.rule == "BBT-TST-001"]
    assert len(mine) == 3 and all(" VEK " in c.subject for c in mine)  # BA, evolutie and BO of the VEK
