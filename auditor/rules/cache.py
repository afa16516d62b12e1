"""What the rule files' YAML says, and that they passed their checks, kept between runs: reading YAML
is most of loading the rules (PyYAML builds its Python objects in Python even with the C parser), and
importing PyYAML costs as much again.

The cache holds the plain data PyYAML gave for a set of rule files, stored as JSON under a key made of
every file's path and bytes, so a changed, added or removed file is a new key. Only data that survives a
JSON round trip unchanged is stored (no dates, no keys that are not strings): what a hit returns is
equal, type for type, to what parsing would give. The data then goes through the same validation as
freshly parsed YAML, so a cached rule is refused for the same reasons with the same message; a file that
cannot be parsed is never cached and fails again each time.

A rule set that was loaded in full (its conditions type-checked and refused where unsafe, every rule's
examples judged) is marked as such for the code that checked it: the marker's name holds the rule files'
key and a fingerprint of the auditor's own source files (name, size, time), rule-engine's, pydantic's and
Python's versions, so an edited rule, an upgrade or a change to the auditor's code checks again.

Where: `BBT_AUDIT_CACHE` (a directory, or `off`), else `$XDG_CACHE_HOME/bbt-auditor`, else
`~/.cache/bbt-auditor`. A cache that cannot be read or written is passed over: the rules are parsed."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from pathlib import Path

CACHE_ENV = "BBT_AUDIT_CACHE"  # a directory for the cache, or one of CACHE_OFF
CACHE_OFF = ("off", "0", "no", "false")
CACHE_FORMAT = 1  # raised when what an entry holds changes, so older entries are not read
MAX_ENTRIES = 16  # rule sets kept (the bundled rules, a few custom directories); the oldest go first
PREFIX = "rules-"
CHECKED_PREFIX = "checked-"


def cache_dir() -> Path | None:
    """The cache directory in effect, or None when the cache is switched off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return None if configured.strip().lower() in CACHE_OFF or not configured.strip() else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory to be found (no HOME, no user entry): no cache
            return None
    return Path(base) / "bbt-auditor"


def cache_key(files: list[tuple[str, bytes]]) -> str:
    """One key for the files (name and bytes each), in their order."""
    digest = hashlib.sha256(f"bbt-auditor rules cache {CACHE_FORMAT}\n".encode())
    for name, data in files:
        digest.update(f"{len(name)}:{name}{len(data)}:".encode())
        digest.update(data)
    return digest.hexdigest()[:40]


def read_cached(key: str, names: list[str]) -> list[object] | None:
    """The parsed data of each file, in the order of `names`, or None (not cached, unreadable, or an
    entry for other files)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        entry = json.loads((folder / f"{PREFIX}{key}.json").read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("names") != names or not isinstance(entry.get("data"), list) \
            or len(entry["data"]) != len(names):
        return None
    return entry["data"]


def survives_json(data: object) -> bool:
    """Whether JSON gives back exactly this data (bool, int, float, str, None, lists, string keys)."""
    try:
        return json.loads(json.dumps(data, ensure_ascii=False)) == data
    except (TypeError, ValueError):
        return False


def write_cached(key: str, names: list[str], data: list[object]) -> None:
    """Store the parsed files, written whole or not at all; a failure to write is not the audit's."""
    folder = cache_dir()
    if folder is None or not survives_json(data):
        return
    payload = json.dumps({"names": names, "data": data}, ensure_ascii=False, separators=(",", ":")).encode()
    target = folder / f"{PREFIX}{key}.json"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        import tempfile  # here: only a run that writes a file needs it

        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(descriptor, "wb") as out:
                out.write(payload)
            os.replace(temporary, target)  # a reader sees the old entry or the whole new one
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _evict_oldest(folder, target)
    except OSError:
        return


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """What decides whether a rule set passes its checks, apart from the rule files: the auditor's code
    and the versions of rule-engine, pydantic and Python."""
    import pydantic
    import rule_engine

    versions = f"{rule_engine.__version__} {pydantic.VERSION} {sys.version}"
    return source_fingerprint(Path(__file__).resolve().parents[1], versions)


def source_fingerprint(package: Path, versions: str) -> str:
    """Each source file's name, size and modification time under `package`, with `versions`."""
    found: list[tuple[str, int, int]] = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in names:
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                found.append((os.path.relpath(os.path.join(folder, name), package).replace(os.sep, "/"),
                              info.st_size, info.st_mtime_ns))
    digest = hashlib.sha256(f"{versions}\n".encode())
    for relative, size, mtime in sorted(found):
        digest.update(f"{relative} {size} {mtime}\n".encode())
    return digest.hexdigest()[:24]


def _checked_marker(key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{CHECKED_PREFIX}{key}-{code_fingerprint()}"


def passed_before(key: str) -> bool:
    """Whether this code loaded these rule files in full before and they passed every check."""
    marker = _checked_marker(key)
    try:
        return marker is not None and marker.is_file()
    except OSError:
        return False


def mark_passed(key: str) -> None:
    """Record that the rule files of `key` passed every check with this code (an empty file)."""
    marker = _checked_marker(key)
    if marker is None:
        return
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
        _evict_oldest(marker.parent, marker, CHECKED_PREFIX, "")
    except OSError:
        return


def _evict_oldest(folder: Path, written: Path, prefix: str = PREFIX, suffix: str = ".json") -> None:
    """Keep MAX_ENTRIES entries: the one just written and the most recently written others (file times
    can be equal within a clock tick, so the new entry is kept by name, not by its time)."""
    others = sorted((p for p in folder.glob(f"{prefix}*{suffix}") if p != written), key=lambda p: p.stat().st_mtime)
    for old in others[:max(0, len(others) - (MAX_ENTRIES - 1))]:
        old.unlink(missing_ok=True)
