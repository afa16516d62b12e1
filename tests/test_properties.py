"""Properties: Dutch numbers round-trip; the pipeline never raises on arbitrary text; generated
consistent documents give no error and any single changed number does."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.audit import audit_lines
from auditor.errors import InputError
from auditor.numbers import format_dutch, parse_dutch_number
from tests.conftest import source_of
from tests.synthetic import make_bbt


@given(st.integers(min_value=-10**12, max_value=10**12), st.integers(min_value=0, max_value=3))
def test_dutch_numbers_round_trip(units, decimals):
    value = Decimal(units).scaleb(-decimals)
    assert parse_dutch_number(format_dutch(value, decimals)) == value




@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=80), max_size=40))
def test_the_pipeline_never_raises_on_arbitrary_text(lines):
    try:
        audit_lines(source_of(lines))
    except InputError:
        pass


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "PROGRAMMA XY – TEST", "(duizend euro)", "AO TO LO VAK VEK", "BA 2024 1 0 0 5.000 5.000", "VAK 2024 VEK 2024",
    "2024 BA BA-JR BU BA BA-JR BU", "Totaal 1 2 3 4 5 6", "JB0-1JEC2HA-WT – ARTIKEL", "1. ISE TEST", "Uitgaven 1 2 3 4 5 6",
    "Het krediet bedroeg bij BA 2024 5.000 keuro VAK/VEK.", "verhoogd met 7 keuro", "(oftewel 97,2% realisatiegraad)",
    "- bullet (3 keuro)", "waarvan 1 keuro en 2 keuro", "XI. BIJLAGE ‘ISE-indicatoren’", "INDICATOR x", "MEEST RECENTE METING", "",
]), max_size=60))
def test_the_pipeline_never_raises_on_shuffled_bbt_fragments(lines):
    try:
        audit_lines(source_of(lines))
    except InputError:
        pass


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10_000))
def test_a_generated_consistent_bbt_has_no_errors(seed):
    bbt = make_bbt(seed)
    report = audit_lines(source_of(bbt.lines)).report
    assert report.summary.errors == 0, [f.message for f in report.findings if f.severity == "error"]
    assert report.summary.checks >= 10 * len(bbt.articles)


AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d])")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=10**6))
def test_any_single_changed_amount_in_a_generated_bbt_is_reported_at_its_line(seed, pick):
    bbt = make_bbt(seed)
    clean = audit_lines(source_of(bbt.lines)).report
    verified = {loc.line for c in clean.checks if c.status == "passed" for loc in c.locations}
    candidates = [(n, m) for n, line in enumerate(bbt.lines, start=1) if n in verified for m in AMOUNT.finditer(line)]
    line_no, match = candidates[pick % len(candidates)]
    text = match.group(0)
    changed = text[:-1] + str((int(text[-1]) + 5) % 10)
    lines = list(bbt.lines)
    lines[line_no - 1] = lines[line_no - 1][:match.start()] + changed + lines[line_no - 1][match.end():]
    report = audit_lines(source_of(lines)).report
    hits = [f for f in report.findings if f.severity in ("error", "warning")
            and (f.location.line <= line_no <= f.location.end_line or line_no in {r.line for r in f.related})]
    assert hits, (line_no, text, changed)
