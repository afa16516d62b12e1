"""bbt-audit: check BBTs (one, or many with checks across documents), compare two versions, dump the
structure, list the rules, show the configuration, print the report's JSON Schema.

Exit codes: 0 nothing at the --fail-on level, 1 findings at or above it, 2 usage or input error,
3 internal error (one line; set BBT_AUDIT_DEBUG=1 for the traceback), 4 nothing could be checked
(no relation of the document was read: not clean, unread). Over many documents the worst wins
(auditor.exitcodes). Help texts and argparse's own messages are Dutch; English with --lang en.
"""

from __future__ import annotations

import argparse
import gc
import gettext
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from auditor import __version__
from auditor.errors import InputError, RuleFileError, one_line
from auditor.exitcodes import FAIL_ON, LEVELS, NOTHING_CHECKED, report_exit_code, worst  # noqa: F401 - LEVELS re-exported
from auditor.resources import SAMPLE as BUNDLED_SAMPLE  # shipped as package data

STDIN = "-"
STDIN_NAME = "<stdin>"
FORMATS = ["text", "json", "sarif", "markdown", "html"]
# the format an -o file's extension names, when --format is absent
EXTENSIONS = {".json": "json", ".sarif": "sarif", ".md": "markdown", ".markdown": "markdown", ".html": "html",
              ".htm": "html", ".txt": "text"}
SCHEMAS = ("report", "batch", "diff", "baseline")

# argparse's own messages (Python 3.11), in Dutch
ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "not allowed with argument %s": "niet samen met argument %s",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "one of the arguments %s is required": "een van de argumenten %s is verplicht",
    "ignored explicit argument %r": "expliciete waarde %r genegeerd",
    "expected %s argument": "verwacht %s waarde",
    "expected %s arguments": "verwacht %s waarden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
}


def _install_language(lang: str) -> None:
    """argparse looks its messages up through `_` and `ngettext` at the moment it prints them."""
    if lang == "nl":
        argparse._ = lambda text: ARGPARSE_NL.get(text, text)  # type: ignore[attr-defined]
        argparse.ngettext = lambda one, many, n: ARGPARSE_NL.get(one if n == 1 else many, one if n == 1 else many)  # type: ignore[attr-defined]
    else:
        argparse._ = gettext.gettext  # type: ignore[attr-defined]
        argparse.ngettext = gettext.ngettext  # type: ignore[attr-defined]


HELP = {
    "nl": {
        "description": "Consistentiecontrole van beleids- en begrotingstoelichtingen (BBT's).",
        "exit": ("afsluitcodes:\n  0  niets op het --fail-on-niveau\n  1  bevindingen op of boven het --fail-on-niveau\n"
                 "  2  fout in het gebruik of de invoer (één regel)\n  3  interne fout (BBT_AUDIT_DEBUG=1 toont de traceback)\n"
                 "  4  niets kon gecontroleerd worden\n  bij meerdere documenten telt het slechtste"),
        "examples": ("voorbeelden:\n  bbt-audit check                               de meegeleverde voorbeeld-BBT\n"
                     "  bbt-audit check doc.pdf -o rapport.json        JSON (formaat volgens de extensie)\n"
                     "  bbt-audit check map/ 2024/*.pdf --format json  veel documenten, controles over documenten heen\n"
                     "  cat doc.txt | bbt-audit check -               lees van stdin\n"
                     "  bbt-audit diff oud.docx nieuw.docx            wat veranderde tussen twee versies\n"
                     "  bbt-audit check doc.pdf --write-baseline b.json, daarna --baseline b.json\n"
                     "  bbt-audit config                              de geldende instellingen en hun bron\n"
                     "  bbt-audit schema                              het JSON-schema van het rapport"),
        "no_command": "geef een opdracht: check, diff, annotate, extract, rules, config of schema (bbt-audit --help)",
        "check": "controleer één of meer BBT's (zonder FILE: de meegeleverde voorbeeld-BBT)",
        "files": "bestanden of mappen (recursief); - is stdin",
        "format": "text (standaard; of volgens de extensie van -o), json, sarif (2.1.0), markdown of html",
        "lang": "taal van het rapport en de hulp: nl (standaard) of en",
        "fail_on": "error | warning | review (ook te bekijken) | partial (ook deels gelezen) | never",
        "rules": "map met regelbestanden (standaard rules/)",
        "output": "schrijf het rapport naar dit bestand (een gewoon bestand; - is stdout)",
        "quiet_info": "toon niet-controleerbare getallen niet in de console",
        "quiet": "console: enkel de samenvatting", "verbose": "console: ook elke geslaagde controle",
        "no_progress": "geen voortgangsbalk (die er enkel is op een terminal)",
        "jobs": "aantal werkprocessen voor meerdere documenten (standaard: de beschikbare kernen)",
        "baseline": "meld enkel bevindingen die niet in dit baselinebestand staan",
        "write_baseline": "schrijf de huidige bevindingen (hun stabiele id's) naar dit baselinebestand",
        "config": "configuratiebestand (standaard: bbt-audit.toml of [tool.bbt-audit] in pyproject.toml, naar boven gezocht)",
        "select": "enkel deze regels (id's of voorvoegsels, met komma's)",
        "ignore": "deze regels niet (id's of voorvoegsels, met komma's)",
        "annotate": "markeer de bevindingen in het document zelf (Word-opmerkingen of PDF-markeringen)",
        "annotate_file": "een .docx of .pdf", "annotate_output": "het geannoteerde document (nooit het invoerbestand)",
        "extract": "toon de herkende structuur (tabellen, artikels, indicatoren)",
        "diff": "vergelijk twee versies van één BBT: gewijzigde getallen, nieuwe en opgeloste bevindingen",
        "old": "de oude versie (- is stdin)", "new": "de nieuwe versie",
        "rules_cmd": "toon de regelcatalogus", "rules_check": "voer de fragmenten (cases) van elke regel uit en meld wat anders uitkomt", "config_cmd": "toon de geldende instellingen en waar elk vandaan komt",
        "schema_cmd": "toon het JSON-schema van het rapport (pydantic)", "schema_what": "report (standaard), batch, diff of baseline",
        "stdin_batch": "- (stdin) kan enkel als enige document",
        # standard output closed at start, or a write to it failed (a full disk): {reason} says which
        "no_stdout": "de standaarduitvoer kan niet beschreven worden ({reason}): schrijf het rapport naar een bestand "
                     "met -o",
        "stdout_closed": "gesloten",
    },
    "en": {
        "description": "Consistency auditor for Flemish budget documents (BBTs).",
        "exit": ("exit codes:\n  0  nothing at the --fail-on level\n  1  findings at or above the --fail-on level\n"
                 "  2  usage or input error (one line)\n  3  internal error (BBT_AUDIT_DEBUG=1 shows the traceback)\n"
                 "  4  nothing could be checked\n  over several documents the worst wins"),
        "examples": ("examples:\n  bbt-audit check                               the bundled sample BBT\n"
                     "  bbt-audit check doc.pdf -o report.json         JSON (format from the extension)\n"
                     "  bbt-audit check dir/ 2024/*.pdf --format json  many documents, checks across documents\n"
                     "  cat doc.txt | bbt-audit check -               read from stdin\n"
                     "  bbt-audit diff old.docx new.docx              what changed between two versions\n"
                     "  bbt-audit check doc.pdf --write-baseline b.json, then --baseline b.json\n"
                     "  bbt-audit config                              the effective settings and their source\n"
                     "  bbt-audit schema                              the JSON Schema of the report"),
        "no_command": "give a command: check, diff, annotate, extract, rules, config or schema (bbt-audit --help)",
        "check": "check one or more BBTs (without FILE: the bundled sample BBT)",
        "files": "files or folders (recursive); - is stdin",
        "format": "text (default; or from the -o extension), json, sarif (2.1.0), markdown or html",
        "lang": "language of the report and the help: nl (default) or en",
        "fail_on": "error | warning | review (also to review) | partial (also partly read) | never",
        "rules": "directory of rule files (default rules/)",
        "output": "write the report to this file (a regular file; - is stdout)",
        "quiet_info": "console: do not show the numbers that could not be checked",
        "quiet": "console: the summary only", "verbose": "console: also every passed check",
        "no_progress": "no progress bar (shown only on a terminal)",
        "jobs": "worker processes for several documents (default: the available cores)",
        "baseline": "report only findings that are not in this baseline file",
        "write_baseline": "write the current findings (their stable ids) to this baseline file",
        "config": "configuration file (default: bbt-audit.toml or [tool.bbt-audit] in pyproject.toml, searched upward)",
        "select": "only these rules (ids or prefixes, comma-separated)",
        "ignore": "not these rules (ids or prefixes, comma-separated)",
        "annotate": "mark the findings in the document itself (Word comments or PDF highlights)",
        "annotate_file": "a .docx or .pdf", "annotate_output": "the annotated document (never the input file)",
        "extract": "show the recognised structure (tables, articles, indicators)",
        "diff": "compare two versions of one BBT: changed numbers, new and resolved findings",
        "old": "the old version (- is stdin)", "new": "the new version",
        "rules_cmd": "show the rules catalogue", "rules_check": "run every rule's snippets (cases) and report those that come out otherwise", "config_cmd": "show the effective settings and where each came from",
        "schema_cmd": "print the JSON Schema of the report (pydantic)", "schema_what": "report (default), batch, diff or baseline",
        "stdin_batch": "- (stdin) can only be the only document",
        "no_stdout": "standard output cannot be written ({reason}): write the report to a file with -o",
        "stdout_closed": "closed",
    },
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one line, as argparse does
        self.exit(2, f"{self.prog}: {message}\n")


def _comma_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _parser(lang: str = "nl") -> argparse.ArgumentParser:
    _install_language(lang)
    h = HELP[lang]
    epilog = f"{h['examples']}\n\n{h['exit']}"
    common = {"formatter_class": argparse.RawDescriptionHelpFormatter, "epilog": epilog}
    parser = _Parser(prog="bbt-audit", description=h["description"], **common)
    parser.add_argument("--version", action="version", version=f"bbt-auditor {__version__}")
    parser.add_argument("--lang", choices=["nl", "en"], default=None, dest="top_lang", help=h["lang"])
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="{check,diff,annotate,extract,rules,config,schema}")

    def options(cmd: argparse.ArgumentParser, *, formats: list[str] | None = None) -> None:
        if formats:
            cmd.add_argument("--format", choices=formats, default=None, help=h["format"])
        cmd.add_argument("--lang", choices=["nl", "en"], default=None, help=h["lang"])
        cmd.add_argument("--fail-on", choices=FAIL_ON, default=None, help=h["fail_on"])
        cmd.add_argument("--rules", type=Path, default=None, help=h["rules"])
        cmd.add_argument("--config", type=Path, default=None, help=h["config"])

    check = sub.add_parser("check", help=h["check"], description=h["check"], **common)
    check.add_argument("files", nargs="*", type=Path, metavar="FILE", help=h["files"])
    options(check, formats=FORMATS)
    check.add_argument("-o", "--output", type=Path, default=None, help=h["output"])
    check.add_argument("--quiet-info", action="store_true", help=h["quiet_info"])
    volume = check.add_mutually_exclusive_group()
    volume.add_argument("-q", "--quiet", action="store_true", help=h["quiet"])
    volume.add_argument("-v", "--verbose", action="store_true", help=h["verbose"])
    check.add_argument("--no-progress", action="store_true", help=h["no_progress"])
    check.add_argument("-j", "--jobs", type=int, default=None, help=h["jobs"])
    check.add_argument("--baseline", type=Path, default=None, help=h["baseline"])
    check.add_argument("--write-baseline", type=Path, default=None, help=h["write_baseline"])
    check.add_argument("--select", type=_comma_list, default=None, help=h["select"])
    check.add_argument("--ignore", type=_comma_list, default=None, help=h["ignore"])

    diff = sub.add_parser("diff", help=h["diff"], description=h["diff"], **common)
    diff.add_argument("old", type=Path, metavar="OLD", help=h["old"])
    diff.add_argument("new", type=Path, metavar="NEW", help=h["new"])
    options(diff, formats=["text", "json", "markdown", "html"])
    diff.add_argument("-o", "--output", type=Path, default=None, help=h["output"])

    annotate = sub.add_parser("annotate", help=h["annotate"], description=h["annotate"], **common)
    annotate.add_argument("file", type=Path, metavar="FILE", help=h["annotate_file"])
    annotate.add_argument("-o", "--output", type=Path, required=True, help=h["annotate_output"])
    options(annotate)

    extract = sub.add_parser("extract", help=h["extract"], description=h["extract"], **common)
    extract.add_argument("file", nargs="?", type=Path, metavar="FILE", help=h["files"])
    extract.add_argument("--format", choices=["json"], default="json")
    extract.add_argument("-o", "--output", type=Path, default=None, help=h["output"])
    extract.add_argument("--lang", choices=["nl", "en"], default=None, help=h["lang"])

    rules = sub.add_parser("rules", help=h["rules_cmd"], description=h["rules_cmd"], **common)
    rules.add_argument("--format", choices=["markdown"], default="markdown")
    rules.add_argument("--rules", type=Path, default=None, help=h["rules"])
    rules.add_argument("--lang", choices=["nl", "en"], default=None, help=h["lang"])
    rules.add_argument("--check", action="store_true", help=h["rules_check"])

    config = sub.add_parser("config", help=h["config_cmd"], description=h["config_cmd"], **common)
    config.add_argument("--format", choices=["text", "json"], default="text")
    config.add_argument("--config", type=Path, default=None, help=h["config"])
    config.add_argument("--lang", choices=["nl", "en"], default=None, help=h["lang"])

    schema = sub.add_parser("schema", help=h["schema_cmd"], description=h["schema_cmd"], **common)
    schema.add_argument("what", nargs="?", choices=SCHEMAS, default="report", help=h["schema_what"])
    schema.add_argument("-o", "--output", type=Path, default=None, help=h["output"])
    schema.add_argument("--lang", choices=["nl", "en"], default=None, help=h["lang"])
    return parser


def _prescan_lang(argv: list[str]) -> str | None:
    """--lang decides the language of the help and of argparse's messages, so it is read first."""
    for position, arg in enumerate(argv):
        if arg == "--lang" and position + 1 < len(argv) and argv[position + 1] in ("nl", "en"):
            return argv[position + 1]
        if arg.startswith("--lang=") and arg[7:] in ("nl", "en"):
            return arg[7:]
    return None


def _configured_lang() -> str:
    from auditor.config import load_settings

    try:
        return load_settings().lang
    except InputError:
        return "nl"  # the bad configuration is reported, in Dutch, when the command loads it


SIGPIPE_EXIT = 141  # 128 + SIGPIPE: what a shell reports for a program whose output pipe closed


def _check_stdout_open(output: Path | None) -> None:
    """Started with standard output closed (`>&-`): refused before any work, unless -o names a file."""
    from auditor.outputs import is_stdout

    if output is None or is_stdout(output):
        raise InputError(*_unwritable_stdout(HELP["nl"]["stdout_closed"], HELP["en"]["stdout_closed"]))


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor behind sys.stdout (a test's capture)
        pass


def command() -> None:
    """The bbt-audit command (also `python -m auditor`): main's exit code, and the process ends as soon as
    its output is flushed and the exit handlers have run (a reading child that is still running is
    stopped by one): without the interpreter's teardown, which frees every object and module of the run
    one by one (8 ms of a 275 ms check of the sample PDF, 20 alternating runs) when the system takes the
    process's memory back whole. So this ends the process it runs in: a caller that goes on after the
    command (a test, a program that embeds it) calls main()."""
    import atexit

    code = main()
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:  # the reader went away after the last write: as main does for an earlier one
        _silence_stdout()
        code = SIGPIPE_EXIT
    except OSError as exc:  # the last of the output did not get out (a full disk): as _writing_stdout says it
        if code in (0, 1, NOTHING_CHECKED):
            _tell(InputError(*_unwritable_stdout(exc.strerror)).message(_prescan_lang(sys.argv[1:]) or "nl"))
            code = 2
    except ValueError:  # standard output closed under the command: main said so already
        pass
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except (OSError, ValueError):
        pass
    gc.freeze()  # nothing the handlers do needs a collection
    atexit._run_exitfuncs()  # what the interpreter would run at exit; then no teardown
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _prescan_lang(argv) or _configured_lang()
    parser = _parser(lang)
    if not argv:
        parser.print_usage(sys.stderr)
        print(f"bbt-audit: {HELP[lang]['no_command']}", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_usage(sys.stderr)
        print(f"bbt-audit: {HELP[lang]['no_command']}", file=sys.stderr)
        return 2
    try:
        if sys.stdout is None:
            _check_stdout_open(getattr(args, "output", None))
        return _run(args, lang)
    except InputError as exc:
        print(f"bbt-audit: {exc.message(lang)}", file=sys.stderr)
        return 2
    except RuleFileError as exc:
        print(f"bbt-audit: {'ongeldig regelbestand' if lang == 'nl' else 'invalid rule file'}: {exc.message(lang)}",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader of the output went away (`| head`): as a Unix tool ends on SIGPIPE, without a word;
        # what is still buffered for it goes nowhere, not into an error at exit
        _silence_stdout()
        return SIGPIPE_EXIT
    except Exception as exc:  # noqa: BLE001 - the user gets one line, never a traceback
        if os.environ.get("BBT_AUDIT_DEBUG"):
            raise
        print(one_line(f"bbt-audit: interne fout ({type(exc).__name__}: {exc}); meld dit met het document"), file=sys.stderr)
        return 3


def _emit_json(report, output: Path | None, protect: Path | None) -> None:
    """The JSON report and a final newline, written in pieces as it is serialized (a large report is
    never held whole): to an -o file (atomically), to a standard output that writes UTF-8 and
    translates no newline as the serializer's bytes, else as text."""
    from auditor.outputs import is_stdout, write_atomic_with
    from auditor.report.json_report import write_json

    def fill(write) -> None:  # noqa: ANN001 - a bytes writer
        write_json(report, write)
        write(b"\n")

    if output is not None and not is_stdout(output):
        write_atomic_with(output, lambda binary: fill(binary.write), protect=protect)
        return
    import codecs

    buffer = getattr(sys.stdout, "buffer", None)
    encoding = getattr(sys.stdout, "encoding", None) or ""
    try:
        utf8 = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        utf8 = False
    with _writing_stdout():
        if buffer is None or not utf8 or os.linesep != "\n":
            fill(lambda piece: sys.stdout.write(piece.decode("utf-8")))  # every piece is whole UTF-8
            return
        sys.stdout.flush()
        fill(buffer.write)
        buffer.flush()


@contextmanager
def _writing_stdout() -> Iterator[None]:
    """Standard output that cannot be written (closed under the command, a full disk) is one clear
    error, exit 2; a reader that went away is main's SIGPIPE exit."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise InputError(*_unwritable_stdout(exc.strerror)) from exc


def _unwritable_stdout(reason_nl: str | None, reason_en: str | None = None) -> tuple[str, str]:
    """The one message for standard output that takes no report, in both languages; the reason is the
    system's (a failed write's strerror, in its own language) unless the command says it in each."""
    return (HELP["nl"]["no_stdout"].format(reason=reason_nl),
            HELP["en"]["no_stdout"].format(reason=reason_en if reason_en is not None else reason_nl))


def _tell(message: str) -> None:
    try:
        print(f"bbt-audit: {message}", file=sys.stderr)
    except (OSError, ValueError, AttributeError):  # no standard error either: the exit code says it
        pass


def _emit(text: str | bytes, output: Path | None, protect: Path | None) -> None:
    from auditor.outputs import is_stdout, write_atomic

    if output is None or is_stdout(output):  # `-o -` is standard output
        with _writing_stdout():
            sys.stdout.write(text)
            sys.stdout.flush()
        return
    write_atomic(output, text, protect=protect)


def _format(args: argparse.Namespace) -> str:
    """--format, else the -o file's extension, else text."""
    if args.format:
        return args.format
    output = getattr(args, "output", None)
    if output is not None and str(output) != STDIN:
        return EXTENSIONS.get(output.suffix.lower(), "text")
    return "text"


def _is_stdin(path: Path | None) -> bool:
    return path is not None and str(path) == STDIN


def _read(path: Path):
    """A document from a file, or from standard input for `-`."""
    from auditor.ingest import read_document
    from auditor.ingest.document import decode_document

    if _is_stdin(path):
        return decode_document(sys.stdin.buffer.read(), STDIN_NAME)
    return read_document(path)


def _settings(args: argparse.Namespace, lang: str):
    """Configuration file, then the command line; limits applied; rule names checked."""
    from auditor.config import apply_limits, load_settings

    settings = load_settings(getattr(args, "config", None))
    line = "opdrachtregel" if lang == "nl" else "command line"
    settings.override("lang", getattr(args, "lang", None) or getattr(args, "top_lang", None), f"{line} --lang")
    settings.override("fail_on", getattr(args, "fail_on", None), f"{line} --fail-on")
    if getattr(args, "rules", None) is not None:
        settings.override("rules", str(args.rules), f"{line} --rules")
    settings.override("jobs", getattr(args, "jobs", None), f"{line} --jobs")
    if getattr(args, "no_progress", False):
        settings.override("progress", False, f"{line} --no-progress")
    if getattr(args, "baseline", None) is not None:
        settings.override("baseline", str(args.baseline), f"{line} --baseline")
    settings.override("select", getattr(args, "select", None), f"{line} --select")
    settings.override("ignore", getattr(args, "ignore", None), f"{line} --ignore")
    if getattr(args, "jobs", None) is not None and args.jobs < 1:
        raise InputError("--jobs moet minstens 1 zijn", "--jobs must be at least 1")
    return settings, apply_limits(settings)


def _rules_command(args: argparse.Namespace, lang: str) -> int:
    """The catalogue of the rules (their examples judged as they load); with --check, every rule's cases
    run through the pipeline: exit 1 when one gives other findings than it lists."""
    if args.check:
        from auditor.rulecases import run_cases

        results = run_cases(args.rules)
        lines = []
        for result in results:
            mark = "ok  " if result.passed else ("FOUT" if lang == "nl" else "FAIL")
            line = f"{mark} {result.rule.id}: {result.case.name}"
            lines.append(line + ("" if result.passed else f" — {result.explain(lang)}") + "\n")
        failed = sum(not r.passed for r in results)
        lines.append(f"{len(results) - failed} van {len(results)} fragmenten zoals verwacht\n" if lang == "nl" else
                     f"{len(results) - failed} of {len(results)} snippets as expected\n")
        _emit("".join(lines), None, None)
        return 1 if failed else 0
    from auditor.catalogue import catalogue_markdown
    from auditor.rules import RuleEngine, default_rules_dir

    directory = args.rules or default_rules_dir()
    # judges each rule's examples (a wrong one is refused), unless these files passed with this code before
    engine = RuleEngine.from_directory(directory)
    prefix = "rules/" if args.rules is None else f"{args.rules.as_posix().rstrip('/')}/"
    _emit(catalogue_markdown(engine.rules, lang, prefix), None, None)
    return 0


def _rules_dir(settings) -> Path | None:
    return Path(settings.rules) if settings.rules else None


def _run(args: argparse.Namespace, lang: str) -> int:
    if args.command == "schema":
        return _schema(args)
    if args.command == "rules":
        return _rules_command(args, args.lang or lang)
    settings, limit_origins = _settings(args, lang)
    lang = settings.lang
    if args.command == "config":
        return _config(settings, limit_origins, args.format, lang)
    if args.command == "extract":
        from auditor.structure import parse_structure

        file = args.file or _shown(BUNDLED_SAMPLE)
        _check_output(args.output, [file])
        source = _read(file)
        document = parse_structure(source.lines, source.path)
        _emit(json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n", args.output, file)
        return 0
    files: list[Path] = getattr(args, "files", None) or [_shown(BUNDLED_SAMPLE)]
    inputs = _batch_inputs(args, files, lang)
    ahead = _read_ahead(args, files, inputs)  # before the pipeline's modules load (auditor.ingest.ahead)
    from auditor.audit import engine_for
    from auditor.config import check_rule_ids

    engine = engine_for(_rules_dir(settings))
    check_rule_ids(settings, [rule.id for rule in engine.rules])
    if args.command == "annotate":
        return _annotate(args, settings)
    if args.command == "diff":
        return _diff(args, settings)
    if len(files) == 1 and not files[0].is_dir():
        return _check_one(args, settings, files[0], ahead)
    if inputs is None:
        raise InputError(HELP["nl"]["stdin_batch"], HELP["en"]["stdin_batch"])
    return _check_many(args, settings, inputs, ahead)


def _batch_inputs(args: argparse.Namespace, files: list[Path], lang: str):
    """The files of a check of several documents or of a folder (auditor.batch.collect); None for any
    other command, a single document, or paths that name standard input (refused for a batch)."""
    if args.command != "check" or (len(files) == 1 and not files[0].is_dir()) or any(_is_stdin(f) for f in files):
        return None
    from auditor.batch import collect

    return collect(files, lang)


def _read_ahead(args: argparse.Namespace, files: list[Path], inputs):
    """A check starts reading now, while the audit's modules load: its one document (a PDF or Word
    document, in a child process), or a batch's largest PDF and Word documents."""
    if args.command != "check":
        return None
    if inputs is not None:
        from auditor.ingest.ahead import ReadManyAhead

        return ReadManyAhead(inputs.files)
    if len(files) != 1 or _is_stdin(files[0]) or files[0].is_dir():
        return None
    from auditor.ingest.ahead import ReadAhead

    return ReadAhead(files[0])


def _check_output(output: Path | None, inputs: list[Path]) -> None:
    """Before the audit: a wrong output path costs no audit time; never onto an input."""
    from auditor.outputs import check_output, is_stdout

    if output is None or is_stdout(output):
        return
    for file in inputs:
        if not _is_stdin(file):
            check_output(output, protect=file)
    if not inputs or all(_is_stdin(f) for f in inputs):
        check_output(output)


def _rule_settings(settings) -> tuple[list[str] | None, list[str], dict[str, str]]:
    return settings.select, list(settings.ignore), dict(settings.severity)


def _check_one(args: argparse.Namespace, settings, file: Path, ahead=None) -> int:
    from auditor.audit import audit_lines, audit_report, engine_for
    from auditor.config import apply_rule_settings
    from auditor.ingest.document import SourceText

    fmt, lang = _format(args), settings.lang
    _check_output(args.output, [file])
    for extra in (args.write_baseline,):
        _check_output(extra, [file])
    source = _read(file) if ahead is None else SourceText.of(ahead.decoded())
    # only the HTML report reads the document again: for the others its text, structure, claims and
    # facts are let go before the report is written (on a large BBT they weigh more than the report),
    # the facts already while it is built
    html_input = None
    if fmt == "html":
        result = audit_lines(source, lang=lang, rules_dir=_rules_dir(settings))
        audited, html_input = result.report, (result.source, result.quantities())
        del result
    else:
        audited = audit_report(source, lang=lang, rules_dir=_rules_dir(settings))
    del source
    report = apply_rule_settings(audited, *_rule_settings(settings))
    del audited
    if args.write_baseline is not None:
        from auditor.baseline import baseline_of, to_text

        _emit(to_text(baseline_of([report])), args.write_baseline, file)
    if settings.baseline:
        from auditor.baseline import apply_baseline, load_baseline

        report = apply_baseline(report, load_baseline(Path(settings.baseline)).ids(), settings.baseline)
    protect = None if _is_stdin(file) else file
    if fmt == "json":
        _emit_json(report, args.output, protect)
    elif fmt == "sarif":
        from auditor.report.sarif import to_sarif

        _emit(to_sarif(report, engine_for(_rules_dir(settings)).rules, lang), args.output, protect)
    elif fmt == "markdown":
        from auditor.report.markdown import to_markdown

        _emit(to_markdown(report, lang), args.output, protect)
    elif fmt == "html":
        from auditor.report.html import to_html

        _emit(to_html(report, *html_input, lang), args.output, protect)  # type: ignore[misc]
    else:
        _console(lambda console: _render_one(report, console, args, lang), args.output, protect)
    return report_exit_code(report, settings.fail_on)


def _render_one(report, console, args: argparse.Namespace, lang: str) -> None:
    from auditor.report.console import render_console

    render_console(report, console, lang, show_info=not args.quiet_info, quiet=args.quiet, verbose=args.verbose)
    suppressed = getattr(report.summary, "suppressed", 0)
    if suppressed:
        console.print(f"{'onderdrukt door de baseline' if lang == 'nl' else 'suppressed by the baseline'}: {suppressed}")


def _console(render, output: Path | None, protect: Path | None) -> None:
    """The readable report on the terminal, or recorded as text for -o."""
    from rich.console import Console  # only the readable report needs rich

    if output is not None:
        with open(os.devnull, "w", encoding="utf-8") as sink:
            console = Console(record=True, width=120, file=sink)
            render(console)
        _emit(console.export_text(), output, protect)
    else:
        with _writing_stdout():
            render(Console())
            sys.stdout.flush()


def _check_many(args: argparse.Namespace, settings, inputs, ahead) -> int:
    from auditor.batch import Options, audit_many, build_batch
    from auditor.config import rule_enabled
    from auditor.crossdoc import cross_check

    fmt, lang = _format(args), settings.lang
    _check_output(args.output, inputs.files)
    select, ignore, severity = _rule_settings(settings)
    options = Options(lang=lang, rules_dir=_rules_dir(settings), select=tuple(select) if select is not None else None,
                      ignore=tuple(ignore), severity=tuple(sorted(severity.items())))
    outcomes = audit_many(inputs.files, options, jobs=settings.jobs, progress=settings.progress, ahead=ahead)
    outcomes += inputs.missing
    order = {str(p): i for i, p in enumerate(inputs.files)}
    outcomes.sort(key=lambda o: order.get(o.path, len(order)))
    cross = cross_check([o.ledger for o in outcomes if o.ledger is not None], lang=lang, rules_dir=_rules_dir(settings))
    cross.findings = [f.model_copy(update={"severity": severity.get(f.rule, f.severity)}) for f in cross.findings
                      if rule_enabled(f.rule, select, ignore)]
    if args.write_baseline is not None:
        from auditor.baseline import baseline_of, to_text

        _emit(to_text(baseline_of([o.report for o in outcomes if o.report], cross)), args.write_baseline, None)
    if settings.baseline:
        from auditor.baseline import apply_baseline, apply_baseline_cross, load_baseline

        known = load_baseline(Path(settings.baseline)).ids()
        for outcome in outcomes:
            if outcome.report is not None:
                outcome.report = apply_baseline(outcome.report, known, settings.baseline)
        cross = apply_baseline_cross(cross, known)
    batch = build_batch(outcomes, cross, settings.fail_on)
    from auditor.report import batch_formats as formats

    if fmt == "json":
        _emit(formats.to_batch_json(batch), args.output, None)
    elif fmt == "sarif":
        from auditor.audit import engine_for

        _emit(formats.to_batch_sarif(batch, engine_for(_rules_dir(settings)).rules, lang), args.output, None)
    elif fmt == "markdown":
        _emit(formats.to_batch_markdown(batch, lang), args.output, None)
    elif fmt == "html":
        _emit(formats.to_batch_html(batch, lang), args.output, None)
    else:
        _console(lambda console: formats.render_batch_console(batch, console, lang, quiet=args.quiet), args.output, None)
    return batch.summary.exit_code


def _diff(args: argparse.Namespace, settings) -> int:
    from auditor.audit import audit_lines
    from auditor.config import apply_rule_settings
    from auditor.diff import diff_audits
    from auditor.exitcodes import fails
    from auditor.report import diff_formats as formats

    fmt, lang = _format(args), settings.lang
    _check_output(args.output, [args.old, args.new])
    old = audit_lines(_read(args.old), lang=lang, rules_dir=_rules_dir(settings))
    new = audit_lines(_read(args.new), lang=lang, rules_dir=_rules_dir(settings))
    rule_settings = _rule_settings(settings)
    diff = diff_audits(old, new, apply_rule_settings(old.report, *rule_settings).findings,
                       apply_rule_settings(new.report, *rule_settings).findings)
    if fmt == "json":
        _emit(formats.to_diff_json(diff), args.output, None)
    elif fmt == "markdown":
        _emit(formats.to_diff_markdown(diff, lang), args.output, None)
    elif fmt == "html":
        _emit(formats.to_diff_html(diff, lang), args.output, None)
    else:
        _console(lambda console: formats.render_diff_console(diff, console, lang), args.output, None)
    return 1 if fails((f.severity for f in diff.appeared), settings.fail_on) else 0


def _config(settings, limit_origins: dict[str, str], fmt: str, lang: str) -> int:
    from auditor.config import describe

    rows = describe(settings, limit_origins, lang)
    if fmt == "json":
        _emit(json.dumps({"file": str(settings.file) if settings.file else None,
                          "settings": [{"key": k, "value": v, "origin": o} for k, v, o in rows]},
                         ensure_ascii=False, indent=2) + "\n", None, None)
        return 0
    found = str(settings.file) if settings.file else ("geen configuratiebestand gevonden" if lang == "nl"
                                                      else "no configuration file found")
    width = max(len(k) for k, _, _ in rows)
    value_width = max(len(v) for _, v, _ in rows)
    _emit(f"{'configuratie' if lang == 'nl' else 'configuration'}: {found}\n"
          + "".join(f"{key:<{width}}  {value:<{value_width}}  ({origin})\n" for key, value, origin in rows), None, None)
    return 0


def json_schema(what: str = "report") -> dict:
    """The JSON Schema pydantic generates for a report (or the batch, diff or baseline file)."""
    from auditor.baseline import Baseline
    from auditor.report.diff_models import DiffReport
    from auditor.report.batch_models import BatchReport
    from auditor.report.models import Report

    model = {"report": Report, "batch": BatchReport, "diff": DiffReport, "baseline": Baseline}[what]
    return model.model_json_schema()


def _schema(args: argparse.Namespace) -> int:
    _emit(json.dumps(json_schema(args.what), ensure_ascii=False, indent=2) + "\n", args.output, None)
    return 0


def _shown(path: Path) -> Path:
    """The bundled sample as a path relative to the working directory when it lies below it, so that
    reports name it as the user would ('fixtures/…'), not by one machine's absolute path."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _exit_code(report, fail_on: str) -> int:
    return report_exit_code(report, fail_on)


def _annotate(args: argparse.Namespace, settings) -> int:
    """Comments in a Word draft, highlights in a PDF; one line on stderr says how many were placed."""
    from auditor.audit import audit_lines
    from auditor.config import apply_rule_settings
    from auditor.ingest import read_document
    from auditor.outputs import write_atomic
    from auditor.report.annotate_docx import annotate_docx, refuse_text_input

    lang = settings.lang
    file: Path = args.file
    if args.output.exists() and args.output.resolve() == file.resolve():
        raise InputError(f"weigert het invoerbestand te overschrijven: {args.output}",
                         f"refusing to overwrite the input file: {args.output}")
    source = read_document(file)  # refuses what cannot be read, with its own message
    result = audit_lines(source, lang=lang, rules_dir=_rules_dir(settings))
    report = apply_rule_settings(result.report, *_rule_settings(settings))
    data = file.read_bytes()  # the annotated copy is made from the original bytes
    serious = sum(f.severity != "info" for f in report.findings)
    if source.format == "docx":
        annotated, placed = annotate_docx(data, report, source, lang)
        what = ("opmerkingen", "comments")
    elif source.format == "pdf":
        from auditor.report.annotate_pdf import annotate_pdf

        annotated, placed = annotate_pdf(data, report, lang)
        what = ("markeringen", "highlights")
    else:
        raise refuse_text_input(str(file))
    from auditor.outputs import is_stdout

    if is_stdout(args.output):
        sys.stdout.buffer.write(annotated)
        sys.stdout.flush()
    else:
        write_atomic(args.output, annotated, protect=file)
    word = what[0] if lang == "nl" else what[1]
    print(one_line(f"bbt-audit: {placed} {word} voor {serious} bevindingen → {args.output}") if lang == "nl"
          else one_line(f"bbt-audit: {placed} {word} for {serious} findings → {args.output}"), file=sys.stderr)
    return report_exit_code(report, settings.fail_on)
