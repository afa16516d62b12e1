"""The hostile cases of issue 12, each built in a directory: the command to run, the exit code it must
end with, and a word its one line on stderr must hold. Shared by the test matrix
(tests/hardening/test_matrix.py) and the benchmark (benchmarks/bench_hostile.py)."""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from tests.hardening.bombs import CHUNK, docx_bomb, paragraphs_chunk, pdf_file, text_content, zip_file, zlib_stream

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
SAMPLE = FIXTURES / "sociale-economie-uitvoering-2024.txt"
CLEAN = FIXTURES / "sociale-economie-uitvoering-2024.clean.txt"
SAMPLE_DOCX = FIXTURES / "sociale-economie-uitvoering-2024.docx"
SAMPLE_PDF = FIXTURES / "sociale-economie-uitvoering-2024.pdf"
GiB = 1 << 30


@dataclass
class Case:
    args: list[str]  # after `python -m auditor`
    exit_code: int
    says: str = ""  # a word of the one line on stderr (exit 2)
    inputs: tuple[Path, ...] = ()  # files that must be unchanged afterwards
    special: Path | None = None  # an output path that must stay what it was (a FIFO, a device)


def _sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").split("\n")


def _with(lines: list[str], start: str, new: list[str]) -> list[str]:
    index = next(i for i, line in enumerate(lines) if line.startswith(start))
    return lines[:index] + new + lines[index:]


def long_sentence(amounts: int) -> str:
    """The sample with one sentence of `amounts` amounts in the narrative of an article."""
    values = ", ".join(f"{1 + k % 900}.{k % 1000:03d} keuro" for k in range(amounts))
    lines = _with(_sample_lines(), "De uitvoering op dit begrotingsartikel bedroeg 552.289",
                  [f"De uitvoering bedroeg {values}.", ""])
    return "\n".join(lines)


def movement_sentences(amounts: int, sentences: int) -> str:
    """The sample with `sentences` sentences of `amounts` movements each ("het krediet steeg met …"): the
    claim reader asks for the cues before every amount, so each costs what the sentence before it does."""
    clauses = ", ".join(f"het krediet steeg met {1 + k % 900}.{k % 1000:03d} keuro voor de ondersteuning van lokale "
                        "projecten" for k in range(amounts))
    lines = _with(_sample_lines(), "De uitvoering op dit begrotingsartikel bedroeg 552.289",
                  [f"In 2024 {clauses}.", ""] * sentences)
    return "\n".join(lines)


def _write(directory: Path, name: str, data: bytes | str) -> Path:
    path = directory / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _docx_with(directory: Path, name: str, replace: dict[str, bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(SAMPLE_DOCX) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, replace.get(info.filename, source.read(info.filename)))
    return _write(directory, name, buffer.getvalue())


def _output(directory: Path, output: str | Path) -> Case:
    return Case(["check", str(CLEAN), "--format", "json", "-o", str(output)], 2, inputs=(CLEAN,))


def build_cases(directory: Path) -> dict[str, Callable[[], Case]]:
    d = directory

    def fifo_out() -> Case:
        fifo = d / "report.fifo"
        os.mkfifo(fifo)
        return Case(["check", str(CLEAN), "-o", str(fifo)], 2, "FIFO", (CLEAN,), special=fifo)

    def directory_out() -> Case:
        (d / "out").mkdir()
        return Case(["check", str(CLEAN), "--format", "json", "-o", str(d / "out")], 2, "map", (CLEAN,))

    def copy_of_sample(name: str, transform: Callable[[str], bytes]) -> Path:
        return _write(d, name, transform(SAMPLE.read_text(encoding="utf-8")))

    def nul_in_amount() -> Case:
        text = SAMPLE.read_text(encoding="utf-8").replace("522.157 keuro VEK", "522\0.157 keuro VEK", 1)
        path = _write(d, "nul.txt", text)
        return Case(["check", str(path), "--format", "json"], 1, inputs=(path,))

    def escape_in_heading() -> Case:
        text = SAMPLE.read_text(encoding="utf-8").replace(
            "ISE ACTIVERING (SOCIALE ECONOMIE)", "ISE ACTIVERING (SOCIALE ECONOMIE) \x1b[2J\x1b[31m<img src=x onerror=alert(1)>", 1)
        path = _write(d, "escape\x1b[31m.txt", text)
        return Case(["check", str(path)], 1, inputs=(path,))

    def broken_footnotes() -> Case:
        path = _docx_with(d, "footnotes.docx", {"word/footnotes.xml": b"<w:footnotes><broken"})
        return Case(["check", str(path), "--format", "json"], 1, inputs=(path,))

    def symlink_loop() -> Case:
        link = d / "loop.txt"
        os.symlink(link, link)
        return Case(["check", str(link)], 2, "lus")

    def pdf_chars() -> Case:
        path = _write(d, "chars.pdf", pdf_file(text_content(["1.234 keuro " * 20] * 600)))
        return Case(["check", str(path)], 2, "PDF_PAGE_CHARS", (path,))

    def input_fifo() -> Case:
        fifo = d / "input.fifo"
        os.mkfifo(fifo)
        return Case(["check", str(fifo)], 2, "FIFO")

    return {
        # outputs
        "output /dev/null": lambda: Case(["check", str(CLEAN), "-o", "/dev/null"], 2, "apparaat", (CLEAN,),
                                         special=Path("/dev/null")),
        "output FIFO": fifo_out,
        "output directory": directory_out,
        "output /proc": lambda: _output(d, "/proc/self/status"),
        "output /dev/stdout": lambda: _output(d, "/dev/stdout"),
        "output missing directory": lambda: _output(d, d / "missing" / "r.json"),
        "output is the input": lambda: Case(["check", str(CLEAN), "-o", str(CLEAN)], 2, "invoerbestand", (CLEAN,)),
        "output file below a file": lambda: _output(d, CLEAN / "r.json"),
        # docx limits
        "docx part inflates to 2 GiB": lambda: _case_refused(_write(d, "bomb.docx", docx_bomb(2 * GiB)), "DOCX_PART_BYTES"),
        "docx part declares 1 kB, inflates to 2 GiB": lambda: _case_refused(
            _write(d, "liar.docx", docx_bomb(2 * GiB, declared=1000)), "controlesom"),
        "docx 1 GiB of valid paragraphs": lambda: _case_refused(
            _write(d, "paragraphs.docx", docx_bomb(GiB, chunk=paragraphs_chunk())), "DOCX_PART_BYTES"),
        "docx parts together too large": lambda: _case_refused(_write(d, "parts.docx", zip_file(
            [("word/document.xml", b"<x/>", 4, False)] + [(f"word/media/{n}.bin", b"", 20 << 20, False) for n in range(4)])),
            "DOCX_TOTAL_BYTES"),
        "docx 5,000 entries": lambda: _case_refused(_write(d, "entries.docx", zip_file(
            [("word/document.xml", b"<x/>", 4, False)] + [(f"p/{n}", b"", 0, False) for n in range(5000)])), "DOCX_ENTRIES"),
        "docx footnotes part broken": broken_footnotes,
        # pdf limits
        "pdf content stream inflates to 2 GiB": lambda: _case_refused(
            _write(d, "stream.pdf", pdf_file(zlib_stream(b" " * CHUNK, 2048), flate=True)), "PDF_PAGE_STREAM_BYTES"),
        "pdf 3,000 pages": lambda: _case_refused(_write(d, "pages.pdf", pdf_file(text_content(["x"]), pages=3000)),
                                                 "PDF_PAGES"),
        "pdf page with 120,000 characters": pdf_chars,
        # text
        "text 3 million characters": lambda: _case_refused(
            copy_of_sample("huge.txt", lambda text: ((text + "\n") * 40).encode("utf-8")),
            "DOCUMENT_CHARS"),
        "NUL inside an amount": nul_in_amount,
        "escape sequences and HTML in a heading and file name": escape_in_heading,
        "UTF-16 with BOM": lambda: _case_ok(copy_of_sample("utf16.txt", lambda text: text.encode("utf-16"))),
        "UTF-32 with BOM": lambda: _case_ok(copy_of_sample("utf32.txt", lambda text: text.encode("utf-32"))),
        # names and kinds
        "symlink loop": symlink_loop,
        "Word 97 .doc": lambda: _case_refused(_write(d, "oud.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                                                     + "WordDocument".encode("utf-16-le") + b"\0" * 2000), ".docx"),
        "not a BBT": lambda: _case_refused(_write(d, "brief.txt", "Geachte,\n\nHet VAK en het VEK.\n"), "brief.txt"),
        "input FIFO": input_fifo,
    }


def _case_refused(path: Path, says: str) -> Case:
    return Case(["check", str(path)], 2, says, (path,))


def _case_ok(path: Path) -> Case:
    return Case(["check", str(path), "--format", "json"], 1, inputs=(path,))
