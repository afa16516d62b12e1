"""What an input may make the auditor do, in one place: every limit is named, documented and
configurable, and checked before the work it bounds (a .docx part's size before it is parsed, a PDF's
page count before a page is loaded, a content stream's size while it is inflated, not after).

A real BBT is far inside every limit (the bundled sample: 2,654 lines, 83,000 characters; its Word
draft's document.xml 140 kB; its PDF 60 pages). The limits exist so that a hostile or broken file is
refused in a second with one line, instead of taking minutes and gigabytes (a zip bomb, a PDF with a
2 GiB content stream, a million pages sharing one stream).

Each limit can be changed with an environment variable `BBT_AUDIT_LIMIT_<NAME>` (NAME in upper case,
e.g. `BBT_AUDIT_LIMIT_DOCX_PART_BYTES=100000000`), or by passing a `Limits` to `read_document`.
A refusal names the limit and its variable, so the user knows what to raise if the file is genuine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    # the input file on disk, any format (a BBT PDF is a few MB; 50 MB means something else)
    file_bytes: int = 50 * MiB
    # characters of text the reader may produce for one document, any format (18× the sample; the
    # audit of that much takes some 8 s, which is what bounds it)
    document_chars: int = 1_500_000
    # .docx: entries in the zip's central directory (a Word document has a few dozen)
    docx_entries: int = 2_000
    # .docx: decompressed size of one part (document.xml, styles.xml, footnotes.xml, an image …)
    docx_part_bytes: int = 24 * MiB
    # .docx: decompressed size of all parts together
    docx_total_bytes: int = 48 * MiB
    # PDF: pages
    pdf_pages: int = 2_000
    # PDF: decompressed size of one page's content streams and the forms it draws
    pdf_page_stream_bytes: int = 8 * MiB
    # PDF: characters of one page's text layer
    pdf_page_chars: int = 100_000
    # numbers with a unit in one sentence: a real BBT's longest sentence has a few dozen; a sentence with
    # more is listed as not read instead of yielding thousands of findings (a hostile or broken export)
    sentence_amounts: int = 500


def env_name(name: str) -> str:
    return f"BBT_AUDIT_LIMIT_{name.upper()}"


def current_limits() -> Limits:
    """The defaults, with any `BBT_AUDIT_LIMIT_<NAME>` set in the environment (a positive integer)."""
    changes: dict[str, int] = {}
    for field in fields(Limits):
        raw = os.environ.get(env_name(field.name))
        if raw is None:
            continue
        try:
            value = int(raw.replace("_", ""))
        except ValueError:
            value = 0
        if value <= 0:
            from auditor.errors import InputError

            raise InputError(f"{env_name(field.name)} moet een positief geheel getal zijn, niet {raw!r}",
                             f"{env_name(field.name)} must be a positive integer, not {raw!r}")
        changes[field.name] = value
    return replace(Limits(), **changes)


def exceeded(path: str, what_nl: str, what_en: str, found: int | str, name: str, limit: int):
    """The InputError for a limit a document exceeds: what, how much, the limit and its variable."""
    from auditor.errors import InputError

    return InputError(
        f"{path} overschrijdt een limiet: {what_nl} {found} (maximum {limit}; {env_name(name)}); geweigerd",
        f"{path} exceeds a limit: {what_en} {found} (limit {limit}; {env_name(name)}); refused",
    )
