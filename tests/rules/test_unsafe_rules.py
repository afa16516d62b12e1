"""A custom rule file cannot hang, crash or reach past the facts: what it may not do is refused when it
is loaded, with exit 2 and one line in the user's language."""

from __future__ import annotations

import shutil
import time

import pytest

from auditor.cli import main
from auditor.rules import default_rules_dir

UNSAFE = {
    "regular expression": ('kind =~ "(a+)+$"', "regular expression"),
    "power": ("stated ** 99999999 > 1", "power"),
    "attribute access": ("kind.length > 1", "GetAttributeExpression"),
}


def _rules_with(tmp_path, condition: str):
    directory = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), directory)
    path = directory / "1-tabelrekenkunde" / "BBT-TAB-001.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("when: difference != 0", f"when: {condition}", 1), encoding="utf-8")
    return directory


@pytest.mark.parametrize("name", UNSAFE)
def test_an_unsafe_condition_is_refused_at_load_time(tmp_path, capsys, name):
    condition, said = UNSAFE[name]
    start = time.perf_counter()
    assert main(["rules", "--rules", str(_rules_with(tmp_path, condition))]) == 2
    assert time.perf_counter() - start < 5  # refused, not evaluated
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and said in err and "ongeldig regelbestand" in err


def test_a_condition_that_divides_by_zero_is_refused_with_its_rule(tmp_path, capsys):
    rules = _rules_with(tmp_path, "stated / (computed - computed) > 1")
    assert main(["check", "--rules", str(rules), "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "invalid rule file" in err and "BBT-TAB-001" in err and "division by zero" in err


def test_a_rule_file_that_is_not_utf8_is_a_clear_error(tmp_path, capsys):
    directory = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), directory)
    (directory / "extra.yaml").write_bytes("rules:\n  - id: BBT-XX-001 # caf\xe9\n".encode("latin-1"))
    assert main(["rules", "--rules", str(directory)]) == 2
    err = capsys.readouterr().err.strip()
    assert "extra.yaml" in err and "geen UTF-8" in err and err.count("\n") == 0


def test_an_example_whose_verdict_is_not_the_one_it_expects_is_refused(tmp_path, capsys):
    directory = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), directory)
    path = directory / "1-tabelrekenkunde" / "BBT-TAB-001.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('operands: ["18.144", "0", "5.100"], expect: error}', 'operands: ["18.144", "0", "5.100"], expect: warning}', 1),
                    encoding="utf-8")
    assert main(["rules", "--rules", str(directory)]) == 2
    err = capsys.readouterr().err
    assert "1-tabelrekenkunde/BBT-TAB-001.yaml" in err and "voorbeeld 'totaal fout' geeft error, niet warning" in err


def test_an_example_that_is_no_number_is_refused_naming_it(tmp_path, capsys):
    directory = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), directory)
    path = directory / "1-tabelrekenkunde" / "BBT-TAB-001.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('stated: "694.180"', 'stated: "min 12"', 1), encoding="utf-8")
    assert main(["rules", "--rules", str(directory)]) == 2
    err = capsys.readouterr().err
    assert "BBT-TAB-001.yaml" in err and "voorbeeld 'totaal klopt'" in err and "interne fout" not in err
