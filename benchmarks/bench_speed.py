"""The speed targets of issue 11, each a ratio measured in one run: A and B alternate in one loop
(A B, then B A, …) and the median of the per-round ratios is reported, so load on the shared 2-core
machine moves both sides of a ratio alike instead of one block of runs.

Run: python benchmarks/bench_speed.py [--rounds N] [--root TREE] [--compiled]
  --rounds    rounds of the quick pairs (the 1,600-article and pdfplumber pairs run a third of them)
  --root      the source tree whose auditor is measured (default: this one), e.g. an export of an older
              commit, to measure before and after a change with the same script
  --compiled  byte-compile the tree's auditor first (into its __pycache__ folders, as installing a wheel
              does): where PYTHONDONTWRITEBYTECODE is set and nothing was compiled, every process
              compiles the auditor's modules from source, which the processes of an installed auditor
              never do (the whole-process rows then measure that compiling too)
pdfplumber (the text+tables comparison) is not a dependency of the auditor: pip install pdfplumber to
measure that row; without it the row says so. Each side of that row runs in a process of its own and
times itself there (in-process, libraries loaded): pdfplumber leaves a process 200 MB larger.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bench import ROOT, SAMPLE
from bench_formats import PDF, pypdfium2_text
from sizes import write_synthetic

CLI_VS_PYTHON_MAX = 12.0  # the text CLI, whole process, × `python -c pass`
PDF_PROCESS_MAX = 2.5  # the sample PDF audit, whole process, × a process extracting its text with pypdfium2
PDF_IN_PROCESS_MAX = 1.5  # the same in one process (libraries loaded, rules compiled)
PER_LINE_MAX = 1.2  # per-line cost at LARGE articles × that at SMALL articles
SMALL, LARGE = 100, 1600  # article counts of the synthetic documents (benchmarks/sizes.py)
SAMPLE_PEAK_MB_MAX = 100.0  # peak resident memory auditing the sample PDF
LARGE_PEAK_SLACK_MB = 100.0  # large inputs: ≤ 2 × the text size + this
PDFPLUMBER_MIN = 30.0  # a pdfplumber text+tables pipeline on the sample PDF takes at least this × the audit

PYPDFIUM2_TEXT_ONLY = """
import sys, pypdfium2 as pdfium
document = pdfium.PdfDocument(sys.argv[1])
for index in range(len(document)):
    page = document[index]
    textpage = page.get_textpage()
    textpage.get_text_range()
    textpage.close()
    page.close()
document.close()
"""
# the CLI in a process that then reports its own peak resident set: VmHWM (KiB) belongs to the process's
# memory since exec; ru_maxrss would also count the benchmark's own memory at the fork. The report goes
# to /dev/null as to any file or pipe (an io.StringIO would keep a copy of it, which no CLI run does).
# The child that reads the document (auditor/ingest/ahead.py) counts too: the larger of the two peaks
# (its ru_maxrss includes what it shared with the command when it was forked)
PEAK_RSS = """
import contextlib, os, resource, sys
from auditor.cli import main  # the command's own work; `python -m auditor` would end this process with it
with open(os.devnull, "w", encoding="utf-8") as sink, contextlib.redirect_stdout(sink):
    main(["check", sys.argv[1], "--format", "json"])
with open("/proc/self/status") as status:
    own = int(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
print(max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
"""


# one in-process run of the audit or of the pdfplumber pipeline, timed after a first run that loads
# their libraries (and, for the audit, compiles the rules)
IN_ITS_OWN_PROCESS = """
import sys, time
sys.path.insert(0, "benchmarks")
pipeline, path = sys.argv[1], sys.argv[2]
if pipeline == "audit":
    from auditor.audit import audit_file as run
else:
    from bench_speed import pdfplumber_pipeline as run
run(path)
start = time.perf_counter()
run(path)
print(time.perf_counter() - start)
"""


@dataclass
class Row:
    name: str
    measured: str
    target: str
    met: bool | None  # None: not measured


def seconds(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def paired(a: Callable[[], object], b: Callable[[], object], rounds: int, timed: bool = False) -> tuple[float, float, float]:
    """Median of b/a over rounds that run both, swapping which goes first; also the median times.
    timed: a and b return their own time (measured where they ran) instead of being timed here."""
    ratios, times_a, times_b = [], [], []
    measured = (lambda action: action()) if timed else seconds
    for n in range(rounds):
        if n % 2:
            tb, ta = measured(b), measured(a)
        else:
            ta, tb = measured(a), measured(b)
        ratios.append(tb / ta)
        times_a.append(ta)
        times_b.append(tb)
    return statistics.median(ratios), statistics.median(times_a), statistics.median(times_b)


class Tree:
    """Runs the auditor of one source tree, as a process or in this one."""

    def __init__(self, root: Path, compiled: bool = False) -> None:
        self.root = root
        self.env = {**os.environ, "PYTHONPATH": str(root)}
        if compiled:
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "auditor")], env=self.env,
                           capture_output=True, check=True)
        sys.path.insert(0, str(root))
        from auditor.audit import audit_file, audit_lines
        from auditor.ingest import read_document
        from auditor.report.json_report import to_json

        self.audit_file, self.to_json = audit_file, to_json
        self.read_document, self.audit_lines = read_document, audit_lines
        self.audit_file(SAMPLE)  # warm: rule files loaded and compiled once per process

    def run(self, *args: str) -> None:
        subprocess.run([sys.executable, *args], cwd=self.root, env=self.env, capture_output=True, check=False)

    def check(self, path: Path) -> Callable[[], None]:
        return lambda: self.run("-m", "auditor", "check", str(path), "--format", "json")

    def audit_json(self, path: Path) -> Callable[[], str]:
        return lambda: self.to_json(self.audit_file(path).report)

    def in_a_process_of_its_own(self, pipeline: str) -> Callable[[], float]:
        """The time one in-process run of `pipeline` on the sample PDF takes in a process that ran only
        it (once before, to load its libraries): pdfplumber leaves this process 200 MB larger and
        300,000 objects heavier, which slows the audit's forked reading child (auditing here after it:
        96 instead of 87 ms), so each side of that pair is measured where the other never ran."""
        return lambda: float(subprocess.run([sys.executable, "-c", IN_ITS_OWN_PROCESS, pipeline, str(PDF)], cwd=self.root,
                                            env=self.env, capture_output=True, text=True, check=True).stdout)

    def peak_mb(self, path: Path) -> float:
        run = subprocess.run([sys.executable, "-c", PEAK_RSS, str(path)], cwd=self.root, env=self.env,
                             capture_output=True, text=True, check=True)
        return int(run.stdout.split()[-1]) / 1024


@contextlib.contextmanager
def one_reading_process() -> Iterator[None]:
    """The PDF read by this process alone (BBT_AUDIT_READ_PROCESSES=1), as before after."""
    before = os.environ.get("BBT_AUDIT_READ_PROCESSES")
    os.environ["BBT_AUDIT_READ_PROCESSES"] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ["BBT_AUDIT_READ_PROCESSES"]
        else:
            os.environ["BBT_AUDIT_READ_PROCESSES"] = before


def pdfplumber_pipeline(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()


def measure(tree: Tree, rounds: int, scratch: Path) -> list[Row]:
    rows: list[Row] = []
    slow_rounds = max(3, rounds // 3)

    ratio, floor, cli = paired(lambda: tree.run("-c", "pass"), tree.check(SAMPLE), rounds)
    rows.append(Row("text CLI × `python -c pass`", f"{ratio:.1f}× ({cli * 1000:.0f} / {floor * 1000:.0f} ms)",
                    f"≤ {CLI_VS_PYTHON_MAX:g}×", ratio <= CLI_VS_PYTHON_MAX))

    ratio, floor, cli = paired(lambda: tree.run("-c", PYPDFIUM2_TEXT_ONLY, str(PDF)), tree.check(PDF), rounds)
    rows.append(Row("PDF, whole process × pypdfium2 text process", f"{ratio:.2f}× ({cli * 1000:.0f} / {floor * 1000:.0f} ms)",
                    f"≤ {PDF_PROCESS_MAX:g}×", ratio <= PDF_PROCESS_MAX))

    pypdfium2_text(PDF)
    ratio, floor, audit = paired(lambda: pypdfium2_text(PDF), lambda: tree.audit_file(PDF), rounds)
    rows.append(Row("PDF, in-process × pypdfium2 text", f"{ratio:.2f}× ({audit * 1000:.0f} / {floor * 1000:.0f} ms)",
                    f"≤ {PDF_IN_PROCESS_MAX:g}×", ratio <= PDF_IN_PROCESS_MAX))
    # where the in-process audit's time goes, each part × the same text extraction: what bounds it
    source = tree.read_document(PDF)
    for name, part in (("  of which reading its pages", lambda: tree.read_document(PDF)),
                       ("  of which the rest (structure … report)", lambda: tree.audit_lines(source))):
        ratio, floor, took = paired(lambda: pypdfium2_text(PDF), part, rounds)
        rows.append(Row(name, f"{ratio:.2f}× ({took * 1000:.0f} / {floor * 1000:.0f} ms)", "", None))
    with one_reading_process():
        ratio, floor, took = paired(lambda: pypdfium2_text(PDF), lambda: tree.read_document(PDF), rounds)
    rows.append(Row("  reading its pages in one process", f"{ratio:.2f}× ({took * 1000:.0f} / {floor * 1000:.0f} ms)",
                    "", None))

    small, large = write_synthetic(SMALL, scratch), write_synthetic(LARGE, scratch)
    small_lines, large_lines = (len(p.read_text(encoding="utf-8").splitlines()) for p in (small, large))
    ratio, t_small, t_large = paired(tree.audit_json(small), tree.audit_json(large), slow_rounds)
    per_line = ratio * small_lines / large_lines
    rows.append(Row(f"per line, {LARGE} × {SMALL} articles (audit + JSON)",
                    f"{per_line:.2f}× ({t_large:.2f} s / {large_lines} lines, {t_small:.2f} s / {small_lines})",
                    f"≤ {PER_LINE_MAX:g}×", per_line <= PER_LINE_MAX))

    rows.append(Row("30 documents in one call × 30 calls", "see benchmarks/bench_batch.py", "≤ 0.15×", None))

    peak = tree.peak_mb(PDF)
    rows.append(Row("peak memory, sample PDF (CLI)", f"{peak:.0f} MB", f"≤ {SAMPLE_PEAK_MB_MAX:g} MB",
                    peak <= SAMPLE_PEAK_MB_MAX))
    text_mb = large.stat().st_size / 2**20
    limit = 2 * text_mb + LARGE_PEAK_SLACK_MB
    peak = tree.peak_mb(large)
    rows.append(Row(f"peak memory, {LARGE} articles ({text_mb:.1f} MB text)", f"{peak:.0f} MB", f"≤ {limit:.0f} MB",
                    peak <= limit))

    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        rows.append(Row("pdfplumber text+tables × audit (PDF)", "not measured: pdfplumber not installed",
                        f"≥ {PDFPLUMBER_MIN:g}×", None))
    else:
        ratio, audit, plumber = paired(tree.in_a_process_of_its_own("audit"), tree.in_a_process_of_its_own("pdfplumber"),
                                       slow_rounds, timed=True)
        rows.append(Row("pdfplumber text+tables × audit (PDF)", f"{ratio:.1f}× ({plumber * 1000:.0f} / {audit * 1000:.0f} ms)",
                        f"≥ {PDFPLUMBER_MIN:g}×", ratio >= PDFPLUMBER_MIN))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--compiled", action="store_true")
    args = parser.parse_args()
    tree = Tree(args.root.resolve(), args.compiled)
    with tempfile.TemporaryDirectory() as scratch:
        rows = measure(tree, args.rounds, Path(scratch))
    width = max(len(r.name) for r in rows)
    mwidth = max(len(r.measured) for r in rows)
    print(f"tree: {tree.root}   rounds: {args.rounds}   {'byte-compiled' if args.compiled else 'as found'}"
          f"{'   PYTHONDONTWRITEBYTECODE set' if os.environ.get('PYTHONDONTWRITEBYTECODE') else ''}")
    print(f"{'target':<{width}}  {'measured':<{mwidth}}  {'goal':<10}  met")
    for r in rows:
        met = "-" if r.met is None else ("yes" if r.met else "NO")
        print(f"{r.name:<{width}}  {r.measured:<{mwidth}}  {r.target:<10}  {met}")


if __name__ == "__main__":
    main()
