"""CSV cells that a spreadsheet shows as text: no formula injection from an article, a title or a note.

A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (after any apostrophes) is written
with one apostrophe in front, so that Excel, LibreOffice or Google Sheets show it instead of running it
(`=HYPERLINK(...)` stays text). Numbers are left alone, also when they are text (`-5`, `+86`): a spreadsheet reads
them as numbers, which is harmless. Only the CSV files are changed; facts.jsonl keeps the exact text, and
`restore` (used by load_dataset) takes the apostrophe off again, so a table read back holds the exact text.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

RISKY_FIRST = frozenset("=+-@\t\r'")
FORMULA = re.compile(r"'*[=+\-@\t\r]")   # apostrophes are counted in, so that restore can undo exactly
NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)*|\.\d+)(?:[eE][+-]?\d+)?")
NEUTRALISED = r"^'(?='*[=+\-@\t\r])"


def neutral(value):
    """A cell as it is written to a CSV file: a formula-like text gets a leading apostrophe."""
    if value.__class__ is str and value[:1] in RISKY_FIRST and FORMULA.match(value) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutral_row(row):
    """A row's cells for a CSV file; the row itself when no cell needs it (almost always: no copy)."""
    for cell in row:
        if cell.__class__ is str and cell[:1] in RISKY_FIRST:
            return [neutral(c) for c in row]
    return row


def restore(column: pd.Series) -> pd.Series:
    """A text column read from a CSV file with the apostrophes `neutral` added taken off again."""
    text = column.astype(object)
    marked = text.map(lambda cell: isinstance(cell, str) and cell[:1] == "'")
    if not marked.any():
        return column
    return column.where(~marked, text[marked].str.replace(NEUTRALISED, "", n=1, regex=True))
