"""Which facts are mentions of a figure or of a dispatch, and what each says: a map over fact rows, one at a time.

A fact row is a dict of the facts table's columns with the reviewers' verdicts applied (a rejected fact is no
row; a corrected one states its correction). The gazetteer adds what a grouping needs and the text does not
say: a region's level and province.
"""
from __future__ import annotations

from typing import NamedTuple

from extract.nlp.gazetteer import default_gazetteer

LEVELS = {"province": "province", "prefecture": "city", "county": "city"}   # the gazetteer's level -> the table's
LEVEL_RANK = {"country": 0, "province": 1, "city": 2}   # the country first, then each province before its cities
PERIODS = ("new", "total")


class CaseMention(NamedTuple):
    """A case count that states a figure: its key (region, status, period, as-of day) and what it says."""
    province: str        # '' for the country: the sort key puts a province's cities after it
    level_rank: int
    region: str          # '' for the country
    status: str
    period: str
    date: str            # ISO day
    value: int
    qualifier: str
    doc_id: str
    published: str       # '' when unknown
    start: int
    fact_id: str
    date_basis: str      # `stated` (the text says when) or `published` (the article's day)


class StaffMention(NamedTuple):
    """A staff count that may state a dispatch (a part of a team does not)."""
    doc_id: str
    start: int
    fact_id: str
    published: str
    value: int
    qualifier: str
    origin: str          # '' when not stated
    destination: str
    date: str
    event: str           # `sent` or `returned`; '' when its words tell neither (`the 134 medics will work ...`)
    scope: str           # `batch` or `total`
    teams: int | None


def is_day(value) -> bool:
    return isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-"


def whole_number(value) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    return None


def case_mention(row: dict, published: str | None) -> CaseMention | None:
    """The figure a case count states, or None: it needs a value, a period, an as-of day (stated, else the
    article's day of publication) and a region, or the rules' word that it is the whole country's."""
    if row["kind"] != "case_count" or row["period"] not in PERIODS:
        return None
    value = whole_number(row["value"])
    if value is None:
        return None
    date, basis = row["date"], "stated"
    if not is_day(date):
        if date is not None or not is_day(published):
            return None   # a month or a year is no as-of day; nor is nothing, in an undated article
        date, basis = published, "published"
    region = row["region"]
    if region:
        place = default_gazetteer()[region]
        level = LEVELS[place.level]
        province = place.province or region
    elif row.get("whole_country"):
        level, province, region = "country", "", ""
    else:
        return None   # a count nobody placed is nobody's figure
    return CaseMention(province, LEVEL_RANK[level], region, row["status"] or "unspecified", row["period"], date,
                       value, row["qualifier"] or "exact", row["doc_id"], published or "", row["start"],
                       row["fact_id"], basis)


def without_parts(mentions: list[CaseMention], sentences: list[int]) -> list[CaseMention]:
    """One document's case mentions less those that are parts of a figure stated before them in their sentence:
    a smaller value with the same key (`a total of 1,234 confirmed cases (including 17 imported)`, `29 in Lishui
    (including 12 imported from abroad)`) counts some of that figure's cases, so it states no figure of its own.
    `sentences[i]` is where mention i's sentence starts; mentions come in document order. A larger value with
    the same key is kept (`rose from 2,579 to 3,869` read as one day's: the conflict check shows it), and so is
    an equal one (a restatement)."""
    kept, stated = [], {}   # (sentence, key) -> the largest value stated so far in that sentence
    for mention, sentence in zip(mentions, sentences):
        key = (sentence, mention[:6])
        before = stated.get(key)
        if before is not None and mention.value < before:
            continue
        stated[key] = max(before or 0, mention.value)
        kept.append(mention)
    return kept


def staff_mention(row: dict, published: str | None) -> StaffMention | None:
    """The dispatch a staff count may state, or None (no value, or a part of a team). A count whose words tell
    no journey (event '') only restates a dispatch its document tells (staff.py), never one of its own."""
    if row["kind"] != "personnel_count" or row.get("scope") == "part":
        return None
    value = whole_number(row["value"])
    if value is None or value == 0:
        return None
    date = row["date"] if is_day(row["date"]) else ""
    return StaffMention(row["doc_id"], row["start"], row["fact_id"], published or "", value,
                        row["qualifier"] or "exact", row["origin"] or "", row["destination"] or "", date,
                        row.get("event") or "", row.get("scope") or "batch", whole_number(row.get("teams")))


def province_of(region: str) -> str:
    """A region's provincial-level area ('' for none)."""
    province = PROVINCES.get(region)
    if province is None:
        province = PROVINCES[region] = (default_gazetteer()[region].province or region) if region else ""
    return province


PROVINCES: dict[str, str] = {}   # region -> its province, as looked up (at most the gazetteer's names)
