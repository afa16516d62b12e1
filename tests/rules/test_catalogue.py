"""The rules catalogue is generated from the rule files, in Dutch and English, and shows for every check
a wrong and a corrected example that the test suite runs (its own cases)."""

from __future__ import annotations

import pytest

from auditor.catalogue import catalogue_markdown, example_pair
from auditor.cli import main
from auditor.rules import default_rules_dir, load_rules

RULES = load_rules(default_rules_dir())


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_check_shows_a_wrong_and_a_right_example(rule):
    pair = example_pair(rule)
    if pair is None:
        assert rule.illustration is not None and rule.illustration.wrong != rule.illustration.right
    else:
        wrong, right = pair
        assert wrong.expect and not right.expect
    section = catalogue_markdown([rule]).split(f"### {rule.id}")[1]
    assert "Fout" in section and "Goed" in section and section.count("```text") == 2


def test_the_wrong_example_is_the_right_one_corrected():
    """Where a check has several passing cases, the one shown as 'right' is the closest to the wrong one."""
    for rule in RULES:
        pair = example_pair(rule)
        if pair is None:
            continue
        wrong, right = pair
        changed = set(wrong.text.splitlines()) ^ set(right.text.splitlines())
        assert changed, rule.id


def test_the_catalogue_is_in_english_on_request(capsys):
    assert main(["rules", "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert english.startswith("| id | relation | check | severity |")
    assert "Wrong and right" in english and "Fout en goed" not in english
    assert all(f"### {rule.id}" in english and rule.title.en in english for rule in RULES)


def test_the_catalogue_is_in_dutch_by_default(capsys):
    assert main(["rules"]) == 0
    dutch = capsys.readouterr().out
    assert dutch.startswith("| id | relatie | controle | ernst |")
    assert all(rule.title.nl in dutch and f"`rules/{rule.source_file}`" in dutch for rule in RULES)
