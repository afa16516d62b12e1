"""The vocabulary BBT authors use to say what an amount is. Regexes over lower-cased text.

Kept in one place so that a new phrasing is one line here, not a new parser.
"""

from __future__ import annotations

import re

# level cues: which table column an amount restates
LEVEL_CUES: dict[str, re.Pattern[str]] = {
    "BA-JR": re.compile(
        r"\bba\s*[-–]\s*jr\b|\b2e\s+ba\b|beschikba\w*|jaarbudget|jaareinde|aangepaste?\s+(?:krediet|budget)"
        r"|na\s+(?:uitvoering\s+van\s+)?(?:de\s+|bovenstaande\s+|deze\s+|alle\s+)?(?:krediet)?herverdelingen?"
    ),
    "BA": re.compile(r"\bba\b(?!\s*[-–]\s*jr)|\b1e\s+ba\b|decreta\w*|initi[eë]le?\b|oorspronkelijke?\b"),
    "BU": re.compile(r"\bbu\b|(?<!na\s)\b(?:begrotings|vak-|vek-)?uitvoering\b(?!\s+van\s+(?:de\s+|bovenstaande\s+)?(?:krediet)?herverdel)|\brealisatie\b"),
}
# a level cue inside "… van het beschikbare krediet" names a percentage's denominator, not the amount
DENOMINATOR_PHRASE = re.compile(r"\bvan\s+(?:het|de)\s+(?:totale\s+)?(?:beschikba\w*|decreta\w*|jaarbudget)[\w-]*(?:\s+(?:vak|vek)[\w-]*)?(?:\s*[-–]?\s*krediet\w*|\s+budget)?")

MOVEMENT_UP = re.compile(
    r"verhoogd\s+met|verhoging\s+(?:met|van)|nam\s+(?:\w+\s+){0,4}toe\s+(?:met|ten\s+belope\s+van)|toe\s*nam\s+met"
    r"|toenam\s+met|neemt\s+(?:\w+\s+){0,3}toe\s+met|steeg\s+(?:\w+\s+){0,4}met|gestegen\s+met|opgetrokken\s+met"
    r"|verhoogd|toegenomen\s+met|extra\s+(?:budget|krediet|middelen)|bijkomende?\s+(?:budget|krediet|middelen)"
    r"|aangevuld\s+met|toegekend\s+vanuit|afkomstig\s+(?:uit|van)"
)
MOVEMENT_DOWN = re.compile(
    r"verminderd\s+met|vermindering\s+(?:met|van)|verlaagd\s+met|daalde\s+(?:\w+\s+){0,4}met|gedaald\s+met"
    r"|nam\s+(?:\w+\s+){0,4}af\s+met|afnam\s+met|afgenomen\s+met|ingeleverd|afgestaan|overgedragen\s+naar"
)
MOVEMENT_NEUTRAL = re.compile(r"\b(?:krediet)?herverde\w*|\b(?:krediet)?herschik\w*|\bverschuiving\w*|\btransfer\w*")
DIRECTION_OUT = re.compile(r"vanuit\s+dit\s+(?:begrotings)?artikel|\bnaar\s+(?:het|de|een)\s+(?:begrotingsartikel|artikel|provisie|agentschap)|\bnaar\s+het\s+isi?e?\b|vertrekkende")
DIRECTION_IN = re.compile(r"\bvanuit\s+(?:de|het|een)\b|\buit\s+de\s+(?:\w+\s+)?(?:index)?provisie|afkomstig\s+(?:uit|van)|toekomende")
NET = re.compile(r"\bin\s+(?:het\s+)?tota(?:al|liteit)\b|\bper\s+saldo\b|\bnetto\b|\bglobaal\b|\bwaardoor\b|\bhierdoor\b|\bin\s+totaal\b")

COPULA_THEN_NUMBER = re.compile(r"\b(?:bedroeg|bedraagt|bedroegen|bedragen|beliep|beloopt|was|is|bleef)\b[^.]*$")
TARGET_BEFORE = re.compile(r"\b(?:tot|naar)\s*$")
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


def last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for match in pattern.finditer(text):
        found = match
    return found


def credit_in(text: str) -> str | None:
    """The credit named in `text` (lower-case), ignoring denominator phrases; BOTH for VAK-en-VEK."""
    text = DENOMINATOR_PHRASE.sub(" ", text)
    if BOTH_CREDITS.search(text):
        return "BOTH"
    found = CREDIT_WORD.findall(text)
    if not found:
        return None
    return found[-1].upper()
