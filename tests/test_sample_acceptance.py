"""The bundled sample: the known typo, the rounding differences, the Duurzame arbeidsmarkt narrative."""


def test_the_522157_typo_is_an_error_at_line_755_against_the_table_cell_on_line_731(sample_audit):
    errors = [f for f in sample_audit.report.findings if f.severity == "error"]
    assert len(errors) == 1
    typo = errors[0]
    assert typo.rule == "BBT-TXT-001"
    assert typo.location.line == 755 and typo.location.text == "522.157"
    assert [r.line for r in typo.related] == [731]
    assert typo.evidence.expected == "552157" and typo.evidence.found == "522157"
    assert "één cijfer vervangen" in typo.suggestion
    assert "94,1%" in typo.suggestion and "waarschijnlijk is de tekst fout" in typo.suggestion


def test_rounding_differences_are_warnings(sample_audit):
    warnings = {(f.rule, f.location.line, f.evidence.found, f.evidence.expected)
                for f in sample_audit.report.findings if f.severity == "warning"}
    assert ("BBT-TAB-001", 644, "635305", "635306") in warnings
    assert ("BBT-TAB-001", 644, "635441", "635442") in warnings
    assert ("BBT-ROL-002", 128, "668564", "668563") in warnings


def test_duurzame_arbeidsmarkt_vek_movements_that_do_not_add_up_are_reported(sample_audit):
    movement = [f for f in sample_audit.report.findings if f.rule == "BBT-MOV-001"]
    assert len(movement) == 1
    finding = movement[0]
    assert finding.location.line == 1750 and finding.location.end_line == 1756
    assert {r.text for r in finding.related} >= {"2.000", "12.912", "1.315", "38.168", "23.272"}
    assert "1.331" in finding.message


def test_the_clean_copy_has_no_errors(clean_audit):
    assert clean_audit.report.summary.errors == 0
    summary = clean_audit.report.summary
    assert summary.passed == summary.checks - summary.warnings


def test_every_rule_is_exercised_on_the_sample(clean_audit):
    rules = {c.rule for c in clean_audit.report.checks}
    assert rules >= {"BBT-TAB-001", "BBT-ROL-001", "BBT-MOV-001", "BBT-MOV-002", "BBT-TXT-001", "BBT-PCT-001",
                     "BBT-PCT-002", "BBT-BRK-001", "BBT-IND-001", "BBT-IND-002"}


def test_untied_numbers_are_reported_as_info_not_dropped(sample_audit):
    info_lines = {f.location.line for f in sample_audit.report.findings if f.severity == "info"}
    assert 763 in info_lines  # 18.188 keuro on the overlopende rekening: stated, but tied to nothing


def test_document_kind_and_year_are_detected(sample_audit):
    assert sample_audit.report.document.kind == "uitvoering"
    assert sample_audit.report.document.year == 2024
