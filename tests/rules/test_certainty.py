"""An error is a proven error: a failed comparison whose binding is a guess is "review" (te bekijken), with
what is uncertain said in the finding; the same comparison with every number bound with certainty is an error."""

from __future__ import annotations

from dataclasses import replace

from auditor.audit import audit_lines
from auditor.relations.doubt import DOUBTS
from auditor.rules.engine import certainty_policy
from auditor.rules.examples import example_fact
from auditor.rules.spec import Example
from tests.conftest import source_of

ARTICLE_TABLE = [
    "JB0-1JEC2HA-WT – COLLECTIEF MAATWERK", "(duizend euro)", "VAK VEK",
    "BA 2024 BA-JR 2024 BU 2024 BA 2024 BA-JR 2024 BU 2024",
    "Uitgaven 580.966 588.293 552.289 580.966 586.978 552.157",
    "Inhoudelijke toelichting:",
]


def _severities(lines: list[str], rule: str) -> list[tuple[str, list[str]]]:
    report = audit_lines(source_of(lines)).report
    return [(f.severity, f.uncertain) for f in report.findings if f.rule == rule]


def test_the_policy_turns_an_error_with_a_doubt_into_review_and_leaves_the_rest():
    rule = next(r for r in sample_audit_rules() if r.id == "BBT-TXT-001")
    wrong = Example(name="tikfout", stated="522.157", operands=["552.157"], combine="copy", expect="error")
    fact = example_fact(rule, wrong)
    assert certainty_policy("error", fact) == "error"
    guessed = replace(fact, doubts=["credit_guessed"])
    assert certainty_policy("error", guessed) == "review"
    assert certainty_policy("warning", guessed) == "warning"  # a rounding difference stays what it is


def sample_audit_rules():
    from auditor.audit import engine_for

    return engine_for(None).rules


def test_an_amount_with_its_credit_named_is_an_error_and_without_it_a_review():
    named = ARTICLE_TABLE + ["De uitvoering bedroeg 552.289 keuro VAK en 522.157 keuro VEK."]
    unnamed = ARTICLE_TABLE + ["De uitvoering bedroeg 552.299 keuro."]  # nearest is VAK 552.289: a guess
    assert _severities(named, "BBT-TXT-001") == [("error", [])]
    assert _severities(unnamed, "BBT-TXT-001") == [("review", [DOUBTS["credit_guessed"]["nl"]])]


def test_movements_that_never_reach_the_level_may_be_partial_and_are_reviewed():
    partial = ARTICLE_TABLE + ["Het krediet werd verhoogd met 5.000 keuro VAK/VEK voor de index."]
    reaching = partial + ["Het beschikbare budget op het jaareinde bedroeg 588.293 keuro VAK en 586.978 keuro VEK."]
    assert {s for s, _ in _severities(partial, "BBT-MOV-001")} == {"review"}
    assert {s for s, _ in _severities(reaching, "BBT-MOV-001")} == {"error"}


def test_a_percentage_for_both_credits_that_fits_one_is_checked_against_that_one():
    both = ARTICLE_TABLE + ["De uitvoeringsgraad bedroeg 93,9%."]  # 552.289 / 588.293 (VAK); VEK is 94,1%
    report = audit_lines(source_of(both)).report
    checks = [c for c in report.checks if c.rule == "BBT-PCT-001"]
    assert [c.status for c in checks] == ["passed"] and "VAK" in checks[0].subject
    wrong = ARTICLE_TABLE + ["De uitvoeringsgraad bedroeg 90,0%."]
    assert {s for s, _ in _severities(wrong, "BBT-PCT-001")} == {"review"}


def test_every_doubt_is_explained_in_both_languages():
    for code, text in DOUBTS.items():
        assert text["nl"] and text["en"] and text["nl"] != text["en"], code


def test_a_level_named_without_its_year_is_not_given_the_year_of_the_amount_before_it():
    # "… van 218,9 miljoen euro in BO 2020 naar 234,0 miljoen euro in BO" (a line break lost "2021"):
    # 234,0 restates the end of the Kredietevolutie, not its BO 2020 start
    lines = ["QD0-1QDG2AB-IS - TOELAGE", "Kredietevolutie:", "(duizend euro) VAK VEK", "BO 2020 227.836 218.861",
             "Index 5.012 4.815", "Compensaties 10.296 10.296", "BO 2021 243.144 233.972", "Inhoudelijke toelichting:",
             "Het VEK evolueert van 218,9 miljoen euro in BO 2020 naar 234,0 miljoen euro in BO."]
    report = audit_lines(source_of(lines)).report
    assert report.summary.errors == 0, [f.message for f in report.findings if f.severity == "error"]
    assert any(c.rule == "BBT-TXT-001" and c.status == "passed" and "234,0" in [l.text for l in c.locations]
               for c in report.checks)


def test_movements_the_text_calls_a_selection_are_reviewed_even_when_it_names_the_level():
    partial = ARTICLE_TABLE + ["Het krediet werd onder meer verhoogd met 5.000 keuro VAK/VEK voor de index.",
                               "Het beschikbare budget op het jaareinde bedroeg 588.293 keuro VAK en 586.978 keuro VEK."]
    assert {s for s, _ in _severities(partial, "BBT-MOV-001")} == {"review"}


def test_a_net_change_that_names_no_credit_is_checked_against_the_credit_it_fits():
    # VAK rose by 7.327, VEK by 6.012: "7.327 keuro" without a credit is the VAK change, not a VEK error
    fits = ARTICLE_TABLE + ["In totaliteit nam het krediet toe met 7.327 keuro."]
    assert _severities(fits, "BBT-MOV-002") == []
    neither = ARTICLE_TABLE + ["In totaliteit nam het krediet toe met 7.372 keuro."]
    assert {s for s, _ in _severities(neither, "BBT-MOV-002")} == {"review"}
