"""rules: load the declarative rule files and judge facts with rule-engine."""

from pathlib import Path

from auditor.rules.engine import RuleEngine, Verdict
from auditor.rules.spec import RuleSpec, load_rules


def default_rules_dir() -> Path:
    """rules/ at the project root, next to the auditor package (an editable install keeps it there)."""
    return Path(__file__).resolve().parents[2] / "rules"


__all__ = ["RuleEngine", "RuleSpec", "Verdict", "default_rules_dir", "load_rules"]
