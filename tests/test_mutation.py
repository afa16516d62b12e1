"""Recall: change one digit of every number that takes part in a stated relation and require a new
finding that points at that number's line. Tables and the text restating them must reach 100%."""

from __future__ import annotations

from collections import defaultdict

from auditor.audit import audit_lines
from auditor.ingest import read_document

from tests.conftest import BEGROTING_CLEAN, CLEAN

# Tables and the text restating them: every mutation must be caught. Elsewhere a mutation can leave
# every stated relation true (a lower bound "hoger dan 91,0%" lowered to 81,0; a "hoofdzakelijk" list
# growing by 1 while staying under its parent; a ratio operand changed in its second decimal that
# still rounds to the same percentage) and no checker can see it; those floors are set accordingly.
FULL_RECALL = {"BBT-TAB-001", "BBT-ROL-001", "BBT-ROL-002", "BBT-TXT-001", "BBT-MOV-001", "BBT-MOV-002", "BBT-IND-001", "BBT-IND-002",
               "BBT-EVO-001", "BBT-EVO-002"}
FLOORS = {"BBT-PCT-001": 0.95, "BBT-BRK-001": 0.85, "BBT-PCT-002": 0.6}


def _mutations(text: str) -> list[str]:
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    out = []
    for position in {digits[0], digits[-1]}:
        old = text[position]
        new = str((int(old) + 1) % 10) if not (position == digits[0] and old == "9") else "8"
        if position == digits[0] and new == "0" and len(digits) > 1:
            new = "2"
        out.append(text[:position] + new + text[position + 1:])
    return out


def _signature(report) -> set[tuple]:
    return {(f.id, f.severity, f.evidence.found, f.evidence.expected) for f in report.findings if f.severity != "info"}


def mutation_recall(path=CLEAN):
    source = read_document(path)
    lines = source.lines
    baseline = audit_lines(source).report
    base = _signature(baseline)
    numbers: dict[tuple[int, int, str], set[str]] = defaultdict(set)
    for check in baseline.checks:
        if check.status == "passed":
            for loc in check.locations:
                numbers[(loc.line, loc.text)].add(check.rule)
    tried: dict[str, int] = defaultdict(int)
    found: dict[str, int] = defaultdict(int)
    missed: list[tuple] = []
    for (line, printed), rules in sorted(numbers.items()):
        original = lines[line - 1]
        column = _locate(original, printed)
        if column is None:
            continue
        for mutated in _mutations(printed):
            changed = original[:column] + mutated + original[column + len(printed):]
            mutated_lines = lines[:line - 1] + [changed] + lines[line:]
            report = audit_lines(source.model_copy(update={"lines": mutated_lines})).report
            new = [f for f in report.findings if f.severity != "info"
                   and (f.id, f.severity, f.evidence.found, f.evidence.expected) not in base]
            hit = any(line in {f.location.line, f.location.end_line, *range(f.location.line, f.location.end_line + 1),
                               *(r.line for r in f.related)} for f in new)
            for rule in rules:
                tried[rule] += 1
                found[rule] += hit
            if not hit:
                missed.append((line, printed, mutated, sorted(rules)))
    return tried, found, missed


def _locate(line: str, printed: str) -> int | None:
    import re

    for match in re.finditer(re.escape(printed), line):
        before = line[match.start() - 1] if match.start() else " "
        after = line[match.end()] if match.end() < len(line) else " "
        if not (before.isdigit() or before in ".,") and not (after.isdigit() or (after in ".," and line[match.end() + 1: match.end() + 2].isdigit())):
            return match.start()
    return None


def test_every_number_in_a_stated_relation_is_caught_when_one_digit_changes():
    tried, found, missed = mutation_recall()
    recall = {rule: found[rule] / tried[rule] for rule in tried}
    for rule in FULL_RECALL & set(recall):
        assert recall[rule] == 1.0, (rule, [m for m in missed if rule in m[3]])
    for rule, floor in FLOORS.items():
        assert recall[rule] >= floor, (rule, recall[rule], [m for m in missed if rule in m[3]])
    overall = sum(found.values()) / sum(tried.values())
    assert overall >= 0.97, (recall, missed)


def test_the_begroting_fixture_reaches_the_same_recall():
    """The same mutation test on the budget BBT written for issue 5: every number of its tables and of
    the text restating them takes part in a relation that catches a one-digit change."""
    tried, found, missed = mutation_recall(BEGROTING_CLEAN)
    assert {"BBT-EVO-001", "BBT-EVO-002", "BBT-TAB-001", "BBT-ROL-001", "BBT-TXT-001", "BBT-MOV-001"} <= set(tried)
    assert sum(tried.values()) > 400
    assert not missed, missed
