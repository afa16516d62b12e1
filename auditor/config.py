"""The configuration file: `[tool.bbt-audit]` in a pyproject.toml, or a bbt-audit.toml (its top level),
found upward from the working directory (in one directory bbt-audit.toml wins; a pyproject.toml without
the table is passed over). The command line overrides it; `bbt-audit config` shows every effective value
and where it came from. A bad configuration is one clear line and exit 2 (a ConfigError is an InputError).

    [tool.bbt-audit]
    lang = "nl"                    # nl | en
    fail-on = "warning"            # error | warning | review | partial | never
    select = ["BBT-TAB", "BBT-TXT-001"]   # rule ids or id prefixes; absent: every rule
    ignore = ["BBT-PCT-004"]
    severity = {BBT-TAB-001 = "review"}    # per rule: error | warning | review | info
    jobs = 2                       # worker processes for many documents (absent: the available cores)
    progress = true
    baseline = "bbt-baseline.json"
    rules = "rules"                # a directory of rule files (relative to the configuration file)
    [tool.bbt-audit.limits]        # auditor/limits.py; a BBT_AUDIT_LIMIT_<NAME> variable still wins
    document_chars = 3000000
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.errors import InputError
from auditor.limits import Limits, env_name

if TYPE_CHECKING:  # the models load with the audit, not with reading the configuration
    from auditor.report.models import Report, Summary

CONFIG_FILE = "bbt-audit.toml"
PYPROJECT = "pyproject.toml"
TABLE = ("tool", "bbt-audit")
LANGS = ("nl", "en")
FAIL_ON = ("error", "warning", "review", "partial", "never")
SEVERITIES = ("error", "warning", "review", "info")
KEYS = ("lang", "fail_on", "select", "ignore", "severity", "jobs", "progress", "baseline", "rules", "limits")
DEFAULTS: dict[str, Any] = {"lang": "nl", "fail_on": "error", "select": None, "ignore": [], "severity": {},
                            "jobs": None, "progress": True, "baseline": None, "rules": None, "limits": {}}
DEFAULT_ORIGIN = "standaard"


class ConfigError(InputError):
    """A configuration file that cannot be used: the file, the key and why."""


@dataclass
class Settings:
    values: dict[str, Any] = field(default_factory=lambda: dict(DEFAULTS))
    origins: dict[str, str] = field(default_factory=lambda: {k: DEFAULT_ORIGIN for k in DEFAULTS})
    file: Path | None = None

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["values"][name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    def override(self, name: str, value: Any, origin: str) -> None:
        """A command-line option (or any later source) replaces the value, when it was given."""
        if value is None:
            return
        self.values[name] = value
        self.origins[name] = origin


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration upward from `start`: (file, its settings table)."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        own = folder / CONFIG_FILE
        if own.is_file():
            return own, _read(own)
        project = folder / PYPROJECT
        if project.is_file():
            data = _read(project)
            table = data.get(TABLE[0], {}).get(TABLE[1]) if isinstance(data.get(TABLE[0]), dict) else None
            if table is not None:
                if not isinstance(table, dict):
                    raise _error(project, "[tool.bbt-audit] moet een tabel zijn", "[tool.bbt-audit] must be a table")
                return project, table
    return None


def _read(path: Path) -> dict[str, Any]:
    import tomllib  # 10 ms to import: only when there is a file to read

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise _error(path, f"geen UTF-8 (byte {exc.start})", f"not UTF-8 (byte {exc.start})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise _error(path, f"geen geldige TOML: {exc}", f"not valid TOML: {exc}") from exc
    except OSError as exc:
        raise _error(path, f"kan niet gelezen worden: {exc.strerror}", f"cannot be read: {exc.strerror}") from exc


def _error(path: Path, nl: str, en: str) -> ConfigError:
    return ConfigError(f"configuratie {path}: {nl}", f"configuration {path}: {en}")


def _strings(path: Path, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _error(path, f"{key} moet een lijst van regel-id's zijn", f"{key} must be a list of rule ids")
    return value


def validate(path: Path, table: dict[str, Any]) -> dict[str, Any]:
    """The table's values, checked and normalised ('fail-on' and 'fail_on' both accepted)."""
    found: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in KEYS:
            raise _error(path, f"onbekende sleutel {raw_key!r} (bekend: {', '.join(k.replace('_', '-') for k in KEYS)})",
                         f"unknown key {raw_key!r} (known: {', '.join(k.replace('_', '-') for k in KEYS)})")
        if key == "lang" and value not in LANGS:
            raise _error(path, f"lang moet nl of en zijn, niet {value!r}", f"lang must be nl or en, not {value!r}")
        if key == "fail_on" and value not in FAIL_ON:
            raise _error(path, f"fail-on moet een van {', '.join(FAIL_ON)} zijn, niet {value!r}",
                         f"fail-on must be one of {', '.join(FAIL_ON)}, not {value!r}")
        if key in ("select", "ignore"):
            value = _strings(path, key, value)
        if key == "severity":
            if not isinstance(value, dict):
                raise _error(path, "severity moet een tabel regel = niveau zijn", "severity must be a table rule = level")
            for rule, level in value.items():
                if level not in SEVERITIES:
                    raise _error(path, f"severity.{rule}: {level!r} is geen niveau ({', '.join(SEVERITIES)})",
                                 f"severity.{rule}: {level!r} is not a level ({', '.join(SEVERITIES)})")
        if key == "jobs" and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
            raise _error(path, f"jobs moet een positief geheel getal zijn, niet {value!r}",
                         f"jobs must be a positive integer, not {value!r}")
        if key == "progress" and not isinstance(value, bool):
            raise _error(path, "progress moet true of false zijn", "progress must be true or false")
        if key in ("baseline", "rules"):
            if not isinstance(value, str) or not value:
                raise _error(path, f"{key} moet een pad zijn", f"{key} must be a path")
            value = str((path.parent / value))  # relative to the configuration file, not the working directory
        if key == "limits":
            value = _limits(path, value)
        found[key] = value
    return found


def _limits(path: Path, value: Any) -> dict[str, int]:
    names = {f.name for f in fields(Limits)}
    if not isinstance(value, dict):
        raise _error(path, "limits moet een tabel zijn", "limits must be a table")
    for name, number in value.items():
        if name not in names:
            raise _error(path, f"limits.{name}: onbekende limiet (bekend: {', '.join(sorted(names))})",
                         f"limits.{name}: unknown limit (known: {', '.join(sorted(names))})")
        if not isinstance(number, int) or isinstance(number, bool) or number <= 0:
            raise _error(path, f"limits.{name} moet een positief geheel getal zijn, niet {number!r}",
                         f"limits.{name} must be a positive integer, not {number!r}")
    return dict(value)


def load_settings(explicit: Path | None = None, start: Path | None = None) -> Settings:
    """Defaults, then the configuration file (the one given, or the nearest upward)."""
    settings = Settings()
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"configuratiebestand niet gevonden: {explicit}", f"configuration file not found: {explicit}")
        data = _read(explicit)
        if explicit.name == PYPROJECT:
            data = data.get("tool", {}).get("bbt-audit", {})
        found: tuple[Path, dict[str, Any]] | None = (explicit, data)
    else:
        found = find_config(start)
    if found is not None:
        path, table = found
        settings.file = path
        origin = f"{path} [tool.bbt-audit]" if path.name == PYPROJECT else str(path)
        for key, value in validate(path, table).items():
            settings.override(key, value, origin)
    return settings


def apply_limits(settings: Settings) -> dict[str, str]:
    """Configured limits take effect through their BBT_AUDIT_LIMIT_<NAME> variable (read by
    auditor.limits.current_limits, also in worker processes), unless the variable is already set: the
    environment of one run is more specific than a file. Returns limit → where its value came from."""
    origins: dict[str, str] = {}
    for limit in fields(Limits):
        variable = env_name(limit.name)
        if variable in os.environ:
            origins[limit.name] = f"omgevingsvariabele {variable}"
        elif limit.name in settings.limits:
            os.environ[variable] = str(settings.limits[limit.name])
            origins[limit.name] = settings.origins["limits"]
        else:
            origins[limit.name] = DEFAULT_ORIGIN
    return origins


def check_rule_ids(settings: Settings, known: list[str]) -> None:
    """select, ignore and severity must name rules that exist (an id or a prefix of ids)."""
    origin = settings.origins
    for key in ("select", "ignore"):
        for pattern in settings.values[key] or []:
            if not any(rule.startswith(pattern) for rule in known):
                raise ConfigError(f"{origin[key]}: {key}: geen regel {pattern!r}", f"{origin[key]}: {key}: no rule {pattern!r}")
    for rule in settings.severity:
        if rule not in known:
            raise ConfigError(f"{origin['severity']}: severity: geen regel {rule!r}",
                              f"{origin['severity']}: severity: no rule {rule!r}")


def rule_enabled(rule: str, select: list[str] | None, ignore: list[str]) -> bool:
    selected = select is None or any(rule.startswith(p) for p in select)
    return selected and not any(rule.startswith(p) for p in ignore)


def apply_rule_settings(report: Report, select: list[str] | None, ignore: list[str],
                        severity: dict[str, str]) -> Report:
    """The findings of selected rules only, at their configured level; the summary counted again.
    Checks of rules not selected are dropped too, so that the audit trail shows what was judged."""
    if select is None and not ignore and not severity:
        return report  # the report as the audit made it, byte for byte
    findings = []
    for finding in report.findings:
        if not rule_enabled(finding.rule, select, ignore):
            continue
        level = severity.get(finding.rule)
        findings.append(finding.model_copy(update={"severity": level}) if level else finding)
    checks = [c for c in report.checks if rule_enabled(c.rule, select, ignore)]
    summary: Summary = report.summary.model_copy(update={
        "errors": sum(f.severity == "error" for f in findings), "warnings": sum(f.severity == "warning" for f in findings),
        "review": sum(f.severity == "review" for f in findings), "info": sum(f.severity == "info" for f in findings),
        "checks": len(checks), "passed": sum(c.status == "passed" for c in checks),
    })
    return report.model_copy(update={"findings": findings, "checks": checks, "summary": summary})


def describe(settings: Settings, limit_origins: dict[str, str], lang: str) -> list[tuple[str, str, str]]:
    """(key, value, origin) rows for `bbt-audit config`."""
    from auditor.limits import current_limits

    rows: list[tuple[str, str, str]] = []
    shown_default = DEFAULT_ORIGIN if lang == "nl" else "default"
    for key in KEYS:
        if key == "limits":
            continue
        value = settings.values[key]
        text = ("alle regels" if lang == "nl" else "every rule") if key == "select" and value is None else \
               ("beschikbare kernen" if lang == "nl" else "available cores") if key == "jobs" and value is None else \
               ", ".join(value) if isinstance(value, list) else \
               ", ".join(f"{k}={v}" for k, v in value.items()) if isinstance(value, dict) else \
               ("—" if value is None else str(value).lower() if isinstance(value, bool) else str(value))
        origin = settings.origins[key]
        rows.append((key.replace("_", "-"), text or "—", shown_default if origin == DEFAULT_ORIGIN else origin))
    limits = current_limits()
    for limit in fields(Limits):
        origin = limit_origins.get(limit.name, DEFAULT_ORIGIN)
        if lang == "en":
            origin = origin.replace("omgevingsvariabele", "environment variable")
        rows.append((f"limits.{limit.name}", str(getattr(limits, limit.name)),
                     shown_default if origin == DEFAULT_ORIGIN else origin))
    return rows
