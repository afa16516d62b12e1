"""Cached PLY parse tables for rule-engine, so importing it does not rebuild them every time.

rule-engine creates its `Parser()` at class level and builds it with `yacc.yacc(module=self,
write_tables=debug)`: without debug it writes no table file, so every process spends about a quarter
of a second on the LALR construction. Its bundled PLY first imports the table module
`rule_engine.parser.parsetab` (the default `tab_module` under the Parser's package) and uses it when
that module's `_lr_signature` equals the signature of the grammar it is building; otherwise it
builds the tables as before. So a table module registered under that name before rule-engine is
imported is used exactly when it is right, and nothing is patched.

The cached tables (`_parsetab.py`, package data under auditor/) are generated for one rule-engine
version and only offered to that version; PLY's signature check is the second guard. That signature is
the grammar's text, its rules' docstrings included, and Python 3.13's compiler strips the indentation
of docstrings: the same grammar, the same tables, another signature. So the module holds both, and the
one this Python computes is offered (without it, PLY on 3.13 rebuilt the tables in every process). After
a rule-engine upgrade regenerate them, with Python 3.11 or 3.12 (one that keeps docstrings as written):

    python -m auditor.rules.make_parse_tables

This module imports only the standard library at module level (the test loads it on its own).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

TABLE_MODULE = "rule_engine.parser.parsetab"  # the module rule-engine's PLY imports for its tables
CACHED = Path(__file__).with_name("_parsetab.py")
_VERSION = re.compile(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", re.MULTILINE)


def installed_version() -> str | None:
    """rule-engine's __version__, read from its source: importing it would build the tables first."""
    spec = importlib.util.find_spec("rule_engine")
    if spec is None or spec.origin is None:
        return None
    found = _VERSION.search(Path(spec.origin).read_text(encoding="utf-8"))
    return found.group(1) if found else None


def install(tables: ModuleType, version: str | None) -> bool:
    """Offer `tables` to rule-engine's PLY when they were generated for `version`; True if offered.
    Too late once rule-engine's parser is imported (its Parser() is already built)."""
    if "rule_engine.parser" in sys.modules or TABLE_MODULE in sys.modules:
        return False
    if version is None or getattr(tables, "RULE_ENGINE_VERSION", None) != version:
        return False  # another rule-engine: PLY finds no table module and builds them
    if docstrings_dedented() and hasattr(tables, "LR_SIGNATURE_DEDENTED"):
        tables._lr_signature = tables.LR_SIGNATURE_DEDENTED  # what PLY computes from the stripped docstrings
    sys.modules[TABLE_MODULE] = tables
    return True


def docstrings_dedented() -> bool:
    """Whether this Python's compiler strips the common indentation of docstrings (3.13 and later)."""

    def probe() -> None:
        """first
        second"""

    return probe.__doc__ == "first\nsecond"


def dedented_docstring(doc: str) -> str:
    """`doc` as Python 3.13's compiler keeps it (_PyCompile_CleanDoc): tabs expanded, the first line's
    leading spaces dropped, and from the other lines the indentation their non-blank ones share."""
    lines = doc.expandtabs().split("\n")
    margin = min((len(line) - len(line.lstrip(" ")) for line in lines[1:] if line.strip(" ")), default=0)
    return "\n".join([lines[0].lstrip(" ")] + [line[margin:] for line in lines[1:]])


def install_cached() -> bool:
    from auditor.rules import _parsetab

    return install(_parsetab, installed_version())
