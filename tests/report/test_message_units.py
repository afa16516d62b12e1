"""A message that shows a number as printed names the unit it was printed in: '1,2 (miljoen euro)',
not the keuro the value is held in."""

from __future__ import annotations

import pytest

from auditor.audit import audit_lines
from tests.conftest import source_of

ARTICLE = """JB0-1JEC2HA-WT – COLLECTIEF MAATWERK
(duizend euro)
VAK VEK
BA 2024 BA-JR 2024 BU 2024 BA 2024 BA-JR 2024 BU 2024
Uitgaven 580.966 588.293 552.289 580.966 586.978 552.157
Inhoudelijke toelichting:
"""


def untied_messages(sentence: str, lang: str) -> list[str]:
    report = audit_lines(source_of((ARTICLE + sentence).splitlines()), lang=lang).report
    return [f.message for f in report.findings if f.rule == "BBT-INFO-001"]


@pytest.mark.parametrize(("sentence", "lang", "shown"), [
    ("Voor de nieuwe oproep is 1,2 miljoen euro voorzien.", "nl", "1,2 (miljoen euro)"),
    ("Voor de nieuwe oproep is 1,2 miljoen euro voorzien.", "en", "1,2 (million euro)"),
    ("Voor een studie is 3.500 euro voorzien.", "nl", "3.500 (euro)"),
    ("Voor de nieuwe oproep is 1.250 keuro voorzien.", "nl", "1.250 (keuro)"),
])
def test_the_unit_shown_is_the_printed_one(sentence: str, lang: str, shown: str) -> None:
    messages = untied_messages(sentence, lang)
    assert len(messages) == 1 and messages[0].startswith(shown + " ")
