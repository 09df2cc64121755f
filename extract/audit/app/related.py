"""The figures a figure is checked against, for its review page: a check that compares rows (a series that falls,
parts above their whole, a new figure against the day's totals, deaths above the confirmed, batches above a running
total) is settled only by seeing the other rows, so the page lists them, each with its role and its own checks.

Read from the tables as written (cases.csv, staff.csv), with the same keys the checks use in
`extract.figures.cases` and `extract.figures.staff`."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

SERIES_CHECKS = {"decreasing", "new_vs_total"}


def related_figures(table: str, frame: pd.DataFrame, row: int) -> list[dict]:
    """[{row, role, ...the row's fields}] of the figures row `row` of `table` is checked against, in table order;
    empty when it fails no check that compares rows."""
    if frame is None or frame.empty or not 0 <= row < len(frame):
        return []
    figure = frame.iloc[row]
    failed = set(str(figure.get("checks") or "").split(";")) - {""}
    roles: dict[int, str] = {}
    if table == "cases":
        if failed & SERIES_CHECKS:
            roles.update(series_of(frame, figure))
        if "parts_exceed_whole" in failed:
            roles.update(whole_and_parts(frame, figure))
        if "exceeds_confirmed" in failed:
            roles.update(confirmed_of(frame, figure))
    elif table == "staff" and "batches_exceed_total" in failed:
        roles.update(batches_and_totals(frame, figure))
    roles.pop(row, None)
    return [dict(row=i, role=role, **plain_values(frame.iloc[i].to_dict())) for i, role in sorted(roles.items())]


def plain_values(record: dict) -> dict:
    """A table row's values with pandas' NaN as None (a template tests for none)."""
    return {k: (None if v is None or (isinstance(v, float) and v != v) else v) for k, v in record.items()}


def same(frame: pd.DataFrame, figure: pd.Series, *columns: str) -> pd.Series:
    """Rows equal to the figure on the columns, an empty cell equal to an empty cell."""
    mask = pd.Series(True, index=frame.index)
    for column in columns:
        mask &= frame[column].fillna("").astype(str) == ("" if pd.isna(figure[column]) else str(figure[column]))
    return mask


def positions(mask: pd.Series) -> list[int]:
    return [int(i) for i in mask.to_numpy().nonzero()[0]]


def series_of(frame: pd.DataFrame, figure: pd.Series) -> dict[int, str]:
    """The region's cumulative series of the status, and (for a new figure) the day's and the day before's totals."""
    roles = {}
    totals = same(frame, figure, "region", "province", "status") & (frame["period"] == "total")
    for i in positions(totals):
        roles[i] = "the same series"
    if figure["period"] == "new" and isinstance(figure["date"], str) and figure["date"]:
        before = (date.fromisoformat(figure["date"]) - timedelta(days=1)).isoformat()
        for i in positions(totals & (frame["date"] == figure["date"])):
            roles[i] = "the day's total"
        for i in positions(totals & (frame["date"] == before)):
            roles[i] = "the day before's total"
    if figure["period"] == "total":
        news = same(frame, figure, "region", "province", "status", "date") & (frame["period"] == "new")
        for i in positions(news):
            roles[i] = "the day's new figure"
    return roles


def whole_and_parts(frame: pd.DataFrame, figure: pd.Series) -> dict[int, str]:
    """The country or province the figure is a part of, and the parts of it (or of its whole), the same day,
    status and period."""
    day = same(frame, figure, "date", "status", "period")
    level = figure["level"]
    roles = {}
    if level in ("country", "province"):
        roles.update({i: "a part of it" for i in positions(day & parts_of(frame, figure))})
    if level in ("province", "city"):
        whole = day & ((frame["level"] == "country") if level == "province"
                       else (frame["level"] == "province") & (frame["region"] == figure["province"]))
        for i in positions(whole):
            roles[i] = "its whole"
            roles.update({j: "a part of its whole" for j in positions(day & parts_of(frame, frame.iloc[i]))})
    return roles


def parts_of(frame: pd.DataFrame, whole: pd.Series) -> pd.Series:
    """The rows one level below a whole: the provinces of the country, the cities of a province."""
    if whole["level"] == "country":
        return frame["level"] == "province"
    return (frame["level"] == "city") & (frame["province"] == whole["region"])


def confirmed_of(frame: pd.DataFrame, figure: pd.Series) -> dict[int, str]:
    confirmed = same(frame, figure, "region", "province", "date") & (frame["status"] == "confirmed") \
        & (frame["period"] == "total")
    return {i: "the confirmed total" for i in positions(confirmed)}


def batches_and_totals(frame: pd.DataFrame, figure: pd.Series) -> dict[int, str]:
    """The origin's batches and running totals to the destination (by province), of the same event."""
    pair = same(frame, figure, "origin_province", "destination_province", "event")
    return {i: ("a batch" if frame.iloc[i]["scope"] == "batch" else f"a {frame.iloc[i]['scope']}")
            for i in positions(pair)}
