"""Rule files: declarative YAML, validated on load. Conditions are rule-engine expressions over a
fact's typed fields; messages are templates with named fields only. No Python, no eval."""

from __future__ import annotations

import functools
import string
from pathlib import Path
from typing import Literal

import rule_engine
from pydantic import (BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, ValidationInfo, field_validator,
                      model_validator)

from auditor.errors import RuleFileError, RuleProblem
from auditor.rules.cache import cache_key, passed_before, read_cached, write_cached
from auditor.relations.fact import FactKind
from auditor.relations.queries import Binding
from auditor.rules.diagnosis import DIAGNOSES

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
    "certain": _T.BOOLEAN, "credit": _T.STRING, "column": _T.STRING,
}
MESSAGE_FIELDS = {"subject", "stated", "computed", "difference", "formula", "location", "related", "unit"}
CONTEXT = rule_engine.Context(type_resolver=rule_engine.type_resolver_from_dict(FACT_FIELDS))
# rule-engine's default context, made once for every condition the engine evaluates: a Rule given no
# context makes its own, building rule-engine's builtins again (half the time of compiling a condition)
EVALUATION_CONTEXT = rule_engine.Context()


@functools.lru_cache(maxsize=None)
def compiled_condition(text: str) -> rule_engine.Rule:
    """A condition compiled once per text: most rules share theirs ("computed_hi < stated_lo or …"), and
    the loader's check and the engine need the same compiled rule (compiling is most of loading)."""
    return rule_engine.Rule(text, context=CONTEXT)


@functools.lru_cache(maxsize=None)
def evaluation_condition(text: str) -> rule_engine.Rule:
    """The condition as the engine evaluates it: compiled without the fact fields' types. The types are
    checked when the rule file loads (compiled_condition refuses an unknown field or a type error), and
    a fact's context always holds values of those types (Fact.context); checking each value's type again
    at every evaluation took a third of the evaluating and could find nothing."""
    return rule_engine.Rule(text, context=EVALUATION_CONTEXT)


# Validation context of a rule set that passed every check with this code before (rules.cache): its
# conditions were type-checked against the fact fields then and are not again; that they are safe is
# checked on every load, on the form the engine evaluates
PASSED_BEFORE = "passed_before"


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


def _refuse_unsafe(text: str, compiled: rule_engine.Rule) -> None:
    refused = unsafe_parts(compiled.statement.expression)
    if refused:
        raise RuleProblem(f"voorwaarde {text!r} gebruikt {', '.join(refused)}, wat regelbestanden niet mogen",
                          f"condition {text!r} uses {', '.join(refused)}, which rule files may not use")


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
    credit: str = ""  # for a condition on the credit (credit == "VAK")
    column: str = ""  # for a condition on the column (column == "BA")


class ExpectedFinding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    severity: Severity
    line: int = Field(ge=1)


class Illustration(BaseModel):
    """A wrong and a corrected Dutch excerpt, for a check whose cases cannot be single BBT snippets
    (across documents); other checks show their own cases as wrong and right."""

    model_config = ConfigDict(extra="forbid")
    wrong: str
    right: str


class Case(BaseModel):
    """A small BBT text and the findings this rule must give on it (none: it passes)."""

    model_config = ConfigDict(extra="forbid")
    name: str
    text: str
    expect: list[ExpectedFinding] = []


DEFAULT_OUTCOMES = (
    {"severity": "error", "when": "computed_hi < stated_lo or computed_lo > stated_hi"},
    {"severity": "warning", "when": "difference != 0"},
)


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^BBT-[A-Z]{2,5}-\d{3}$")
    title: Text
    description: Text
    applies_to: FactKind  # the kinds are listed once, in auditor.relations.fact
    relation: Text  # which relation of DOMAIN.md it checks, for the catalogue
    # with applies_to "bound": the rule builds its own facts (relations.queries); one binding or a list
    binding: Binding | list[Binding] | None = None
    # what a failed comparison is explained with (auditor.rules.diagnosis): "typo" (a digit swapped, one
    # dropped …), "side_evidence" (which side of a text-versus-table difference other numbers support)
    diagnoses: list[str] = []
    counts_as_check: bool = True  # False for rules that only report what could not be checked
    # the verdict; left out: the interval comparison (an error when the intervals cannot meet, a warning when
    # only rounding separates them), with the certainty policy of the engine on top
    outcomes: list[Outcome] = Field(default_factory=lambda: [Outcome(**o) for o in DEFAULT_OUTCOMES], min_length=1)
    message: Text
    suggestion: Text | None = None
    examples: list[Example] = Field(min_length=2)
    # BBT snippets run through the whole pipeline (tests/rules/test_rule_cases.py): one that passes, one that fails
    cases: list[Case] = []
    illustration: Illustration | None = None
    _source_file: str = PrivateAttr(default="")  # the file it came from, relative to the rules directory
    _rule_set: str | None = PrivateAttr(default=None)  # the key of the rule files it was loaded with (rules.cache)
    _passed_before: bool = PrivateAttr(default=False)  # that rule set passed every check with this code before

    @property
    def source_file(self) -> str:
        return self._source_file

    @property
    def bindings(self) -> list[Binding]:
        return [] if self.binding is None else self.binding if isinstance(self.binding, list) else [self.binding]

    @field_validator("diagnoses")
    @classmethod
    def _known_diagnoses(cls, names: list[str]) -> list[str]:
        unknown = [n for n in names if n not in DIAGNOSES]
        if unknown:
            raise RuleProblem(f"onbekende diagnose {unknown[0]!r} (bekend: {', '.join(DIAGNOSES)})",
                              f"unknown diagnosis {unknown[0]!r} (known: {', '.join(DIAGNOSES)})")
        return names

    @field_validator("relation", mode="before")
    @classmethod
    def _relation_in_one_language(cls, value: object) -> object:
        return {"nl": value, "en": value} if isinstance(value, str) else value  # an older custom rule file

    @field_validator("outcomes")
    @classmethod
    def _conditions_compile(cls, outcomes: list[Outcome], info: ValidationInfo) -> list[Outcome]:
        if info.context and info.context.get(PASSED_BEFORE):
            # types were checked when these files passed; what a condition may use is checked on every
            # load (a marker in the cache directory must not let a regular expression in), on the
            # compiled form the engine evaluates anyway
            for outcome in outcomes:
                _refuse_unsafe(outcome.when, evaluation_condition(outcome.when))
            return outcomes
        for outcome in outcomes:
            try:
                compiled = compiled_condition(outcome.when)
            except rule_engine.errors.EngineError as exc:
                reason = exc.message if hasattr(exc, "message") else str(exc)
                raise RuleProblem(f"voorwaarde {outcome.when!r} is ongeldig: {reason} (velden: {', '.join(FACT_FIELDS)};"
                                  f" 'and', 'or', 'not'; getallen zonder duizendtalpunt, met decimaalpunt: 2289, -0.5)",
                                  f"condition {outcome.when!r} is invalid: {reason} (fields: {', '.join(FACT_FIELDS)};"
                                  f" 'and', 'or', 'not'; numbers without thousands separator, decimal point: 2289, -0.5)") from exc
            _refuse_unsafe(outcome.when, compiled)
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
                    raise RuleProblem(f"veld {{{name}}} is niet toegelaten (toegelaten: {', '.join(sorted(MESSAGE_FIELDS))})",
                                      f"template field {{{name}}} is not allowed (allowed: {', '.join(sorted(MESSAGE_FIELDS))})")
        return text

    @model_validator(mode="after")
    def _binding_builds_bound_facts(self) -> "RuleSpec":
        if (self.binding is None) != (self.applies_to != "bound"):
            raise RuleProblem("een regel met een binding heeft 'applies_to: bound', en alleen zo'n regel",
                              "a rule with a binding applies to 'bound' facts, and only such a rule does")
        return self

    @field_validator("cases")
    @classmethod
    def _cases_pass_and_fail(cls, cases: list[Case]) -> list[Case]:
        if cases and (all(c.expect for c in cases) or not any(c.expect for c in cases)):
            raise RuleProblem("cases: minstens één fragment dat slaagt en één dat faalt",
                              "cases need at least one snippet that passes and one that fails")
        return cases

    @model_validator(mode="after")
    def _shows_wrong_and_right(self) -> "RuleSpec":
        if not self.cases and self.illustration is None:
            raise RuleProblem("een regel heeft cases nodig (een BBT-fragment dat slaagt en een dat faalt) of, over documenten heen, een illustration (wrong, right)",
                              "a rule needs cases (a BBT snippet that passes and one that fails) or, across documents, an illustration (wrong, right)")
        return self

    @field_validator("examples")
    @classmethod
    def _examples_pass_and_fail(cls, examples: list[Example]) -> list[Example]:
        outcomes = {e.expect for e in examples}
        if "passed" not in outcomes or not outcomes - {"passed"}:
            raise RuleProblem("minstens één voorbeeld dat slaagt en één dat faalt", "needs at least one passing and one failing example")
        return examples


RULE_FILE_SUFFIXES = (".yaml", ".yml")  # one check per file, in folders by relation (rules/1-tabelrekenkunde/…)


def _parsed_yaml(raw: bytes, name: str) -> object:
    """The plain data of one rule file (PyYAML's safe loading), or RuleFileError naming where it fails."""
    import yaml  # here: a run whose rule files are all cached does not load PyYAML

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RuleFileError(f"{name}: geen UTF-8 (byte {exc.start})", f"{name}: not UTF-8 (byte {exc.start})") from exc
    try:
        # the C loader is ~10× faster and as safe: it builds only plain YAML types, like safe_load
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        where_nl = f" op regel {mark.line + 1}, kolom {mark.column + 1}" if mark else ""
        where_en = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise RuleFileError(f"{name}: geen geldige YAML{where_nl}: {problem} (inspringing, een dubbele punt of een tab?)",
                            f"{name}: not valid YAML{where_en}: {problem} (indentation, a colon or a tab?)") from exc


def _parsed_files(directory: Path, paths: list[Path]) -> tuple[list[object], str]:
    """Each rule file's data, from the cache when these exact files were parsed before (rules.cache), and
    the files' key."""
    names = [path.relative_to(directory).as_posix() for path in paths]
    files = [(name, path.read_bytes()) for name, path in zip(names, paths)]
    key = cache_key(files)
    cached = read_cached(key, names)
    if cached is not None:
        return cached, key
    parsed = [_parsed_yaml(raw, name) for name, raw in files]
    write_cached(key, names, parsed)
    return parsed, key


def _rule_entries(data: object, name: str) -> tuple[list[object], bool]:
    """A rule file holds one check (its fields at the top); a file with a `rules:` list, the older
    layout, still loads, so custom rule directories keep working. Also returns whether the file holds
    one check at its top (then it is named after the check)."""
    if isinstance(data, dict) and "id" in data:
        return [data], True
    entries = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise RuleFileError(f"{name}: één controle verwacht (met 'id:' bovenaan) of een lijst 'rules:'",
                            f"{name}: expected one check (with 'id:' at the top) or a 'rules:' list")
    return entries, False


MAX_REASONS = 3  # a file with many mistakes: the first few, so the message stays one readable line


def _field_path(loc: tuple[object, ...]) -> str:
    """'binding.parts', not pydantic's 'binding.tagged-union[RowBinding,…].parts': the path a rule
    author wrote, without the names of the alternatives tried; list positions count from 1."""
    return ".".join(str(p + 1) if isinstance(p, int) else str(p) for p in loc if isinstance(p, int) or str(p).isidentifier())


def _either(text: str, word: str) -> str:
    return text.replace(" or ", f" {word} ")


def _reason(error: dict) -> tuple[str, str]:
    """One validation error as a rule author reads it, in Dutch and English."""
    kind, ctx = error["type"], error.get("ctx", {})
    cause = ctx.get("error")
    if isinstance(cause, RuleProblem):
        return cause.nl, cause.en
    if kind == "missing":
        return "dit veld ontbreekt", "this field is missing"
    if kind == "extra_forbidden":
        return "onbekend veld (een tikfout in de naam?)", "unknown field (a misspelt name?)"
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        return f"moet {_either(expected, 'of')} zijn", f"must be {expected}"
    if kind == "union_tag_invalid":
        tags = str(ctx.get("expected_tags", ""))
        return (f"onbekende query {ctx.get('tag')!r} (bekend: {tags})",
                f"unknown query {ctx.get('tag')!r} (known: {tags})")
    if kind == "too_short":
        return f"te weinig elementen (minstens {ctx.get('min_length')})", f"too few items (at least {ctx.get('min_length')})"
    if kind == "string_pattern_mismatch":
        return "heeft niet de vorm BBT-XXX-000", "is not of the form BBT-XXX-000"
    message = str(error["msg"]).removeprefix("Value error, ")
    return message, message


def _reasons(exc: ValidationError) -> tuple[str, str]:
    nl: list[str] = []
    en: list[str] = []
    errors = exc.errors()
    # "binding: {query: rij}" fails as one binding and as a list of them: the list's complaint says nothing
    shown = [e for e in errors if e["type"] != "list_type" or len(errors) == 1]
    for error in shown[:MAX_REASONS]:
        where = _field_path(error["loc"])
        reason_nl, reason_en = _reason(error)
        nl.append(f"{where}: {reason_nl}" if where else reason_nl)
        en.append(f"{where}: {reason_en}" if where else reason_en)
    more = len(shown) - MAX_REASONS
    if more > 0:
        nl.append(f"en nog {more}")
        en.append(f"and {more} more")
    return "; ".join(nl), "; ".join(en)


def rule_files(directory: Path) -> list[Path]:
    """The rule files under `directory` and its folders, in a fixed order (by path)."""
    found = [p for p in directory.rglob("*") if p.suffix in RULE_FILE_SUFFIXES and p.is_file()]
    return sorted(found, key=lambda p: p.relative_to(directory).as_posix())


def load_rules(directory: Path) -> list[RuleSpec]:
    """Load and validate every rule file under `directory`; RuleFileError names file, rule and reason."""
    if not directory.is_dir():
        raise RuleFileError(f"map met regelbestanden niet gevonden: {directory}", f"rules directory not found: {directory}")
    rules: list[RuleSpec] = []
    seen: dict[str, str] = {}
    paths = rule_files(directory)
    parsed, key = _parsed_files(directory, paths)
    context = {PASSED_BEFORE: passed_before(key)}
    for path, data in zip(paths, parsed):
        name = path.relative_to(directory).as_posix()
        entries, one_check = _rule_entries(data, name)
        for position, entry in enumerate(entries, start=1):
            rule_id = entry.get("id", f"#{position}") if isinstance(entry, dict) else f"#{position}"
            try:
                rule = RuleSpec.model_validate(entry, context=context)
            except ValidationError as exc:
                nl, en = _reasons(exc)
                raise RuleFileError(f"{name}: regel {rule_id}: {nl}", f"{name}: rule {rule_id}: {en}") from exc
            if one_check and path.stem != rule.id:
                raise RuleFileError(f"{name}: het bestand van regel {rule.id} heet {rule.id}{path.suffix}",
                                    f"{name}: the file of rule {rule.id} is named {rule.id}{path.suffix}")
            if rule.id in seen:
                raise RuleFileError(f"{name}: regel {rule.id}: dubbele id (ook in {seen[rule.id]})",
                                    f"{name}: rule {rule.id}: duplicate id (also in {seen[rule.id]})")
            seen[rule.id] = name
            rule._source_file = name
            rule._rule_set, rule._passed_before = key, context[PASSED_BEFORE]
            rules.append(rule)
    if not rules:
        raise RuleFileError(f"geen regelbestanden (*.yaml, *.yml) in {directory}", f"no rule files (*.yaml, *.yml) in {directory}")
    return rules
