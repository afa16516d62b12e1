"""Time extract + check of the bundled sample in-process and the CLI as a whole (median of runs).

Targets (issue 2): < 0.3 s in-process, < 1.0 s CLI wall on the 2-core machine.
Run: python benchmarks/bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "sociale-economie-uitvoering-2024.txt"


def median_seconds(action, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    sys.path.insert(0, str(ROOT))
    from auditor.audit import audit_file
    from auditor.ingest import read_document
    from auditor.structure import parse_structure

    audit_file(SAMPLE)  # warm: rule files loaded and compiled once per process
    extract = median_seconds(lambda: parse_structure(read_document(SAMPLE).lines), runs)
    check = median_seconds(lambda: audit_file(SAMPLE), runs)
    command = [sys.executable, "-m", "auditor", "check", str(SAMPLE), "--format", "json"]
    cli = median_seconds(lambda: subprocess.run(command, capture_output=True, check=False), max(5, runs // 3))
    print(f"sample: {SAMPLE.name} ({len(SAMPLE.read_text(encoding='utf-8').splitlines())} lines)")
    print(f"extract (in-process, median of {runs}): {extract * 1000:.1f} ms")
    print(f"check   (in-process, median of {runs}): {check * 1000:.1f} ms   target < 300 ms")
    print(f"CLI     (wall, median of {max(5, runs // 3)}):       {cli * 1000:.1f} ms   target < 1000 ms")


if __name__ == "__main__":
    main()
