"""Narrative text of one scope as one string, split into sentences, with every character's line.

PDF-extracted text wraps sentences over lines with blank lines between, glues footnote markers to
words ("bedroeg.2 De kloof") and starts new pages with a space. Joining the lines of a scope into one
string (keeping a map back to line and column) lets a sentence be read whole, wherever it wraps.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from auditor.source import SourceRef

BULLET_MARKS = "-–•▪◦●"
BULLET = re.compile(rf"^\s*(?:[{BULLET_MARKS}]|\d+[.)])\s+")
PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
# a parenthesised amount closing a short line that does not end a sentence: a sub-heading such as
# "Begeleidingspremie (3.602 keuro VAK)"
SUBHEADING = re.compile(r"^\s*[A-ZÀ-Ý][^.:;!?]{1,110}\(([^()]*\d[^()]*)\)\s*$")
# Both patterns start with the character they are anchored on (the dot, the sentence's end mark) rather
# than with a lookbehind: the regex engine then jumps from candidate to candidate instead of trying every
# position of a passage (more than half of the time of building one). Same matches: the lookbehind after the
# dot still tests the character before it; a sentence end is used by its end only.
GLUED_FOOTNOTE = re.compile(r"\.(?<=[a-z)’']\.)(\d{1,2})(?=\s+[A-Z])")
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z‘'\"(À-Ý])")


@dataclass
class Sentence:
    text: str
    start: int  # offset in the passage
    bullet: bool = False
    subheading: bool = False
    ends_with_colon: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Passage:
    text: str
    # one (offset in text, line, column of that offset) per joined line: a few hundred entries instead of a
    # position per character
    segments: list[tuple[int, int, int]]
    sentences: list[Sentence] = field(default_factory=list)
    footnotes: dict[int, int] = field(default_factory=dict)  # footnote number → its line, for glued markers

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of the character at `offset`; a joining space belongs to the line before."""
        index = bisect_right(self.segments, (offset, 1 << 30, 0)) - 1
        start, line, column = self.segments[max(index, 0)]
        return line, column + offset - start

    def ref(self, start: int, end: int, role: str | None = None) -> SourceRef:
        line, column = self.position(start)
        end_line = self.position(max(start, end - 1))[0]
        return SourceRef(line=line, end_line=end_line, column=column, text=self.text[start:end], role=role)

    def line_of(self, offset: int) -> int:
        return self.position(offset)[0]


def build_passage(lines: list[str], start: int, end: int, skip: set[int]) -> Passage:
    """Join lines start..end (1-based, inclusive) except `skip` into one passage with sentences."""
    chars: list[str] = []
    segments: list[tuple[int, int, int]] = []
    length = 0
    breaks: list[tuple[int, str]] = []  # (offset, kind) hard sentence breaks
    previous_text = ""
    for number in range(start, end + 1):
        if number in skip:
            continue
        text = lines[number - 1].rstrip()
        # each pattern only where a cheap test it implies holds (`text` and `body` have no whitespace at
        # their ends): a page number ends in a digit, a bullet starts with its mark or a digit, a
        # sub-heading ends in ')'. Most lines are prose and need none of the three
        if not text or (text[-1].isdecimal() and PAGE_NUMBER.match(text)):
            continue
        body = text.lstrip()
        lead = len(text) - len(body)
        kind = ""
        if (body[0] in BULLET_MARKS or body[0].isdecimal()) and BULLET.match(body):
            kind = "bullet"
        elif body[-1] == ")" and SUBHEADING.match(body) and (not previous_text or previous_text.endswith((".", ":", ")"))):
            kind = "subheading"
        if kind or (chars and previous_text.endswith(":")):
            breaks.append((length, kind))
        elif chars:
            chars.append(" ")
            length += 1
        if kind == "subheading":
            breaks.append((length + len(body), "after"))
        segments.append((length, number, lead))
        chars.append(body)
        length += len(body)
        previous_text = body
    text = "".join(chars)
    text = GLUED_FOOTNOTE.sub(lambda m: "." + " " * len(m.group(1)), text)
    passage = Passage(text=text, segments=segments)
    passage.sentences = _split(text, breaks)
    return passage


def _split(text: str, breaks: list[tuple[int, str]]) -> list[Sentence]:
    cut_points = {0: ""}
    for offset, kind in breaks:
        cut_points[offset] = kind if kind != "after" else cut_points.get(offset, "")
    for match in SENTENCE_END.finditer(text):
        cut_points.setdefault(match.end(), "")
    ordered = sorted(cut_points)
    sentences: list[Sentence] = []
    for position, offset in enumerate(ordered):
        stop = ordered[position + 1] if position + 1 < len(ordered) else len(text)
        chunk = text[offset:stop]
        stripped = chunk.rstrip()
        if not stripped.strip():
            continue
        lead = len(chunk) - len(chunk.lstrip())
        kind = cut_points[offset]
        sentences.append(
            Sentence(
                text=stripped.lstrip(),
                start=offset + lead,
                bullet=kind == "bullet",
                subheading=kind == "subheading",
                ends_with_colon=stripped.endswith(":"),
            )
        )
    return sentences
