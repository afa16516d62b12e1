"""Metamorphic tests: the same content laid out differently must give the same findings.

Each test takes a document (the two fixtures with and without their planted errors, a generated
uitvoering BBT and a generated begroting BBT), applies one layout transform of
tests/metamorphic/transforms.py that keeps what the document states, audits both and requires:

1. the same multiset of findings, compared by a key that does not depend on line numbers:
   (rule, severity, the finding's location text — its stated value —, its group), with codes and years
   in the original's key mapped through the same renaming the transform applied;
2. a number of checks within ±CHECKS_TOLERANCE of the original's;
3. no error finding that the original does not have.

Findings on a line the transform inserted (an unrelated sentence) are not part of the original's
content; they may only be notes (severity info) and are left out of the comparison.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from auditor.audit import Audit, audit_lines
from auditor.ingest import read_document
from auditor.report.models import Finding
from tests.conftest import BEGROTING, BEGROTING_CLEAN, CLEAN, SAMPLE, fixture_script, source_of
from tests.metamorphic import transforms as T
from tests.synthetic import make_bbt

CHECKS_TOLERANCE = 0.02  # the transformed document may pass or fail up to 2% more or fewer checks
EXAMPLES = 3  # hypothesis examples per (transform, document): small, the audits dominate the run time
SYNTHETIC_SEED = 3  # make_bbt(3): an uitvoering BBT of four articles, 184 lines
RESCALE_FACTOR = 7
PAGE_LENGTHS = st.integers(min_value=30, max_value=50)
SEEDS = st.integers(min_value=0, max_value=2**16)
EVERY_NTH_PARAGRAPH = st.integers(min_value=2, max_value=5)

RANDOM_LAYOUT = settings(
    max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a seed has no smaller, clearer form
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


# ---------------------------------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------------------------------

def _generated_begroting() -> list[str]:
    """A begroting BBT of fixtures/make_begroting.py for a model of our own: another entity (GB0), a
    falling VEK, an article with only Andere bijstellingen, one without Index. Consistent by construction."""
    make_begroting = fixture_script("make_begroting")
    article = make_begroting.Article
    model = {
        "WATERBELEID": [
            article("GB0-1GBA2AA-WT", "WATERZUIVERING", (41_200, 39_950), (824, 799), None, (-1_500, 250)),
            article("GB0-1GBA2AB-LO", "PERSONEEL WATERBELEID", (12_030, 12_030), (361, 361), (-400, -400), None),
        ],
        "KLIMAAT": [
            article("GB0-1GBB2BA-IS", "DOTATIE AAN HET KLIMAATFONDS", (9_500, 9_500), None, (400, 400), (1_250, -300)),
            article("GB0-1GBB5BB-PA", "PARTICIPATIES IN KLIMAATFONDSEN", (2_000, 2_000), None, None, (0, -1_000)),
        ],
    }
    return make_begroting.build(model, {"ba": (830, 0, 0), "bo": (910, 0, 0)}).lines


@dataclass(frozen=True)
class Document:
    name: str
    load: Callable[[], list[str]]
    header: str  # the running header a PDF of it prints on every page
    kind: str


DOCUMENTS = [
    Document("sample", lambda: read_document(SAMPLE).lines, "Beleids- en begrotingstoelichting Sociale Economie", "uitvoering"),
    Document("sample-clean", lambda: read_document(CLEAN).lines, "Beleids- en begrotingstoelichting Sociale Economie", "uitvoering"),
    Document("begroting", lambda: read_document(BEGROTING).lines, "Beleids- en begrotingstoelichting Natuur en Bos", "begroting"),
    Document("begroting-clean", lambda: read_document(BEGROTING_CLEAN).lines, "Beleids- en begrotingstoelichting Natuur en Bos", "begroting"),
    Document("synthetic-uitvoering", lambda: make_bbt(SYNTHETIC_SEED).lines, "Beleids- en begrotingstoelichting Synthetisch", "uitvoering"),
    Document("generated-begroting", _generated_begroting, "Beleids- en begrotingstoelichting Water en Klimaat", "begroting"),
]
BY_NAME = {d.name: d for d in DOCUMENTS}
ALL = [d.name for d in DOCUMENTS]
GENERATED = ["synthetic-uitvoering", "generated-begroting"]


@dataclass
class Original:
    lines: list[str]
    audit: Audit


_ORIGINALS: dict[str, Original] = {}


def original(name: str) -> Original:
    """The document's lines and their audit, computed once per session."""
    if name not in _ORIGINALS:
        lines = BY_NAME[name].load()
        _ORIGINALS[name] = Original(lines, audit_lines(source_of(lines, path=f"{name}.txt")))
    return _ORIGINALS[name]


# ---------------------------------------------------------------------------------------------------
# Comparison
# ---------------------------------------------------------------------------------------------------

Key = tuple[str, str, str, str]
KeyMap = Callable[[str], str]


def _identity(text: str) -> str:
    return text


def finding_key(finding: Finding, key_map: KeyMap = _identity) -> Key:
    """What a finding says, independent of the line it is on: rule, severity, the stated value it is
    located at, and its group (article code, ISE or scope), texts mapped through `key_map`."""
    return (finding.rule, finding.severity, key_map(finding.location.text), key_map(finding.group))


@dataclass
class Comparison:
    document: str
    checks_before: int
    checks_after: int
    lost: Counter[Key]
    gained: Counter[Key]
    new_errors: list[Key]
    from_inserted_lines: list[Finding] = field(default_factory=list)

    @property
    def checks_within_tolerance(self) -> bool:
        return abs(self.checks_after - self.checks_before) <= CHECKS_TOLERANCE * self.checks_before

    def describe(self) -> str:
        lost = "; ".join(f"{n}× {k}" for k, n in sorted(self.lost.items()))
        gained = "; ".join(f"{n}× {k}" for k, n in sorted(self.gained.items()))
        return (f"{self.document}: checks {self.checks_before} → {self.checks_after}; "
                f"{sum(self.lost.values())} findings lost [{lost}]; {sum(self.gained.values())} gained [{gained}]; "
                f"new errors {self.new_errors}")


def compare(name: str, transformed: list[str], key_map: KeyMap = _identity, inserted: frozenset[str] = frozenset()
            ) -> tuple[Comparison, Audit]:
    before = original(name)
    after = audit_lines(source_of(transformed, path=f"{name}.transformed.txt"))
    on_inserted = [f for f in after.report.findings if transformed[f.location.line - 1].strip() in inserted]
    kept = [f for f in after.report.findings if f not in on_inserted]
    expected = Counter(finding_key(f, key_map) for f in before.audit.report.findings)
    found = Counter(finding_key(f) for f in kept)
    errors_before = {k for k in expected if k[1] == "error"}
    comparison = Comparison(
        document=name,
        checks_before=before.audit.report.summary.checks,
        checks_after=after.report.summary.checks,
        lost=expected - found,
        gained=found - expected,
        new_errors=sorted({k for k in found if k[1] == "error"} - errors_before),
        from_inserted_lines=on_inserted,
    )
    return comparison, after


def assert_same_findings(name: str, transformed: list[str], key_map: KeyMap = _identity,
                         inserted: frozenset[str] = frozenset(), must_change: bool = True) -> Audit:
    """The three requirements of the module docstring; `must_change`: the transform must have changed
    the document (else the test would test nothing)."""
    assert transformed != original(name).lines or not must_change, f"the transform does not apply to {name}"
    comparison, after = compare(name, transformed, key_map, inserted)
    message = comparison.describe()
    assert not comparison.new_errors, message
    assert not comparison.lost and not comparison.gained, message
    assert comparison.checks_within_tolerance, message
    assert all(f.severity == "info" for f in comparison.from_inserted_lines), (
        message, [(f.rule, f.severity, f.location.text) for f in comparison.from_inserted_lines])
    return after


# ---------------------------------------------------------------------------------------------------
# Re-wrapping and whitespace
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL)
@RANDOM_LAYOUT
@given(seed=SEEDS)
def test_rewrapping_prose_lines_keeps_the_findings(name: str, seed: int) -> None:
    assert_same_findings(name, T.rewrap_prose(original(name).lines, seed=seed))


@pytest.mark.parametrize("name", ALL)
def test_rewrapping_leaves_every_table_line_as_it_was(name: str) -> None:
    lines = original(name).lines
    table = Counter(lines[n].strip() for n in T.table_lines(lines) if lines[n].strip())
    rewrapped = Counter(line.strip() for line in T.rewrap_prose(lines, seed=0, share=1.0))
    assert table - rewrapped == Counter()


@pytest.mark.parametrize("name", ALL)
def test_dropping_every_blank_line_keeps_the_findings(name: str) -> None:
    assert_same_findings(name, T.drop_blank_lines(original(name).lines))


@pytest.mark.parametrize("name", ALL)
@RANDOM_LAYOUT
@given(seed=SEEDS)
def test_adding_blank_lines_keeps_the_findings(name: str, seed: int) -> None:
    assert_same_findings(name, T.add_blank_lines(original(name).lines, seed=seed))


# ---------------------------------------------------------------------------------------------------
# Tables and pages
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL)
def test_the_unit_on_the_credit_line_keeps_the_findings(name: str) -> None:
    assert_same_findings(name, T.unit_onto_credit_line(original(name).lines))


@pytest.mark.parametrize("name", ALL)
def test_the_unit_on_the_credit_line_and_back_keeps_the_findings(name: str) -> None:
    """Round trip: where the unit and the credits were already one blank line apart (the begroting
    layout) it gives the original lines back; the test then checks that nothing was lost on the way."""
    lines = original(name).lines
    there = T.unit_onto_credit_line(lines)
    assert there != lines
    assert_same_findings(name, T.unit_off_credit_line(there), must_change=False)


@pytest.mark.parametrize("name", ALL)
@RANDOM_LAYOUT
@given(page_length=PAGE_LENGTHS)
def test_page_numbers_and_running_headers_keep_the_findings(name: str, page_length: int) -> None:
    lines = T.add_page_breaks(original(name).lines, header=BY_NAME[name].header, page_length=page_length)
    assert_same_findings(name, lines)


# ---------------------------------------------------------------------------------------------------
# Unrelated content
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL)
@RANDOM_LAYOUT
@given(every=EVERY_NTH_PARAGRAPH, offset=st.integers(min_value=0, max_value=1))
def test_unrelated_sentences_with_numbers_keep_the_findings(name: str, every: int, offset: int) -> None:
    lines = T.insert_unrelated_sentences(original(name).lines, every=every, offset=offset)
    assert_same_findings(name, lines, inserted=frozenset(T.UNRELATED_SENTENCES))


# ---------------------------------------------------------------------------------------------------
# Order
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL)
@RANDOM_LAYOUT
@given(seed=SEEDS)
def test_articles_in_another_order_within_their_ise_keep_the_findings(name: str, seed: int) -> None:
    assert_same_findings(name, T.reorder_articles(original(name).lines, seed=seed))


# The sample's two ISEs both carry numbered footnotes (3–8 and 9–11), so they cannot change places
# without renumbering them; the synthetic uitvoering BBT has one ISE.
ISE_REORDERABLE = ["begroting", "begroting-clean", "generated-begroting"]


@pytest.mark.parametrize("name", ISE_REORDERABLE)
def test_ises_in_another_order_keep_the_findings(name: str) -> None:
    lines = original(name).lines
    renumbering = T.ise_renumbering(lines)
    assert_same_findings(name, T.reorder_ises(lines), key_map=partial(T.renumber_heading, renumbering=renumbering))


def test_the_sample_ises_are_not_reordered_because_both_carry_footnotes() -> None:
    assert T.ise_renumbering(original("sample").lines) == {}
    assert T.reorder_ises(original("sample").lines) == original("sample").lines


# ---------------------------------------------------------------------------------------------------
# Consistent renaming
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL)
def test_renamed_article_codes_keep_the_findings(name: str) -> None:
    assert_same_findings(name, T.rename_article_codes(original(name).lines), key_map=T.rename_codes_in)


@pytest.mark.parametrize("name", ALL)
def test_every_year_two_later_keeps_the_findings(name: str) -> None:
    after = assert_same_findings(name, T.shift_years(original(name).lines), key_map=T.shift_years_in)
    before = original(name).audit.report.document
    assert (after.report.document.kind, after.report.document.year) == (before.kind, before.year + T.YEAR_SHIFT)


@pytest.mark.parametrize("name", ["synthetic-uitvoering"])
def test_every_amount_times_a_constant_keeps_the_findings(name: str) -> None:
    """Only the synthetic uitvoering BBT: see `transforms.rescale_amounts` for why not the others."""
    assert_same_findings(name, T.rescale_amounts(original(name).lines, factor=RESCALE_FACTOR),
                         key_map=partial(T.rescale_amounts_in, factor=RESCALE_FACTOR))


# ---------------------------------------------------------------------------------------------------
# Phrasing
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ALL)
def test_movement_verbs_swapped_for_synonyms_keep_the_findings(name: str) -> None:
    assert_same_findings(name, T.swap_movement_verbs(original(name).lines))


# ---------------------------------------------------------------------------------------------------
# The documents themselves
# ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", GENERATED)
def test_the_generated_documents_are_consistent(name: str) -> None:
    report = original(name).audit.report
    assert (report.document.kind, report.summary.errors, report.summary.warnings) == (BY_NAME[name].kind, 0, 0)
