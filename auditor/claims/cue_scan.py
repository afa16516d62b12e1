"""The cues in a text (auditor.claims.cues), found as a scan of the whole text finds them, but reusing the
scan of an earlier text that begins the same way.

The claim reader asks for the cues before each amount of a sentence: the sentence's prefix up to that
amount. Scanning every prefix anew costs the square of the sentence's length; a sentence of hundreds of
movements ("het krediet steeg met … keuro, …") took seconds, one of 400 amounts nine. Here only the end
of a prefix is scanned again.

Why that gives the same matches: a regex scan (`finditer`, `sub`) tries the positions of the text from
left to right, and an attempt at one position looks at characters from there on until every way of
matching has failed or one has succeeded. No cue pattern can look past more than CUE_SPAN_RUNS_MAX runs of
whitespace from where it starts (tests/claims/test_cue_scan.py reads every pattern and holds it to that).
So where two texts agree up to position k, every attempt that starts more than that many runs of
whitespace before k looks only at characters both texts share, and ends alike in both: their matches up
to there are the same, and the scan goes on from there. Blanking the denominator phrases (which changes
what the cue patterns see) is reused the same way, on the texts as written; the cue patterns then on the
blanked texts, from where those agree."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from auditor.claims import cues

Cue = tuple[str, int, int]  # kind, start, end in the text

# the patterns a scan runs, in the order their cues are listed: the levels, then the movements
LEVEL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(cues.LEVEL_CUES.items())
MOVEMENT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("UP", cues.MOVEMENT_UP), ("DOWN", cues.MOVEMENT_DOWN), ("NEUTRAL", cues.MOVEMENT_NEUTRAL))
PATTERNS = LEVEL_PATTERNS + MOVEMENT_PATTERNS
BLANKED = cues.DENOMINATOR_PHRASE  # a level cue inside it names a percentage's denominator: blanked first
# every pattern that is scanned or searched here: each is held to CUE_SPAN_RUNS_MAX (tests/claims)
BOUNDED_PATTERNS: tuple[re.Pattern[str], ...] = (*(p for _, p in PATTERNS), BLANKED, cues.NET)

# runs of whitespace an attempt may look across, with a margin for the one character a closing \b or a
# lookahead inspects beyond the last one it consumes
GUARD_RUNS = cues.CUE_SPAN_RUNS_MAX + 2
# how far back from where two texts part the guard is looked for: a text whose last GUARD_RUNS runs of
# whitespace are not within this many characters (a hostile run of letters) is scanned from its start
GUARD_WINDOW = 16_384
GUARD_PEEK = 256  # characters looked at first (a sentence's last dozen words), then four times more
SCANS_KEPT = 8  # earlier texts a new one may begin like (the reader interleaves prefixes and clauses)
WHITESPACE = re.compile(r"\s+")
BLOCK = 4096  # characters compared at a time where two texts part


@dataclass
class _Scan:
    text: str
    blanks: list[tuple[int, int]]  # the denominator phrases in `text`
    cleaned: str  # `text` with those phrases blanked out (spaces, so every position stays)
    spans: list[list[tuple[int, int]]]  # per pattern of PATTERNS, its matches in `cleaned`


def scan_whole(text: str) -> tuple[list[Cue], list[Cue]]:
    """The level cues and the movement cues of `text`, every pattern run over all of it (a short text:
    cheaper than comparing it with the earlier ones, see CueScanner)."""
    cleaned = cues.without_denominators(text, keep_positions=True)
    levels = [(kind, m.start(), m.end()) for kind, pattern in LEVEL_PATTERNS for m in pattern.finditer(cleaned)]
    movements = [(kind, m.start(), m.end()) for kind, pattern in MOVEMENT_PATTERNS for m in pattern.finditer(cleaned)]
    return levels, movements


class CueScanner:
    """Scans texts for cues; keeps the last SCANS_KEPT scans to start from."""

    def __init__(self) -> None:
        self.kept: list[_Scan] = []
        self.scanned = 0  # characters the patterns were run over (all of them count once per pattern set)

    def scan(self, text: str) -> tuple[list[Cue], list[Cue]]:
        """The level cues and the movement cues of `text`, as (kind, start, end) in the order a scan of
        each pattern over the whole (blanked) text lists them."""
        earlier, agree = self._closest(text)
        blanks = _continued(BLANKED, text, earlier.blanks if earlier else [], _guard(text, agree))
        cleaned = _blanked(text, blanks)
        agree_cleaned = _agreement(earlier.cleaned, cleaned) if earlier else 0
        guard = _guard(cleaned, agree_cleaned)
        spans = [_continued(pattern, cleaned, earlier.spans[n] if earlier else [], guard)
                 for n, (_, pattern) in enumerate(PATTERNS)]
        self.scanned += len(cleaned) - guard
        self.kept = [_Scan(text, blanks, cleaned, spans)] + [s for s in self.kept if s is not earlier][:SCANS_KEPT - 1]
        found = [[(kind, start, end) for start, end in spans[n]] for n, (kind, _) in enumerate(PATTERNS)]
        levels = [cue for part in found[:len(LEVEL_PATTERNS)] for cue in part]
        movements = [cue for part in found[len(LEVEL_PATTERNS):] for cue in part]
        return levels, movements

    def _closest(self, text: str) -> tuple[_Scan | None, int]:
        """The kept scan whose text agrees with `text` the longest, and how far."""
        best: _Scan | None = None
        best_agree = 0
        for scan in self.kept:
            agree = _agreement(scan.text, text)
            if agree > best_agree:
                best, best_agree = scan, agree
        return best, best_agree


class PrefixSearch:
    """`pattern.search(text[:end]) is not None` for many ends of one text, each at the cost of the last
    few words before `end` rather than all of text[:end] (a sentence asks it before each of its amounts).

    Exact for the same reason as CueScanner: an attempt starting before `_guard(text, end)` looks only at
    text[:end], so it ends alike whether the text goes on or not. Such an attempt succeeds in text[:end]
    exactly when the first match in the whole text starts before the guard; attempts from the guard on
    are made in text[:end] itself."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern, self.text = pattern, text
        self.first = pattern.search(text)

    def before(self, end: int) -> bool:
        guard = _guard(self.text, end)
        if self.first is not None and self.first.start() < guard:
            return True
        return self.pattern.search(self.text, guard, end) is not None


class ClauseAfter:
    """`pattern.search(after[:stop])` for the text after each of many positions of one text, where `after`
    is the text from that position and `stop` where `stops` first matches in it (the clause's end): from
    one scan of the text for its stops and one per clause for the pattern, not one of the rest of the
    text per position (a sentence asks it after each of its amounts).

    Exact where neither `stops` nor `pattern` has two matches that overlap (each match then starts where
    a search from any position before it finds one; the patterns given are written so, see cues): a
    search of after[:stop] tries each position from the start; every try after the first sees the same
    characters as in the whole text up to the clause's end, so it succeeds where the clause's matches
    start; only the first try, at the clause's cut start (where \b sees no character before), is made
    on its own."""

    def __init__(self, stops: re.Pattern[str], pattern: re.Pattern[str], text: str) -> None:
        self.pattern, self.text = pattern, text
        self.stops = [m.start() for m in stops.finditer(text)]
        self.starts: dict[int, list[int]] = {}  # per clause end: where the pattern's matches start

    def names(self, position: int) -> bool:
        at = bisect_left(self.stops, position)
        end = self.stops[at] if at < len(self.stops) else len(self.text)
        starts = self.starts.get(end)
        if starts is None:
            starts = self.starts[end] = [m.start() for m in self.pattern.finditer(self.text, 0, end)]
        if bisect_right(starts, position) < len(starts):
            return True  # a match starting after `position`, within the clause
        return self.pattern.match(self.text[position:end]) is not None


def _continued(pattern: re.Pattern[str], text: str, earlier: list[tuple[int, int]], guard: int) -> list[tuple[int, int]]:
    """The matches of `pattern` in `text`: those of the earlier text that start before `guard`, then a
    scan of `text` from there (from the end of the last one kept, if that lies beyond)."""
    kept = [span for span in earlier if span[0] < guard]
    resume = max(guard, kept[-1][1]) if kept else guard
    return kept + [m.span() for m in pattern.finditer(text, resume)]


def _blanked(text: str, blanks: list[tuple[int, int]]) -> str:
    if not blanks:
        return text
    pieces: list[str] = []
    at = 0
    for start, end in blanks:
        pieces += [text[at:start], " " * (end - start)]
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def _guard(text: str, agree: int) -> int:
    """A position before which every attempt of a pattern looks only at text[:agree]: the start of the
    GUARD_RUNS-th run of whitespace before `agree` (0 when there is none within GUARD_WINDOW)."""
    width = GUARD_PEEK
    while agree > 0:
        window_start = max(0, agree - width)
        runs = [m.start() for m in WHITESPACE.finditer(text, window_start, agree)]
        if len(runs) >= GUARD_RUNS + 1:
            # a run cut by the window's start may go on before it: the GUARD_RUNS-th whole run back is safe
            return runs[-GUARD_RUNS - 1]
        if window_start == 0 or width >= GUARD_WINDOW:
            break
        width *= 4
    return 0


def _agreement(first: str, second: str) -> int:
    """How many characters the two texts share from their start."""
    if second.startswith(first):
        return len(first)
    if first.startswith(second):
        return len(second)
    limit = min(len(first), len(second))
    at = 0
    while at < limit and first[at:at + BLOCK] == second[at:at + BLOCK]:
        at += BLOCK
    while at < limit and first[at] == second[at]:
        at += 1
    return at
