"""relations: join structure and claims into facts — one per stated relation, both sides filled in."""

from __future__ import annotations

from collections.abc import Sequence

from auditor.claims.models import Claims
from auditor.quantity import Quantity
from auditor.relations.breakdowns import breakdown_facts
from auditor.relations.context import DocumentIndex, text_operand
from auditor.relations.evolution import credit_evolution_facts
from auditor.relations.fact import Fact
from auditor.relations.indicators import indicator_facts
from auditor.relations.movements import movement_facts
from auditor.relations.percentages import execution_facts, gap_facts, ratio_facts
from auditor.relations.queries import Binding, bound_facts
from auditor.relations.restatements import restatement_facts
from auditor.structure.models import BBTDocument


def _doubt_guessed_ise_tables(doc: BBTDocument, facts: list[Fact]) -> None:
    """A number of an ISE table that was taken for the ISE's whole among its part tables by size alone
    makes every check it is in a guess."""
    guessed = {c.quantity.id for ise in doc.ises if ise.subtables and ise.table for c in ise.table.cells}
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


def _claimed_but_unbound(claims: Claims, facts: list[Fact]) -> list[Quantity]:
    """A number the text's claims read that no fact took up (a percentage or a movement in a section with
    no table, a growth percentage whose table has no BA …): not checkable, and said so — silence must
    mean checked."""
    bound = {q.id for fact in facts for q in fact.quantities()}
    return [q for q in claimed_quantities(claims) if q.id not in bound]


def build_facts(doc: BBTDocument, claims: Claims, bindings: Sequence[tuple[str, str, Binding]] = ()) -> list[Fact]:
    """Every stated relation as a fact: the built-in joins, then those of the rules that state their own
    binding (rule id, title, binding); what no relation ties is a fact of kind "untied"."""
    index = DocumentIndex(doc)
    facts: list[Fact] = []
    facts += credit_evolution_facts(index, claims)
    moved, unchecked_movements = movement_facts(index, claims)
    facts += moved
    restated, untied_levels = restatement_facts(index, claims)
    facts += restated
    facts += execution_facts(index, claims)
    facts += ratio_facts(index, claims)
    facts += gap_facts(index, claims)
    facts += breakdown_facts(index, claims)
    indicators, unmatched = indicator_facts(index, claims)
    facts += indicators
    facts += bound_facts(index, claims, bindings, depends_on_whole=True)
    _doubt_guessed_ise_tables(doc, facts)
    facts += bound_facts(index, claims, bindings, depends_on_whole=False)
    untied = ([c.quantity for c in untied_levels] + [c.quantity for c in unmatched] + list(claims.untied)
              + unchecked_movements + _claimed_but_unbound(claims, facts))
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
