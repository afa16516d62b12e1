"""Tables are read as grids of tokens: the same table laid out differently gives the same cells, and a row
that does not fit the grid is reported, never dropped in silence."""

from __future__ import annotations

from auditor.structure import parse_structure

ARTICLE = "XY0-1XYZ2AA-WT - VOORBEELDARTIKEL"
KREDIETEVOLUTIE = [
    "BA 2025 52.310 51.870",
    "Index 1.046 1.037",
    "Compensaties -300 -300",
    "Andere bijstellingen 2.000 1.500",
    "BO 2026 55.056 54.107",
]


def _cells(lines: list[str]) -> list[tuple[str, str, str, str]]:
    doc = parse_structure(lines)
    table = doc.articles[0].table
    assert table is not None
    return [(c.row_label, c.credit, c.column, c.quantity.display) for c in table.cells]


def test_the_unit_on_the_credit_line_gives_the_same_cells_as_on_its_own_line():
    own_line = [ARTICLE, "Kredietevolutie:", "(duizend euro)", "VAK VEK", *KREDIETEVOLUTIE]
    shared = [ARTICLE, "Kredietevolutie:", "(duizend euro) VAK VEK", *KREDIETEVOLUTIE]
    after = [ARTICLE, "Kredietevolutie:", "VAK VEK (duizend euro)", *KREDIETEVOLUTIE]
    assert _cells(own_line) == _cells(shared) == _cells(after)
    assert ("Andere bijstellingen", "VEK", "ADJ", "1.500") in _cells(shared)


def test_a_stage_label_on_its_own_line_is_the_label_of_the_numbers_below_it():
    split = [ARTICLE, "(duizend euro) VAK VEK"]
    for line in KREDIETEVOLUTIE:
        label, numbers = line.rsplit(" ", 2)[0], line.rsplit(" ", 2)[1:]
        split += [label, " ".join(numbers)]
    assert _cells(split) == _cells([ARTICLE, "(duizend euro) VAK VEK", *KREDIETEVOLUTIE])


def test_row_labels_above_their_numbers_and_numbers_split_over_lines_are_one_row():
    synthesis = [
        "ISE: WOONZORG, MVG excl. DAB", "1.7. Budgettair kader voor het begrotingsjaar", "(duizend euro)", "VAK VEK",
        "BA 2025 evolutie BO 2026 BA 2025 evolutie BO 2026",
        "ESR-uitgaven (werking en toelagen (WT), lonen (LO), provisies (PR))", "120.400 -3.100 117.300",
        "118.900 -2.950 115.950",
        "Toelagen (interne stromen (IS))", "40 2 42 40 2 42",
        "Overige (leningen (LE), participaties (PA);", "geen ESR-impact)", "0 0 0 0 0 0",
        "Totaal 120.440 -3.098 117.342 118.940 -2.948 115.992",
    ]
    doc = parse_structure(synthesis)
    assert [ise.name for ise in doc.ises] == ["WOONZORG"]
    table = doc.ises[0].table
    assert table is not None and set(table.rows()) == {"ESR", "IS", "OTHER", "TOTAL"}
    assert table.cell("ESR", "VEK", "BO").quantity.display == "115.950"  # type: ignore[union-attr]
    assert table.cell("OTHER", "VAK", "EVOL").quantity.display == "0"  # type: ignore[union-attr]


def test_a_running_header_and_page_number_inside_a_table_are_noise():
    header = "Vlaams Parlement – 13-Z (2025-2026) nr. 1"
    pages = []
    for page in range(3):  # the header recurs on every page, each time beside its page number
        pages += [f"{200 + page}", header, "Tekst van de pagina die doorloopt."]
    broken = [ARTICLE, "(duizend euro) VAK VEK", *KREDIETEVOLUTIE[:3], "", "209", header, "", *KREDIETEVOLUTIE[3:]]
    assert _cells(pages + broken) == _cells(pages + [ARTICLE, "(duizend euro) VAK VEK", *KREDIETEVOLUTIE])


def test_a_row_that_does_not_fit_the_grid_is_reported_with_its_line():
    lines = [
        ARTICLE, "(duizend euro)", "VAK VEK", "BA 2024 BA-JR 2024 BU 2024 BA 2024 BA-JR 2024 BU 2024",
        "Uitgaven 580.966 588.293 552.289 580.966 586.978", "Ontvangsten 1 2 3 4 5 6",
    ]
    doc = parse_structure(lines)
    assert [(u.line, u.what) for u in doc.unread] == [(5, "row")]
    assert "5 getallen" in doc.unread[0].reason and "6 per rij" in doc.unread[0].reason


def test_an_overview_table_takes_its_credit_from_the_caption_and_reads_derived_columns():
    lines = [
        "PROGRAMMA GH – OPGROEIEN",
        "Tabel 1 – Uitvoering per ISE, vastleggingskredieten (duizend euro)",
        "ISE BA 2025 BA – JR 2025 BU 2025 Verschil Uitvoeringsgraad",
        "Kinderopvang 1.237.866 1.263.005 1.220.443 -42.562 96,6%",
        "Jeugdhulp 804.924 800.982 776.769 -24.213 97,0%",
        "Totaal 2.042.790 2.063.987 1.997.212 -66.775 96,8%",
    ]
    table = next(iter(parse_structure(lines).tables() + parse_structure(lines).loose_tables))
    assert table.credits() == ["VAK"]
    assert table.columns() == ["BA", "BA-JR", "BU", "VERSCHIL", "PCT"]
    pct = [c for c in table.cells if c.column == "PCT"]
    assert [c.quantity.unit for c in pct] == ["pct"] * 3 and pct[0].quantity.display == "96,6"


def test_a_heading_less_synthesis_table_becomes_the_ise_of_its_section():
    lines = [
        "1. Beleidsdoelstelling 1", "1.7. Budgettair kader voor het begrotingsjaar", "(duizend euro)", "VAK VEK",
        "BA 2020 Evolutie BO 2021 BA 2020 Evolutie BO 2021", "ESR-uitgaven (WT, LO, PR)", "10 1 11 10 1 11",
        "Totaal 10 1 11 10 1 11", ARTICLE, "(duizend euro) VAK VEK", "BO 2020 10 10", "Index 1 1", "BO 2021 11 11",
    ]
    doc = parse_structure(lines)
    assert [ise.name for ise in doc.ises] == ["Beleidsdoelstelling 1"]
    assert doc.articles[0].ise == doc.ises[0].id
    start = doc.articles[0].table.cell("TOTAL", "VAK", "BA")  # type: ignore[union-attr]
    assert start is not None and start.row_label == "BO 2020" and start.year == 2020  # the first level is the start


def test_credits_named_twice_and_a_header_repeated_after_a_page_break_are_one_header():
    # Word tables repeat their header row on a new page; a caption may name the credits the table names again
    twice = [ARTICLE, "Kredietevolutie:", "(duizend euro) VAK VEK", "VAK VEK", *KREDIETEVOLUTIE[:2], "VAK VEK",
             *KREDIETEVOLUTIE[2:]]
    assert _cells(twice) == _cells([ARTICLE, "Kredietevolutie:", "(duizend euro) VAK VEK", *KREDIETEVOLUTIE])


def test_a_numbered_list_in_an_article_s_text_is_no_new_section():
    lines = [
        "1. ISE ACTIVERING", "1.3. Budgettair kader voor het begrotingsjaar", "(duizend euro)", "VAK VEK",
        "BA 2024 BA-JR 2024 BU 2024 BA 2024 BA-JR 2024 BU 2024", "ESR-uitgaven WT, LO, PR 600 620 610 600 620 600",
        "Totaal 600 620 610 600 620 600", "1.3.1. Departement",
        "AB0-1ABC2AA-WT – EERSTE ARTIKEL", "(duizend euro)", "VAK VEK",
        "BA 2024 BA-JR 2024 BU 2024 BA 2024 BA-JR 2024 BU 2024", "Uitgaven 400 410 405 400 410 400",
        "De middelen dienen voor:", "1. Versterking van de maatwerkbedrijven", "2. Begeleiding van werkzoekenden",
        "AB0-1ABC2AB-WT – TWEEDE ARTIKEL", "(duizend euro)", "VAK VEK",
        "BA 2024 BA-JR 2024 BU 2024 BA 2024 BA-JR 2024 BU 2024", "Uitgaven 200 210 205 200 210 200",
    ]
    doc = parse_structure(lines)
    assert [a.ise for a in doc.articles] == [doc.ises[0].id, doc.ises[0].id]  # both articles stay in the ISE


def test_a_wrapped_line_that_starts_with_an_amount_does_not_end_the_article():
    lines = [ARTICLE, "(duizend euro) VAK VEK", *KREDIETEVOLUTIE, "Inhoudelijke toelichting:",
             "Het krediet dient voor de begeleiding van", "1.250 VTE in maatwerkbedrijven; de index bedraagt 1.046 keuro VAK."]
    doc = parse_structure(lines)
    assert doc.articles[0].end_line == len(lines)
