from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sociale-economie-uitvoering-2024.txt"
CLEAN = ROOT / "fixtures" / "sociale-economie-uitvoering-2024.clean.txt"
BEGROTING = ROOT / "fixtures" / "omgeving-natuur-begroting-2025.txt"
BEGROTING_CLEAN = ROOT / "fixtures" / "omgeving-natuur-begroting-2025.clean.txt"


def source_of(lines: list[str], path: str = "generated.txt"):
    """Lines held in memory (generated or mutated) as the text ingest would have read them."""
    from auditor.ingest.document import SourceText

    return SourceText(path=path, format="text", sha256="", encoding="utf-8", lines=lines)


@pytest.fixture(scope="session")
def sample_audit():
    from auditor.audit import audit_file

    return audit_file(SAMPLE)


@pytest.fixture(scope="session")
def clean_audit():
    from auditor.audit import audit_file

    return audit_file(CLEAN)
