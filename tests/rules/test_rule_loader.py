"""A bad rule file is rejected with its file, its rule and the reason — never half-loaded."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from auditor.errors import RuleFileError
from auditor.rules import default_rules_dir, load_rules

GOOD = """
rules:
  - id: BBT-TST-001
    relation: test
    applies_to: restatement
    title: {nl: t, en: t}
    description: {nl: d, en: d}
    outcomes:
      - {severity: error, when: "CONDITION"}
    message: {nl: "MESSAGE", en: "m"}
    examples:
      - {name: ok, stated: "1", operands: ["1"], combine: copy, expect: passed}
      - {name: fout, stated: "2", operands: ["1"], combine: copy, expect: error}
    illustration: {wrong: "2", right: "1"}
"""


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "bad.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def _rules(condition="computed_hi < stated_lo", message="{subject}") -> str:
    return GOOD.replace("CONDITION", condition).replace("MESSAGE", message)


def test_a_valid_file_loads(tmp_path):
    assert [r.id for r in load_rules(_write(tmp_path, _rules()))] == ["BBT-TST-001"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (_rules(condition="computed_hi <"), "condition"),
        (_rules(condition="__import__('os')"), "condition"),
        (_rules(condition="unknown_field > 1"), "condition"),
        (_rules(message="{subject.__class__}"), "template field"),
        (_rules(message="{stated!r}"), "template field"),
        (_rules().replace("expect: error", "expect: passed"), "passing and one failing"),
        (_rules().replace("applies_to: restatement", "applies_to: anything"), "applies_to"),
        (_rules().replace("BBT-TST-001", "rule one"), "id"),
        ("rules: [", "not valid YAML"),
        ("just: text", "rules:"),
    ],
)
def test_a_bad_rule_file_is_rejected_with_file_rule_and_reason(tmp_path, text, reason):
    with pytest.raises(RuleFileError) as caught:
        load_rules(_write(tmp_path, text))
    message = str(caught.value)
    assert message.startswith("bad.yaml")
    assert reason in message


def test_duplicate_rule_ids_are_rejected(tmp_path):
    (tmp_path / "a.yaml").write_text(_rules(), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(_rules(), encoding="utf-8")
    with pytest.raises(RuleFileError, match="duplicate id"):
        load_rules(tmp_path)


def test_rule_files_contain_no_python():
    for path in default_rules_dir().rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert "!!python" not in text and "lambda" not in text and "import" not in text


def test_each_check_is_one_file_named_by_its_id_in_the_folder_of_its_relation():
    import re

    for rule in load_rules(default_rules_dir()):
        folder, name = rule.source_file.split("/")
        assert name == f"{rule.id}.yaml"
        number = re.match(r"\d", rule.relation.nl)
        if number:
            assert folder.startswith(f"{number.group()}-"), (rule.id, folder, rule.relation)


def test_a_file_with_one_check_at_the_top_loads(tmp_path):
    import yaml

    entry = yaml.safe_load(_rules())["rules"][0]
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "BBT-TST-001.yml").write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    [rule] = load_rules(tmp_path)
    assert rule.id == entry["id"] and rule.source_file == "folder/BBT-TST-001.yml"


def test_a_file_with_one_check_is_named_after_it(tmp_path):
    import yaml

    entry = yaml.safe_load(_rules())["rules"][0]
    (tmp_path / "mijn-controle.yaml").write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rules(tmp_path)
    assert caught.value.nl == "mijn-controle.yaml: het bestand van regel BBT-TST-001 heet BBT-TST-001.yaml"


def test_a_rule_without_cases_or_illustration_is_refused(tmp_path):
    with pytest.raises(RuleFileError, match="cases"):
        load_rules(_write(tmp_path, _rules().replace('    illustration: {wrong: "2", right: "1"}\n', "")))


def test_an_unknown_diagnosis_is_refused(tmp_path):
    text = _rules().replace("    applies_to: restatement\n", "    applies_to: restatement\n    diagnoses: [astrologie]\n")
    with pytest.raises(RuleFileError, match="astrologie"):
        load_rules(_write(tmp_path, text))


def test_a_rule_without_outcomes_is_the_interval_comparison(tmp_path):
    from auditor.rules import RuleEngine
    from auditor.rules.examples import example_fact
    from auditor.rules.spec import Example

    text = _rules().replace('''    outcomes:
      - {severity: error, when: "computed_hi < stated_lo"}
''', "").replace('stated: "2", operands: ["1"]', 'stated: "3", operands: ["1"]')
    [rule] = load_rules(_write(tmp_path, text))
    engine = RuleEngine([rule])
    verdict = {name: engine.judge(rule, example_fact(rule, Example(name=name, stated=s, operands=[o], combine="copy", expect="passed")))
               for name, s, o in (("gelijk", "10", "10"), ("afgerond", "10", "10,4"), ("fout", "12", "10"))}
    assert verdict == {"gelijk": None, "afgerond": "warning", "fout": "error"}
