"""The answer key of a generated document and the scoring of an audit against it.

What must hold:
- `DocumentKey.relations` lists every relation the document states, each with the printed numbers involved
  (text, line, column); on the clean document every relation holds (exactly when all its numbers are whole
  keuro, within rounding intervals otherwise), and on a mutated document at least one relation that involves
  the planted number fails (`check_key` asserts both);
- `PlantedErrorKey.line` is the line of the planted number; `lines` are all lines whose numbers differ from the
  clean document (more than one only when a planted error is an internally consistent change of an aggregate);
- a planted error counts as *found* when a finding of severity error, warning or review (a failed check whose
  binding is a guess, shown to the reader apart, with what is uncertain), absent from the clean document's
  report, has its location line or a related line among `lines`; one found only by an info finding (could not
  be checked) counts as *lower*; otherwise *missed*;
- a relation is *covered* when one check's locations include the lines of all its numbers (`covered_precise`
  also requires the columns, ±1 character).
Everything is a pydantic model, so a key serialises with `.model_dump_json()`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from types import ModuleType
from typing import Literal

from pydantic import BaseModel

from tests.styles.layout import (KEURO_PER_UNIT, ErrorKind, PlantedError, Printed, RelationKind, RelationSpec,
                                 Rendered, half_unit, parse_printed)

ERRORS_PER_KIND = 2  # planted errors of each kind per style, one per mutated document
SEVERE = ("error", "warning", "review")  # reported to the reader as a finding; info is "could not be checked"


class NumberRef(BaseModel):
    key: str
    line: int
    column: int
    text: str
    unit: str
    coefficient: int = 1
    role: str = "total"


class StatedRelation(BaseModel):
    kind: RelationKind
    form: Literal["sum", "equal", "ratio"]
    subject: str
    total: NumberRef
    terms: list[NumberRef]

    def numbers(self) -> list[NumberRef]:
        return [self.total, *self.terms]


class PlantedErrorKey(BaseModel):
    kind: ErrorKind
    slot: str
    line: int
    column: int
    clean_text: str
    planted_text: str
    lines: list[int]
    note: str = ""
    broken: list[str] = []  # subjects of the stated relations the planted error breaks


class DocumentKey(BaseModel):
    style: str
    title: str
    line_count: int
    relations: list[StatedRelation]
    errors: list[PlantedErrorKey] = []


def _ref(printed: Printed, coefficient: int = 1, role: str = "total") -> NumberRef:
    return NumberRef(key=printed.key, line=printed.line, column=printed.column, text=printed.text,
                     unit=printed.unit, coefficient=coefficient, role=role)


def stated(rendered: Rendered) -> list[StatedRelation]:
    p = rendered.printed
    return [StatedRelation(kind=r.kind, form=r.form, subject=r.subject, total=_ref(p[r.total]),
                           terms=[_ref(p[t.key], t.coefficient, t.role) for t in r.terms])
            for r in rendered.relations]


def _interval(ref: NumberRef) -> tuple[Decimal, Decimal]:
    scale = KEURO_PER_UNIT[ref.unit]
    return parse_printed(ref.text) * scale, half_unit(ref.text) * scale


def holds(relation: StatedRelation) -> bool:
    """Judged on rounding intervals; exact when every number is whole keuro (tables carry no slack)."""
    exact = all(n.unit == "keuro" and "," not in n.text for n in relation.numbers())
    total, total_half = _interval(relation.total)
    terms = [(_interval(t), t.coefficient) for t in relation.terms]
    if relation.form in ("sum", "equal"):
        value = sum((v * c for (v, _), c in terms), Decimal(0))
        slack = total_half + sum((h for (_, h), _ in terms), Decimal(0))
        return value == total if exact else abs(value - total) <= slack
    (num, num_half), _ = terms[0]
    (den, den_half), _ = terms[1]
    low = Decimal(100) * (num - num_half) / (den + den_half)
    high = Decimal(100) * (num + num_half) / (den - den_half)
    return low <= total + total_half and total - total_half <= high


def key_for(style: str, title: str, clean: Rendered, mutated: Rendered | None = None,
            errors: list[PlantedError] = ()) -> DocumentKey:  # type: ignore[assignment]
    """The key of the clean document, or of `mutated` with `errors` planted into it."""
    document = mutated or clean
    relations = stated(document)
    keys = []
    for error in errors:
        planted = document.printed[error.slot]
        changed = sorted({p.line for k, p in document.printed.items() if p.text != clean.printed[k].text})
        broken = [r.subject for r in relations if not holds(r)
                  and any(n.line in changed for n in r.numbers())]
        keys.append(PlantedErrorKey(kind=error.kind, slot=error.slot, line=planted.line, column=planted.column,
                                    clean_text=clean.printed[error.slot].text, planted_text=planted.text,
                                    lines=changed, note=error.note, broken=broken))
    return DocumentKey(style=style, title=title, line_count=len(document.lines), relations=relations, errors=keys)


def check_key(clean_key: DocumentKey, mutated_keys: list[DocumentKey]) -> None:
    """The generator's own promise: the clean document is consistent, every planted error breaks a relation."""
    failing = [r.subject for r in clean_key.relations if not holds(r)]
    assert failing == [], f"clean document of style {clean_key.style} breaks {failing}"
    for key in mutated_keys:
        for error in key.errors:
            assert error.planted_text != error.clean_text, error
            assert error.broken, f"planted {error.kind} at line {error.line} breaks no stated relation"


# -- scoring an audit -------------------------------------------------------------------------------------------
Level = Literal["error", "warning", "review", "lower", "missed"]


def _signature(finding) -> tuple:  # noqa: ANN001 - an auditor Finding
    """A finding's identity without its values: the same rule at the same spot as on the clean document is a
    finding the clean document already had (its numbers may have moved with the planted change)."""
    return finding.rule, finding.severity, finding.location.line, finding.location.column


def finding_lines(finding) -> set[int]:  # noqa: ANN001
    return {finding.location.line, *(r.line for r in finding.related)}


def classify(error: PlantedErrorKey, report, clean_report) -> tuple[Level, list[str]]:  # noqa: ANN001
    """How the audit of the mutated document reports the planted number (see the module docstring)."""
    old = {_signature(f) for f in clean_report.findings}
    hits = [f for f in report.findings if _signature(f) not in old and finding_lines(f) & set(error.lines)]
    described = [f"{f.severity} {f.rule} @{f.location.line}: {f.message[:140]}" for f in hits]
    for level in SEVERE:
        if any(f.severity == level for f in hits):
            return level, described  # type: ignore[return-value]
    return ("lower" if hits else "missed"), described


def covered(relation: StatedRelation, report, precise: bool = False) -> bool:  # noqa: ANN001
    numbers = relation.numbers()
    for check in report.checks:
        if precise:
            spots = {(loc.line, loc.column) for loc in check.locations}
            if all(any((n.line, n.column + d) in spots for d in (-1, 0, 1)) for n in numbers):
                return True
        elif {n.line for n in numbers} <= {loc.line for loc in check.locations}:
            return True
    return False


@dataclass
class Outcome:
    key: PlantedErrorKey
    level: Level
    findings: list[str]


@dataclass
class StyleResult:
    style: str
    title: str
    clean_key: DocumentKey
    clean_lines: list[str]
    clean_errors: list[str]  # error findings on the clean document (each a false error)
    clean_warnings: list[str]
    checks: int
    outcomes: list[Outcome]
    covered: list[bool]
    covered_precise: list[bool]

    @property
    def found_share(self) -> float:
        return sum(o.level in SEVERE for o in self.outcomes) / len(self.outcomes)

    @property
    def coverage(self) -> float:
        return sum(self.covered) / len(self.covered)

    @property
    def coverage_precise(self) -> float:
        return sum(self.covered_precise) / len(self.covered_precise)

    def counts(self) -> dict[str, int]:
        return {level: sum(o.level == level for o in self.outcomes)
                for level in ("error", "warning", "review", "lower", "missed")}


def _describe(finding) -> str:  # noqa: ANN001
    return f"{finding.rule} @{finding.location.line} '{finding.location.text}': {finding.message[:160]}"


def evaluate_style(module: ModuleType, per_kind: int = ERRORS_PER_KIND) -> StyleResult:
    """Audit the clean document of a style and one mutated document per planted error."""
    from auditor.audit import audit_lines
    from tests.conftest import source_of

    model = module.make_model()
    clean = module.build(model, [])
    clean_key = key_for(module.STYLE, module.TITLE, clean)
    clean_audit = audit_lines(source_of(clean.lines, path=f"style-{module.STYLE}.txt"))
    report = clean_audit.report
    planted = module.candidates(model, clean).pick(random.Random(module.SEED), per_kind)
    outcomes = []
    for error in planted:
        mutated = module.build(model, [error])
        key = key_for(module.STYLE, module.TITLE, clean, mutated, [error])
        audit = audit_lines(source_of(mutated.lines, path=f"style-{module.STYLE}-mutated.txt"))
        level, described = classify(key.errors[0], audit.report, report)
        outcomes.append(Outcome(key.errors[0], level, described))
    return StyleResult(
        style=module.STYLE, title=module.TITLE, clean_key=clean_key, clean_lines=clean.lines,
        clean_errors=[_describe(f) for f in report.findings if f.severity == "error"],
        clean_warnings=[_describe(f) for f in report.findings if f.severity == "warning"],
        checks=report.summary.checks, outcomes=outcomes,
        covered=[covered(r, report) for r in clean_key.relations],
        covered_precise=[covered(r, report, precise=True) for r in clean_key.relations])
