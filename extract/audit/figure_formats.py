"""The consolidated tables printed for `aidfacts figures`: a table that fits the terminal, or CSV for programs."""
from __future__ import annotations

import pandas as pd

QUALIFIER_MARKS = {"over": ">", "under": "<", "about": "~", "exact": ""}
CASE_VIEW = ("region", "date", "status", "period", "value", "documents", "checks")
STAFF_VIEW = ("origin", "destination", "date", "event", "scope", "value", "teams", "documents", "checks")
NARROWEST = 6   # a text column is cut (with `…`) to no fewer characters than this


def marked_values(frame: pd.DataFrame) -> pd.Series:
    """A value with its qualifier as a mark: `>400` for `over 400`, `~120` for about 120."""
    marks = frame.qualifier.map(QUALIFIER_MARKS).fillna("") if "qualifier" in frame else ""
    return marks + frame.value.astype("string").fillna("")


def view(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """The columns a reader scans, as text: the country named, values marked, empty cells blank."""
    columns = CASE_VIEW if table == "cases" else STAFF_VIEW
    shown = pd.DataFrame(index=frame.index)
    for column in columns:
        cells = marked_values(frame) if column == "value" else frame[column].astype("string")
        shown[column] = cells.fillna("")
    if table == "cases":
        shown.loc[frame.level == "country", "region"] = "(country)"
        shown["checks"] = shown.checks.str.replace(";", " ")
    return shown.rename(columns={"documents": "docs"})


def table_text(frame: pd.DataFrame, width: int) -> str:
    """Columns side by side, numbers right-aligned; the widest text columns are cut until the lines fit `width`."""
    if frame.empty:
        return "(no rows)"
    cells = {c: [str(v) for v in frame[c]] for c in frame.columns}
    widths = {c: max([len(c)] + [len(v) for v in cells[c]]) for c in frame.columns}
    numeric = {c for c in frame.columns if all(v.lstrip("<>~").isdigit() or v == "" for v in cells[c])}
    whole = numeric | {"date"}   # cut last: a number or a day cut short would read as another
    while sum(widths.values()) + 2 * (len(widths) - 1) > width:
        widest = max((c for c in widths if c not in whole), key=lambda c: widths[c], default=None)
        if widest is None or widths[widest] <= NARROWEST:
            break   # nothing left to cut: the terminal wraps
        widths[widest] -= 1

    def fit(value: str, column: str) -> str:
        w = widths[column]
        value = value if len(value) <= w else value[: w - 1] + "…"
        return value.rjust(w) if column in numeric else value.ljust(w)

    lines = ["  ".join(fit(c, c) for c in frame.columns).rstrip()]
    for k in range(len(frame)):
        lines.append("  ".join(fit(cells[c][k], c) for c in frame.columns).rstrip())
    return "\n".join(lines)
