from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sociale-economie-uitvoering-2024.txt"
CLEAN = ROOT / "fixtures" / "sociale-economie-uitvoering-2024.clean.txt"
BEGROTING = ROOT / "fixtures" / "omgeving-natuur-begroting-2025.txt"
BEGROTING_CLEAN = ROOT / "fixtures" / "omgeving-natuur-begroting-2025.clean.txt"

# the parsed rule files are cached between runs (auditor/rules/cache.py): the tests and the CLI processes
# they start keep theirs in a directory of their own, not in the user's cache
os.environ["BBT_AUDIT_CACHE"] = tempfile.mkdtemp(prefix="bbt-audit-test-cache-")


def fixture_script(name: str):
    """A generator script of fixtures/ (not a package) loaded as a module, for tests that reuse it."""
    import importlib.util
    import sys

    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "fixtures" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while the class is made
        spec.loader.exec_module(module)
    return sys.modules[name]


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
