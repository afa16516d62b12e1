"""A generator of synthetic uitvoering BBTs: other numbers, other phrasings, other article order and
codes. Every relation it writes holds, so a clean document must give zero errors; `inject` changes
one printed number and returns the line it sits on."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from auditor.numbers import format_dutch
from decimal import Decimal

BA_PHRASES = [
    "Het decretale krediet bedroeg bij BA {year} {ba} keuro VAK/VEK.",
    "Bij BA {year} werd {ba} keuro VAK/VEK voorzien op dit begrotingsartikel.",
    "Het bij BA {year} toegekende decretaal krediet bedroeg {ba} keuro VAK/VEK.",
]
UP_PHRASES = [
    "Dit bedrag werd verhoogd met {amount} keuro VAK/VEK afkomstig uit de indexprovisie (CB0-1CBD2AB-PR).",
    "Tijdens het jaar werd er {amount} keuro extra budget aan het begrotingsartikel toegekend vanuit de centrale indexprovisie.",
    "Buiten begrotingsronde nam het krediet toe met {amount} keuro afkomstig uit de centrale indexprovisie.",
]
DOWN_PHRASES = [
    "Daarnaast werd een kredietherverdeling van {amount} keuro in VAK en VEK doorgevoerd naar het begrotingsartikel {other}.",
    "Het krediet werd verminderd met {amount} keuro VAK/VEK ten gunste van het begrotingsartikel {other}.",
]
BAJR_PHRASES = [
    "Het beschikbare krediet na bovenstaande herverdelingen bedroeg {bajr} keuro VAK/VEK.",
    "Hierdoor steeg het jaarbudget tot {bajr} keuro VAK/VEK.",
    "Het beschikbare budget op het jaareinde bedroeg {bajr} keuro VAK en {bajr} keuro VEK.",
]
BU_PHRASES = [
    "De uitvoering op dit begrotingsartikel bedroeg {bu_vak} keuro VAK of {p_vak}% van het beschikbare VAK-krediet en {bu_vek} keuro VEK of {p_vek}% van het beschikbare VEK-krediet.",
    "De begrotingsuitvoering bedroeg {bu_vak} keuro VAK of {p_vak}% van het beschikbare krediet en {bu_vek} keuro VEK of {p_vek}% van het beschikbare krediet.",
]


@dataclass
class SyntheticArticle:
    code: str
    title: str
    ba: int
    up: int
    down: int
    bu_vak: int
    bu_vek: int

    @property
    def bajr(self) -> int:
        return self.ba + self.up - self.down


@dataclass
class SyntheticBBT:
    year: int
    articles: list[SyntheticArticle]
    lines: list[str] = field(default_factory=list)


def _pct(numerator: int, denominator: int) -> str:
    return format_dutch(Decimal(100) * numerator / denominator, 1)


def make_bbt(seed: int) -> SyntheticBBT:
    rng = random.Random(seed)
    year = rng.choice([2019, 2022, 2023, 2024, 2025])
    entity = rng.choice(["JB0", "GB0", "GH0", "QF0", "SB0"])
    count = rng.randint(2, 4)
    articles = []
    for n in range(count):
        ba = rng.randint(2_000, 900_000)
        up = rng.randint(1, max(2, ba // 50))
        down = rng.choice([0, rng.randint(1, max(2, ba // 40))])
        bajr = ba + up - down
        articles.append(SyntheticArticle(
            code=f"{entity}-1{rng.choice('ABCDEFGH')}{rng.choice('ABCDE')}C2H{chr(65 + n)}-WT",
            title=f"MAATREGEL {n + 1} VAN HET BELEIDSVELD",
            ba=ba, up=up, down=down,
            bu_vak=rng.randint(bajr // 2, bajr), bu_vek=rng.randint(bajr // 2, bajr),
        ))
    rng.shuffle(articles)
    bbt = SyntheticBBT(year=year, articles=articles)
    bbt.lines = _render(bbt, rng)
    return bbt


def _render(bbt: SyntheticBBT, rng: random.Random) -> list[str]:
    y = bbt.year
    f = format_dutch
    arts = bbt.articles
    tot = {k: sum(getattr(a, k) for a in arts) for k in ("ba", "bajr", "bu_vak", "bu_vek")}
    out = [" II. INLEIDING DOOR DE MINISTER ", "", "In deze beleids- en begrotingstoelichting informeer ik u.", "",
           " III. SAMENVATTING ", "", "PROGRAMMA XY – SYNTHETISCH BELEID ", "", "(duizend euro) ", "",
           "AO TO LO VAK VEK ", "",
           f"BA {y} 0 0 0 {f(Decimal(tot['ba']))} {f(Decimal(tot['ba']))} ", "",
           f"BA-JR {y} 0 0 0 {f(Decimal(tot['bajr']))} {f(Decimal(tot['bajr']))} ", "",
           f"BU {y} 0 0 0 {f(Decimal(tot['bu_vak']))} {f(Decimal(tot['bu_vek']))} ", "",
           " V. BELEIDSVELD: SYNTHETISCH ", "", "1. ISE SYNTHESE (TEST) ", "",
           "1.3. Budgettair kader voor het begrotingsjaar ", "", "SYNTHESE (TEST), MVG excl. DAB ", "", " (duizend euro) ", "",
           f"VAK {y} VEK {y} ", "", f"{y} BA BA-JR BU BA BA-JR BU ", "", "ESR-", "uit-", "", "gaven ", "WT, LO, ", "", "PR ", "",
           " ".join(f(Decimal(tot[k])) for k in ("ba", "bajr", "bu_vak", "ba", "bajr", "bu_vek")) + " ", "",
           "Toe-", "", "lagen ", "", "IS ", "", "0 0 0 0 0 0 ", "", "Overige ", "LE, PA, ", "", "andere ", "", "0 0 0 0 0 0 ", "",
           "Totaal " + " ".join(f(Decimal(tot[k])) for k in ("ba", "bajr", "bu_vak", "ba", "bajr", "bu_vek")) + " ", "",
           "Inhoudelijke toelichting: ", "",
           f"Het decretaal toegekende budget bij BA {y} bedraagt {f(Decimal(tot['ba']))} keuro in VAK en VEK. ",
           f"De begrotingsuitvoering bedroeg {f(Decimal(tot['bu_vak']))} keuro in VAK en {f(Decimal(tot['bu_vek']))} keuro in VEK. ", "",
           "1.3.1. Departement en IVA’s zonder rechtspersoonlijkheid (excl. DAB’s) ", "", "Uitgaven ", ""]
    for article in arts:
        values = dict(year=y, ba=f(Decimal(article.ba)), bajr=f(Decimal(article.bajr)),
                      bu_vak=f(Decimal(article.bu_vak)), bu_vek=f(Decimal(article.bu_vek)),
                      p_vak=_pct(article.bu_vak, article.bajr), p_vek=_pct(article.bu_vek, article.bajr), other="XX0-1XXX2XX-WT")
        out += [f"{article.code} – {article.title} ", "", "Korte inhoud begrotingsartikel: ", "Een maatregel. ", "",
                "Begrotingsuitvoering: ", "", "(duizend euro) ", "", "  VAK VEK ", "",
                f" BA {y} BA-JR {y} BU {y} BA {y} BA-JR {y} BU {y} ", "",
                "Uitgaven " + " ".join(values[k] for k in ("ba", "bajr", "bu_vak", "ba", "bajr", "bu_vek")) + " ", "",
                "Inhoudelijke toelichting: ", ""]
        sentences = [rng.choice(BA_PHRASES).format(**values), rng.choice(UP_PHRASES).format(amount=f(Decimal(article.up)), **values)]
        if article.down:
            sentences.append(rng.choice(DOWN_PHRASES).format(amount=f(Decimal(article.down)), other="XX0-1XXX2XX-WT"))
        sentences.append(rng.choice(BAJR_PHRASES).format(**values))
        sentences.append(rng.choice(BU_PHRASES).format(**values))
        for sentence in sentences:
            out += _wrap(sentence, rng)
        out.append("")
    out += [" VI. LIJST MET AFKORTINGEN ", "", "BA Goedgekeurde begroting ", ""]
    return out


def _wrap(sentence: str, rng: random.Random) -> list[str]:
    """Wrap like a PDF extraction: lines of ~80 characters with blank lines between some of them."""
    words = sentence.split(" ")
    lines, current = [], ""
    limit = rng.randint(60, 90)
    for word in words:
        if current and len(current) + len(word) > limit:
            lines.append(current + " ")
            if rng.random() < 0.5:
                lines.append("")
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current + " ")
    return lines
