"""Behaviour guard for performance work: run the CLI of one source tree on every fixture and write
what it prints, so two trees (before / after a change) can be compared byte for byte.

    python benchmarks/compare_outputs.py snapshot ROOT OUTDIR [DIR ...]  # run ROOT's auditor, write OUTDIR/*.out
    python benchmarks/compare_outputs.py diff OUTDIR_A OUTDIR_B  # exit 1 and name the files that differ

Each output file holds the exit code, stdout and stderr of `check --format json`, `check --format sarif`
and `extract --format json` on one input: fixtures/*.txt|docx|pdf, fixtures/mutations/*.pdf and a
400-article document from benchmarks/sizes.py, and every *.txt|docx|pdf in the DIRs given (e.g. the
documents tests/styles renders, written out once)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
SYNTHETIC_ARTICLES = 400  # big enough to exercise the lookups that grow with size, quick enough to run twice
COMMANDS = (("check", "--format", "json"), ("check", "--format", "sarif"), ("extract", "--format", "json"))


def inputs(scratch: Path, extra: tuple[Path, ...] = ()) -> list[Path]:
    sys.path.insert(0, str(HERE))
    from sizes import write_synthetic

    found = sorted(p for ext in ("txt", "docx", "pdf") for p in FIXTURES.glob(f"*.{ext}"))
    found += sorted((FIXTURES / "mutations").glob("*.pdf"))
    found += sorted(p for folder in extra for ext in ("txt", "docx", "pdf") for p in folder.glob(f"*.{ext}"))
    return found + [write_synthetic(SYNTHETIC_ARTICLES, scratch)]


def snapshot(root: Path, out: Path, extra: tuple[Path, ...] = ()) -> None:
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(root)}
    # a fixed place for the generated input: its path is printed in the reports
    scratch = Path(tempfile.gettempdir()) / "bbt-compare-inputs"
    scratch.mkdir(exist_ok=True)
    for path in inputs(scratch, extra):
        _snapshot_one(root, env, path, out)


def _snapshot_one(root: Path, env: dict[str, str], path: Path, out: Path) -> None:
    parts = []
    for command in COMMANDS:
        run = subprocess.run([sys.executable, "-m", "auditor", command[0], str(path), *command[1:]],
                             cwd=root, env=env, capture_output=True, check=False)
        parts.append(b"%d\n" % run.returncode + run.stdout + b"\n--stderr--\n" + run.stderr)
    group = path.parent.name if path.is_relative_to(FIXTURES) else "generated"
    (out / f"{group}-{path.name}.out").write_bytes(b"\n==========\n".join(parts))
    print(path.name, flush=True)


def diff(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.glob("*.out")} | {p.name for p in b.glob("*.out")})
    differ = [n for n in names if not (a / n).exists() or not (b / n).exists() or (a / n).read_bytes() != (b / n).read_bytes()]
    for name in differ:
        print("DIFFERS:", name)
    print(f"{len(names) - len(differ)} / {len(names)} identical")
    return 1 if differ else 0


if __name__ == "__main__":
    if sys.argv[1] == "snapshot":
        snapshot(Path(sys.argv[2]).resolve(), Path(sys.argv[3]).resolve(), tuple(Path(p) for p in sys.argv[4:]))
    else:
        raise SystemExit(diff(Path(sys.argv[2]), Path(sys.argv[3])))
