"""A PDF's pages read by several processes side by side (auditor/ingest/pdf.py, `_read_pages`) give what
reading them one by one gives: the same lines and places, and the same refusal for the same page. The
pages are handed out from one queue to whichever process is free, so which process reads which page
varies from run to run; what comes out does not."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from auditor.errors import InputError
from auditor.ingest import forked, pdf
from auditor.ingest.forked import READ_PROCESSES_ENV, reading_processes
from auditor.ingest.pdf import SHARES_MAX, _PageQueue, _PagesRead, _in_page_order, read_pdf
from auditor.limits import Limits
from tests.conftest import ROOT

SAMPLE = ROOT / "fixtures" / "sociale-economie-uitvoering-2024.pdf"
PDFS = sorted((ROOT / "fixtures").glob("*.pdf")) + sorted((ROOT / "fixtures" / "mutations").glob("*.pdf"))
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="only a process that can fork splits the pages")


class Reader:
    """read_pdf with a given number of reading processes, counting the children it forked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.forks = 0
        real = pdf.Forked

        def counted(*args, **kwargs):
            self.forks += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(pdf, "Forked", counted)

    def read(self, path: Path, processes: int, limits: Limits | None = None) -> object:
        self.monkeypatch.setenv(READ_PROCESSES_ENV, str(processes))
        try:
            return read_pdf(path.read_bytes(), str(path), limits)
        except InputError as exc:
            return "refused", exc.nl, exc.en


@needs_fork
@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_split_reading_gives_the_lines_and_places_of_reading_page_by_page(path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pdf, "PAGES_PER_READER_MIN", 1)  # the 5-page begroting is split too
    reader = Reader(monkeypatch)
    alone = reader.read(path, 1)
    assert reader.forks == 0
    assert reader.read(path, 2) == alone
    assert reader.forks == 1  # the pages were split: a child read the second half
    assert reader.read(path, 3) == alone and reader.forks == 3


@needs_fork
@pytest.mark.parametrize("document_chars", [2_000, 50_000, 60_000, 80_000, 1_000_000])
def test_the_document_is_refused_where_its_characters_pass_the_limit(document_chars: int, monkeypatch) -> None:
    """50,000 and more: the limit is passed in the second half, which a child read on its own count."""
    reader = Reader(monkeypatch)
    limits = Limits(document_chars=document_chars)
    assert reader.read(SAMPLE, 2, limits) == reader.read(SAMPLE, 1, limits)


@needs_fork
@pytest.mark.parametrize("failing", [(5,), (20,), (5, 20), (20, 30), (32,)])
def test_the_first_page_that_fails_is_the_one_reported(failing: tuple[int, ...], monkeypatch) -> None:
    real = pdf._read_page

    def fails_on_some(page, number, path, limits):
        if number in failing:
            raise InputError(f"pagina {number} is kapot", f"page {number} is broken")
        return real(page, number, path, limits)

    monkeypatch.setattr(pdf, "_read_page", fails_on_some)  # the forked child has the same code
    reader = Reader(monkeypatch)
    assert reader.read(SAMPLE, 2) == reader.read(SAMPLE, 1) == ("refused", f"pagina {failing[0]} is kapot",
                                                               f"page {failing[0]} is broken")


def in_a_child(parent: int) -> bool:
    return os.getpid() != parent


@needs_fork
def test_a_child_that_dies_is_one_clear_input_error(monkeypatch) -> None:
    """Whichever pages the child took first, it dies on them (as a crash of the PDF library would end
    it); this process reads every other page, and the document is refused at the dead child's page."""
    real, parent = pdf._read_page, os.getpid()

    def crashes_in_the_child(page, number, path, limits):
        if in_a_child(parent):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(page, number, path, limits)

    monkeypatch.setattr(pdf, "_read_page", crashes_in_the_child)
    outcome = Reader(monkeypatch).read(SAMPLE, 2)
    assert outcome[0] == "refused" and "SIGKILL" in outcome[1]  # type: ignore[index]


@needs_fork
def test_a_refusal_before_a_child_that_dies_is_the_one_reported(monkeypatch) -> None:
    """A refusal on page 2 is reported, not the crash of a child on a later page (a child that reads
    page 3 or later dies)."""
    real, parent = pdf._read_page, os.getpid()

    def refuses_then_crashes(page, number, path, limits):
        if number == 2:
            raise InputError("pagina 2 is kapot", "page 2 is broken")
        if number > 2 and in_a_child(parent):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(page, number, path, limits)

    monkeypatch.setattr(pdf, "_read_page", refuses_then_crashes)
    reader = Reader(monkeypatch)
    assert reader.read(SAMPLE, 3) == reader.read(SAMPLE, 1) == ("refused", "pagina 2 is kapot", "page 2 is broken")


@needs_fork
def test_a_process_held_up_by_its_pages_takes_fewer_of_them(monkeypatch) -> None:
    """The queue gives the next page to the process that is free: when reading a page takes this
    process 30 ms and the child 2, the child reads most of the pages (a split into fixed halves would
    keep this process reading its half for half a second)."""
    import time

    real, parent = pdf._read_page, os.getpid()
    here: list[int] = []

    def slow_here(page, number, path, limits):
        if not in_a_child(parent):
            here.append(number)
            time.sleep(0.03)
        return real(page, number, path, limits)

    monkeypatch.setattr(pdf, "_read_page", slow_here)
    reader = Reader(monkeypatch)
    reader.monkeypatch.setattr(pdf, "_read_page", real)
    alone = reader.read(SAMPLE, 1)
    reader.monkeypatch.setattr(pdf, "_read_page", slow_here)
    assert reader.read(SAMPLE, 2) == alone
    assert len(here) < 32 // 2


def read_part(pages: dict[int, int], failure: tuple[int, str] | None = None) -> _PagesRead:
    """What a process read: page index → its number of characters, with one line saying which page."""
    page_lines = {index: ([pdf._PageLine(page=index + 1, text=f"pagina {index + 1}", bbox=None, spans=(),
                                         in_margin=False)], count) for index, count in pages.items()}
    return _PagesRead(pages=page_lines, failure=None if failure is None else (failure[0], InputError(failure[1], failure[1])))


class Takers:
    """A queue's record of who took which page, as _in_page_order consults it."""

    def __init__(self, takers: dict[int, int]) -> None:
        self.takers = takers

    def taker(self, index: int) -> int | None:
        return self.takers.get(index)

    def last_taken(self, slot: int) -> range | None:
        taken = [index for index, taker in self.takers.items() if taker == slot]
        return range(max(taken), max(taken) + 1) if taken else None


@pytest.mark.parametrize(("parts", "takers", "died", "outcome"), [
    # two processes, every page read: the lines in page order whoever read them
    ([read_part({0: 3, 2: 3}), read_part({1: 3, 3: 3})], {}, {}, ["pagina 1", "pagina 2", "pagina 3", "pagina 4"]),
    # page 3 failed in one process; the other read page 4: the failure is reported
    ([read_part({0: 5, 1: 5}, (2, "pagina 3")), read_part({3: 5})], {}, {}, "pagina 3"),
    # a child died on page 2 (slot 1 took it); page 3 failed later: the death comes first
    ([read_part({0: 5}, (2, "pagina 3"))], {1: 1}, {1: "gestorven"}, "gestorven"),
    # a child died on page 4, after the failure of page 2: the failure comes first
    ([read_part({0: 5}, (1, "pagina 2")), read_part({2: 5})], {3: 1}, {1: "gestorven"}, "pagina 2"),
    # a child read page 1, then died on page 4; page 2 failed elsewhere: the failure still comes first
    ([read_part({}, (1, "pagina 2")), read_part({2: 5})], {0: 1, 3: 1}, {1: "gestorven"}, "pagina 2"),
    # a child read page 1, then died on page 3; nothing failed before: the death
    ([read_part({1: 5})], {0: 1, 2: 1}, {1: "gestorven"}, "gestorven"),
    # the characters pass the limit (12) on page 3, before the failure of page 4
    ([read_part({0: 5, 2: 5}), read_part({1: 5}, (3, "pagina 4"))], {}, {}, "DOCUMENT_CHARS"),
])
def test_the_pages_are_put_back_in_page_order_up_to_the_first_refusal(parts, takers, died, outcome) -> None:
    limits = Limits(document_chars=12)
    deaths = {slot: InputError(text, text) for slot, text in died.items()}
    try:
        lines = [line.text for line in _in_page_order(4, parts, deaths, Takers(takers), limits, "x.pdf")]  # type: ignore[arg-type]
    except InputError as exc:
        assert outcome in exc.nl
    else:
        assert lines == outcome


@needs_fork
def test_without_a_process_to_fork_the_pages_are_read_here(monkeypatch) -> None:
    reader = Reader(monkeypatch)
    alone = reader.read(SAMPLE, 1)
    descriptors = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None

    def no_process():
        raise BlockingIOError(11, "Resource temporarily unavailable")  # EAGAIN: a limit on processes

    monkeypatch.setattr(forked.os, "fork", no_process)
    assert reader.read(SAMPLE, 2) == alone
    if descriptors is not None:
        assert len(os.listdir("/proc/self/fd")) == descriptors  # the pipe made for the child is closed


@needs_fork
def test_an_interrupted_wait_leaves_other_files_alone_and_ends_the_child(tmp_path: Path) -> None:
    """Ctrl-C while waiting for a child: the interrupt goes on as it is, the child is ended, and a file
    opened since (which may have the pipe's old number) stays open."""
    import time

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    child = forked.Forked(lambda: time.sleep(5) or "gelezen", tmp_path / "bbt.pdf")
    pid = child.pid
    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        with pytest.raises(KeyboardInterrupt):
            child.result()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    with open(tmp_path / "ander.txt", "w", encoding="utf-8") as other:
        child.stop()  # what the reader's cleanup does
        other.write("nog open")  # not closed by stop()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # ended and reaped


@needs_fork
def test_a_host_that_ignores_its_children_still_gets_the_pages(monkeypatch) -> None:
    reader = Reader(monkeypatch)
    alone = reader.read(SAMPLE, 1)
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children reaped by the system
    try:
        assert reader.read(SAMPLE, 2) == alone and reader.forks == 1
    finally:
        signal.signal(signal.SIGCHLD, previous)


def test_a_process_whose_cores_are_taken_reads_every_page_itself(monkeypatch) -> None:
    monkeypatch.setenv(READ_PROCESSES_ENV, "2")
    if hasattr(os, "fork"):
        assert reading_processes() == 2
    monkeypatch.setattr(forked, "_ONE_PROCESS", True)  # a reading child, a pool's worker
    assert reading_processes() == 1
    monkeypatch.setattr(forked, "_ONE_PROCESS", False)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert reading_processes() == 1  # forking a process with threads could copy a held lock
    finally:
        stop.set()
        other.join()


def _reading_processes_in_a_pool_worker(setting: str | None) -> int:
    if setting is None:
        os.environ.pop(READ_PROCESSES_ENV, None)
    else:
        os.environ[READ_PROCESSES_ENV] = setting
    return reading_processes()


@needs_fork
@pytest.mark.parametrize(("setting", "expected"), [(None, 1), ("2", 2)])
def test_a_worker_of_the_callers_own_pool_reads_alone_unless_told_otherwise(setting, expected, monkeypatch) -> None:
    import multiprocessing

    monkeypatch.delenv(READ_PROCESSES_ENV, raising=False)
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(_reading_processes_in_a_pool_worker, (setting,)) == expected
    assert not forked._started_by_multiprocessing()  # this process, which no pool started, is no worker


@pytest.mark.parametrize("raw", ["0", "-2", "twee", ""])
def test_a_bad_number_of_reading_processes_is_refused_with_its_name(raw: str, monkeypatch) -> None:
    monkeypatch.setenv(READ_PROCESSES_ENV, raw)
    with pytest.raises(InputError, match=READ_PROCESSES_ENV):
        reading_processes()
    monkeypatch.setattr(forked, "_ONE_PROCESS", True)  # also where this process reads alone
    with pytest.raises(InputError, match=READ_PROCESSES_ENV):
        reading_processes()


@given(pages=st.integers(1, 2_000))
def test_the_queue_hands_out_every_page_once_in_page_order(pages: int) -> None:
    queue = _PageQueue(pages)
    try:
        shares = []
        while (share := queue.take(len(shares) % 3)) is not None:
            shares.append(share)
        assert [index for share in shares for index in share] == list(range(pages))
        assert len(shares) == min(pages, SHARES_MAX)
        assert max(map(len, shares)) - min(map(len, shares)) <= 1
        assert [queue.taker(share[0]) for share in shares] == [n % 3 for n in range(len(shares))]
        for slot in range(4):  # where each process was reading last (a dead one: where it died)
            assert queue.last_taken(slot) == next((shares[n] for n in reversed(range(len(shares))) if n % 3 == slot), None)
        queue.empty()
        assert queue.take(0) is None
    finally:
        queue.close()
