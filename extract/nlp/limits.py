"""The bounds of what the pipeline takes in and gives out, in one place for every stage that checks them.

A value outside these bounds is not a fact: the extractor emits no number rather than a wrong one, and the
review code (`review --correct`) refuses the same values with `valid_count` and `valid_iso_date`."""
from __future__ import annotations

import datetime as dt
import re

# Longest article read, in characters: longer files are refused before they reach spaCy.
MAX_CHARACTERS = 2_000_000

# Counts are exact Python ints in [0, MAX_COUNT): ten billion is more than every person on earth, so a larger
# number in a news text is an id, a phone number or damage, never a count of cases, staff, teams or regions.
MAX_COUNT = 10**10
# Digits a numeral may have (grouping separators aside) before it is read at all: a count below MAX_COUNT has
# at most ten, and Python refuses to turn strings of more than 4,300 digits into ints.
MAX_COUNT_DIGITS = len(str(MAX_COUNT - 1))

# Dates are between these years, both included: the contract's dates are about 2020, and Python's calendar
# ends at years 1 and 9999, where a weekday or the year before would overflow.
MIN_YEAR = 1900
MAX_YEAR = 2100

ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", re.ASCII)   # ASCII digits only: `２０２０` is no ISO date


def valid_count(value) -> bool:
    """An exact int count within bounds: `12` yes; `12.0`, `True`, `-1`, `10**10`, `inf` no."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < MAX_COUNT


def valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def valid_iso_date(text) -> bool:
    """An ISO date of any granularity (`2020`, `2020-02`, `2020-02-29`) that exists and lies within the
    years MIN_YEAR..MAX_YEAR: `2020-02-30`, `0001-01-01`, `9999-12-31`, `2020/02/10` no."""
    if not isinstance(text, str) or not ISO_DATE.fullmatch(text):
        return False
    parts = [int(p) for p in text.split("-")]
    if not valid_year(parts[0]):
        return False
    try:
        dt.date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
    except ValueError:
        return False
    return True
