"""Exit codes and --fail-on levels, for one document, many, and a diff.

0 nothing at the --fail-on level, 1 findings at or above it, 2 usage or input error, 3 internal error,
4 nothing could be checked. Over many documents the worst wins, in the order 0 < 1 < 4 < 2 < 3: a document
that was not checked, or not read, is worse than one whose findings are known."""

from __future__ import annotations

from collections.abc import Iterable

# --fail-on, from strict to lenient: each level fails on what the levels before it fail on, and more
LEVELS = {"error": ("error",), "warning": ("error", "warning"), "review": ("error", "warning", "review"),
          "partial": ("error", "warning", "review"), "never": ()}
FAIL_ON = list(LEVELS)
OK, FINDINGS, USAGE, INTERNAL, NOTHING_CHECKED = 0, 1, 2, 3, 4
SEVERITY_ORDER = (OK, FINDINGS, NOTHING_CHECKED, USAGE, INTERNAL)


def report_exit_code(report, fail_on: str) -> int:
    if report.coverage.status == "nothing_checked" and fail_on != "never":
        return NOTHING_CHECKED  # not clean: unread
    if any(f.severity in LEVELS[fail_on] for f in report.findings):
        return FINDINGS
    return FINDINGS if fail_on == "partial" and report.coverage.status == "partly_read" else OK


def fails(severities: Iterable[str], fail_on: str) -> bool:
    return any(s in LEVELS[fail_on] for s in severities)


def worst(codes: Iterable[int]) -> int:
    return max(codes, key=SEVERITY_ORDER.index, default=OK)
