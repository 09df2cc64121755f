import pytest

from fractions import Fraction

from extract.nlp.normalize import infer_year, normalize_published, resolve_weekday
from extract.nlp.numerals import parse_digits, parse_number_words


@pytest.mark.parametrize("text, value", [("1,033", 1033), ("11,000", 11000), ("2.4", Fraction(12, 5)), ("7", 7),
                                         ("1,2", None), ("12a", None), ("0551", None)])
def test_parse_digits(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize("words, value", [
    (["three"], 3), (["a", "dozen"], 12), (["two", "hundred"], 200), (["thirty", "-", "two"], 32),
    (["eleven", "thousand"], 11000), (["a", "thousand"], 1000), (["one", "hundred", "and", "five"], 105),
    (["provinces"], None), ([], None)])
def test_parse_number_words(words, value):
    assert parse_number_words(words) == value


@pytest.mark.parametrize("published, weekday, future, expected", [
    ("2020-02-10", "Sunday", False, "2020-02-09"),     # a Monday article: last Sunday
    ("2020-02-10", "Monday", False, "2020-02-10"),     # the same day
    ("2020-02-10", "Tuesday", False, "2020-02-04"),
    ("2020-02-10", "Friday", True, "2020-02-14"),      # `will ... on Friday`
    ("2020-02-10", "Monday", True, "2020-02-10"),     # `will ... on Monday` written on a Monday: that day
    ("2020-03", "Monday", False, None),                 # a month is not precise enough
    (None, "Monday", False, None),
])
def test_resolve_weekday(published, weekday, future, expected):
    assert resolve_weekday(published, weekday, future) == expected


def test_infer_year_goes_back_for_december_in_january():
    assert infer_year(12, 28, "2020-01-05") == 2019
    assert infer_year(1, 27, "2020-02-28") == 2020


@pytest.mark.parametrize("bad", ["2020-13-01", "yesterday", "2020/02/10", "20200210"])
def test_invalid_published_is_refused(bad):
    with pytest.raises(ValueError, match="invalid publication date"):
        normalize_published(bad)


def test_published_keeps_granularity():
    assert normalize_published("2020-03") == "2020-03"
    assert normalize_published(" ") is None
