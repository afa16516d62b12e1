"""Read an input file into numbered lines with their origins: text export, PDF or Word draft, without
the project's models (so that a document can be read by a process of its own, forked before they load;
see auditor.ingest.ahead). auditor.ingest.document turns the result into a SourceText.

The format is recognised from the content (magic bytes), never from the extension: a PDF named .docx
is read as the PDF it is. Anything unreadable gets an InputError naming the problem in one line.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from auditor.errors import InputError
from auditor.ingest.detect import HEAD_BYTES, detect_format
from auditor.ingest.origin import LineOrigin
from auditor.ingest.text import control_characters, decode_text
from auditor.limits import Limits, current_limits, exceeded


@dataclass
class Decoded:
    """A document's lines as read, with what a SourceText holds."""

    path: str
    format: str  # text | pdf | docx
    sha256: str
    encoding: str
    lines: list[str]
    origins: list[LineOrigin] | None = None  # one per line for PDF and Word input
    notices: list[str] = field(default_factory=list)


def read_file(path: str | Path, limits: Limits | None = None) -> bytes:
    """The bytes of the document at `path`. Raises InputError for anything that is no readable file."""
    limits = limits or current_limits()
    file = Path(path)
    try:
        info = os.stat(file)  # follows links; a loop or a dangling link is named as what it is
    except OSError as exc:
        raise _stat_refusal(file, exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{file} is een map, geen document", f"{file} is a directory, not a document")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{file} is geen gewoon bestand (apparaat, FIFO of socket); geef een document op",
                         f"{file} is not a regular file (a device, FIFO or socket); give a document")
    size = info.st_size
    if size > limits.file_bytes:
        raise InputError(
            f"{file} is te groot ({size // (1024 * 1024)} MB; maximum {limits.file_bytes // (1024 * 1024)} MB; "
            "BBT_AUDIT_LIMIT_FILE_BYTES)",
            f"{file} is too large ({size // (1024 * 1024)} MB; limit {limits.file_bytes // (1024 * 1024)} MB; "
            "BBT_AUDIT_LIMIT_FILE_BYTES)",
        )
    try:
        with open(file, "rb") as stream:
            data = stream.read(limits.file_bytes + 1)  # a file that grows while read stays bounded
    except OSError as exc:
        raise InputError(f"{file} kan niet gelezen worden: {exc.strerror}", f"cannot read {file}: {exc.strerror}") from exc
    if len(data) > limits.file_bytes:
        raise InputError(f"{file} is te groot (maximum {limits.file_bytes // (1024 * 1024)} MB)",
                         f"{file} is too large (limit {limits.file_bytes // (1024 * 1024)} MB)")
    return data


def _stat_refusal(file: Path, exc: OSError) -> InputError:
    if exc.errno == errno.ELOOP:
        return InputError(f"{file}: symbolische koppeling in een lus (verwijst uiteindelijk naar zichzelf)",
                          f"{file}: symbolic link loop (it ends up pointing at itself)")
    if exc.errno == errno.ENOENT and os.path.islink(file):
        return InputError(f"{file}: symbolische koppeling naar een bestand dat niet bestaat ({os.readlink(file)})",
                          f"{file}: symbolic link to a file that does not exist ({os.readlink(file)})")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return InputError(f"bestand niet gevonden: {file}", f"file not found: {file}")
    if exc.errno == errno.ENAMETOOLONG:
        return InputError(f"bestandsnaam te lang: {str(file)[:80]}…", f"file name too long: {str(file)[:80]}…")
    return InputError(f"{file} kan niet gelezen worden: {exc.strerror}", f"cannot read {file}: {exc.strerror}")


def decode(data: bytes, path: str, limits: Limits | None = None) -> Decoded:
    """The lines of a document's bytes. Raises InputError for what cannot be read as a BBT."""
    limits = limits or current_limits()
    kind = detect_format(data[:HEAD_BYTES])
    sha256 = hashlib.sha256(data).hexdigest()
    if kind == "empty":
        raise InputError(f"{path} is leeg", f"{path} is empty")
    if kind == "doc":
        raise InputError(f"{path} is een Word 97-2003-document (.doc); open het in Word en sla het op als .docx",
                         f"{path} is a Word 97-2003 document (.doc); open it in Word and save it as .docx")
    if kind == "encrypted_office":
        raise InputError(f"{path} is een met een wachtwoord versleuteld Office-document; sla het op zonder wachtwoord",
                         f"{path} is a password-encrypted Office document; save it without a password")
    if kind == "binary":
        raise InputError(f"{path} is geen BBT: geen tekst, PDF of Word-document (binaire inhoud)",
                         f"{path} is not a BBT: not text, PDF or a Word document (binary content)")
    if kind == "pdf":
        from auditor.ingest.pdf import read_pdf

        lines, origins, notices = read_pdf(data, path, limits)
        source = Decoded(path=path, format="pdf", sha256=sha256, encoding="pdf", lines=lines, origins=origins,
                         notices=notices)
    elif kind in ("docx", "zip"):
        from auditor.ingest.docx import read_docx

        lines, origins, notices = read_docx(data, path, limits)
        source = Decoded(path=path, format="docx", sha256=sha256, encoding="docx", lines=lines, origins=origins,
                         notices=notices)
    else:
        lines, encoding, notices = decode_text(data)
        source = Decoded(path=path, format="text", sha256=sha256, encoding=encoding, lines=lines, notices=notices)
    characters = sum(len(line) for line in source.lines)
    if characters > limits.document_chars:
        raise exceeded(path, "tekens tekst", "characters of text", characters, "document_chars", limits.document_chars)
    if source.format != "text":  # a text export's control characters are reported (and dropped) as it is decoded
        source.notices = source.notices + control_characters(source.lines, dropped=False)
    return source
