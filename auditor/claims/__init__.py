"""claims: what the Dutch narrative states about amounts, movements, percentages and breakdowns."""

from auditor.claims.extract import extract_claims
from auditor.claims.models import Claims

__all__ = ["Claims", "extract_claims"]
