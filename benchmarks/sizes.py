"""Synthetic uitvoering BBTs of any number of articles, rendered by the project's own generator
(tests/synthetic.py): its SyntheticArticle numbers and its _render layout, only with article codes
that stay unique beyond the 26 its make_bbt draws (make_bbt makes 2-4 articles)."""

from __future__ import annotations

import itertools
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = 11  # fixed: the same documents in every run, so timings and outputs compare
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def _codes(count: int) -> list[str]:
    """Distinct codes of the printed shape XX0-1XXX2XX-WT (ARTICLE_CODE), in a fixed order."""
    combos = itertools.islice(itertools.product(LETTERS, repeat=4), count)
    return [f"SB0-1{a}{b}{c}2{d}A-WT" for a, b, c, d in combos]


def synthetic_lines(articles: int, seed: int = SEED) -> list[str]:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.synthetic import SyntheticArticle, SyntheticBBT, _render

    rng = random.Random(seed)
    made = []
    for n, code in enumerate(_codes(articles)):
        ba = rng.randint(2_000, 900_000)  # the same draws as make_bbt
        up = rng.randint(1, max(2, ba // 50))
        down = rng.choice([0, rng.randint(1, max(2, ba // 40))])
        bajr = ba + up - down
        made.append(SyntheticArticle(code=code, title=f"MAATREGEL {n + 1} VAN HET BELEIDSVELD", ba=ba, up=up, down=down,
                                     bu_vak=rng.randint(bajr // 2, bajr), bu_vek=rng.randint(bajr // 2, bajr)))
    bbt = SyntheticBBT(year=2024, articles=made)
    return _render(bbt, rng)


def write_synthetic(articles: int, directory: Path) -> Path:
    path = directory / f"synthetic-{articles}.txt"
    if not path.exists():
        path.write_text("\n".join(synthetic_lines(articles)) + "\n", encoding="utf-8")
    return path
