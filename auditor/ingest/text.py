"""Decode a BBT text export into lines.

UTF-8 is expected; cp1252 (what Windows tools write) is accepted with a notice.
"""

from __future__ import annotations


def decode_text(data: bytes) -> tuple[list[str], str, list[str]]:
    """Lines, encoding and notices of a text export."""
    notices: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        encoding = "cp1252"
        notices.append("geen geldige UTF-8; gelezen als cp1252 (Windows-1252)")
    # splitlines() would also split on form feeds and U+2028; a BBT line is what ends in \n.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines, encoding, notices
