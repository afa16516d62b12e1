"""Per document style of tests/styles: false errors on the clean document, planted errors found (error /
warning / review / lower / missed) and the share of stated relations a check covers.

    python benchmarks/styles_report.py [-v]      (-v: every planted error and every false error)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.styles.answer_key import evaluate_style  # noqa: E402
from tests.styles.test_styles import STYLES  # noqa: E402


def main(verbose: bool = False) -> None:
    for style, module in STYLES.items():
        result = evaluate_style(module)
        counts = result.counts()
        n = len(result.outcomes)
        print(f"Style {style}: {result.title}")
        print(f"  clean: {len(result.clean_key.relations)} stated relations, {result.checks} checks, "
              f"{len(result.clean_errors)} false errors, {len(result.clean_warnings)} false warnings")
        print(f"  planted {n}: error {counts['error']}, warning {counts['warning']}, review {counts['review']}, lower {counts['lower']}, "
              f"missed {counts['missed']} -> found {result.found_share:.0%}")
        by_kind: dict[str, Counter] = {}
        for o in result.outcomes:
            by_kind.setdefault(o.key.kind.value, Counter())[o.level] += 1
        print("  by kind: " + "; ".join(f"{k} {dict(v)}" for k, v in by_kind.items()))
        print(f"  relations covered by a check: {result.coverage:.0%} (lines), {result.coverage_precise:.0%} (line+column)")
        kinds = Counter(r.kind.value for r in result.clean_key.relations)
        covered = Counter(r.kind.value for r, ok in zip(result.clean_key.relations, result.covered) if ok)
        print("  covered by relation kind: " + ", ".join(f"{k} {covered[k]}/{v}" for k, v in kinds.items()))
        if verbose:
            for line in result.clean_errors:
                print("    false error:", line)
            for o in result.outcomes:
                print(f"    {o.level:7} {o.key.kind.value:16} line {o.key.line} {o.key.clean_text} -> {o.key.planted_text}"
                      f" {o.key.note}")
                for f in o.findings[:3]:
                    print("             ", f)
        print()


if __name__ == "__main__":
    main("-v" in sys.argv)
