"""Many documents in one run, the diff of two versions, the configuration file, the baseline and the
command-line conventions of issue 13."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from auditor.cli import main
from auditor.errors import InputError
from tests.conftest import CLEAN, ROOT, SAMPLE, source_of
from tests.realfigures.corpus import load_documents, render


@pytest.fixture(scope="module")
def thirty(tmp_path_factory) -> list[Path]:
    """30 documents: the real-figure corpus rendered as text files, and the text fixtures."""
    from auditor.audit import audit_lines

    folder = tmp_path_factory.mktemp("year")
    files: list[Path] = []
    for doc in load_documents():
        lines = render(doc).lines
        try:
            audit_lines(source_of(lines))
        except InputError:
            continue  # nothing rendered for it (see tests/crossdoc)
        path = folder / f"{doc.key}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)
    files += sorted((ROOT / "fixtures").glob("*.txt"))
    assert len(files) == 30
    return files


def _json(capsys, argv: list[str]) -> tuple[int, dict]:
    code = main(argv)
    return code, json.loads(capsys.readouterr().out)


def test_thirty_documents_in_one_call_give_the_same_reports_as_thirty_calls(thirty, capsys):
    code, batch = _json(capsys, ["check", *map(str, thirty), "--format", "json", "--no-progress", "--jobs", "2"])
    assert [d["document"]["path"] for d in batch["documents"]] == [str(f) for f in thirty]
    codes = []
    for file, report in zip(thirty, batch["documents"]):
        single_code, single = _json(capsys, ["check", str(file), "--format", "json"])
        assert report == single, file
        codes.append(single_code)
    assert code == max(codes, key=(0, 1, 4, 2, 3).index) == batch["summary"]["exit_code"]
    assert batch["crossdoc"]["pairs"] and batch["crossdoc"]["findings"]


def test_an_unreadable_document_is_listed_and_the_others_go_on(tmp_path, capsys):
    bad = tmp_path / "leeg.txt"
    bad.write_text("", encoding="utf-8")
    code, batch = _json(capsys, ["check", str(CLEAN), str(bad), str(tmp_path / "weg.pdf"), "--format", "json", "--jobs", "1"])
    assert code == 2 and len(batch["documents"]) == 1
    assert {u["path"] for u in batch["unreadable"]} == {str(bad), str(tmp_path / "weg.pdf")}
    assert all(u["reason"] for u in batch["unreadable"])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the batch forks its workers on Linux (auditor.batch."
                    "_forking): there they have this test's reader")
@pytest.mark.parametrize("jobs", ["1", "2", "3"])
def test_a_document_that_kills_its_worker_is_listed_and_the_others_go_on(tmp_path, capsys, monkeypatch, jobs):
    """A crash of the PDF library ends the worker that reads the document, and with it the pool (with one
    job: the child that reads it): that document is named as unreadable, every other one is audited as a
    single check audits it."""
    import shutil
    import signal

    from auditor.ingest import pdf

    real, command = pdf._read_page, os.getpid()
    crashing = tmp_path / "valt.pdf"
    shutil.copyfile(ROOT / "fixtures" / "sociale-economie-uitvoering-2024.pdf", crashing)

    def crashes_on_one_document(page, number, path, limits):
        if path == str(crashing) and os.getpid() != command:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(page, number, path, limits)

    monkeypatch.setattr(pdf, "_read_page", crashes_on_one_document)
    others = [CLEAN, SAMPLE, ROOT / "fixtures" / "omgeving-natuur-begroting-2025.pdf",
              ROOT / "fixtures" / "omgeving-natuur-begroting-2025.txt"]
    files = [others[0], crashing, *others[1:]]
    code, batch = _json(capsys, ["check", *map(str, files), "--format", "json", "--no-progress", "--jobs", jobs])
    assert [u["path"] for u in batch["unreadable"]] == [str(crashing)]
    assert "stopte onverwacht" in batch["unreadable"][0]["reason"] and batch["unreadable"][0]["exit_code"] == 2
    assert [d["document"]["path"] for d in batch["documents"]] == [str(f) for f in others]
    for file, report in zip(others, batch["documents"]):
        assert report == _json(capsys, ["check", str(file), "--format", "json"])[1], file
    assert code == 2 == batch["summary"]["exit_code"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="documents are read ahead in a forked child")
def test_documents_read_ahead_while_the_command_loads_are_reported_as_those_read_by_a_worker(tmp_path, capsys, monkeypatch):
    """A batch's largest PDF and Word files are read in a child while the command loads and audited by the
    command beside its workers: the batch's report is byte for byte the one without reading ahead, a
    document that cannot be read included."""
    from auditor.ingest import ahead

    broken = tmp_path / "kapot.pdf"
    broken.write_bytes(b"%PDF-1.7\ntruncated")
    fixtures = ROOT / "fixtures"
    files = [fixtures / "omgeving-natuur-begroting-2025.pdf", broken, fixtures / "sociale-economie-uitvoering-2024.pdf",
             fixtures / "omgeving-natuur-begroting-2025.docx", CLEAN, fixtures / "omgeving-natuur-begroting-2025.txt"]
    argv = ["check", *map(str, files), "--format", "json", "--no-progress", "--jobs", "2"]
    made = []

    class Recorded(ahead.ReadManyAhead):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(list(self.chosen))

    monkeypatch.setattr(ahead, "ReadManyAhead", Recorded)
    assert main(argv) == 2
    read_ahead = capsys.readouterr().out
    monkeypatch.setattr(ahead, "READ_AHEAD_BYTES", 0)
    assert main(argv) == 2
    assert capsys.readouterr().out == read_ahead
    assert made[0] and broken in made[0] and made[1] == []
    assert json.loads(read_ahead)["unreadable"][0]["path"] == str(broken)


def test_batch_formats(tmp_path, capsys):
    files = [str(CLEAN), str(SAMPLE)]
    for suffix in ("sarif", "md", "html", "txt"):
        out = tmp_path / f"r.{suffix}"
        assert main(["check", *files, "-o", str(out), "--no-progress"]) == 1
        text = out.read_text(encoding="utf-8")
        assert "sociale-economie-uitvoering-2024.txt" in text
    sarif = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"]) == 2 and sarif["version"] == "2.1.0"


# ---------------------------------------------------------------------------------------------- diff


def test_diff_lists_exactly_the_changed_numbers_and_the_findings_that_came_and_went(tmp_path, capsys):
    lines = CLEAN.read_text(encoding="utf-8").split("\n")
    changed = list(lines)
    changed[730] = changed[730].replace("586.978 552.157", "586.987 552.157")  # a table cell (line 731)
    changed[754] = changed[754].replace("552.157 keuro VEK", "552.175 keuro VEK")  # a text amount (line 755)
    new = tmp_path / "nieuw.txt"
    new.write_text("\n".join(changed), encoding="utf-8")
    code, diff = _json(capsys, ["diff", str(CLEAN), str(new), "--format", "json"])
    numbers = {(c["group"], c["old"], c["new"], c["change"]) for c in diff["numbers"]}
    assert numbers == {("JB0-1JEC2HA-WT", "586.978", "586.987", "changed"), ("JB0-1JEC2HA-WT", "552.157", "552.175", "changed")}
    _, before = _json(capsys, ["check", str(CLEAN), "--format", "json"])
    _, after = _json(capsys, ["check", str(new), "--format", "json"])
    old_ids, new_ids = {f["id"] for f in before["findings"]}, {f["id"] for f in after["findings"]}
    assert {f["id"] for f in diff["appeared"]} == new_ids - old_ids != set()
    assert {f["id"] for f in diff["resolved"]} == old_ids - new_ids
    assert code == (1 if any(f["severity"] == "error" for f in diff["appeared"]) else 0)


def test_diff_of_a_word_draft_and_its_text_changes_no_table_number(capsys):
    _, diff = _json(capsys, ["diff", str(CLEAN), str(CLEAN.with_suffix(".docx")), "--format", "json"])
    assert not [c for c in diff["numbers"] if c["what"] != "tekst"]


# ---------------------------------------------------------------------------------------------- configuration


@pytest.fixture
def in_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_configuration_is_found_upward_and_the_command_line_wins(in_folder, capsys):
    (in_folder / "pyproject.toml").write_text('[tool.bbt-audit]\nfail-on = "warning"\nignore = ["BBT-MOV"]\n'
                                              'severity = {BBT-TAB-001 = "info"}\n[tool.bbt-audit.limits]\npdf_pages = 10\n',
                                              encoding="utf-8")
    below = in_folder / "a" / "b"
    below.mkdir(parents=True)
    os.chdir(below)
    assert main(["config", "--format", "json"]) == 0
    rows = {r["key"]: r for r in json.loads(capsys.readouterr().out)["settings"]}
    assert rows["fail-on"]["value"] == "warning" and "pyproject.toml [tool.bbt-audit]" in rows["fail-on"]["origin"]
    assert rows["limits.pdf_pages"]["value"] == "10" and rows["lang"]["origin"] == "standaard"
    os.environ.pop("BBT_AUDIT_LIMIT_PDF_PAGES", None)
    code, report = _json(capsys, ["check", str(CLEAN), "--format", "json"])
    os.environ.pop("BBT_AUDIT_LIMIT_PDF_PAGES", None)
    assert code == 1  # fail-on warning from the file; the clean sample has warnings besides BBT-MOV
    assert not [f for f in report["findings"] if f["rule"].startswith("BBT-MOV")]
    assert {f["severity"] for f in report["findings"] if f["rule"] == "BBT-TAB-001"} == {"info"}
    assert main(["check", str(CLEAN), "--format", "json", "--fail-on", "error"]) == 0
    capsys.readouterr()
    os.environ.pop("BBT_AUDIT_LIMIT_PDF_PAGES", None)


@pytest.mark.parametrize("content", ['fail-on = "sometimes"\n', 'colour = "red"\n', 'select = ["BBT-NOPE"]\n',
                                     "[limits]\npdf_pagez = 3\n", "not toml ["])
def test_a_bad_configuration_is_one_clear_line_and_exit_2(in_folder, capsys, content):
    (in_folder / "bbt-audit.toml").write_text(content, encoding="utf-8")
    assert main(["check", str(CLEAN), "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bbt-audit.toml" in err


# ---------------------------------------------------------------------------------------------- baseline


def test_a_baseline_reports_only_new_findings_and_keeps_the_others(tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    assert main(["check", str(SAMPLE), "--format", "json", "--write-baseline", str(baseline)]) == 1
    full = json.loads(capsys.readouterr().out)
    assert {e["id"] for e in json.loads(baseline.read_text(encoding="utf-8"))["findings"]} == {f["id"] for f in full["findings"]}
    code, report = _json(capsys, ["check", str(SAMPLE), "--format", "json", "--baseline", str(baseline)])
    assert code == 0 and report["findings"] == [] and report["summary"]["suppressed"] == len(full["findings"])
    assert report["suppressed"] == full["findings"] and report["checks"] == full["checks"]
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    lines[730] = lines[730].replace("586.978 552.157", "586.987 552.157")
    changed = tmp_path / "nieuw.txt"
    changed.write_text("\n".join(lines), encoding="utf-8")
    code, report = _json(capsys, ["check", str(changed), "--format", "json", "--baseline", str(baseline)])
    assert code == 1 and report["findings"] and all(f["id"] not in {s["id"] for s in report["suppressed"]} for f in report["findings"])


# ---------------------------------------------------------------------------------------------- conventions


def test_stdin_and_the_format_from_the_extension(tmp_path, monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CLEAN.read_bytes())))
    out = tmp_path / "r.json"
    assert main(["check", "-", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["document"]["path"] == "<stdin>"


def test_usage_without_a_command_help_in_two_languages_and_dutch_argparse_messages(capsys):
    assert main([]) == 2
    assert capsys.readouterr().err.startswith("gebruik: bbt-audit")
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    text = capsys.readouterr().out
    assert "afsluitcodes" in text and "voorbeelden" in text and "opties" in text
    with pytest.raises(SystemExit):
        main(["check", "--help", "--lang", "en"])
    assert "exit codes" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--fail-on", "sometimes"])
    assert exit_.value.code == 2 and "ongeldige keuze" in capsys.readouterr().err


def test_schema_is_the_pydantic_schema_of_the_report(capsys):
    from auditor.report.models import Report

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == Report.model_json_schema()
