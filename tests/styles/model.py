"""The numeric model every style renders: programme -> ISEs -> articles, each with VAK/VEK per stage.

What must hold (and `check_model` asserts):
- every amount is an integer number of keuro; VAK and VEK are kept apart (`Pair`);
- a budget article's BO is *computed*: BO = BA + Index + Σ compensaties + Andere bijstellingen;
- an execution article's BA-JR is *computed*: BA-JR = BA + Σ movements;
- ISE rows per ESR category, ISE totals, programme totals are sums over articles, never stored;
- `previous` (the figure of the year before BA) differs from BA in both credits, so a stale credit is visible;
- generation is deterministic for a seed.
Renderers derive every number they print from this model; a planted error is applied at print time only.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

CATEGORY_OF_SUFFIX: dict[str, str] = {"WT": "ESR", "LO": "ESR", "PR": "ESR", "IS": "IS", "LE": "OV", "PA": "OV"}
CATEGORIES: tuple[str, ...] = ("ESR", "IS", "OV")
MIN_STALE_GAP = 25  # keuro between a figure and the previous year's: more than any rounding slack


@dataclass(frozen=True)
class Pair:
    """An amount in keuro for both credits."""

    vak: int
    vek: int

    def __add__(self, other: Pair) -> Pair:
        return Pair(self.vak + other.vak, self.vek + other.vek)

    def __sub__(self, other: Pair) -> Pair:
        return Pair(self.vak - other.vak, self.vek - other.vek)

    def __neg__(self) -> Pair:
        return Pair(-self.vak, -self.vek)

    def get(self, credit: str) -> int:
        return self.vak if credit == "vak" else self.vek

    @property
    def same(self) -> bool:
        return self.vak == self.vek


ZERO = Pair(0, 0)


def total(pairs: list[Pair]) -> Pair:
    result = ZERO
    for pair in pairs:
        result = result + pair
    return result


@dataclass(frozen=True)
class Transfer:
    """A signed movement of credit: towards (`amount` < 0) or from (`amount` > 0) a counterpart."""

    amount: Pair
    counterpart: str
    reason: str


@dataclass
class Article:
    code: str
    title: str
    entity: str  # the entity heading it is printed under
    previous: Pair  # the figure of the year before BA (what a stale credit repeats)
    ba: Pair
    index: Pair | None = None
    compensaties: list[Transfer] = field(default_factory=list)
    andere: Pair | None = None
    andere_reason: str = ""
    movements: list[Transfer] = field(default_factory=list)  # execution: BA -> BA-JR
    bu: Pair = ZERO

    @property
    def suffix(self) -> str:
        return self.code.rsplit("-", 1)[1]

    @property
    def category(self) -> str:
        return CATEGORY_OF_SUFFIX[self.suffix]

    @property
    def compensatie_total(self) -> Pair | None:
        return total([t.amount for t in self.compensaties]) if self.compensaties else None

    @property
    def bo(self) -> Pair:
        steps = [s for s in (self.index, self.compensatie_total, self.andere) if s is not None]
        return self.ba + total(steps)

    @property
    def bajr(self) -> Pair:
        return self.ba + total([m.amount for m in self.movements])

    def stage(self, name: str) -> Pair:
        return {"ba": self.ba, "bo": self.bo, "bajr": self.bajr, "bu": self.bu, "evolutie": self.bo - self.ba,
                "verschil": self.bu - self.bajr, "previous": self.previous}[name]


@dataclass
class ISE:
    name: str
    articles: list[Article]

    def row(self, category: str, stage: str, entity: str | None = None) -> Pair:
        return total([a.stage(stage) for a in self.articles
                      if a.category == category and (entity is None or a.entity == entity)])

    def total(self, stage: str, entity: str | None = None) -> Pair:
        return total([a.stage(stage) for a in self.articles if entity is None or a.entity == entity])

    def entities(self) -> list[str]:
        return list(dict.fromkeys(a.entity for a in self.articles))

    def categories(self, entity: str | None = None) -> list[str]:
        return [c for c in CATEGORIES if any(a.category == c and (entity is None or a.entity == entity)
                                             for a in self.articles)]


@dataclass(frozen=True)
class Receipts:
    """An entity's own receipts (AO, TO, LO) per stage."""

    ba: tuple[int, int, int]
    bajr: tuple[int, int, int]
    bu: tuple[int, int, int]


@dataclass
class Programme:
    code: str
    name: str
    year: int  # the BO year (begroting) or the execution year (uitvoering)
    ises: list[ISE]
    receipts: Receipts | None = None
    receipts_entity: str = ""

    def articles(self) -> list[Article]:
        return [a for ise in self.ises for a in ise.articles]

    def total(self, stage: str) -> Pair:
        return total([ise.total(stage) for ise in self.ises])


def _amount(rng: random.Random, low: int, high: int) -> int:
    return rng.randint(low, high)


def _pair_near(rng: random.Random, vak: int, spread: float = 0.04) -> Pair:
    """A VEK near the VAK (sometimes equal)."""
    if rng.random() < 0.35:
        return Pair(vak, vak)
    return Pair(vak, max(1, vak - rng.randint(0, max(1, int(vak * spread)))))


@dataclass(frozen=True)
class ArticleSpec:
    code: str
    title: str
    entity: str
    size: tuple[int, int]  # range of BA VAK in keuro


def make_programme(code: str, name: str, year: int, ises: list[tuple[str, list[ArticleSpec]]], seed: int,
                   kind: str, counterparts: list[str]) -> Programme:
    """A random but consistent programme. `kind` 'begroting' fills the Kredietevolutie steps, 'uitvoering'
    the BA -> BA-JR movements and BU."""
    rng = random.Random(seed)
    built: list[ISE] = []
    for ise_name, specs in ises:
        articles = []
        for spec in specs:
            ba = _pair_near(rng, _amount(rng, *spec.size))
            previous = Pair(ba.vak - rng.randint(MIN_STALE_GAP, max(MIN_STALE_GAP + 1, ba.vak // 12)),
                            ba.vek - rng.randint(MIN_STALE_GAP, max(MIN_STALE_GAP + 1, ba.vek // 11)))
            article = Article(spec.code, spec.title, spec.entity, previous, ba)
            if kind == "begroting":
                if spec.code.endswith(("WT", "LO", "IS")) and rng.random() < 0.85:
                    rate = rng.choice([0.018, 0.02, 0.021, 0.022])
                    article.index = Pair(max(1, round(ba.vak * rate)), max(1, round(ba.vek * rate)))
                if rng.random() < 0.6:
                    n = rng.choice([1, 1, 2])
                    for _ in range(n):
                        amount = rng.randint(20, max(21, ba.vak // 30))
                        sign = rng.choice([-1, 1])
                        article.compensaties.append(Transfer(Pair(sign * amount, sign * amount),
                                                             rng.choice(counterparts), rng.choice(COMP_REASONS)))
                if rng.random() < 0.75:
                    if rng.random() < 0.4 and ba.vak > 4000:
                        saving = -rng.randint(8, max(9, ba.vak // 3000)) * 100 - rng.randint(0, 40)
                        article.andere = Pair(saving, saving)
                        article.andere_reason = "besparing"
                    else:
                        vak = rng.randint(-ba.vak // 20, ba.vak // 8)
                        vek = vak if rng.random() < 0.5 else rng.randint(-ba.vek // 20, ba.vek // 9)
                        article.andere = Pair(vak, vek)
                        article.andere_reason = rng.choice(OTHER_REASONS)
                if article.bo == article.ba:
                    article.andere = Pair(rng.randint(50, 900), rng.randint(50, 900))
                    article.andere_reason = rng.choice(OTHER_REASONS)
            else:
                if rng.random() < 0.85:
                    rate = rng.choice([0.012, 0.017, 0.02])
                    up = max(1, round(ba.vak * rate))
                    article.movements.append(Transfer(Pair(up, up if rng.random() < 0.6 else max(1, round(ba.vek * rate))),
                                                      "CB0-1CBD2AB-PR", "index"))
                for _ in range(rng.choice([0, 1, 1, 2])):
                    amount = rng.randint(50, max(51, ba.vak // 25))
                    sign = rng.choice([-1, 1])
                    vek = sign * amount if rng.random() < 0.6 else sign * rng.randint(10, max(11, ba.vek // 25))
                    article.movements.append(Transfer(Pair(sign * amount, vek), rng.choice(counterparts),
                                                      rng.choice(COMP_REASONS)))
                if not article.movements:
                    article.movements.append(Transfer(Pair(120, 120), rng.choice(counterparts), COMP_REASONS[0]))
                bajr = article.bajr
                rate_vak = rng.uniform(0.86, 0.999)
                rate_vek = rng.uniform(0.84, 0.999)
                article.bu = Pair(int(bajr.vak * rate_vak), int(bajr.vek * rate_vek))
            articles.append(article)
        built.append(ISE(ise_name, articles))
    programme = Programme(code, name, year, built)
    check_model(programme)
    return programme


COMP_REASONS = [
    "de overdracht van het personeel van het expertisecentrum",
    "de financiering van de gezamenlijke aankoopcentrale",
    "de herschikking van de middelen voor de eerstelijnszones",
    "de verrekening van de werkingskosten van het gedeelde datacenter",
    "de bijdrage aan het interfederaal plan",
]
OTHER_REASONS = [
    "de actualisering van de meerjarenraming",
    "de uitbreiding van het aantal erkende plaatsen",
    "het ritme van de betalingen aan de voorzieningen",
    "nieuw beleid uit het regeerakkoord",
]


def check_model(programme: Programme) -> None:
    """Raise when the model breaks what the module docstring promises."""
    for article in programme.articles():
        assert article.previous.vak != article.ba.vak and article.previous.vek != article.ba.vek, article.code
        steps = [s for s in (article.index, article.compensatie_total, article.andere) if s is not None]
        assert article.bo == article.ba + total(steps)
    for stage in ("ba", "bo", "bajr", "bu"):
        assert programme.total(stage) == total([a.stage(stage) for a in programme.articles()])
