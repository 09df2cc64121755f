"""Facts printed for `aidfacts extract`: JSON lines and CSV for programs, a table for people."""
from __future__ import annotations

import csv
import json
import shutil
import textwrap

from extract.dataset.spreadsheet import neutral
from extract.nlp.records import FIELDS, present

FORMATS = ("jsonl", "csv", "table")
TABLE_COLUMNS = ("fact_id", "doc_id", "kind", "value", "qualifier", "status", "period", "unit", "region", "origin",
                 "destination", "helper", "recipient", "date", "rule")   # and the text, wrapped, last


def write_facts(facts: list[dict], fmt: str, out) -> None:
    if fmt == "jsonl":
        for fact in facts:
            out.write(json.dumps(fact, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(FIELDS), lineterminator="\n")
        writer.writeheader()
        for fact in facts:
            row = {**fact, "candidates": json.dumps(fact["candidates"], ensure_ascii=False)}
            writer.writerow({name: neutral(value) for name, value in row.items()})
    else:
        out.write("\n".join(table_lines(facts, shutil.get_terminal_size((160, 24)).columns)) + "\n")


def table_lines(facts: list[dict], width: int) -> list[str]:
    """Facts as a table for people: the fact id first (what `aidfacts review` takes), the attributes any fact
    has, and the text last, wrapped to the width rather than cut."""
    columns = [c for c in TABLE_COLUMNS if c in ("fact_id", "doc_id", "kind", "value")
               or any(present(f.get(c)) for f in facts)]
    rows = [[table_cell(f, c) for c in columns] for f in facts]
    widths = [max([len(c)] + [len(row[i]) for row in rows]) for i, c in enumerate(columns)]
    text_width = max(20, width - sum(widths) - 2 * len(columns))
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)) + "  text"]
    for fact, row in zip(facts, rows):
        prefix = "  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  "
        pieces = textwrap.wrap(" ".join((fact.get("text") or "").split()), text_width) or [""]
        lines.append(prefix + pieces[0])
        lines += [" " * len(prefix) + piece for piece in pieces[1:]]
    return lines


def table_cell(fact: dict, column: str) -> str:
    value = fact.get(column)
    if column == "value" and not present(value) and fact.get("missing"):
        return "(missing)"
    return str(value) if present(value) else ""
