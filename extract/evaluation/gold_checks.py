"""The shape of a gold file and of a fact read for scoring, checked before any score is made: a malformed entry
is one line naming the file and the entry (a SideFileError), never a Python error or a silently wrong score."""
from __future__ import annotations

from pathlib import Path

from extract.dataset.corpus import SideFileError
from extract.evaluation.scoring import GOLD_LISTS

NAME_LISTS = ("dates", "dates_optional", "regions", "regions_optional")   # lists of plain strings
COUNT_LISTS = ("case_counts", "personnel_counts", "team_counts", "region_counts")
# the fields scoring reads from an item: a string or null, or a list of those (any of them is right)
WORD_FIELDS = ("region", "status", "period", "date", "qualifier", "unit", "origin", "destination", "helper",
               "recipient", "expected")
FACT_FIELDS = WORD_FIELDS + ("value",)
KINDS = frozenset(GOLD_LISTS) | {"date", "region", "number"}


def is_count(value) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def is_word(value) -> bool:
    return value is None or isinstance(value, str)


def check_gold(path: Path, data: dict) -> None:
    """Each list a gold file holds has the items scoring reads, of the types it reads them as."""
    for name in NAME_LISTS:
        items = data.get(name, [])
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise SideFileError(path, f"{name}: not a list of strings")
    for name in GOLD_LISTS.values():
        items = data.get(name, [])
        if not isinstance(items, list):
            raise SideFileError(path, f"{name}: not a list")
        for number, item in enumerate(items, start=1):
            check_item(path, name, number, item)


def check_item(path: Path, name: str, number: int, item) -> None:
    where = f"{name} entry {number}"
    if not isinstance(item, dict):
        raise SideFileError(path, f"{where}: not an object")
    if name in COUNT_LISTS:
        value = item.get("value")
        if "value" not in item or not (is_count(value) or (isinstance(value, list) and value and
                                                           all(is_count(v) for v in value))):
            raise SideFileError(path, f"{where}: value {value!r} is not a whole number")
    if name == "gaps" and not (isinstance(item.get("pos"), int) and not isinstance(item.get("pos"), bool)):
        raise SideFileError(path, f"{where}: pos {item.get('pos')!r} is not a character offset")
    for field in WORD_FIELDS:
        value = item.get(field)
        if not (is_word(value) or (isinstance(value, list) and all(is_word(v) for v in value))):
            raise SideFileError(path, f"{where}: {field} {value!r} is not a string, null or a list of those")


def check_fact(path: Path, number: int, fact: dict) -> None:
    """A fact read for scoring: a known kind, and the fields scoring compares as plain values."""
    if fact["kind"] not in KINDS:
        raise SideFileError(path, f"line {number}: unknown kind {fact['kind']!r}")
    if fact["kind"] in GOLD_LISTS and fact["kind"] != "pairing" and "value" not in fact:
        raise SideFileError(path, f"line {number}: a {fact['kind']} without a value")
    for field in FACT_FIELDS:
        if isinstance(fact.get(field), (list, dict)):
            raise SideFileError(path, f"line {number}: {field} {fact[field]!r} is not a plain value")
