"""Batch benchmark (issue 13): 30 documents in one `check` call against 30 separate calls, and the pool of
2 workers against one worker, each pair measured alternately (A, B, A, B …) in one run so that a slower or
busier moment of the machine hits both sides alike. Reports the median of each side and their ratio.

The 30 documents mix the three formats as a year's folder does: every PDF and Word document of fixtures/
(the two BBTs, their clean versions and the six rendered mutations: 10 PDF, 4 DOCX), the four text
fixtures, and the real-figure corpus rendered as text for the rest. A batch of only small text exports
would measure the pool's start and the parent's serial work rather than auditing.
Run: `python benchmarks/bench_batch.py [rounds]` (default 3).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.audit import audit_lines  # noqa: E402
from auditor.errors import InputError  # noqa: E402
from tests.conftest import source_of  # noqa: E402
from tests.realfigures.corpus import load_documents, render  # noqa: E402

DOCUMENTS = 30
ONE_CALL_MAX = 0.15  # issue 11: one call of 30 documents <= this x 30 separate calls


def documents(folder: Path) -> list[Path]:
    fixtures = ROOT / "fixtures"
    files = sorted(fixtures.rglob("*.pdf")) + sorted(fixtures.rglob("*.docx")) + sorted(fixtures.glob("*.txt"))
    for doc in load_documents():
        if len(files) >= DOCUMENTS:
            break
        lines = render(doc).lines
        try:
            audit_lines(source_of(lines))
        except InputError:
            continue
        path = folder / f"{doc.key}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    return files[:DOCUMENTS]


def run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "auditor", *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def alternate(a, b, rounds: int) -> tuple[float, float]:
    times_a, times_b = [], []
    for _ in range(rounds):
        times_a.append(a())
        times_b.append(b())
    return statistics.median(times_a), statistics.median(times_b)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp:
        files = [str(f) for f in documents(Path(tmp))]
        one_call = lambda: run(["check", *files, "--format", "json", "--no-progress"])  # noqa: E731
        separate = lambda: sum(run(["check", f, "--format", "json"]) for f in files)  # noqa: E731
        a, b = alternate(one_call, separate, rounds)
        kinds = {suffix: sum(f.endswith(suffix) for f in files) for suffix in (".pdf", ".docx", ".txt")}
        print(f"{len(files)} documents ({', '.join(f'{n} {k[1:]}' for k, n in kinds.items())})")
        print(f"{len(files)} documents: one call {a:.2f} s, {len(files)} calls {b:.2f} s: one call is {a / b:.3f}x "
              f"the separate calls (goal <= {ONE_CALL_MAX}x)")
        pool = lambda: run(["check", *files, "--format", "json", "--no-progress", "--jobs", "2"])  # noqa: E731
        single = lambda: run(["check", *files, "--format", "json", "--no-progress", "--jobs", "1"])  # noqa: E731
        a, b = alternate(pool, single, rounds)
        print(f"pool of 2 workers {a:.2f} s, one worker {b:.2f} s, ratio {b / a:.2f}x")


if __name__ == "__main__":
    main()
