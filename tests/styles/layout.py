"""The rendering kit the style generators share: Dutch number formatting, a line writer that records where
every printed number lands (line, column), the relation specifications a renderer declares, and the planted
errors it applies.

What must hold:
- every number a renderer prints through `Writer` is recorded under a unique slot key, with its 1-based line
  and 0-based column in the output (the column of its first character, the sign included);
- line breaks never depend on a number's value: prose is wrapped on the *clean* text of its numbers, so a
  mutated document has exactly the line structure of the clean one and line numbers can be compared;
- a planted error either replaces the printed text of one slot (`PlantedError.text`) or adds a delta to an
  aggregate before the renderer derives anything from it (`PlantedError.bias`), so that a document can be wrong
  in a way that is internally consistent everywhere but in one relation.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Literal, Union

Unit = Literal["keuro", "mln", "pct", "count"]
KEURO_PER_UNIT: dict[str, int] = {"keuro": 1, "mln": 1000, "pct": 1, "count": 1}
PROSE_WIDTH = 86  # characters per prose line, about what a PDF export of an A4 page holds
BLANK_AFTER_PROSE_LINE = 0.35  # chance of an empty line after a wrapped prose line (pdf text artefact)


class ErrorKind(str, Enum):
    """The kinds of slips the generators plant (DOMAIN.md, LAYOUTS.md 'Discrepancies')."""

    TEXT_VS_TABLE = "text_vs_table"  # an amount in the text differs from its table cell
    TOTAL_VS_ROWS = "total_vs_rows"  # a Totaal differs from the sum of its rows
    ISE_VS_ARTICLES = "ise_vs_articles"  # an ISE aggregate differs from the sum of its articles
    KREDIETEVOLUTIE = "kredietevolutie"  # BA + Index + Compensaties + Andere bijstellingen != BO
    DIFFERENCE = "difference"  # an evolutie / Verschil cell that is not BO - BA / BU - BA-JR
    PERCENTAGE = "percentage"  # a percentage that does not follow from its amounts
    MOVEMENT_SUM = "movement_sum"  # a list of movements that does not sum to the change it explains
    TRANSPOSITION = "transposition"  # two adjacent digits swapped
    STALE = "stale"  # one of VAK/VEK repeats the previous year's figure


class RelationKind(str, Enum):
    """The relations a document states (DOMAIN.md 'Relations the document states')."""

    TABLE_TOTAL = "table_total"  # Totaal = sum of the rows, per column
    ROLLUP = "rollup"  # articles -> ISE row, ISEs -> programme, sub-tables -> ISE table
    KREDIETEVOLUTIE = "kredietevolutie"  # BA + steps = BO
    DIFFERENCE = "difference"  # evolutie = BO - BA, Verschil = BU - BA-JR, a text 'stijgt met'
    MOVEMENTS = "movements"  # BA + movements in the text = BA-JR; a list of compensations = its line
    RESTATEMENT = "restatement"  # a text amount = a table cell
    PERCENTAGE = "percentage"  # a percentage = 100 * numerator / denominator


def fmt_int(value: int) -> str:
    """`1234567` -> `1.234.567`, `-2188` -> `-2.188`, `0` -> `0`."""
    sign = "-" if value < 0 else ""
    digits = f"{abs(value):,}".replace(",", ".")
    return sign + digits


def fmt_dec(value: Decimal | float, decimals: int) -> str:
    """A decimal number in Dutch notation rounded half up: `fmt_dec(2765.56, 1)` -> `2.765,6`."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    text = sign + fmt_int(int(whole))
    return f"{text},{fraction}" if decimals else text


def parse_printed(text: str) -> Decimal:
    """The inverse of `fmt_int` / `fmt_dec`."""
    return Decimal(text.replace(".", "").replace(",", "."))


def half_unit(text: str) -> Decimal:
    """Half a unit of the last printed digit: the rounding slack of a printed value."""
    decimals = len(text.partition(",")[2])
    return Decimal(5).scaleb(-decimals - 1)


@dataclass(frozen=True)
class Num:
    """A number to print. `value` is in the printed unit (keuro, miljoen euro, percent or a count)."""

    key: str
    value: Decimal | int
    unit: Unit = "keuro"
    decimals: int = 0

    def text(self) -> str:
        if self.decimals == 0 and isinstance(self.value, int):
            return fmt_int(self.value)
        return fmt_dec(Decimal(self.value), self.decimals)


Part = Union[str, Num]


@dataclass
class Printed:
    """Where a slot's number was printed and as what."""

    key: str
    line: int
    column: int
    text: str
    clean_text: str
    unit: Unit
    decimals: int


@dataclass(frozen=True)
class Term:
    key: str
    coefficient: int = 1
    role: str = "term"


@dataclass(frozen=True)
class RelationSpec:
    """A relation in slot keys. form 'sum': total = sum(coefficient * term); 'equal': two slots name the same
    quantity; 'ratio': terms are (percentage, numerator, denominator) and percentage = 100 * num / den."""

    kind: RelationKind
    form: Literal["sum", "equal", "ratio"]
    subject: str
    total: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class PlantedError:
    """One planted slip. `slot` is the key of the number that carries it. Either `text` replaces that
    number's printed text, or `bias` adds deltas (keuro) to named aggregates before the renderer derives its
    other numbers from them (then `text` is None)."""

    kind: ErrorKind
    slot: str
    text: str | None = None
    bias: tuple[tuple[str, int], ...] = ()
    note: str = ""


@dataclass
class Rendered:
    lines: list[str]
    printed: dict[str, Printed]
    relations: list[RelationSpec]


class Writer:
    """Accumulates output lines and the positions of the numbers in them."""

    def __init__(self, seed: int, errors: list[PlantedError], header: str, page_lines: int = 54) -> None:
        self.lines: list[str] = []
        self.printed: dict[str, Printed] = {}
        self.relations: list[RelationSpec] = []
        self.rng = random.Random(seed)
        self.overrides = {e.slot: e.text for e in errors if e.text is not None}
        self.bias: dict[str, int] = {}
        for error in errors:
            for name, delta in error.bias:
                self.bias[name] = self.bias.get(name, 0) + delta
        self.header = header
        self.page_lines = page_lines
        self.page = 1
        self._page_start = 0

    # -- numbers -----------------------------------------------------------------------------------------
    def biased(self, name: str, value: int) -> int:
        return value + self.bias.get(name, 0)

    def _record(self, num: Num, column: int) -> str:
        if num.key in self.printed:
            raise ValueError(f"slot printed twice: {num.key}")
        clean = num.text()
        text = self.overrides.get(num.key, clean)
        self.printed[num.key] = Printed(num.key, len(self.lines) + 1, column, text, clean, num.unit, num.decimals)
        return text

    # -- lines -------------------------------------------------------------------------------------------
    def line(self, *parts: Part, trailing: str = " ") -> None:
        """One output line; parts are concatenated as given (the caller writes the spaces)."""
        out = ""
        for part in parts:
            out += part if isinstance(part, str) else self._record(part, len(out))
        self.lines.append(out + trailing if out else "")

    def row(self, label: str | None, nums: list[Num]) -> None:
        """A table line: an optional label and numbers separated by single spaces."""
        parts: list[Part] = [label + " "] if label else []
        for i, num in enumerate(nums):
            parts.append(num)
            if i < len(nums) - 1:
                parts.append(" ")
        self.line(*parts)

    def blank(self) -> None:
        self.lines.append(" ")

    def maybe_page_break(self, force: bool = False) -> None:
        """A page footer (page number alone on a line) and the running header of the next page; only between
        blocks unless the caller forces it (a break inside a table)."""
        if force or len(self.lines) - self._page_start >= self.page_lines:
            self.lines.append(f"{self.page} ")
            self.page += 1
            self.lines.append(self.header)
            self.lines.append(" ")
            self._page_start = len(self.lines)

    def prose(self, *parts: Part, width: int = PROSE_WIDTH) -> None:
        """A paragraph wrapped at `width` on the clean text of its numbers. A string part that starts without
        a space sticks to the previous word (`Num, '%'`)."""
        words: list[list[Part]] = []
        glue = False
        for part in parts:
            if isinstance(part, Num):
                if glue and words:
                    words[-1].append(part)
                else:
                    words.append([part])
                glue = True
                continue
            if not part:
                continue
            tokens = part.split(" ")
            for i, token in enumerate(tokens):
                if i == 0 and token and glue and words:
                    words[-1].append(token)
                elif token:
                    words.append([token])
            glue = not part.endswith(" ")
        lines: list[list[list[Part]]] = [[]]
        length = 0

        def size(word: list[Part]) -> int:
            return sum(len(p) if isinstance(p, str) else len(p.text()) for p in word)

        for word in words:
            extra = size(word) + (1 if lines[-1] else 0)
            if lines[-1] and length + extra > width:
                lines.append([])
                length = 0
                extra = size(word)
            lines[-1].append(word)
            length += extra
        for n, line_words in enumerate(lines):
            flat: list[Part] = []
            for i, word in enumerate(line_words):
                if i:
                    flat.append(" ")
                flat.extend(word)
            self.line(*flat)
            if n < len(lines) - 1 and self.rng.random() < BLANK_AFTER_PROSE_LINE:
                self.blank()

    # -- relations ---------------------------------------------------------------------------------------
    def relate(self, kind: RelationKind, subject: str, total: str, *terms: Term | str,
               form: Literal["sum", "equal", "ratio"] = "sum") -> None:
        self.relations.append(RelationSpec(kind, form, subject, total,
                                           tuple(t if isinstance(t, Term) else Term(t) for t in terms)))

    def equal(self, subject: str, text_key: str, cell_key: str) -> None:
        self.relate(RelationKind.RESTATEMENT, subject, text_key, Term(cell_key, 1, "cell"), form="equal")

    def ratio(self, subject: str, pct_key: str, numerator: str, denominator: str) -> None:
        self.relate(RelationKind.PERCENTAGE, subject, pct_key, Term(numerator, 1, "numerator"),
                    Term(denominator, 1, "denominator"), form="ratio")

    def done(self) -> Rendered:
        known = set(self.printed)
        for relation in self.relations:
            missing = {relation.total, *(t.key for t in relation.terms)} - known
            if missing:
                raise ValueError(f"relation {relation.subject} names unprinted slots {sorted(missing)}")
        unknown = set(self.overrides) - known
        if unknown:
            raise ValueError(f"planted error on unprinted slots {sorted(unknown)}")
        return Rendered(self.lines, self.printed, self.relations)


def transpose(text: str, rng: random.Random) -> str:
    """Swap two adjacent, different digits of a printed number (skipping separators): `1.046` -> `1.064`."""
    positions = [i for i, ch in enumerate(text) if ch.isdigit()]
    pairs = [(a, b) for a, b in zip(positions, positions[1:]) if text[a] != text[b]]
    if not pairs:
        raise ValueError(f"no transposable digits in {text}")
    a, b = rng.choice(pairs)
    chars = list(text)
    chars[a], chars[b] = chars[b], chars[a]
    return "".join(chars)


@dataclass
class Candidates:
    """Planted-error candidates by kind, in a deterministic order."""

    by_kind: dict[ErrorKind, list[PlantedError]] = field(default_factory=dict)

    def add(self, error: PlantedError) -> None:
        self.by_kind.setdefault(error.kind, []).append(error)

    def pick(self, rng: random.Random, per_kind: int) -> list[PlantedError]:
        chosen: list[PlantedError] = []
        for kind in ErrorKind:
            options = self.by_kind.get(kind, [])
            chosen.extend(rng.sample(options, min(per_kind, len(options))))
        return chosen
