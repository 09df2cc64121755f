"""`staff.csv`: one row per dispatch of staff, and its checks.

Two groupings. Inside a document, the mentions of one dispatch (a headline, the body, `the 134 medics`, a
caption) state the same number with attributes that do not contradict each other; each fills in what the others
leave out. A mention whose words tell no journey (no event: `the 134 medics will take over two wards`) only
restates a dispatch its document tells; alone it is none. Across documents, a dispatch restated within a few days
(a syndicated copy, a follow-up) by the same origin and destination is one row, as is one told by its stated day
within two weeks, or, with the same exact number between the same two named places, however late (a story of the
return recalling the day they left), or a day apart in two copies of the same days (left on Sunday night, arrived
on Monday); two documents giving one dated dispatch different numbers are one row that fails `conflict` (or
`revised`). Origins and destinations roll up to their provincial-level area."""
from __future__ import annotations

import datetime as dt
import itertools
import pickle
from collections import deque
from functools import lru_cache
from operator import attrgetter
import sqlite3
from dataclasses import dataclass, field
from typing import Iterator

from extract.figures.mentions import StaffMention, province_of
from extract.figures.store import Batches
from extract.figures.values import Stated, agree, disagreement, distinct_values, pick
from extract.nlp.gazetteer import default_gazetteer

STAFF_COLUMNS = ["origin", "origin_code", "origin_province", "destination", "destination_code",
                 "destination_province", "date", "event", "scope", "value", "qualifier", "teams", "mentions",
                 "documents", "values", "fact_ids", "checks", "doc_ids", "first_published"]
STAFF_CHECKS = ("conflict", "revised", "batches_exceed_total")
RECALL_DAYS = 120   # a story recalls a dispatch by its day at most this long after it (past it, rows are written)
COPY_DAYS = 3   # a restatement published this many days after the first is the same dispatch
DATED_DAYS = 14   # a dispatch whose day is stated may be restated, with that day, this many days after it
ROW_FIELDS = ("origin", "origin_province", "destination", "destination_province", "date", "event", "scope",
              "value", "qualifier", "teams", "mentions", "documents", "vals", "fact_ids", "doc_ids",
              "first_published", "checks", "moment")
ROW_ORDER = "origin_province, origin, destination_province, destination, date, event, scope, value, first_published"
# An origin's batches to a destination (both rolled up to their provinces) up to a day add up to more than the
# running total it states that day or later. A total stated as `over N` is a lower bound and is not checked.
BATCHES_EXCEED_TOTAL = """
SELECT t.id FROM staff_row t WHERE t.scope = 'total' AND t.qualifier != 'over' AND t.origin_province != ''
  AND t.destination_province != '' AND t.moment != '' AND t.value < (
    SELECT sum(b.value) FROM staff_row b WHERE b.scope = 'batch' AND b.event = t.event
    AND b.origin_province = t.origin_province AND b.destination_province = t.destination_province
    AND b.moment != '' AND b.moment <= t.moment)"""


@dataclass
class Dispatch:
    """The mentions of one dispatch, and what they state together."""
    origin: str
    destination: str
    date: str
    event: str
    scope: str
    value: int
    teams: int | None
    published: str
    stated: list[Stated] = field(default_factory=list)
    fact_ids: list[str] = field(default_factory=list)
    seq: int = 0   # the order rows of one grouping were made in (the first made wins a tie)

    @classmethod
    def of(cls, m: StaffMention) -> "Dispatch":
        return cls(m.origin, m.destination, m.date, m.event, m.scope, m.value, m.teams, m.published,
                   [Stated(m.value, m.qualifier, m.doc_id, m.published)], [m.fact_id])

    def add(self, m: StaffMention) -> None:
        self.merge(Dispatch.of(m))

    def merge(self, other: "Dispatch") -> None:
        """Take in another statement of this dispatch: each fills in what the other leaves out."""
        self.stated += other.stated
        self.fact_ids += other.fact_ids
        self.origin = more_specific(self.origin, other.origin)
        self.destination = more_specific(self.destination, other.destination)
        self.date = self.date or other.date
        self.teams = self.teams if self.teams is not None else other.teams
        self.published = min(filter(None, (self.published, other.published)), default="")

    def documents(self) -> set[str]:
        return {s.doc_id for s in self.stated}


def places_agree(a: str, b: str) -> bool:
    """Two statements of where: the same, one unsaid, or a province and a place in it (`Jiangxi`, `Nanchang`)."""
    return not a or not b or a == b or province_of(a) == b or province_of(b) == a


def more_specific(a: str, b: str) -> str:
    """Of two places that agree, the one that says more (`Nanchang` over `Jiangxi`, anything over nothing)."""
    if not a:
        return b
    if not b or a == b:
        return a
    return a if province_of(a) == b else b


def same_dispatch(d: Dispatch, m: StaffMention) -> bool:
    """A mention of a dispatch its document already stated: the same number, event and scope, and nothing
    said of where or when that contradicts it."""
    return (same_number(d, m) and (d.event == m.event or not m.event) and d.scope == m.scope
            and places_agree(d.origin, m.origin)
            and places_agree(d.destination, m.destination) and (not d.date or not m.date or d.date == m.date))


def same_number(d: Dispatch, m: StaffMention) -> bool:
    """The same number; or, for a running total whose sender and destination both mentions name, a rounded
    statement and an exact one it admits (`has sent over 300 medical workers to Hubei`, `four batches totaling
    318`): one document's one total, said twice."""
    if d.value == m.value:
        return True
    if d.scope != "total" or m.scope != "total" or not (d.origin and m.origin and d.destination and m.destination):
        return False
    stated = d.stated + [Stated(m.value, m.qualifier, m.doc_id, m.published)]
    qualifiers = {s.qualifier == "exact" for s in stated}
    return qualifiers == {True, False} and agree(stated)


def document_dispatches(mentions: list[StaffMention]) -> list[Dispatch]:
    """One document's mentions (in text order) grouped into its dispatches. A mention whose words tell no
    journey (`The 134 medics will take over two wards`, no event) is one more mention of a dispatch the document
    tells with the same number, and adds nothing else to it; alone, it is no dispatch (staff at work at home,
    staff who only signed up, a hospital's staff)."""
    dispatches: list[Dispatch] = []
    for m in mentions:
        if not m.event:
            continue
        found = next((d for d in dispatches if same_dispatch(d, m)), None)
        if found is None:
            dispatches.append(Dispatch.of(m))
        else:
            found.add(m)
    order = {m.fact_id: k for k, m in enumerate(mentions)}
    for m in mentions:
        if m.event:
            continue
        found = [d for d in dispatches if same_dispatch(d, m)]
        if len(found) == 1:   # two dispatches of that number (a team sent, then returned): whose is unsaid
            found[0].stated.append(Stated(m.value, m.qualifier, m.doc_id, m.published))
            found[0].fact_ids.append(m.fact_id)
    for d in dispatches:   # every row lists its mentions in text order, and restates its value in others
        d.value = pick(d.stated)[0]
        pairs = sorted(zip(d.fact_ids, d.stated), key=lambda p: order[p[0]])
        d.fact_ids, d.stated = [p[0] for p in pairs], [p[1] for p in pairs]
    return dispatches


def days_apart(a: str, b: str) -> int | None:
    if len(a) != 10 or len(b) != 10:
        return None
    return abs(day_number(a) - day_number(b))


@lru_cache(maxsize=1 << 14)
def day_number(day: str) -> int:
    """An ISO day as an ordinal (the days of a corpus are few: each is parsed once)."""
    return dt.date.fromisoformat(day).toordinal()


def within_reach(row: Dispatch, d: Dispatch) -> bool:
    """Whether `d`, published no earlier than `row`, may still restate it: published within a few days of it,
    or, for a dispatch of a stated day, with that day and within two weeks of it."""
    apart = days_apart(row.published, d.published)
    if apart is not None and apart <= COPY_DAYS:
        return True
    if row.date and d.date == row.date:
        late = days_apart(row.date, d.published)
        return late is None or late <= DATED_DAYS
    return False


def out_of_reach(row: Dispatch, published: str) -> bool:
    """No document published on `published` or later can restate `row`."""
    if len(published) != 10:
        return False   # articles of no known day (or only a month) sort first: nothing is out of their reach
    apart = days_apart(row.published, published)
    late = days_apart(row.date, published) if row.date else None
    if apart is None:   # `row` is of an article of no known day: only its stated day brings restatements
        return late is None or late > DATED_DAYS
    return apart > COPY_DAYS and (late is None or late > DATED_DAYS)


def restates(row: Dispatch, d: Dispatch) -> bool:
    """A later document's dispatch `d` is `row` again: published within a few days (or the same stated day),
    with the same number, or with another number for the same dated dispatch between the same two places."""
    if row.documents() & d.documents():
        return False   # one document's two dispatches stay two
    if not (places_agree(row.origin, d.origin) and places_agree(row.destination, d.destination)):
        return False
    if row.date and d.date and row.date != d.date:
        return next_day(row, d)
    if not within_reach(row, d):
        return False
    if row.value == d.value:
        return True
    # another number: only for one dated dispatch whose origin and destination both documents name
    return bool(row.date and row.date == d.date and row.origin and row.origin == d.origin and row.destination
                and row.destination == d.destination)


def next_day(row: Dispatch, d: Dispatch) -> bool:
    """One team said to leave on one day by one article and to arrive (or to leave, at night) on the next by
    another of the same days: the same exact number between the same two named places, a day apart."""
    return (days_apart(row.date, d.date) == 1 and row.value == d.value and exact(row) and exact(d)
            and bool(row.origin and d.origin and row.destination and d.destination)
            and places_agree(row.origin, d.origin) and places_agree(row.destination, d.destination)
            and days_apart(row.published, d.published) is not None
            and days_apart(row.published, d.published) <= COPY_DAYS)


def exact(d: Dispatch) -> bool:
    return all(s.qualifier == "exact" for s in d.stated)


def candidate_rows(mentions: list[StaffMention]) -> list[tuple]:
    """One document's staff mentions as its dispatches, rows of table staff_candidate (made where the document's
    mentions are at hand, in pass 2 of a build: a map over documents, no sort of the corpus's mentions)."""
    if not mentions:
        return []
    mentions = sorted(mentions, key=START)   # in text order
    doc_id = mentions[0].doc_id
    return [(province_of(d.origin), province_of(d.destination), d.event, d.scope, d.published, doc_id, k, encode(d))
            for k, d in enumerate(document_dispatches(mentions))]


START = attrgetter("start")


def consolidate_staff(db: sqlite3.Connection) -> None:
    """The dispatches of the stored candidates (table staff_candidate, one row per dispatch of a document), merged
    across documents, with their checks, into table `staff_row`."""
    db.execute(f"CREATE TABLE staff_row (id INTEGER PRIMARY KEY, {', '.join(ROW_FIELDS)})")
    candidates = db.execute("SELECT origin_province, destination_province, event, scope, dispatch "
                            "FROM staff_candidate ORDER BY origin_province, destination_province, event, scope, "
                            "published, doc_id, first_start")
    insert = Batches(db, f"INSERT INTO staff_row ({', '.join(ROW_FIELDS)}) VALUES ({', '.join('?' * len(ROW_FIELDS))})")
    for _, group in itertools.groupby(candidates, key=lambda c: c[:4]):
        for row in merged_rows(decode(c[4]) for c in group):
            insert.add(row_values(row))
    insert.flush()
    db.execute("CREATE INDEX staff_pair ON staff_row (origin_province, destination_province, scope, moment)")
    for (flagged,) in db.execute(BATCHES_EXCEED_TOTAL).fetchall():
        db.execute("UPDATE staff_row SET checks = trim(checks || ' batches_exceed_total') WHERE id = ?", (flagged,))


def merged_rows(dispatches) -> Iterator[Dispatch]:
    """Dispatches of one origin, destination, event and scope (by province), in order of publication, merged
    where a later one restates an earlier one still within reach, or recalls one by its day. Rows are looked up
    by value and by day, and leave as publication moves past their reach, so the work and the memory grow with
    the dispatches of a few weeks, not with the corpus."""
    window: deque[Dispatch] = deque()   # rows within reach, in order of publication
    recall: deque[Dispatch] = deque()   # rows out of reach but for a recall of their day
    by_value: dict[int, list[Dispatch]] = {}
    by_day: dict[str, list[Dispatch]] = {}
    recalled: dict[tuple[str, int], list[Dispatch]] = {}
    for seq, d in enumerate(dispatches):
        while window and out_of_reach(window[0], d.published):
            row = window.popleft()
            forget(by_value, row.value, row)
            if row.date:
                forget(by_day, row.date, row)
                recall.append(row)
                recalled.setdefault((row.date, row.value), []).append(row)
            else:
                yield row   # publications come in order: no later document can restate it now
        while recall and past_recall(recall[0], d.published):
            row = recall.popleft()
            forget(recalled, (row.date, row.value), row)
            yield row
        near = by_value.get(d.value, []) + (by_day.get(d.date, []) if d.date else [])
        near = sorted({id(row): row for row in near}.values(), key=lambda row: row.seq)   # first made first
        found = next((row for row in near if restates(row, d)), None)
        if found is None and d.date:
            found = next((row for row in near if row.date and recalls(row, d)), None)
        if found is None and d.date:
            found = next((row for day in near_days(d.date) for row in recalled.get((day, d.value), ())
                          if recalls(row, d)), None)
        if found is None:
            d.seq = seq
            window.append(d)
            by_value.setdefault(d.value, []).append(d)
            if d.date:
                by_day.setdefault(d.date, []).append(d)
        else:
            dated = bool(found.date)
            found.merge(d)
            if found.date and not dated and any(row is found for row in window):
                by_day.setdefault(found.date, []).append(found)   # it has a day now: look it up by it
    yield from window
    yield from recall


def forget(index: dict, key, row: Dispatch) -> None:
    """Take `row` (itself, not an equal one) out of index[key]."""
    rows = [r for r in index.get(key, ()) if r is not row]
    if rows:
        index[key] = rows
    else:
        index.pop(key, None)


def past_recall(row: Dispatch, published: str) -> bool:
    """A dispatch whose day is further back than any story recalls (a return a season later tells its own)."""
    late = days_apart(row.date, published) if len(published) == 10 else None
    return late is not None and late > RECALL_DAYS and published > row.date


def near_days(day: str) -> list[str]:
    """The day, and the days before and after it (a team leaves at night and arrives the next day)."""
    if len(day) != 10:
        return [day]
    d = dt.date.fromisoformat(day)
    return [day] + [(d + dt.timedelta(days=k)).isoformat() for k in (-1, 1)]


def recalls(row: Dispatch, d: Dispatch) -> bool:
    """A story weeks later that recalls a dispatch by its day (`They had left Nanchang for Suizhou on Feb 11 as
    a team of 134`, in the story of their return): the same day (or the next: left at night, arrived the next
    day), the same exact number, and the same two places, both named."""
    return (not row.documents() & d.documents() and (days_apart(row.date, d.date) or 0) <= 1
            and row.value == d.value
            and exact(row) and exact(d) and bool(row.origin and d.origin and row.destination and d.destination)
            and places_agree(row.origin, d.origin) and places_agree(row.destination, d.destination))


def row_values(d: Dispatch) -> tuple:
    documents = sorted(d.documents())
    value, qualifier = pick(d.stated)
    problem = disagreement(d.stated)
    return (d.origin, province_of(d.origin), d.destination, province_of(d.destination), d.date, d.event, d.scope,
            value, qualifier, d.teams, len(d.stated), len(documents), distinct_values(d.stated),
            " ".join(d.fact_ids), " ".join(documents), d.published, problem or "", d.date or d.published)


def encode(d: Dispatch) -> bytes:
    """A dispatch as plain values (pickled in C: a named tuple would pickle through a Python call)."""
    return pickle.dumps((d.origin, d.destination, d.date, d.event, d.scope, d.value, d.teams, d.published,
                         [tuple(s) for s in d.stated], d.fact_ids), protocol=pickle.HIGHEST_PROTOCOL)


def decode(data: bytes) -> Dispatch:
    *head, stated, fact_ids = pickle.loads(data)
    return Dispatch(*head, stated=[Stated(*s) for s in stated], fact_ids=fact_ids)


def staff_rows(db: sqlite3.Connection) -> Iterator[dict]:
    """The rows of staff.csv, in order."""
    gazetteer = default_gazetteer()
    for row in db.execute(f"SELECT {', '.join(ROW_FIELDS)} FROM staff_row ORDER BY {ROW_ORDER}, id"):
        r = dict(zip(ROW_FIELDS, row))
        names = set(r["checks"].split())
        yield dict(origin=r["origin"] or None, origin_code=gazetteer[r["origin"]].code if r["origin"] else None,
                   origin_province=r["origin_province"] or None, destination=r["destination"] or None,
                   destination_code=gazetteer[r["destination"]].code if r["destination"] else None,
                   destination_province=r["destination_province"] or None, date=r["date"] or None,
                   event=r["event"], scope=r["scope"], value=r["value"], qualifier=r["qualifier"],
                   teams=r["teams"], mentions=r["mentions"], documents=r["documents"], values=r["vals"] or None,
                   fact_ids=r["fact_ids"], checks=";".join(c for c in STAFF_CHECKS if c in names) or None,
                   doc_ids=r["doc_ids"], first_published=r["first_published"] or None)
