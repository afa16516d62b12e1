"""Reading a text export: encodings, and a clear refusal of everything that is not one."""

from __future__ import annotations

import pytest

from auditor.errors import InputError
from auditor.ingest import document as text_ingest
from auditor.ingest.document import read_document


def test_utf8_lines_are_numbered_from_one(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("eerste\ntweede\n", encoding="utf-8")
    assert read_document(path).lines == ["eerste", "tweede"]


def test_cp1252_is_read_with_a_notice(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("het ’budget’ bedroeg 5 keuro".encode("cp1252"))
    source = read_document(path)
    assert source.encoding == "cp1252" and "’budget’" in source.lines[0]
    assert source.notices


def test_the_byte_order_mark_is_not_part_of_the_first_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfPROGRAMMA\n")
    assert read_document(path).lines == ["PROGRAMMA"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "leeg"),
        (b"   \n\n", "leeg"),
        (b"\x00\x01\x02binary\x00" * 10, "binaire"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "binaire"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04" + b"[Content_Types].xml word/document.xml", "Word"),
    ],
)
def test_what_is_not_a_text_export_is_refused_clearly(tmp_path, content, message):
    path = tmp_path / "document.txt"  # the extension says text; the content decides
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_document(path)


def test_missing_file_and_directory_are_refused(tmp_path):
    with pytest.raises(InputError, match="niet gevonden"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="map"):
        read_document(tmp_path)


def test_a_huge_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("BBT_AUDIT_LIMIT_FILE_BYTES", "100")
    path = tmp_path / "a.txt"
    path.write_text("x" * 200, encoding="utf-8")
    with pytest.raises(InputError, match="te groot"):
        read_document(path)
