"""structure: the typed parts of a BBT (tables, articles, ISEs, narrative scopes, annex indicators)."""

from auditor.structure.models import BBTDocument
from auditor.structure.parser import parse_structure

__all__ = ["BBTDocument", "parse_structure"]
