"""Time the audit of the sample as PDF and as Word draft next to the bare text extractors, in one run.

For the PDF: pypdfium2 alone extracting the text of every page (the floor any PDF audit pays),
poppler's pdftotext on the same file (the usual command-line tool), the full audit in-process and the
CLI. Target (issue 3): in-process audit ≤ 3 × pypdfium2 alone.
Run: python benchmarks/bench_formats.py [--runs N]   (pdftotext from poppler-utils, if installed)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from bench import ROOT, median_seconds

PDF = ROOT / "fixtures" / "sociale-economie-uitvoering-2024.pdf"
DOCX = ROOT / "fixtures" / "sociale-economie-uitvoering-2024.docx"


def pypdfium2_text(path: Path) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    document.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    sys.path.insert(0, str(ROOT))
    from auditor.audit import audit_file
    from auditor.ingest import read_document

    audit_file(PDF), audit_file(DOCX), pypdfium2_text(PDF)  # warm: libraries loaded, rules compiled
    floor = median_seconds(lambda: pypdfium2_text(PDF), runs)
    ingest_pdf = median_seconds(lambda: read_document(PDF), runs)
    audit_pdf = median_seconds(lambda: audit_file(PDF), runs)
    ingest_docx = median_seconds(lambda: read_document(DOCX), runs)
    audit_docx = median_seconds(lambda: audit_file(DOCX), runs)
    cli_runs = max(5, runs // 3)
    cli_pdf = median_seconds(lambda: subprocess.run([sys.executable, "-m", "auditor", "check", str(PDF), "--format", "json"],
                                                    capture_output=True, check=False), cli_runs)
    pdftotext = None
    if shutil.which("pdftotext"):
        pdftotext = median_seconds(lambda: subprocess.run(["pdftotext", str(PDF), "-"], capture_output=True, check=True),
                                   cli_runs)
    pages = sum(1 for _ in __import__("pypdfium2").PdfDocument(PDF))
    print(f"PDF: {PDF.name} ({pages} pages)")
    print(f"  pypdfium2 text only       {floor * 1000:7.1f} ms")
    print(f"  ingest (lines, boxes)     {ingest_pdf * 1000:7.1f} ms")
    print(f"  audit in-process          {audit_pdf * 1000:7.1f} ms   = {audit_pdf / floor:.2f} × pypdfium2 (target ≤ 3)")
    print(f"  audit CLI (wall)          {cli_pdf * 1000:7.1f} ms")
    if pdftotext is not None:
        print(f"  pdftotext (wall)          {pdftotext * 1000:7.1f} ms   CLI audit = {cli_pdf / pdftotext:.1f} × pdftotext")
    else:
        print("  pdftotext                 not installed (apt-get install poppler-utils)")
    print(f"DOCX: {DOCX.name}")
    print(f"  ingest                    {ingest_docx * 1000:7.1f} ms")
    print(f"  audit in-process          {audit_docx * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
