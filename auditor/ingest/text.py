"""Decode a BBT text export into lines.

UTF-8 is expected; cp1252 (what Windows tools write) is accepted with a notice; UTF-16 and UTF-32 with
a byte order mark are decoded (Notepad's "Unicode"). Control characters (a NUL, an escape, a backspace)
are no text: each is dropped from its line and reported in a notice with its line and column, wherever
in the file it stands, so '522\\0.157' is read as the 522.157 it shows and the reader is told.
"""

from __future__ import annotations

import re

from auditor.ingest.detect import bom_encoding

# C0 controls except tab, line feed, vertical tab, form feed and carriage return (line ends and page
# breaks of text exports), DEL and the C1 controls
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
SHOWN_PLACES = 5  # places listed in the notice; the rest are counted


def decode_text(data: bytes) -> tuple[list[str], str, list[str]]:
    """Lines, encoding and notices of a text export."""
    notices: list[str] = []
    bom = bom_encoding(data[:4])
    if bom is not None and bom[0] != "utf-8":
        encoding = bom[0]
        text = data[bom[1]:].decode(encoding, errors="replace")
        notices.append(f"gelezen als {encoding.upper()} (met byte order mark)")
    else:
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
    notices += control_characters(lines, dropped=True)
    return lines, encoding, notices


def control_characters(lines: list[str], *, dropped: bool) -> list[str]:
    """A notice naming the control characters in `lines` and where they stand (line, column; 1-based);
    with `dropped`, each is removed from its line (in place)."""
    places: list[str] = []
    count = 0
    for index, line in enumerate(lines):
        if not CONTROL.search(line):
            continue
        for match in CONTROL.finditer(line):
            count += 1
            if len(places) < SHOWN_PLACES:
                places.append(f"regel {index + 1} kolom {match.start() + 1}: U+{ord(match.group()):04X}")
        if dropped:
            lines[index] = CONTROL.sub("", line)
    if not count:
        return []
    more = f"; en {count - len(places)} meer" if count > len(places) else ""
    what = "stuurteken" if count == 1 else "stuurtekens"
    action = "verwijderd (geen tekst)" if dropped else "in de tekst (niet gelezen als tekst)"
    return [f"{count} {what} {action}: {'; '.join(places)}{more}"]
