"""Format detection from content (magic bytes), never from the file extension."""

from __future__ import annotations

from typing import Literal

Format = Literal["text", "pdf", "docx", "zip", "binary", "empty"]

_BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"\xd0\xcf\x11\xe0", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf",
)


def detect_format(head: bytes) -> Format:
    """Classify the first bytes of a file."""
    if not head.strip():
        return "empty"
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in head or b"[Content_Types].xml" in head else "zip"
    if head.startswith(_BINARY_SIGNATURES):
        return "binary"
    sample = head[:8192]
    if b"\x00" in sample:
        # UTF-16 text has NULs too; BBT exports are UTF-8 or cp1252, so treat it as binary.
        return "binary"
    control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    if control > len(sample) // 100 + 2:
        return "binary"
    return "text"
