"""Silence means checked: what the reader could not read or check is listed with its place and reason; a
document in which nothing was checked is not clean (exit 4), and --fail-on partial fails a partly read one."""

from __future__ import annotations

import json

from auditor.cli import NOTHING_CHECKED, main

ARTICLE = [
    "JB0-1JEC2HA-WT – COLLECTIEF MAATWERK", "(duizend euro)", "VAK VEK",
    "BA 2024 BA-JR 2024 BU 2024 BA 2024 BA-JR 2024 BU 2024",
    "Uitgaven 580.966 588.293 552.289 580.966 586.978 552.157",
    "Het beschikbare budget bedroeg 588.293 keuro VAK en 586.978 keuro VEK.",
]


def _write(tmp_path, lines: list[str]):
    path = tmp_path / "bbt.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_document_whose_tables_nothing_checks_exits_4_and_says_so(tmp_path, capsys):
    # a table under no article, ISE or programme: read, but no relation binds its numbers
    lines = ["Overzicht", "(duizend euro) VAK VEK", "BA 2024 10 10", "BU 2024 8 8"]
    path = _write(tmp_path, lines)
    assert main(["check", str(path)]) == NOTHING_CHECKED
    out = capsys.readouterr().out
    assert "Niets gecontroleerd" in out and "Geen fouten" not in out
    assert main(["check", str(path), "--format", "json"]) == NOTHING_CHECKED
    report = json.loads(capsys.readouterr().out)
    assert report["coverage"]["status"] == "nothing_checked"
    assert [(u["what"], u["line"]) for u in report["coverage"]["unread"]] == [("table", 2)]


def test_a_row_the_reader_could_not_fit_is_listed_and_fails_only_with_fail_on_partial(tmp_path, capsys):
    path = _write(tmp_path, ARTICLE + ["", "XX0-1XXX2XX-WT – ANDER ARTIKEL", "(duizend euro)", "VAK VEK",
                                       "BA 2024 BA-JR 2024 BU 2024 BA 2024 BA-JR 2024 BU 2024", "Uitgaven 1 2 3 4 5"])
    assert main(["check", str(path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["coverage"]["status"] == "partly_read"
    unread = report["coverage"]["unread"]
    assert ("row", 12) in [(u["what"], u["line"]) for u in unread] and all(u["reason"] for u in unread)
    assert main(["check", str(path), "--fail-on", "partial", "-q"]) == 1
    assert main(["check", str(path), "--fail-on", "never", "-q"]) == 0


def test_each_section_reports_the_share_of_its_numbers_that_took_part_in_a_check(tmp_path, capsys):
    path = _write(tmp_path, ARTICLE)
    assert main(["check", str(path), "--format", "json"]) == 0
    sections = json.loads(capsys.readouterr().out)["coverage"]["sections"]
    article = next(s for s in sections if s["title"].startswith("JB0-1JEC2HA-WT"))
    # the BA-JR cells and the two amounts restating them, and BU against BA-JR (BBT-DRV-003); BA is stated
    # nowhere else
    assert article["numbers"] == 8 and article["checked"] == 6


def test_a_sentence_with_more_numbers_than_the_limit_is_listed_as_not_read(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BBT_AUDIT_LIMIT_SENTENCE_AMOUNTS", "20")
    sentence = "De bedragen zijn " + ", ".join(f"{n} keuro" for n in range(1, 31)) + "."
    path = _write(tmp_path, ARTICLE + [sentence])
    assert main(["check", str(path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    unread = [u for u in report["coverage"]["unread"] if u["what"] == "sentence"]
    assert [(u["line"], "30 getallen" in u["reason"], "BBT_AUDIT_LIMIT_SENTENCE_AMOUNTS" in u["reason"]) for u in unread] \
        == [(7, True, True)]
    assert report["summary"]["info"] < 30  # its numbers are not each reported
