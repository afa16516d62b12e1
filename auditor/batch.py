"""Many documents in one run: files and folders (recursively; every file is recognised by its content, as
a single `check` does), audited in a pool of worker processes over the available cores, with a progress
bar on a terminal. Each document's report is exactly the one a single `check` of it gives; a document
that cannot be read is listed with its reason and the others go on, also one whose reading crashes
the worker that reads it (`_audit_alone`); the checks across documents
(auditor.crossdoc) run on what the workers return.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.errors import InputError, RuleFileError, one_line

if TYPE_CHECKING:  # the pipeline loads when a document is audited: collecting the files does without it
    from auditor.crossdoc import Ledger
    from auditor.ingest.ahead import ReadManyAhead
    from auditor.ingest.decoding import Decoded
    from auditor.report.models import Report

# a worker is worth starting only for a second document: below this, the run stays in one process
MIN_DOCUMENTS_FOR_POOL = 2


@dataclass(frozen=True)
class Options:
    """What every worker needs to audit a document as a single `check` would (picklable)."""

    lang: str = "nl"
    rules_dir: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()


@dataclass
class Outcome:
    path: str
    report: Report | None = None
    ledger: Ledger | None = None
    reason: str | None = None  # why it could not be read
    exit_code: int = 0  # 2 input, 3 internal, when it could not be read


@dataclass
class Inputs:
    files: list[Path] = field(default_factory=list)
    missing: list[Outcome] = field(default_factory=list)  # a path given that is not there


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))  # what this process may use, not what the machine has
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def collect(paths: list[Path], lang: str = "nl") -> Inputs:
    """Files as given, folders expanded recursively in sorted order (hidden files and folders skipped:
    `.git`, editor swap files); each file once."""
    inputs = Inputs()
    seen: set[Path] = set()

    def add(file: Path) -> None:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            inputs.files.append(file)

    for path in paths:
        if path.is_dir():
            for root, folders, names in os.walk(path):
                folders[:] = sorted(f for f in folders if not f.startswith("."))
                for name in sorted(names):
                    if not name.startswith("."):
                        add(Path(root) / name)
        elif path.exists():
            add(path)
        else:
            message = InputError(f"{path} bestaat niet", f"{path} does not exist").message(lang)
            inputs.missing.append(Outcome(path=str(path), reason=message, exit_code=2))
    return inputs


def audit_one(path: Path, options: Options, read: Decoded | Exception | None = None) -> Outcome:
    """One document, as a single `check` audits it; never raises (a worker must not end the run).
    `read`: the document as read by a child (auditor.ingest.ahead), or what reading it raised."""
    from auditor.audit import audit_lines
    from auditor.config import apply_rule_settings
    from auditor.crossdoc import ledger_of
    from auditor.ingest.document import SourceText, read_document

    try:
        if isinstance(read, Exception):
            raise read
        source = read_document(path) if read is None else SourceText.of(read)
        audit = audit_lines(source, lang=options.lang, rules_dir=options.rules_dir)
        report = apply_rule_settings(audit.report, list(options.select) if options.select is not None else None,
                                     list(options.ignore), dict(options.severity))
        return Outcome(path=str(path), report=report, ledger=ledger_of(audit.document, str(path)))
    except (InputError, RuleFileError) as exc:
        return Outcome(path=str(path), reason=exc.message(options.lang), exit_code=2)
    except Exception as exc:  # noqa: BLE001 - one document's internal error is listed, the others go on
        return Outcome(path=str(path), reason=one_line(f"interne fout ({type(exc).__name__}: {exc})"), exit_code=3)


def _warm(options: Options) -> None:
    """Load the rules once per worker before the first document (what a single run does at start). A
    worker reads each document's pages itself: its siblings keep the other cores busy."""
    from auditor.audit import engine_for
    from auditor.ingest.forked import stay_in_this_process

    stay_in_this_process()
    try:
        engine_for(options.rules_dir)
    except RuleFileError:
        pass  # reported per document by audit_one


def audit_many(files: list[Path], options: Options, *, jobs: int | None = None, progress: bool = True,
               ahead: ReadManyAhead | None = None) -> list[Outcome]:
    """The outcomes in the order of `files`. jobs: worker processes (None: the available cores; 1: this
    process). progress: a rich progress bar on stderr, only when stderr is a terminal. ahead: documents
    read while the command loaded; this process audits them while the workers audit the others."""
    workers = max(1, min(jobs or available_cores(), len(files)))
    show = progress and sys.stderr.isatty()
    outcomes: list[Outcome | None] = [None] * len(files)
    bar = _progress_bar(options.lang) if show else None
    task = bar.add_task("", total=len(files)) if bar else None

    def done(position: int, outcome: Outcome) -> None:
        outcomes[position] = outcome
        if bar:
            bar.advance(task)  # type: ignore[arg-type]

    try:
        if bar:
            bar.start()
        if workers < 2 or len(files) < MIN_DOCUMENTS_FOR_POOL:
            _audit_here(files, options, ahead, done)
        else:
            _audit_in_pool(files, options, workers, ahead, done)
            for position, file in enumerate(files):
                if outcomes[position] is None:  # a worker died before it was done
                    done(position, _audit_alone(file, options))
    finally:
        if bar:
            bar.stop()
    return [o for o in outcomes if o is not None]


def _audit_here(files: list[Path], options: Options, ahead: ReadManyAhead | None,
                done: Callable[[int, Outcome], None]) -> None:
    """Every document in this process, in order; each PDF and Word document not read ahead is read by a
    child while this process waits (`_read_apart`)."""
    for position, file in enumerate(files):
        read = ahead.take(file) if ahead is not None and ahead.has(file) else None
        done(position, audit_one(file, options, read if read is not None else _read_apart(file)))


def _audit_in_pool(files: list[Path], options: Options, workers: int, ahead: ReadManyAhead | None,
                   done: Callable[[int, Outcome], None]) -> None:
    """The documents audited by a pool of `workers`, but those read ahead: this process audits them
    meanwhile. A document the pool could not finish (a worker died, which breaks the pool) is left
    without an outcome."""
    from concurrent.futures import ProcessPoolExecutor, as_completed  # 30 ms: not before the files are collected
    from concurrent.futures.process import BrokenProcessPool

    def read_ahead(file: Path) -> bool:
        return ahead is not None and ahead.has(file)

    with ProcessPoolExecutor(max_workers=workers, initializer=_warm, initargs=(options,),
                             mp_context=_forking()) as pool:
        futures = {pool.submit(audit_one, file, options): position for position, file in enumerate(files)
                   if not read_ahead(file)}
        for position, file in enumerate(files):
            if not read_ahead(file):
                continue
            read = ahead.take(file)  # type: ignore[union-attr]
            if read is not None:
                done(position, audit_one(file, options, read))
                continue
            try:  # not read ahead after all (its reader died?): read where a crash ends only a worker
                futures[pool.submit(audit_one, file, options)] = position
            except BrokenProcessPool:
                pass  # the pool broke already
        for future in as_completed(futures):
            try:
                done(futures[future], future.result())
            except BrokenProcessPool:
                continue


def _forking():
    """Workers forked from this process where Linux forks (the default there up to Python 3.13; 3.14 starts
    them from a fork server): they start with the pipeline loaded and the rules compiled, instead of each
    loading them again (a fifth of a second). Elsewhere the platform's own way."""
    import multiprocessing

    return multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None


def _read_apart(file: Path) -> Decoded | Exception | None:
    """A PDF read by a child while this process waits (auditor.ingest.ahead; the child splits the pages
    as this process would): a crash of the PDF library ends that child, and the document is listed as
    unreadable while the others go on, as in the pool. None for a text export or a Word document (read
    in line by audit_one: Python and lxml, no PDFium to crash; a child would only cost its fork and the
    lines handed back) and where no child can be forked."""
    from auditor.ingest.ahead import ReadAhead, format_of

    if format_of(file) != "pdf":
        return None
    reader = ReadAhead(file, alone=False)
    if reader.child is None:
        return None
    try:
        return reader.decoded()
    except Exception as exc:  # noqa: BLE001 - audit_one reports it as it reports what reading in line raises
        return exc


def _audit_alone(file: Path, options: Options) -> Outcome:
    """A document the pool did not finish because a worker died (a crash of the PDF library ends the
    worker that reads the document, and the pool with it): audited again in a worker of its own, so
    that a document that kills its worker again is the one named, and every other one is audited as a
    single check audits it. Rare, so one at a time."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=1, initializer=_warm, initargs=(options,), mp_context=_forking()) as pool:
        try:
            return pool.submit(audit_one, file, options).result()
        except BrokenProcessPool:
            reason = InputError(f"{file} kon niet gelezen worden: het lezen stopte onverwacht (het werkproces eindigde)",
                                f"{file} could not be read: reading stopped unexpectedly (its worker process ended)")
            return Outcome(path=str(file), reason=reason.message(options.lang), exit_code=2)


def _progress_bar(lang: str):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    label = "documenten" if lang == "nl" else "documents"
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(file=sys.stderr), transient=True)


def build_batch(outcomes: list[Outcome], cross, fail_on: str):
    """The BatchReport of a run: documents in the order given, the unreadable ones with their reason, the
    checks across documents, the totals and the worst exit code."""
    from auditor import __version__
    from auditor.exitcodes import fails, report_exit_code, worst
    from auditor.report.batch_models import BatchReport, BatchSummary, Unreadable
    from auditor.report.models import Tool

    reports = [o.report for o in outcomes if o.report is not None]
    unreadable = [Unreadable(path=o.path, reason=o.reason or "", exit_code=o.exit_code) for o in outcomes if o.report is None]
    codes = [report_exit_code(r, fail_on) for r in reports] + [u.exit_code for u in unreadable]
    codes.append(1 if fails((f.severity for f in cross.findings), fail_on) else 0)
    every = [f.severity for r in reports for f in r.findings] + [f.severity for f in cross.findings]
    summary = BatchSummary(
        documents=len(outcomes), read=len(reports), unreadable=len(unreadable),
        errors=every.count("error"), warnings=every.count("warning"), review=every.count("review"),
        info=every.count("info"),
        suppressed=sum(getattr(r.summary, "suppressed", 0) for r in reports) + len(cross.suppressed),
        exit_code=worst(codes),
    )
    return BatchReport(tool=Tool(version=__version__), summary=summary, documents=reports, unreadable=unreadable,
                       crossdoc=cross)
