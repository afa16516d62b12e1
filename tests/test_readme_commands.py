"""Every command example in the README's "Commands, one example each" section runs and exits with the code
its comment names; the JSON Schema published there is the one pydantic generates now."""

from __future__ import annotations

import json
import re
import shlex

import pytest

from auditor.cli import json_schema, main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Commands, one example each")[1].split("\n## ")[0]
EXAMPLES = re.findall(r"^bbt-audit (.+?)\s+# exit (\d)$", SECTION, flags=re.MULTILINE)
COMMANDS = {"check", "diff", "config", "annotate", "extract", "rules", "schema"}


def test_each_command_has_an_example():
    assert {shlex.split(args)[0] for args, _ in EXAMPLES} == COMMANDS
    assert any("--baseline" in args for args, _ in EXAMPLES) and any("fixtures/ " in args for args, _ in EXAMPLES)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A working directory holding fixtures/ (the examples' outputs land here, not in the checkout)."""
    path = tmp_path_factory.mktemp("readme")
    (path / "fixtures").symlink_to(ROOT / "fixtures")
    return path


@pytest.mark.parametrize(("args", "code"), EXAMPLES, ids=[a for a, _ in EXAMPLES])
def test_the_example_runs(args, code, folder, monkeypatch, capsys):
    monkeypatch.chdir(folder)
    assert main(shlex.split(args)) == int(code), capsys.readouterr().err


def test_the_published_schema_is_current():
    published = README.split("<!-- report-schema:begin -->")[1].split("<!-- report-schema:end -->")[0]
    body = published.strip().removeprefix("```json").removesuffix("```")
    assert json.loads(body) == json_schema("report")
