"""Relation 7a: an indicator value quoted in the body equals the annex (bijlage ISE-indicatoren).

A body percentage is matched to the annex indicator of the same ISE and year whose name (or bullet
label) shares the most distinctive words with the clause around the number."""

from __future__ import annotations

import re

from auditor.claims.models import Claims, IndicatorClaim
from auditor.relations.context import DocumentIndex, text_operand
from auditor.relations.fact import Fact
from auditor.structure.models import Indicator
from auditor.vocabulary import normalise_name

WORD = re.compile(r"[a-zà-ÿ]{5,}")
STOP = {"hadden", "tussen", "binnen", "worden", "werden", "onder", "bedrijven"}


def _stems(text: str) -> set[str]:
    return {w[:7] for w in WORD.findall(text.lower()) if w not in STOP}


def indicator_facts(index: DocumentIndex, claims: Claims) -> tuple[list[Fact], list[IndicatorClaim]]:
    facts: list[Fact] = []
    unmatched: list[IndicatorClaim] = []
    matched = [(claim, _match(index, claim)) for claim in claims.indicators]
    # two different percentages of one passage matched to one indicator by their words: which one is the
    # indicator ("47,3% … in vergelijking met … 76,8%") is a guess
    rivals: dict[tuple[str, int], set[object]] = {}
    for claim, indicator in matched:
        if indicator is not None:
            rivals.setdefault((claim.scope, id(indicator)), set()).add(claim.quantity.value)
    for claim, indicator in matched:
        if indicator is None:
            unmatched.append(claim)
            continue
        doubts = ["indicator_guessed"] if len(rivals[(claim.scope, id(indicator))]) > 1 else []
        annex = indicator.value
        facts.append(index.comparison(
            kind="indicator", key=f"indicator|{claim.quantity.id}", group=f"ISE {indicator.ise_name}",
            subject=f"indicator '{indicator.label}' {indicator.year}: tekst = bijlage",
            stated=text_operand(claim.quantity, "tekst"), operands=[text_operand(annex, "bijlage ISE-indicatoren")],
            computed=(annex.value, annex.lo, annex.hi), unit="pct",
            formula=f"tekst {claim.quantity.display}% = bijlage {annex.display}% ({indicator.label}, {indicator.year})",
            doubts=doubts,
        ))
    return facts, unmatched


def _match(index: DocumentIndex, claim: IndicatorClaim) -> Indicator | None:
    ise = index.doc.ise(claim.ise)
    if ise is None:
        return None
    candidates = [
        i for i in index.doc.indicators
        if normalise_name(i.ise_name) == normalise_name(ise.name) and i.year == claim.year
    ]
    context = _stems(claim.context_before) | _stems(claim.context_after)
    scored = sorted(((len(_stems(i.label) & context), n, i) for n, i in enumerate(candidates)), key=lambda t: (-t[0], t[1]))
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][2]
