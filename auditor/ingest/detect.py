"""Format detection from content (magic bytes), never from the file extension."""

from __future__ import annotations

from typing import Literal

Format = Literal["text", "pdf", "docx", "zip", "binary", "empty", "doc", "encrypted_office"]
HEAD_BYTES = 65536  # the first bytes of a file its format is told from

_BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf",
)
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of Word 97-2003 (.doc) and of encrypted .docx
# byte order marks, longest first: a UTF-32 LE mark starts with the UTF-16 LE one
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)


def bom_encoding(head: bytes) -> tuple[str, int] | None:
    """The encoding a byte order mark names, and the mark's length."""
    for mark, encoding in BOMS:
        if head.startswith(mark):
            return encoding, len(mark)
    return None


def detect_format(head: bytes) -> Format:
    """Classify the first bytes of a file."""
    if not head.strip():
        return "empty"
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in head or b"[Content_Types].xml" in head else "zip"
    if head.startswith(OLE2):
        # directory entries are UTF-16 names: 'WordDocument' is a .doc, 'EncryptedPackage' a protected .docx
        if "EncryptedPackage".encode("utf-16-le") in head:
            return "encrypted_office"
        return "doc" if "WordDocument".encode("utf-16-le") in head else "binary"
    if head.startswith(_BINARY_SIGNATURES):
        return "binary"
    bom = bom_encoding(head)
    if bom is not None and bom[0] != "utf-8":  # UTF-8 with a mark is read as any text below
        return "text" if _decodes(head[bom[1]:], bom[0]) else "binary"
    sample = head[:8192]
    # a stray NUL or escape is a control character in a text (reported with its place when the text is
    # read); many of them is binary content
    control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    if control > len(sample) // 100 + 2:
        return "binary"
    return "text"


def _decodes(sample: bytes, encoding: str) -> bool:
    """Whether a sample decodes as `encoding` (a character cut at the sample's end aside)."""
    width = 4 if "32" in encoding else 2
    sample = sample[: len(sample) - len(sample) % width]
    try:
        sample.decode(encoding)
    except UnicodeDecodeError as exc:
        return exc.start >= len(sample) - 4  # a surrogate pair cut by the sample's end
    return True
