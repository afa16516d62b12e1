"""SARIF that validates against the SARIF 2.1.0 schema, a Markdown summary, an HTML file that stands on
its own, and the console's --quiet and --verbose."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from auditor.cli import main
from tests.conftest import BEGROTING_CLEAN, SAMPLE

SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", [SAMPLE, SAMPLE.with_suffix(".pdf"), SAMPLE.with_suffix(".docx"), BEGROTING_CLEAN],
                         ids=["text", "pdf", "docx", "begroting"])
def test_sarif_validates_against_the_2_1_0_schema(capsys, path):
    main(["check", str(path), "--format", "sarif"])
    log = json.loads(capsys.readouterr().out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "BBT-TXT-001" in rule_ids and all(rule["help"]["text"] for rule in run["tool"]["driver"]["rules"])
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_sarif_levels_and_the_typo(capsys):
    main(["check", str(SAMPLE.with_suffix(".pdf")), "--format", "sarif"])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    typo = next(r for r in results if r["level"] == "error")
    assert typo["ruleId"] == "BBT-TXT-001"
    assert typo["locations"][0]["properties"]["page"] == 9
    assert typo["relatedLocations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "552.157"
    assert {r["level"] for r in results} == {"error", "warning", "note"}


def test_sarif_is_deterministic(capsys):
    main(["check", str(SAMPLE), "--format", "sarif"])
    first = capsys.readouterr().out
    main(["check", str(SAMPLE), "--format", "sarif"])
    assert capsys.readouterr().out == first


def test_markdown_summary(capsys):
    assert main(["check", str(SAMPLE), "--format", "markdown", "--lang", "en"]) == 1
    text = capsys.readouterr().out
    assert text.startswith("## BBT audit:") and "❌ errors found" in text
    assert "| 1 | 4 | 0 | 43 |" in text and "| 197/202 passed | 236/280 |" in text
    assert "`BBT-TXT-001` | line 755 |" in text
    main(["check", str(BEGROTING_CLEAN), "--format", "markdown"])
    assert "✅ consistent" in capsys.readouterr().out


def test_html_is_one_file_that_loads_nothing(tmp_path):
    out = tmp_path / "r.html"
    main(["check", str(SAMPLE), "--format", "html", "-o", str(out)])
    html = out.read_text(encoding="utf-8")
    assert "http://" not in html.split("<body>")[0] and " src=" not in html and "<link" not in html
    assert "default-src 'none'" in html
    assert html.count('data-status="contradicted"') >= 1


def test_quiet_shows_the_summary_only_and_verbose_the_passed_checks(capsys):
    main(["check", str(SAMPLE), "--quiet"])
    quiet = capsys.readouterr().out
    assert "BBT-TXT-001" not in quiet and "Samenvatting" in quiet
    main(["check", str(SAMPLE), "--verbose", "--quiet-info"])
    verbose = capsys.readouterr().out
    assert "Geslaagde controles (197)" in verbose and verbose.count("✓ BBT-") == 197
