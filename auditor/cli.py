"""bbt-audit: check a BBT, dump its structure, list the rules.

Exit codes: 0 nothing at the --fail-on level, 1 findings at or above it, 2 usage or input error,
3 internal error (one line; set BBT_AUDIT_DEBUG=1 for the traceback), 4 nothing could be checked
(no relation of the document was read: not clean, unread).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from auditor import __version__
from auditor.errors import InputError, RuleFileError, one_line
from auditor.resources import SAMPLE as BUNDLED_SAMPLE  # shipped as package data

# --fail-on, from strict to lenient: each level fails on what the levels before it fail on, and more
LEVELS = {"error": ("error",), "warning": ("error", "warning"), "review": ("error", "warning", "review"),
          "partial": ("error", "warning", "review"), "never": ()}
FAIL_ON = list(LEVELS)
NOTHING_CHECKED = 4


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one line, as argparse does
        self.exit(2, f"{self.prog}: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bbt-audit", description="Consistentiecontrole van beleids- en begrotingstoelichtingen (BBT's).")
    parser.add_argument("--version", action="version", version=f"bbt-auditor {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="controleer een BBT (zonder FILE: de meegeleverde voorbeeld-BBT)")
    check.add_argument("file", nargs="?", type=Path)
    check.add_argument("--format", choices=["text", "json", "sarif", "markdown", "html"], default="text",
                       help="text (standaard), json, sarif (2.1.0), markdown of html (zelfstandig bestand)")
    check.add_argument("--lang", choices=["nl", "en"], default="nl")
    check.add_argument("--fail-on", choices=FAIL_ON, default="error",
                          help="error | warning | review (ook te bekijken) | partial (ook deels gelezen) | never")
    check.add_argument("--rules", type=Path, default=None, help="map met regelbestanden (standaard rules/)")
    check.add_argument("-o", "--output", type=Path, default=None, help="schrijf het rapport naar dit bestand (een gewoon bestand; - is stdout)")
    check.add_argument("--quiet-info", action="store_true", help="toon niet-controleerbare getallen niet in de console")
    volume = check.add_mutually_exclusive_group()
    volume.add_argument("-q", "--quiet", action="store_true", help="console: enkel de samenvatting")
    volume.add_argument("-v", "--verbose", action="store_true", help="console: ook elke geslaagde controle")
    annotate = sub.add_parser("annotate", help="markeer de bevindingen in het document zelf (Word-opmerkingen of PDF-markeringen)")
    annotate.add_argument("file", type=Path)
    annotate.add_argument("-o", "--output", type=Path, required=True, help="het geannoteerde document (nooit het invoerbestand)")
    annotate.add_argument("--lang", choices=["nl", "en"], default="nl")
    annotate.add_argument("--fail-on", choices=FAIL_ON, default="error",
                          help="error | warning | review (ook te bekijken) | partial (ook deels gelezen) | never")
    annotate.add_argument("--rules", type=Path, default=None)
    extract = sub.add_parser("extract", help="toon de herkende structuur (tabellen, artikels, indicatoren)")
    extract.add_argument("file", nargs="?", type=Path)
    extract.add_argument("--format", choices=["json"], default="json")
    extract.add_argument("-o", "--output", type=Path, default=None)
    rules = sub.add_parser("rules", help="toon de regelcatalogus")
    rules.add_argument("--format", choices=["markdown"], default="markdown")
    rules.add_argument("--rules", type=Path, default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = getattr(args, "lang", "nl")
    try:
        return _run(args)
    except InputError as exc:
        print(f"bbt-audit: {exc.message(lang)}", file=sys.stderr)
        return 2
    except RuleFileError as exc:
        print(f"bbt-audit: {'ongeldig regelbestand' if lang == 'nl' else 'invalid rule file'}: {exc.message(lang)}",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the user gets one line, never a traceback
        if os.environ.get("BBT_AUDIT_DEBUG"):
            raise
        print(one_line(f"bbt-audit: interne fout ({type(exc).__name__}: {exc}); meld dit met het document"), file=sys.stderr)
        return 3


def _emit(text: str, output: Path | None, protect: Path | None) -> None:
    from auditor.outputs import is_stdout, write_atomic

    if output is None or is_stdout(output):  # `-o -` is standard output
        sys.stdout.write(text)
        return

    write_atomic(output, text, protect=protect)


def _run(args: argparse.Namespace) -> int:
    if args.command == "rules":
        from auditor.catalogue import catalogue_markdown
        from auditor.rules import default_rules_dir, load_rules

        sys.stdout.write(catalogue_markdown(load_rules(args.rules or default_rules_dir())))
        return 0
    file: Path = args.file or _shown(BUNDLED_SAMPLE)
    if getattr(args, "output", None) is not None:
        from auditor.outputs import check_output, is_stdout

        if not is_stdout(args.output):
            check_output(args.output, protect=file)  # before the audit: a wrong path costs no audit time
    if args.command == "extract":
        from auditor.ingest import read_document
        from auditor.structure import parse_structure

        document = parse_structure(read_document(file).lines, str(file))
        _emit(json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n", args.output, file)
        return 0
    from auditor.audit import audit_file, engine_for

    if args.command == "annotate":
        return _annotate(args)
    result = audit_file(file, lang=args.lang, rules_dir=args.rules)
    report = result.report
    if args.format == "json":
        from auditor.report.json_report import to_json

        _emit(to_json(report), args.output, file)
    elif args.format == "sarif":
        from auditor.report.sarif import to_sarif

        _emit(to_sarif(report, engine_for(args.rules).rules, args.lang), args.output, file)
    elif args.format == "markdown":
        from auditor.report.markdown import to_markdown

        _emit(to_markdown(report, args.lang), args.output, file)
    elif args.format == "html":
        from auditor.report.html import to_html

        _emit(to_html(report, result.source, result.quantities(), args.lang), args.output, file)
    else:
        from rich.console import Console  # only the readable report needs rich

        from auditor.report.console import render_console

        if args.output is not None:
            with open(os.devnull, "w", encoding="utf-8") as sink:
                console = Console(record=True, width=120, file=sink)
                render_console(report, console, args.lang, show_info=not args.quiet_info, quiet=args.quiet,
                               verbose=args.verbose)
            _emit(console.export_text(), args.output, file)
        else:
            render_console(report, Console(), args.lang, show_info=not args.quiet_info, quiet=args.quiet,
                           verbose=args.verbose)
    return _exit_code(report, args.fail_on)


def _shown(path: Path) -> Path:
    """The bundled sample as a path relative to the working directory when it lies below it, so that
    reports name it as the user would ('fixtures/…'), not by one machine's absolute path."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _exit_code(report, fail_on: str) -> int:
    if report.coverage.status == "nothing_checked" and fail_on != "never":
        return NOTHING_CHECKED  # not clean: unread
    failing = LEVELS[fail_on]
    if any(f.severity in failing for f in report.findings):
        return 1
    return 1 if fail_on == "partial" and report.coverage.status == "partly_read" else 0


def _annotate(args: argparse.Namespace) -> int:
    """Comments in a Word draft, highlights in a PDF; one line on stderr says how many were placed."""
    from auditor.audit import audit_lines
    from auditor.ingest import read_document
    from auditor.outputs import write_atomic
    from auditor.report.annotate_docx import annotate_docx, refuse_text_input

    file: Path = args.file
    if args.output.exists() and args.output.resolve() == file.resolve():
        raise InputError(f"weigert het invoerbestand te overschrijven: {args.output}",
                         f"refusing to overwrite the input file: {args.output}")
    source = read_document(file)  # refuses what cannot be read, with its own message
    result = audit_lines(source, lang=args.lang, rules_dir=args.rules)
    report = result.report
    data = file.read_bytes()  # the annotated copy is made from the original bytes
    serious = sum(f.severity != "info" for f in report.findings)
    if source.format == "docx":
        annotated, placed = annotate_docx(data, report, source, args.lang)
        what = ("opmerkingen", "comments")
    elif source.format == "pdf":
        from auditor.report.annotate_pdf import annotate_pdf

        annotated, placed = annotate_pdf(data, report, args.lang)
        what = ("markeringen", "highlights")
    else:
        raise refuse_text_input(str(file))
    from auditor.outputs import is_stdout

    if is_stdout(args.output):
        sys.stdout.buffer.write(annotated)
        sys.stdout.flush()
    else:
        write_atomic(args.output, annotated, protect=file)
    word = what[0] if args.lang == "nl" else what[1]
    print(one_line(f"bbt-audit: {placed} {word} voor {serious} bevindingen → {args.output}") if args.lang == "nl"
          else one_line(f"bbt-audit: {placed} {word} for {serious} findings → {args.output}"), file=sys.stderr)
    return _exit_code(report, args.fail_on)
