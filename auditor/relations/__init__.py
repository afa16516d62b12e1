"""relations: join structure and claims into facts — one per stated relation, both sides filled in."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from auditor.claims.models import AmountClaim, Claims
from auditor.quantity import Quantity
from auditor.relations.breakdowns import breakdown_facts
from auditor.relations.context import DocumentIndex, text_operand
from auditor.relations.evolution import credit_evolution_facts
from auditor.relations.fact import Fact
from auditor.relations.indicators import indicator_facts
from auditor.relations.movements import movement_facts
from auditor.relations.percentages import execution_facts, gap_facts, ratio_facts
from auditor.relations.queries import Binding, bound_facts
from auditor.relations.restatements import restatements_by_claim
from auditor.structure.models import BBTDocument


def _guessed_ise_numbers(doc: BBTDocument) -> set[str]:
    """The numbers of every ISE table that was taken for the ISE's whole among its part tables by size
    alone: every check such a number is in is a guess."""
    return {c.quantity.id for ise in doc.ises if ise.subtables and ise.table for c in ise.table.cells}


def _doubt_guessed_ise_tables(guessed: set[str], facts: list[Fact]) -> None:
    for fact in facts:
        if guessed and "ise_subtables" not in fact.doubts and any(q.id in guessed for q in fact.quantities()):
            fact.doubts.append("ise_subtables")


def claimed_quantities(claims: Claims) -> list[Quantity]:
    """Every number a claim of the text reads, whatever the claim says of it."""
    found: list[Quantity] = [c.quantity for c in claims.amounts] + [c.quantity for c in claims.movements]
    for pct in claims.percentages:
        found += [pct.quantity] + ([pct.numerator] if pct.numerator else [])
    found += [q for r in claims.ratios for q in (r.quantity, r.numerator, r.denominator)]
    found += [q for b in claims.breakdowns for q in ([b.parent] if b.parent else []) + b.parts]
    found += [c.quantity for c in claims.indicators]
    found += [q for g in claims.gaps for q in (g.quantity, g.first, g.second)]
    return found


def _claimed_but_unbound(claims: Claims, bound: set[str]) -> list[Quantity]:
    """A number the text's claims read that no fact took up (a percentage or a movement in a section with
    no table, a growth percentage whose table has no BA …): not checkable, and said so — silence must
    mean checked."""
    return [q for q in claimed_quantities(claims) if q.id not in bound]


def build_facts(doc: BBTDocument, claims: Claims, bindings: Sequence[tuple[str, str, Binding]] = ()) -> list[Fact]:
    """Every stated relation as a fact: the built-in joins, then those of the rules that state their own
    binding (rule id, title, binding); what no relation ties is a fact of kind "untied"."""
    return [fact for group in fact_groups(doc, claims, bindings) for fact in group]


def fact_groups(doc: BBTDocument, claims: Claims,
                bindings: Sequence[tuple[str, str, Binding]] = ()) -> Iterator[list[Fact]]:
    """The facts of `build_facts`, in its order, one relation family at a time, each complete when it is
    given: a caller that judges and reports a family before asking for the next never holds every fact
    of a large BBT at once."""
    index = DocumentIndex(doc)
    guessed = _guessed_ise_numbers(doc)
    bound: set[str] = set()  # the numbers a fact took up

    def given(facts: list[Fact], *, depends_on_whole: bool = True) -> list[Fact]:
        if depends_on_whole:
            _doubt_guessed_ise_tables(guessed, facts)
        bound.update(q.id for fact in facts for q in fact.quantities())
        return facts

    # a family given is not kept here (del): the caller decides how long it lives
    yield given(credit_evolution_facts(index, claims))
    moved, unchecked_movements = movement_facts(index, claims)
    yield given(moved)
    del moved
    untied_levels: list[AmountClaim] = []
    yield from (given(found) for found in restatements_by_claim(index, claims, untied_levels))
    yield given(execution_facts(index, claims))
    yield given(ratio_facts(index, claims))
    yield given(gap_facts(index, claims))
    yield given(breakdown_facts(index, claims))
    indicators, unmatched = indicator_facts(index, claims)
    yield given(indicators)
    del indicators
    yield given(bound_facts(index, claims, bindings, depends_on_whole=True))
    yield given(bound_facts(index, claims, bindings, depends_on_whole=False), depends_on_whole=False)
    untied = ([c.quantity for c in untied_levels] + [c.quantity for c in unmatched] + list(claims.untied)
              + unchecked_movements + _claimed_but_unbound(claims, bound))
    yield _untied_facts(doc, index, untied)


def _untied_facts(doc: BBTDocument, index: DocumentIndex, untied: list[Quantity]) -> list[Fact]:
    facts: list[Fact] = []
    seen: set[str] = set()
    for quantity in sorted(untied, key=lambda q: (q.source.line, q.source.column)):
        if quantity.id in seen:
            continue
        seen.add(quantity.id)
        scope = next((s for s in doc.scopes if s.start <= quantity.source.line <= s.end), None)
        group = index.table_of(scope.id)[1] if scope else ""
        facts.append(Fact(
            kind="untied", key=f"untied|{quantity.id}", group=group, subject="bedrag of percentage zonder verband",
            stated=text_operand(quantity), operands=[], location=quantity.source.with_role("tekst"),
            stated_value=quantity.value, stated_lo=quantity.lo, stated_hi=quantity.hi, unit=quantity.unit,
            decimals=quantity.decimals, checkable=False, formula="",
        ))
    return facts
