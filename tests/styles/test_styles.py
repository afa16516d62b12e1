"""Documents in styles the auditor was not written for (LAYOUTS.md), each generated from one numeric model with
planted errors and an answer key (tests/styles/answer_key.py).

Two groups of tests:
- the generators keep their own promises (clean documents are consistent, every planted error breaks a stated
  relation, rendering is deterministic, the answer key serialises): these test the test material;
- the acceptance criteria for the auditor on each style: no `error` finding on the clean document, at least
  MIN_FOUND_SHARE of the planted errors found at error, warning or review severity on their line, at least
  MIN_COVERAGE of the stated relations covered by a check. These state what the auditor must do; they fail
  while it does not, and must not be weakened, skipped or marked xfail to pass.
"""

from __future__ import annotations

import json
from functools import cache
from types import ModuleType

import pytest

from tests.styles import render_a, render_b, render_c
from tests.styles.answer_key import DocumentKey, StyleResult, check_key, evaluate_style, key_for

STYLES: dict[str, ModuleType] = {"A": render_a, "B": render_b, "C": render_c}
MAX_FALSE_ERRORS = 0  # error findings allowed on a clean (consistent by construction) document
MIN_FOUND_SHARE = 0.90  # share of planted errors reported at severity error, warning or review on their line
MIN_COVERAGE = 0.90  # share of the stated relations whose numbers' lines one check covers


@cache
def result(style: str) -> StyleResult:
    return evaluate_style(STYLES[style])


@pytest.mark.parametrize("style", STYLES)
def test_the_generator_keeps_its_promises(style: str) -> None:
    module = STYLES[style]
    model = module.make_model()
    clean = module.build(model, [])
    assert module.render(model, []) == clean.lines == module.build(module.make_model(), []).lines  # deterministic
    planted = module.candidates(model, clean).pick(__import__("random").Random(module.SEED), 2)
    assert {e.kind for e in planted} == set(module.RELEVANT_KINDS), "every kind relevant to the style is planted"
    mutated_keys: list[DocumentKey] = []
    for error in planted:
        mutated = module.build(model, [error])
        assert len(mutated.lines) == len(clean.lines)
        # same lines for every number (a planted number of another length may shift later columns of its line)
        assert {k: p.line for k, p in mutated.printed.items()} == {k: p.line for k, p in clean.printed.items()}
        mutated_keys.append(key_for(style, module.TITLE, clean, mutated, [error]))
    clean_key = key_for(style, module.TITLE, clean)
    check_key(clean_key, mutated_keys)
    for relation in clean_key.relations:  # every number of the key is where the key says
        for number in relation.numbers():
            assert clean.lines[number.line - 1][number.column:].startswith(number.text)
    again = DocumentKey.model_validate(json.loads(clean_key.model_dump_json()))
    assert again == clean_key


@pytest.mark.parametrize("style", STYLES)
def test_a_clean_document_gives_no_error(style: str) -> None:
    outcome = result(style)
    assert len(outcome.clean_errors) <= MAX_FALSE_ERRORS, "\n".join(outcome.clean_errors)


@pytest.mark.parametrize("style", STYLES)
def test_planted_errors_are_found_on_their_line(style: str) -> None:
    outcome = result(style)
    missed = [f"{o.key.kind.value} at line {o.key.line} ({o.key.clean_text} → {o.key.planted_text}): {o.level}"
              for o in outcome.outcomes if o.level not in ("error", "warning", "review")]
    assert outcome.found_share >= MIN_FOUND_SHARE, f"found {outcome.found_share:.0%}; not found:\n" + "\n".join(missed)


@pytest.mark.parametrize("style", STYLES)
def test_stated_relations_are_checked(style: str) -> None:
    outcome = result(style)
    unchecked = [f"{r.kind.value}: {r.subject} (lines {sorted({n.line for n in r.numbers()})})"
                 for r, ok in zip(outcome.clean_key.relations, outcome.covered) if not ok]
    assert outcome.coverage >= MIN_COVERAGE, f"covered {outcome.coverage:.0%}; e.g.:\n" + "\n".join(unchecked[:15])
