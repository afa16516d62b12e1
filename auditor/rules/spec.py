"""Rule files: declarative YAML, validated on load. Conditions are rule-engine expressions over a
fact's typed fields; messages are templates with named fields only. No Python, no eval."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Literal

import rule_engine
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from auditor.errors import RuleFileError
from auditor.relations.fact import FactKind

# error: proven (every number bound with certainty, the intervals cannot meet); review ("te bekijken"):
# the comparison fails but a binding is a guess; warning: a difference rounding can explain; info:
# what could not be checked
Severity = Literal["error", "warning", "review", "info"]
_T = rule_engine.DataType
FACT_FIELDS: dict[str, object] = {
    "kind": _T.STRING, "stated": _T.FLOAT, "stated_lo": _T.FLOAT, "stated_hi": _T.FLOAT,
    "computed": _T.FLOAT, "computed_lo": _T.FLOAT, "computed_hi": _T.FLOAT, "difference": _T.FLOAT,
    "decimals": _T.FLOAT, "unit": _T.STRING, "bound": _T.STRING, "direction_stated": _T.BOOLEAN,
    "exhaustive": _T.BOOLEAN, "checkable": _T.BOOLEAN, "style": _T.STRING, "operand_count": _T.FLOAT,
    "certain": _T.BOOLEAN,
}
MESSAGE_FIELDS = {"subject", "stated", "computed", "difference", "formula", "location", "related", "unit"}
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CONTEXT = rule_engine.Context(type_resolver=rule_engine.type_resolver_from_dict(FACT_FIELDS))


# A condition compares a fact's fields with arithmetic and logic; nothing else. Regular expressions can
# take exponential time ("(a+)+$"), powers can exhaust memory, attribute access and functions reach
# past the fact: refused when the file is loaded.
_ALLOWED_NODES = {
    "LogicExpression", "ComparisonExpression", "ArithmeticComparisonExpression", "AddExpression",
    "SubtractExpression", "ArithmeticExpression", "UnaryExpression", "SymbolExpression", "FloatExpression",
    "StringExpression", "BooleanExpression", "NullExpression", "TernaryExpression",
}
_REFUSED_ARITHMETIC = {"pow"}


def unsafe_parts(node: object) -> list[str]:
    """The parts of a compiled condition that are not plain comparison, arithmetic and logic."""
    found: list[str] = []
    name = type(node).__name__
    if name not in _ALLOWED_NODES:
        found.append({"FuzzyComparisonExpression": "a regular expression (=~)"}.get(name, name))
    elif name == "ArithmeticExpression" and getattr(node, "type", "") in _REFUSED_ARITHMETIC:
        found.append("a power (**)")
    for child in vars(node).values():
        if isinstance(child, rule_engine.ast.ExpressionBase):
            found += unsafe_parts(child)
    return found


class Text(BaseModel):
    model_config = ConfigDict(extra="forbid")
    nl: str
    en: str


class Outcome(BaseModel):
    model_config = ConfigDict(extra="forbid")
    severity: Severity
    when: str


class Example(BaseModel):
    """A fact written by hand: stated value, operands and how they combine (sum, ratio, copy)."""

    model_config = ConfigDict(extra="forbid")
    name: str
    stated: str
    operands: list[str] = []
    combine: Literal["sum", "ratio", "difference", "copy", "none"] = "sum"
    bound: Literal["eq", "ge", "le", "approx"] = "eq"
    direction_stated: bool = True
    exhaustive: bool = True
    checkable: bool = True
    style: str = ""
    expect: Literal["passed", "error", "warning", "review", "info"]
    doubts: list[str] = []  # bindings that are guesses: an error then becomes "review"


class ExpectedFinding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    severity: Severity
    line: int = Field(ge=1)


class Case(BaseModel):
    """A small BBT text and the findings this rule must give on it (none: it passes)."""

    model_config = ConfigDict(extra="forbid")
    name: str
    text: str
    expect: list[ExpectedFinding] = []


QUERY_NAMES = ("row",)  # auditor.relations.queries.QUERIES; checked here so a typo fails at load time


class Binding(BaseModel):
    """Which numbers a rule compares, as a query over the document's facts: `row` takes, in every
    printed row of every table and per credit, the `stated` column and the `operands` columns ("-BA-JR"
    subtracts) and combines them by `equation` (sum of the signed operands, or ratio: first / second × 100)."""

    model_config = ConfigDict(extra="forbid")
    query: Literal["row"]
    stated: str
    operands: list[str] = Field(min_length=1)
    equation: Literal["sum", "ratio"] = "sum"
    credits: list[Literal["VAK", "VEK", "AO", "TO", "LO"]] = []  # only these credits (none: every credit)

    @field_validator("stated", "operands")
    @classmethod
    def _known_columns(cls, value: str | list[str]) -> str | list[str]:
        for column in [value] if isinstance(value, str) else value:
            if column.lstrip("-") not in COLUMNS:
                raise ValueError(f"unknown column {column!r} (known: {', '.join(COLUMNS)})")
        return value


COLUMNS = ("BA", "BA-JR", "BU", "BO", "EVOL", "VERSCHIL", "PCT")


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^BBT-[A-Z]{2,5}-\d{3}$")
    title: Text
    description: Text
    applies_to: FactKind  # the kinds are listed once, in auditor.relations.fact
    relation: str  # which relation of DOMAIN.md it checks, for the catalogue
    binding: Binding | None = None  # with applies_to "bound": the rule builds its own facts
    counts_as_check: bool = True  # False for rules that only report what could not be checked
    outcomes: list[Outcome] = Field(min_length=1)
    message: Text
    suggestion: Text | None = None
    examples: list[Example] = Field(min_length=2)
    # BBT snippets run through the whole pipeline (tests/rules/test_rule_cases.py): one that passes, one that fails
    cases: list[Case] = []

    @field_validator("outcomes")
    @classmethod
    def _conditions_compile(cls, outcomes: list[Outcome]) -> list[Outcome]:
        for outcome in outcomes:
            try:
                compiled = rule_engine.Rule(outcome.when, context=CONTEXT)
            except rule_engine.errors.EngineError as exc:
                raise ValueError(f"condition {outcome.when!r} is invalid: {exc.message if hasattr(exc, 'message') else exc}") from exc
            refused = unsafe_parts(compiled.statement.expression)
            if refused:
                raise ValueError(f"condition {outcome.when!r} uses {', '.join(refused)}, which rule files may not use")
        return outcomes

    @field_validator("message", "suggestion")
    @classmethod
    def _templates_use_known_fields(cls, text: Text | None) -> Text | None:
        if text is None:
            return text
        for template in (text.nl, text.en):
            for _, name, spec, conversion in string.Formatter().parse(template):
                if name is None:
                    continue
                if name not in MESSAGE_FIELDS or spec or conversion:
                    raise ValueError(f"template field {{{name}}} is not allowed (allowed: {', '.join(sorted(MESSAGE_FIELDS))})")
        return text

    @model_validator(mode="after")
    def _binding_builds_bound_facts(self) -> "RuleSpec":
        if (self.binding is None) != (self.applies_to != "bound"):
            raise ValueError("a rule with a binding applies to 'bound' facts, and only such a rule does")
        return self

    @field_validator("cases")
    @classmethod
    def _cases_pass_and_fail(cls, cases: list[Case]) -> list[Case]:
        if cases and (all(c.expect for c in cases) or not any(c.expect for c in cases)):
            raise ValueError("cases need at least one snippet that passes and one that fails")
        return cases

    @field_validator("examples")
    @classmethod
    def _examples_pass_and_fail(cls, examples: list[Example]) -> list[Example]:
        outcomes = {e.expect for e in examples}
        if "passed" not in outcomes or not outcomes - {"passed"}:
            raise ValueError("needs at least one passing and one failing example")
        return examples


def load_rules(directory: Path) -> list[RuleSpec]:
    """Load and validate every *.yaml in `directory`; RuleFileError names file, rule and reason."""
    if not directory.is_dir():
        raise RuleFileError(f"map met regelbestanden niet gevonden: {directory}", f"rules directory not found: {directory}")
    rules: list[RuleSpec] = []
    seen: dict[str, Path] = {}
    for path in sorted(directory.glob("*.yaml")):
        try:
            # the C loader is ~10× faster and as safe: it builds only plain YAML types, like safe_load
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
        except UnicodeDecodeError as exc:
            raise RuleFileError(f"{path.name}: geen UTF-8 (byte {exc.start})",
                                f"{path.name}: not UTF-8 (byte {exc.start})") from exc
        except yaml.YAMLError as exc:
            raise RuleFileError(f"{path.name}: geen geldige YAML: {exc}", f"{path.name}: not valid YAML: {exc}") from exc
        entries = data.get("rules") if isinstance(data, dict) else None
        if not isinstance(entries, list) or not entries:
            raise RuleFileError(f"{path.name}: een lijst 'rules:' bovenaan verwacht",
                                f"{path.name}: expected a top-level 'rules:' list")
        for position, entry in enumerate(entries, start=1):
            rule_id = entry.get("id", f"#{position}") if isinstance(entry, dict) else f"#{position}"
            try:
                rule = RuleSpec.model_validate(entry)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                raise RuleFileError(f"{path.name}: regel {rule_id}: {where}: {first['msg']}",
                                    f"{path.name}: rule {rule_id}: {where}: {first['msg']}") from exc
            if rule.id in seen:
                raise RuleFileError(f"{path.name}: regel {rule.id}: dubbele id (ook in {seen[rule.id].name})",
                                f"{path.name}: rule {rule.id}: duplicate id (also in {seen[rule.id].name})")
            seen[rule.id] = path
            rules.append(rule)
    if not rules:
        raise RuleFileError(f"geen regelbestanden (*.yaml) in {directory}", f"no rule files (*.yaml) in {directory}")
    return rules
