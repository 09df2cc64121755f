"""Pure normalisation functions (no spaCy): numbers, dates, weekdays."""
from __future__ import annotations

import datetime as dt
import functools
import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
DOZEN = "dozen"
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | {DOZEN}

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}

DIGITS_RE = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")


def month_number(word: str) -> int | None:
    """`Feb.`, `February`, `feb` -> 2; anything else -> None."""
    return MONTHS.get(word.lower().rstrip("."))


def parse_digits(text: str) -> float | None:
    """`1,033` -> 1033, `2.4` -> 2.4; None when the text is not a plain numeral."""
    if not DIGITS_RE.match(text):
        return None
    return float(text.replace(",", ""))


def parse_number_words(words: list[str]) -> int | None:
    """`["two", "hundred"]` -> 200, `["a", "dozen"]` -> 12, `["thirty", "two"]` -> 32; None if not a number."""
    words = [w.lower() for w in words if w not in ("-", "and")]
    if words and words[0] in ("a", "an"):
        words = ["one"] + words[1:]
    if not words or any(w not in NUMBER_WORDS and w != "one" for w in words):
        return None
    total, current, seen = 0, 0, False
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == DOZEN:
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * SCALES[word]
            current = 0
        seen = True
    return total + current if seen else None


def to_int(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


# The calendar functions are pure and asked the same questions over and over (an article's dates against
# its publication day), so each remembers its recent answers.
@functools.lru_cache(maxsize=4096)
def iso_day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def parse_iso(value: str | None) -> dt.date | None:
    """The first day of an ISO date of any granularity (`2020`, `2020-03`, `2020-03-04`)."""
    if not value:
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
    or the next one after it (future tense). None without a day-precise publication date."""
    if not published or len(published) != 10:
        return None
    pub = parse_iso(published)
    target = WEEKDAYS[weekday.lower()]
    if future:
        delta = (target - pub.weekday()) % 7 or 7
        return (pub + dt.timedelta(days=delta)).isoformat()
    delta = (pub.weekday() - target) % 7
    return (pub - dt.timedelta(days=delta)).isoformat()


@functools.lru_cache(maxsize=4096)
def shift_day(published: str | None, days: int) -> str | None:
    if not published or len(published) != 10:
        return None
    return (parse_iso(published) + dt.timedelta(days=days)).isoformat()


def normalize_published(value: str | None) -> str | None:
    """Validate a publication date given as YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError otherwise."""
    if value is None or str(value).strip() == "":
        return None
    value = str(value).strip()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) or parse_iso(value) is None:
        raise ValueError(f"invalid publication date {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")
    return value


HEADER_LINES = 6
HEADER_CHARACTERS = 2000
ISO_HEADER = re.compile(r"^\s*(?:date:?\s+)?(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?:\s|$)",
                        re.IGNORECASE)
# a byline's stamp anywhere in a header line: `By Wang Xiaodong | chinadaily.com.cn | Updated: 2020-02-12 09:02`
STAMP = re.compile(r"\b(?:updated|published|posted|released|date)\s*:?\s*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
YEAR_DIGITS = re.compile(r"\d{4}")
MONTH_BYLINE = re.compile(r"^\s*([A-Z][a-z]+\.?)\s+(\d{4})\s*$")


def published_from_text(text: str) -> str | None:
    """`date 2020-02-10 ...`, a line `2020-02-12 09:02`, or a byline line `March 2020`, in the first lines."""
    if not YEAR_DIGITS.search(text, 0, HEADER_CHARACTERS):
        return None   # each form holds a year: most texts are ruled out by one scan
    lines = [line for line in text[:HEADER_CHARACTERS].splitlines() if line.strip()][:HEADER_LINES]
    for line in lines:
        match = ISO_HEADER.match(line) or STAMP.search(line)
        if match and parse_iso(match.group(1)):
            return match.group(1)
        match = MONTH_BYLINE.match(line)
        if match and month_number(match.group(1)):
            return f"{match.group(2)}-{month_number(match.group(1)):02d}"
    return None
