"""`cases.csv`: one row per stated case figure (region, status, period, as-of day), and its checks.

The mentions come back from the store sorted by the table's order, so each figure is one run of equal keys; the
figures go to a table of their own, where the arithmetic checks are SQL joins over indexed keys (each a keyed
grouping, none holding the corpus in memory)."""
from __future__ import annotations

import bisect
import itertools
import sqlite3
from typing import Iterator

from extract.figures.mentions import CaseMention, LEVEL_RANK
from extract.figures.store import Batches
from extract.figures.values import Stated, disagreement, distinct_values, pick
from extract.nlp.gazetteer import default_gazetteer

CASE_COLUMNS = ["region", "region_code", "level", "province", "date", "status", "period", "value", "qualifier",
                "mentions", "documents", "values", "fact_ids", "checks", "date_basis", "doc_ids"]
LEVEL_NAMES = {rank: name for name, rank in LEVEL_RANK.items()}
KEY = CaseMention._fields[:6]   # province, level_rank, region, status, period, date
FIGURE_FIELDS = (*KEY, "value", "qualifier", "exact", "mentions", "documents", "vals", "fact_ids", "doc_ids",
                 "date_basis")
# the checks in the order a row names them
CASE_CHECKS = ("conflict", "revised", "decreasing", "new_vs_total", "parts_exceed_whole", "exceeds_confirmed",
               "date_after_publication")

# Every cumulative series (region, status), in order of day: what `decreasing` reads.
SERIES = """
SELECT id, province, region, status, value FROM case_figure WHERE period = 'total' AND exact
ORDER BY province, region, status, date"""
# total(d) - total(d - 1) differs from new(d): the new figure and the day's total are flagged.
NEW_VS_TOTAL = """
SELECT n.id, t1.id, t0.id FROM case_figure n
JOIN case_figure t1 ON t1.province = n.province AND t1.region = n.region AND t1.status = n.status
  AND t1.period = 'total' AND t1.date = n.date AND t1.exact
JOIN case_figure t0 ON t0.province = n.province AND t0.region = n.region AND t0.status = n.status
  AND t0.period = 'total' AND t0.date = date(n.date, '-1 day') AND t0.exact
WHERE n.period = 'new' AND n.exact AND t1.value - t0.value != n.value"""
# The cities of a province (or the provinces of the country) add up to more than it, the same day, status and
# period. The parts count at their lower bound (`over 400` is at least 400).
PARTS = """
SELECT w.id, group_concat(p.id, ' ') FROM case_figure w
JOIN case_figure p ON p.level_rank = w.level_rank + 1 AND p.date = w.date AND p.status = w.status
  AND p.period = w.period AND p.qualifier IN ('exact', 'over')
  AND (w.level_rank = 0 OR p.province = w.region)
WHERE w.exact AND w.level_rank < 2 GROUP BY w.id HAVING sum(p.value) > w.value"""
# Deaths or recoveries above the confirmed total of the same region and day.
EXCEEDS_CONFIRMED = """
SELECT s.id, 'exceeds_confirmed' FROM case_figure s
JOIN case_figure c ON c.province = s.province AND c.region = s.region AND c.date = s.date
  AND c.status = 'confirmed' AND c.period = 'total' AND c.exact
WHERE s.period = 'total' AND s.status IN ('death', 'recovered') AND s.exact AND s.value > c.value"""


def consolidate_cases(db: sqlite3.Connection) -> None:
    """The figures of the stored case mentions, in the table's order, and the checks they fail."""
    db.execute(f"CREATE TABLE case_figure (id INTEGER PRIMARY KEY, {', '.join(FIGURE_FIELDS)})")
    db.execute("CREATE TABLE case_check (id INTEGER, name TEXT)")
    mentions = db.execute(f"SELECT * FROM case_mention ORDER BY {', '.join(KEY)}, doc_id, start")
    figures = Batches(db, f"INSERT INTO case_figure VALUES ({', '.join('?' * (len(FIGURE_FIELDS) + 1))})")
    checks = Batches(db, "INSERT INTO case_check VALUES (?, ?)")
    for number, (key, group) in enumerate(itertools.groupby(mentions, key=lambda m: m[:6]), start=1):
        figure = [CaseMention._make(m) for m in group]
        stated = [Stated(m.value, m.qualifier, m.doc_id, m.published) for m in figure]
        value, qualifier = pick(stated)
        doc_ids = sorted({m.doc_id for m in figure})
        figures.add((number, *key, value, qualifier, qualifier == "exact", len(figure), len(doc_ids),
                     distinct_values(stated), " ".join(m.fact_id for m in figure), " ".join(doc_ids),
                     "stated" if any(m.date_basis == "stated" for m in figure) else "published"))
        problem = disagreement(stated)
        if problem:
            checks.add((number, problem))
        if any(m.date_basis == "stated" and len(m.published) == 10 and m.date > m.published for m in figure):
            checks.add((number, "date_after_publication"))
    figures.flush()
    checks.flush()
    db.execute("CREATE INDEX case_series ON case_figure (province, region, status, period, date)")
    db.execute("CREATE INDEX case_day ON case_figure (date, status, period, level_rank)")
    db.executemany("INSERT INTO case_check VALUES (?, 'decreasing')", ((i,) for i in out_of_order(db)))
    db.executemany("INSERT INTO case_check VALUES (?, ?)", db.execute(EXCEEDS_CONFIRMED).fetchall())
    for ids in db.execute(NEW_VS_TOTAL).fetchall():   # the new figure and both totals: any of them may be wrong
        db.executemany("INSERT INTO case_check VALUES (?, 'new_vs_total')", [(i,) for i in ids])
    for whole, parts in db.execute(PARTS).fetchall():
        db.executemany("INSERT INTO case_check VALUES (?, 'parts_exceed_whole')",
                       [(whole,)] + [(int(p),) for p in parts.split()])
    db.execute("CREATE INDEX case_check_id ON case_check (id)")


def out_of_order(db: sqlite3.Connection) -> list[int]:
    """The cumulative figures that break their series' rise: the fewest whose removal leaves each series never
    falling (all but a longest non-decreasing run of it). One wrong figure, too high or too low, is flagged
    alone, not the right figures around it."""
    flagged: list[int] = []
    for _, series in itertools.groupby(db.execute(SERIES), key=lambda r: r[1:4]):
        figures = [(i, value) for i, *_, value in series]
        # read backwards with values negated, a longest rise keeps, of equally long ones, the earliest figures:
        # of `500, then 400` the later is the one flagged, as below an earlier day's
        kept = set(longest_rise([(i, -value) for i, value in reversed(figures)]))
        flagged += [i for i, _ in figures if i not in kept]
    return flagged


def longest_rise(figures: list[tuple[int, int]]) -> list[int]:
    """The ids of a longest non-decreasing subsequence of (id, value) in order (patience sorting, n log n; of
    equally long ones, the one ending lowest)."""
    tails: list[int] = []     # tails[k]: the smallest value ending a rise of length k + 1
    ends: list[int] = []      # the index in `figures` of that ending
    before: list[int] = [-1] * len(figures)
    for at, (_, value) in enumerate(figures):
        k = bisect.bisect_right(tails, value)
        before[at] = ends[k - 1] if k else -1
        if k == len(tails):
            tails.append(value)
            ends.append(at)
        else:
            tails[k], ends[k] = value, at
    run, at = [], ends[-1] if ends else -1
    while at >= 0:
        run.append(figures[at][0])
        at = before[at]
    return run[::-1]


def case_rows(db: sqlite3.Connection) -> Iterator[dict]:
    """The rows of cases.csv, in order, each with the checks it fails."""
    gazetteer = default_gazetteer()
    checks = itertools.groupby(db.execute("SELECT id, name FROM case_check ORDER BY id"), key=lambda c: c[0])
    flagged = next(checks, None)
    for row in db.execute(f"SELECT id, {', '.join(FIGURE_FIELDS)} FROM case_figure ORDER BY id"):
        figure = dict(zip(("id", *FIGURE_FIELDS), row))
        names: set[str] = set()
        while flagged is not None and flagged[0] <= figure["id"]:
            if flagged[0] == figure["id"]:
                names = {name for _, name in flagged[1]}
            flagged = next(checks, None)
        region = figure["region"]
        yield dict(region=region or None, region_code=gazetteer[region].code if region else None,
                   level=LEVEL_NAMES[figure["level_rank"]], province=figure["province"] or None,
                   date=figure["date"], status=figure["status"], period=figure["period"], value=figure["value"],
                   qualifier=figure["qualifier"], mentions=figure["mentions"], documents=figure["documents"],
                   values=figure["vals"] or None, fact_ids=figure["fact_ids"],
                   checks=";".join(c for c in CASE_CHECKS if c in names) or None,
                   date_basis=figure["date_basis"], doc_ids=figure["doc_ids"])
