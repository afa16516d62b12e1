"""Regenerate the screenshots in docs/ (a manual step, not CI):

    python docs/make_screenshots.py

- html-report.png: the HTML report of the sample PDF in headless Chromium, 522.157 clicked;
- annotated-pdf.png: page 9 of `bbt-audit annotate` on the sample PDF, rendered by PDFium;
- annotated-docx-libreoffice.png: the annotated Word draft converted by LibreOffice (the documented
  manual check that Word comments survive: LibreOffice exports each as a note on the number).
Needs chromium and Playwright; the last one also soffice.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.cli import main as cli  # noqa: E402

DOCS = ROOT / "docs"
SAMPLE = ROOT / "fixtures" / "sociale-economie-uitvoering-2024"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def html_report(work: Path) -> None:
    from playwright.sync_api import sync_playwright

    report = work / "report.html"
    cli(["check", str(SAMPLE.with_suffix(".pdf")), "--format", "html", "-o", str(report)])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(report.as_uri())
        page.locator(".finding.error a").click()
        page.wait_for_timeout(300)
        page.screenshot(path=str(DOCS / "html-report.png"))
        browser.close()


def annotated_pdf(work: Path) -> None:
    import pypdfium2 as pdfium

    out = work / "checked.pdf"
    cli(["annotate", str(SAMPLE.with_suffix(".pdf")), "-o", str(out)])
    page = pdfium.PdfDocument(out)[8]
    image = page.render(scale=2, may_draw_forms=True).to_pil()
    width, height = image.size
    image.crop((0, int(height * 0.22), width, int(height * 0.55))).save(DOCS / "annotated-pdf.png")


def annotated_docx(work: Path) -> None:
    import pypdfium2 as pdfium

    out = work / "checked.docx"
    cli(["annotate", str(SAMPLE.with_suffix(".docx")), "-o", str(out)])
    subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(work), str(out)], check=True, capture_output=True, timeout=300)
    pdf = pdfium.PdfDocument(work / "checked.pdf")
    page = next(pdf[i] for i in range(len(pdf)) if "522.157" in pdf[i].get_textpage().get_text_range())
    image = page.render(scale=2, may_draw_forms=True).to_pil()
    width, height = image.size
    image.crop((0, int(height * 0.15), width, int(height * 0.5))).save(DOCS / "annotated-docx-libreoffice.png")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        html_report(work)
        annotated_pdf(work)
        if shutil.which("soffice"):
            annotated_docx(work)
    print("\n".join(str(p) for p in sorted(DOCS.glob("*.png"))))
