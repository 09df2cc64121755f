"""What a reader asks of the consolidated tables, as pandas: the rows of a region, a status or an origin, and how
many staff each province sent where (batches and running totals never added together)."""
from __future__ import annotations

import pandas as pd

from extract.nlp.gazetteer import default_gazetteer

NOT_STATED = "(not stated)"


def canonical(name: str) -> str:
    """A region as typed (`hubei`, `Hubei Province`, `湖北`) as its canonical name; ValueError if unknown."""
    region = default_gazetteer().lookup(name.strip())
    if region is None:
        raise ValueError(f"{name}: not a Chinese region the gazetteer knows")
    return region.canonical


def in_place(names: pd.Series, provinces: pd.Series, place: str) -> pd.Series:
    """Rows whose place is `place`, or lies in it (a province names its cities too)."""
    return (names == place) | (provinces == place)


def select_cases(cases: pd.DataFrame, region: str | None = None, status: str | None = None,
                 period: str | None = None, failing: bool = False) -> pd.DataFrame:
    """The figures of a region (a province with its cities; `country` for the whole country), a status and a
    period; `failing`: only those that fail a check."""
    keep = pd.Series(True, index=cases.index)
    if region:
        keep &= cases.level.eq("country") if region.lower() == "country" else \
            in_place(cases.region, cases.province, canonical(region))
    if status:
        keep &= cases.status == status
    if period:
        keep &= cases.period == period
    if failing:
        keep &= cases.checks.notna()
    return cases[keep]


def select_staff(staff: pd.DataFrame, origin: str | None = None, destination: str | None = None,
                 scope: str | None = None, event: str | None = None, failing: bool = False) -> pd.DataFrame:
    """The dispatches from an origin and to a destination (each a place or its province's places)."""
    keep = pd.Series(True, index=staff.index)
    if origin:
        keep &= in_place(staff.origin, staff.origin_province, canonical(origin))
    if destination:
        keep &= in_place(staff.destination, staff.destination_province, canonical(destination))
    if scope:
        keep &= staff.scope == scope
    if event:
        keep &= staff.event == event
    if failing:
        keep &= staff.checks.notna()
    return staff[keep]


def staff_sent(staff: pd.DataFrame) -> pd.DataFrame:
    """How many staff each province sent to each destination province: the batches added up, the latest running
    total it stated, and `sent`, the larger of the two (a running total already holds the batches before it, so
    the two are never added). Origins of no known province are left out."""
    sent = staff[(staff.event == "sent") & staff.origin_province.notna()].copy()
    sent["destination_province"] = sent.destination_province.fillna(NOT_STATED)
    sent["moment"] = sent.date.where(sent.date.notna(), sent.first_published).astype(str)
    rows = []
    for (origin, destination), group in sent.groupby(["origin_province", "destination_province"], sort=True):
        batches = group[group.scope == "batch"]
        totals = group[group.scope == "total"].sort_values(["moment", "value"])
        latest = totals.iloc[-1] if len(totals) else None
        batch_sum = int(batches.value.sum())
        total = int(latest.value) if latest is not None else None
        rows.append(dict(origin_province=origin, destination_province=destination, batches=len(batches),
                         batch_staff=batch_sum, latest_total=total,
                         total_as_of=latest.moment if latest is not None else None,
                         sent=max(batch_sum, total or 0)))
    table = pd.DataFrame(rows, columns=["origin_province", "destination_province", "batches", "batch_staff",
                                        "latest_total", "total_as_of", "sent"])
    for column in ("batches", "batch_staff", "latest_total", "sent"):
        table[column] = table[column].astype("Int64")
    return table


def sent_matrix(sent: pd.DataFrame) -> pd.DataFrame:
    """staff_sent() as origin province x destination province, with totals."""
    matrix = sent.pivot(index="origin_province", columns="destination_province", values="sent")
    matrix = matrix.astype("Int64")
    matrix["all"] = matrix.sum(axis=1, skipna=True).astype("Int64")
    matrix.loc["all"] = matrix.sum(axis=0, skipna=True).astype("Int64")
    return matrix
