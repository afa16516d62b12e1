"""Why a binding is a guess, in the users' languages. A fact that carries any of these is not certain:
the certainty policy (auditor.rules.engine.certainty_policy) reports its failed comparison as "review"
("te bekijken") with these reasons, never as an error."""

from __future__ import annotations

DOUBTS: dict[str, dict[str, str]] = {
    "credit_guessed": {
        "nl": "de tekst noemt geen krediet (VAK of VEK); vergeleken met het krediet met het dichtste bedrag",
        "en": "the text names no credit (VAK or VEK); compared with the credit whose amount is nearest",
    },
    "parent_guessed": {
        "nl": "het geheel is het dichtstbijzijnde bedrag vóór de opsomming, niet door de zin aangewezen",
        "en": "the whole is the nearest amount before the list, not one the sentence points to",
    },
    "credit_mismatch": {
        "nl": "de onderdelen noemen een ander krediet dan het geheel",
        "en": "the parts name another credit than the whole",
    },
    "list_may_be_partial": {
        "nl": "de tekst zegt niet dat de opgesomde bewegingen alle bewegingen zijn",
        "en": "the text does not say that the movements it lists are all of them",
    },
    "ise_subtables": {
        "nl": "onder deze ISE staan meerdere tabellen; niet zeker dat deze tabel het geheel van de ISE is",
        "en": "this ISE has several tables; not certain that this table is the ISE as a whole",
    },
    "articles_unread": {
        "nl": "niet van elk begrotingsartikel van deze ISE kon de tabel gelezen worden; de som is onvolledig",
        "en": "not every budget article of this ISE had a table that could be read; the sum is incomplete",
    },
    "no_member": {
        "nl": "geen enkel begrotingsartikel van deze ESR-categorie staat bij deze ISE; niet zeker dat ze alle afgedrukt zijn",
        "en": "no budget article of this ESR category is printed under this ISE; not certain all are printed",
    },
    "indicator_guessed": {
        "nl": "meerdere percentages in deze tekst passen bij dezelfde indicator; welk de indicator is, is een gok",
        "en": "several percentages in this text fit the same indicator; which one it is, is a guess",
    },
    "entities_mixed": {
        "nl": "de begrotingsartikelen horen bij verschillende entiteiten; de ISE-tabel kan er sommige uitsluiten (MVG excl. DAB)",
        "en": "the budget articles belong to different entities; the ISE table may exclude some (MVG excl. DAB)",
    },
}


def explain(doubts: list[str], lang: str) -> list[str]:
    return [DOUBTS[code][lang] for code in doubts]
