"""Style C: a Wonen budget BBT of 2021 (begroting, stuk 13-x), laid out as LAYOUTS.md describes for 2020-2021
and Wonen documents: NO ISE heading before the synthesis table (only `k.3. Budgettair kader voor het
begrotingsjaar`), `Evolutie` capitalised, short 2021 row labels (label on its own line, numbers on the next),
Kredietevolutie tables that start with `BO 2020` instead of `BA 2020`, one article whose start line is missing
(the text gives the start amount), closing `BO 2021` lines that fall after a page footer and running header, and
larger amounts in the text in miljoen euro with a decimal comma (`1.234,5 miljoen euro`). Articles include
leningen (LE) and participaties (PA), so the `Overige` row carries amounts.

What must hold: every number is derived from the model; with no planted errors every declared relation holds
exactly (keuro) or within the rounding interval of the printed decimals (miljoen euro, percentages).
"""

from __future__ import annotations

import random
from decimal import Decimal

from tests.styles import render_a
from tests.styles.layout import (Candidates, ErrorKind, Num, Part, PlantedError, RelationKind, Rendered, Term,
                                 fmt_dec, fmt_int, transpose)
from tests.styles.model import Article, ArticleSpec, Programme, make_programme

STYLE = "C"
TITLE = "Wonen-begrotings-BBT 2021 (13-x) zonder ISE-koppen, start BO 2020, bedragen in miljoen euro"
SEED = 2021
RELEVANT_KINDS = tuple(ErrorKind)
MLN_FROM = 1_000  # keuro: from this amount on the text writes miljoen euro with one decimal
MLN_SLIP = Decimal("1.0")  # a planted miljoen amount differs by this many miljoen: beyond its ±0,05 rounding
PCT_SLIP = Decimal("2.3")
AMOUNT_SLIPS = (100, -100, 250, -40, 1_000)
COUNTERPARTS = ["QD0-1QDG2AB-IS", "QD0-1QDH2AA-WT", "CB0-1CBD2AA-PR", "QD0-1QDG2AA-WT"]
DEPT = "Departement Omgeving"
ISE_NAMES = ["SOCIALE HUUR EN KOOP", "WOONFINANCIERING", "HUURSUBSIDIES EN WOONKWALITEIT"]


def make_model(seed: int = SEED) -> Programme:
    ises = [
        (ISE_NAMES[0], [
            ArticleSpec("QD0-1QDG2AA-WT", "WERKINGSMIDDELEN SOCIALE HUISVESTING", DEPT, (8_000, 25_000)),
            ArticleSpec("QD0-1QDG2AB-IS", "TOELAGE AAN DE VLAAMSE MAATSCHAPPIJ VOOR SOCIAAL WONEN VOOR DE "
                        "GEWESTELIJKE SUBSIDIES", DEPT, (200_000, 600_000)),
            ArticleSpec("QD0-1QDG2AC-PA", "PARTICIPATIES IN SOCIALE HUISVESTINGSMAATSCHAPPIJEN", DEPT, (2_000, 9_000)),
        ]),
        (ISE_NAMES[1], [
            ArticleSpec("QD0-1QDH2AA-WT", "RENTETOELAGEN EN VERZEKERING GEWAARBORGD WONEN", DEPT, (5_000, 20_000)),
            ArticleSpec("QD0-1QDH2AB-LE", "LENINGEN AAN HET VLAAMS WONINGFONDS", DEPT, (60_000, 200_000)),
        ]),
        (ISE_NAMES[2], [
            ArticleSpec("QD0-1QDI2AA-WT", "HUURSUBSIDIES EN HUURPREMIES", DEPT, (90_000, 200_000)),
            ArticleSpec("QD0-1QDI2AB-WT", "PREMIES VOOR RENOVATIE EN AANPASSING VAN WONINGEN", DEPT, (30_000, 90_000)),
            ArticleSpec("QD0-1QDI2AC-LO", "LONEN WOONINSPECTIE", DEPT, (600, 900)),
        ]),
    ]
    return make_programme("QD", "WONEN", 2021, ises, seed, "begroting", COUNTERPARTS)


class _C(render_a._A):
    BA_YEAR, BO_YEAR = 2020, 2021
    HEADER = "Stuk 13 (2020-2021) – Nr. 1-K  Vlaams Parlement "
    EVO = "Evolutie"
    START_LABEL = "BO"
    DOMAIN = "WONEN"
    PROGRAMME = "QD – Wonen"
    FRAMEWORK = "De Vlaamse Codex Wonen van 2021"
    PARTNERS = "woonmaatschappijen"
    FIELD = "WONEN"
    ROW_LABELS = {"ESR": "ESR-uitgaven (WT, LO, PR)", "IS": "Toelagen (IS)", "OV": "Overige (LE, PA, andere)"}

    def __init__(self, model: Programme, errors: list[PlantedError], seed: int) -> None:
        super().__init__(model, errors, seed)
        articles = model.articles()
        self.broken_before_bo = {articles[1].code, articles[5].code}
        self.no_start = articles[6].code

    def ise_heading(self, name: str) -> list[str]:
        return []  # 2021 and Wonen documents print no ISE heading above the synthesis table

    def chapter_title(self, k: int, name: str) -> str:
        return f"{k}. Beleidsdoelstelling {k}"  # the ISE is not named in a heading either

    def money(self, key: str, keuro: int, suffix: str = "") -> list[Part]:
        if abs(keuro) >= MLN_FROM:
            return [Num(key, Decimal(keuro) / 1000, "mln", 1), f" miljoen euro{suffix}"]
        return [Num(key, keuro), f" keuro{suffix}"]

    def page_break_before_bo(self, article: Article) -> bool:
        return article.code in self.broken_before_bo

    def omits_start(self, article: Article) -> bool:
        return article.code == self.no_start

    def start_key(self, a: Article, credit: str) -> str:
        return f"{a.code}:txt:start:{credit}" if a.code == self.no_start else f"{a.code}:kev:ba:{credit}"

    def evolution_text(self, a: Article) -> None:
        """'Het VAK evolueert van 52,3 miljoen euro in BO 2020 naar 55,1 miljoen euro in BO 2021; het VEK van …'."""
        w, c = self.w, a.code
        parts: list[Part] = []
        for credit, lead in (("vak", "Het VAK evolueert van "), ("vek", "; het VEK van ")):
            start_key = f"{c}:txt:start:{credit}" if c == self.no_start else f"{c}:txt:ba:{credit}"
            parts += [lead, *self.money(start_key, a.ba.get(credit)), f" in BO {self.BA_YEAR} naar ",
                      *self.money(f"{c}:txt:bo:{credit}", a.bo.get(credit)), f" in BO {self.BO_YEAR}"]
            if c != self.no_start:
                w.equal(f"{c}: tekst start {credit.upper()}", start_key, f"{c}:kev:ba:{credit}")
            w.equal(f"{c}: tekst BO {credit.upper()}", f"{c}:txt:bo:{credit}", f"{c}:kev:bo:{credit}")
        w.prose(*parts, ".")



def build(model: Programme, errors: list[PlantedError], seed: int = SEED) -> Rendered:
    return _C(model, errors, seed).render()


def render(model: Programme, errors: list[PlantedError]) -> list[str]:
    """The lines of the text export of the style-C document with `errors` planted."""
    return build(model, errors).lines


def candidates(model: Programme, clean: Rendered, seed: int = SEED) -> Candidates:
    rng = random.Random(seed + 7)
    p = clean.printed
    out = Candidates()

    def slip(key: str) -> str:
        printed = p[key]
        if printed.unit == "mln":
            return fmt_dec(Decimal(printed.clean_text.replace(".", "").replace(",", ".")) + MLN_SLIP, 1)
        return fmt_int(int(printed.clean_text.replace(".", "")) + rng.choice(AMOUNT_SLIPS))

    tables = sorted({k.split(":")[0] for k in p if k.startswith("ise") and ":Totaal:" in k})
    for a in model.articles():
        c = a.code
        if f"{c}:txt:bo:vek" in p:
            out.add(PlantedError(ErrorKind.TEXT_VS_TABLE, f"{c}:txt:bo:vek", slip(f"{c}:txt:bo:vek"),
                                 note="BO in de tekst (miljoen euro) ≠ tabel"))
        out.add(PlantedError(ErrorKind.KREDIETEVOLUTIE, f"{c}:kev:bo:vak", slip(f"{c}:kev:bo:vak"),
                             note="BO-lijn ≠ start + stappen" + (" (na paginakop)" if c in {
                                 model.articles()[1].code, model.articles()[5].code} else "")))
        if len(a.compensaties) > 1:
            out.add(PlantedError(ErrorKind.MOVEMENT_SUM, f"{c}:txt:comp1", slip(f"{c}:txt:comp1")))
        if f"{c}:kev:ba:vak" in p:
            out.add(PlantedError(ErrorKind.STALE, f"{c}:kev:ba:vak", fmt_int(a.previous.vak),
                                 note="VAK van BO 2020 herhaalt het cijfer van het jaar voordien"))
        for key in (f"{c}:kev:bo:vek", f"{c}:kev:andere:vak"):
            if key in p and len(p[key].clean_text) >= 3:
                try:
                    out.add(PlantedError(ErrorKind.TRANSPOSITION, key, transpose(p[key].clean_text, rng)))
                except ValueError:
                    pass
    for tid in tables:
        out.add(PlantedError(ErrorKind.TOTAL_VS_ROWS, f"{tid}:Totaal:ba:vek", slip(f"{tid}:Totaal:ba:vek")))
        out.add(PlantedError(ErrorKind.DIFFERENCE, f"{tid}:Totaal:evo:vek", slip(f"{tid}:Totaal:evo:vek")))
        pct = p[f"{tid}:txt:pct:vak"]
        out.add(PlantedError(ErrorKind.PERCENTAGE, pct.key, fmt_dec(Decimal(pct.clean_text.replace(",", ".")) + PCT_SLIP, 1)))
        k = int(tid[3:]) - 1
        for category in ("ESR", "OV"):
            adjusted = [a for a in model.ises[k].articles if a.category == category and a.index]
            if adjusted:
                out.add(PlantedError(ErrorKind.ISE_VS_ARTICLES, f"{tid}:{category}:bo:vek", None,
                                     bias=((f"{tid}:{category}:bo:vek", -adjusted[0].index.vek),),  # type: ignore[union-attr]
                                     note=f"ISE-tabel mist de index van {adjusted[0].code}"))
        out.add(PlantedError(ErrorKind.TEXT_VS_TABLE, f"{tid}:txt:bo:vak", slip(f"{tid}:txt:bo:vak"),
                             note="BO van het ISE in de tekst (miljoen euro) ≠ Totaal"))
    return out
