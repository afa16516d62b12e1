"""The rules catalogue as Markdown, generated from the rule files (the README embeds the Dutch one):
a table of every check, then per check its description, file, diagnoses and a wrong and a corrected
example. The examples are the check's own cases (the failing snippet and the passing one closest to
it), so every example shown is one the test suite runs; a check without cases (across documents)
shows its `illustration`."""

from __future__ import annotations

import difflib

from auditor.rules.diagnosis import DIAGNOSES
from auditor.rules.spec import Case, RuleSpec

BEGIN = "<!-- rules-catalogue:begin -->"
END = "<!-- rules-catalogue:end -->"
# a case longer than this is shown as the lines that differ, with CONTEXT_LINES around them
MAX_EXAMPLE_LINES = 14
CONTEXT_LINES = 2
ELISION = "…"

WORDS = {
    "nl": {"header": "| id | relatie | controle | ernst |", "file": "Bestand", "severity": "Ernst",
           "diagnoses": "Verklaring bij een fout", "wrong": "Fout", "right": "Goed", "at": "op regel",
           "none": "geen",
           "gives": "geeft", "passes": "geen bevinding", "examples": "Fout en goed"},
    "en": {"header": "| id | relation | check | severity |", "file": "File", "severity": "Severity",
           "diagnoses": "Explained with", "wrong": "Wrong", "right": "Right", "at": "on line",
           "none": "none",
           "gives": "gives", "passes": "no finding", "examples": "Wrong and right"},
}


def catalogue_markdown(rules: list[RuleSpec], lang: str = "nl", prefix: str = "rules/") -> str:
    """`prefix`: where the rule files are, as the reader would type it (the default directory: rules/)."""
    words = WORDS[lang]
    ordered = sorted(rules, key=lambda r: r.id)
    lines = [words["header"], "|---|---|---|---|"]
    for rule in ordered:
        lines.append(f"| [`{rule.id}`](#{rule.id.lower()}) | {getattr(rule.relation, lang)} | "
                     f"**{getattr(rule.title, lang)}** | {_severities(rule)} |")
    for rule in ordered:
        lines += ["", *_section(rule, lang, prefix)]
    return "\n".join(lines) + "\n"


def _severities(rule: RuleSpec) -> str:
    return "/".join(dict.fromkeys(o.severity for o in rule.outcomes))


def _section(rule: RuleSpec, lang: str, prefix: str) -> list[str]:
    words = WORDS[lang]
    diagnoses = ", ".join(DIAGNOSES[d].title[lang] for d in rule.diagnoses) or words["none"]
    lines = [f"### {rule.id}", "", f"**{getattr(rule.title, lang)}** — {getattr(rule.description, lang)}", "",
             f"{words['file']}: `{prefix}{rule.source_file}` · {words['severity']}: {_severities(rule)} · "
             f"{words['diagnoses']}: {diagnoses}"]
    pair = example_pair(rule)
    if pair is not None:
        wrong, right = pair
        shown_wrong, shown_right = _excerpts(wrong.text, right.text)
        found = ", ".join(f"{e.severity} {words['at']} {e.line}" for e in wrong.expect)
        lines += _examples(words, f"{words['wrong']} — {wrong.name} ({words['gives']} {found})", shown_wrong,
                           f"{words['right']} — {right.name} ({words['passes']})", shown_right)
    elif rule.illustration is not None:
        lines += _examples(words, words["wrong"], rule.illustration.wrong.rstrip("\n").splitlines(),
                           words["right"], rule.illustration.right.rstrip("\n").splitlines())
    return lines


def _examples(words: dict[str, str], wrong_title: str, wrong: list[str], right_title: str, right: list[str]) -> list[str]:
    """Folded, so the catalogue reads as a list of checks first."""
    return ["", f"<details><summary>{words['examples']}</summary>", "",
            f"{wrong_title}:", "", "```text", *wrong, "```", "", f"{right_title}:", "", "```text", *right, "```", "",
            "</details>"]


def example_pair(rule: RuleSpec) -> tuple[Case, Case] | None:
    """The failing case and the passing case that differs least from it: the wrong example and its
    correction."""
    failing = [c for c in rule.cases if c.expect]
    passing = [c for c in rule.cases if not c.expect]
    if not failing or not passing:
        return None
    return min(((w, r) for w in failing for r in passing), key=lambda pair: -_similarity(*pair))


def _similarity(wrong: Case, right: Case) -> float:
    return difflib.SequenceMatcher(a=wrong.text.splitlines(), b=right.text.splitlines(), autojunk=False).ratio()


def _excerpts(wrong: str, right: str) -> tuple[list[str], list[str]]:
    """Both texts whole when short; else their first line and the lines that differ, with context."""
    a, b = wrong.rstrip("\n").splitlines(), right.rstrip("\n").splitlines()
    keep_a, keep_b = set(range(len(a))), set(range(len(b)))
    if max(len(a), len(b)) <= MAX_EXAMPLE_LINES:
        return _with_elisions(a, keep_a), _with_elisions(b, keep_b)
    keep_a, keep_b = {0}, {0}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            keep_a.update(range(max(0, i1 - CONTEXT_LINES), min(len(a), i2 + CONTEXT_LINES)))
            keep_b.update(range(max(0, j1 - CONTEXT_LINES), min(len(b), j2 + CONTEXT_LINES)))
    return _with_elisions(a, keep_a), _with_elisions(b, keep_b)


def _with_elisions(lines: list[str], keep: set[int]) -> list[str]:
    """The kept lines with their line numbers (the findings name them), one ELISION per gap."""
    width = len(str(len(lines)))
    shown: list[str] = []
    for number, line in enumerate(lines):
        if number in keep:
            shown.append(f"{number + 1:>{width}}  {line}".rstrip())
        elif not shown or shown[-1] != ELISION:
            shown.append(ELISION)
    return shown
