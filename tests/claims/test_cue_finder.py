"""The cue finder keeps what it found per distinct text for one document, within bounds: a sentence of
hundreds of amounts asks about each of its prefixes, which kept whole would hold the square of its length."""

from __future__ import annotations

from auditor.claims.extract import CUE_CACHE_ENTRIES, CUE_CACHE_TEXT_MAX, _CueFinder


def test_a_repeated_text_is_answered_from_what_was_found():
    finder = _CueFinder()
    text = "het krediet werd verhoogd met"
    first = finder.nearest(text)
    assert text in finder.found and finder.nearest(text) == first


def test_long_prefixes_are_scanned_each_time_not_kept():
    finder = _CueFinder()
    sentence = "het krediet werd verhoogd met 1.234 keuro, " * 200
    answers = [finder.nearest(sentence[:end]) for end in range(CUE_CACHE_TEXT_MAX + 1, len(sentence), 97)]
    assert finder.found == {}
    assert all(answer is not None and answer[0] == "UP" for answer in answers)


def test_the_number_of_texts_kept_is_bounded():
    finder = _CueFinder()
    for number in range(CUE_CACHE_ENTRIES + 10):
        finder.nearest(f"bij BA {number} bedroeg het")
    assert len(finder.found) <= CUE_CACHE_ENTRIES
    assert finder.nearest("bij BA 7 bedroeg het") == _CueFinder().nearest("bij BA 7 bedroeg het")
