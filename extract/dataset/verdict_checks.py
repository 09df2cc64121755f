"""What a verdict may hold, checked one way for every way in (the CLI, the review app's endpoints, a row of
verdicts.csv): the verdict itself, and a corrected value and attributes of the fact's kind in their canonical form.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from extract.nlp.gazetteer import default_gazetteer
from extract.nlp.limits import MAX_COUNT, MAX_COUNT_DIGITS, MAX_YEAR, MIN_YEAR, valid_count, valid_iso_date

VERDICTS = ("accept", "reject", "correct")
NUMERIC_KINDS = ("case_count", "personnel_count", "team_count", "region_count", "missing_number")
REGION_FIELDS = ("region", "origin", "destination", "helper", "recipient")
CHOICES = {"status": ("confirmed", "suspected", "severe", "critical", "death", "recovered", "unspecified"),
           "period": ("new", "total"), "qualifier": ("exact", "over", "under", "about"),
           "unit": ("province", "city")}
# the attributes a reviewer may correct, per kind (the contract's attributes of that kind)
EDITABLE = {"case_count": ("region", "status", "period", "qualifier", "date"),
            "personnel_count": ("origin", "destination", "qualifier", "date"),
            "team_count": ("origin", "destination", "qualifier", "date"),
            "region_count": ("unit", "qualifier", "date"), "pairing": ("helper", "recipient", "date"),
            "region": (), "date": (), "missing_number": ()}
WHOLE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+")
FACT_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_NOTE = 2000    # characters of a reviewer's note: a sentence or two, bounded so no note can block the file
MAX_VALUE = 200    # characters of a value or an attribute as typed (a region's name, an ISO date, a count)


class VerdictError(ValueError):
    """A verdict that cannot be read, recorded or applied; the message is the one line to show."""


class VerdictChanged(VerdictError):
    """A change made after a verdict that is no longer the fact's (another tab or reviewer recorded one since)."""


@dataclass(frozen=True)
class Verdict:
    fact_id: str
    verdict: str
    value: str | None = None
    note: str | None = None
    attributes: tuple[tuple[str, str], ...] = ()   # corrected attributes, (name, value) sorted by name

    @property
    def changes(self) -> dict[str, str]:
        return dict(self.attributes)


# ---- corrections checked by kind ---------------------------------------------------------------------------

def whole_count(value, what: str = "count") -> int:
    """A count as an exact int: digits (thousands commas allowed), 0 to MAX_COUNT."""
    text = ascii_digits(str(value).strip())
    if not WHOLE.fullmatch(text):
        raise VerdictError(f"a {what} needs a whole number, not {text!r}")
    number = int(text.replace(",", "")) if len(text) <= 2 * MAX_COUNT_DIGITS else MAX_COUNT
    if not valid_count(number):
        raise VerdictError(f"a {what} of {text} is out of bounds (below {MAX_COUNT:,})")
    return number


def iso_date(value) -> str:
    """A date as ISO YYYY, YYYY-MM or YYYY-MM-DD, a real calendar day, between MIN_YEAR and MAX_YEAR."""
    text = ascii_digits(str(value).strip())
    if not text.isascii() or not valid_iso_date(text):
        raise VerdictError(f"date {text!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY) of a real day "
                           f"between {MIN_YEAR} and {MAX_YEAR}")
    return text


def region_name(value, what: str = "region") -> str:
    """A known region's canonical name, from any of its forms (`Wuhan City`, `武汉`)."""
    region = default_gazetteer().lookup(str(value).strip())
    if region is None:
        raise VerdictError(f"{what} {str(value).strip()!r} is not a region of the gazetteer")
    return region.canonical


def typed_value(kind: str, value):
    """A corrected value in its kind's type, checked: an int for counts, an ISO date for dates, a canonical name
    for regions."""
    if kind in NUMERIC_KINDS:
        return whole_count(value, kind.replace("_", " "))
    if kind == "date":
        return iso_date(value)
    if kind == "region":
        return region_name(value)
    if kind == "pairing":
        raise VerdictError("a pairing has no value: correct its helper and recipient (helper=...;recipient=...)")
    return str(value)


def checked_attribute(name: str, value: str) -> str:
    if name in REGION_FIELDS:
        return region_name(value, name)
    if name == "date":
        return iso_date(value)
    if value not in CHOICES[name]:
        raise VerdictError(f"{name} {value!r} is not one of {', '.join(CHOICES[name])}")
    return value


def pairing_attributes(value: str) -> dict[str, str]:
    """`Hunan -> Xiaogan` (or `Hunan,Xiaogan`) as the helper and recipient of a pairing."""
    parts = re.split(r"\s*(?:->|→|,)\s*", value.strip())
    if len(parts) != 2 or not all(parts):
        raise VerdictError(f"a pairing is corrected as 'Helper -> Recipient', not {value!r}")
    return {"helper": parts[0], "recipient": parts[1]}


def checked_correction(kind: str, value: str | None, attributes: dict[str, str]) -> Verdict:
    """A correction of a fact of `kind` with its value and attributes checked and made canonical (the fact_id
    and note are filled in by the caller with dataclasses.replace)."""
    attributes = dict(attributes)
    if kind == "pairing" and value is not None and str(value).strip():
        attributes = {**pairing_attributes(str(value)), **attributes}
        value = None
    if value is not None and str(value).strip():
        value = str(typed_value(kind, value))
    else:
        value = None
    allowed = EDITABLE.get(kind, ())
    for name in attributes:
        if name not in allowed:
            raise VerdictError(f"a {kind} has no correctable attribute {name!r}"
                               + (f" (it has {', '.join(allowed)})" if allowed else ""))
    attributes = {name: checked_attribute(name, v) for name, v in attributes.items()}
    if value is None and not attributes:
        raise VerdictError("a correction needs a value or attributes")
    return Verdict("", "correct", value, None, tuple(sorted(attributes.items())))


def check_fact_id(fact_id) -> str:
    if not isinstance(fact_id, str) or not FACT_ID.fullmatch(fact_id):
        raise VerdictError(f"{str(fact_id)[:80]!r} is not a fact id")
    return fact_id


def ascii_digits(text: str) -> str:
    """Digits of any script (`２０２０`, `٢٠٢０`) as ASCII digits: what is stored is what every reader parses."""
    return "".join(str(unicodedata.decimal(ch)) if not ch.isascii() and unicodedata.decimal(ch, None) is not None
                   else ch for ch in text)


def bounded_text(value, what: str, limit: int) -> str:
    """Text a reviewer typed, as it may be stored: a string of at most `limit` characters that UTF-8 can hold
    (a lone surrogate cannot be written) and without control characters but tabs and line breaks."""
    if not isinstance(value, str):
        raise VerdictError(f"{what} must be text")
    if len(value) > limit:
        raise VerdictError(f"{what} is {len(value):,} characters long (at most {limit:,})")
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise VerdictError(f"{what} holds a lone surrogate, which is not text")
    if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", value):
        raise VerdictError(f"{what} holds control characters")
    return value


def checked_verdict(verdict: Verdict, kind: str | None = None) -> Verdict:
    """The one check every verdict passes, however it comes in (the CLI, the app's verdict, note and undo
    endpoints, a row of verdicts.csv): a fact id, a known verdict, a bounded note and value, digits made ASCII,
    attributes the contract names; and, when the fact's `kind` is known, a value and attributes of its type
    (the canonical form is what is stored). Returns the verdict as it is to be stored."""
    check_fact_id(verdict.fact_id)
    if verdict.verdict not in VERDICTS:
        raise VerdictError(f"unknown verdict {str(verdict.verdict)[:40]!r} (expected accept, reject or correct)")
    note = bounded_text(verdict.note, "a note", MAX_NOTE).strip() or None if verdict.note is not None else None
    value = verdict.value
    if value is not None:
        value = ascii_digits(bounded_text(value, "a value", MAX_VALUE).strip()) or None
    attributes = {}
    for name, item in verdict.attributes:
        if name not in REGION_FIELDS + ("date",) + tuple(CHOICES):
            raise VerdictError(f"{str(name)[:40]!r} is not a correctable attribute")
        attributes[name] = ascii_digits(bounded_text(item, name, MAX_VALUE).strip())
    if verdict.verdict == "reject" and (value is not None or attributes):
        raise VerdictError("a rejection has no value or attributes")
    if verdict.verdict == "accept" and attributes:
        raise VerdictError("an accept has no attributes (correct the fact instead)")
    if verdict.verdict == "correct" and value is None and not attributes:
        raise VerdictError("a correction needs a value or attributes")
    if kind is not None and verdict.verdict == "correct":
        fixed = checked_correction(kind, value, attributes)
        value, attributes = fixed.value, dict(fixed.attributes)
    elif kind is not None and value is not None:   # an accepted suggestion fills a blank of its kind
        value = str(typed_value(kind, value))
    elif value is not None and ("\n" in value or "\r" in value):
        raise VerdictError("a value is one line")
    return Verdict(verdict.fact_id, verdict.verdict, value, note, tuple(sorted(attributes.items())))
