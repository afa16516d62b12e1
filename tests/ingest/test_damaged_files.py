"""Damaged PDFs and Word drafts — cut off anywhere, or with bytes overwritten — are either read or
refused with an InputError; nothing else escapes the pipeline."""

from __future__ import annotations

import io

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.audit import audit_lines
from auditor.errors import InputError
from auditor.ingest import decode_document
from tests.formats.helpers import fixture

PDF = fixture("pdf").read_bytes()
DOCX = fixture("docx").read_bytes()
# derandomized: the same 25 damaged files in every run, so CI cannot turn red on a new random draw
SETTINGS = settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def _read_or_refuse(data: bytes, name: str) -> None:
    try:
        audit_lines(decode_document(data, name))
    except InputError as error:
        assert error.message("nl") and "\n" not in error.message("nl")


@SETTINGS
@given(cut=st.integers(min_value=1, max_value=len(PDF) - 1))
def test_a_pdf_cut_off_anywhere(cut):
    _read_or_refuse(PDF[:cut], "afgebroken.pdf")


@SETTINGS
@given(cut=st.integers(min_value=1, max_value=len(DOCX) - 1))
def test_a_docx_cut_off_anywhere(cut):
    _read_or_refuse(DOCX[:cut], "afgebroken.docx")


@SETTINGS
@given(position=st.integers(min_value=0, max_value=len(PDF) - 64), noise=st.binary(min_size=1, max_size=64))
def test_a_pdf_with_bytes_overwritten(position, noise):
    _read_or_refuse(PDF[:position] + noise + PDF[position + len(noise):], "beschadigd.pdf")


def test_a_word_document_that_is_not_a_bbt_is_refused():
    document = docx.Document()
    document.add_paragraph("Verslag van de vergadering van de raad van bestuur.")
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        audit_lines(decode_document(buffer.getvalue(), "verslag.docx"))
    except InputError as error:
        assert "BBT" in error.message("nl")
    else:
        raise AssertionError("a document without any BBT structure was audited")
