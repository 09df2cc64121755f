"""Pure normalisation functions (no spaCy): dates and weekdays (numerals are read in extract.nlp.numerals).

Every date made here lies within extract.nlp.limits' years (1900-2100); outside them a function answers None
rather than a date, so that a header `0001-01-01` or `9999-12-31` never overflows the calendar."""
from __future__ import annotations

import datetime as dt
import functools
import re

from extract.nlp.limits import MAX_YEAR, MIN_YEAR, valid_iso_date, valid_year
from extract.nlp.numerals import ascii_numeral

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}



def month_number(word: str) -> int | None:
    """`Feb.`, `February`, `feb` -> 2; anything else -> None."""
    return MONTHS.get(word.lower().rstrip("."))


# The calendar functions are pure and asked the same questions over and over (an article's dates against
# its publication day), so each remembers its recent answers.
@functools.lru_cache(maxsize=4096)
def iso_day(year: int, month: int, day: int) -> str | None:
    if not valid_year(year):
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def parse_iso(value: str | None) -> dt.date | None:
    """The first day of an ISO date of any granularity (`2020`, `2020-03`, `2020-03-04`); None for anything
    else, a day that does not exist or a year outside extract.nlp.limits."""
    if not value or not valid_iso_date(value):
        return None
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    try:
        return dt.date(*parts)
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def infer_year(month: int, day: int | None, published: str | None) -> int | None:
    """The year of a month/day without one: the publication year, or the year before when the date
    would otherwise fall more than two months after publication (a January article citing December)."""
    pub = parse_iso(published)
    if pub is None:
        return None
    candidate = dt.date(pub.year, month, min(day or 1, 28))
    if (candidate - pub).days > 62:
        return pub.year - 1
    return pub.year


@functools.lru_cache(maxsize=4096)
def resolve_weekday(published: str | None, weekday: str, future: bool = False) -> str | None:
    """The ISO day a weekday refers to: the latest such day on or before publication (past or no tense),
    or the first on or after it (future tense: `will close on Monday` in a Monday article is that day, as
    news agencies name the day of writing by its weekday). None without a day-precise publication date."""
    if not published or len(published) != 10:
        return None
    pub = parse_iso(published)
    if pub is None:
        return None
    target = WEEKDAYS[weekday.lower()]
    if future:
        return day_after(pub, (target - pub.weekday()) % 7)
    return day_after(pub, -((pub.weekday() - target) % 7))


@functools.lru_cache(maxsize=4096)
def shift_day(published: str | None, days: int) -> str | None:
    if not published or len(published) != 10:
        return None
    pub = parse_iso(published)
    return day_after(pub, days) if pub is not None else None


def day_after(day: dt.date, days: int) -> str | None:
    """The ISO day `days` after `day` (before, when negative); None outside the bounded years."""
    shifted = dt.date.fromordinal(day.toordinal() + days)
    return shifted.isoformat() if valid_year(shifted.year) else None


def normalize_published(value: str | None) -> str | None:
    """Validate a publication date given as YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError otherwise."""
    if value is None or str(value).strip() == "":
        return None
    value = str(value).strip()
    if not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", value) or parse_iso(value) is None:
        raise ValueError(f"invalid publication date {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY, "
                         f"years {MIN_YEAR}-{MAX_YEAR})")
    return value


HEADER_LINES = 6
HEADER_CHARACTERS = 2000
ISO_HEADER = re.compile(r"^\s*(?:date:?\s+)?(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?:\s|$)",
                        re.IGNORECASE | re.ASCII)
# a byline's stamp anywhere in a header line: `By Wang Xiaodong | chinadaily.com.cn | Updated: 2020-02-12 09:02`
STAMP = re.compile(r"\b(?:updated|published|posted|released|date)\s*:?\s*(\d{4}-\d{2}-\d{2})\b",
                   re.IGNORECASE | re.ASCII)
YEAR_DIGITS = re.compile(r"\d{4}", re.ASCII)
ISO_DIGITS = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)   # what STAMP needs: a line without it is not searched
MONTH_BYLINE = re.compile(r"^\s*([A-Z][a-z]+\.?)\s+(\d{4})\s*$", re.ASCII)


def published_from_text(text: str) -> str | None:
    """`date 2020-02-10 ...`, a line `2020-02-12 09:02`, or a byline line `March 2020`, in the first lines."""
    # a header in full-width or other non-ASCII digits (`date ２０２０-０２-１０`) is read as its ASCII date: the
    # dataset's dates are ASCII ISO only
    header = ascii_numeral(text[:HEADER_CHARACTERS])
    if not YEAR_DIGITS.search(header):
        return None   # each form holds a year: most texts are ruled out by one scan
    lines = [line for line in header.splitlines() if line.strip()][:HEADER_LINES]
    for line in lines:
        # (STAMP, case-blind, is tried at every position of a line: only a line holding an ISO date can match)
        match = ISO_HEADER.match(line) or (STAMP.search(line) if ISO_DIGITS.search(line) else None)
        if match and parse_iso(match.group(1)):
            return match.group(1)
        match = MONTH_BYLINE.match(line)
        if match and month_number(match.group(1)) and valid_year(int(match.group(2))):
            return f"{match.group(2)}-{month_number(match.group(1)):02d}"
    return None
