"""Where a number came from: every value the auditor reports keeps its place in the input."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class SourceRef(BaseModel):
    """A span of the input document. Lines are 1-based lines of the text input."""

    model_config = ConfigDict(frozen=True)

    line: int
    end_line: int
    column: int = 0
    page: int | None = None
    text: str
    role: str | None = None

    def with_role(self, role: str) -> "SourceRef":
        return self.model_copy(update={"role": role})
