"""A document's facts as the rows of facts.csv, facts.jsonl and gaps.csv (pass 2 of a build, build.py)."""
from __future__ import annotations

import re
from operator import itemgetter

import orjson

from extract.dataset.tablefiles import csv_cell
from extract.dataset.verdicts import Verdict, apply_verdicts
from extract.nlp.records import FIELDS, Fact

# the staff fields (event, scope, teams) came after reviewed and extracted_value: appended, so that every column
# before them keeps its place; the article's published and url last
LATER_FIELDS_AT = FIELDS.index("event")
FACT_COLUMNS = list(FIELDS[:LATER_FIELDS_AT]) + ["reviewed", "extracted_value"] + list(FIELDS[LATER_FIELDS_AT:]) + \
    ["published", "url"]
GAP_COLUMNS = ["fact_id", "doc_id", "start", "end", "expected", "context", "belongs_to", "belongs_kind",
               "suggestion", "suggestion_basis", "suggestion_doc", "suggestion_fact", "suggestion_text",
               "suggestion_start", "suggestion_end", "candidates"]


# a text value that starts as spreadsheet.neutral's formulas do, in a JSON line: every text cell of a fact row is
# a `"key":"value"` of its line, so a line without this match has no cell that neutral_row would change
RISKY_JSON = re.compile(rb':"(?:[=+\-@\']|\\[tr])')
ROW_AT = {name: i for i, name in enumerate(FACT_COLUMNS)}
GAP_FROM_ROW = [ROW_AT[c] for c in GAP_COLUMNS if c in ROW_AT]   # the gap columns a fact row holds
BELONGS_KIND_AT, GAP_CANDIDATES_AT = GAP_COLUMNS.index("belongs_kind"), GAP_COLUMNS.index("candidates")
CANDIDATES_AT = FIELDS.index("candidates")   # before LATER_FIELDS_AT: a fact row's index too
NO_CANDIDATES = "[]"   # a fact row's candidates cell where there are none (an `is` test tells it from a text)
NO_VALUES = dict.fromkeys(FACT_COLUMNS)   # a JSON record's keys, in FACT_COLUMNS' order
ROW_CELLS = itemgetter(*FACT_COLUMNS)   # a row dict's cells in FACT_COLUMNS' order, as a tuple
# a fact's (or a fact row's: its columns start as the fact's fields do) id, kind and rule
FACT_ID_OF, KIND_OF, RULE_OF = itemgetter(FIELDS.index("fact_id")), itemgetter(FIELDS.index("kind")), \
    itemgetter(FIELDS.index("rule"))


def fact_table_rows(facts: list[Fact], verdicts: dict[str, Verdict], published: str | None = None,
                    url: str | None = None) -> tuple[list[tuple], list[dict]]:
    """One document's facts as rows of facts.csv (tuples in FACT_COLUMNS' order) with the verdicts applied, and
    the audit rows of those verdicts. Most documents have no verdict: their rows are the facts plus
    `reviewed` False, `extracted_value` and the article's `published` and `url`, made without a dict per fact.
    A fact without candidates has the cell `[]` that facts.csv writes for it (most facts: no second copy of the
    row to make); one with candidates keeps them as they are, for facts.jsonl (csv_cells writes them as text)."""
    if not verdicts or verdicts.keys().isdisjoint(map(FACT_ID_OF, facts)):
        return [(*f[:CANDIDATES_AT], f.candidates or NO_CANDIDATES, *f[CANDIDATES_AT + 1:LATER_FIELDS_AT], False,
                 f.value, *f[LATER_FIELDS_AT:], published, url) for f in facts], []
    rows, audit = apply_verdicts([f.to_dict() for f in facts], verdicts)
    return [ROW_CELLS({**row, "published": published, "url": url, "candidates": row["candidates"] or NO_CANDIDATES})
            for row in rows], audit


def csv_cells(rows: list[tuple]) -> list[tuple]:
    """Fact rows as facts.csv's cells: candidates as their JSON text."""
    return [row if row[CANDIDATES_AT] is NO_CANDIDATES else
            (*row[:CANDIDATES_AT], csv_cell(row[CANDIDATES_AT]), *row[CANDIDATES_AT + 1:]) for row in rows]


def json_records(rows: list[tuple]) -> list[dict]:
    """Fact rows as facts.jsonl's records: candidates as a list of objects."""
    records = []
    for row in rows:
        # a copy of a dict that holds every key already, then its values set: no table of keys to grow per record
        record = NO_VALUES.copy()
        record.update(zip(FACT_COLUMNS, row))
        candidates = record["candidates"]
        record["candidates"] = [] if candidates is NO_CANDIDATES else [dict(c) for c in candidates]
        records.append(record)
    return records


def gap_rows(rows: list[tuple]) -> list[list]:
    """The gaps of one document's fact rows, in GAP_COLUMNS' order (a gap belongs to a fact of its own
    document)."""
    kind_at, id_at, belongs_at = ROW_AT["kind"], ROW_AT["fact_id"], ROW_AT["belongs_to"]
    gaps = [r for r in rows if r[kind_at] == "missing_number"]
    if not gaps:
        return []
    kinds = {r[id_at]: r[kind_at] for r in rows}
    out = []
    for r in gaps:
        cells = [r[i] for i in GAP_FROM_ROW]
        cells.insert(BELONGS_KIND_AT, kinds.get(r[belongs_at]))   # the one gap column a fact row lacks
        if cells[GAP_CANDIDATES_AT] is not NO_CANDIDATES:
            cells[GAP_CANDIDATES_AT] = csv_cell(cells[GAP_CANDIDATES_AT])
        out.append(cells)
    return out


# where one fact's object ends and the next one's begins in the JSON array of a document's facts: a `"` inside a
# JSON string is escaped, so these bytes stand only between two objects whose first key is fact_id
NEXT_FACT = b'},{"fact_id":'
LINE_BREAK = b'}\n{"fact_id":'


def json_lines(records: list[dict]) -> bytes:
    """A document's fact records as JSON lines, byte for byte what orjson writes for each record with a line end,
    made in one call for the document (orjson's cost per call is several times its cost per record): the array
    of the records with its brackets taken off and each comma between two records made a line end. Where the
    array holds those bytes anywhere else (a nested object whose first key is fact_id), one call per record."""
    if not records:
        return b""
    array = orjson.dumps(records)
    if array.count(NEXT_FACT) != len(records) - 1:
        return b"".join(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE) for record in records)
    return array[1:-1].replace(NEXT_FACT, LINE_BREAK) + b"\n"
