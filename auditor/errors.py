"""Errors that reach the user as one clear line (exit code 2), never as a traceback."""

from __future__ import annotations

from auditor.escape import terminal_safe


class InputError(Exception):
    """The input document cannot be read or is not a BBT. Carries the message in both languages."""

    def __init__(self, nl: str, en: str | None = None) -> None:
        super().__init__(nl)
        self.nl = nl
        self.en = en or nl

    def message(self, lang: str) -> str:
        """The message for the terminal: one line, with no control or escape character of a file name
        or a document's text reaching it."""
        return one_line(self.en if lang == "en" else self.nl)


def one_line(text: str) -> str:
    return terminal_safe(text).replace("\n", "\\x0a")


class RuleFileError(Exception):
    """A rule file in rules/ is invalid or a rule failed; the message names file, rule and reason, in
    both languages (a reason quoted from the validator stays as it was written)."""

    def __init__(self, nl: str, en: str | None = None) -> None:
        super().__init__(en or nl)
        self.nl = nl
        self.en = en or nl

    def message(self, lang: str) -> str:
        return one_line(self.en if lang == "en" else self.nl)


class RuleProblem(ValueError):
    """What is wrong with one field of a rule file, in both languages (raised by its validators; the
    loader turns it into a RuleFileError naming file, rule and field)."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(en)
        self.nl = nl
        self.en = en
