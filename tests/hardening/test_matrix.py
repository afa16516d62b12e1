"""Issue 12: every hostile input and output ends with its exit code, one line on stderr (exit 2), no
traceback, and leaves the input (and a FIFO or device given as output) as it was. Each case is built in
tmp_path (zip and PDF bombs in milliseconds, see bombs.py) and run as the user runs it, in a process."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys

import pytest

from tests.hardening.cases import CLEAN, SAMPLE, SAMPLE_DOCX, SAMPLE_PDF, build_cases

NAMES = list(build_cases(SAMPLE.parent))  # the names only; each case is built in its own tmp_path


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BBT_AUDIT_")}
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, timeout=60, env=env, **kwargs)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", NAMES)
def test_hostile_case(name, tmp_path):
    case = build_cases(tmp_path)[name]()
    before = {path: digest(path) for path in case.inputs}
    special = os.stat(case.special).st_mode if case.special else None
    result = run(case.args)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == case.exit_code, stderr
    assert "Traceback" not in stderr and "interne fout" not in stderr
    if case.exit_code == 2:
        assert len(stderr.splitlines()) == 1 and stderr.startswith("bbt-audit: "), stderr
        assert case.says in stderr, stderr
        assert "\x1b" not in stderr
    for path, value in before.items():
        assert digest(path) == value, f"{path} was changed"
    if special is not None:
        assert os.stat(case.special).st_mode == special  # still the FIFO or device it was


def test_nul_in_an_amount_is_dropped_and_told_so_the_error_is_found(tmp_path):
    case = build_cases(tmp_path)["NUL inside an amount"]()
    report = json.loads(run(case.args).stdout)
    assert any(f["rule"] == "BBT-TXT-001" and f["location"]["line"] == 755 for f in report["findings"])
    notice = " ".join(report["document"]["notices"])
    assert "stuurteken" in notice and "regel 755" in notice and "U+0000" in notice


def test_escapes_and_html_from_the_document_never_reach_terminal_or_markdown(tmp_path):
    case = build_cases(tmp_path)["escape sequences and HTML in a heading and file name"]()
    console = run(case.args)
    assert b"\x1b" not in console.stdout and b"\\x1b" in console.stdout
    markdown = run([*case.args, "--format", "markdown"]).stdout.decode()
    assert "<img" not in markdown and "&lt;img" in markdown and "\x1b" not in markdown


def test_a_broken_footnotes_part_is_a_notice(tmp_path):
    case = build_cases(tmp_path)["docx footnotes part broken"]()
    report = json.loads(run(case.args).stdout)
    assert any("voetnoten niet gelezen" in notice for notice in report["document"]["notices"])


@pytest.mark.parametrize("encoding", ["UTF-16", "UTF-32"])
def test_utf16_and_utf32_with_a_bom_give_the_sample_findings(encoding, tmp_path):
    case = build_cases(tmp_path)[f"{encoding} with BOM"]()
    findings = json.loads(run(case.args).stdout)["findings"]
    expected = json.loads(run(["check", str(SAMPLE), "--format", "json"]).stdout)["findings"]
    assert [(f["rule"], f["location"]["line"], f["message"]) for f in findings] == \
        [(f["rule"], f["location"]["line"], f["message"]) for f in expected]


def test_stdout_as_dash_and_a_symlink_to_a_report_are_outputs(tmp_path):
    assert run(["check", str(CLEAN), "--format", "json", "-o", "-"]).stdout.startswith(b"{")
    target = tmp_path / "real.json"
    target.write_text("old")
    (tmp_path / "link.json").symlink_to(target)
    assert run(["check", str(CLEAN), "--format", "json", "-o", str(tmp_path / "link.json")]).returncode == 0
    assert (tmp_path / "link.json").is_symlink() and target.read_text().startswith("{")


@pytest.mark.parametrize("fixture", [SAMPLE_DOCX, SAMPLE_PDF], ids=["docx", "pdf"])
def test_annotate_is_idempotent(fixture, tmp_path):
    first, second = tmp_path / f"a1{fixture.suffix}", tmp_path / f"a2{fixture.suffix}"
    one = run(["annotate", str(fixture), "-o", str(first)]).stderr
    two = run(["annotate", str(first), "-o", str(second)]).stderr
    assert one.split(b"\xe2\x86\x92")[0] == two.split(b"\xe2\x86\x92")[0]  # the same count
    if fixture.suffix == ".docx":
        import zipfile

        counts = [zipfile.ZipFile(path).read("word/comments.xml").count(b"<w:comment ") for path in (first, second)]
    else:
        from pypdf import PdfReader

        counts = [sum(1 for page in PdfReader(path).pages for a in page.get("/Annots") or []
                      if a.get_object().get("/Subtype") == "/Highlight") for path in (first, second)]
    assert counts[0] == counts[1] > 0


def test_annotate_refuses_an_encrypted_pdf_instead_of_dropping_its_protection(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(SAMPLE_PDF))
    writer.encrypt(user_password="", owner_password="geheim", permissions_flag=0b1100)
    protected = tmp_path / "protected.pdf"
    with open(protected, "wb") as stream:
        writer.write(stream)
    result = run(["annotate", str(protected), "-o", str(tmp_path / "out.pdf")])
    assert result.returncode == 2 and b"beveiligd" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "out.pdf").exists()


def test_a_limit_is_configurable(tmp_path):
    env = {**os.environ, "BBT_AUDIT_LIMIT_DOCUMENT_CHARS": "1000"}
    result = subprocess.run([sys.executable, "-m", "auditor", "check", str(CLEAN)], capture_output=True, env=env, timeout=60)
    assert result.returncode == 2 and b"BBT_AUDIT_LIMIT_DOCUMENT_CHARS" in result.stderr
    english = subprocess.run([sys.executable, "-m", "auditor", "check", str(CLEAN), "--lang", "en"], capture_output=True,
                             env=env, timeout=60)
    assert b"exceeds a limit" in english.stderr


def test_the_output_is_checked_before_the_audit(tmp_path, monkeypatch):
    from auditor import cli

    def audit_must_not_run(*args, **kwargs):
        raise AssertionError("the audit ran before the output was checked")

    monkeypatch.setattr("auditor.audit.audit_file", audit_must_not_run)
    assert cli.main(["check", str(CLEAN), "-o", str(tmp_path / "missing" / "r.json")]) == 2
    assert not stat.S_ISREG(os.stat("/dev/null").st_mode)
