"""The vocabulary BBT authors use to say what an amount is. Regexes over lower-cased text.

Kept in one place so that a new phrasing is one line here, not a new parser.
"""

from __future__ import annotations

import re

# The most runs of whitespace a match attempt of a cue pattern (LEVEL_CUES, MOVEMENT_UP/DOWN/NEUTRAL,
# DENOMINATOR_PHRASE) may look across from where it starts ("stijgt (?:\w+\s+){0,4}met": five). The cue
# scanner (auditor.claims.cue_scan) relies on it to scan only the end of a longer prefix again;
# tests/claims/test_cue_scan.py reads every pattern and holds it to this bound, so a pattern that could
# look further ("steeg.*met") is refused there rather than read wrongly.
CUE_SPAN_RUNS_MAX = 12

# level cues: which table column an amount restates
LEVEL_CUES: dict[str, re.Pattern[str]] = {
    "BA-JR": re.compile(
        r"\bba\s*[-–]\s*jr\b|\b2e\s+ba\b|beschikba\w*|jaarbudget|jaareinde|aangepaste?\s+(?:krediet|budget)"
        r"|na\s+(?:uitvoering\s+van\s+)?(?:de\s+|bovenstaande\s+|deze\s+|alle\s+)?(?:krediet)?herverdelingen?"
    ),
    "BA": re.compile(r"\bba\b(?!\s*[-–]\s*jr)|\b1e\s+ba\b|decreta\w*|initi[eë]le?\b|oorspronkelijke?\b"),
    "BO": re.compile(r"\bbo\b|begrotingsopmaak|ontwerpbegroting"),
    "BU": re.compile(r"\bbu\b|(?<!na\s)\b(?:begrotings|vak-|vek-)?uitvoering\b(?!\s+van\s+(?:de\s+|bovenstaande\s+)?(?:krediet)?herverdel)|\brealisatie\b"),
}
# a level cue inside "… van het beschikbare krediet" names a percentage's denominator, not the amount
DENOMINATOR_PHRASE = re.compile(r"\bvan\s+(?:het|de)\s+(?:totale\s+)?(?:beschikba\w*|decreta\w*|jaarbudget)[\w-]*(?:\s+(?:vak|vek)[\w-]*)?(?:\s*[-–]?\s*krediet\w*|\s+budget)?")

# a level named right after the amount: "30.210 keuro (VAK) in BA 2024", "33.130 k€ bij de BO 2025"
POST_LEVEL = re.compile(
    r"^\s*(?:in|bij|volgens|op)\s+(?:de\s+|het\s+)?(?P<cue>ba\s*[-–]\s*jr|2e\s+ba|1e\s+ba|ba|bo|bu|begrotingsopmaak"
    r"|ontwerpbegroting|begrotingsuitvoering|begrotingsaanpassing)\b"
)
MOVEMENT_UP = re.compile(
    r"(?:verhoogd|opgetrokken|toegenomen|aangevuld)\s+ten\s+belope\s+van|stijgt\s+(?:\w+\s+){0,4}met|groeit\s+(?:\w+\s+){0,3}met"
    r"|stijging\s+(?:met|van)|verhoogd\s+met|verhoging\s+(?:met|van)|nam\s+(?:\w+\s+){0,4}toe\s+(?:met|ten\s+belope\s+van)|toe\s*nam\s+met"
    r"|toenam\s+met|neemt\s+(?:\w+\s+){0,3}toe\s+met|steeg\s+(?:\w+\s+){0,4}met|gestegen\s+met|opgetrokken\s+met"
    r"|verhoogd|toegenomen\s+met|extra\s+(?:budget|krediet|middelen)|bijkomende?\s+(?:budget|krediet|middelen)"
    r"|aangevuld\s+met|toegekend\s+vanuit|afkomstig\s+(?:uit|van)|toename\s+(?:met|van)|bijkomende?\s+toewijzing"
)
MOVEMENT_DOWN = re.compile(
    r"(?:verminderd|verlaagd|afgenomen)\s+ten\s+belope\s+van|daalt\s+(?:\w+\s+){0,4}met|daling\s+(?:met|van)"
    r"|verminderd\s+met|vermindering\s+(?:met|van)|verlaagd\s+met|daalde\s+(?:\w+\s+){0,4}met|gedaald\s+met"
    r"|nam\s+(?:\w+\s+){0,4}af\s+met|afnam\s+met|afgenomen\s+met|ingeleverd|afgestaan|overgedragen\s+naar"
    r"|afname\s+(?:met|van)|besparing\w*(?:\s+(?:met|van))?|inlevering\w*(?:\s+van)?"
)
# the name of a Kredietevolutie step before an amount that states it: "De index bedraagt 300 keuro VAK",
# "De andere bijstellingen (-61 keuro VAK …)" (not the "indexprovisie" a movement comes from)
STEP_LEVEL: list[tuple[str, re.Pattern[str]]] = [
    ("Index", re.compile(r"\bindex(?:ering|aanpassing)?\b(?!\w)(?!\s*provisie)")),
    ("Andere bijstellingen", re.compile(r"\bandere\s+bijstelling(?:en)?\b")),
]
STEP_LEVEL_MAX_WORDS = 6  # between the step's name and its amount
GROWTH_MAX_GAP = 60  # characters between a net change and the "(+1,0%)" that puts it relative to BA
# the next amount of a sentence: where one amount's own words end
NEXT_AMOUNT = re.compile(r"(?<![\w.,-])-?\d{1,3}(?:\.\d{3})*(?:,\d+)?\s*(?:keuro|k€|duizend\s+euro|miljoen|mln|miljard)")
# a movement word that names a step of a begroting BBT's Kredietevolutie table
STEP_OF_MOVEMENT: list[tuple[str, re.Pattern[str]]] = [
    ("Compensaties", re.compile(r"compensatie")),
    ("Andere bijstellingen", re.compile(r"besparing|inlevering")),
]
# the direction comes from "naar"/"vanuit" (DIRECTION_OUT / DIRECTION_IN), else it is not stated
MOVEMENT_NEUTRAL = re.compile(r"\b(?:krediet)?herverde\w*|\b(?:krediet)?herschik\w*|\bverschuiving\w*|\btransfer\w*"
                              r"|\boverheveling\w*|\bcompensaties?\b")
ARTICLE_CODE = r"[a-z]{2}[0-9a-z]-[0-9a-z]{7}-[a-z]{2}"
DIRECTION_OUT = re.compile(rf"\bnaar\s+(?:het\s+)?(?:begrotings)?(?:artikel\s+)?{ARTICLE_CODE}|vanuit\s+dit\s+(?:begrotings)?artikel|\bnaar\s+(?:het|de|een)\s+(?:begrotingsartikel|artikel|provisie|agentschap)|\bnaar\s+het\s+isi?e?\b|vertrekkende")
DIRECTION_IN = re.compile(rf"\bnaar\s+dit\s+(?:begrotings)?artikel|\bvanuit\s+(?:het\s+)?(?:begrotings)?(?:artikel\s+)?{ARTICLE_CODE}|\bvanuit\s+(?:de|het|een)\b|\buit\s+de\s+(?:\w+\s+)?(?:index)?provisie|afkomstig\s+(?:uit|van)|toekomende")
NET = re.compile(r"\bin\s+(?:het\s+)?tota(?:al|liteit)\b|\bper\s+saldo\b|\bnetto\b|\bglobaal\b|\bwaardoor\b|\bhierdoor\b|\bin\s+totaal\b"
                 r"|\bten\s+opzichte\s+van\b|\bt\.o\.v\.")
# "stijgt met 352 keuro ten opzichte van BA 2025": the change named after the amount is the whole change
NET_AFTER = re.compile(r"\bten\s+opzichte\s+van\b|\bt\.o\.v\.|\bvergeleken\s+met\b|\btegenover\s+(?:de\s+|het\s+)?(?:ba|bo|vorig)")
# where the clause after an amount ends: the sentence's end or a clause break. No two matches overlap
# (none starts with what another one has inside it), which auditor.claims.cue_scan.ClauseAfter relies on
CLAUSE_STOP = re.compile(r"[;]|\.\s|\.$|,\s(?:maar|terwijl|waardoor|om|omdat)\b")
# a sentence that concludes from the movements before it: they are all of them
CONCLUSION = re.compile(r"\bwaardoor\b|\bhierdoor\b|\baldus\b|\bzodat\b|\bin\s+tota(?:al|liteit)\b|\bper\s+saldo\b"
                        r"|\bna\s+(?:deze\s+|de\s+|alle\s+)?(?:krediet)?(?:herverdelingen|bewegingen|aanpassingen)\b")
# the year printed with a level: "in BO 2020", "bij BA 2024", "BA-JR 2025"
LEVEL_YEAR_AFTER = re.compile(r"^\s*(?:\S+\s+){0,2}?(?:in|bij|volgens|op)\s+(?:de\s+|het\s+)?(?:ba\s*[-–]\s*jr|ba|bo|bu)\b(?:\s+(?P<year>(?:19|20)\d{2})\b)?")
LEVEL_YEAR_BEFORE = re.compile(r"\b(?:ba\s*[-–]\s*jr|ba|bo|bu)\s+(?P<year>(?:19|20)\d{2})\b[^\d]{0,40}$")
# a percentage's own credit, named right after it: "96,7% in VAK en 99,6% in VEK"
CREDIT_AFTER_PERCENT = re.compile(r"^\s*%?\s*(?:(?:in|voor|van)\s+(?:het\s+|de\s+)?)?(?P<credit>vak|vek)\b")

COPULA_THEN_NUMBER = re.compile(r"\b(?:bedroeg|bedraagt|bedroegen|bedragen|beliep|beloopt|was|is|bleef)\b[^.]*$")
TARGET_BEFORE = re.compile(r"\b(?:tot|naar)\s*$")
# "stijgen van 1.250 keuro naar 1.320 keuro": the first amount is the starting level (BA)
FROM_BEFORE = re.compile(r"\bvan\s*$")
TARGET_AFTER = re.compile(r"^\s*naar\s+[-\d]")
WITH_BEFORE = re.compile(r"\bmet\s*$")
PART_OF = re.compile(r"\bbevat\b|\bomvat\b|\bwaarvan\b|\binclusief\b|een\s+bedrag\s+van|\bingeschreven\b|\bvan\s+dit\s+bedrag\b")
PARTIAL = re.compile(r"hoofdzakelijk|onder\s+andere|onder\s+meer|\bo\.a\.|waaronder|voornamelijk|\bvooral\b|met\s+name|\bzoals\b|bijvoorbeeld")
EXECUTION_RATE = re.compile(r"realisatiegraad|benuttingsgraad|uitvoeringsgraad|bestedingsgraad|aanwendingsgraad")
UNDERUSE = re.compile(r"onderbenutting|niet[-\s]benut|onderuitvoering")
BOUND_GE = re.compile(r"(?:hoger|meer|groter)\s+dan\s*$|\bruim\s*$|\bboven\s*$|\bminstens\s*$|\bmeer\s+dan\s*$")
BOUND_LE = re.compile(r"(?:lager|minder|kleiner)\s+dan\s*$|\bonder\s*$|\bmaximaal\s*$|\bhoogstens\s*$")
APPROX = re.compile(r"(?:nagenoeg|bijna|ongeveer|circa|ca\.|rond|zowat|om\s+en\s+bij)\s*$")
PERCENT_OF_AVAILABLE = re.compile(r"^\s*(?:van\s+(?:het|de)\s+(?:totale\s+)?(?:beschikba|jaarbudget)|realisatiegraad|benuttingsgraad|uitvoeringsgraad)")
PERCENT_AFTER_AMOUNT = re.compile(r"^\s*(?:,\s*)?(?:of|oftewel|ofwel|hetzij|dit\s+is|d\.i\.|\(\s*oftewel|\(\s*of|\()\s*$")
GAP = re.compile(r"\bkloof\b|\bverschil\b|\bafstand\b")
ANAPHORA = re.compile(r"^(?:deze|dit|die)\s+(?:middelen|bedrag(?:en)?|kredieten|budget|herverdeling(?:en)?)\b")
CREDIT_WORD = re.compile(r"\b(vak|vek)(?=[-\s]|$)")
BOTH_CREDITS = re.compile(r"\bvak[-\s]*(?:als|en|&|/)\s*(?:aan\s+)?(?:de\s+)?vek\b|vak/vek")


def without_denominators(text: str, *, keep_positions: bool = False) -> str:
    """`text` without its denominator phrases ("van het beschikbare krediet"): each replaced by one space,
    or (`keep_positions`) by as many spaces as it has characters, so every position stays."""
    if "van" not in text:
        return text  # every denominator phrase starts with "van": none to remove
    if keep_positions:
        return DENOMINATOR_PHRASE.sub(lambda m: " " * len(m.group(0)), text)
    return DENOMINATOR_PHRASE.sub(" ", text)


def last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for match in pattern.finditer(text):
        found = match
    return found


def credit_in(text: str) -> str | None:
    """The credit named in `text` (lower-case), ignoring denominator phrases; BOTH for VAK-en-VEK."""
    if "vak" not in text and "vek" not in text:
        # both patterns below need one of these, and removing a phrase (it becomes a space) joins no
        # letters: nothing to find. Most sentences name no credit, and the three scans cost more than this
        return None
    text = without_denominators(text)
    if BOTH_CREDITS.search(text):
        return "BOTH"
    found = CREDIT_WORD.findall(text)
    if not found:
        return None
    return found[-1].upper()
