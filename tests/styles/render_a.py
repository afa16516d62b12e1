"""Style A: a WVG-like budget BBT (begroting, stuk 13-x), Welzijn 2026, laid out as LAYOUTS.md describes:
`ISE: NAME, MVG excl. DAB` headings (long names wrap), `k.7. Budgettair kader voor het begrotingsjaar`, synthesis
tables whose row labels stand on their own line with the six numbers on the next one (VAK BA/evolutie/BO, then
VEK BA/evolutie/BO) and `Totaal` on one line; one ISE with sub-tables per entity before its own table; entity
headings, `Uitgavenartikelen`, `CODE - TITLE` articles with wrapping titles, `Korte inhoud begrotingsartikel:`,
`Kredietevolutie:` with `(duizend euro) VAK VEK` on one line and BA/Index/Compensaties/Andere bijstellingen/BO
lines (absent steps left out); narratives restating amounts, growth percentages, a saving in miljoen euro, and
unrelated numbers (VTE, dates, counts, decree years).

What must hold: every number is derived from the model (`model.Programme`), so with no planted errors every
relation the renderer declares holds exactly (keuro) or within rounding (percentages, miljoen euro).
"""

from __future__ import annotations

import random
from decimal import Decimal

from tests.styles.layout import (Candidates, ErrorKind, Num, Part, PlantedError, RelationKind, Rendered, Term,
                                 Writer, fmt_dec, fmt_int, transpose)
from tests.styles.model import CATEGORIES, Article, ArticleSpec, Programme, make_programme

STYLE = "A"
TITLE = "WVG-achtige begrotings-BBT (13-x), Welzijn 2026"
SEED = 2026
RELEVANT_KINDS = tuple(ErrorKind)
BA_YEAR, BO_YEAR = 2025, 2026
HEADER = "Stuk 13 (2025-2026) – Nr. 1-G  Vlaams Parlement "
DEPT = "Departement Zorg"
AGENCY = "Vlaams Agentschap voor Personen met een Handicap"
ROW_LABELS = {
    "ESR": "ESR-uitgaven (werking en toelagen (WT), lonen (LO), provisies (PR))",
    "IS": "Toelagen (interne stromen (IS))",
    "OV": "Overige (leningen (LE), participaties (PA); geen ESR-impact)",
}
ISE_HEADINGS = {
    "WOONZORG EN EERSTE LIJN": ["ISE: WOONZORG EN EERSTE LIJN, MVG excl. DAB"],
    "PERSONEN MET EEN HANDICAP EN ONDERSTEUNING VAN ZORGBEHOEVENDEN": [
        "ISE: PERSONEN MET EEN HANDICAP EN ONDERSTEUNING VAN", "ZORGBEHOEVENDEN, MVG excl. DAB"],
    "ARMOEDEBESTRIJDING, SAMENLEVEN EN KINDERRECHTEN": [
        "ISE: ARMOEDEBESTRIJDING, SAMENLEVEN EN KINDERRECHTEN, MVG", "excl. DAB"],
}
COUNTERPARTS = ["GB0-1GBX2AA-WT", "GB0-1GBE2AB-WT", "CB0-1CBD2AA-PR", "GB0-1GBF2AC-WT"]
PCT_SLIP = Decimal("2.3")  # a planted percentage differs by this many points: far beyond rounding
AMOUNT_SLIPS = (100, -100, 250, -40, 1_000)  # keuro added to a planted amount


def make_model(seed: int = SEED) -> Programme:
    ises = [
        ("WOONZORG EN EERSTE LIJN", [
            ArticleSpec("GB0-1GBC2AA-WT", "WERKINGSMIDDELEN WOONZORG EN EERSTELIJNSZORG", DEPT, (20_000, 90_000)),
            ArticleSpec("GB0-1GBC2AB-IS", "TOELAGE AAN HET VLAAMS INSTITUUT VOOR DE EERSTE LIJN", DEPT, (3_000, 9_000)),
            ArticleSpec("GB0-1GBC2AC-WT", "SUBSIDIES VOOR DE ORGANISATIE VAN DE EERSTELIJNSZONES EN DE "
                        "ZORGRADEN IN HET KADER VAN HET DECREET EERSTELIJNSZORG", DEPT, (5_000, 30_000)),
        ]),
        ("PERSONEN MET EEN HANDICAP EN ONDERSTEUNING VAN ZORGBEHOEVENDEN", [
            ArticleSpec("GB0-1GBD2AA-WT", "WERKING EN ONDERSTEUNIG VAN HET ZORGBUDGET VOOR ZWAAR "
                        "ZORGBEHOEVENDEN", DEPT, (100_000, 400_000)),
            ArticleSpec("GB0-1GBD2AB-LO", "LONEN PERSONEEL ZORGBUDGETTEN", DEPT, (2_000, 6_000)),
            ArticleSpec("GB0-AGBD2AA-WT", "PERSOONSVOLGENDE FINANCIERING VOOR MEERDERJARIGE PERSONEN MET EEN "
                        "HANDICAP", AGENCY, (900_000, 1_900_000)),
            ArticleSpec("GB0-AGBD2AB-PA", "PARTICIPATIES IN INFRASTRUCTUURPROJECTEN", AGENCY, (1_000, 8_000)),
        ]),
        ("ARMOEDEBESTRIJDING, SAMENLEVEN EN KINDERRECHTEN", [
            ArticleSpec("GB0-1GBE2AA-WT", "ARMOEDEBESTRIJDING", DEPT, (8_000, 40_000)),
            ArticleSpec("GB0-1GBE2AB-WT", "SAMENLEVEN, GELIJKE KANSEN EN KINDERRECHTENBELEID", DEPT, (3_000, 15_000)),
        ]),
    ]
    return make_programme("GB", "WELZIJN", BO_YEAR, ises, seed, "begroting", COUNTERPARTS)


def _pct(numerator: int, denominator: int) -> Decimal:
    return Decimal(100) * Decimal(numerator) / Decimal(denominator)


class _A:
    """The renderer of style A; style C subclasses it and overrides the hooks below."""

    BA_YEAR, BO_YEAR = BA_YEAR, BO_YEAR
    HEADER = HEADER
    ROW_LABELS = ROW_LABELS
    EVO = "evolutie"
    DOMAIN = "WELZIJN, ARMOEDEBESTRIJDING EN GEZIN"
    PROGRAMME = "GB – Welzijn"
    FRAMEWORK = "Het Vlaams Sociaal Beschermingsdecreet van 18 mei 2018"
    PARTNERS = "eerstelijnszones"
    FIELD = "WELZIJN"
    START_LABEL = "BA"  # the first line of a Kredietevolutie

    def ise_heading(self, name: str) -> list[str]:
        return ISE_HEADINGS[name]

    def chapter_title(self, k: int, name: str) -> str:
        return f"{k}. {name.capitalize()}"

    def money(self, key: str, keuro: int, suffix: str = "") -> list[Part]:
        """An amount in the text: keuro here; style C writes larger amounts in miljoen euro."""
        return [Num(key, keuro), f" keuro{suffix}"]

    def page_break_before_bo(self, article: Article) -> bool:
        return False

    def omits_start(self, article: Article) -> bool:
        return False

    def __init__(self, model: Programme, errors: list[PlantedError], seed: int) -> None:
        self.m = model
        self.w = Writer(seed, errors, self.HEADER)
        self.rng = random.Random(seed + 1)

    # -- synthesis tables ---------------------------------------------------------------------------------
    def synthesis(self, tid: str, values: dict[str, dict[str, tuple[int, int]]], subject: str) -> dict[str, dict[str, int]]:
        """values[category]['vak'|'vek'] = (BA, BO) already biased; prints the table, declares its relations."""
        w = self.w
        w.line("(duizend euro)")
        w.line("VAK VEK")
        w.line(f"BA {self.BA_YEAR} {self.EVO} BO {self.BO_YEAR} BA {self.BA_YEAR} {self.EVO} BO {self.BO_YEAR}")
        for category in CATEGORIES:
            w.line(self.ROW_LABELS[category])
            nums = []
            for credit in ("vak", "vek"):
                ba, bo = values[category][credit]
                nums += [Num(f"{tid}:{category}:ba:{credit}", ba), Num(f"{tid}:{category}:evo:{credit}", bo - ba),
                         Num(f"{tid}:{category}:bo:{credit}", bo)]
            w.row(None, nums)
        nums = []
        for credit in ("vak", "vek"):
            ba = sum(values[c][credit][0] for c in CATEGORIES)
            bo = sum(values[c][credit][1] for c in CATEGORIES)
            nums += [Num(f"{tid}:Totaal:ba:{credit}", ba), Num(f"{tid}:Totaal:evo:{credit}", bo - ba),
                     Num(f"{tid}:Totaal:bo:{credit}", bo)]
        w.row("Totaal", nums)
        for credit in ("vak", "vek"):
            for stage in ("ba", "evo", "bo"):
                w.relate(RelationKind.TABLE_TOTAL, f"{subject}: Totaal {stage} {credit.upper()} = Σ rijen",
                         f"{tid}:Totaal:{stage}:{credit}", *(f"{tid}:{c}:{stage}:{credit}" for c in CATEGORIES))
            for row in (*CATEGORIES, "Totaal"):
                w.relate(RelationKind.DIFFERENCE, f"{subject}: {row} evolutie {credit.upper()} = BO - BA",
                         f"{tid}:{row}:evo:{credit}", Term(f"{tid}:{row}:bo:{credit}", 1),
                         Term(f"{tid}:{row}:ba:{credit}", -1))
        return {credit: {"ba": sum(values[c][credit][0] for c in CATEGORIES),
                         "bo": sum(values[c][credit][1] for c in CATEGORIES)} for credit in ("vak", "vek")}

    def values_of(self, tid: str, ise_index: int, entity: str | None) -> dict[str, dict[str, tuple[int, int]]]:
        ise = self.m.ises[ise_index]
        out: dict[str, dict[str, tuple[int, int]]] = {}
        for category in CATEGORIES:
            ba, bo = ise.row(category, "ba", entity), ise.row(category, "bo", entity)
            out[category] = {credit: (self.w.biased(f"{tid}:{category}:ba:{credit}", ba.get(credit)),
                                      self.w.biased(f"{tid}:{category}:bo:{credit}", bo.get(credit)))
                             for credit in ("vak", "vek")}
        return out

    def rollup(self, tid: str, ise_index: int, entity: str | None, subject: str) -> None:
        ise = self.m.ises[ise_index]
        for category in ise.categories(entity):
            arts = [a for a in ise.articles if a.category == category and (entity is None or a.entity == entity)]
            for credit in ("vak", "vek"):
                for stage in ("ba", "bo"):
                    self.w.relate(RelationKind.ROLLUP, f"{subject}: {category} {stage} {credit.upper()} = Σ artikelen",
                                  f"{tid}:{category}:{stage}:{credit}",
                                  *(self.start_key(a, credit) if stage == "ba" else f"{a.code}:kev:bo:{credit}" for a in arts))

    # -- the document ----------------------------------------------------------------------------------------
    def render(self) -> Rendered:
        w, m = self.w, self.m
        w.line(self.HEADER.strip())
        w.line(f"BELEIDS- EN BEGROTINGSTOELICHTING {self.DOMAIN}")
        w.line(f"begrotingsjaar {self.BO_YEAR}")
        w.blank()
        w.line(" II. INLEIDING DOOR DE MINISTER")
        w.blank()
        totals = {credit: sum(ise.total("bo").get(credit) for ise in m.ises) for credit in ("vak", "vek")}
        w.prose("In deze beleids- en begrotingstoelichting licht ik de begroting", f" {self.BO_YEAR} ",
                f"toe voor het programma {self.PROGRAMME}. {self.FRAMEWORK} en de",
                f" 6 nieuwe {self.PARTNERS} blijven het kader. In BO ", f"{self.BO_YEAR}", " bedragen de kredieten van het "
                "programma in totaal ", *self.money("prog:txt:bo:vak", totals["vak"], " VAK"), " en ",
                *self.money("prog:txt:bo:vek", totals["vek"], " VEK"), ", verdeeld over 3 inhoudelijke structuurelementen.")
        w.blank()
        w.line(f" V. BELEIDSVELD {self.FIELD}")
        w.blank()
        ise_total_tables: list[str] = []
        for k, ise in enumerate(m.ises, start=1):
            w.maybe_page_break()
            w.line(self.chapter_title(k, ise.name))
            w.line(f"{k}.1. Strategische doelstellingen op het niveau van het inhoudelijk structuurelement")
            w.prose("Het beleid wordt verdergezet met de 27 erkende partners. Vanaf 1 januari ", f"{self.BO_YEAR}",
                    f" geldt het nieuwe besluit; het aantal begunstigden steeg in {self.BA_YEAR - 1} met 1.250 tot 41.300.")
            w.blank()
            for heading in self.ise_heading(ise.name):
                w.line(heading)
            w.line(f"{k}.7. Budgettair kader voor het begrotingsjaar")
            subject = f"ISE {ise.name}"
            tid = f"ise{k}"
            entities = ise.entities()
            if len(entities) > 1:
                sub_totals = []
                for e, entity in enumerate(entities):
                    sid = f"ise{k}.e{e}"
                    w.line(f"Waarvan {entity}")
                    self.synthesis(sid, self.values_of(sid, k - 1, entity), f"{subject} ({entity})")
                    self.rollup(sid, k - 1, entity, f"{subject} ({entity})")
                    sub_totals.append(sid)
                    w.blank()
                w.line(f"Totaal ISE {ise.name.capitalize()}")
                values = self.values_of(tid, k - 1, None)
                ise_totals = self.synthesis(tid, values, subject)
                for category in ise.categories():
                    for credit in ("vak", "vek"):
                        for stage in ("ba", "bo"):
                            w.relate(RelationKind.ROLLUP, f"{subject}: {category} {stage} {credit.upper()} = Σ deeltabellen",
                                     f"{tid}:{category}:{stage}:{credit}",
                                     *(f"{sid}:{category}:{stage}:{credit}" for sid in sub_totals))
            else:
                values = self.values_of(tid, k - 1, None)
                ise_totals = self.synthesis(tid, values, subject)
                self.rollup(tid, k - 1, None, subject)
            ise_total_tables.append(tid)
            w.line("Inhoudelijke toelichting:")
            evo = ise_totals["vak"]["bo"] - ise_totals["vak"]["ba"]
            verb = "toename" if evo >= 0 else "afname"
            w.prose(f"Onder dit ISE vallen {len(ise.articles)} begrotingsartikelen. Het budget bedraagt in BO {self.BO_YEAR} ",
                    *self.money(f"{tid}:txt:bo:vak", ise_totals["vak"]["bo"], " VAK"), " en ",
                    *self.money(f"{tid}:txt:bo:vek", ise_totals["vek"]["bo"], " VEK"), f". Ten opzichte van BA {self.BA_YEAR} is dat een "
                    f"{verb} met ", *self.money(f"{tid}:txt:evo:vak", abs(evo), " VAK"), " (",
                    "+" if evo >= 0 else "-", Num(f"{tid}:txt:pct:vak", _pct(abs(evo), ise_totals["vak"]["ba"]), "pct", 1),
                    "%).")
            w.equal(f"{subject}: tekst BO VAK", f"{tid}:txt:bo:vak", f"{tid}:Totaal:bo:vak")
            w.equal(f"{subject}: tekst BO VEK", f"{tid}:txt:bo:vek", f"{tid}:Totaal:bo:vek")
            w.relate(RelationKind.RESTATEMENT, f"{subject}: tekst evolutie VAK", f"{tid}:txt:evo:vak",
                     Term(f"{tid}:Totaal:evo:vak", 1 if evo >= 0 else -1, "cell"))
            w.ratio(f"{subject}: groeipercentage VAK", f"{tid}:txt:pct:vak", f"{tid}:txt:evo:vak", f"{tid}:Totaal:ba:vak")
            w.blank()
            for e, entity in enumerate(entities, start=1):
                w.line(f"{k}.7.{e}. {entity}")
                w.line("Uitgavenartikelen")
                w.blank()
                for article in ise.articles:
                    if article.entity == entity:
                        w.maybe_page_break()
                        self.article(article)
        for credit in ("vak", "vek"):
            w.relate(RelationKind.ROLLUP, f"Programma GB: tekst BO {credit.upper()} = Σ ISE's", f"prog:txt:bo:{credit}",
                     *(f"{tid}:Totaal:bo:{credit}" for tid in ise_total_tables))
        w.maybe_page_break(force=True)
        return w.done()

    def article(self, a: Article) -> None:
        w, c = self.w, a.code
        title_words = a.title.split(" ")
        first, rest = f"{c} - {' '.join(title_words[:7])}", " ".join(title_words[7:])
        w.line(first)
        if rest:
            w.line(rest)
        w.blank()
        w.line("Korte inhoud begrotingsartikel:")
        w.prose(f"Dit artikel omvat de middelen voor {a.title.lower()}. Het besluit van de Vlaamse Regering van 30 "
                f"november 2018 bepaalt de voorwaarden; in {self.BA_YEAR} werden {self.rng.randint(12, 480)} dossiers "
                f"behandeld door {self.rng.randint(8, 140)} VTE.")
        w.blank()
        w.line("Kredietevolutie:")
        w.line("(duizend euro) VAK VEK")
        steps: list[tuple[str, str, object]] = [("ba", f"{self.START_LABEL} {self.BA_YEAR}", None if self.omits_start(a) else a.ba),
                                                 ("index", "Index", a.index),
                                                 ("comp", "Compensaties", a.compensatie_total),
                                                 ("andere", "Andere bijstellingen", a.andere), ("bo", f"BO {self.BO_YEAR}", a.bo)]
        shown = []
        for step, label, pair in steps:
            if pair is None:
                continue
            if step == "bo" and self.page_break_before_bo(a):
                w.maybe_page_break(force=True)
            w.row(label, [Num(f"{c}:kev:{step}:vak", pair.vak), Num(f"{c}:kev:{step}:vek", pair.vek)])  # type: ignore[attr-defined]
            shown.append(step)
        w.blank()
        w.line("Inhoudelijke toelichting:")
        self.evolution_text(a)
        for credit in ("vak", "vek"):
            w.relate(RelationKind.KREDIETEVOLUTIE, f"{c}: BA + stappen = BO {credit.upper()}", f"{c}:kev:bo:{credit}",
                     self.start_key(a, credit), *(f"{c}:kev:{s}:{credit}" for s in shown if s not in ("ba", "bo")))
        self.step_texts(a)
        w.blank()

    def start_key(self, a: Article, credit: str) -> str:
        """The slot of the article's start amount (the table's start line, or the text when it is absent)."""
        return f"{a.code}:kev:ba:{credit}"

    def evolution_text(self, a: Article) -> None:
        w, c = self.w, a.code
        evo = a.bo - a.ba
        parts: list[Part] = []

        def change(credit: str, amount: int, key: str) -> list[Part]:
            return [Num(key, abs(amount)), f" keuro {credit}"]

        verb = "stijgt" if evo.vak >= 0 else "daalt"
        parts += [f"Het krediet {verb} met "]
        both = evo.vak == evo.vek
        parts += change("VAK/VEK" if both else "VAK", evo.vak, f"{c}:txt:evo:vak")
        parts += [f" ten opzichte van BA {self.BA_YEAR} (", "+" if evo.vak >= 0 else "-",
                  Num(f"{c}:txt:pct:vak", _pct(abs(evo.vak), a.ba.vak), "pct", 1), "%)"]
        sign = 1 if evo.vak >= 0 else -1
        w.relate(RelationKind.DIFFERENCE, f"{c}: tekst evolutie VAK = BO - BA", f"{c}:txt:evo:vak",
                 Term(f"{c}:kev:bo:vak", sign), Term(f"{c}:kev:ba:vak", -sign))
        w.ratio(f"{c}: groeipercentage VAK", f"{c}:txt:pct:vak", f"{c}:txt:evo:vak", f"{c}:kev:ba:vak")
        if both:
            w.relate(RelationKind.DIFFERENCE, f"{c}: tekst evolutie VEK = BO - BA", f"{c}:txt:evo:vak",
                     Term(f"{c}:kev:bo:vek", sign), Term(f"{c}:kev:ba:vek", -sign))
            parts += ["."]
        else:
            vek_sign = 1 if evo.vek >= 0 else -1
            parts += [" en ", "stijgt het VEK" if evo.vek >= 0 else "daalt het VEK", " met ",
                      Num(f"{c}:txt:evo:vek", abs(evo.vek)), " keuro."]
            w.relate(RelationKind.DIFFERENCE, f"{c}: tekst evolutie VEK = BO - BA", f"{c}:txt:evo:vek",
                     Term(f"{c}:kev:bo:vek", vek_sign), Term(f"{c}:kev:ba:vek", -vek_sign))
        w.prose(*parts)

    def step_texts(self, a: Article) -> None:
        w, c = self.w, a.code
        if a.index is not None:
            if a.index.same:
                w.prose("Er wordt ", Num(f"{c}:txt:index:vak", a.index.vak), " keuro VAK/VEK aan index toegekend.")
                w.equal(f"{c}: tekst index VAK", f"{c}:txt:index:vak", f"{c}:kev:index:vak")
                w.equal(f"{c}: tekst index VEK", f"{c}:txt:index:vak", f"{c}:kev:index:vek")
            else:
                w.prose("De index bedraagt ", Num(f"{c}:txt:index:vak", a.index.vak), " keuro VAK en ",
                        Num(f"{c}:txt:index:vek", a.index.vek), " keuro VEK.")
                w.equal(f"{c}: tekst index VAK", f"{c}:txt:index:vak", f"{c}:kev:index:vak")
                w.equal(f"{c}: tekst index VEK", f"{c}:txt:index:vek", f"{c}:kev:index:vek")
        if a.compensaties:
            many = len(a.compensaties) > 1
            parts = ["Er zijn compensaties van " if many else "Er is een compensatie van "]
            terms = []
            for i, t in enumerate(a.compensaties):
                if i:
                    parts.append(" en ")
                key = f"{c}:txt:comp{i}"
                parts += [Num(key, abs(t.amount.vak)), " keuro ", "naar " if t.amount.vak < 0 else "vanuit ",
                          t.counterpart]
                terms.append(Term(key, 1 if t.amount.vak > 0 else -1, "beweging"))
            parts += [f" voor {a.compensaties[0].reason}."]
            w.prose(*parts)
            kind = RelationKind.MOVEMENTS if many else RelationKind.RESTATEMENT
            for credit in ("vak", "vek"):
                w.relate(kind, f"{c}: compensaties in de tekst = Compensaties {credit.upper()}", f"{c}:kev:comp:{credit}", *terms)
        if a.andere is not None:
            if a.andere_reason == "besparing":
                w.prose("Daarnaast is er een besparing van ", Num(f"{c}:txt:andere", Decimal(-a.andere.vak) / 1000, "mln", 1),
                        " miljoen euro, conform de beslissing van de Vlaamse Regering van 12 juli 2024.")
                for credit in ("vak", "vek"):
                    w.relate(RelationKind.RESTATEMENT, f"{c}: besparing = Andere bijstellingen {credit.upper()}",
                             f"{c}:kev:andere:{credit}", Term(f"{c}:txt:andere", -1, "tekst"))
            elif self.rng.random() < 0.6:
                w.prose("De andere bijstellingen (", Num(f"{c}:txt:andere:vak", a.andere.vak), " keuro VAK en ",
                        Num(f"{c}:txt:andere:vek", a.andere.vek), f" keuro VEK) betreffen {a.andere_reason}.")
                w.equal(f"{c}: tekst andere bijstellingen VAK", f"{c}:txt:andere:vak", f"{c}:kev:andere:vak")
                w.equal(f"{c}: tekst andere bijstellingen VEK", f"{c}:txt:andere:vek", f"{c}:kev:andere:vek")


def build(model: Programme, errors: list[PlantedError], seed: int = SEED) -> Rendered:
    return _A(model, errors, seed).render()


def render(model: Programme, errors: list[PlantedError]) -> list[str]:
    """The lines of the text export of the style-A document with `errors` planted."""
    return build(model, errors).lines


def candidates(model: Programme, clean: Rendered, seed: int = SEED) -> Candidates:
    """Every planted error this style offers, by kind; each breaks at least one declared relation."""
    rng = random.Random(seed + 7)
    p = clean.printed
    out = Candidates()

    def slip(key: str) -> str:
        return fmt_int(int(p[key].clean_text.replace(".", "")) + rng.choice(AMOUNT_SLIPS))

    tables = sorted({k.split(":")[0] for k in p if k.startswith("ise") and ":Totaal:" in k})
    ise_tables = [t for t in tables if "." not in t]
    for a in model.articles():
        c = a.code
        if a.index is not None:
            out.add(PlantedError(ErrorKind.TEXT_VS_TABLE, f"{c}:txt:index:vak", slip(f"{c}:txt:index:vak"),
                                 note="index in de tekst ≠ Index-lijn"))
        out.add(PlantedError(ErrorKind.KREDIETEVOLUTIE, f"{c}:kev:bo:vak", slip(f"{c}:kev:bo:vak"),
                             note="BO-lijn ≠ BA + stappen"))
        pct = p[f"{c}:txt:pct:vak"]
        out.add(PlantedError(ErrorKind.PERCENTAGE, pct.key, fmt_dec(Decimal(pct.clean_text.replace(",", ".")) + PCT_SLIP, 1),
                             note="groeipercentage volgt niet uit de bedragen"))
        if len(a.compensaties) > 1:
            out.add(PlantedError(ErrorKind.MOVEMENT_SUM, f"{c}:txt:comp0", slip(f"{c}:txt:comp0"),
                                 note="compensaties tellen niet op tot de Compensaties-lijn"))
        for key in (f"{c}:kev:ba:vak", f"{c}:kev:index:vek"):
            if key in p and len(p[key].clean_text) >= 3:
                try:
                    out.add(PlantedError(ErrorKind.TRANSPOSITION, key, transpose(p[key].clean_text, rng)))
                except ValueError:
                    pass
        out.add(PlantedError(ErrorKind.STALE, f"{c}:kev:ba:vek", fmt_int(a.previous.vek),
                             note="VEK van BA herhaalt het cijfer van het jaar voordien"))
    for tid in tables:
        out.add(PlantedError(ErrorKind.TOTAL_VS_ROWS, f"{tid}:Totaal:bo:vek", slip(f"{tid}:Totaal:bo:vek")))
        out.add(PlantedError(ErrorKind.DIFFERENCE, f"{tid}:Totaal:evo:vak", slip(f"{tid}:Totaal:evo:vak")))
    for tid in ise_tables:
        k = int(tid[3:]) - 1
        adjusted = [a for a in model.ises[k].articles if a.category == "ESR" and a.andere and a.andere.vak]
        if adjusted:
            delta = -adjusted[0].andere.vak  # type: ignore[union-attr]
            out.add(PlantedError(ErrorKind.ISE_VS_ARTICLES, f"{tid}:ESR:bo:vak", None,
                                 bias=((f"{tid}:ESR:bo:vak", delta),),
                                 note=f"ISE-tabel mist de andere bijstelling van {adjusted[0].code}"))
        out.add(PlantedError(ErrorKind.TEXT_VS_TABLE, f"{tid}:txt:bo:vak", slip(f"{tid}:txt:bo:vak"),
                             note="BO in de toelichting ≠ Totaal"))
    return out
