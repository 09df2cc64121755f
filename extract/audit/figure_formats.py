"""The consolidated tables printed for `aidfacts figures`: a table that fits the terminal, or CSV for programs."""
from __future__ import annotations

import errno

import pandas as pd

from extract.figures.views import select_cases, select_staff, staff_sent

QUALIFIER_MARKS = {"over": ">", "under": "<", "about": "~", "exact": ""}
CASE_VIEW = ("region", "date", "status", "period", "value", "documents", "checks")
STAFF_VIEW = ("origin", "destination", "date", "event", "scope", "value", "teams", "documents", "checks")
NARROWEST = 6   # a text column is cut (with `…`) to no fewer characters than this
SENT_HEADERS = {"origin_province": "origin", "destination_province": "destination", "batch_staff": "in_batches",
                "latest_total": "total", "total_as_of": "as_of"}


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


def figures_text(tables: dict[str, pd.DataFrame], table: str, filters: dict, as_csv: bool, width: int,
                 outputs="outputs") -> str:
    """What `aidfacts figures` prints: `cases` or `staff` rows as filtered, or `sent` (staff_sent of the
    filtered dispatches); a table for people or CSV of every column."""
    needed = "cases" if table == "cases" else "staff"
    if needed not in tables:
        raise FileNotFoundError(errno.ENOENT, f"no {needed}.csv; run aidfacts build", str(outputs))
    if table == "cases":
        rows = select_cases(tables["cases"], filters.get("region"), filters.get("status"), filters.get("period"),
                            filters.get("failing", False))
    else:
        rows = select_staff(tables["staff"], filters.get("origin"), filters.get("destination"), filters.get("scope"),
                            filters.get("event"), filters.get("failing", False))
    if table == "sent":
        rows = staff_sent(rows)
    if as_csv:
        return rows.to_csv(index=False, lineterminator="\n")
    shown = rows.rename(columns=SENT_HEADERS).astype("string").fillna("") if table == "sent" else view(rows, table)
    return table_text(shown, width)
