from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sociale-economie-uitvoering-2024.txt"
CLEAN = ROOT / "fixtures" / "sociale-economie-uitvoering-2024.clean.txt"


@pytest.fixture(scope="session")
def sample_audit():
    from auditor.audit import audit_file

    return audit_file(SAMPLE)


@pytest.fixture(scope="session")
def clean_audit():
    from auditor.audit import audit_file

    return audit_file(CLEAN)
