"""Style B: an agency execution BBT (uitvoering, stuk 23-x), Opgroeien 2025, laid out as LAYOUTS.md describes for
agencies: article codes with `A` as fourth character (`GH0-AGGF2RC-WT`), article tables the other way round (one
line per stage with two numbers VAK VEK: `BA 2025`, `BA – JR 2025` (also `BA - JR`, `BA-JR`), `BU 2025` (also
`Uitvoering 2025`, `Realisatie 2025`)); an overview table per credit with derived columns (Verschil = BU − BA-JR,
Uitvoeringsgraad = BU / BA-JR); narratives on execution percentages, BA → BA-JR movements with varied verbs; the
agency's own receipts (AO/TO/LO) in their own section right after an article, whose numbers belong to the agency.

What must hold: every number is derived from the model, so with no planted errors every declared relation holds
(exactly in keuro, within rounding for percentages).
"""

from __future__ import annotations

import random
from decimal import Decimal

from tests.styles.layout import (Candidates, ErrorKind, Num, Part, PlantedError, RelationKind, Rendered, Term,
                                 Writer, fmt_dec, fmt_int, transpose)
from tests.styles.model import Article, ArticleSpec, Programme, Receipts, Transfer, make_programme

STYLE = "B"
TITLE = "Uitvoerings-BBT van een agentschap (23-x), Opgroeien 2025"
SEED = 2025
RELEVANT_KINDS = tuple(k for k in ErrorKind if k is not ErrorKind.KREDIETEVOLUTIE)  # no Kredietevolutie in an execution BBT
YEAR = 2025
HEADER = "Stuk 23 (2025-2026) – Nr. 1-F  Vlaams Parlement "
AGENCY = "Agentschap Opgroeien regie"
BAJR_LABELS = ("BA – JR", "BA - JR", "BA-JR")
BU_LABELS = ("BU", "Uitvoering", "Realisatie")
COUNTERPARTS = ["GH0-AGGF2RD-WT", "GH0-AGGG2AA-WT", "CB0-1CBD2AA-PR", "GH0-AGGH2AB-WT"]
PCT_SLIP = Decimal("2.3")
AMOUNT_SLIPS = (100, -100, 250, -40, 1_000)


def make_model(seed: int = SEED) -> Programme:
    ises = [
        ("KINDEROPVANG", [
            ArticleSpec("GH0-AGGF2RC-WT", "SUBSIDIES KINDEROPVANG BABY'S EN PEUTERS MET INKOMENSTARIEF", AGENCY, (600_000, 1_300_000)),
            ArticleSpec("GH0-AGGF2RD-WT", "KINDEROPVANG VAN SCHOOLKINDEREN", AGENCY, (40_000, 120_000)),
        ]),
        ("GEZINSONDERSTEUNING EN OPVOEDING", [
            ArticleSpec("GH0-AGGG2AA-WT", "PREVENTIEVE GEZINSONDERSTEUNING EN HUIZEN VAN HET KIND", AGENCY, (60_000, 150_000)),
            ArticleSpec("GH0-AGGG2AB-IS", "TOELAGE AAN KIND EN GEZIN VOOR CONSULTATIEBUREAUS", AGENCY, (5_000, 30_000)),
        ]),
        ("JEUGDHULP", [
            ArticleSpec("GH0-AGGH2AA-WT", "INTERSECTORALE TOEGANGSPOORT EN JEUGDHULPAANBOD", AGENCY, (300_000, 700_000)),
            ArticleSpec("GH0-AGGH2AB-WT", "GEMEENSCHAPSINSTELLINGEN", AGENCY, (40_000, 90_000)),
            ArticleSpec("GH0-AGGH2AC-LO", "LONEN PERSONEEL GEMEENSCHAPSINSTELLINGEN", AGENCY, (50_000, 110_000)),
        ]),
    ]
    programme = make_programme("GH", "OPGROEIEN", YEAR, ises, seed, "uitvoering", COUNTERPARTS)
    rng = random.Random(seed + 3)
    ao, to = rng.randint(1_500, 4_000), rng.randint(20_000, 40_000)
    to_jr = to + rng.randint(200, 2_500)
    programme.receipts = Receipts(ba=(ao, to, 0), bajr=(ao, to_jr, 0),
                                  bu=(ao + rng.randint(20, 300), int(to_jr * rng.uniform(0.95, 1.03)), 0))
    programme.receipts_entity = AGENCY
    return programme


def _pct(numerator: int, denominator: int) -> Decimal:
    return Decimal(100) * Decimal(numerator) / Decimal(denominator)


class _B:
    def __init__(self, model: Programme, errors: list[PlantedError], seed: int) -> None:
        self.m = model
        self.w = Writer(seed, errors, HEADER)
        self.rng = random.Random(seed + 1)

    def overview(self, credit: str, table_no: int) -> None:
        w, m = self.w, self.m
        name = "vastleggingskredieten" if credit == "vak" else "vereffeningskredieten"
        w.line(f"Tabel {table_no} – Uitvoering per ISE, {name} (duizend euro)")
        w.line(f"ISE BA {YEAR} BA – JR {YEAR} BU {YEAR} Verschil Uitvoeringsgraad")
        totals = {"ba": 0, "bajr": 0, "bu": 0}
        rows = []
        for k, ise in enumerate(m.ises, start=1):
            tid = f"ov:{credit}:{k}"
            values = {s: w.biased(f"{tid}:{s}", ise.total(s).get(credit)) for s in ("ba", "bajr", "bu")}
            for s in totals:
                totals[s] += values[s]
            w.line(ise.name.capitalize(), " ", Num(f"{tid}:ba", values["ba"]), " ", Num(f"{tid}:bajr", values["bajr"]), " ",
                   Num(f"{tid}:bu", values["bu"]), " ", Num(f"{tid}:verschil", values["bu"] - values["bajr"]), " ",
                   Num(f"{tid}:graad", _pct(values["bu"], values["bajr"]), "pct", 1), "%")
            rows.append((tid, ise))
        tid = f"ov:{credit}:T"
        w.line("Totaal ", Num(f"{tid}:ba", totals["ba"]), " ", Num(f"{tid}:bajr", totals["bajr"]), " ",
               Num(f"{tid}:bu", totals["bu"]), " ", Num(f"{tid}:verschil", totals["bu"] - totals["bajr"]), " ",
               Num(f"{tid}:graad", _pct(totals["bu"], totals["bajr"]), "pct", 1), "%")
        label = credit.upper()
        for row_tid, ise in rows:
            for stage in ("ba", "bajr", "bu"):
                w.relate(RelationKind.ROLLUP, f"Overzicht {label}: {ise.name} {stage} = Σ artikelen",
                         f"{row_tid}:{stage}", *(f"{a.code}:{stage}:{credit}" for a in ise.articles))
        for row_tid in [t for t, _ in rows] + [tid]:
            w.relate(RelationKind.DIFFERENCE, f"Overzicht {label} {row_tid}: Verschil = BU - BA-JR", f"{row_tid}:verschil",
                     Term(f"{row_tid}:bu", 1), Term(f"{row_tid}:bajr", -1))
            w.ratio(f"Overzicht {label} {row_tid}: uitvoeringsgraad", f"{row_tid}:graad", f"{row_tid}:bu", f"{row_tid}:bajr")
        for stage in ("ba", "bajr", "bu", "verschil"):
            w.relate(RelationKind.TABLE_TOTAL, f"Overzicht {label}: Totaal {stage} = Σ rijen", f"{tid}:{stage}",
                     *(f"{t}:{stage}" for t, _ in rows))

    def render(self) -> Rendered:
        w, m = self.w, self.m
        w.line(HEADER.strip())
        w.line(f"BELEIDS- EN BEGROTINGSTOELICHTING OPGROEIEN – UITVOERING {YEAR}")
        w.blank()
        w.line(" II. INLEIDING DOOR DE MINISTER")
        w.prose(f"In {YEAR} werden 4.120 nieuwe plaatsen in de kinderopvang gecreëerd. Het decreet van 20 april 2012 "
                f"houdende de organisatie van kinderopvang van baby's en peuters bleef het kader; op 31 december {YEAR} "
                "waren 11.540 kinderen ingeschreven in 1.312 groepsopvanglocaties.")
        w.blank()
        w.line(" III. OVERZICHT VAN DE UITVOERING")
        w.blank()
        self.overview("vak", 1)
        w.blank()
        self.overview("vek", 2)
        w.blank()
        total = {c: (m.total("bu").get(c), m.total("bajr").get(c)) for c in ("vak", "vek")}
        w.prose("Over het hele programma bedroeg de uitvoeringsgraad ", Num("prog:txt:graad:vak", _pct(*total["vak"]), "pct", 1),
                "% in VAK en ", Num("prog:txt:graad:vek", _pct(*total["vek"]), "pct", 1), "% in VEK. Het niet-benutte "
                "beschikbare krediet bedroeg ", Num("prog:txt:verschil:vak", total["vak"][1] - total["vak"][0]), " keuro VAK.")
        w.ratio("Programma: tekst uitvoeringsgraad VAK", "prog:txt:graad:vak", "ov:vak:T:bu", "ov:vak:T:bajr")
        w.ratio("Programma: tekst uitvoeringsgraad VEK", "prog:txt:graad:vek", "ov:vek:T:bu", "ov:vek:T:bajr")
        w.relate(RelationKind.RESTATEMENT, "Programma: tekst niet-benut VAK = -Verschil", "prog:txt:verschil:vak",
                 Term("ov:vak:T:verschil", -1, "cell"))
        w.blank()
        w.line(" V. BELEIDSVELD OPGROEIEN")
        for k, ise in enumerate(m.ises, start=1):
            w.maybe_page_break()
            w.line(f"{k}. ISE {ise.name}")
            w.line(f"{k}.1. Strategische doelstellingen op het niveau van het inhoudelijk structuurelement")
            w.prose(f"Het agentschap werkt met {self.rng.randint(20, 90)} erkende organisaties en telt "
                    f"{self.rng.randint(200, 900)} VTE voor dit structuurelement.")
            w.line(f"{k}.3. Uitvoering van het begrotingsjaar {YEAR}")
            w.line(f"{k}.3.1. {AGENCY}")
            w.line("Uitgaven")
            w.blank()
            for a in ise.articles:
                w.maybe_page_break()
                self.article(a)
            if k == 1 and m.receipts is not None:
                self.receipts(k)
        w.maybe_page_break(force=True)
        return w.done()

    def article(self, a: Article) -> None:
        w, c = self.w, a.code
        w.line(f"{c} – {a.title}")
        w.blank()
        w.line("Korte inhoud begrotingsartikel:")
        w.prose(f"Dit artikel omvat de middelen voor {a.title.lower()}, op basis van het besluit van de Vlaamse "
                f"Regering van {self.rng.randint(1, 28)} juni 2019.")
        w.blank()
        bajr_label = self.rng.choice(BAJR_LABELS)
        bu_label = self.rng.choice(BU_LABELS)
        w.line("(duizend euro) VAK VEK")
        for stage, label in (("ba", "BA"), ("bajr", bajr_label), ("bu", bu_label)):
            pair = a.stage(stage)
            w.row(f"{label} {YEAR}", [Num(f"{c}:{stage}:vak", pair.vak), Num(f"{c}:{stage}:vek", pair.vek)])
        w.blank()
        w.line("Toelichting:")
        if a.ba.same:
            w.prose(f"Bij BA {YEAR} werd ", Num(f"{c}:txt:ba:vak", a.ba.vak), " keuro VAK/VEK ingeschreven op dit begrotingsartikel.")
            w.equal(f"{c}: tekst BA VAK", f"{c}:txt:ba:vak", f"{c}:ba:vak")
            w.equal(f"{c}: tekst BA VEK", f"{c}:txt:ba:vak", f"{c}:ba:vek")
        else:
            w.prose(f"Bij BA {YEAR} werd ", Num(f"{c}:txt:ba:vak", a.ba.vak), " keuro VAK en ",
                    Num(f"{c}:txt:ba:vek", a.ba.vek), " keuro VEK ingeschreven op dit begrotingsartikel.")
            w.equal(f"{c}: tekst BA VAK", f"{c}:txt:ba:vak", f"{c}:ba:vak")
            w.equal(f"{c}: tekst BA VEK", f"{c}:txt:ba:vek", f"{c}:ba:vek")
        terms: dict[str, list[Term]] = {"vak": [], "vek": []}
        for i, t in enumerate(a.movements):
            parts, keys = self.movement(c, i, t)
            w.prose(*parts)
            for credit, key in keys.items():
                terms[credit].append(Term(key, 1 if t.amount.get(credit) > 0 else -1, "beweging"))
        for credit in ("vak", "vek"):
            w.relate(RelationKind.MOVEMENTS, f"{c}: BA + bewegingen = BA-JR {credit.upper()}", f"{c}:bajr:{credit}",
                     Term(f"{c}:ba:{credit}", 1, "BA"), *terms[credit])
        w.prose(f"Het beschikbare krediet ({bajr_label} {YEAR}) bedroeg aldus ", Num(f"{c}:txt:bajr:vak", a.bajr.vak),
                " keuro VAK en ", Num(f"{c}:txt:bajr:vek", a.bajr.vek), " keuro VEK.")
        w.equal(f"{c}: tekst BA-JR VAK", f"{c}:txt:bajr:vak", f"{c}:bajr:vak")
        w.equal(f"{c}: tekst BA-JR VEK", f"{c}:txt:bajr:vek", f"{c}:bajr:vek")
        w.prose("De uitvoering bedroeg ", Num(f"{c}:txt:bu:vak", a.bu.vak), " keuro VAK en ",
                Num(f"{c}:txt:bu:vek", a.bu.vek), " keuro VEK. De uitvoeringsgraad bedroeg ",
                Num(f"{c}:txt:graad:vak", _pct(a.bu.vak, a.bajr.vak), "pct", 1), "% in VAK en ",
                Num(f"{c}:txt:graad:vek", _pct(a.bu.vek, a.bajr.vek), "pct", 1), "% in VEK.")
        w.equal(f"{c}: tekst BU VAK", f"{c}:txt:bu:vak", f"{c}:bu:vak")
        w.equal(f"{c}: tekst BU VEK", f"{c}:txt:bu:vek", f"{c}:bu:vek")
        w.ratio(f"{c}: uitvoeringsgraad VAK", f"{c}:txt:graad:vak", f"{c}:bu:vak", f"{c}:bajr:vak")
        w.ratio(f"{c}: uitvoeringsgraad VEK", f"{c}:txt:graad:vek", f"{c}:bu:vek", f"{c}:bajr:vek")
        w.blank()

    def movement(self, c: str, i: int, t: Transfer) -> tuple[list[Part], dict[str, str]]:
        """One movement sentence with a varied verb; returns its parts and the slot per credit."""
        amount = t.amount
        k = f"{c}:txt:mov{i}"
        if amount.same:
            amounts: list[Part] = [Num(k, abs(amount.vak)), " keuro VAK/VEK"]
            keys = {"vak": k, "vek": k}
        else:
            amounts = [Num(f"{k}:vak", abs(amount.vak)), " keuro VAK en ", Num(f"{k}:vek", abs(amount.vek)), " keuro VEK"]
            keys = {"vak": f"{k}:vak", "vek": f"{k}:vek"}
        if t.reason == "index" and amount.vak > 0 and amount.vek > 0:
            return ["Het krediet werd verhoogd met ", *amounts, f" vanuit de indexprovisie ({t.counterpart})."], keys
        if amount.vak < 0 and amount.vek < 0:
            if self.rng.random() < 0.5:
                return ["Er was een overheveling naar ", t.counterpart, " van ", *amounts, f" voor {t.reason}."], keys
            return ["Het krediet daalde met ", *amounts, f" door een herverdeling naar {t.counterpart}."], keys
        if amount.vak > 0 and amount.vek > 0:
            if self.rng.random() < 0.5:
                return ["Er kwam een bijkomende toewijzing van ", *amounts, f" vanuit {t.counterpart} voor {t.reason}."], keys
            return [f"Via een herverdeling vanuit {t.counterpart} kwam er ", *amounts, " bij."], keys
        # opposite signs per credit: two clauses
        vak_verb = "steeg" if amount.vak > 0 else "daalde"
        vek_verb = "steeg" if amount.vek > 0 else "daalde"
        return [f"Door een herverdeling met {t.counterpart} {vak_verb} het VAK met ", Num(f"{k}:vak", abs(amount.vak)),
                f" keuro en {vek_verb} het VEK met ", Num(f"{k}:vek", abs(amount.vek)), " keuro."], \
            {"vak": f"{k}:vak", "vek": f"{k}:vek"}

    def receipts(self, k: int) -> None:
        w, r = self.w, self.m.receipts
        assert r is not None
        w.line(f"{k}.4. Eigen ontvangsten van het {AGENCY}")
        w.prose("Het agentschap int eigen ontvangsten (ouderbijdragen, terugvorderingen en Europese middelen), "
                f"geboekt op zijn eigen rekening sinds 1 januari 2016.")
        w.line("(duizend euro) AO TO LO")
        for stage, label in (("ba", "BA"), ("bajr", "BA – JR"), ("bu", "BU")):
            values = getattr(r, stage)
            w.row(f"{label} {YEAR}", [Num(f"rec:{stage}:{col}", v) for col, v in zip(("ao", "to", "lo"), values)])
        w.blank()
        w.prose("De toegewezen ontvangsten bedroegen ", Num("rec:txt:bu:to", r.bu[1]), " keuro, of ",
                Num("rec:txt:graad:to", _pct(r.bu[1], r.bajr[1]), "pct", 1), "% van het beschikbare bedrag van ",
                Num("rec:txt:bajr:to", r.bajr[1]), " keuro. De algemene ontvangsten bedroegen ",
                Num("rec:txt:bu:ao", r.bu[0]), " keuro.")
        w.equal("Ontvangsten agentschap: tekst TO BU", "rec:txt:bu:to", "rec:bu:to")
        w.equal("Ontvangsten agentschap: tekst TO BA-JR", "rec:txt:bajr:to", "rec:bajr:to")
        w.equal("Ontvangsten agentschap: tekst AO BU", "rec:txt:bu:ao", "rec:bu:ao")
        w.ratio("Ontvangsten agentschap: TO-realisatiegraad", "rec:txt:graad:to", "rec:bu:to", "rec:bajr:to")
        w.blank()


def build(model: Programme, errors: list[PlantedError], seed: int = SEED) -> Rendered:
    return _B(model, errors, seed).render()


def render(model: Programme, errors: list[PlantedError]) -> list[str]:
    """The lines of the text export of the style-B document with `errors` planted."""
    return build(model, errors).lines


def candidates(model: Programme, clean: Rendered, seed: int = SEED) -> Candidates:
    rng = random.Random(seed + 7)
    p = clean.printed
    out = Candidates()

    def slip(key: str) -> str:
        return fmt_int(int(p[key].clean_text.replace(".", "")) + rng.choice(AMOUNT_SLIPS))

    def pct_slip(key: str) -> str:
        return fmt_dec(Decimal(p[key].clean_text.replace(",", ".")) + PCT_SLIP, 1)

    for a in model.articles():
        c = a.code
        out.add(PlantedError(ErrorKind.TEXT_VS_TABLE, f"{c}:txt:bu:vak", slip(f"{c}:txt:bu:vak"), note="BU in de tekst ≠ tabel"))
        out.add(PlantedError(ErrorKind.PERCENTAGE, f"{c}:txt:graad:vek", pct_slip(f"{c}:txt:graad:vek")))
        movement = next(k for k in p if k.startswith(f"{c}:txt:mov"))
        out.add(PlantedError(ErrorKind.MOVEMENT_SUM, movement, slip(movement), note="bewegingen tellen niet op tot BA-JR"))
        try:
            out.add(PlantedError(ErrorKind.TRANSPOSITION, f"{c}:bu:vek", transpose(p[f"{c}:bu:vek"].clean_text, rng)))
        except ValueError:
            pass
        out.add(PlantedError(ErrorKind.STALE, f"{c}:ba:vek", fmt_int(a.previous.vek),
                             note="VEK van BA herhaalt het cijfer van het jaar voordien"))
    out.add(PlantedError(ErrorKind.TEXT_VS_TABLE, "rec:txt:bu:to", slip("rec:txt:bu:to"), note="ontvangsten agentschap"))
    for credit in ("vak", "vek"):
        out.add(PlantedError(ErrorKind.TOTAL_VS_ROWS, f"ov:{credit}:T:bajr", slip(f"ov:{credit}:T:bajr")))
        out.add(PlantedError(ErrorKind.PERCENTAGE, f"ov:{credit}:2:graad", pct_slip(f"ov:{credit}:2:graad")))
        for k, ise in enumerate(model.ises, start=1):
            out.add(PlantedError(ErrorKind.DIFFERENCE, f"ov:{credit}:{k}:verschil", slip(f"ov:{credit}:{k}:verschil")))
            last = ise.articles[-1].movements[-1].amount.get(credit)
            out.add(PlantedError(ErrorKind.ISE_VS_ARTICLES, f"ov:{credit}:{k}:bajr", None,
                                 bias=((f"ov:{credit}:{k}:bajr", -last),),
                                 note=f"overzicht mist de laatste beweging van {ise.articles[-1].code}"))
    return out
