"""rules: load the declarative rule files and judge facts with rule-engine."""

from pathlib import Path

from auditor.rules.parse_tables import install_cached

# before the first import of rule_engine (engine.py, spec.py): its Parser() is built at class level,
# and reads cached parse tables only if they are importable by then (see parse_tables.py)
install_cached()

from auditor.rules.engine import RuleEngine, Verdict
from auditor.rules.spec import RuleSpec, load_rules


def default_rules_dir() -> Path:
    """The rule files the package ships (rules/ of the project; see auditor.resources)."""
    from auditor.resources import RULES_DIR

    return RULES_DIR


__all__ = ["RuleEngine", "RuleSpec", "Verdict", "default_rules_dir", "load_rules"]
