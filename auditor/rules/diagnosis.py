"""What a failed comparison is explained with: each rule names its diagnoses (`diagnoses:` in its
file), the engine runs them after the verdicts (auditor.rules.engine.explain_verdicts). The
explanations travel with the verdict, in Dutch and English, so the report only chooses the language.

- `typo`: which slip (a digit replaced, two swapped, one dropped …) turns the computed number into
  the printed one;
- `side_evidence`: for a text amount against its table cell, which side other numbers support — a
  percentage quoted beside the amount, or checks the cell passed elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from auditor.claims.models import Claims
from auditor.numbers import format_dutch, round_half_up
from auditor.relations.fact import Fact
from auditor.rules.typo import diagnose, percentage_supports

Note = dict[str, str]  # nl, en
Base = tuple[str | None, str]  # an execution percentage's credit and the id of its numerator's cell


@dataclass(frozen=True)
class Evidence:
    """What a diagnosis may consult besides the fact: the claims, the bases of the execution
    percentages (percentage_bases), and the numbers that passed a check."""

    claims: Claims
    bases: dict[Base, Decimal]
    passed: set[str]


def percentage_bases(facts: Iterable[Fact], bases: dict[Base, Decimal] | None = None) -> dict[Base, Decimal]:
    """`bases` (or a new dict) with the base of every execution percentage among `facts` that is not in
    it yet, by credit and numerator cell: the first such fact's, as facts come in the audit's order.
    What the diagnoses need of those facts, so the facts themselves need not be kept for them."""
    found = {} if bases is None else bases
    for fact in facts:
        if fact.kind == "percentage" and fact.operands and fact.stated:
            found.setdefault((fact.credit, fact.operands[0].quantity.id), fact.operands[1].quantity.value)
    return found


def _typo(fact: Fact, evidence: Evidence) -> list[Note]:
    assert fact.stated is not None
    slip = diagnose(fact.stated.quantity, round_half_up(fact.computed, fact.decimals))
    return [{"nl": "Mogelijke tikfout: " + slip["nl"], "en": "Possible typo: " + slip["en"]}] if slip else []


def _side_evidence(fact: Fact, evidence: Evidence) -> list[Note]:
    """Which side do other numbers support? A percentage quoted beside the text amount, and checks the
    table cell passed, point at the likely slip."""
    assert fact.stated is not None
    text_q, cell_q = fact.stated.quantity, fact.operands[0].quantity
    notes: list[Note] = []
    for pct in evidence.claims.percentages:
        if pct.numerator is None or pct.numerator.id != text_q.id:
            continue
        # the base of the execution percentage computed from the same cell for the same credit
        denominator = evidence.bases.get((fact.credit, fact.operands[0].quantity.id))
        if denominator is None:
            continue
        with_cell = percentage_supports(pct.quantity, cell_q.value, denominator)
        with_text = percentage_supports(pct.quantity, text_q.value, denominator)
        if with_cell and not with_text:
            notes.append({
                "nl": f"Het percentage {pct.quantity.display}% ernaast volgt uit het tabelbedrag {cell_q.display} "
                      f"({cell_q.display} / {format_dutch(denominator)}), niet uit {text_q.display}: waarschijnlijk is de tekst fout.",
                "en": f"The percentage {pct.quantity.display}% beside it follows from the table amount {cell_q.display} "
                      f"({cell_q.display} / {format_dutch(denominator)}), not from {text_q.display}: the text is the likely slip.",
            })
        elif with_text and not with_cell:
            notes.append({
                "nl": f"Het percentage {pct.quantity.display}% ernaast volgt uit het tekstbedrag {text_q.display}: waarschijnlijk is de tabel fout.",
                "en": f"The percentage {pct.quantity.display}% beside it follows from the text amount {text_q.display}: the table is the likely slip.",
            })
    if cell_q.id in evidence.passed:
        notes.append({
            "nl": f"De tabelcel {cell_q.display} klopt met de andere controles (optelling, bewegingen).",
            "en": f"The table cell {cell_q.display} agrees with the other checks (roll-up, movements).",
        })
    return notes


@dataclass(frozen=True)
class Diagnosis:
    explain: Callable[[Fact, Evidence], list[Note]]
    title: Note  # for the catalogue


# the diagnoses a rule file may name (`diagnoses: [typo]`), validated when it loads
DIAGNOSES: dict[str, Diagnosis] = {
    "typo": Diagnosis(_typo, {"nl": "mogelijke tikfout", "en": "possible typo"}),
    "side_evidence": Diagnosis(_side_evidence, {"nl": "welke kant andere getallen steunen",
                                                "en": "which side other numbers support"}),
}
