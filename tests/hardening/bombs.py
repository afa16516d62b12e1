"""Cheap hostile files: deflate streams that inflate to gigabytes, built in milliseconds.

Deflating a repeated chunk with a sync flush after each copy leaves the compressor in the same state,
so every copy after the first compresses to the same bytes: the stream is built once and repeated.
"""

from __future__ import annotations

import struct
import zlib

CHUNK = 1 << 20


def repeated_deflate(chunk: bytes, copies: int) -> bytes:
    """A raw deflate stream (no zlib header) of `chunk` repeated `copies` times."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    blocks = [compressor.compress(chunk) + compressor.flush(zlib.Z_SYNC_FLUSH)]
    while len(blocks) < min(copies, 4):
        blocks.append(compressor.compress(chunk) + compressor.flush(zlib.Z_SYNC_FLUSH))
    steady = blocks[-1]
    if copies > len(blocks):
        assert blocks[-1] == blocks[-2], "the compressor did not reach a steady state"
        blocks += [steady] * (copies - len(blocks))
    return b"".join(blocks[:copies]) + compressor.flush()


def zlib_stream(chunk: bytes, copies: int) -> bytes:
    """The same as a zlib stream (FlateDecode in a PDF): header, raw deflate, a checksum of 0 (PDF
    readers do not check it; the bomb is refused before its end anyway)."""
    return b"\x78\xda" + repeated_deflate(chunk, copies) + b"\x00\x00\x00\x00"


def zip_file(entries: list[tuple[str, bytes, int, bool]]) -> bytes:
    """A zip of (name, data, declared uncompressed size, data is raw deflate) entries, written by hand so
    the declared size can lie; CRCs are 0 where the data is a prebuilt stream."""
    body = bytearray()
    directory = bytearray()
    for name, data, declared, deflated in entries:
        encoded = name.encode()
        method = 8 if deflated else 0
        crc = 0 if deflated else zlib.crc32(data)
        offset = len(body)
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), declared,
                            len(encoded), 0) + encoded + data
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(data),
                                 declared, len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), len(body), 0)
    return bytes(body + directory + end)


CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')


def docx_bomb(inflated: int, *, declared: int | None = None, chunk: bytes = b"\0" * CHUNK) -> bytes:
    """A .docx whose word/document.xml inflates to `inflated` bytes (declaring `declared`)."""
    copies = max(1, inflated // len(chunk))
    stream = repeated_deflate(chunk, copies)
    return zip_file([("[Content_Types].xml", CONTENT_TYPES, len(CONTENT_TYPES), False),
                     ("word/document.xml", stream, copies * len(chunk) if declared is None else declared, True)])


def paragraphs_chunk(size: int = CHUNK) -> bytes:
    """`size` bytes of valid Word paragraphs (a whole number of them)."""
    paragraph = b"<w:p><w:r><w:t>De uitgaven bedroegen 1.234 keuro VAK.</w:t></w:r></w:p>"
    return paragraph * (size // len(paragraph))


def pdf_file(content: bytes, *, pages: int = 1, flate: bool = False) -> bytes:
    """A PDF of `pages` pages that all draw one content stream (Helvetica as /F1), written by hand."""
    kids = " ".join(f"{5 + index} 0 R" for index in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        (f"<< /Length {len(content)}{' /Filter /FlateDecode' if flate else ''} >>\nstream\n").encode() + content
        + b"\nendstream",
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    objects += [page] * pages
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text_content(lines: list[str]) -> bytes:
    """A content stream that prints `lines` down the page in 10 pt Helvetica."""
    parts = [b"BT /F1 10 Tf 12 TL 40 800 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        parts.append(f"({escaped}) Tj T*".encode("latin-1"))
    parts.append(b"ET")
    return b"\n".join(parts)
