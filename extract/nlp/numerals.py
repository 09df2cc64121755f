"""Pure reading of numerals (no spaCy): digits and English number words to exact values.

Values are exact: digits are read as Fractions (`2,345.5` is 4691/2, never a float), so `2,345.5 million` is
the int 2345500000 and a 20-digit numeral is never rounded. Number words follow English cardinal grammar
strictly (`three hundred and twelve`, `one and a half million`, `half a dozen`); a sequence that is not a
well-formed cardinal (`three two`, `twenty thirty`) is no number at all, since a wrong value is worse than
none. Whether a value may be a count is for extract.nlp.limits.valid_count to say.
"""
from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

from extract.nlp.limits import MAX_COUNT_DIGITS, valid_count

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
HUNDRED = "hundred"
DOZEN = "dozen"
HALF = "half"
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
MULTIPLIERS = {HUNDRED: 100, DOZEN: 12, **SCALES}   # words that multiply what comes before them
ARTICLES = ("a", "an")
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(MULTIPLIERS)
JOINERS = ("-", "and")

# `1,033`, `11,000.5`, `2.4`, `7`: commas only as thousands separators, at most four decimals; a numeral
# with a leading zero (`0551`, `007`) is a code (an area code, an id), not an amount
DIGITS = re.compile(r"(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)(?:\.\d{1,4})?", re.ASCII)
SMALL_INT = re.compile(r"[1-9]\d{0,2}|0", re.ASCII)
# Full-width separators of CJK text (`1，200`, `1．5`) stand for the ASCII ones; each maps one character to one,
# so offsets into the text stay what they were
WIDE_SEPARATORS = {"\uff0c": ",", "\uff0e": ".", "\uff0d": "-", "\uff1a": ":"}


def ascii_numeral(text: str) -> str:
    """`１２` -> `12`, `1，200` -> `1,200`, `١٢` -> `12`: any decimal digit as its ASCII digit and full-width
    separators as ASCII ones, one character for one; other characters unchanged. Read a numeral only after
    this, so that a non-ASCII digit is never a break in a number (`1２0` is 120, not 1 and 0)."""
    if text.isascii():
        return text
    # only the distinct characters outside ASCII are looked at (a decimal digit is one of Unicode category Nd,
    # what re's \d matches), and the text is translated in C if any of them changes (a header of curly quotes
    # and dashes has none)
    table = {ord(c): WIDE_SEPARATORS.get(c) or str(unicodedata.decimal(c))
             for c in set(text) if not c.isascii() and (c in WIDE_SEPARATORS or c.isdecimal())}
    return text.translate(table) if table else text


def parse_digits(text: str) -> Fraction | int | None:
    """`1,033` -> 1033, `2.4` -> Fraction(12, 5) (exact; an int where there is no decimal point, which is
    cheaper to make); None when the text is not a plain numeral or has more digits than any count can (a
    21-digit string is not read at all). Non-ASCII digits and separators are read as their ASCII ones."""
    text = ascii_numeral(text)
    if text.isascii() and text.isdigit():   # the common case without the regular expression: `12`, `2020`
        if text[0] == "0" and text != "0" or len(text) > MAX_COUNT_DIGITS:
            return None
        return int(text)
    if not DIGITS.fullmatch(text):
        return None
    whole, point, _ = text.partition(".")
    whole = whole.replace(",", "")
    if len(whole) > MAX_COUNT_DIGITS:
        return None
    return Fraction(text.replace(",", "")) if point else int(whole)


def count_value(value: Fraction | int | None) -> int | None:
    """The exact int a value is when it is a whole count within bounds, else None (`3.5` is no count)."""
    if type(value) is int:
        return value if valid_count(value) else None
    if value is None or Fraction(value).denominator != 1:
        return None
    number = int(value)
    return number if valid_count(number) else None


def small_int(word: str) -> int | None:
    """A digit group that can stand where a number word stands (`4 hundred and 12`): 0..999, no comma.
    (What SMALL_INT says, with string methods: this is asked of every word of a number run.)"""
    if not word.isascii() and word[:1].isdecimal():
        word = ascii_numeral(word)
    if len(word) <= 3 and word.isascii() and word.isdigit() and (word[0] != "0" or word == "0"):
        return int(word)
    return None


def parse_number_words(words: list[str]) -> int | None:
    """A well-formed English cardinal, as lower-case words (digit groups below 1,000 may stand for words):
    `["two", "hundred"]` -> 200, `["a", "dozen"]` -> 12, `["thirty", "-", "two"]` -> 32, `["4", "hundred",
    "and", "12"]` -> 412, `["one", "and", "a", "half", "million"]` -> 1500000, `["half", "a", "million"]` ->
    500000. None for anything else (`["three", "two"]`, `["hundred"]`, `["a"]`) or a value out of bounds."""
    words = [w for w in words if w != "-"]
    if len(words) == 1:   # one word (`12`, `seven`, `twenty`): what CardinalReader reads it as, without one
        word = words[0]
        value = UNITS.get(word, TENS.get(word))
        if value is None:
            value = small_int(word)
        if value is not None:
            return count_value(value)
    value = parse_half(words)
    if value is None:
        value = CardinalReader().read(words)
    return count_value(value)


def parse_half(words: list[str]) -> Fraction | None:
    """`half a million` (500,000), `half a dozen` (6), `one and a half million`, `2 and a half thousand`."""
    if len(words) == 3 and words[0] == HALF and words[1] in ARTICLES and words[2] in MULTIPLIERS:
        return Fraction(MULTIPLIERS[words[2]], 2)
    if len(words) >= 5 and words[-4:-1] == ["and", "a", HALF] and words[-1] in MULTIPLIERS:
        whole = CardinalReader().read(words[:-4])
        if whole is not None and whole < 1000:
            return (whole + Fraction(1, 2)) * MULTIPLIERS[words[-1]]
    return None


class CardinalReader:
    """A small state machine over English cardinal grammar: groups below a thousand (`[unit] hundred [and]
    [tens[-unit] | unit]`), each followed by a scale smaller than the one before (`two million three hundred
    thousand`). `a`/`an` counts as one only right before a multiplier (`a dozen`, `a thousand`)."""

    def __init__(self):
        self.total = 0
        self.group = 0
        self.last = "start"          # start, a, unit, teen, tens, digits, hundred, scale, and, dozen
        self.last_scale = None

    def read(self, words: list[str]) -> int | None:
        if not words or words[-1] == "and":
            return None
        if words in (["zero"], ["0"]):
            return 0
        for position, word in enumerate(words):
            if not self.step(word, position):
                return None
        if self.last == "a":
            return None
        return self.total + self.group

    def step(self, word: str, position: int) -> bool:
        last = self.last
        if word in ARTICLES:
            if position != 0:
                return False
            self.group, self.last = 1, "a"
            return True
        if word == "and":
            self.last = "and"
            return last in (HUNDRED, "scale")
        if word in UNITS or word in TENS or small_int(word) is not None:
            return self.add_small(word, last)
        if word == HUNDRED:
            if last not in ("a", "unit", "teen", "digits") or not 0 < self.group < 100:
                return False
            self.group *= 100
            self.last = HUNDRED
            return True
        if word == DOZEN:
            if last not in ("a", "unit", "teen", "digits") or not 0 < self.group <= 12 or self.total:
                return False
            self.group *= 12
            self.last = DOZEN
            return True
        if word in SCALES:
            scale = SCALES[word]
            if last not in ("a", "unit", "teen", "tens", "digits", HUNDRED) or self.group == 0 or \
                    (self.last_scale is not None and scale >= self.last_scale):
                return False
            self.total += self.group * scale
            self.group, self.last, self.last_scale = 0, "scale", scale
            return True
        return False

    def add_small(self, word: str, last: str) -> bool:
        """A unit, a teen, a tens word or a digit group, where the grammar lets one stand."""
        if word in TENS:
            value, kind = TENS[word], "tens"
        elif word in UNITS:
            value = UNITS[word]
            kind = "teen" if value >= 10 else "unit"
            if value == 0:
                return False
        else:
            value, kind = small_int(word), "digits"
            if value == 0:
                return False
        if last == "tens":
            if kind != "unit":
                return False   # `twenty thirty`, `twenty 5`
        elif last in (HUNDRED, "and"):
            if value >= 100 or self.group % 100:
                return False
        elif last == "scale":
            if kind == "digits" and value >= 1000:
                return False
        elif last != "start":
            return False       # `three two`, `a five`
        self.group += value
        self.last = kind
        return True
