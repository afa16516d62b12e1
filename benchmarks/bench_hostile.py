"""Peak memory and wall time of the CLI on every hostile case of issue 12, one process per case.

Targets: peak memory ≤ 500 MB and time ≤ 10 s on every case. Measured here, not in a timed test: the
test matrix (tests/hardening) asserts the outcomes, this script what they cost. Also the claim reader
on one sentence of 2,000 / 4,000 / 8,000 / 16,000 amounts (linear: the time doubles with the size), on
sentences of 500 movements (each amount read against the whole sentence before it), and documents just
under the limits (what a genuine large file may cost).

Run: python benchmarks/bench_hostile.py [--only SUBSTRING]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hardening.cases import SAMPLE, Case, build_cases, long_sentence, movement_sentences  # noqa: E402

MEMORY_MB, SECONDS = 500, 10.0


def measure(args: list[str]) -> tuple[int, float, float]:
    """Exit code, peak resident memory (MB) and wall time (s) of `python -m auditor ARGS`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BBT_AUDIT_")}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "auditor", *args], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss / 1024, wall  # ru_maxrss is in kB on Linux


def extra_cases(directory: Path) -> dict[str, callable]:
    cases = {}
    for amounts in (2000, 4000, 8000, 16000):
        def sentence(amounts=amounts) -> Case:
            path = directory / f"sentence-{amounts}.txt"
            path.write_text(long_sentence(amounts), encoding="utf-8")
            return Case(["check", str(path), "--format", "json"], 1)
        cases[f"one sentence of {amounts:,} amounts"] = sentence

    for sentences in (1, 30):  # 30: the text near its limit (1.4 M characters)
        def movements(sentences=sentences) -> Case:
            path = directory / f"movements-{sentences}.txt"
            path.write_text(movement_sentences(500, sentences), encoding="utf-8")
            return Case(["check", str(path), "--format", "json"], 1)
        cases[f"{sentences} sentence(s) of 500 movements"] = movements

    def text_near_limit() -> Case:
        path = directory / "near.txt"
        path.write_text((SAMPLE.read_text(encoding="utf-8") + "\n") * 17, encoding="utf-8")  # 1.41 M characters
        return Case(["check", str(path), "--format", "json"], 1)

    cases["text of 1.41 M characters (just under the limit)"] = text_near_limit
    return cases


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="")
    only = parser.parse_args().only
    failures = 0
    print(f"{'case':58} {'exit':>4} {'memory':>9} {'time':>7}")
    with tempfile.TemporaryDirectory() as scratch:
        builders = {**build_cases(Path(scratch)), **extra_cases(Path(scratch))}
        for name, build in builders.items():
            if only not in name:
                continue
            case = build()
            code, memory, wall = measure(case.args)
            ok = memory <= MEMORY_MB and wall <= SECONDS and code == case.exit_code
            failures += not ok
            print(f"{name:58} {code:>4} {memory:>6.0f} MB {wall:>5.2f} s{'' if ok else '  <-- over target or wrong exit'}")
    print(f"targets: ≤ {MEMORY_MB} MB and ≤ {SECONDS:.0f} s per case; {failures} case(s) missed")


if __name__ == "__main__":
    main()
