"""Budget BBT tables: BA | evolutie | BO with spelled-out row labels over two lines, a Kredietevolutie
with a missing row, and begrotingsartikel codes of any entity."""

from __future__ import annotations

import pytest

from auditor.structure import parse_structure


def _ise_table(labels: list[str]) -> list[str]:
    return [
        " V. BELEIDSVELD: TEST ", "1. ISE TEST ", "", "1.3. Budgettair kader voor het begrotingsjaar ", "",
        "(duizend euro) ", "", " VAK VEK ", "", "BA 2024 evolutie BO 2025 BA 2024 evolutie BO 2025 ", "",
        *labels,
        "Inhoudelijke toelichting: ", "Tekst. ",
    ]


def test_spelled_out_row_labels_over_two_lines_and_the_evolutie_column():
    doc = parse_structure(_ise_table([
        "ESR-uitgaven (werking en toelagen (WT), lonen ", "(LO), provisies (PR)) 100 5 105 90 -2 88 ", "",
        "Toelagen (interne stromen (IS)) 0 0 0 0 0 0 ", "",
        "Overige (leningen (LE), participaties (PA); ", "geen ESR-impact) 10 0 10 10 0 10 ", "",
        "Totaal 110 5 115 100 -2 98 ", "",
    ]))
    table = doc.ises[0].table
    assert table.rows() == ["ESR", "IS", "OTHER", "TOTAL"]
    assert table.columns() == ["BA", "EVOL", "BO"]
    assert table.cell("ESR", "VEK", "EVOL").quantity.value == -2
    assert table.cell("OTHER", "VAK", "BO").row_label == "Overige (leningen (LE), participaties (PA); geen ESR-impact)"
    assert (doc.kind, doc.year) == ("begroting", 2025)


def test_a_sentence_without_a_row_after_it_is_not_swallowed_by_the_table():
    lines = _ise_table(["Totaal 110 5 115 100 -2 98 ", "", "Deze tabel toont de kredieten ", "Tekst. "])
    doc = parse_structure(lines)
    sentence = lines.index("Deze tabel toont de kredieten ") + 1
    assert sentence not in doc.table_lines


@pytest.mark.parametrize("code", ["GB0-1GCF2BA-WT", "GH0-AGGF2RC-WT", "QF0-1QDB5PJ-IS", "JB0-1JEC2HA-WT"])
def test_kredietevolutie_of_an_article_of_any_entity(code):
    doc = parse_structure([
        " V. BELEIDSVELD: TEST ", "1. ISE TEST ", "", f"{code} – EEN ARTIKEL ", "", "Kredietevolutie: ", "",
        "(duizend euro) ", "", " VAK VEK ", "", "BA 2024 1.000 900 ", "", "Index 20 18 ", "",
        "Andere bijstellingen -5 2 ", "", "BO 2025 1.015 920 ", "", "Inhoudelijke toelichting: ", "Tekst. ",
    ])
    article = doc.article(code)
    assert article is not None and article.esr_suffix == code[-2:]
    table = article.table
    assert [c.row_label for c in table.adjustments("VEK")] == ["Index", "Andere bijstellingen"]  # no Compensaties
    assert table.cell("TOTAL", "VAK", "BO").quantity.value == 1015
