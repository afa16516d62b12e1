"""Errors that reach the user as one clear line (exit code 2), never as a traceback."""

from __future__ import annotations


class InputError(Exception):
    """The input document cannot be read or is not a BBT. Carries the message in both languages."""

    def __init__(self, nl: str, en: str | None = None) -> None:
        super().__init__(nl)
        self.nl = nl
        self.en = en or nl

    def message(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


class RuleFileError(Exception):
    """A rule file in rules/ is invalid; the message names file, rule and reason."""
