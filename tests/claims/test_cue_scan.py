"""The cue scanner finds what a scan of the whole text finds, at the cost of the end of each text only
(auditor/claims/cue_scan.py): every pattern it relies on is held to the span its reuse assumes, and its
answers are compared with the whole scan on generated sentences asked about the way the reader asks."""

from __future__ import annotations

import itertools
import math
import re
from re import _constants as C  # noqa: N812 - the regex parser's own names (the patterns are data)
from re import _parser as sre  # the parser `re` itself uses: what a pattern can match, read off its form

import pytest
from hypothesis import given, settings, strategies as st

from auditor.claims import cues
from auditor.claims.cue_scan import (BLANKED, BOUNDED_PATTERNS, LEVEL_PATTERNS, MOVEMENT_PATTERNS, ClauseAfter, CueScanner,
                                     PrefixSearch)
from tests.conftest import ROOT

WHITESPACE = [chr(c) for c in range(0x3001) if re.match(r"\s", chr(c))]
NOT_WHITESPACE = [chr(c) for c in range(0x20, 0x3001) if not re.match(r"\s", chr(c))]
CATEGORY = {C.CATEGORY_SPACE: r"\s", C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w",
            C.CATEGORY_NOT_WORD: r"\W", C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D"}
ONE_CHARACTER = (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN)


def _matches(op, av, char: str) -> bool:
    if op is C.LITERAL:
        return ord(char) == av
    if op is C.NOT_LITERAL:
        return ord(char) != av
    if op is C.ANY:
        return char != "\n"
    hit, negated = False, False
    for item, arg in av:
        if item is C.NEGATE:
            negated = True
        elif item is C.LITERAL:
            hit |= ord(char) == arg
        elif item is C.RANGE:
            hit |= arg[0] <= ord(char) <= arg[1]
        elif item is C.CATEGORY:
            hit |= re.match(CATEGORY[arg], char) is not None
        else:
            raise AssertionError(f"a character class item this test does not know: {item}")
    return hit != negated


def _kind(op, av) -> str:
    """What one character of the pattern may be: never whitespace, only whitespace, or either."""
    space = any(_matches(op, av, c) for c in WHITESPACE)
    other = any(_matches(op, av, c) for c in NOT_WHITESPACE)
    return "mixed" if space and other else "space" if space else "never"


def runs_crossed(parsed) -> float:
    """The most runs of whitespace one match attempt can look across (inf: no bound)."""
    total = 0.0
    for op, av in parsed:
        if op in ONE_CHARACTER:
            total += _kind(op, av) != "never"
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, high, body = av
            if len(body) == 1 and body[0][0] in ONE_CHARACTER:
                kind = _kind(*body[0])
                # a repeat of whitespace alone stays in one run; a repeat of either crosses one per turn
                total += 0 if kind == "never" else 1 if kind == "space" else (math.inf if high == C.MAXREPEAT else high)
            else:
                inner = runs_crossed(body)
                total += 0 if inner == 0 else (math.inf if high == C.MAXREPEAT else high * inner)
        elif op is C.SUBPATTERN:
            total += runs_crossed(av[3])
        elif op is C.ATOMIC_GROUP:
            total += runs_crossed(av)
        elif op is C.BRANCH:
            total += max(runs_crossed(branch) for branch in av[1])
        elif op in (C.ASSERT, C.ASSERT_NOT):
            # a lookahead looks ahead; a lookbehind looks back, but a lookahead inside it looks ahead again
            # from where it stands: counted as if it all looked ahead (more than it can, never less)
            total += runs_crossed(av[1])
        elif op is C.AT:
            pass  # \b, ^, $: the one character they inspect is the margin of GUARD_RUNS
        else:
            raise AssertionError(f"a regex construct this test does not know: {op}")
    return total


def _crossed(pattern: str) -> float:
    return runs_crossed(sre.parse(pattern))


def test_the_bound_is_read_off_a_pattern_as_the_scanner_needs_it():
    assert _crossed(r"stijgt\s+(?:\w+\s+){0,4}met") == 5
    assert _crossed(r"beschikba\w*|jaarbudget") == 0
    assert _crossed(r"\bba\b(?!\s*[-–]\s*jr)") == 2
    assert _crossed(r"(?<!na\s)\buitvoering\b") <= 1
    assert _crossed(r"a(?<=a(?=(?:\s+\w+){30}\s+z))") >= 31  # a lookahead inside a lookbehind looks ahead
    assert _crossed(r"steeg.*met") == math.inf
    assert _crossed(r"(?:\s+\w+)*met") == math.inf


@pytest.mark.parametrize("pattern", BOUNDED_PATTERNS, ids=lambda p: p.pattern[:40])
def test_every_pattern_the_scanner_reuses_looks_across_a_bounded_number_of_runs(pattern: re.Pattern[str]):
    parsed = sre.parse(pattern.pattern, pattern.flags)
    assert runs_crossed(parsed) <= cues.CUE_SPAN_RUNS_MAX, (
        f"{pattern.pattern!r} may look across more runs of whitespace than CUE_SPAN_RUNS_MAX: raise the bound "
        "(auditor/claims/cues.py) or write the pattern with a bounded repeat")
    assert parsed.getwidth()[0] > 0  # no empty match: a scan resumed at a position finds what it would


def whole_scan(text: str) -> tuple[list, list]:
    """What the claim reader scanned before the scanner existed: every pattern over the whole text."""
    cleaned = BLANKED.sub(lambda m: " " * len(m.group(0)), text) if "van" in text else text
    levels = [(kind, m.start(), m.end()) for kind, pattern in LEVEL_PATTERNS for m in pattern.finditer(cleaned)]
    movements = [(kind, m.start(), m.end()) for kind, pattern in MOVEMENT_PATTERNS for m in pattern.finditer(cleaned)]
    return levels, movements


FRAGMENTS = [
    "het krediet steeg met", "daalde in 2024 met", "werd verhoogd met", "een compensatie van", "herverdelingen",
    "van het beschikbare krediet", "van de decretale vak-kredieten", "het jaarbudget", "ba", "ba-jr", "ba - jr",
    "2e ba", "bo 2025", "uitvoering", "begrotingsuitvoering", "uitvoering van de herverdelingen", "na", "netto",
    "in totaal", "per saldo", "1.234 keuro", "56,7%", "voor", "lokale", "projecten", "en", ",", ";", ".", "-", "–",
    "nam in 2024 toe met", "stijgt", "met", "besparingen van", "t.o.v.", "beschikbaarheid", "x" * 40,
    "ten opzichte van", "vergeleken met", "tegenover de ba", "tegenover vorig jaar", ", maar", ", omdat", ". ",
    "a.", "ten", "tegenover",
]
SEPARATORS = [" ", "  ", "\u00a0", " \t ", ""]


@st.composite
def sentences(draw) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), min_size=1, max_size=120))
    return "".join(fragment + separator for fragment, separator in parts)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(sentence=sentences(), cuts=st.lists(st.floats(0, 1), min_size=1, max_size=30),
       others=st.lists(sentences(), max_size=3), shuffle=st.randoms(use_true_random=False))
def test_the_scanner_finds_what_a_whole_scan_finds(sentence: str, cuts: list[float], others: list[str], shuffle):
    """Prefixes in order, as the reader asks before each amount, then some shorter again, with other
    texts (the clauses between amounts) in between."""
    prefixes = [sentence[: int(len(sentence) * cut)] for cut in sorted(cuts)]
    asked = prefixes + others
    shuffle.shuffle(asked[len(prefixes) // 2:])  # the second half out of order
    scanner = CueScanner()
    for text in asked:
        assert scanner.scan(text) == whole_scan(text), text


@settings(max_examples=150, deadline=None, derandomize=True)
@given(sentence=sentences(), ends=st.lists(st.floats(0, 1), min_size=1, max_size=30))
def test_a_prefix_search_answers_as_a_search_of_the_prefix(sentence: str, ends: list[float]):
    search = PrefixSearch(cues.NET, sentence)
    for fraction in ends:
        end = int(len(sentence) * fraction)
        assert search.before(end) == (cues.NET.search(sentence[:end]) is not None)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(sentence=sentences(), positions=st.lists(st.floats(0, 1), min_size=1, max_size=30))
def test_what_follows_in_the_clause_is_what_a_search_of_the_clause_finds(sentence: str, positions: list[float]):
    from auditor.claims.extract import _next_stop

    clauses = ClauseAfter(cues.CLAUSE_STOP, cues.NET_AFTER, sentence)
    for fraction in positions:
        after = sentence[int(len(sentence) * fraction):]
        assert clauses.names(len(sentence) - len(after)) == (cues.NET_AFTER.search(after[: _next_stop(after)]) is not None)


@pytest.mark.parametrize("pattern", [cues.CLAUSE_STOP, cues.NET_AFTER], ids=["CLAUSE_STOP", "NET_AFTER"])
def test_the_clause_patterns_have_no_overlapping_matches(pattern: re.Pattern[str]):
    """What ClauseAfter relies on, tried on every text of a few words of the vocabulary: a match found
    from any position is one that a scan from the start finds too."""
    words = ["ten", "opzichte", "van", "t.o.v.", "vergeleken", "met", "tegenover", "de", "ba", "vorig", ";", ".", ",",
             "maar", "om", "omdat", " ", "  "]
    for text in (" ".join(combo) for combo in itertools.product(words, repeat=3)):
        listed = {m.start() for m in pattern.finditer(text)}
        for position in range(len(text)):
            found = pattern.search(text, position)
            assert found is None or found.start() in listed, (text, position)


def _movements(amounts: int) -> str:
    return ", ".join(f"het krediet steeg met {1 + k % 900}.{k % 1000:03d} keuro voor lokale projecten"
                     for k in range(amounts))


def test_the_cost_of_a_sentence_grows_with_its_length_not_its_square():
    """A sentence of hundreds of movements is asked about before each amount: the characters scanned
    grow with the sentence (each prefix's end again), where scanning each prefix whole grew with the
    square (400 amounts: 23 million characters)."""
    scanned = {}
    for amounts in (200, 400):
        sentence = _movements(amounts)
        scanner = CueScanner()
        for match in re.finditer(r"(?<![\d.])\d", sentence):  # before each amount
            scanner.scan(sentence[: match.start()])
        scanned[amounts] = scanner.scanned
        assert scanner.scanned < 20 * len(sentence)
    assert scanned[400] < 2.5 * scanned[200]


def _sample_with_movement_sentences() -> list[str]:
    from tests.hardening.cases import movement_sentences

    return movement_sentences(120, 2).split("\n")


FIXTURE_TEXTS = sorted((ROOT / "fixtures").glob("*.txt"))


@pytest.mark.parametrize("lines", [pytest.param(lambda p=p: p.read_text(encoding="utf-8").split("\n"), id=p.name)
                                   for p in FIXTURE_TEXTS]
                         + [pytest.param(_sample_with_movement_sentences, id="sentences-of-120-movements")])
def test_the_reader_reads_the_same_claims_whichever_texts_it_scans_by_reuse(lines, monkeypatch):
    """Texts of any length through the scanner's reuse, or none: the same claims of every fixture."""
    from auditor.claims import extract
    from auditor.structure import parse_structure

    text = lines()
    document = parse_structure(text, "bbt.txt")
    monkeypatch.setattr(extract, "CUE_SCAN_REUSE_MIN", 0)
    reused = extract.extract_claims(document, text)
    monkeypatch.setattr(extract, "CUE_SCAN_REUSE_MIN", 10**9)
    assert extract.extract_claims(document, text) == reused


def _closest_pair_by_pair(found, first):
    """The choice as it was first written: every cue inside a longer one dropped, then the min or max."""
    if not found:
        return None
    if len(found) > 1:
        found = [c for c in found if not any(o is not c and o[1] <= c[1] and c[2] <= o[2] and (o[2] - o[1]) > (c[2] - c[1])
                                             for o in found)]
    return min(found, key=lambda c: c[1]) if first else max(found, key=lambda c: (c[2], c[2] - c[1]))


@settings(max_examples=500, derandomize=True)
@given(spans=st.lists(st.tuples(st.sampled_from(["BA", "UP", "DOWN"]), st.integers(0, 30), st.integers(1, 8)), max_size=12),
       first=st.booleans())
def test_the_closest_cue_is_the_one_comparing_every_pair_gives(spans, first):
    from auditor.claims.extract import closest_cue

    found = [(kind, start, start + length) for kind, start, length in spans]
    assert closest_cue(found, first) == _closest_pair_by_pair(found, first)
