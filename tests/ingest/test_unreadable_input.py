"""PDFs and Word drafts that cannot be read get one clear line and exit 2 — never a traceback — and the
format is taken from the content, not from the extension."""

from __future__ import annotations

import io
import zipfile

import pytest
from PIL import Image
from pypdf import PdfWriter

from auditor.cli import main
from auditor.errors import InputError
from auditor.ingest import read_document
from tests.formats.helpers import fixture


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=fixture("pdf"))
    writer.encrypt(user_password=user_password, owner_password="eigenaar")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _image_only_pdf() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (595, 842), "white").save(buffer, "PDF")  # a scan: a picture, no text layer
    return buffer.getvalue()


def _zip_without_word() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notities.txt", "geen Word")
    return buffer.getvalue()


UNREADABLE = {
    "encrypted with a user password": ("beveiligd.pdf", lambda: _encrypted("geheim"), "beveiligd met een wachtwoord"),
    "truncated PDF": ("afgebroken.pdf", lambda: fixture("pdf").read_bytes()[:40_000], "geen leesbare PDF"),
    "PDF header only": ("kop.pdf", lambda: b"%PDF-1.7\n", "geen leesbare PDF"),
    "zero bytes": ("leeg.pdf", lambda: b"", "is leeg"),
    "image-only PDF": ("scan.pdf", _image_only_pdf, "geen tekstlaag"),
    "docx that is not a zip": ("ontwerp.docx", lambda: bytes(range(256)) * 8, "binaire inhoud"),
    "truncated docx": ("ontwerp.docx", lambda: fixture("docx").read_bytes()[:20_000], "geen geldig Word-document"),
    "zip that is not a docx": ("ontwerp.docx", _zip_without_word, "geen Word-document"),
}


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_unreadable_input_gives_one_clear_line_and_exit_2(tmp_path, capsys, case):
    name, make, message = UNREADABLE[case]
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(InputError, match=message):
        read_document(path)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_pdf_readable_without_a_password_is_read(tmp_path):
    """An owner password only restricts editing; the text layer is readable and gets audited."""
    path = tmp_path / "alleen-eigenaar.pdf"
    path.write_bytes(_encrypted(""))
    assert read_document(path).format == "pdf"


@pytest.mark.parametrize(("real", "named"), [("docx", "pdf"), ("pdf", "docx"), ("txt", "pdf")])
def test_the_content_decides_the_format_not_the_extension(tmp_path, real, named):
    path = tmp_path / f"misnoemd.{named}"
    path.write_bytes(fixture(real).read_bytes())
    source = read_document(path)
    assert source.format == {"txt": "text"}.get(real, real)
    assert any("522.157" in line for line in source.lines)


def test_english_message_on_request(tmp_path, capsys):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_image_only_pdf())
    assert main(["check", str(path), "--lang", "en"]) == 2
    assert "has no text layer" in capsys.readouterr().err
