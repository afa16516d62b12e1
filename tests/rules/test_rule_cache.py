"""The parsed rule files are kept between runs (auditor/rules/cache.py): a hit gives what parsing gives,
any change to the files is a miss, and a cache that is broken, switched off or unwritable changes nothing
but the time."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.errors import RuleFileError
from auditor.rules import cache as rules_cache
from auditor.rules import default_rules_dir, examples, load_rules, spec
from auditor.rules.cache import (CACHE_ENV, CHECKED_PREFIX, MAX_ENTRIES, PREFIX, cache_key, read_cached, survives_json,
                                 write_cached)
from auditor.rules.engine import RuleEngine
from tests.conftest import ROOT


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), target)
    return target


def dumped(rules) -> list[dict]:
    return [rule.model_dump(mode="json") | {"file": rule.source_file} for rule in rules]


def test_a_hit_loads_the_same_rules_as_parsing(cache: Path, rules_copy: Path) -> None:
    parsed = load_rules(rules_copy)
    assert len(list(cache.glob(f"{PREFIX}*.json"))) == 1
    assert dumped(load_rules(rules_copy)) == dumped(parsed)


def test_a_run_with_every_file_cached_does_not_load_pyyaml(cache: Path, rules_copy: Path) -> None:
    probe = ("import sys; from pathlib import Path; from auditor.rules import load_rules; "
             f"load_rules(Path({str(rules_copy)!r})); print('yaml' in sys.modules)")
    env = {CACHE_ENV: str(cache), "PYTHONPATH": str(ROOT)}
    runs = [subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert runs == ["True\n", "False\n"]


def test_a_changed_file_is_parsed_again(cache: Path, rules_copy: Path) -> None:
    load_rules(rules_copy)
    target = next(rules_copy.rglob("BBT-TAB-001.yaml"))
    target.write_text(target.read_text(encoding="utf-8").replace("severity: error", "severity: review", 1), encoding="utf-8")
    changed = {rule.id: rule for rule in load_rules(rules_copy)}["BBT-TAB-001"]
    assert changed.outcomes[0].severity == "review"
    assert len(list(cache.glob(f"{PREFIX}*.json"))) == 2


def test_a_removed_file_is_a_different_rule_set(cache: Path, rules_copy: Path) -> None:
    before = {rule.id for rule in load_rules(rules_copy)}
    next(rules_copy.rglob("BBT-PCT-004.yaml")).unlink()
    assert {rule.id for rule in load_rules(rules_copy)} == before - {"BBT-PCT-004"}


def test_a_broken_rule_file_fails_the_same_way_every_run(cache: Path, rules_copy: Path) -> None:
    target = next(rules_copy.rglob("BBT-TAB-001.yaml"))
    target.write_text(target.read_text(encoding="utf-8").replace("severity: error", "severity: fout", 1), encoding="utf-8")
    messages = []
    for _ in range(2):
        with pytest.raises(RuleFileError) as caught:
            load_rules(rules_copy)
        messages.append(str(caught.value))
    assert messages[0] == messages[1] and "BBT-TAB-001" in messages[0]


def test_invalid_yaml_is_never_cached(cache: Path, rules_copy: Path) -> None:
    next(rules_copy.rglob("BBT-TAB-001.yaml")).write_text("id: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleFileError, match="YAML"):
            load_rules(rules_copy)
    assert not list(cache.glob(f"{PREFIX}*.json"))


def test_a_damaged_entry_is_passed_over(cache: Path, rules_copy: Path) -> None:
    expected = dumped(load_rules(rules_copy))
    (entry,) = cache.glob(f"{PREFIX}*.json")
    entry.write_bytes(b'{"names": ["oops"')
    assert dumped(load_rules(rules_copy)) == expected
    entry.write_text(json.dumps({"names": ["other.yaml"], "data": [{}]}), encoding="utf-8")
    assert dumped(load_rules(rules_copy)) == expected


def test_data_json_would_change_is_not_stored(cache: Path) -> None:
    assert not survives_json([{"valid_from": datetime.date(2024, 1, 1)}])
    assert not survives_json([{1: "a key that is no string"}])
    assert not survives_json([{True: "yes: as a key"}])
    assert not survives_json([float("nan")])
    assert survives_json([{"id": "BBT-X-001", "decimals": 0, "tolerance": 0.5, "exhaustive": True, "note": None}])
    write_cached("k", ["a.yaml"], [{"valid_from": datetime.date(2024, 1, 1)}])
    assert read_cached("k", ["a.yaml"]) is None


def test_switched_off_nothing_is_written(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, rules_copy: Path) -> None:
    monkeypatch.setenv(CACHE_ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    load_rules(rules_copy)
    assert not (tmp_path / "xdg").exists() and not (tmp_path / "home").exists()


def test_an_unwritable_cache_only_costs_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, rules_copy: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    assert len(load_rules(rules_copy)) == len(load_rules(default_rules_dir()))


def test_the_oldest_entries_go_first(cache: Path) -> None:
    for number in range(MAX_ENTRIES + 3):
        write_cached(f"k{number:02d}", ["a.yaml"], [{"id": number}])
    kept = list(cache.glob(f"{PREFIX}*.json"))
    assert len(kept) == MAX_ENTRIES and read_cached(f"k{MAX_ENTRIES + 2:02d}", ["a.yaml"]) == [{"id": MAX_ENTRIES + 2}]


def test_the_key_depends_on_names_and_bytes() -> None:
    base = cache_key([("a.yaml", b"x"), ("b.yaml", b"y")])
    assert base != cache_key([("a.yaml", b"x"), ("b.yaml", b"z")])
    assert base != cache_key([("a.yaml", b"x"), ("c.yaml", b"y")])
    assert base != cache_key([("a.yaml", b"xb.yaml"), ("", b"y")])  # no two file lists run together
    assert base == cache_key([("a.yaml", b"x"), ("b.yaml", b"y")])


def test_without_a_home_directory_there_is_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.rules import cache as rules_cache

    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(rules_cache.Path, "home", staticmethod(no_home))
    assert rules_cache.cache_dir() is None
    assert read_cached("k", ["a.yaml"]) is None


# --- a rule set that passed every check with this code is not checked again -------------------------------

def markers(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{CHECKED_PREFIX}*"))


def test_a_rule_set_that_passed_is_marked_and_then_not_judged_again(cache: Path, rules_copy: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    first = RuleEngine.from_directory(rules_copy)
    assert len(markers(cache)) == 1 and not any(rule._passed_before for rule in first.rules)

    def no_compiling(text: str):
        raise AssertionError(f"compiled again: {text}")

    monkeypatch.setattr(spec, "compiled_condition", no_compiling)
    monkeypatch.setattr(examples, "example_fact", no_compiling)
    second = RuleEngine.from_directory(rules_copy)
    assert all(rule._passed_before for rule in second.rules)
    assert dumped(second.rules) == dumped(first.rules)


def test_an_edited_rule_is_judged_again(cache: Path, rules_copy: Path) -> None:
    RuleEngine.from_directory(rules_copy)
    target = next(rules_copy.rglob("BBT-DRV-001.yaml"))
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("expect: error", "expect: warning", 1), encoding="utf-8")
    with pytest.raises(RuleFileError, match="BBT-DRV-001"):
        RuleEngine.from_directory(rules_copy)
    assert len(markers(cache)) == 1  # the failing set is not marked


def test_other_code_checks_again(cache: Path, rules_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    RuleEngine.from_directory(rules_copy)
    monkeypatch.setattr(rules_cache, "code_fingerprint", lambda: "another-build-of-the-auditor")
    again = RuleEngine.from_directory(rules_copy)
    assert not any(rule._passed_before for rule in again.rules) and len(markers(cache)) == 2


def test_an_engine_of_some_rules_marks_nothing(cache: Path, rules_copy: Path) -> None:
    RuleEngine(load_rules(rules_copy)[:3])
    assert markers(cache) == []


def test_the_fingerprint_follows_the_auditors_source(tmp_path: Path) -> None:
    package = tmp_path / "auditor"
    (package / "rules").mkdir(parents=True)
    (package / "rules" / "engine.py").write_text("A = 1\n", encoding="utf-8")
    before = rules_cache.source_fingerprint(package, "rule-engine 4")
    assert rules_cache.source_fingerprint(package, "rule-engine 4") == before
    assert rules_cache.source_fingerprint(package, "rule-engine 5") != before
    (package / "rules" / "engine.py").write_text("A = 22\n", encoding="utf-8")
    assert rules_cache.source_fingerprint(package, "rule-engine 4") != before
    (package / "rules" / "engine.py").write_text("A = 1\n", encoding="utf-8")
    (package / "new.py").write_text("", encoding="utf-8")
    assert rules_cache.source_fingerprint(package, "rule-engine 4") != before


def test_a_planted_marker_does_not_let_an_unsafe_condition_in(cache: Path, rules_copy: Path) -> None:
    target = next(rules_copy.rglob("BBT-TAB-001.yaml"))
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("when: difference != 0", 'when: kind =~ "(a+)+$"', 1), encoding="utf-8")
    paths = spec.rule_files(rules_copy)
    key = cache_key([(path.relative_to(rules_copy).as_posix(), path.read_bytes()) for path in paths])
    rules_cache.mark_passed(key)  # as if someone wrote it into the cache directory
    assert rules_cache.passed_before(key)
    with pytest.raises(RuleFileError, match="regular expression|reguliere|=~"):
        load_rules(rules_copy)
