"""The HTML report opened in headless Chromium: 522.157 is marked contradicted; clicking it shows the
check against the table cell 552.157; a BBT with '<script>alert(1)</script>' in it shows that as text
and runs nothing; the file loads nothing from outside."""

from __future__ import annotations

import pytest

from auditor.audit import audit_lines
from auditor.ingest import read_document
from auditor.report.html import to_html
from tests.conftest import SAMPLE, source_of
from tests.report.browser import CHROMIUM_FLAGS, chromium_path

playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


def _report_file(tmp_path, lines, name="report.html"):
    audit = audit_lines(source_of(lines, "voorbeeld.txt"))
    path = tmp_path / name
    path.write_text(to_html(audit.report, audit.source, audit.quantities()), encoding="utf-8")
    return path


def test_the_typo_is_marked_contradicted_and_clicking_it_shows_the_check(browser, tmp_path):
    path = _report_file(tmp_path, read_document(SAMPLE).lines)
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    typo = page.locator(".n", has_text="522.157")
    assert typo.count() == 1
    assert typo.get_attribute("data-status") == "contradicted"
    typo.click()
    panel = page.locator("#panel")
    check = panel.locator(".check.failed[data-rule='BBT-TXT-001']")
    assert check.count() == 1
    assert "552.157" in check.inner_text()
    cell = page.locator(".n.verified", has_text="552.157").first
    assert cell.count() == 1
    assert [url for url in requests if not url.startswith("file:")] == []


def test_clicking_a_finding_jumps_to_its_number(browser, tmp_path):
    path = _report_file(tmp_path, read_document(SAMPLE).lines)
    page = browser.new_page()
    page.goto(path.as_uri())
    page.locator(".finding.error a").click()
    assert page.locator(".n.sel").inner_text() == "522.157"


def test_document_text_is_escaped_not_executed(browser, tmp_path):
    lines = read_document(SAMPLE).lines
    lines[3] = "<script>alert(1)</script> <img src=x onerror=alert(2)> " + lines[3]
    path = _report_file(tmp_path, lines)
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_timeout(200)
    assert dialogs == []
    assert "<script>alert(1)</script>" in page.locator("#doc").inner_text()
    assert page.locator("#doc script, #doc img").count() == 0
