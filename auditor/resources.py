"""Files the package ships: the rule files and the bundled sample BBT.

In a checkout `auditor/data/` holds symbolic links to `rules/` and to the sample in `fixtures/` (the
project's layout keeps them at the top level); building a wheel copies their contents, so an installed
package (pip install ., a wheel, pipx) has them as package data at the same place."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
RULES_DIR = (DATA / "rules").resolve()
SAMPLE = (DATA / "sociale-economie-uitvoering-2024.txt").resolve()
