"""Facts printed for `aidfacts extract`: JSON lines and CSV for programs, a table for people."""
from __future__ import annotations

import csv
import json
import shutil

from extract.dataset.spreadsheet import neutral
from extract.nlp.records import FIELDS, present

FORMATS = ("jsonl", "csv", "table")
ATTRIBUTE_COLUMNS = ("qualifier", "status", "period", "unit", "region", "origin", "destination", "helper",
                     "recipient", "date")   # shown in one cell of the table, with the rule


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
        out.write("\n".join(table_lines(facts, terminal_width())) + "\n")


def terminal_width() -> int:
    """The terminal's width (COLUMNS wins, as everywhere); 100 when the table goes to a file or a pipe."""
    return shutil.get_terminal_size((100, 24)).columns


def table_lines(facts: list[dict], width: int) -> list[str]:
    """Facts as a table for people, in `width` columns: the fact id first (what `aidfacts review` takes), then
    the fact (its kind and value, the attributes it has, its rule) and its text, both wrapped (rich lays the
    table out) rather than cut or pushed past the width: an 80-column terminal shows a fact in a few lines.
    One table per document, under its doc_id, when there are several."""
    from io import StringIO

    from rich.console import Console
    from rich.text import Text

    console = Console(file=StringIO(), width=max(width, 40), color_system=None, highlight=False, emoji=False,
                      markup=False, soft_wrap=False)
    documents = list(dict.fromkeys(f.get("doc_id") for f in facts))
    for doc_id in documents:
        if len(documents) > 1:
            console.print(Text(f"{doc_id}:"))
        console.print(fact_table([f for f in facts if f.get("doc_id") == doc_id]))
    return [line.rstrip() for line in console.file.getvalue().splitlines()]


def fact_table(facts: list[dict]):
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, show_edge=False, padding=(0, 2, 0, 0), header_style="")
    table.add_column("fact_id", no_wrap=True, min_width=16)
    table.add_column("fact", overflow="fold", min_width=24)
    table.add_column("text", overflow="fold", min_width=20)
    for fact in facts:
        # every cell as Text: an article's `[red]` or `:smile:` is shown as written, never read as markup
        table.add_row(Text(table_cell(fact, "fact_id")), Text(fact_cell(fact)),
                      Text(" ".join((fact.get("text") or "").split())))
    return table


def fact_cell(fact: dict) -> str:
    """`kind value`, then the attributes it has (not the one its value already is: a date's date, a region's
    region; nor `qualifier=exact`) and its rule on the next line."""
    kind, value = table_cell(fact, "kind"), table_cell(fact, "value")
    attributes = " ".join(f"{c}={fact[c]}" for c in ATTRIBUTE_COLUMNS
                          if present(fact.get(c)) and not (c == kind and str(fact[c]) == value)
                          and not (c == "qualifier" and fact[c] == "exact"))   # exact: what a number is unless said
    return f"{kind} {value}".strip() + "\n" + " ".join(filter(None, [attributes, table_cell(fact, "rule")]))


def table_cell(fact: dict, column: str) -> str:
    value = fact.get(column)
    if column == "value" and not present(value) and fact.get("missing"):
        return "(missing)"
    return str(value) if present(value) else ""
