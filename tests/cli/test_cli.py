"""The command line: exit codes, JSON contract and determinism, languages, input never modified."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest

from auditor.cli import main
from tests.conftest import CLEAN, SAMPLE


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True, timeout=120)


def test_check_exit_codes_follow_fail_on(capsys):
    assert main(["check", str(SAMPLE), "--format", "json"]) == 1
    assert main(["check", str(CLEAN), "--format", "json"]) == 0
    assert main(["check", str(CLEAN), "--format", "json", "--fail-on", "warning"]) == 1
    assert main(["check", str(SAMPLE), "--format", "json", "--fail-on", "never"]) == 0
    capsys.readouterr()


def test_json_is_byte_identical_across_runs():
    first, second = run("check", str(SAMPLE), "--format", "json"), run("check", str(SAMPLE), "--format", "json")
    assert first.stdout == second.stdout and first.returncode == 1


def test_json_report_follows_the_contract(capsys):
    main(["check", str(SAMPLE), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert report["schema_version"] == "2"
    assert set(report) == {"schema_version", "tool", "document", "summary", "findings", "checks", "coverage"}
    assert set(report["summary"]) == {"errors", "warnings", "review", "info", "checks", "passed", "numbers",
                                      "numbers_verified"}
    assert set(report["coverage"]) == {"status", "unread", "sections"}
    assert report["coverage"]["status"] in ("read", "partly_read")
    keys = [(f["location"]["line"], f["rule"]) for f in report["findings"]]
    assert keys == sorted(keys)
    finding = next(f for f in report["findings"] if f["severity"] == "error")
    # every place has the same keys in every format; a text export fills in the line only
    column = SAMPLE.read_text(encoding="utf-8").splitlines()[754].index("522.157")
    assert finding["location"] == {"line": 755, "column": column, "end_line": 755, "text": "522.157", "page": None, "page_line": None,
                                   "bbox": None, "paragraph": None, "heading": None, "table": None}
    assert finding["related"][0]["line"] == 731 and finding["related"][0]["role"]
    assert set(finding["evidence"]) == {"expected", "found", "formula"}


def test_json_places_a_pdf_finding_on_its_page_and_a_word_finding_in_its_cell(capsys):
    main(["check", str(SAMPLE.with_suffix(".pdf")), "--format", "json"])
    typo = next(f for f in json.loads(capsys.readouterr().out)["findings"] if f["severity"] == "error")
    assert typo["location"]["page"] == 9 and len(typo["location"]["bbox"]) == 4 and typo["location"]["page_line"]
    main(["check", str(SAMPLE.with_suffix(".docx")), "--format", "json"])
    typo = next(f for f in json.loads(capsys.readouterr().out)["findings"] if f["severity"] == "error")
    assert typo["location"]["paragraph"] and typo["related"][0]["table"] == {"index": 3, "row": 3, "column": 7}


def test_english_messages_on_request(capsys):
    main(["check", str(SAMPLE), "--format", "json", "--lang", "en"])
    report = json.loads(capsys.readouterr().out)
    error = next(f for f in report["findings"] if f["severity"] == "error")
    assert "the text says 522.157" in error["message"] and "likely slip" in error["suggestion"]


def test_console_report_shows_equation_locations_and_summary():
    result = run("check", str(SAMPLE))
    assert result.returncode == 1
    assert "regel 755" in result.stdout and "552.157 (regel 731" in result.stdout
    assert "Samenvatting" in result.stdout and "getallen geverifieerd" in result.stdout


def test_check_without_a_file_audits_the_bundled_sample():
    result = run("check", "--format", "json")
    assert result.returncode == 1 and '"line": 755' in result.stdout


@pytest.mark.parametrize("content", [b"", b"\x00\xff" * 50, b"%PDF-1.4\n", b"gewoon wat tekst zonder tabellen\n"])
def test_bad_input_gives_one_line_and_exit_2(tmp_path, content):
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    result = run("check", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_usage_error_exits_2():
    result = run("check", "--format", "yaml")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_output_is_written_atomically_and_the_input_is_never_modified(tmp_path):
    before = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    out = tmp_path / "report.json"
    assert main(["check", str(SAMPLE), "--format", "json", "-o", str(out)]) == 1
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["errors"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    assert main(["check", str(copy), "--format", "json", "-o", str(copy)]) == 2
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before
    assert hashlib.sha256(SAMPLE.read_bytes()).hexdigest() == before


def test_extract_dumps_every_cell_with_its_line(capsys):
    assert main(["extract", str(SAMPLE)]) == 0
    document = json.loads(capsys.readouterr().out)
    article = next(a for a in document["articles"] if a["code"] == "JB0-1JEC2HA-WT")
    cell = next(c for c in article["table"]["cells"] if c["credit"] == "VEK" and c["column"] == "BU")
    assert cell["quantity"]["source"]["line"] == 731 and cell["quantity"]["value"] == "552157"


def test_json_is_the_same_bytes_on_every_way_out(tmp_path, monkeypatch, capsysbinary):
    """The JSON report goes to a UTF-8 standard output as the serializer's bytes; elsewhere (a text
    stream without a buffer, another encoding, an -o file) it is the same text."""
    import io

    from auditor.audit import audit_file
    from auditor.report.json_report import to_json, to_json_bytes

    expected = to_json(audit_file(SAMPLE).report)
    assert to_json_bytes(audit_file(SAMPLE).report) + b"\n" == expected.encode("utf-8")
    main(["check", str(SAMPLE), "--format", "json"])
    assert capsysbinary.readouterr().out == expected.encode("utf-8")
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    main(["check", str(SAMPLE), "--format", "json"])
    assert stream.getvalue() == expected
    latin = io.TextIOWrapper(io.BytesIO(), encoding="latin-1", errors="replace")
    monkeypatch.setattr(sys, "stdout", latin)
    main(["check", str(SAMPLE), "--format", "json"])
    latin.flush()
    assert latin.buffer.getvalue() == expected.encode("latin-1", errors="replace")
    monkeypatch.undo()
    main(["check", str(SAMPLE), "--format", "json", "-o", str(tmp_path / "r.json")])
    assert (tmp_path / "r.json").read_bytes() == expected.encode("utf-8")


def test_a_reader_that_stops_reading_ends_the_command_quietly():
    """`bbt-audit check … | head`: the closed pipe ends the command as SIGPIPE ends a Unix tool (141),
    not with an 'internal error' line."""
    process = subprocess.Popen([sys.executable, "-m", "auditor", "check", str(SAMPLE), "--format", "json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # the report (hundreds of kB) cannot fit in the pipe: writing it fails
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 141
    assert stderr == b""


def test_a_closed_standard_output_is_a_clear_error_before_any_audit(tmp_path):
    """Started with standard output closed (`bbt-audit check … >&-`): there is nowhere to write the report,
    said in one line; with -o the report is written to its file as ever."""

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "auditor", *args], stderr=subprocess.PIPE, text=True, timeout=60,
                              preexec_fn=lambda: os.close(1))  # noqa: PLW1509 - only closes a descriptor

    refused = run("check", str(SAMPLE), "--format", "json")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "de standaarduitvoer kan niet beschreven worden (gesloten)" in refused.stderr
    written = run("check", str(SAMPLE), "--format", "json", "-o", str(tmp_path / "r.json"))
    assert written.returncode == 1 and written.stderr == ""
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["findings"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs a device that is always full")
@pytest.mark.parametrize("command", [["check", str(SAMPLE), "--format", "json"], ["check", str(SAMPLE)],
                                     ["check", str(SAMPLE), "--format", "markdown"], ["rules"], ["config"], ["schema"]],
                         ids=["json", "text", "markdown", "rules", "config", "schema"])
def test_a_standard_output_that_cannot_be_written_is_a_clear_error(command):
    """Standard output on a full disk, or closed under the command: one line that says so, exit 2, for every
    command and format (not an internal error, not a silent exit 0); a reader that goes away is still 141."""
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "auditor", *command], stdout=full, stderr=subprocess.PIPE,
                             text=True, timeout=60)
    assert run.returncode == 2 and "standaarduitvoer kan niet beschreven worden" in run.stderr
    assert "interne fout" not in run.stderr and "Traceback" not in run.stderr
    closed = subprocess.run([sys.executable, "-c", "import os, runpy, sys; os.close(1); sys.argv = ['bbt-audit', *sys.argv[1:]];"
                             " runpy.run_module('auditor', run_name='__main__')", *command],
                            stderr=subprocess.PIPE, text=True, timeout=60)
    assert closed.returncode == 2 and "standaarduitvoer kan niet beschreven worden" in closed.stderr
