"""rule-engine's parse tables: the cached ones are used when they fit the installed rule-engine, and
PLY builds its own when they do not (another version, or a grammar whose signature differs). Each path
runs in a fresh process, since rule-engine builds its parser once, when it is first imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from auditor.rules import parse_tables
from auditor.rules.make_parse_tables import generate

ROOT = Path(__file__).resolve().parents[2]
# loads parse_tables.py on its own (not through auditor.rules, which would offer the cached tables
# first), offers it the tables the test describes, then reports which tables rule-engine's parser got:
# MiniProduction rows come from a table module, Production rows from building the grammar
PROBE = """
import importlib.util, sys, types
spec = importlib.util.spec_from_file_location("probe_parse_tables", sys.argv[1])
parse_tables = importlib.util.module_from_spec(spec)
spec.loader.exec_module(parse_tables)
spec = importlib.util.spec_from_file_location("probe_parsetab", sys.argv[2])
tables = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tables)
if sys.argv[3] == "other-version":
    tables.RULE_ENGINE_VERSION = "0.0.0"
if sys.argv[3] == "other-grammar":
    tables._lr_signature = tables.LR_SIGNATURE_DEDENTED = "not the grammar"
offered = parse_tables.install(tables, parse_tables.installed_version())
import rule_engine
assert rule_engine.Rule("a + 1 == 2 and b =~ 'x.*'").matches({"a": 1, "b": "xy"})
assert not rule_engine.Rule("a > 1 ? true : false").matches({"a": 1})
source = type(rule_engine.Rule.parser._parser.productions[1]).__name__
print(offered, "cached" if source == "MiniProduction" else "built")
"""


def probe(case: str) -> str:
    run = subprocess.run([sys.executable, "-c", PROBE, str(Path(parse_tables.__file__)), str(parse_tables.CACHED), case],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stderr == ""  # PLY says nothing either way (no table warnings)
    return run.stdout.strip()


def test_cached_tables_are_used_for_the_installed_version() -> None:
    assert probe("as-shipped") == "True cached"


def test_another_version_builds_its_own_tables() -> None:
    assert probe("other-version") == "False built"


def test_a_grammar_that_differs_builds_its_own_tables() -> None:
    assert probe("other-grammar") == "True built"


def test_a_docstring_is_dedented_as_the_compiler_of_python_3_13_does() -> None:
    """The signature PLY computes on 3.13 is the grammar's with its docstrings as that compiler keeps
    them: checked there by test_cached_tables_are_used_for_the_installed_version, here against the rule."""
    # a tab, a blank line of spaces, a last line of spaces: what Python 3.13.0's compiler keeps of it
    doc = "expression : expression ADD expression\n\t           | expression SUB expression\n\n        "
    assert parse_tables.dedented_docstring(doc) == "expression : expression ADD expression\n| expression SUB expression\n\n"
    assert parse_tables.dedented_docstring("  one line") == "one line"

    def indented() -> None:
        """first
            second
        third"""

    cleaned = parse_tables.dedented_docstring(indented.__doc__)  # type: ignore[arg-type]
    assert cleaned == "first\n    second\nthird"  # as written, or as 3.13 already keeps it: the same


def test_the_auditor_gets_the_cached_tables() -> None:
    code = "import auditor.rules, rule_engine; print(type(rule_engine.Rule.parser._parser.productions[1]).__name__)"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "MiniProduction"


@pytest.mark.skipif(parse_tables.docstrings_dedented(), reason="the tables are generated with Python 3.11 or 3.12")
def test_shipped_tables_are_those_of_the_installed_rule_engine() -> None:
    shipped = parse_tables.CACHED.read_text(encoding="utf-8")
    if f"RULE_ENGINE_VERSION = {parse_tables.installed_version()!r}" not in shipped:
        pytest.skip("the cached tables are for another rule-engine (it builds its own): "
                    "python -m auditor.rules.make_parse_tables")
    assert generate() == shipped, "same version, other tables: python -m auditor.rules.make_parse_tables"
