"""Text from the document (headings, labels, sentences) and from the user (file names) made safe for
the terminal and for Markdown. A BBT is untrusted input: an escape sequence in a heading must not
move the cursor or recolour the terminal, and `<img src=x onerror=…>` in a paragraph must not become
HTML in a pull-request comment."""

from __future__ import annotations

import re

# C0 controls but the line feed, DEL, the C1 controls (0x9b is a one-byte CSI on some terminals) and
# the bidirectional overrides and isolates that reorder what a line shows
UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# what Markdown (CommonMark, GFM tables) reads as markup; escaped with a backslash
MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~#!{}])")


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\t":
        return " "
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` with every control, escape and bidi-override character shown as `\\xNN` / `\\uNNNN`
    (a tab as a space): what reaches the terminal is exactly what it prints."""
    return UNSAFE.sub(_shown, text)


def markdown_text(text: str) -> str:
    """`text` as literal Markdown text on one line: controls shown as in `terminal_safe`, `&`, `<`, `>`
    as entities (no HTML survives), Markdown punctuation backslash-escaped, line breaks as spaces."""
    text = terminal_safe(text.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))
    text = MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
