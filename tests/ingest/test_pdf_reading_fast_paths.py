"""The shortcuts of the PDF reader give what the long way gives: lines read as they stand keep every
character's PDFium index, and the stream pre-check lets pypdf judge whenever the file's streams
together could exceed the page limit."""

from __future__ import annotations

import random
import re
import zlib

import pytest

from auditor.ingest.pdf import (LINE_END_HYPHENS, _bullet_read, _hyphens_resolved, _join_words_across_line_ends,
                                _streams_within, check_streams, text_lines)
from auditor.limits import Limits
from tests.hardening.bombs import pdf_file, text_content, zlib_stream

MARK = sorted(LINE_END_HYPHENS)[0]


def test_a_line_read_as_it_stands_keeps_the_index_of_every_character():
    text = "Artikel SB0-1SAX2AA-WT   \r\n\r\n  De uitgaven bedroegen 1.234 keuro\nVAK\rtot slot  \t"
    lines = text_lines(text)
    assert [line for line, _ in lines] == ["Artikel SB0-1SAX2AA-WT", "  De uitgaven bedroegen 1.234 keuro", "VAK",
                                           "tot slot"]
    for line, index in lines:
        assert len(index) == len(line)
        assert "".join(text[i] for i in index) == line


def test_only_the_lines_around_a_mark_are_taken_apart():
    text = f"eerste regel\r\nbedraagt 47,6 mil{MARK}\r\njoen euro voor 2024\r\nlaatste regel"
    lines = text_lines(text)
    assert [line for line, _ in lines] == ["eerste regel", "bedraagt 47,6 miljoen", "euro voor 2024", "laatste regel"]
    assert isinstance(lines[0][1], range) and isinstance(lines[3][1], range)
    assert lines[3][1][0] == text.index("laatste")


def _every_character_apart(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """text_lines the long way, every line taken apart character by character (as it was read before)."""
    lines = []
    offset = 0
    for raw in re.split(r"\r\n|\n|\r", text):
        lines.append([(char, offset + position) for position, char in enumerate(raw)])
        offset += len(raw) + (2 if text.startswith("\r\n", offset + len(raw)) else 1)
    _join_words_across_line_ends(lines)
    out = []
    for chars in lines:
        chars = _bullet_read(_hyphens_resolved(chars))
        while chars and chars[-1][0].isspace():
            chars.pop()
        if any(not char.isspace() for char, _ in chars):
            out.append(("".join(char for char, _ in chars), tuple(index for _, index in chars)))
    return out


PIECES = ["Fi", "nan", "ciën", "mil", "joen", "VAK", "krediet", "re", "integratie", "2024", "12.500", "47,6", " ", "  ",
          "\t", "\u00a0", MARK, "\x02", "-", "\r\n", "\n", "\r", "\uf0b7", "•", "\uf0a7\t", "e", "x"]


@pytest.mark.parametrize("seed", range(300))
def test_lines_read_as_they_stand_are_what_the_long_way_reads(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
    assert [(line, tuple(index)) for line, index in text_lines(text)] == _every_character_apart(text)


def _limits(page_stream_bytes: int) -> Limits:
    return Limits(pdf_page_stream_bytes=page_stream_bytes)


def test_an_ordinary_pdf_is_let_through_without_pypdf():
    data = pdf_file(zlib.compress(text_content(["De uitgaven bedroegen 1.234 keuro VAK."])), flate=True)
    assert _streams_within(data, 1 << 20)
    check_streams(data, "doc.pdf", _limits(1 << 20))


def test_streams_that_could_exceed_the_limit_go_to_pypdf():
    content = zlib.compress(b" " * 200_000)
    data = pdf_file(content, flate=True)
    assert not _streams_within(data, 100_000)  # the file's streams inflate to more than the limit
    assert _streams_within(data, 200_000 + len(data))
    assert not _streams_within(data, len(data) - 1)  # the file alone is bigger than the limit


def test_a_bomb_is_still_refused():
    data = pdf_file(zlib_stream(b" " * (1 << 20), 64), flate=True)  # 64 MiB of spaces
    assert not _streams_within(data, 8 << 20)
    with pytest.raises(Exception, match="PDF_PAGE_STREAM_BYTES"):
        check_streams(data, "bomb.pdf", _limits(8 << 20))


def test_an_encrypted_file_is_left_to_pypdf():
    data = pdf_file(zlib.compress(text_content(["x"])), flate=True).replace(b"/Root 1 0 R", b"/Root 1 0 R /Encrypt 9 0 R")
    assert not _streams_within(data, 1 << 20)
