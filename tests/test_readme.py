"""The README's rules catalogue is the one generated from rules/, and its two commands are the ones CI runs."""

from pathlib import Path

from auditor.catalogue import BEGIN, END, catalogue_markdown
from auditor.rules import default_rules_dir, load_rules

ROOT = Path(__file__).resolve().parents[1]


def test_readme_catalogue_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    embedded = readme.split(BEGIN)[1].split(END)[0].strip()
    assert embedded == catalogue_markdown(load_rules(default_rules_dir())).strip()


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]' && python -m pytest" in readme
    assert "pip install -e '.[test]' && python -m pytest" in ci
