"""A check of one document reads it in a forked child while the pipeline loads (auditor/ingest/ahead.py):
what it hands back, and every way reading can fail, must be what reading in line gives."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from auditor.errors import InputError
from auditor.ingest.ahead import ReadAhead
from auditor.ingest.decoding import decode, read_file
from tests.conftest import ROOT

FIXTURES = ROOT / "fixtures"
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="read-ahead forks; elsewhere it reads in line")


@needs_fork
@pytest.mark.parametrize("name", ["sociale-economie-uitvoering-2024.pdf", "omgeving-natuur-begroting-2025.docx"])
def test_the_child_hands_back_what_reading_in_line_gives(name: str) -> None:
    path = FIXTURES / name
    ahead = ReadAhead(path)
    assert ahead.child is not None  # it did fork
    assert ahead.decoded() == decode(read_file(path), str(path))


def test_a_text_export_is_read_in_line(tmp_path: Path) -> None:
    """A few milliseconds of reading: less than a fork costs; so is what is no regular file."""
    path = FIXTURES / "sociale-economie-uitvoering-2024.txt"
    ahead = ReadAhead(path)
    assert ahead.child is None and ahead.decoded() == decode(read_file(path), str(path))
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="FIFO"):
        ReadAhead(fifo).decoded()  # refused, not waited on


@needs_fork
@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary" * 50, b"%PDF-1.7\ntruncated"])
def test_an_unreadable_document_fails_with_the_in_line_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "draft.pdf"
    path.write_bytes(content)
    with pytest.raises(InputError) as in_line:
        decode(read_file(path), str(path))
    with pytest.raises(InputError) as ahead:
        ReadAhead(path).decoded()
    assert (ahead.value.nl, ahead.value.en) == (in_line.value.nl, in_line.value.en)


@needs_fork
def test_a_missing_file_fails_as_in_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="niet gevonden"):
        ReadAhead(tmp_path / "absent.pdf").decoded()


@needs_fork
def test_a_reader_that_dies_is_one_clear_input_error() -> None:
    ahead = ReadAhead(FIXTURES / "sociale-economie-uitvoering-2024.pdf")
    os.kill(ahead.child.pid, signal.SIGKILL)  # as a crash of the PDF library would end it
    with pytest.raises(InputError, match="SIGKILL"):
        ahead.decoded()


def test_with_other_threads_running_it_reads_in_line() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        ahead = ReadAhead(FIXTURES / "sociale-economie-uitvoering-2024.pdf")
        assert ahead.child is None  # forking a process with threads could copy a held lock
        assert ahead.decoded().format == "pdf"
    finally:
        stop.set()
        other.join()


@needs_fork
def test_a_command_that_stops_early_reports_its_own_error(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "BBT-XXX-001.yaml").write_text("id: [kapot\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "auditor", "check", str(FIXTURES / "sociale-economie-uitvoering-2024.pdf"),
                          "--rules", str(rules)], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode == 2 and "regelbestand" in run.stderr
    assert "Traceback" not in run.stderr


@needs_fork
def test_what_else_reading_raises_is_raised_in_the_command_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.ingest import ahead as read_ahead

    def broken(*args, **kwargs):
        raise ValueError("kapotte tabel op pagina 3")

    monkeypatch.setattr(read_ahead, "decode", broken)  # the forked child has the same code
    reader = ReadAhead(FIXTURES / "sociale-economie-uitvoering-2024.pdf")
    assert reader.child is not None
    with pytest.raises(ValueError, match="kapotte tabel op pagina 3"):
        reader.decoded()


def test_a_line_origin_comes_back_from_a_child_with_every_field_where_it_was() -> None:
    """LineOrigin and Span are pickled as their fields in order (auditor.by_fields): a field added
    or moved without the pickling following it would come back in another field, or not at all."""
    import dataclasses
    import pickle

    from auditor.ingest.origin import LineOrigin, Span

    span = Span(start=3, end=9, bbox=(1.0, 2.0, 3.0, 4.0), column=2)
    values = {"page": 7, "page_line": 12, "bbox": (5.5, 6.5, 7.5, 8.5), "paragraph": 40, "heading": "2. Uitgaven",
              "table": 3, "row": 4, "spans": (span,), "shift": 5}
    assert set(values) == {field.name for field in dataclasses.fields(LineOrigin)}  # every field has its own value
    origin = LineOrigin(**values)
    again = pickle.loads(pickle.dumps(origin, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == origin and {name: getattr(again, name) for name in values} == values
    assert {field.name for field in dataclasses.fields(Span)} == {"start", "end", "bbox", "column"}


# ------------------------------------------------------------------ a batch's documents read ahead

def _sized(tmp_path: Path, name: str, source: str, size: int | None = None) -> Path:
    path = tmp_path / name
    data = (FIXTURES / source).read_bytes()
    path.write_bytes(data if size is None else data[:HEAD] + b" " * (size - HEAD))
    return path


HEAD = 16  # enough of a file for its format to be recognised


@pytest.mark.parametrize("budget", [0, 100, 250, 10_000])
def test_a_batch_reads_ahead_its_largest_pdf_and_word_files_that_fit(tmp_path: Path, budget: int) -> None:
    from auditor.ingest.ahead import _largest_read_by_a_child

    small_pdf = _sized(tmp_path, "a.pdf", "omgeving-natuur-begroting-2025.pdf", 50)
    text = tmp_path / "b.txt"
    text.write_text("x" * 500, encoding="utf-8")  # the largest file, but read in line in a few ms
    large_docx = _sized(tmp_path, "c.docx", "omgeving-natuur-begroting-2025.docx", 200)
    large_pdf = _sized(tmp_path, "d.pdf", "omgeving-natuur-begroting-2025.pdf", 200)
    paths = [small_pdf, text, large_docx, large_pdf, tmp_path / "absent.pdf"]
    expected = {0: [], 100: [small_pdf], 250: [large_docx, small_pdf], 10_000: [large_docx, large_pdf, small_pdf]}
    assert _largest_read_by_a_child(paths, budget) == expected[budget]


@needs_fork
def test_what_a_batch_read_ahead_is_what_reading_in_line_gives(tmp_path: Path) -> None:
    from auditor.ingest.ahead import ReadManyAhead

    broken = tmp_path / "kapot.pdf"
    broken.write_bytes(b"%PDF-1.7\ntruncated")
    paths = [FIXTURES / "sociale-economie-uitvoering-2024.pdf", broken, FIXTURES / "omgeving-natuur-begroting-2025.docx",
             FIXTURES / "omgeving-natuur-begroting-2025.txt"]
    ahead = ReadManyAhead(paths, budget=10**9)
    assert ahead.child is not None and set(ahead.chosen) == {paths[0], paths[1], paths[2]}
    for path in paths[:3:2]:
        assert ahead.take(path) == decode(read_file(path), str(path))
    with pytest.raises(InputError) as in_line:
        decode(read_file(broken), str(broken))
    refused = ahead.take(broken)
    assert isinstance(refused, InputError) and (refused.nl, refused.en) == (in_line.value.nl, in_line.value.en)
    assert ahead.take(paths[3]) is None  # not read ahead: the batch reads it as any other
    assert ahead.take(paths[0]) is None  # handed over once


@needs_fork
def test_a_batch_reader_that_dies_leaves_every_document_to_the_batch() -> None:
    from auditor.ingest.ahead import ReadManyAhead

    paths = [FIXTURES / "sociale-economie-uitvoering-2024.pdf", FIXTURES / "omgeving-natuur-begroting-2025.pdf"]
    ahead = ReadManyAhead(paths, budget=10**9)
    os.kill(ahead.child.pid, signal.SIGKILL)  # as a crash of the PDF library on one of them would end it
    assert [ahead.take(path) for path in paths] == [None, None]


def test_a_batch_with_other_threads_running_reads_nothing_ahead() -> None:
    from auditor.ingest.ahead import ReadManyAhead

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        ahead = ReadManyAhead([FIXTURES / "sociale-economie-uitvoering-2024.pdf"], budget=10**9)
        assert ahead.chosen == [] and ahead.child is None
        assert ahead.take(FIXTURES / "sociale-economie-uitvoering-2024.pdf") is None
    finally:
        stop.set()
        other.join()
