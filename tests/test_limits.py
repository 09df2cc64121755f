"""Values in range or no value: counts are exact ints below limits.MAX_COUNT, dates lie in 1900-2100, and
out-of-range input never crashes the extractor."""
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.nlp.limits import MAX_COUNT, valid_count, valid_iso_date
from extract.nlp.normalize import normalize_published, published_from_text, resolve_weekday, shift_day

COUNT_KINDS = ("case_count", "personnel_count", "team_count", "region_count")


@pytest.mark.parametrize("value, valid", [
    (0, True), (12, True), (MAX_COUNT - 1, True), (MAX_COUNT, False), (-1, False), (12.0, False),
    (float("inf"), False), (float("nan"), False), (True, False), ("12", False), (None, False), (10**30, False)])
def test_valid_count(value, valid):
    assert valid_count(value) is valid


@pytest.mark.parametrize("text, valid", [
    ("2020-02-29", True), ("2020-02", True), ("2020", True), ("1900-01-01", True), ("2100-12-31", True),
    ("2019-02-29", False), ("2020-13", False), ("1899-12-31", False), ("2101-01-01", False),
    ("0001-01-01", False), ("9999-12-31", False), ("2020/02/10", False), ("20200210", False), ("", False),
    (None, False), (20200210, False)])
def test_valid_iso_date(text, valid):
    assert valid_iso_date(text) is valid


@pytest.mark.parametrize("header", ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"])
def test_out_of_range_header_date_is_no_publication_date(facts_of, header):
    text = f"{header}\nHubei reported 12 new cases on Sunday and 3 deaths yesterday; it will report on Friday."
    assert published_from_text(text) is None
    facts = facts_of(text, published=None)
    assert [f["value"] for f in facts if f["kind"] == "case_count"] == [12, 3]
    assert all(valid_iso_date(f["value"]) for f in facts if f["kind"] == "date")


@pytest.mark.parametrize("bad", ["0001-01-01", "9999-12-31", "1899-06", "2101"])
def test_out_of_range_publication_date_is_refused(bad):
    with pytest.raises(ValueError, match="invalid publication date"):
        normalize_published(bad)


def test_calendar_arithmetic_stays_in_range():
    assert resolve_weekday("2100-12-31", "Monday", future=True) is None   # 2101
    assert resolve_weekday("1900-01-01", "Sunday") is None                # 1899-12-31
    assert shift_day("2100-12-31", 1) is None and shift_day("2100-12-30", 1) == "2100-12-31"


@pytest.mark.parametrize("text", [
    "Written in 1850 and 2150, in March 2150 and on 1899-12-31 or 2101-01-01.",
    "On Feb. 30, 2020 and on 2021-02-29 nothing happened."])
def test_dates_outside_the_range_or_calendar_are_not_dates(facts_of, text):
    assert [f for f in facts_of(text) if f["kind"] == "date"] == []


def test_a_day_before_a_count_is_not_a_year(facts_of):
    facts = facts_of("On Feb. 3, 1500 nurses arrived in Wuhan.")
    assert [f["value"] for f in facts if f["kind"] == "personnel_count"] == [1500]
    assert [f["value"] for f in facts if f["kind"] == "date"] == ["2020-02-03"]


@pytest.mark.parametrize("digits", [11, 20, 21, 400, 5000])
def test_huge_numbers_are_no_counts(facts_of, digits):
    facts = facts_of(f"Hubei reported {'9' * digits} new confirmed cases and 12 deaths.")
    assert [f["value"] for f in facts if f["kind"] in COUNT_KINDS] == [12]


def test_every_count_is_an_exact_int_within_bounds(facts_of):
    text = ("Hubei reported 9,999,999,999 cases, 1.5 million patients, 2,345.5 million infections, "
            "about 3.5 cases, 2.75 million deaths and 12345678901234567890 patients.")
    counts = [f["value"] for f in facts_of(text) if f["kind"] in COUNT_KINDS]
    assert counts == [9999999999, 1500000, 2345500000, 2750000]
    assert all(type(v) is int and valid_count(v) for v in counts)


def test_extract_of_a_hostile_article_is_valid_json(tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text("9999-12-31\nOn Sunday Hubei had " + "9" * 500 + " cases, 123456789012345678901 "
                       "patients and 1 204 377 tests; 0001-01-01 was a Monday.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "extract", "extract", str(article)], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    facts = [json.loads(line) for line in run.stdout.splitlines()]
    assert "Infinity" not in run.stdout and "NaN" not in run.stdout
    assert all(valid_count(f["value"]) for f in facts if f["kind"] in COUNT_KINDS)
    assert all(valid_iso_date(f["value"]) for f in facts if f["kind"] == "date")


# number runs and extreme dates, so that random texts reach every branch of the number reader and the calendar
NUMBER_PIECES = ["1", "12", "204", "377", "0", "9,999", "2.5", "0551", "one", "two", "twenty", "hundred",
                 "thousand", "million", "billion", "a", "and", "half", "dozen", "-", "–", "to", "between", "or",
                 "more", "than", "nearly", "cases", "nurses", "teams", "provinces", "Feb.", "7", ",", "2020",
                 "Monday", "No.", "percent", "in", " ", "  "]
HEADERS = ["", "0001-01-01\n", "9999-12-31\n", "1900-01-01\n", "2100-12-31\n", "2020-02-30\n", "March 9999\n"]
digit_runs = st.integers(min_value=1, max_value=60).map(lambda n: "9" * n)
number_text = st.lists(st.one_of(st.sampled_from(NUMBER_PIECES), digit_runs), max_size=40).map(" ".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=st.sampled_from(HEADERS), text=number_text,
       published=st.sampled_from([None, "2020-02-12", "1900-01-01", "2100-12-31"]))
def test_numbers_and_dates_stay_in_bounds(nlp, header, text, published):
    from extract.nlp.pipeline import extract_doc
    from extract.nlp.records import doc_to_facts

    document = header + text
    for fact in doc_to_facts(extract_doc(document, "p", published, nlp), "p"):
        assert document[fact.start:fact.end] == fact.text
        if fact.kind in COUNT_KINDS and fact.value is not None:
            assert valid_count(fact.value), fact
        if fact.kind == "date" and fact.value is not None:   # a date whose day was deleted has no value
            assert valid_iso_date(fact.value), fact


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(NUMBER_PIECES[:20]), max_size=8))
def test_number_words_give_a_valid_count_or_none(words):
    from extract.nlp.numerals import parse_number_words

    value = parse_number_words(words)
    assert value is None or valid_count(value)
